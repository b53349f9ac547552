package org.convene.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.convene.directory.Reference;
import org.convene.errors.ConflictException;
import org.convene.errors.ImportRejectedException;
import org.convene.errors.ValidationException;
import org.convene.people.Person;
import org.convene.runcharts.Rule;
import org.convene.testing.TestApp;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Projects, their teams (and the ties they make), measures, data points, cycles and scores on a real PostgreSQL. */
@Tag("db")
class ProjectsTest {
    private static TestApp app;
    private static Jdbi jdbi;
    private static Projects projects;
    private static Measures measures;
    private static Cycles cycles;
    private static Scores scores;
    private static Person nurse;
    private static Person adviser;
    private static Person officer;

    @BeforeAll
    static void start() {
        app = TestApp.start();
        jdbi = app.jdbi();
        projects = new Projects(jdbi);
        measures = new Measures(jdbi);
        cycles = new Cycles(jdbi);
        scores = new Scores(jdbi, projects, measures, cycles);
        nurse = app.person("Nia Nurse", "nia@projects.example", "acute");
        adviser = app.person("Carl Adviser", "carl@projects.example", "vcse");
        officer = app.person("Hana Housing", "hana@projects.example", "housing");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static Project newProject(String title) {
        return projects.create(new ProjectInput(title, "Cold homes", "Halve readmissions by March", "Test Town", "active",
                "2025-01-06", "", null, null, null, null).validated(new Reference(jdbi).places(), List.of()), nurse.id(), null);
    }

    private static List<Map<String, Object>> projectTies(long projectId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT person_a, person_b, kind, ended_on FROM ties WHERE source = 'project' "
                + "AND source_ref = :ref ORDER BY person_a, person_b").bind("ref", "project:" + projectId).mapToMap().list());
    }

    @Test
    void aNewProjectHasItsOwnerAsLeadAndKeepsItsGeneralFields() {
        Project p = newProject("Warm homes");
        assertThat(p.ownerId()).isEqualTo(nurse.id());
        assertThat(p.placeName()).isEqualTo("Test Town");
        assertThat(p.status()).isEqualTo(ProjectStatus.ACTIVE);
        assertThat(p.startsOn()).isEqualTo(LocalDate.of(2025, 1, 6));
        assertThat(projects.team(p.id())).singleElement().satisfies(m -> {
            assertThat(m.personId()).isEqualTo(nurse.id());
            assertThat(m.role()).isEqualTo(TeamRole.LEAD);
            assertThat(m.sectorName()).isEqualTo("Acute care");
        });
        assertThatThrownBy(() -> projects.create(new ProjectInput("X", "", "", "", "", "", "", 999_999L, null, null, null)
                .validated(List.of(), List.of()), nurse.id(), null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("No cohort");
    }

    @Test
    void theTeamBecomesTiesAndLeavingEndsOrWithdrawsThem() {
        Project p = newProject("Team ties");
        assertThat(projects.addMember(p.id(), adviser.id(), TeamRole.MEMBER, null)).isTrue();
        assertThat(projects.addMember(p.id(), officer.id(), TeamRole.SPONSOR, null)).isTrue();
        assertThat(projectTies(p.id())).hasSize(3).allSatisfy(t -> {
            assertThat(t.get("kind")).isEqualTo("collaborate");
            assertThat(t.get("ended_on")).isNull();
        });
        // Changing a role records nothing new.
        assertThat(projects.addMember(p.id(), officer.id(), TeamRole.COACH, null)).isFalse();
        assertThat(projectTies(p.id())).hasSize(3);
        assertThat(projects.role(p.id(), officer.id())).contains(TeamRole.COACH);

        // Removed on the day they were added: a correction, so their ties go.
        projects.removeMember(p.id(), officer.id());
        assertThat(projectTies(p.id())).hasSize(1);

        // Ties that began earlier end today and stay in the history; rejoining makes them current again.
        jdbi.useHandle(h -> h.execute("UPDATE ties SET started_on = current_date - 30 WHERE source_ref = ?", "project:" + p.id()));
        projects.removeMember(p.id(), adviser.id());
        assertThat(projectTies(p.id())).singleElement().satisfies(t -> assertThat(t.get("ended_on")).isNotNull());
        projects.addMember(p.id(), adviser.id(), TeamRole.MEMBER, null);
        assertThat(projectTies(p.id())).singleElement().satisfies(t -> assertThat(t.get("ended_on")).isNull());
    }

    @Test
    void theOwnerStaysInTheTeamAndRunsIt() {
        Project p = newProject("Owner rules");
        assertThatThrownBy(() -> projects.removeMember(p.id(), nurse.id())).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> projects.addMember(p.id(), nurse.id(), TeamRole.SPONSOR, null)).isInstanceOf(ConflictException.class);
        ProjectInput.Valid toOfficer = new ProjectInput("Owner rules", "", "", "", "", "", "", null, officer.id(), null, null).validated(List.of(), List.of());
        assertThatThrownBy(() -> projects.update(p.id(), toOfficer)).isInstanceOf(ValidationException.class).hasMessageContaining("team");
        projects.addMember(p.id(), officer.id(), TeamRole.MEMBER, null);
        assertThat(projects.update(p.id(), toOfficer).ownerName()).isEqualTo("Hana Housing");
        projects.removeMember(p.id(), nurse.id());
        assertThat(projects.team(p.id())).extracting(TeamMember::personId).containsExactly(officer.id());
    }

    @Test
    void aCsvFileIsImportedWholeOrNotAtAll() {
        Project p = newProject("CSV");
        Measure m = measures.create(p.id(), new MeasureInput("Readmissions", "outcome", "per month", "lower", "", null).validated());
        measures.addPoint(m.id(), new PointInput("2025-03-01", 7.0, "").validated(), null);

        String bad = "date,value,note\n2025-01-01,9,first\n2025-02-01,nine,\n2025-01-01,8,\n2025-03-01,6,\n13/04/2025,5,\n2025-05-01,,\n";
        assertThatThrownBy(() -> measures.importCsv(m.id(), csv(bad), null))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> {
                    assertThat(e.getMessage()).startsWith("Nothing was imported. 5 rows have problems");
                    assertThat(e.rows()).extracting(ImportRejectedException.Row::line).containsExactly(3L, 4L, 5L, 6L, 7L);
                    assertThat(e.rows().get(0).message()).contains("'nine'");
                    assertThat(e.rows().get(1).message()).contains("also on line 2");
                    assertThat(e.rows().get(2).message()).contains("already a value for 2025-03-01");
                    assertThat(e.rows().get(3).message()).contains("YYYY-MM-DD");
                    assertThat(e.rows().get(4).message()).contains("Enter the value");
                });
        assertThat(measures.points(m.id())).hasSize(1);
        assertThatThrownBy(() -> measures.importCsv(m.id(), csv("when,value\n2025-01-01,1\n"), null))
                .isInstanceOf(ImportRejectedException.class).hasMessageContaining("Unknown column 'when'");
        assertThatThrownBy(() -> measures.importCsv(m.id(), csv("date,value\n"), null))
                .isInstanceOf(ImportRejectedException.class).hasMessageContaining("no rows");

        int imported = measures.importCsv(m.id(), csv("\uFEFFdate,value,note\n2025-01-01,9,first\n2025-02-01,8.5,\n\n2025-04-01,-1e1,odd\n"), null);
        assertThat(imported).isEqualTo(3);
        assertThat(measures.points(m.id())).extracting(Point::value).containsExactly(9.0, 8.5, 7.0, -10.0);
        assertThat(measures.points(m.id()).get(0).note()).isEqualTo("first");
    }

    @Test
    void oneValuePerDateAndMeasureNamesUniqueInAProject() {
        Project p = newProject("Uniques");
        Measure m = measures.create(p.id(), new MeasureInput("Falls", "outcome", "", "lower", "", 12).validated());
        assertThat(m.baselinePoints()).isEqualTo(12);
        measures.addPoint(m.id(), new PointInput("2025-01-06", 3.0, "").validated(), null);
        assertThatThrownBy(() -> measures.addPoint(m.id(), new PointInput("2025-01-06", 4.0, "").validated(), null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("6 January 2025");
        assertThatThrownBy(() -> measures.create(p.id(), new MeasureInput("FALLS", "process", "", "higher", "", null).validated()))
                .isInstanceOf(ConflictException.class);
        measures.deletePoint(measures.points(m.id()).get(0).id());
        assertThat(measures.points(m.id())).isEmpty();
        measures.delete(m.id());
        assertThat(measures.list(p.id())).isEmpty();
    }

    @Test
    void theDetailCarriesEachMeasuresAnalysisAndTheSuggestedScore() {
        Project p = newProject("Detail");
        projects.addMember(p.id(), adviser.id(), TeamRole.MEMBER, null);
        Measure m = measures.create(p.id(), new MeasureInput("Readmissions", "outcome", "", "lower", "", 6).validated());
        double[] values = {9, 10, 8, 9, 11, 9, 5, 4, 5, 6, 4, 5};
        for (int i = 0; i < values.length; i++) {
            measures.addPoint(m.id(), new PointInput(LocalDate.of(2025, 1, 1).plusMonths(i).toString(), values[i], "").validated(), null);
        }
        cycles.create(p.id(), new CycleInput("Joint visits", "Visit together", "Grants go up", "Visited 12 homes", "7 grants", "adopt",
                "", "").validated(), null);
        ProjectDetail detail = scores.detail(p.id());
        MeasureDetail measure = detail.measures().get(0);
        assertThat(measure.analysis().median()).isEqualTo(9);
        assertThat(measure.analysis().signals()).extracting(MeasureDetail.SignalView::rule).contains("shift");
        assertThat(measure.points().get(6).rules()).contains("shift");
        assertThat(measure.chart().fires(Rule.SHIFT)).isTrue();
        assertThat(detail.suggestion().score()).isEqualTo(4.0);

        Score confirmed = scores.confirm(p.id(), new ScoreInput(3.5, "Early days").validated(), adviser.id());
        assertThat(confirmed.suggested()).isEqualTo(4.0);
        assertThat(confirmed.confirmedByName()).isEqualTo("Carl Adviser");
        assertThat(confirmed.reason()).contains("Readmissions (outcome) shows a shift of 6 points below the median");
        assertThat(scores.detail(p.id()).score().score()).isEqualTo(3.5);
        assertThat(projects.list(new Projects.Filter(null, null, null, null, null, null, adviser.id()), 1, 10).items())
                .filteredOn(s -> s.id() == p.id()).singleElement().satisfies(s -> assertThat(s.score()).isEqualTo(3.5));
    }

    @Test
    void theListFiltersByTitleWordsStatusSectorKindAndTeamMember() {
        Project a = newProject("Zebra crossing safety");
        Project b = projects.create(new ProjectInput("Zebra 100% literal_match", "", "", "", "paused", "", "", null, null, null, null)
                .validated(List.of(), List.of()), adviser.id(), null);
        projects.addMember(a.id(), officer.id(), TeamRole.MEMBER, null);
        measures.create(b.id(), new MeasureInput("Balance", "balancing", "", "lower", "", null).validated());

        assertThat(titles(new Projects.Filter("safety zebra", null, null, null, null, null, null))).containsExactly("Zebra crossing safety");
        assertThat(titles(new Projects.Filter("zebra", ProjectStatus.PAUSED, null, null, null, null, null))).containsExactly("Zebra 100% literal_match");
        assertThat(titles(new Projects.Filter("zebra", null, null, null, "housing", null, null))).containsExactly("Zebra crossing safety");
        assertThat(titles(new Projects.Filter("zebra", null, null, null, null, MeasureKind.BALANCING, null))).containsExactly("Zebra 100% literal_match");
        assertThat(titles(new Projects.Filter("zebra", null, null, null, null, null, officer.id()))).containsExactly("Zebra crossing safety");
        // % and _ are literal characters, not patterns.
        assertThat(titles(new Projects.Filter("100%", null, null, null, null, null, null))).containsExactly("Zebra 100% literal_match");
        assertThat(titles(new Projects.Filter("l_teral", null, null, null, null, null, null))).isEmpty();
        var page = projects.list(new Projects.Filter("zebra", null, null, null, null, null, null), 2, 1);
        assertThat(page.total()).isEqualTo(2);
        assertThat(page.items()).hasSize(1);
    }

    private static List<String> titles(Projects.Filter filter) {
        return projects.list(filter, 1, 50).items().stream().map(ProjectSummary::title).toList();
    }

    private static ByteArrayInputStream csv(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
