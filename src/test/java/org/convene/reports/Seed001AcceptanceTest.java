package org.convene.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.convene.accounts.Role;
import org.convene.demo.ProgrammeDemo;
import org.convene.programmes.CourseChange;
import org.convene.programmes.CourseChanges;
import org.convene.programmes.Programmes;
import org.convene.surveys.Results;
import org.convene.surveys.Surveys;
import org.convene.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The acceptance scenario of issue 3, replaying seed 001: a cohort of 30 managers and clinicians,
 * six modules, surveys after modules 1 to 5, a PDSA change after module 2 that moves an item in
 * module 3, a celebration at module 6, baseline and end surveys. The report must show each fact.
 */
@Tag("db")
class Seed001AcceptanceTest {
    private static final String[] SECTORS = {"acute", "mental_health", "community", "primary", "adult_social_care", "housing"};
    private static TestApp app;
    private static ProgrammeDemo.Loaded run;
    private static EvaluationReport report;

    @BeforeAll
    static void replay() {
        app = TestApp.start();
        var facilitator = app.person("Fran Facilitator", "fran@test.example", "vcse", Role.FACILITATOR);
        List<Long> cohort = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            cohort.add(app.person("Manager or clinician " + i, "mc" + i + "@test.example", SECTORS[i % SECTORS.length]).id());
        }
        run = new ProgrammeDemo(app.jdbi()).load(1, "Livewell Southwest cohort", cohort, facilitator.id(), LocalDate.of(2023, 1, 10));
        Programmes programmes = new Programmes(app.jdbi());
        report = new Reports(app.jdbi(), programmes, new Surveys(app.jdbi()), new Results(app.jdbi()), new CourseChanges(app.jdbi()))
                .build(run.cohortId());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void thirtyPeopleSixModulesEndingInACelebration() {
        assertThat(report.participation().enrolled()).isEqualTo(30);
        assertThat(report.participation().modules()).hasSize(6);
        assertThat(report.participation().modules().get(5).celebration()).isTrue();
        assertThat(report.participation().modules().subList(0, 5)).noneMatch(EvaluationReport.ModuleAttendance::celebration);
        assertThat(report.participation().modules()).allSatisfy(m -> {
            assertThat(m.recorded()).isTrue();
            assertThat(m.present() + m.apologies() + m.absent()).isEqualTo(30);
        });
        assertThat(report.participation().meanAttendance()).isBetween(0.8, 1.0);
    }

    @Test
    void feedbackSurveysAfterModulesOneToFiveAndBaselineAndEnd() {
        List<Integer> feedbackModules = report.responseRates().stream().filter(r -> r.kind().equals("module_feedback"))
                .map(EvaluationReport.SurveyRate::module).toList();
        assertThat(feedbackModules).containsExactly(1, 2, 3, 4, 5);
        assertThat(report.responseRates()).extracting(EvaluationReport.SurveyRate::kind).contains("baseline", "end");
        assertThat(report.responseRates()).allSatisfy(r -> {
            assertThat(r.withheld()).isFalse();
            assertThat(r.submitted()).isBetween(Results.MIN_GROUP, r.invited());
        });
        // Only the people present at a module are asked about it.
        for (EvaluationReport.SurveyRate rate : report.responseRates()) {
            if (rate.module() != null) {
                int present = report.participation().modules().get(rate.module() - 1).present();
                assertThat(rate.invited()).isEqualTo(present);
            }
        }
    }

    @Test
    void theChangeAfterModuleTwoMovesInteractivityInModuleThree() {
        assertThat(report.changes()).hasSize(1);
        CourseChange change = report.changes().get(0);
        assertThat(change.promptedByLabel()).startsWith("Module 2:");
        assertThat(change.appliedInLabel()).startsWith("Module 3:");
        assertThat(change.itemCode()).isEqualTo("interactivity");
        assertThat(change.decision()).isEqualTo("adopt");
        assertThat(change.comments()).isNotEmpty().allSatisfy(c -> assertThat(c).containsAnyOf("group", "discuss"));
        assertThat(change.after() - change.before()).as("interactivity, module 3 minus module 2").isGreaterThan(1.0);
        EvaluationReport.Trend interactivity = report.trends().stream().filter(t -> t.code().equals("interactivity")).findFirst().orElseThrow();
        assertThat(interactivity.points()).hasSize(5);
        assertThat(interactivity.points().get(1).mean()).isEqualTo(change.before());
        assertThat(interactivity.points().get(2).mean()).isEqualTo(change.after());
    }

    @Test
    void confidenceRisesFromBaselineToEndAndTheThenTestAgrees() {
        assertThat(report.confidence()).hasSize(6);
        for (EvaluationReport.ConfidenceItem item : report.confidence()) {
            assertThat(item.prePostPairs()).as(item.code()).isGreaterThanOrEqualTo(20);
            assertThat(item.prePost().meanChange()).as(item.code()).isGreaterThan(0.8);
            assertThat(item.prePost().ciLower()).as(item.code()).isGreaterThan(0);
            assertThat(item.prePost().tTestP()).as(item.code()).isLessThan(0.05);
            assertThat(item.prePost().cohensDz()).as(item.code()).isGreaterThan(0.5);
            assertThat(item.thenTest().meanChange()).as(item.code()).isGreaterThan(1.0);
            assertThat(item.thenTest().wilcoxonP()).as(item.code()).isLessThan(0.05);
        }
    }

    @Test
    void commentsHaveSentimentAndThemesWithQuotes() {
        EvaluationReport.SentimentSplit all = report.sentiment();
        assertThat(all.comments()).isGreaterThan(50);
        assertThat(all.positive() + all.negative() + all.neutral()).isEqualTo(all.comments());
        assertThat(all.positive()).as("what went well").isGreaterThan(20);
        assertThat(all.negative()).as("even better if").isGreaterThan(20);
        assertThat(report.sentimentByModule()).hasSize(5);
        assertThat(report.themes()).isNotEmpty();
        assertThat(report.themes().get(0).quotes()).isNotEmpty();
        assertThat(report.themes().stream().mapToInt(t -> t.count()).sum()).isEqualTo(all.comments());
    }

    @Test
    void connectionsMadeBecomeTiesAndMostCrossSectors() {
        EvaluationReport.Connections c = report.connections();
        assertThat(c.pairs()).isGreaterThan(20);
        assertThat(c.crossSectorShare()).isGreaterThan(0.5);
        long ties = app.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM ties WHERE source = 'survey' AND source_ref = :ref")
                .bind("ref", "survey:" + run.endSurvey()).mapTo(Long.class).one());
        assertThat(ties).isEqualTo(c.pairs());
    }
}
