package org.convene.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Betweenness on graphs small enough to work out by hand. B(v) is the sum over unordered pairs
 * {s, t} of other people of (shortest s-t paths through v) / (shortest s-t paths); NetworkX's
 * normalised score for an undirected graph is B(v) / ((n - 1)(n - 2) / 2).
 */
class BetweennessHandTest {
    private static final double TOLERANCE = 1e-12;

    private static void assertScores(Network g, double... expected) {
        for (int threads : new int[] {1, 2, 3}) {
            assertThat(Betweenness.exact(g, threads)).as("%d threads", threads).containsExactly(expected, within(TOLERANCE));
        }
    }

    @Test
    void path() {
        // 0-1-2-3-4, n = 5, divisor (4 x 3) / 2 = 6.
        // B(1): pairs {0,2}, {0,3}, {0,4} = 3 -> 0.5. B(2): {0,3}, {0,4}, {1,3}, {1,4} = 4 -> 4/6.
        // B(3) = 3 by symmetry; the ends lie on no path between others.
        assertScores(Graphs.path(5), 0, 0.5, 4.0 / 6, 0.5, 0);
    }

    @Test
    void star() {
        // Centre 0 and four leaves: every pair of leaves (4 choose 2 = 6) goes through the centre:
        // B(0) = 6, divisor 6 -> 1.0; leaves 0.
        assertScores(Graphs.star(5), 1, 0, 0, 0, 0);
    }

    @Test
    void cycleOfSix() {
        // C6, n = 6, divisor (5 x 4) / 2 = 10. For v: the pair of its two neighbours (distance 2,
        // one shortest path, through v) gives 1; each of the 3 opposite pairs has two shortest
        // paths of length 3, each with two inner people; of the two opposite pairs not containing
        // v, v is inside one of the two paths: 1/2 each, so 1. B(v) = 2 -> 0.2 for everyone.
        assertScores(Graphs.cycle(6), 0.2, 0.2, 0.2, 0.2, 0.2, 0.2);
    }

    @Test
    void cycleOfFourSplitsPaths() {
        // C4, n = 4, divisor (3 x 2) / 2 = 3. Each person's two neighbours are at distance 2 with
        // two shortest paths, one through the person: B = 1/2 -> 1/6 for everyone.
        assertScores(Graphs.cycle(4), 1.0 / 6, 1.0 / 6, 1.0 / 6, 1.0 / 6);
    }

    @Test
    void twoTrianglesJoinedByABridge() {
        // Triangles 0-1-2 and 3-4-5, bridge 2-3; n = 6, divisor 10. The shortest path of every pair
        // of {0,1} x {3,4,5} (6 pairs) runs through 2, and of every pair of {0,1,2} x {4,5} (6 pairs)
        // through 3; pairs inside a triangle are tied directly. B(2) = B(3) = 6 -> 0.6; the rest 0.
        assertScores(Graphs.of(6, new int[][] {{0, 1}, {1, 2}, {0, 2}, {3, 4}, {4, 5}, {3, 5}, {2, 3}}), 0, 0, 0.6, 0.6, 0, 0);
    }

    @Test
    void disconnected() {
        // Path 0-1-2, a tie 3-4 and 5 alone; n = 6, divisor 10. Only the pair {0,2} has a path
        // through anyone: B(1) = 1 -> 0.1. Pairs in different components add nothing.
        assertScores(Graphs.of(6, new int[][] {{0, 1}, {1, 2}, {3, 4}}), 0, 0.1, 0, 0, 0, 0);
    }

    @Test
    void smallAndEmptyNetworks() {
        assertScores(Graphs.of(0, new int[0][]));
        assertScores(Graphs.of(1, new int[0][]), 0);
        assertScores(Graphs.of(2, new int[][] {{0, 1}}), 0, 0);
        // A triangle: every pair is tied directly.
        assertScores(Graphs.cycle(3), 0, 0, 0);
        // Three people without ties.
        assertScores(Graphs.of(3, new int[0][]), 0, 0, 0);
    }

    @Test
    void repeatedTiesAndSelfLoopsChangeNothing() {
        Network g = Graphs.of(5, new int[][] {{0, 1}, {1, 0}, {1, 2}, {2, 2}, {2, 3}, {3, 4}, {0, 1}, {4, 3}});
        assertThat(g.ties()).isEqualTo(4);
        assertThat(g.duplicateTies()).isEqualTo(3);
        assertThat(g.selfLoops()).isEqualTo(1);
        assertScores(g, 0, 0.5, 4.0 / 6, 0.5, 0);
    }

    @Test
    void sampleSizeFollowsHoeffding() {
        // n = 1,000,000, epsilon = delta = 0.1: R = n/(n-1), ln(2n/delta) = ln(2e7) = 16.8112...,
        // k = ceil(R^2 x 16.8112 / (2 x 0.01)) = ceil(840.56...) = 841.
        assertThat(Betweenness.sampleSize(1_000_000, 0.1, 0.1)).isEqualTo(841);
        // n = 10,000, epsilon = 0.05, delta = 0.1: ln(200,000) = 12.2061, / 0.005 = 2441.2 (x R^2 1.0002) -> 2442.
        assertThat(Betweenness.sampleSize(10_000, 0.05, 0.1)).isEqualTo(2442);
        assertThat(Betweenness.sampleSize(2, 0.05, 0.1)).isZero();
    }
}
