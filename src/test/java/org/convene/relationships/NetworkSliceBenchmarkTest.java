package org.convene.relationships;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.convene.app.Config;
import org.convene.db.ChangeFeed;
import org.convene.db.Database;
import org.convene.demo.DemoData;
import org.convene.testing.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The network figures of the whole system through the application: the demo region of
 * {@code bench.people} people (default 10,000) with its ties, read from PostgreSQL and measured
 * (exact betweenness up to 20,000 people), then the same request again, answered from the cache
 * while the data stand. Prints a markdown table.
 *
 * <pre>
 * mvn -q -o test -Dtest='org.convene.relationships.NetworkSliceBenchmarkTest' -Dtest.excludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@Tag("bench")
class NetworkSliceBenchmarkTest {
    private static final int PEOPLE = Integer.getInteger("bench.people", 10_000);

    @Test
    void theSystemFirstAndAgain() {
        Config config = TestDatabase.get().fresh();
        try (Database db = Database.open(config)) {
            DemoData.load(db.jdbi(), 1, PEOPLE, false);
            NetworkApi api = new NetworkApi(new NetworkSlices(db.jdbi()), db.jdbi(), ChangeFeed.polling(db.jdbi()));
            long t0 = System.nanoTime();
            NetworkApi.Report first = api.report(Slice.SYSTEM, null, LocalDate.now(), List.of());
            long t1 = System.nanoTime();
            NetworkApi.Report again = api.report(Slice.SYSTEM, null, LocalDate.now(), List.of());
            long t2 = System.nanoTime();
            assertThat(again).isSameAs(first);
            System.out.printf(Locale.ROOT, "%n| people | ties | components | E-I | betweenness | first request | again |%n|---:|---:|---:|---:|---|---:|---:|%n"
                            + "| %,d | %,d | %,d | %.3f | %s | %.2f s | %.1f ms |%n", first.metrics().people(), first.metrics().ties(),
                    first.metrics().components(), first.metrics().eiIndex(), first.metrics().betweenness().method(), (t1 - t0) / 1e9,
                    (t2 - t1) / 1e6);
        }
    }
}
