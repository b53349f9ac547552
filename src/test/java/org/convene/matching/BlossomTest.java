package org.convene.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BlossomTest {

    /** Best (cardinality, weight) over all matchings, by exhaustive search. */
    private static long[] brute(int n, int[] eu, int[] ev, long[] ew, int k, boolean[] used) {
        if (k == eu.length) {
            return new long[] {0, 0};
        }
        long[] best = brute(n, eu, ev, ew, k + 1, used);
        if (!used[eu[k]] && !used[ev[k]]) {
            used[eu[k]] = used[ev[k]] = true;
            long[] with = brute(n, eu, ev, ew, k + 1, used);
            used[eu[k]] = used[ev[k]] = false;
            long c = with[0] + 1;
            long w = with[1] + ew[k];
            if (c > best[0] || (c == best[0] && w > best[1])) {
                best = new long[] {c, w};
            }
        }
        return best;
    }

    @Test
    void maximumCardinalityThenWeightOnSmallRandomGraphs() {
        SplittableRandom r = new SplittableRandom(7);
        for (int round = 0; round < 300; round++) {
            int n = 2 + r.nextInt(9);
            int m = r.nextInt(Math.min(16, n * (n - 1) / 2) + 1);
            java.util.Set<Long> seen = new java.util.HashSet<>();
            int[] eu = new int[m];
            int[] ev = new int[m];
            long[] ew = new long[m];
            int k = 0;
            while (k < m) {
                int a = r.nextInt(n);
                int b = r.nextInt(n);
                if (a == b || !seen.add((long) Math.min(a, b) * 100 + Math.max(a, b))) {
                    if (seen.size() >= n * (n - 1) / 2) {
                        break;
                    }
                    continue;
                }
                eu[k] = a;
                ev[k] = b;
                ew[k] = 2L * (1 + r.nextInt(12));
                k++;
            }
            eu = java.util.Arrays.copyOf(eu, k);
            ev = java.util.Arrays.copyOf(ev, k);
            ew = java.util.Arrays.copyOf(ew, k);
            int[] mate = Blossom.maxWeightMatching(n, eu, ev, ew, true);
            long c = 0;
            long w = 0;
            for (int e = 0; e < k; e++) {
                if (mate[eu[e]] == ev[e]) {
                    assertThat(mate[ev[e]]).isEqualTo(eu[e]);
                    c++;
                    w += ew[e];
                }
            }
            long[] best = brute(n, eu, ev, ew, 0, new boolean[n]);
            assertThat(new long[] {c, w}).as("round %d", round).containsExactly(best);
        }
    }
}
