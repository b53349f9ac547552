package org.convene.clusters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Time of {@link Suggester#suggest} (top 10, with reasons) for 20, 50, 80 and 200 candidates:
 * random interests from 15 topics, 6 sectors, 30 organisations, about 4 ties each. Above 80
 * candidates only the best 80 are enumerated. Prints a markdown table.
 *
 * <pre>
 * mvn -q -o test -Dtest='org.convene.clusters.ClusterSuggestionBenchmarkTest' -Dtest.excludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@Tag("bench")
class ClusterSuggestionBenchmarkTest {

    private static final int REPETITIONS = 5;
    private static final int LIMIT = 10;

    @Test
    void timeOfSuggest() {
        int[] sizes = {20, 50, 80, 200};
        for (int w = 0; w < 5; w++) { // warm-up, untimed: the JIT compiles the loops
            for (int n : sizes) {
                run(n, 100 + w);
            }
        }
        StringBuilder table = new StringBuilder("\n| candidates | pairs+trios scored | median ms | max ms |\n|---:|---:|---:|---:|\n");
        for (int n : sizes) {
            double[] ms = new double[REPETITIONS];
            for (int r = 0; r < REPETITIONS; r++) {
                ms[r] = run(n, r + 1);
            }
            Arrays.sort(ms);
            int m = Math.min(n, Suggester.MAX_CANDIDATES);
            long scored = (long) m * (m - 1) / 2 + (long) m * (m - 1) * (m - 2) / 6;
            table.append(String.format(Locale.ROOT, "| %d | %,d | %.1f | %.1f |%n", n, scored, ms[REPETITIONS / 2], ms[REPETITIONS - 1]));
        }
        System.out.println(table);
    }

    /** Milliseconds of one suggest() on instance (n, seed). */
    private static double run(int n, long seed) {
        List<Candidate> cs = RandomInstances.candidates(n, seed);
        List<Tie> ties = RandomInstances.ties(cs, 4, seed);
        long t0 = System.nanoTime();
        List<Suggestion> s = Suggester.suggest(RandomInstances.AREA, cs, ties, Weights.DEFAULT, LIMIT);
        double ms = (System.nanoTime() - t0) / 1e6;
        assertThat(s).hasSize(LIMIT);
        return ms;
    }
}
