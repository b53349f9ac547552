package org.convene.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.convene.db.CsvCopy;
import org.convene.ties.TieKind;

/**
 * Leader clusters over the three years: priority areas for each place (a sponsor, topics, the
 * savings hoped for), a dozen or more candidate leaders for each, some endorsed, and clusters of
 * two or three candidates (never two open clusters for one candidate in an area) with a mentor,
 * moving from proposed to ended as they age. Their ties are those {@code Clusters.form} records.
 */
final class ClusterActivity {
    private static final String[][] AREAS = {
        {"Frail older people leaving hospital", "hospital discharge", "frailty"},
        {"Falls at home among older people", "falls prevention", "frailty"},
        {"Children waiting for mental health support", "children and young people's mental health", "mental health crisis"},
        {"Damp homes and childhood asthma", "COPD and damp housing", "population health"},
        {"People sleeping rough with complex needs", "homelessness", "substance misuse"},
        {"Loneliness in later life", "loneliness and isolation", "social prescribing"},
        {"Ambulance handover delays", "urgent and emergency care", "hospital discharge"},
        {"Dying well at home", "end of life care", "frailty"},
        {"Diabetes in young adults", "diabetes", "long-term conditions"},
        {"Carers at breaking point", "loneliness and isolation", "long-term conditions"},
    };
    private static final String[] APPROACHES = {"Invite them to speak at the launch", "Their line manager suggests the programme",
        "A coffee with the sponsor", "Ask them to lead the pilot", "Introduce them through a peer they trust"};
    private static final String[] CLOUT = {"Respected by the teams they work with", "Chairs the local network",
        "Known across the system for getting things done", "Trusted by people with lived experience", "Holds the budget for the service"};

    /** A cluster that projects can grow from. */
    record Formed(long id, int place, Instant createdAt, List<Long> members, Long mentor) {
    }

    private final ActivityContext ctx;
    private final SplittableRandom random;
    final ActivityContext.Rows areas = new ActivityContext.Rows("priority_areas", "id, title, improvement, savings, savings_per_year, "
            + "topics, place_id, sponsor_id, sponsor_notes, relationship_notes, created_at, updated_at");
    final ActivityContext.Rows candidates = new ActivityContext.Rows("cluster_candidates",
            "area_id, person_id, seniority, clout, approach, line_manager, manager_agreement, added_at");
    final ActivityContext.Rows endorsements = new ActivityContext.Rows("candidate_endorsements",
            "area_id, person_id, endorser_id, note, created_at");
    final ActivityContext.Rows clusters = new ActivityContext.Rows("leader_clusters",
            "id, area_id, status, sponsor_id, mentor_id, mentoring, score, reasons, created_at, updated_at");
    final ActivityContext.Rows clusterMembers = new ActivityContext.Rows("leader_cluster_members", "cluster_id, area_id, person_id");
    final List<Formed> formed = new ArrayList<>();

    ClusterActivity(ActivityContext ctx, SplittableRandom random) {
        this.ctx = ctx;
        this.random = random;
    }

    void generate(int clusterCount) {
        if (clusterCount <= 0) {
            return;
        }
        int areaCount = Math.max(1, (clusterCount + 4) / 5);
        int[] clustersOf = new int[areaCount];
        for (int k = 0; k < clusterCount; k++) {
            clustersOf[k % areaCount]++;
        }
        ActivityContext.Ids areaIds = ctx.ids("priority_areas_id_seq");
        ActivityContext.Ids clusterIds = ctx.ids("leader_clusters_id_seq");
        long span = ctx.spanDays();
        for (int a = 0; a < areaCount; a++) {
            long areaId = areaIds.next();
            int place = ctx.people.places() == 0 ? -1 : a % ctx.people.places();
            String[] area = AREAS[(a / Math.max(1, ctx.people.places())) % AREAS.length];
            String placeName = place < 0 ? ProgrammeActivity.REGION : ctx.people.placeName(place);
            int round = a / Math.max(1, ctx.people.places() * AREAS.length);
            String title = area[0] + " in " + placeName + (round > 0 ? " (" + (round + 1) + ")" : "");
            Instant created = ActivityContext.at(ctx.firstDay.plusDays((long) ((a + random.nextDouble()) * span * 0.8 / areaCount)), 10, 0);
            long sponsor = ctx.people.id(ctx.people.from(place, random));
            long savings = 50_000L * (2 + random.nextInt(30));
            areas.add(areaId, title, "People get the right care in the right place, with " + area[1] + " joined up across organisations.",
                    "Fewer emergency admissions, bed days and agency staff.", savings, CsvCopy.arrayLiteral(List.of(area[1], area[2])),
                    place < 0 ? null : ctx.people.placeId(place), sponsor, "Chairs the " + placeName + " board for " + area[1] + ".", "",
                    created, created);

            // Candidates: people of the place who work on the area's topics where there are enough, anyone of the place otherwise.
            List<Long> pool = ctx.h.createQuery("SELECT id FROM people WHERE (CAST(:place AS bigint) IS NULL OR place_id = CAST(:place AS bigint)) "
                            + "AND interests && CAST(:topics AS text[]) AND id <> :sponsor LIMIT 400")
                    .bind("place", place < 0 ? null : ctx.people.placeId(place)).bind("topics", new String[] {area[1], area[2]})
                    .bind("sponsor", sponsor).mapTo(Long.class).list();
            // Enough candidates for every cluster of the area to have three.
            int wanted = Math.max(12 + random.nextInt(5), 3 * clustersOf[a] + 1);
            Set<Long> chosen = new LinkedHashSet<>();
            for (int n = 0; n < wanted * 4 && chosen.size() < wanted; n++) {
                long person = pool.size() >= wanted && random.nextDouble() < 0.9 ? pool.get(random.nextInt(pool.size()))
                        : ctx.people.id(ctx.people.from(place, random));
                if (person != sponsor) {
                    chosen.add(person);
                }
            }
            List<Long> people = new ArrayList<>(chosen);
            for (long person : people) {
                double r = random.nextDouble();
                candidates.add(areaId, person, 2 + random.nextInt(4), CLOUT[random.nextInt(CLOUT.length)],
                        APPROACHES[random.nextInt(APPROACHES.length)], "", r < 0.55 ? "agreed" : r < 0.8 ? "asked" : r < 0.95 ? "not_asked" : "declined",
                        created.plus(Duration.ofDays(1 + random.nextInt(20))));
            }
            for (int e = 0; e < Math.min(2, people.size()); e++) {
                endorsements.add(areaId, people.get(e), sponsor, "Gets things moving across organisations", created.plus(Duration.ofDays(25)));
            }

            // Clusters: candidates taken in turn, so nobody is in two clusters of the area.
            int next = 0;
            Instant from = created.plus(Duration.ofDays(30));
            for (int k = 0; k < clustersOf[a] && next + 2 <= people.size(); k++) {
                int size = next + 3 <= people.size() && random.nextDouble() < 0.5 ? 3 : 2;
                List<Long> members = people.subList(next, next + size);
                next += size;
                long id = clusterIds.next();
                Instant at = ctx.between(random, from, ctx.now);
                long ageDays = Duration.between(at, ctx.now).toDays();
                double r = random.nextDouble();
                String status = ageDays < 60 ? (r < 0.6 ? "proposed" : "agreed")
                        : ageDays < 365 ? (r < 0.15 ? "agreed" : r < 0.9 ? "active" : "ended")
                        : (r < 0.45 ? "active" : "ended");
                Long mentor = random.nextDouble() < 0.8 ? ctx.people.id(ctx.people.from(place, random)) : null;
                if (mentor != null && members.contains(mentor)) {
                    mentor = null;
                }
                int score = 4 + random.nextInt(12);
                long sectors = members.stream().map(m -> ctx.people.sectorCode(ctx.people.indexOf(m))).distinct().count();
                clusters.add(id, areaId, status, sponsor, mentor, mentor == null ? "" : "Monthly mentoring for a year", score,
                        CsvCopy.arrayLiteral(List.of(sectors == 1 ? "One sector" : "Spans " + sectors + " sectors",
                                "Shares the area's topics")), at,
                        ActivityContext.earlier(ctx.now, at.plus(Duration.ofDays(Math.min(ageDays, 90)))));
                LocalDate on = ActivityContext.date(at);
                for (int i = 0; i < members.size(); i++) {
                    clusterMembers.add(id, areaId, members.get(i));
                    for (int j = i + 1; j < members.size(); j++) {
                        ctx.ties.add(members.get(i), members.get(j), TieKind.COLLABORATE, "leader_cluster", "cluster:" + id,
                                "In a leader cluster together", on);
                    }
                    if (mentor != null) {
                        ctx.ties.add(mentor, members.get(i), TieKind.MENTOR, "leader_cluster", "cluster:" + id, "Mentors their leader cluster", on);
                    }
                }
                formed.add(new Formed(id, place, at, List.copyOf(members), mentor));
            }
        }
    }

    void copy() {
        for (ActivityContext.Rows rows : List.of(areas, candidates, endorsements, clusters, clusterMembers)) {
            rows.copy(ctx.h);
        }
    }
}
