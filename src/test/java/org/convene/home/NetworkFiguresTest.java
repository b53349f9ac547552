package org.convene.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.convene.db.ChangeFeed;
import org.convene.people.Person;
import org.convene.testing.TestApp;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The home page's network figures: each current pair counted once, across sectors when the two
 * people's differ; counted again when people or ties change; and, once a count has been slow,
 * nobody waits for the next and changes are counted again at most every five minutes.
 */
@Tag("db")
class NetworkFiguresTest {
    @Test
    void countsPairsOnceAndFollowsChangesPromptlyWhenQuickAndAtMostEveryFiveMinutesWhenSlow() throws Exception {
        try (TestApp app = TestApp.startWithoutJobs()) {
            Jdbi jdbi = app.jdbi();
            Person nurse = app.person("Ada Nurse", "ada@example.org", "acute");
            Person housing = app.person("Ben Housing", "ben@example.org", "housing");
            Person doctor = app.person("Cai Doctor", "cai@example.org", "acute");
            Person hidden = app.person("Dee Hidden", "dee@example.org", "vcse");
            jdbi.useHandle(h -> h.execute("UPDATE people SET visibility = 'nobody' WHERE id = " + hidden.id()));
            tie(jdbi, nurse, housing, "know", false);
            tie(jdbi, nurse, housing, "collaborate", false);
            tie(jdbi, nurse, doctor, "work_together", false);
            tie(jdbi, doctor, hidden, "know", true);
            long organisations = count(jdbi, "SELECT count(*) FROM organisations");
            long places = count(jdbi, "SELECT count(*) FROM places");

            try (NetworkFigures quick = new NetworkFigures(jdbi, ChangeFeed.polling(jdbi))) {
                assertThat(eventually(quick, 2)).isEqualTo(new NetworkFigures.Figures(3, organisations, 2, 1, places));
                tie(jdbi, housing, doctor, "know", false);
                assertThat(eventually(quick, 3).crossSectorTies()).isEqualTo(2);
            }

            // A count that took 2 s (a clock that moves 2 s each time it is read) is slow.
            AtomicLong now = new AtomicLong();
            try (NetworkFigures slow = new NetworkFigures(jdbi, ChangeFeed.polling(jdbi), () -> now.addAndGet(2_000_000_000L))) {
                NetworkFigures.Figures first = eventually(slow, 3);
                tie(jdbi, hidden, housing, "know", false);
                Thread.sleep(300);
                assertThat(slow.current()).as("within five minutes, the kept figures").isEqualTo(first);
                Thread.sleep(300);
                assertThat(slow.current()).as("and no count started meanwhile").isEqualTo(first);
                now.addAndGet(Duration.ofMinutes(6).toNanos());
                assertThat(slow.current()).as("past five minutes, a count starts but nobody waits for it").isEqualTo(first);
                assertThat(eventually(slow, 4).ties()).isEqualTo(4);
            }
        }
    }

    private static void tie(Jdbi jdbi, Person x, Person y, String kind, boolean ended) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO ties (person_a, person_b, kind, source, started_on, ended_on) "
                        + "VALUES (:a, :b, :kind, 'self_reported', current_date - 10, " + (ended ? "current_date" : "NULL") + ")")
                .bind("a", Math.min(x.id(), y.id())).bind("b", Math.max(x.id(), y.id())).bind("kind", kind).execute());
    }

    private static long count(Jdbi jdbi, String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    /** The figures once they show this many connections (a count runs off the request; a loaded machine may take a while). */
    private static NetworkFigures.Figures eventually(NetworkFigures figures, long ties) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        NetworkFigures.Figures f = figures.current();
        while ((f == null || f.ties() != ties) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            f = figures.current();
        }
        assertThat(f).isNotNull();
        assertThat(f.ties()).isEqualTo(ties);
        return f;
    }
}
