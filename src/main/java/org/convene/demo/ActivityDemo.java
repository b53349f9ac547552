package org.convene.demo;

import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.jdbi.v3.core.Jdbi;

/**
 * A large, realistic volume of activity on top of the demo region, for benchmarking what is
 * measured over time (an impact dashboard): programmes and cohorts with their surveys, learning
 * sets, events and registrations, matching rounds, leader clusters, projects and community
 * growth, spread over the three years before today, with the ties each feature records. Rows are
 * stored exactly as the features store them (so reports read them as real data) and copied in
 * bulk in one transaction: either all of it is added or none. It is added once per region.
 */
public final class ActivityDemo {
    /** Times of day are UK times, as the programmes, events and schemes use. */
    static final ZoneId ZONE = ZoneId.of("Europe/London");
    static final List<String> TABLES = List.of("programmes", "cohorts", "modules", "module_facilitators", "enrolments", "attendance",
            "surveys", "survey_questions", "survey_invitations", "survey_responses", "survey_answers", "set_plans", "learning_sets",
            "learning_set_members", "communities", "community_members", "events", "registrations", "event_cohosts", "schemes",
            "scheme_members", "match_rounds", "match_groups", "match_members", "match_unplaced", "priority_areas", "cluster_candidates",
            "candidate_endorsements", "leader_clusters", "leader_cluster_members", "projects", "project_members", "project_partners",
            "project_measures", "measure_points", "project_scores", "ties");

    /**
     * How much of each kind of activity; {@link #scaled} gives the sizes for a region of a million
     * people times the scale. {@code modules}: modules per cohort, the celebration included (each
     * other module has a feedback survey), or 0 for four to six at random.
     */
    public record Sizes(int programmes, int cohorts, int events, int matchMembers, int clusters, int projects, int memberships,
                        int modules) {
        public static Sizes scaled(double scale) {
            if (!(scale > 0) || scale > 10) {
                throw new IllegalArgumentException("--scale must be more than 0 and at most 10");
            }
            int cohorts = Math.max(1, (int) Math.round(400 * scale));
            return new Sizes(Math.min(cohorts, Math.max(1, (int) Math.round(40 * scale))), cohorts, (int) Math.round(20_000 * scale),
                    (int) Math.round(50_000 * scale), (int) Math.round(300 * scale), (int) Math.round(5_000 * scale),
                    (int) Math.round(20_000 * scale), 0);
        }

        /** These sizes with any of them replaced (null keeps the scaled size). */
        public Sizes with(Integer programmes, Integer cohorts, Integer events, Integer matchMembers, Integer clusters, Integer projects) {
            Sizes s = new Sizes(or(programmes, this.programmes), or(cohorts, this.cohorts), or(events, this.events),
                    or(matchMembers, this.matchMembers), or(clusters, this.clusters), or(projects, this.projects), memberships, modules);
            return new Sizes(Math.min(s.programmes, s.cohorts), s.cohorts, s.events, s.matchMembers, s.clusters, s.projects, s.memberships,
                    s.modules);
        }

        /** These sizes with every cohort having this many modules (null keeps four to six at random). */
        public Sizes withModules(Integer modules) {
            return modules == null ? this
                    : new Sizes(programmes, cohorts, events, matchMembers, clusters, projects, memberships, modules);
        }

        private static int or(Integer value, int otherwise) {
            return value == null ? otherwise : value;
        }

        void check() {
            range("--programmes", programmes, 1, 1_000);
            range("--cohorts", cohorts, 1, 20_000);
            range("--events", events, 0, 1_000_000);
            range("--match-members", matchMembers, 0, 2_000_000);
            range("--clusters", clusters, 0, 20_000);
            range("--projects", projects, 0, 500_000);
            if (modules != 0) {
                range("--modules", modules, 4, ProgrammeActivity.MAX_MODULES);
            }
        }

        private static void range(String option, int value, int min, int max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "%s must be from %,d to %,d", option, min, max));
            }
        }
    }

    /** What was added: rows per table, ties per source, and how long each part took. */
    public record Result(Map<String, Long> rows, Map<String, Long> ties, Map<String, Long> millis, long totalMillis) {
        public long rows(String table) {
            return rows.getOrDefault(table, 0L);
        }

        public void print(PrintStream out) {
            out.printf(Locale.ROOT, "Added the activity in %.1f s:%n", totalMillis / 1000.0);
            rows.forEach((table, n) -> out.printf(Locale.ROOT, "  %-24s %,12d%n", table, n));
            out.println("Ties recorded, by source:");
            ties.forEach((source, n) -> out.printf(Locale.ROOT, "  %-24s %,12d%n", source, n));
            out.println("Seconds:");
            millis.forEach((part, ms) -> out.printf(Locale.ROOT, "  %-24s %12.1f%n", part, ms / 1000.0));
        }
    }

    private ActivityDemo() {
    }

    /**
     * Adds the activity to the demo region, dated over the three years before today. Refuses (an
     * {@link IllegalArgumentException}, nothing written) without a region or when it was added before.
     */
    public static Result load(Jdbi jdbi, long seed, Sizes sizes) {
        sizes.check();
        long started = System.currentTimeMillis();
        Map<String, Long> millis = new LinkedHashMap<>();
        Map<String, Long> rows = new LinkedHashMap<>();
        Map<String, Long> ties = jdbi.inTransaction(h -> {
            h.execute("LOCK TABLE " + String.join(", ", TABLES) + " IN SHARE ROW EXCLUSIVE MODE");
            long people = h.createQuery("SELECT count(*) FROM people").mapTo(Long.class).one();
            if (people < 100) {
                throw new IllegalArgumentException("Load the demo region first (convene demo --people N): the activity needs its people");
            }
            long t = System.currentTimeMillis();
            Population population = Population.load(h);
            List<String> topics = h.createQuery("SELECT name FROM topics ORDER BY name").mapTo(String.class).list();
            if (population.places() == 0 || topics.isEmpty()) {
                throw new IllegalArgumentException("Load the demo region first (convene demo --people N): the activity needs its places and topics");
            }
            List<String> placeNames = new ArrayList<>();
            for (int p = 0; p < population.places(); p++) {
                placeNames.add(population.placeName(p));
            }
            String marker = ProgrammeActivity.title(0, placeNames);
            boolean added = h.createQuery("SELECT EXISTS (SELECT 1 FROM programmes WHERE lower(title) = lower(:t)) "
                            + "OR EXISTS (SELECT 1 FROM schemes WHERE lower(name) = lower(:s))")
                    .bind("t", marker).bind("s", MatchingActivity.REGIONAL).mapTo(Boolean.class).one();
            if (added) {
                throw new IllegalArgumentException("The activity has already been added to this region ('" + marker
                        + "' exists); it can be added once. To add it again, start from a new region (convene demo --replace).");
            }
            ActivityContext ctx = new ActivityContext(h, population, topics, Instant.now(), LocalDate.now());
            SplittableRandom random = new SplittableRandom(seed);
            SplittableRandom programmeRandom = random.split();
            SplittableRandom communityRandom = random.split();
            SplittableRandom eventRandom = random.split();
            SplittableRandom matchingRandom = random.split();
            SplittableRandom clusterRandom = random.split();
            SplittableRandom projectRandom = random.split();
            millis.put("read the region", System.currentTimeMillis() - t);

            t = System.currentTimeMillis();
            ProgrammeActivity programmes = new ProgrammeActivity(ctx, programmeRandom, sizes.modules());
            programmes.generate(sizes.programmes(), sizes.cohorts());
            programmes.copy();
            millis.put("programmes and surveys", System.currentTimeMillis() - t);
            List<Long> alumni = new ArrayList<>(programmes.alumni());
            alumni.sort(null);

            t = System.currentTimeMillis();
            CommunityActivity communities = new CommunityActivity(ctx, communityRandom);
            communities.generate(sizes.memberships());
            communities.copy();
            EventActivity events = new EventActivity(ctx, eventRandom);
            events.generate(sizes.events(), communities.communities, alumni);
            events.copy();
            millis.put("communities and events", System.currentTimeMillis() - t);

            t = System.currentTimeMillis();
            MatchingActivity matching = new MatchingActivity(ctx, matchingRandom);
            matching.generate(sizes.matchMembers(), alumni);
            matching.copy();
            millis.put("matching", System.currentTimeMillis() - t);

            t = System.currentTimeMillis();
            ClusterActivity clusters = new ClusterActivity(ctx, clusterRandom);
            clusters.generate(sizes.clusters());
            clusters.copy();
            ProjectActivity projects = new ProjectActivity(ctx, projectRandom);
            projects.generate(sizes.projects(), programmes.runs, communities.communities, events.held, matching.met, clusters.formed);
            projects.copy();
            millis.put("clusters and projects", System.currentTimeMillis() - t);

            t = System.currentTimeMillis();
            ctx.ties.copy(h);
            ctx.finishIds();
            millis.put("ties", System.currentTimeMillis() - t);

            count(rows, programmes.programmes, programmes.cohorts, programmes.modules, programmes.facilitators, programmes.enrolments,
                    programmes.attendance, programmes.surveys, programmes.questions, programmes.invitations, programmes.responses,
                    programmes.answers, programmes.setPlans, programmes.learningSets, programmes.setMembers, communities.memberships,
                    events.events, events.registrations, events.cohosts, matching.schemes, matching.members, matching.rounds,
                    matching.groups, matching.matchMembers, matching.unplaced, clusters.areas, clusters.candidates, clusters.endorsements,
                    clusters.clusters, clusters.clusterMembers, projects.projects, projects.members, projects.partners, projects.measures,
                    projects.points, projects.scores);
            rows.put("ties", (long) ctx.ties.size());
            return ctx.ties.bySource();
        });
        long t = System.currentTimeMillis();
        jdbi.useHandle(h -> {
            for (String table : TABLES) {
                h.execute("VACUUM ANALYZE " + table);
            }
        });
        millis.put("vacuum analyze", System.currentTimeMillis() - t);
        return new Result(rows, ties, millis, System.currentTimeMillis() - started);
    }

    private static void count(Map<String, Long> counts, ActivityContext.Rows... tables) {
        for (ActivityContext.Rows rows : tables) {
            counts.merge(rows.table(), (long) rows.size(), Long::sum);
        }
    }
}
