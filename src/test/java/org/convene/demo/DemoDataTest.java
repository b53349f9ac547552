package org.convene.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.convene.testing.TestApp;
import org.convene.testing.WebClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("db")
class DemoDataTest {
    /** The smallest region the demo allows (100 people) loads whole: its second cohort once needed more than 200 people. */
    @Test
    void theSmallestRegionLoads() {
        try (org.convene.db.Database db = org.convene.db.Database.open(org.convene.testing.TestDatabase.get().fresh())) {
            DemoData.Result result = DemoData.load(db.jdbi(), 11, 100, false);
            assertThat(result).isNotNull();
            assertThat(result.people()).isEqualTo(100);
            long secondCohort = db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id "
                    + "WHERE c.name = 'Cohort 2'").mapTo(Long.class).one());
            assertThat(secondCohort).isEqualTo(24);
        }
    }

    @Test
    void loadsTheRegionOnceWithAWorkingAccountForEachRole() {
        // Without jobs: the notification fan-out would email the demo discussion's reply to its followers
        // whenever it happened to run during the load, so the outbox check below would depend on timing.
        try (TestApp app = TestApp.startWithoutJobs()) {
            DemoData.Result result = DemoData.fillIfEmpty(app.jdbi(), 3, 400);
            assertThat(result.people()).isEqualTo(400);
            long people = app.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM people").mapTo(Long.class).one());
            long ties = app.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM ties").mapTo(Long.class).one());
            long searchable = app.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM people WHERE search IS NOT NULL").mapTo(Long.class).one());
            assertThat(people).isEqualTo(400);
            assertThat(ties).isEqualTo(result.ties());
            assertThat(searchable).isEqualTo(400);
            assertThat(result.accounts()).hasSize(4);
            for (DemoData.DemoAccount account : result.accounts()) {
                assertThat(app.client().signIn(account.email(), result.password()).statusCode()).as(account.email()).isEqualTo(302);
            }
            // The matching scheme ran three rounds; pairs where both said they met are ties; no introduction waits in the outbox.
            assertThat(result.matching().rounds()).isEqualTo(3);
            assertThat(result.matching().members()).isEqualTo(120);
            long matchTies = app.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM ties WHERE source = 'matching'").mapTo(Long.class).one());
            long outbox = app.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM outbox WHERE sent_at IS NULL").mapTo(Long.class).one());
            assertThat(matchTies).isPositive();
            assertThat(outbox).isZero();
            // Three improvement projects of the cohort: their teams are ties, the falls rate shows a sustained shift down.
            assertThat(result.projects().projectIds()).hasSize(3);
            long projectTies = app.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM ties WHERE source = 'project'").mapTo(Long.class).one());
            assertThat(projectTies).isPositive();
            // The warm-homes project is place-based too: partners from housing or the voluntary sector, themes, outcomes.
            var homes = new org.convene.projects.Projects(app.jdbi()).get(result.projects().projectIds().get(1));
            assertThat(homes.title()).isEqualTo(ProjectDemo.HOMES);
            assertThat(homes.partners()).isNotEmpty().allSatisfy(p -> assertThat(p.sectorCode()).isIn("housing", "vcse"));
            assertThat(homes.themes()).isNotEmpty();
            assertThat(homes.outcomes()).contains("heating grants");
            var scores = new org.convene.projects.Scores(app.jdbi(), new org.convene.projects.Projects(app.jdbi()),
                    new org.convene.projects.Measures(app.jdbi()), new org.convene.projects.Cycles(app.jdbi()));
            var falls = scores.detail(result.projects().projectIds().get(0));
            assertThat(falls.project().title()).isEqualTo(ProjectDemo.FALLS);
            assertThat(falls.measures().get(0).points()).hasSize(26);
            assertThat(falls.measures().get(0).analysis().signals()).anySatisfy(s -> {
                assertThat(s.rule()).isEqualTo("shift");
                assertThat(s.improving()).isTrue();
                assertThat(s.points()).as("the 14 weeks after the huddle, and any baseline weeks already below").isGreaterThanOrEqualTo(14);
            });
            assertThat(falls.suggestion().score()).isEqualTo(4.5);
            assertThat(falls.score().score()).isEqualTo(4.0);
            // The cohort's action learning sets are formed by the engine and published: their members are ties,
            // no two from one organisation share a set, and the demo participant has an action from the first meeting.
            long sets = app.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM learning_sets").mapTo(Long.class).one());
            long setTies = app.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM ties WHERE source = 'learning_set'").mapTo(Long.class).one());
            long expectedTies = app.jdbi().withHandle(h -> h.createQuery("SELECT coalesce(sum(n * (n - 1) / 2), 0) FROM "
                    + "(SELECT count(*) AS n FROM learning_set_members GROUP BY set_id) s").mapTo(Long.class).one());
            long clashes = app.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM learning_set_members a JOIN learning_set_members b "
                    + "ON b.set_id = a.set_id AND b.person_id > a.person_id JOIN people pa ON pa.id = a.person_id "
                    + "JOIN people pb ON pb.id = b.person_id WHERE pa.organisation_id = pb.organisation_id").mapTo(Long.class).one());
            long participantActions = app.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM actions a JOIN accounts c "
                    + "ON c.person_id = a.person_id WHERE c.email = :e AND a.done_at IS NULL")
                    .bind("e", "participant@" + DemoData.DEMO_DOMAIN).mapTo(Long.class).one());
            assertThat(sets).isEqualTo(6);
            assertThat(setTies).isEqualTo(expectedTies).isPositive();
            assertThat(clashes).isZero();
            assertThat(participantActions).isEqualTo(1);
            assertThat(DemoData.fillIfEmpty(app.jdbi(), 3, 400)).as("not twice").isNull();
            DemoData.Result replaced = DemoData.load(app.jdbi(), 4, 300, true);
            assertThat(replaced.people()).isEqualTo(300);
            assertThat(app.client().signIn(replaced.accounts().get(0).email(), replaced.password()).statusCode()).isEqualTo(302);
        }
    }

    @Test
    void largeLoadsRebuildTheSearchIndexes() {
        try (TestApp app = TestApp.start()) {
            DemoData.load(app.jdbi(), 5, DemoData.REBUILD_INDEXES_ABOVE + 1000, false);
            long indexes = app.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM pg_indexes WHERE tablename = 'people' "
                    + "AND indexname IN ('people_search_idx', 'people_interests_idx')").mapTo(Long.class).one());
            assertThat(indexes).isEqualTo(2);
            String token = app.token("lead@" + DemoData.DEMO_DOMAIN);
            assertThat(WebClient.api(app, "GET", "/api/v1/people?q=discharge&sector=acute", token, null).body()).contains("\"total\"");
        }
    }

    @Test
    void sizesOutsideTheRangeAreRefused() {
        try (TestApp app = TestApp.start()) {
            assertThatThrownBy(() -> DemoData.load(app.jdbi(), 1, 99, false)).hasMessageContaining("between 100 and 1,000,000");
            assertThatThrownBy(() -> DemoData.load(app.jdbi(), 1, 1_000_001, false)).hasMessageContaining("between 100 and 1,000,000");
        }
    }
}
