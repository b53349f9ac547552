package org.convene.impact;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convene.evaluation.AnonymityRule;
import org.convene.evaluation.PairedComparison;
import org.convene.projects.ProjectStatus;
import org.convene.surveys.Results;
import org.convene.web.Coded;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * Reads the impact figures and the lists behind them. Each figure is defined once, as the SQL of
 * the rows it counts ({@link #base}); the dashboard counts those rows and a list pages through them,
 * so a figure and its list cannot disagree. A place's figures are its people's activity, its
 * communities' events (or those its people host), groups with a member there, its projects and
 * ties between its people.
 */
final class ImpactStore {
    private static final String LONDON = "'Europe/London'";
    /** When a cohort or project began: its start date, or the day it was added if it has none. */
    private static final String COHORT_START = "coalesce(c.starts_on, (c.created_at AT TIME ZONE " + LONDON + ")::date)";
    private static final String PROJECT_START = "coalesce(p.starts_on, (p.created_at AT TIME ZONE " + LONDON + ")::date)";

    private final Jdbi jdbi;

    ImpactStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Every figure for the scope and period, read in one snapshot of the database. */
    ImpactFigures figures(ImpactQuery q) {
        long started = System.nanoTime();
        return jdbi.inTransaction(h -> {
            h.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            String scopeName = q.system() ? "The whole system"
                    : h.createQuery("SELECT name FROM places WHERE id = :id").bind("id", q.placeId()).mapTo(String.class).findOne()
                            .orElseThrow(() -> new org.convene.errors.ValidationException("Unknown place",
                                    Map.of("scope", "There is no place " + q.placeId())));
            ImpactFigures.Participation people = participation(h, q);
            ImpactFigures.Events events = one(h, q, "SELECT count(*), coalesce(sum(confirmed), 0), coalesce(sum(attended), 0) FROM ("
                    + base(Figure.EVENTS, q) + ") b", rs -> new ImpactFigures.Events(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
            ImpactFigures.Matches matches = one(h, q, "SELECT count(*), count(*) FILTER (WHERE met) FROM (" + base(Figure.MATCHES, q) + ") b",
                    rs -> new ImpactFigures.Matches(rs.getLong(1), rs.getLong(2)));
            long[] sets = one(h, q, "SELECT count(*), coalesce(sum(members), 0) FROM (" + base(Figure.SETS, q) + ") b",
                    rs -> new long[] {rs.getLong(1), rs.getLong(2)});
            long[] clusters = one(h, q, "SELECT count(*), coalesce(sum(members), 0) FROM (" + base(Figure.CLUSTERS, q) + ") b",
                    rs -> new long[] {rs.getLong(1), rs.getLong(2)});
            ImpactFigures.Projects projects = projects(h, q);
            ImpactFigures.Ties ties = one(h, q, "SELECT count(*), count(*) FILTER (WHERE across) FROM (" + base(Figure.TIES, q) + ") b",
                    rs -> new ImpactFigures.Ties(rs.getLong(1), rs.getLong(2)));
            ImpactFigures.Confidence confidence = confidence(h, q);
            return new ImpactFigures(q, scopeName, Instant.now(), (System.nanoTime() - started) / 1_000_000, people, events, matches,
                    new ImpactFigures.Groups(sets[0], sets[1], clusters[0], clusters[1]), projects, ties, confidence);
        });
    }

    private static ImpactFigures.Participation participation(Handle h, ImpactQuery q) {
        List<ImpactFigures.SectorCount> bySector = query(h, ("SELECT s.code, s.name, count(b.id) FROM sectors s LEFT JOIN ("
                + base(Figure.PEOPLE, q) + ") b ON b.sector_code = s.code GROUP BY s.code, s.name, s.sort_order ORDER BY s.sort_order"), q, null)
                .map((rs, ctx) -> new ImpactFigures.SectorCount(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
        return new ImpactFigures.Participation(bySector.stream().mapToLong(ImpactFigures.SectorCount::people).sum(), bySector);
    }

    private static ImpactFigures.Projects projects(Handle h, ImpactQuery q) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        query(h, ("SELECT status, count(*), count(*) FILTER (WHERE has_outcome) FROM (" + base(Figure.PROJECTS, q)
                + ") b GROUP BY status"), q, null)
                .map((rs, ctx) -> counts.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)})).list();
        List<ImpactFigures.StatusCount> byStatus = new ArrayList<>();
        long started = 0;
        long withOutcomes = 0;
        for (ProjectStatus s : ProjectStatus.values()) {
            long[] c = counts.getOrDefault(s.code(), new long[2]);
            byStatus.add(new ImpactFigures.StatusCount(s.code(), s.label(), c[0]));
            started += c[0];
            withOutcomes += c[1];
        }
        return new ImpactFigures.Projects(started, byStatus, withOutcomes);
    }

    /** One person's mean confidence at the baseline and at the end of a cohort. */
    private record Pair(long cohort, String programme, String name, LocalDate endsOn, double before, double after, Long place) {
    }

    /** The means of some pairs, and the share of them whose confidence rose. */
    private record Means(double before, double after, double rose) {
        static Means of(List<Pair> ps) {
            return new Means(ps.stream().mapToDouble(Pair::before).average().orElseThrow(),
                    ps.stream().mapToDouble(Pair::after).average().orElseThrow(),
                    (double) ps.stream().filter(p -> p.after() > p.before()).count() / ps.size());
        }
    }

    /**
     * Confidence of the system, or of a place: the pairs of its people in each cohort. A cohort's
     * place figures are withheld unless the whole cohort's pairs, split by place, let this place's
     * group be shown by {@link AnonymityRule#suppressed}: otherwise the whole-system figures minus the
     * place's (or minus other places') would give the means of fewer than five people.
     */
    private static ImpactFigures.Confidence confidence(Handle h, ImpactQuery q) {
        List<Pair> all = query(h, base(Figure.CONFIDENCE, q), q, null).map((rs, ctx) -> new Pair(rs.getLong("cohort_id"),
                rs.getString("programme"), rs.getString("cohort"), rs.getObject("ends_on", LocalDate.class), rs.getDouble("before"),
                rs.getDouble("after"), (Long) rs.getObject("place_id", Long.class))).list();
        Map<Long, List<Pair>> byCohort = new LinkedHashMap<>();
        all.forEach(p -> byCohort.computeIfAbsent(p.cohort(), k -> new ArrayList<>()).add(p));
        List<ImpactFigures.CohortConfidence> cohorts = new ArrayList<>();
        List<Pair> shown = new ArrayList<>();
        Map<String, List<Pair>> byProgramme = new java.util.TreeMap<>();
        for (List<Pair> everyone : byCohort.values()) {
            List<Pair> ps = q.system() ? everyone : everyone.stream().filter(p -> q.placeId().equals(p.place())).toList();
            if (ps.isEmpty()) {
                continue;
            }
            Pair first = ps.get(0);
            if (ps.size() < Results.MIN_GROUP || !q.system() && placeHidden(everyone, q.placeId())) {
                cohorts.add(new ImpactFigures.CohortConfidence(first.cohort(), first.programme(), first.name(), first.endsOn(), ps.size(),
                        null, null, null));
                continue;
            }
            Means m = Means.of(ps);
            cohorts.add(new ImpactFigures.CohortConfidence(first.cohort(), first.programme(), first.name(), first.endsOn(), ps.size(),
                    m.before(), m.after(), m.rose()));
            shown.addAll(ps);
            byProgramme.computeIfAbsent(first.programme(), k -> new ArrayList<>()).addAll(ps);
        }
        PairedComparison overall = shown.size() >= Results.MIN_GROUP
                ? PairedComparison.of(shown.stream().map(Pair::before).toList(), shown.stream().map(Pair::after).toList()) : null;
        List<ImpactFigures.ProgrammeConfidence> programmes = byProgramme.entrySet().stream().map(e -> {
            Means m = Means.of(e.getValue());
            return new ImpactFigures.ProgrammeConfidence(e.getKey(), (int) e.getValue().stream().map(Pair::cohort).distinct().count(),
                    e.getValue().size(), m.before(), m.after(), m.rose());
        }).toList();
        return new ImpactFigures.Confidence(cohorts, programmes, shown.size(), overall, Results.MIN_GROUP);
    }

    /** Whether a place's pairs in a cohort must be withheld so that no group of the cohort's places can be worked out. */
    private static boolean placeHidden(List<Pair> cohort, long place) {
        Map<Long, Integer> byPlace = new java.util.TreeMap<>();
        cohort.forEach(p -> byPlace.merge(p.place() == null ? -1L : p.place(), 1, Integer::sum));
        return AnonymityRule.DEFAULT.suppressed(byPlace).contains(place);
    }

    /** One page of the rows behind a figure; {@code only} narrows them (a sector, a status, "across", "met"). */
    ImpactList list(Figure figure, ImpactQuery q, String only, int page, ImpactFigures counted) {
        String base = base(figure, q);
        String where = only == null ? "" : switch (figure) {
            case PEOPLE -> " WHERE b.sector_code = :only";
            case PROJECTS -> " WHERE b.status = :only";
            case TIES -> " WHERE b.across";
            case MATCHES -> " WHERE b.met";
            default -> "";
        };
        boolean bindsOnly = where.contains(":only");
        return jdbi.inTransaction(h -> {
            h.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            if (figure == Figure.CONFIDENCE) {
                List<ImpactFigures.CohortConfidence> cohorts = confidence(h, q).cohorts();
                List<ImpactList.Row> rows = cohorts.stream().skip((long) (page - 1) * ImpactList.PAGE_SIZE).limit(ImpactList.PAGE_SIZE)
                        .map(ImpactLists::confidenceRow).toList();
                return new ImpactList(figure, q, only, ImpactLists.columns(figure), rows, cohorts.size(), null, page, ImpactList.PAGE_SIZE);
            }
            long total = counted != null ? counted.count(figure, only)
                    : query(h, "SELECT count(*) FROM (" + base + ") b" + where, q, bindsOnly ? only : null).mapTo(Long.class).one();
            List<ImpactList.Row> rows = query(h, ImpactLists.page(figure, base, where), q, bindsOnly ? only : null)
                    .bind("limit", ImpactList.PAGE_SIZE).bind("offset", (page - 1) * ImpactList.PAGE_SIZE)
                    .map((rs, ctx) -> ImpactLists.row(figure, rs)).list();
            return new ImpactList(figure, q, only, ImpactLists.columns(figure), rows, total,
                    counted == null ? null : counted.computedAt(), page, ImpactList.PAGE_SIZE);
        });
    }

    /** The rows a figure counts, as SQL binding the period (and {@code :place} for a place). */
    static String base(Figure figure, ImpactQuery q) {
        boolean place = !q.system();
        return switch (figure) {
            case PEOPLE -> "SELECT p.id, p.full_name, p.sector_code, p.organisation_id FROM people p WHERE p.id IN ("
                    + "SELECT e.person_id FROM cohorts c JOIN enrolments e ON e.cohort_id = c.id WHERE e.status <> 'withdrawn' AND "
                    + COHORT_START + " <= :day_to AND (c.ends_on IS NULL OR c.ends_on >= :day_from) "
                    + "UNION SELECT r.person_id FROM events ev JOIN registrations r ON r.event_id = ev.id WHERE r.status = 'confirmed' AND "
                    + eventHeld() + " UNION SELECT m.person_id FROM match_rounds mr JOIN match_groups g ON g.round_id = mr.id "
                    + "JOIN match_members m ON m.group_id = g.id WHERE mr.ran_at >= :ts_from AND mr.ran_at < :ts_to "
                    + "UNION SELECT lm.person_id FROM set_plans sp JOIN learning_set_members lm ON lm.cohort_id = sp.cohort_id "
                    + "WHERE sp.published_at >= :ts_from AND sp.published_at < :ts_to "
                    + "UNION SELECT cm.person_id FROM leader_clusters lc JOIN leader_cluster_members cm ON cm.cluster_id = lc.id "
                    + "WHERE " + clusterFormed() + " UNION SELECT pm.person_id FROM projects p JOIN project_members pm ON pm.project_id = p.id "
                    + "WHERE " + PROJECT_START + " <= :day_to AND (p.ends_on IS NULL OR p.ends_on >= :day_from) "
                    + "UNION SELECT cm.person_id FROM community_members cm WHERE cm.status = 'active' AND cm.since >= :ts_from "
                    + "AND cm.since < :ts_to)" + (place ? " AND p.place_id = :place" : "");
            case EVENTS -> "SELECT ev.id, ev.title, ev.starts_at, "
                    + "(SELECT count(*) FROM registrations r WHERE r.event_id = ev.id AND r.status = 'confirmed') AS confirmed, "
                    + "(SELECT count(*) FROM registrations r WHERE r.event_id = ev.id AND r.status = 'confirmed' "
                    + "AND r.checked_in_at IS NOT NULL) AS attended FROM events ev WHERE " + eventHeld()
                    + (place ? " AND (ev.community_id IN (SELECT id FROM communities WHERE place_id = :place) "
                    + "OR EXISTS (SELECT 1 FROM people h WHERE h.id = ev.host_id AND h.place_id = :place))" : "");
            case MATCHES -> "SELECT g.id, mr.id AS round_id, mr.ran_at, s.name AS scheme, count(*) AS members, "
                    + "count(*) FILTER (WHERE m.met) >= 2 AS met FROM match_rounds mr JOIN schemes s ON s.id = mr.scheme_id "
                    + "JOIN match_groups g ON g.round_id = mr.id JOIN match_members m ON m.group_id = g.id "
                    + "WHERE mr.ran_at >= :ts_from AND mr.ran_at < :ts_to GROUP BY g.id, mr.id, s.name"
                    + (place ? " HAVING bool_or(m.person_id IN (SELECT id FROM people WHERE place_id = :place))" : "");
            case SETS -> "SELECT ls.id, ls.number, c.id AS cohort_id, c.name AS cohort, pr.title AS programme, sp.published_at, "
                    + "(SELECT count(*) FROM learning_set_members lm WHERE lm.set_id = ls.id) AS members "
                    + "FROM set_plans sp JOIN learning_sets ls ON ls.cohort_id = sp.cohort_id JOIN cohorts c ON c.id = sp.cohort_id "
                    + "JOIN programmes pr ON pr.id = c.programme_id WHERE sp.published_at >= :ts_from AND sp.published_at < :ts_to"
                    + (place ? " AND EXISTS (SELECT 1 FROM learning_set_members lm JOIN people p ON p.id = lm.person_id "
                    + "WHERE lm.set_id = ls.id AND p.place_id = :place)" : "");
            case CLUSTERS -> "SELECT lc.id, pa.title AS area, lc.status, lc.created_at, "
                    + "(SELECT count(*) FROM leader_cluster_members cm WHERE cm.cluster_id = lc.id) AS members "
                    + "FROM leader_clusters lc JOIN priority_areas pa ON pa.id = lc.area_id WHERE " + clusterFormed()
                    + (place ? " AND (pa.place_id = :place OR EXISTS (SELECT 1 FROM leader_cluster_members cm JOIN people p "
                    + "ON p.id = cm.person_id WHERE cm.cluster_id = lc.id AND p.place_id = :place))" : "");
            case PROJECTS -> "SELECT p.id, p.title, p.status, " + PROJECT_START + " AS started_on, (p.outcomes <> '' OR EXISTS ("
                    + "SELECT 1 FROM project_measures pm JOIN measure_points mp ON mp.measure_id = pm.id WHERE pm.project_id = p.id "
                    + "AND pm.kind = 'outcome')) AS has_outcome FROM projects p WHERE " + PROJECT_START + " BETWEEN :day_from AND :day_to"
                    + (place ? " AND p.place_id = :place" : "");
            // One row per pair: its first tie, if that began in the period and the pair still stood at its end.
            case TIES -> "SELECT t.id, t.person_a, t.person_b, t.started_on AS first_on, pa.sector_code <> pb.sector_code AS across "
                    + "FROM ties t JOIN people pa ON pa.id = t.person_a JOIN people pb ON pb.id = t.person_b "
                    + "WHERE t.started_on BETWEEN :day_from AND :day_to" + (place ? " AND pa.place_id = :place AND pb.place_id = :place" : "")
                    + " AND NOT EXISTS (SELECT 1 FROM ties e WHERE e.person_a = t.person_a AND e.person_b = t.person_b "
                    + "AND (e.started_on < t.started_on OR (e.started_on = t.started_on AND e.id < t.id))) "
                    + "AND EXISTS (SELECT 1 FROM ties s WHERE s.person_a = t.person_a AND s.person_b = t.person_b "
                    + "AND s.started_on <= :day_to AND (s.ended_on IS NULL OR s.ended_on > :day_to))";
            case CONFIDENCE -> "WITH scores AS (SELECT s.cohort_id, s.kind, i.person_id, avg(a.number)::float8 AS score "
                    + "FROM cohorts c JOIN surveys s ON s.cohort_id = c.id AND s.kind IN ('baseline', 'end') "
                    + "JOIN survey_questions q ON q.survey_id = s.id AND q.kind = 'likert' AND (q.code LIKE 'conf\\_%' OR q.then_test) "
                    + "JOIN survey_answers a ON a.question_id = q.id AND a.number IS NOT NULL "
                    + "JOIN survey_responses r ON r.id = a.response_id AND r.submitted_at IS NOT NULL "
                    + "JOIN survey_invitations i ON i.id = r.invitation_id "
                    + "WHERE c.ends_on BETWEEN :day_from AND :day_to GROUP BY 1, 2, 3) "
                    // Every pair of the cohort, with the person's place: a place's pairs are picked in
                    // confidence(), which must see the others to keep them from being worked out.
                    + "SELECT b.cohort_id, pr.title AS programme, c.name AS cohort, c.ends_on, b.score AS before, e.score AS after, "
                    + "p.place_id FROM scores b JOIN scores e ON e.cohort_id = b.cohort_id AND e.person_id = b.person_id "
                    + "AND e.kind = 'end' JOIN cohorts c ON c.id = b.cohort_id JOIN programmes pr ON pr.id = c.programme_id "
                    + "JOIN people p ON p.id = b.person_id "
                    + "WHERE b.kind = 'baseline' ORDER BY c.ends_on DESC, b.cohort_id, b.person_id";
        };
    }

    private static String eventHeld() {
        return "ev.starts_at >= :ts_from AND ev.starts_at < :ts_to AND ev.starts_at <= now()";
    }

    private static String clusterFormed() {
        return "lc.status <> 'proposed' AND lc.created_at >= :ts_from AND lc.created_at < :ts_to";
    }

    /** Binds the period, the place and {@code only} where the SQL uses them (JDBI refuses unused bindings). */
    private static Query query(Handle h, String sql, ImpactQuery q, String only) {
        Query query = h.createQuery(sql);
        bindIf(query, sql, "day_from", q.from());
        bindIf(query, sql, "day_to", q.to());
        bindIf(query, sql, "ts_from", q.fromInstant());
        bindIf(query, sql, "ts_to", q.toInstant());
        if (!q.system()) {
            bindIf(query, sql, "place", q.placeId());
        }
        if (only != null) {
            query.bind("only", only);
        }
        return query;
    }

    private static void bindIf(Query query, String sql, String name, Object value) {
        if (sql.contains(":" + name)) {
            if (value instanceof LocalDate d) {
                query.bind(name, d);
            } else if (value instanceof OffsetDateTime t) {
                query.bind(name, t);
            } else {
                query.bind(name, (Long) value);
            }
        }
    }

    private interface RowReader<T> {
        T read(java.sql.ResultSet rs) throws java.sql.SQLException;
    }

    private static <T> T one(Handle h, ImpactQuery q, String sql, RowReader<T> reader) {
        return query(h, sql, q, null).map((rs, ctx) -> reader.read(rs)).one();
    }

    static ProjectStatus status(String code) {
        return Coded.of(ProjectStatus.class, code);
    }
}
