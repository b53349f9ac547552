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

    private static List<String> tasks(TestApp app) {
        return app.jdbi().withHandle(h -> h.createQuery("SELECT task_name FROM scheduled_tasks ORDER BY task_name").mapTo(String.class).list());
    }
}
