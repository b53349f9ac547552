package org.convene.schemes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.convene.accounts.Role;
import org.convene.directory.Reference;
import org.convene.matching.Matcher;
import org.convene.people.Person;
import org.convene.testing.TestApp;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Scheduled rounds run exactly once across app instances, move the schedule on, and skip what a long outage missed. */
@Tag("db")
class ScheduledRoundsTest {

    @Test
    void dueRoundsRunExactlyOnceAcrossTwoInstances() throws Exception {
        try (TestApp one = TestApp.start(); TestApp two = one.another()) {
            String[] sectors = {"acute", "primary", "housing", "vcse", "community", "mental_health"};
            List<Person> people = new ArrayList<>();
            for (int i = 0; i < sectors.length; i++) {
                people.add(one.person("Due " + i, "due" + i + "@jobs.example", sectors[i], Role.PARTICIPANT));
            }
            Schemes schemes = new Schemes(one.jdbi());
            Instant longAgo = Instant.now().minusSeconds(40L * 24 * 3600);
            List<Long> ids = new ArrayList<>();
            for (int s = 0; s < 3; s++) {
                Scheme scheme = schemes.create(new SchemeInput("Due scheme " + s, "", "weekly", "either", "", "", "2030-01-01", "open")
                        .validated(new Reference(one.jdbi()).places()), null);
                ids.add(scheme.id());
                for (Person p : people) {
                    schemes.join(scheme.id(), p.id(), MeetingMode.EITHER, null);
                }
            }
            // Two are due (one of them 40 days overdue), one is not.
            one.jdbi().useHandle(h -> {
                h.createUpdate("UPDATE schemes SET next_round_at = :t WHERE id = :id").bind("t", longAgo).bind("id", ids.get(0)).execute();
                h.createUpdate("UPDATE schemes SET next_round_at = now() - interval '1 minute' WHERE id = :id").bind("id", ids.get(1)).execute();
            });

            Rounds a = new Rounds(one.jdbi(), new Matcher(), "http://one");
            Rounds b = new Rounds(two.jdbi(), new Matcher(), "http://two");
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<Integer>> runs = new ArrayList<>();
            for (Rounds r : List.of(a, b, a, b)) {
                runs.add(pool.submit(() -> {
                    go.await();
                    return r.runDue();
                }));
            }
            go.countDown();
            int total = 0;
            for (Future<Integer> f : runs) {
                total += f.get();
            }
            pool.shutdown();
            assertThat(total).isEqualTo(2);
            assertThat(a.rounds(ids.get(0))).hasSize(1);
            assertThat(a.rounds(ids.get(1))).hasSize(1);
            assertThat(a.rounds(ids.get(2))).isEmpty();
            assertThat(a.rounds(ids.get(0)).get(0).trigger()).isEqualTo("schedule");
            // The overdue scheme ran once, not once per missed week, and its next round is in the future on the same weekday and time.
            Scheme overdue = schemes.get(ids.get(0));
            assertThat(overdue.nextRoundAt()).isAfter(Instant.now());
            assertThat(overdue.nextRoundAt()).isBefore(Instant.now().plusSeconds(8L * 24 * 3600));
            assertThat(overdue.nextRoundAt().atZone(Cadence.ZONE).getDayOfWeek()).isEqualTo(longAgo.atZone(Cadence.ZONE).getDayOfWeek());
            assertThat(a.runDue() + b.runDue()).isZero();
            // Each member got one introduction per round they were in.
            int emails = one.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM outbox WHERE subject LIKE 'Due scheme %'")
                    .mapTo(Integer.class).one());
            assertThat(emails).isEqualTo(2 * people.size());
        }
    }

    @Test
    void roundsWithNobodyOrOnePersonSayWhy() {
        try (TestApp app = TestApp.start()) {
            Schemes schemes = new Schemes(app.jdbi());
            Rounds rounds = new Rounds(app.jdbi(), new Matcher(), "http://test");
            Scheme scheme = schemes.create(new SchemeInput("Quiet scheme", "", "monthly", "", "", "", "", "")
                    .validated(new Reference(app.jdbi()).places()), null);
            RoundSummary empty = rounds.runNow(scheme.id());
            assertThat(empty.people()).isZero();
            assertThat(empty.pairs()).isZero();
            Person alone = app.person("Only One", "only@jobs.example", "acute");
            schemes.join(scheme.id(), alone.id(), MeetingMode.EITHER, null);
            RoundSummary one = rounds.runNow(scheme.id());
            assertThat(one.number()).isEqualTo(2);
            assertThat(one.unplaced()).isEqualTo(1);
            assertThat(rounds.unplaced(one.id())).singleElement().satisfies(u -> assertThat(u.reason()).contains("no one else"));
            assertThat(rounds.leftOut(scheme.id())).singleElement().satisfies(l -> assertThat(l.times()).isEqualTo(1));
        }
    }
}
