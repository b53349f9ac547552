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

    private static List<String> tasks(TestApp app) {
        return app.jdbi().withHandle(h -> h.createQuery("SELECT task_name FROM scheduled_tasks ORDER BY task_name").mapTo(String.class).list());
    }
}
