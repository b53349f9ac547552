package org.convene.matching;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Run with: mvn -q test -Dtest='org.convene.matching.MatchingBenchmarkTest' -Dtest.excludedGroups=none
 * Prints figures for docs/benchmarks.md; asserts nothing about time.
 */
@Tag("bench")
class MatchingBenchmarkTest {
    private static final Matcher SCALABLE = new Matcher(Matcher.Options.DEFAULT.withExactLimit(0));

    @Test
    void againstTheExactOptimumOverSixRounds() {
        int n = Integer.getInteger("bench.exactSize", 2000);
        long seed = Long.getLong("bench.seed", 2026);
        // bench.reference=own: our exact blossom over all allowed pairs (checked equal to JGraphT in
        // MatcherTest), much faster than JGraphT on 2,000 people; default jgrapht.
        boolean own = "own".equals(System.getProperty("bench.reference", "jgrapht"));
        Matcher reference = new Matcher(Matcher.Options.DEFAULT.withExactLimit(Integer.MAX_VALUE));
        List<Participant> people = Instances.random(n, seed);
        History history = new History();
        int rounds = Integer.getInteger("bench.rounds", 6);
        for (int round = 1; round <= rounds; round++) {
            long t0 = System.nanoTime();
            long[] opt;
            if (own) {
                Round exact = reference.match(people, history, Set.of(), Set.of(), round);
                opt = new long[] {exact.groups().size(), pairScore(exact)};
            } else {
                opt = MatcherTest.optimum(people, history, Set.of());
            }
            double exactSeconds = (System.nanoTime() - t0) / 1e9;
            Round r = SCALABLE.match(people, history, Set.of(), Set.of(), round);
            long score = MatcherTest.matchedScore(r, history, Set.of());
            System.out.printf("BENCH " + n + " seed " + seed + " round %d: exact pairs %d score %d (%.2f s); ours pairs %d score %d (%.4f of optimum, %.2f s), trios %d, unplaced %d%n",
                    round, opt[0], opt[1], exactSeconds, r.groups().size(), score, (double) score / opt[1], r.stats().nanos() / 1e9,
                    r.stats().trios(), r.stats().unplaced());
            history.addRound(r);
        }
    }

    /** The exact round's matching score, counted like ours (a trio counts its best pair, so never under the true optimum). */
    private static long pairScore(Round r) {
        return MatcherTest.matchedScore(r, History.empty(), Set.of());
    }

    @Test
    void timing() {
        for (String size : System.getProperty("bench.sizes", "1000,10000,100000").split(",")) {
            int n = Integer.parseInt(size.strip());
            List<Participant> people = Instances.random(n, n, 8, 200, 40, 300, 5);
            System.gc();
            long before = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long cpu = os.getProcessCpuTime();
            Round r = SCALABLE.match(people, History.empty(), Set.of(), Set.of(), 1);
            cpu = os.getProcessCpuTime() - cpu;
            long after = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
            System.out.printf("BENCH n=%d: %.2f s (process CPU %.1f s), pairs %d, trios %d, unplaced %d, score %d, heap now %d MB (was %d MB)%n",
                    n, r.stats().nanos() / 1e9, cpu / 1e9, r.stats().pairs(), r.stats().trios(), r.stats().unplaced(), r.stats().totalScore(),
                    after >> 20, before >> 20);
        }
    }
}
