package org.convene.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.convene.testing.TestApp;
import org.junit.jupiter.api.Test;

/** CONVENE_JOBS: an instance started with false registers and runs no background job; the default runs them all. */
class JobsSwitchTest {

    @Test
    void theSwitchIsReadFromTheEnvironment() {
        assertThat(Config.from(Map.of()).runJobs()).isTrue();
        assertThat(Config.from(Map.of("CONVENE_JOBS", "false")).runJobs()).isFalse();
    }

    @Test
    void anInstanceWithoutJobsLeavesTheScheduleAlone() throws Exception {
        try (TestApp web = TestApp.startWithoutJobs()) {
            assertThat(tasks(web)).isEmpty();
        }
        try (TestApp worker = TestApp.start()) {
            List<String> tasks = tasks(worker);
            for (int i = 0; i < 50 && tasks.size() < 4; i++) {
                Thread.sleep(100);
                tasks = tasks(worker);
            }
            assertThat(tasks).contains("deliver-outbox", "survey-distribution", "matching-rounds", "purge-sessions");
        }
    }

    /**
     * A run held by a Convene that was killed on this machine (its process is gone) goes back to
     * the schedule when the next instance starts, not after the heartbeat timeout; a run held by
     * an instance on another host is left to the heartbeat.
     */
    @Test
    void runsHeldByAKilledInstanceOnThisHostAreTakenBackAtStart() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        String host = java.net.InetAddress.getLocalHost().getHostName();
        String deadHere = host + "#" + gone.pid() + "@1767225600000/dead";
        String elsewhere = "another-host.example#" + gone.pid() + "@1767225600000/away";
        try (TestApp app = TestApp.startWithoutJobs()) {
            app.jdbi().useHandle(h -> {
                h.execute("INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, picked_by, last_heartbeat, version) "
                        + "VALUES ('deliver-outbox', 'recurring', now() - interval '1 second', true, ?, now(), 3)", deadHere);
                h.execute("INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, picked_by, last_heartbeat, version) "
                        + "VALUES ('purge-sessions', 'recurring', now() - interval '1 second', true, ?, now(), 1)", elsewhere);
            });
            try (TestApp worker = app.anotherWithJobs()) {
                                String holder = worker.jdbi().withHandle(h -> h.createQuery("SELECT coalesce(picked_by, '') FROM scheduled_tasks "
                        + "WHERE task_name = 'deliver-outbox'").mapTo(String.class).one());
                assertThat(holder).isNotEqualTo(deadHere);
                String elsewhereHolder = worker.jdbi().withHandle(h -> h.createQuery("SELECT picked_by FROM scheduled_tasks "
                        + "WHERE task_name = 'purge-sessions'").mapTo(String.class).one());
                assertThat(elsewhereHolder).as("left to the heartbeat").isEqualTo(elsewhere);
                long deadline = System.nanoTime() + 5_000_000_000L;
                while (worker.jdbi().withHandle(h -> h.createQuery("SELECT last_success IS NULL FROM scheduled_tasks "
                        + "WHERE task_name = 'deliver-outbox'").mapTo(Boolean.class).one()) && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                boolean ran = worker.jdbi().withHandle(h -> h.createQuery("SELECT last_success IS NOT NULL FROM scheduled_tasks "
                        + "WHERE task_name = 'deliver-outbox'").mapTo(Boolean.class).one());
                assertThat(ran).as("ran after it was taken back").isTrue();
            }
        }
    }

    /**
     * Two instances running the background jobs on one database, with two more callers of the same
     * work racing them (as a third and fourth instance would): every due round runs once, and every
     * email is sent once (attempts counts the sends that were recorded).
     */
    @Test
    void twoInstancesRunEachDueRoundOnceAndSendEachEmailOnce() throws Exception {
        try (TestApp first = TestApp.start(); TestApp second = first.anotherWithJobs()) {
            int schemes = 6;
            int members = 12;
            for (int i = 0; i < schemes * members; i++) {
                first.person("Member " + i, "member" + i + "@test.example", i % 2 == 0 ? "acute" : "housing");
            }
            first.jdbi().useHandle(h -> {
                for (int s = 0; s < schemes; s++) {
                    long id = h.createUpdate("INSERT INTO schemes (name, cadence, meeting_mode, next_round_at) "
                                    + "VALUES (:name, 'weekly', 'either', now())").bind("name", "Scheme " + s)
                            .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
                    h.execute("INSERT INTO scheme_members (scheme_id, person_id, meeting_mode) SELECT ?, id, 'either' FROM people "
                            + "WHERE email LIKE 'member%' ORDER BY id OFFSET ? LIMIT ?", id, s * members, members);
                }
                for (int e = 0; e < 150; e++) {
                    org.convene.mail.Outbox.enqueue(h, "reader" + e + "@test.example", "Digest " + e, "Body");
                }
                // The jobs' next ticks, brought forward.
                h.execute("UPDATE scheduled_tasks SET execution_time = now() WHERE task_name IN ('matching-rounds', 'deliver-outbox') AND NOT picked");
            });
            java.util.concurrent.ExecutorService racers = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                java.util.List<java.util.concurrent.Future<?>> raced = new java.util.ArrayList<>();
                for (TestApp app : List.of(first, second)) {
                    raced.add(racers.submit(() -> {
                        new org.convene.schemes.Rounds(app.jdbi(), new org.convene.matching.Matcher(), "http://localhost").runDue();
                        return new org.convene.mail.OutboxDelivery(app.jdbi(), new org.convene.mail.LogMailSender()).drain(java.time.Duration.ofSeconds(30));
                    }));
                }
                for (var r : raced) {
                    r.get(60, java.util.concurrent.TimeUnit.SECONDS);
                }
            } finally {
                racers.shutdownNow();
            }
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (count(first, "SELECT count(*) FROM outbox WHERE sent_at IS NULL") > 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(count(first, "SELECT count(*) FROM match_rounds")).isEqualTo(schemes);
            assertThat(count(first, "SELECT count(DISTINCT scheme_id) FROM match_rounds")).as("one round per scheme").isEqualTo(schemes);
            assertThat(count(first, "SELECT count(*) FROM schemes WHERE next_round_at <= now()")).as("every schedule moved on").isZero();
            long placed = count(first, "SELECT count(*) FROM match_members");
            assertThat(placed).isPositive();
            assertThat(count(first, "SELECT count(*) FROM outbox WHERE subject LIKE 'Scheme %: meet %'")).as("one introduction each")
                    .isEqualTo(placed);
            assertThat(count(first, "SELECT count(*) FROM outbox")).isEqualTo(150 + placed);
            assertThat(count(first, "SELECT count(*) FROM outbox WHERE sent_at IS NULL OR attempts <> 1")).as("each sent once").isZero();
        }
    }

    private static long count(TestApp app, String sql) {
        return app.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private static List<String> tasks(TestApp app) {
        return app.jdbi().withHandle(h -> h.createQuery("SELECT task_name FROM scheduled_tasks ORDER BY task_name").mapTo(String.class).list());
    }
}
