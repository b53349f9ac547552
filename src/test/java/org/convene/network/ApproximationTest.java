package org.convene.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The sampled betweenness against the exact one, and determinism. */
class ApproximationTest {

    private static double maxError(double[] a, double[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    @Test
    void withinEpsilonOfExactOnGeneratedNetworks() {
        double epsilon = 0.05;
        double delta = 0.1;
        for (long seed = 1; seed <= 3; seed++) {
            Network g = NetworkGenerator.generate(2000 + 500 * (int) seed, 10_000, seed).network();
            int n = g.people();
            long k = Betweenness.sampleSize(n, epsilon, delta);
            assertThat(k).isLessThan(n);
            double[] exact = Betweenness.exact(g, 2);
            double[] approx = Betweenness.approximate(g, (int) k, seed, 2);
            assertThat(maxError(exact, approx)).as("seed %d, n %d, k %d", seed, n, k).isLessThanOrEqualTo(epsilon);
        }
    }

    @Test
    void aSmallSampleStaysWithinItsOwnBound() {
        // 100 sources of 2,000 people: Hoeffding's epsilon at delta = 0.1 is
        // (n/(n-1)) sqrt(ln(2n/delta) / (2k)) = 1.0005 x sqrt(ln(40,000) / 200) = 0.2303.
        Network g = NetworkGenerator.generate(2000, 8000, 5).network();
        double bound = 2000.0 / 1999 * Math.sqrt(Math.log(2 * 2000 / 0.1) / (2 * 100));
        double[] exact = Betweenness.exact(g, 2);
        for (long seed = 1; seed <= 5; seed++) {
            double[] approx = Betweenness.approximate(g, 100, seed, 2);
            assertThat(maxError(exact, approx)).isLessThanOrEqualTo(bound);
        }
    }

    @Test
    void theTopTwentyMostlyAgree() {
        Network g = NetworkGenerator.generate(4000, 16_000, 11).network();
        List<NetworkMetrics.Ranked> exact = NetworkMetrics.top(g, Betweenness.exact(g, 2), 20);
        List<NetworkMetrics.Ranked> approx = NetworkMetrics.top(g, Betweenness.approximate(g, 1000, 3, 2), 20);
        Set<String> common = exact.stream().map(NetworkMetrics.Ranked::id).collect(Collectors.toCollection(HashSet::new));
        common.retainAll(approx.stream().map(NetworkMetrics.Ranked::id).collect(Collectors.toSet()));
        assertThat(common.size()).isGreaterThanOrEqualTo(15);
    }

    @Test
    void standardErrorsDescribeTheSpread() {
        Network g = NetworkGenerator.generate(4000, 16_000, 12).network();
        double[] exact = Betweenness.exact(g, 2);
        Betweenness.Estimate e = Betweenness.estimate(g, 400, 5, 2);
        assertThat(e.samples()).isEqualTo(400);
        assertThat(e.scores()).containsExactly(Betweenness.approximate(g, 400, 5, 2));
        int within = 0;
        List<NetworkMetrics.Ranked> top = NetworkMetrics.top(g, exact, 20);
        for (NetworkMetrics.Ranked r : top) {
            int v = Integer.parseInt(r.id().substring(1));
            assertThat(e.standardErrors()[v]).isPositive();
            if (Math.abs(e.scores()[v] - exact[v]) <= 2 * e.standardErrors()[v]) {
                within++;
            }
        }
        // About 95 % expected; 17 of 20 leaves room for a fixed seed's luck.
        assertThat(within).isGreaterThanOrEqualTo(17);
        // Every source sampled: the mean is the exact score and the spread is nil.
        Betweenness.Estimate all = Betweenness.estimate(g, g.people(), 5, 2);
        for (int v = 0; v < g.people(); v++) {
            assertThat(all.scores()[v]).isCloseTo(exact[v], org.assertj.core.api.Assertions.within(1e-12));
            assertThat(all.standardErrors()[v]).isZero();
        }
        // A person no path runs through has score and error 0.
        Betweenness.Estimate star = Betweenness.estimate(Graphs.star(6), 3, 1, 1);
        assertThat(star.scores()[1]).isZero();
        assertThat(star.standardErrors()[1]).isZero();
    }

    @Test
    void sameSeedSameScoresOnAnyNumberOfThreads() {
        Network g = NetworkGenerator.generate(3000, 12_000, 2).network();
        double[] one = Betweenness.approximate(g, 300, 42, 1);
        assertThat(Betweenness.approximate(g, 300, 42, 2)).containsExactly(one);
        assertThat(Betweenness.approximate(g, 300, 42, 5)).containsExactly(one);
        assertThat(Betweenness.approximate(g, 300, 43, 2)).isNotEqualTo(one);
        double[] exact = Betweenness.exact(g, 1);
        assertThat(Betweenness.exact(g, 2)).containsExactly(exact);
        assertThat(Betweenness.exact(g, 7)).containsExactly(exact);
    }

    @Test
    void bottomUpLevelsChangeNothing() {
        // The same dependencies with large levels found bottom-up (the default) as top-down only,
        // on connected and fragmented networks, sparse and dense.
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        for (int round = 0; round < 8; round++) {
            Network g = round < 4 ? NetworkGenerator.generate(1500, 3000 + 3000 * round, round).network()
                    : randomNetwork(random, 300 + 100 * round, 0.5 + round);
            Betweenness.Layout layout = Betweenness.Layout.breadthFirst(g);
            int n = g.people();
            double[] both = new double[n];
            double[] topDown = new double[n];
            Betweenness.Search a = new Betweenness.Search(layout.start, layout.adj, false, true);
            Betweenness.Search b = new Betweenness.Search(layout.start, layout.adj, false, false);
            for (int s = 0; s < n; s += 7) {
                a.accumulate(s, both);
                b.accumulate(s, topDown);
            }
            for (int v = 0; v < n; v++) {
                assertThat(both[v]).as("round %d, person %d", round, v).isCloseTo(topDown[v], org.assertj.core.api.Assertions.within(1e-9 * (1 + topDown[v])));
            }
        }
    }

    private static Network randomNetwork(java.util.SplittableRandom random, int n, double meanDegree) {
        Network.Builder b = new Network.Builder();
        for (int v = 0; v < n; v++) {
            b.addPerson("v" + v, "s" + random.nextInt(3));
        }
        for (int i = 0; i < n * meanDegree / 2; i++) {
            b.addTie(random.nextInt(n), random.nextInt(n));
        }
        return b.build();
    }

    @Test
    void samplesAreDistinctAndSeeded() {
        int[] a = Betweenness.sample(1000, 400, 9);
        assertThat(a).hasSize(400).doesNotHaveDuplicates().isSorted();
        assertThat(Betweenness.sample(1000, 400, 9)).containsExactly(a);
        assertThat(Betweenness.sample(1000, 1000, 9)).hasSize(1000).doesNotHaveDuplicates();
    }

    @Test
    void theGeneratorIsSeededAndExact() {
        NetworkGenerator a = NetworkGenerator.generate(2000, 9000, 4);
        NetworkGenerator b = NetworkGenerator.generate(2000, 9000, 4);
        assertThat(a.from).containsExactly(b.from);
        Network g = a.network();
        assertThat(g.ties()).isEqualTo(9000);
        assertThat(g.duplicateTies()).isZero();
        assertThat(g.sectors()).isGreaterThan(5);
    }
}
