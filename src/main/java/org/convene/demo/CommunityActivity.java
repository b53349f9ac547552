package org.convene.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Growth of the region's communities over the three years: new members (most from the
 * community's own place) who joined on days spread from then to now, so membership counts move
 * over time. Communities younger than that are dated back to before the first of them joined, and
 * so are their convenors. One in twenty joining a request-to-join community is still waiting.
 */
final class CommunityActivity {
    /** A member of a community and when they joined. */
    record Member(long personId, Instant since) {
    }

    /** A community with its active members, oldest first. */
    record Community(long id, int place, List<Member> members) {
        /** Someone who was already a member at that time (the first member if nobody was). */
        long memberAt(Instant at, SplittableRandom random) {
            int n = 0;
            while (n < members.size() && !members.get(n).since().isAfter(at)) {
                n++;
            }
            return members.get(n == 0 ? 0 : random.nextInt(n)).personId();
        }
    }

    private final ActivityContext ctx;
    private final SplittableRandom random;
    final ActivityContext.Rows memberships = new ActivityContext.Rows("community_members", "community_id, person_id, role, status, since");
    final List<Community> communities = new ArrayList<>();

    CommunityActivity(ActivityContext ctx, SplittableRandom random) {
        this.ctx = ctx;
        this.random = random;
    }

    void generate(int wanted) {
        Instant founded = ActivityContext.at(ctx.firstDay.minusDays(30), 10, 0);
        ctx.h.createUpdate("UPDATE communities SET created_at = :at, updated_at = greatest(updated_at, :at) WHERE created_at > :at")
                .bind("at", founded).execute();
        ctx.h.createUpdate("UPDATE community_members m SET since = c.created_at FROM communities c "
                + "WHERE c.id = m.community_id AND m.role = 'convenor' AND m.since > c.created_at").execute();
        Map<Long, Long> placeIndex = new HashMap<>();
        for (int p = 0; p < ctx.people.places(); p++) {
            placeIndex.put(ctx.people.placeId(p), (long) p);
        }
        List<long[]> rows = ctx.h.createQuery("SELECT id, coalesce(place_id, 0), CASE WHEN joining = 'open' THEN 1 ELSE 0 END FROM communities ORDER BY id")
                .map((rs, c) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).list();
        if (rows.isEmpty()) {
            return;
        }
        Map<Long, List<Member>> members = new HashMap<>();
        Map<Long, Set<Long>> everyone = new HashMap<>();
        for (long[] row : rows) {
            members.put(row[0], new ArrayList<>());
            everyone.put(row[0], new HashSet<>());
        }
        ctx.h.createQuery("SELECT community_id, person_id, status, since FROM community_members ORDER BY community_id, person_id")
                .setFetchSize(20_000).map((rs, c) -> {
                    long community = rs.getLong(1);
                    everyone.get(community).add(rs.getLong(2));
                    if ("active".equals(rs.getString(3))) {
                        members.get(community).add(new Member(rs.getLong(2), rs.getTimestamp(4).toInstant()));
                    }
                    return null;
                }).forEach(x -> { });
        int[] shares = DiscussionDemo.zipfShares(wanted, rows.size(), 0);
        for (int c = 0; c < rows.size(); c++) {
            long id = rows.get(c)[0];
            int place = rows.get(c)[1] == 0 ? -1 : placeIndex.get(rows.get(c)[1]).intValue();
            boolean open = rows.get(c)[2] == 1;
            Set<Long> in = everyone.get(id);
            int goal = Math.min(in.size() + shares[c], Math.max(3, ctx.people.size() / 5));
            for (int attempts = 0; in.size() < goal && attempts < shares[c] * 5; attempts++) {
                int person = random.nextDouble() < 0.8 ? ctx.people.from(place, random) : ctx.people.any(random);
                long personId = ctx.people.id(person);
                if (!in.add(personId)) {
                    continue;
                }
                Instant since = ctx.between(random, ActivityContext.at(ctx.firstDay, 8, 0), ctx.now);
                boolean waiting = !open && random.nextInt(20) == 0;
                memberships.add(id, personId, "member", waiting ? "requested" : "active", since);
                if (!waiting) {
                    members.get(id).add(new Member(personId, since));
                }
            }
            List<Member> active = members.get(id);
            if (!active.isEmpty()) {
                active.sort(Comparator.comparing(Member::since).thenComparing(Member::personId));
                communities.add(new Community(id, place, active));
            }
        }
    }

    void copy() {
        memberships.copy(ctx.h);
    }
}
