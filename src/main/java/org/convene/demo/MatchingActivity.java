package org.convene.demo;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.convene.matching.Group;
import org.convene.matching.History;
import org.convene.matching.Matcher;
import org.convene.matching.Participant;
import org.convene.matching.Round;
import org.convene.matching.Unplaced;
import org.convene.schemes.Cadence;
import org.convene.schemes.Introductions;
import org.convene.schemes.Member;
import org.convene.schemes.MeetingMode;
import org.convene.schemes.Scheme;
import org.convene.ties.TieKind;
import org.convene.web.Text;

/**
 * Cross-sector matching over the three years: a scheme per place and one for the whole region
 * (only the regional one for small volumes), fortnightly rounds run by the real {@link Matcher}
 * on the members active at the time (people join over the years, some leave, a tenth skip a
 * round), with the introductions {@link Introductions} writes, and the answers members give a few
 * days later: met or not, a rating, sometimes a comment. Where two members of a group both said
 * they met, the pair is a tie as {@code Rounds.answer} records it.
 */
final class MatchingActivity {
    static final String REGIONAL = ProgrammeActivity.REGION + " Cuppa Connect";
    private static final String[] MET_COMMENTS = {
        "Really useful to see how discharge looks from the other side.", "We are planning a joint visit next month.",
        "Good conversation, though it took three weeks to find a time.", "Learnt a lot about what the voluntary sector offers.",
        "We had been ringing each other's teams for years without knowing it.", "Lovely person, we will keep in touch.",
        "Swapped contacts for the housing team; already used them twice.",
    };
    private static final String[] MISSED_COMMENTS = {
        "Could not find a time that worked for both of us.", "Winter pressures, sorry; maybe next round.",
        "They did not reply to my email.", "I was off sick for most of the fortnight.",
    };

    /** A group whose members met, for projects that grew from a match. */
    record Met(long groupId, int place, Instant ranAt, List<Long> members) {
    }

    private final ActivityContext ctx;
    private final SplittableRandom random;
    final ActivityContext.Rows schemes = new ActivityContext.Rows("schemes",
            "id, name, description, cadence, meeting_mode, place_id, first_step, next_round_at, status, created_at, updated_at");
    final ActivityContext.Rows members = new ActivityContext.Rows("scheme_members",
            "scheme_id, person_id, meeting_mode, status, skip_next, joined_at, updated_at");
    final ActivityContext.Rows rounds = new ActivityContext.Rows("match_rounds", "id, scheme_id, number, trigger, seed, ran_at, meet_by, "
            + "people, pairs, trios, unplaced, total_score, cross_sector_share, mean_shared, exact, millis");
    final ActivityContext.Rows groups = new ActivityContext.Rows("match_groups", "id, round_id, score, meeting_mode, reason, first_step");
    final ActivityContext.Rows matchMembers = new ActivityContext.Rows("match_members", "group_id, person_id, met, rating, comment, answered_at");
    final ActivityContext.Rows unplaced = new ActivityContext.Rows("match_unplaced", "round_id, person_id, reason");
    final List<Met> met = new ArrayList<>();

    private record Joined(long personId, Instant joined, Instant left, MeetingMode mode) {
    }

    MatchingActivity(ActivityContext ctx, SplittableRandom random) {
        this.ctx = ctx;
        this.random = random;
    }

    void generate(int target, List<Long> alumni) {
        if (target <= 0) {
            return;
        }
        Instant firstRound = ActivityContext.at(ActivityContext.onOrAfter(ctx.firstDay.plusDays(14), DayOfWeek.MONDAY), 9, 0);
        List<Instant> times = new ArrayList<>();
        for (Instant t = firstRound; t.isBefore(ctx.now); t = Cadence.FORTNIGHTLY.after(t)) {
            times.add(t);
        }
        if (times.isEmpty()) {
            return;
        }
        // A scheme per place once there are enough people for a dozen a round in each; always the regional one.
        List<Integer> places = new ArrayList<>();
        places.add(-1);
        if (target >= 10_000) {
            for (int p = 0; p < ctx.people.places(); p++) {
                places.add(p);
            }
        }
        double weights = places.size() + 1; // the regional scheme counts twice
        History history = new History();
        ctx.h.createQuery("SELECT a.person_id, b.person_id FROM match_members a JOIN match_members b "
                        + "ON b.group_id = a.group_id AND b.person_id > a.person_id")
                .map((rs, c) -> history.add(rs.getString(1), rs.getString(2))).list();
        Matcher matcher = new Matcher();
        ActivityContext.Ids schemeIds = ctx.ids("schemes_id_seq");
        for (int place : places) {
            long schemeId = schemeIds.next();
            double share = (place < 0 ? 2 : 1) / weights;
            scheme(schemeId, place, Math.max(2, Math.round(target * share)), times, history, matcher, alumni);
        }
    }

    private void scheme(long schemeId, int place, long target, List<Instant> times, History history, Matcher matcher, List<Long> alumni) {
        String placeName = place < 0 ? null : ctx.people.placeName(place);
        String name = place < 0 ? REGIONAL : "Cuppa Connect: " + placeName;
        String description = "Every fortnight you are paired with someone from another part of the health and care system"
                + (place < 0 ? " anywhere in " + ProgrammeActivity.REGION : " in " + placeName)
                + " for a 30-minute brew, in person or online.";
        Instant created = times.get(0).minus(Duration.ofDays(21));
        Instant next = Cadence.FORTNIGHTLY.after(times.get(times.size() - 1));
        schemes.add(schemeId, name, description, "fortnightly", "either", place < 0 ? null : ctx.people.placeId(place), "", next, "open",
                created, created);
        Scheme scheme = new Scheme(schemeId, name, description, Cadence.FORTNIGHTLY, MeetingMode.EITHER,
                place < 0 ? null : ctx.people.placeId(place), placeName, "", next, Scheme.OPEN, 0, 0, created);

        // Members join until their expected turns add up to the target: a third at the launch, the rest over the years.
        Instant first = times.get(0);
        Instant last = times.get(times.size() - 1);
        List<Joined> pool = new ArrayList<>();
        Set<Long> in = new HashSet<>();
        MeetingMode[] modes = MeetingMode.values();
        double expected = 0;
        for (int attempts = 0; expected < target && attempts < target * 20; attempts++) {
            long person = !alumni.isEmpty() && random.nextDouble() < 0.2 && place < 0 ? alumni.get(random.nextInt(alumni.size()))
                    : ctx.people.id(ctx.people.from(place, random));
            if (!in.add(person)) {
                continue;
            }
            Instant joined = random.nextDouble() < 0.33 ? created.plus(Duration.ofHours(random.nextInt(20 * 24)))
                    : ctx.between(random, created, last);
            Instant left = random.nextDouble() < 0.25 ? ctx.between(random, joined, ctx.now) : null;
            Joined j = new Joined(person, joined, left, modes[random.nextInt(modes.length)]);
            pool.add(j);
            for (Instant t : times) {
                if (active(j, t)) {
                    expected += 0.9;
                }
            }
        }
        for (Joined j : pool) {
            Instant updated = j.left() != null ? j.left() : j.joined();
            members.add(schemeId, j.personId(), j.mode().code(), j.left() != null ? "left" : "active", false, j.joined(), updated);
        }
        Map<Long, Member> details = details(schemeId, pool);

        ActivityContext.Ids roundIds = ctx.ids("match_rounds_id_seq");
        ActivityContext.Ids groupIds = ctx.ids("match_groups_id_seq");
        Set<String> leftOut = new HashSet<>();
        String tieNote = "Met through " + Text.clip(name, 120) + ", round ";
        for (int r = 0; r < times.size(); r++) {
            Instant ranAt = times.get(r);
            int number = r + 1;
            List<Participant> people = new ArrayList<>();
            for (Joined j : pool) {
                if (active(j, ranAt) && random.nextDouble() >= 0.1) {
                    Member m = details.get(j.personId());
                    people.add(new Participant(String.valueOf(m.personId()), m.name(),
                            m.organisationId() == null ? "none " + m.personId() : "org " + m.organisationId(), m.sectorCode(),
                            m.placeName() == null ? "" : m.placeName(), Set.copyOf(m.interests())));
                }
            }
            long seed = schemeId * 1_000_003L + number;
            Round round = matcher.match(people, history, Set.of(), leftOut, seed);
            history.addRound(round);
            long roundId = roundIds.next();
            LocalDate meetBy = ActivityContext.date(Cadence.FORTNIGHTLY.after(ranAt));
            Round.Stats st = round.stats();
            rounds.add(roundId, schemeId, number, "schedule", seed, ranAt, meetBy, st.people(), st.pairs(), st.trios(), st.unplaced(),
                    st.totalScore(), st.crossSectorShare(), st.meanSharedInterests(), st.exact(), Math.max(1, st.nanos() / 1_000_000));
            leftOut = new HashSet<>();
            for (Unplaced u : round.unplaced()) {
                unplaced.add(roundId, u.participant().id(), u.reason());
                leftOut.add(u.participant().id());
            }
            for (Group g : round.groups()) {
                long groupId = groupIds.next();
                List<Member> group = g.members().stream().map(p -> details.get(Long.parseLong(p.id()))).toList();
                MeetingMode mode = MeetingMode.forGroup(scheme.meetingMode(), group.stream().map(Member::meetingMode).toList());
                groups.add(groupId, roundId, g.score(), mode.code(), Introductions.reason(group),
                        Introductions.firstStep(scheme, group, mode, meetBy));
                outcome(groupId, place, ranAt, group, tieNote + number);
            }
        }
    }

    /** Whether the member takes part in a round at that time (joined before it, not left yet). */
    private static boolean active(Joined j, Instant at) {
        return !j.joined().isAfter(at) && (j.left() == null || j.left().isAfter(at));
    }

    /** The members' answers: most answer within three weeks; if the group met, those who answer say so. */
    private void outcome(long groupId, int place, Instant ranAt, List<Member> group, String tieNote) {
        boolean groupMet = random.nextDouble() < 0.72;
        Map<Long, Instant> saidMet = new HashMap<>();
        for (Member m : group) {
            Instant at = ranAt.plus(Duration.ofHours(48 + random.nextInt(22 * 24)));
            boolean answers = random.nextDouble() < 0.7 && at.isBefore(ctx.now);
            if (!answers) {
                matchMembers.add(groupId, m.personId(), null, null, "", null);
                continue;
            }
            Integer rating = null;
            String comment = "";
            if (groupMet) {
                double r = random.nextDouble();
                rating = r < 0.35 ? 5 : r < 0.75 ? 4 : r < 0.92 ? 3 : r < 0.98 ? 2 : 1;
                saidMet.put(m.personId(), at);
                if (random.nextDouble() < 0.2) {
                    comment = MET_COMMENTS[random.nextInt(MET_COMMENTS.length)];
                }
            } else if (random.nextDouble() < 0.3) {
                comment = MISSED_COMMENTS[random.nextInt(MISSED_COMMENTS.length)];
            }
            matchMembers.add(groupId, m.personId(), groupMet, rating, comment, at);
        }
        List<Long> both = new ArrayList<>(saidMet.keySet());
        for (int a = 0; a < both.size(); a++) {
            for (int b = a + 1; b < both.size(); b++) {
                Instant second = ActivityContext.later(saidMet.get(both.get(a)), saidMet.get(both.get(b)));
                ctx.ties.add(both.get(a), both.get(b), TieKind.MET_THROUGH, "matching", "match:" + groupId, tieNote,
                        ActivityContext.date(second));
            }
        }
        if (both.size() >= 2) {
            met.add(new Met(groupId, place, ranAt, List.copyOf(new LinkedHashSet<>(both))));
        }
    }

    /** The directory details the matcher and the introductions use, for the scheme's members. */
    private Map<Long, Member> details(long schemeId, List<Joined> pool) {
        Map<Long, MeetingMode> modes = new HashMap<>();
        pool.forEach(j -> modes.put(j.personId(), j.mode()));
        Map<Long, Member> out = new HashMap<>();
        ctx.h.createQuery("SELECT p.id, p.full_name, p.email, p.organisation_id, o.name AS organisation, p.sector_code, s.name AS sector, "
                        + "pl.name AS place, p.interests, p.offers, p.asks, p.profession, p.created_at FROM people p "
                        + "JOIN sectors s ON s.code = p.sector_code LEFT JOIN organisations o ON o.id = p.organisation_id "
                        + "LEFT JOIN places pl ON pl.id = p.place_id WHERE p.id = ANY(:ids)")
                .bind("ids", pool.stream().map(Joined::personId).toArray(Long[]::new))
                .map((rs, c) -> {
                    long id = rs.getLong("id");
                    java.sql.Array interests = rs.getArray("interests");
                    List<String> list = interests == null ? List.of() : List.of((String[]) interests.getArray());
                    Long organisation = rs.getObject("organisation_id") == null ? null : rs.getLong("organisation_id");
                    return new Member(schemeId, id, rs.getString("full_name"), rs.getString("email"), organisation,
                            rs.getString("organisation"), rs.getString("sector_code"), rs.getString("sector"), rs.getString("place"),
                            list, rs.getString("offers"), rs.getString("asks"), rs.getString("profession"), modes.get(id), Member.ACTIVE,
                            false, rs.getTimestamp("created_at").toInstant());
                }).forEach(m -> out.put(m.personId(), m));
        return out;
    }

    void copy() {
        for (ActivityContext.Rows rows : List.of(schemes, members, rounds, groups, matchMembers, unplaced)) {
            rows.copy(ctx.h);
        }
    }
}
