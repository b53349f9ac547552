package org.convene.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.convene.evaluation.PairedComparison;
import org.convene.programmes.CourseChanges;
import org.convene.programmes.Programmes;
import org.convene.reports.EvaluationReport;
import org.convene.reports.Reports;
import org.convene.surveys.Results;
import org.convene.surveys.Surveys;
import org.convene.testing.TestApp;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's activity volume on a small region: the sizes asked for, rows that agree with
 * each other as the features would leave them (ties from the evidence that makes them, capacity,
 * one open cluster per candidate, dates in the three years), added once, and read by the
 * evaluation report as real answers.
 */
class ActivityDemoTest {
    @Test
    @Tag("db")
    void addsThreeYearsOfActivityOnceThatTheReportsReadAsRealData() {
        try (TestApp app = TestApp.startWithoutJobs()) {
            Jdbi jdbi = app.jdbi();
            assertThatThrownBy(() -> ActivityDemo.load(jdbi, 7, ActivityDemo.Sizes.scaled(0.02)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("demo region first");
            DemoData.load(jdbi, 3, 300, false);
            long cohortsBefore = count(jdbi, "SELECT count(*) FROM cohorts");
            long tiesBefore = count(jdbi, "SELECT count(*) FROM ties");
            long eventsBefore = count(jdbi, "SELECT coalesce(max(id), 0) FROM events");
            ActivityDemo.Sizes sizes = ActivityDemo.Sizes.scaled(0.02);
            ActivityDemo.Result result = ActivityDemo.load(jdbi, 7, sizes);

            // The sizes asked for, and the summary's counts are the rows stored.
            assertThat(sizes).isEqualTo(new ActivityDemo.Sizes(1, 8, 400, 1_000, 6, 100, 400, 0));
            assertThat(count(jdbi, "SELECT count(*) FROM cohorts") - cohortsBefore).isEqualTo(8).isEqualTo(result.rows("cohorts"));
            assertThat(count(jdbi, "SELECT count(*) FROM events WHERE id > :before", eventsBefore)).isEqualTo(400);
            assertThat(count(jdbi, "SELECT count(*) FROM leader_clusters")).isEqualTo(6 + 1);
            assertThat(count(jdbi, "SELECT count(*) FROM projects")).isEqualTo(100 + 3);
            assertThat(count(jdbi, "SELECT count(*) FROM ties") - tiesBefore).isEqualTo(result.rows("ties"));
            assertThat(result.rows("registrations")).isBetween(400L * 12, 400L * 30);
            // Matching: a small region soon runs out of new partners, so fewer are placed than asked; the rounds' figures are their rows.
            assertThat(result.rows("match_members")).isBetween(200L, 1_200L);
            assertThat(count(jdbi, "SELECT sum(2 * pairs + 3 * trios) FROM match_rounds r JOIN schemes s ON s.id = r.scheme_id "
                    + "WHERE s.name = 'Greater Manchester Cuppa Connect'")).isEqualTo(result.rows("match_members"));
            assertThat(count(jdbi, "SELECT sum(unplaced) FROM match_rounds r JOIN schemes s ON s.id = r.scheme_id "
                    + "WHERE s.name = 'Greater Manchester Cuppa Connect'")).isEqualTo(result.rows("match_unplaced"));
            assertThat(result.ties().keySet()).contains("learning_set", "matching", "survey", "project", "leader_cluster", "event");
            assertThat(count(jdbi, "SELECT count(DISTINCT status) FROM enrolments")).isEqualTo(3);

            // Everything is dated in the three years before today (module and survey windows may run on).
            LocalDate from = LocalDate.now().minusYears(3).minusDays(60);
            assertThat(count(jdbi, "SELECT count(*) FROM events WHERE id > " + eventsBefore
                    + " AND (starts_at < CAST(:from AS date) OR ends_at > now())", from)).isZero();
            assertThat(count(jdbi, "SELECT count(*) FROM ties WHERE started_on < CAST(:from AS date) AND source <> 'self_reported'", from)).isZero();
            assertThat(count(jdbi, "SELECT count(*) FROM ties WHERE started_on > current_date")).isZero();
            assertThat(count(jdbi, "SELECT count(*) FROM survey_responses WHERE submitted_at > now()")).isZero();
            assertThat(count(jdbi, "SELECT count(*) FROM survey_responses r JOIN surveys s ON s.id = r.survey_id "
                    + "WHERE r.submitted_at < s.opens_at OR r.submitted_at > s.closes_at")).isZero();
            assertThat(count(jdbi, "SELECT count(*) FROM survey_invitations i JOIN surveys s ON s.id = i.survey_id WHERE s.status = 'scheduled'")).isZero();

            // Ties come from the evidence that makes them, as the features record them.
            assertThat(count(jdbi, "SELECT count(*) FROM ties t WHERE t.source = 'matching' AND t.source_ref LIKE 'match:%' AND NOT EXISTS ("
                    + "SELECT 1 FROM match_members a JOIN match_members b ON b.group_id = a.group_id WHERE 'match:' || a.group_id = t.source_ref "
                    + "AND a.person_id = t.person_a AND b.person_id = t.person_b AND a.met AND b.met)")).isZero();
            assertThat(count(jdbi, "SELECT count(*) FROM match_members a JOIN match_members b ON b.group_id = a.group_id "
                    + "AND b.person_id > a.person_id WHERE a.met AND b.met AND NOT EXISTS (SELECT 1 FROM ties t WHERE t.source = 'matching' "
                    + "AND t.source_ref = 'match:' || a.group_id AND t.person_a = a.person_id AND t.person_b = b.person_id)")).isZero();
            assertThat(count(jdbi, "SELECT count(*) FROM (SELECT m.set_id, count(*) AS n FROM learning_set_members m GROUP BY m.set_id) s "
                    + "WHERE s.n * (s.n - 1) / 2 <> (SELECT count(*) FROM ties t WHERE t.source = 'learning_set' AND t.source_ref = 'set:' || s.set_id)"))
                    .isZero();
            assertThat(count(jdbi, "SELECT count(*) FROM (SELECT m.project_id, count(*) AS n FROM project_members m GROUP BY m.project_id) p "
                    + "WHERE p.n * (p.n - 1) / 2 <> (SELECT count(*) FROM ties t WHERE t.source = 'project' AND t.source_ref = 'project:' || p.project_id)"))
                    .isZero();
            assertThat(count(jdbi, "SELECT count(*) FROM ties t WHERE t.source = 'survey' AND NOT EXISTS (SELECT 1 FROM survey_answers a "
                    + "JOIN survey_responses r ON r.id = a.response_id JOIN survey_invitations i ON i.id = r.invitation_id "
                    + "WHERE 'survey:' || r.survey_id = t.source_ref AND r.submitted_at IS NOT NULL "
                    + "AND ((i.person_id = t.person_a AND t.person_b = ANY(a.people)) OR (i.person_id = t.person_b AND t.person_a = ANY(a.people))))"))
                    .isZero();

            // What the database cannot check: capacity, sets of the cohort's own people, one open cluster per candidate, real origins.
            assertThat(count(jdbi, "SELECT count(*) FROM events e WHERE e.capacity < (SELECT coalesce(sum(1 + r.guests), 0) FROM registrations r "
                    + "WHERE r.event_id = e.id AND r.status = 'confirmed')")).isZero();
            assertThat(count(jdbi, "SELECT count(*) FROM learning_set_members m WHERE NOT EXISTS (SELECT 1 FROM enrolments e "
                    + "WHERE e.cohort_id = m.cohort_id AND e.person_id = m.person_id)")).isZero();
            assertThat(count(jdbi, "SELECT count(*) FROM (SELECT m.area_id, m.person_id FROM leader_cluster_members m JOIN leader_clusters k "
                    + "ON k.id = m.cluster_id WHERE k.status <> 'ended' GROUP BY 1, 2 HAVING count(*) > 1) x")).isZero();
            assertThat(count(jdbi, "SELECT count(*) FROM projects p WHERE p.origin_kind IS NOT NULL AND NOT CASE p.origin_kind "
                    + "WHEN 'community' THEN EXISTS (SELECT 1 FROM communities c WHERE c.id = p.origin_id) "
                    + "WHEN 'action_learning_set' THEN EXISTS (SELECT 1 FROM learning_sets s WHERE s.id = p.origin_id AND s.cohort_id = p.cohort_id) "
                    + "WHEN 'match' THEN EXISTS (SELECT 1 FROM match_groups g WHERE g.id = p.origin_id) "
                    + "WHEN 'event' THEN EXISTS (SELECT 1 FROM events e WHERE e.id = p.origin_id) "
                    + "WHEN 'cluster' THEN EXISTS (SELECT 1 FROM leader_clusters k WHERE k.id = p.origin_id) ELSE false END")).isZero();
            assertThat(count(jdbi, "SELECT count(*) FROM projects p WHERE NOT EXISTS (SELECT 1 FROM project_members m "
                    + "WHERE m.project_id = p.id AND m.person_id = p.owner_id AND m.role = 'lead')")).isZero();
            assertThat(count(jdbi, "SELECT count(DISTINCT origin_kind) FROM projects")).isGreaterThanOrEqualTo(4);

            // Added once: a second run is refused and writes nothing.
            long ties = count(jdbi, "SELECT count(*) FROM ties");
            assertThatThrownBy(() -> ActivityDemo.load(jdbi, 8, ActivityDemo.Sizes.scaled(0.02)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already been added");
            assertThat(count(jdbi, "SELECT count(*) FROM ties")).isEqualTo(ties);
            assertThat(count(jdbi, "SELECT count(*) FROM cohorts") - cohortsBefore).isEqualTo(8);

            // The evaluation report of a finished cohort pairs its confidence answers: a rise of about half a point.
            long cohort = count(jdbi, "SELECT min(c.id) FROM cohorts c JOIN surveys s ON s.cohort_id = c.id "
                    + "WHERE c.id > :before AND s.kind = 'end' AND s.status = 'closed'", cohortsBefore);
            Reports reports = new Reports(jdbi, new Programmes(jdbi), new Surveys(jdbi), new Results(jdbi), new CourseChanges(jdbi));
            EvaluationReport report = reports.build(cohort);
            assertThat(report.confidence()).hasSize(6);
            for (EvaluationReport.ConfidenceItem item : report.confidence()) {
                assertThat(item.code()).startsWith("conf_");
                assertThat(item.prePostPairs()).isGreaterThanOrEqualTo(5);
                assertThat(item.prePost()).isNotNull();
                assertThat(item.thenTest()).isNotNull();
            }
            double change = report.confidence().stream().map(EvaluationReport.ConfidenceItem::prePost)
                    .mapToDouble(PairedComparison::meanChange).average().orElseThrow();
            assertThat(change).isBetween(0.1, 1.0);
            assertThat(report.participation().enrolled()).isGreaterThanOrEqualTo(18);
            List<Double> all = jdbi.withHandle(h -> h.createQuery("SELECT avg(e.number) - avg(b.number) FROM survey_answers b "
                    + "JOIN survey_questions qb ON qb.id = b.question_id JOIN surveys sb ON sb.id = qb.survey_id AND sb.kind = 'baseline' "
                    + "JOIN survey_responses rb ON rb.id = b.response_id JOIN survey_invitations ib ON ib.id = rb.invitation_id "
                    + "JOIN surveys se ON se.cohort_id = sb.cohort_id AND se.kind = 'end' JOIN survey_questions qe ON qe.survey_id = se.id "
                    + "AND qe.code = qb.code JOIN survey_answers e ON e.question_id = qe.id JOIN survey_responses re ON re.id = e.response_id "
                    + "JOIN survey_invitations ie ON ie.id = re.invitation_id AND ie.person_id = ib.person_id "
                    + "WHERE qb.code LIKE 'conf_%' AND sb.cohort_id > :before").bind("before", cohortsBefore).mapTo(Double.class).list());
            assertThat(all.get(0)).isBetween(0.3, 0.7);
        }
    }

    @Test
    @Tag("db")
    void aFixedNumberOfModulesGivesEveryCohortThatManyAndAFeedbackSurveyForEachButTheCelebration() {
        assertThatThrownBy(() -> ActivityDemo.load(null, 1, ActivityDemo.Sizes.scaled(0.01).withModules(3)))
                .hasMessageContaining("--modules must be from 4 to 11");
        assertThatThrownBy(() -> ActivityDemo.load(null, 1, ActivityDemo.Sizes.scaled(0.01).withModules(12)))
                .hasMessageContaining("--modules must be from 4 to 11");
        try (TestApp app = TestApp.startWithoutJobs()) {
            Jdbi jdbi = app.jdbi();
            DemoData.load(jdbi, 3, 300, false);
            long cohortsBefore = count(jdbi, "SELECT count(*) FROM cohorts");
            ActivityDemo.load(jdbi, 9, ActivityDemo.Sizes.scaled(0.005).withModules(11));
            String cohorts = " FROM cohorts c WHERE c.id > " + cohortsBefore;
            assertThat(count(jdbi, "SELECT count(*)" + cohorts)).isEqualTo(2);
            assertThat(count(jdbi, "SELECT count(*)" + cohorts + " AND (SELECT count(DISTINCT m.title) FROM modules m "
                    + "WHERE m.cohort_id = c.id) <> 11")).isZero();
            assertThat(count(jdbi, "SELECT count(*)" + cohorts + " AND (SELECT count(*) FROM modules m WHERE m.cohort_id = c.id "
                    + "AND m.celebration AND m.position = 11) <> 1")).isZero();
            assertThat(count(jdbi, "SELECT count(*)" + cohorts + " AND (SELECT count(*) FROM surveys s WHERE s.cohort_id = c.id "
                    + "AND s.kind = 'module_feedback') <> 10")).isZero();
            // The cohorts that have finished had their later modules' feedback answered too.
            assertThat(count(jdbi, "SELECT count(*) FROM survey_responses r JOIN surveys s ON s.id = r.survey_id "
                    + "JOIN modules m ON m.id = s.module_id WHERE m.position > 5 AND s.cohort_id > :before", cohortsBefore)).isPositive();
        }
    }

    private static long count(Jdbi jdbi, String sql, Object... args) {
        return jdbi.withHandle(h -> {
            var q = h.createQuery(sql);
            if (args.length == 1) {
                q.bind(sql.contains(":from") ? "from" : "before", args[0]);
            }
            return q.mapTo(Long.class).one();
        });
    }
}
