package org.convene.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FractionalMatchingTest {

    /** A random simple graph in compressed symmetric rows; bipartite (even - odd pairs only) if asked. */
    private record G(int n, int[] start, int[] adj, long[] weight, int[] eu, int[] ev, long[] ew) {
        static G random(SplittableRandom r, int n, double density, boolean bipartite) {
            List<long[]> edges = new ArrayList<>();
            for (int a = 0; a < n; a++) {
                for (int b = a + 1; b < n; b++) {
                    if ((!bipartite || (a + b) % 2 == 1) && r.nextDouble() < density) {
                        edges.add(new long[] {a, b, 1 + r.nextInt(20)});
                    }
                }
            }
            int m = edges.size();
            int[] deg = new int[n + 1];
            for (long[] e : edges) {
                deg[(int) e[0] + 1]++;
                deg[(int) e[1] + 1]++;
            }
            for (int i = 0; i < n; i++) {
                deg[i + 1] += deg[i];
            }
            int[] fill = java.util.Arrays.copyOf(deg, n);
            int[] adj = new int[2 * m];
            long[] weight = new long[2 * m];
            int[] eu = new int[m];
            int[] ev = new int[m];
            long[] ew = new long[m];
            for (int k = 0; k < m; k++) {
                long[] e = edges.get(k);
                int a = (int) e[0];
                int b = (int) e[1];
                adj[fill[a]] = b;
                weight[fill[a]++] = e[2];
                adj[fill[b]] = a;
                weight[fill[b]++] = e[2];
                eu[k] = a;
                ev[k] = b;
                ew[k] = 2 * e[2];
            }
            return new G(n, deg, adj, weight, eu, ev, ew);
        }

        long weightOf(int a, int b) {
            for (int p = start[a]; p < start[a + 1]; p++) {
                if (adj[p] == b) {
                    return weight[p];
                }
            }
            throw new AssertionError("no edge " + a + "-" + b);
        }

        long optimum() {
            int[] mate = Blossom.maxWeightMatching(n, eu, ev, ew, false);
            long total = 0;
            for (int x = 0; x < n; x++) {
                if (mate[x] > x) {
                    total += weightOf(x, mate[x]);
                }
            }
            return total;
        }
    }

    private static long assignmentValue(G g, int[] succ) {
        long total = 0;
        boolean[] used = new boolean[g.n()];
        for (int i = 0; i < g.n(); i++) {
            assertThat(used[succ[i]]).as("succ is a permutation").isFalse();
            used[succ[i]] = true;
            if (succ[i] != i) {
                total += g.weightOf(i, succ[i]);
            }
        }
        return total;
    }

    @Test
    void theBoundHoldsAndIsTheLpOptimumOnRandomGraphs() {
        SplittableRandom r = new SplittableRandom(11);
        for (int round = 0; round < 200; round++) {
            G g = G.random(r, 2 + r.nextInt(30), 0.05 + r.nextDouble() * 0.5, false);
            FractionalMatching.Result lp = FractionalMatching.solve(g.n(), g.start(), g.adj(), g.weight());
            long primal = assignmentValue(g, lp.succ());
            long optimum = g.optimum();
            // Optimal assignment: its dual objective is within one unit of it (weights are integers).
            assertThat(2 * lp.upperBound()).isGreaterThanOrEqualTo(primal).isLessThan(primal + 1);
            assertThat(lp.upperBound()).isGreaterThanOrEqualTo(optimum);
            int[] mate = FractionalMatching.round(lp.succ(), (a, b) -> (int) g.weightOf(a, b));
            long rounded = 0;
            for (int x = 0; x < g.n(); x++) {
                assertThat(mate[x] == -1 || mate[mate[x]] == x).isTrue();
                if (mate[x] > x) {
                    rounded += g.weightOf(x, mate[x]);
                }
            }
            assertThat(rounded).isLessThanOrEqualTo(optimum);
        }
    }

    @Test
    void onBipartiteGraphsTheRoundedMatchingIsOptimal() {
        SplittableRandom r = new SplittableRandom(5);
        for (int round = 0; round < 200; round++) {
            G g = G.random(r, 2 + r.nextInt(30), 0.05 + r.nextDouble() * 0.5, true);
            FractionalMatching.Result lp = FractionalMatching.solve(g.n(), g.start(), g.adj(), g.weight());
            int[] mate = FractionalMatching.round(lp.succ(), (a, b) -> (int) g.weightOf(a, b));
            long rounded = 0;
            for (int x = 0; x < g.n(); x++) {
                if (mate[x] > x) {
                    rounded += g.weightOf(x, mate[x]);
                }
            }
            assertThat(rounded).isEqualTo(g.optimum()).isEqualTo(assignmentValue(g, lp.succ()) / 2);
        }
    }

    @Test
    void anOddCycleLeavesOutThePersonWhoseAbsenceCostsLeast() {
        // Cycle 0-1-2-3-4-0 with edge t from c_t to c_(t+1): weights 5, 1, 5, 9, 1.
        int[] succ = {1, 2, 3, 4, 0};
        long[][] w = new long[5][5];
        long[] edge = {5, 1, 5, 9, 1};
        for (int t = 0; t < 5; t++) {
            w[t][(t + 1) % 5] = edge[t];
            w[(t + 1) % 5][t] = edge[t];
        }
        int[] mate = FractionalMatching.round(succ, (a, b) -> (int) w[a][b]);
        // Best: 0-1 (5) and 3-4 (9), leaving 2 out; every other choice totals less.
        assertThat(mate).containsExactly(1, 0, -1, 4, 3);
    }

    @Test
    void anEvenCycleKeepsTheHeavierHalf() {
        int[] succ = {1, 2, 3, 0};
        long[][] w = new long[4][4];
        long[] edge = {1, 7, 2, 7};
        for (int t = 0; t < 4; t++) {
            w[t][(t + 1) % 4] = edge[t];
            w[(t + 1) % 4][t] = edge[t];
        }
        assertThat(FractionalMatching.round(succ, (a, b) -> (int) w[a][b])).containsExactly(3, 2, 1, 0);
    }

    @Test
    void peopleWithoutPairsStayUnpaired() {
        FractionalMatching.Result lp = FractionalMatching.solve(3, new int[] {0, 0, 0, 0}, new int[0], new long[0]);
        assertThat(lp.succ()).containsExactly(0, 1, 2);
        assertThat(lp.upperBound()).isZero();
    }
}
