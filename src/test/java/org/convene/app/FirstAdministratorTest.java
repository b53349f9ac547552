package org.convene.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.convene.testing.TestApp;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Instances started together on a database without an administrator: exactly one creates the
 * first administrator and none fails because another did (found starting two instances for the
 * region-scale benchmark, when the second exited with "An account ... already exists").
 */
@Tag("db")
class FirstAdministratorTest {
    @Test
    void instancesStartingTogetherCreateOneAdministratorAndNoneFails() throws Exception {
        try (TestApp app = TestApp.startWithoutJobs()) {
            Jdbi jdbi = app.jdbi();
            jdbi.useHandle(h -> h.execute("DELETE FROM accounts WHERE 'admin' = ANY(roles)"));
            Config config = Config.from(Map.of("CONVENE_ADMIN_EMAIL", "first.admin@convene.example"));
            int instances = 6;
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(instances);
            try {
                List<Future<Optional<String>>> started = new ArrayList<>();
                for (int i = 0; i < instances; i++) {
                    started.add(pool.submit(() -> {
                        go.await();
                        return App.ensureAdmin(config, jdbi);
                    }));
                }
                go.countDown();
                int passwords = 0;
                for (Future<Optional<String>> f : started) {
                    passwords += f.get().isPresent() ? 1 : 0;
                }
                assertThat(passwords).as("one instance printed a new password").isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
            long admins = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM accounts WHERE 'admin' = ANY(roles)").mapTo(Long.class).one());
            assertThat(admins).isEqualTo(1);
            assertThat(App.ensureAdmin(config, jdbi)).as("a later start finds it").isEmpty();
        }
    }
}
