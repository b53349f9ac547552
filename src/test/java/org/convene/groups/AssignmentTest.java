package org.convene.groups;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AssignmentTest {

    @Test
    void findsTheCheapestPermutation() {
        SplittableRandom r = new SplittableRandom(3);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + r.nextInt(7);
            double[] cost = new double[n * n];
            for (int i = 0; i < cost.length; i++) {
                cost[i] = r.nextInt(4) == 0 ? 1e12 : r.nextInt(100) + r.nextDouble();
            }
            int[] column = Assignment.solve(n, cost);
            boolean[] used = new boolean[n];
            double total = 0;
            for (int i = 0; i < n; i++) {
                assertThat(used[column[i]]).isFalse();
                used[column[i]] = true;
                total += cost[i * n + column[i]];
            }
            double best = cheapest(n, cost, 0, new boolean[n]);
            assertThat(total).isCloseTo(best, org.assertj.core.api.Assertions.within(1e-9 * Math.max(1, best)));
        }
    }

    private static double cheapest(int n, double[] cost, int row, boolean[] used) {
        if (row == n) {
            return 0;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            if (!used[j]) {
                used[j] = true;
                best = Math.min(best, cost[row * n + j] + cheapest(n, cost, row + 1, used));
                used[j] = false;
            }
        }
        return best;
    }
}
