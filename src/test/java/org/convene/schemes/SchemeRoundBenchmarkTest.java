package org.convene.schemes;

import static org.assertj.core.api.Assertions.assertThat;

import org.convene.demo.DemoData;
import org.convene.directory.Reference;
import org.convene.matching.Matcher;
import org.convene.testing.TestApp;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A scheme's round through the whole app at scale (not run by default): the demo region of
 * {@code bench.people} people (10,000), everyone opted in, then {@code bench.rounds} rounds (3) by
 * hand. Prints the time of each round, the matcher's share, and the introductions queued.
 *
 * <pre>mvn -q test -Dtest=SchemeRoundBenchmarkTest -Dtest.excludedGroups=none -Dbench.people=10000</pre>
 */
@Tag("bench")
class SchemeRoundBenchmarkTest {

    @Test
    void roundsOfALargeScheme() {
        int size = Integer.getInteger("bench.people", 10_000);
        int roundsToRun = Integer.getInteger("bench.rounds", 3);
        try (TestApp app = TestApp.start()) {
            DemoData.load(app.jdbi(), 7, size, false);
            Schemes schemes = new Schemes(app.jdbi());
            Scheme scheme = schemes.create(new SchemeInput("Bench scheme", "", "monthly", "either", "", "", "", "")
                    .validated(new Reference(app.jdbi()).places()), null);
            app.jdbi().useHandle(h -> h.createUpdate("INSERT INTO scheme_members (scheme_id, person_id, meeting_mode) "
                    + "SELECT :s, id, 'either' FROM people").bind("s", scheme.id()).execute());
            Rounds rounds = new Rounds(app.jdbi(), new Matcher(), "http://localhost");
            System.out.printf("%nScheme round through the app, %,d members%n", schemes.get(scheme.id()).members());
            System.out.println("| round | people | pairs | trios | left out | whole round ms | matcher ms | introductions queued |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            for (int r = 1; r <= roundsToRun; r++) {
                long outboxBefore = count(app, "SELECT count(*) FROM outbox");
                long start = System.nanoTime();
                RoundSummary round = rounds.runNow(scheme.id());
                long ms = (System.nanoTime() - start) / 1_000_000;
                long queued = count(app, "SELECT count(*) FROM outbox") - outboxBefore;
                System.out.printf("| %d | %,d | %,d | %,d | %,d | %,d | %,d | %,d |%n", round.number(), round.people(), round.pairs(),
                        round.trios(), round.unplaced(), ms, round.millis(), queued);
                assertThat(round.pairs() * 2 + round.trios() * 3 + round.unplaced()).isEqualTo(round.people());
            }
        }
    }

    private static long count(TestApp app, String sql) {
        return app.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
