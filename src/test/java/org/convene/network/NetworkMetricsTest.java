package org.convene.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.convene.network.NetworkMetrics.Metrics;
import org.convene.network.NetworkMetrics.Ranked;
import org.junit.jupiter.api.Test;

class NetworkMetricsTest {

    private static Metrics exact(Network g) {
        return NetworkMetrics.compute(g, new NetworkMetrics.Exact(), 2);
    }

    @Test
    void eiIndexByHand() {
        // a, b health; c housing; d police. Ties a-b (internal), a-c, b-d, c-d (cross-sector):
        // E = 3, I = 1, E-I = (3 - 1) / (3 + 1) = 0.5.
        Network g = Graphs.of(4, new String[] {"health", "health", "housing", "police"}, new int[][] {{0, 1}, {0, 2}, {1, 3}, {2, 3}});
        Metrics m = exact(g);
        assertThat(m.crossSectorTies()).isEqualTo(3);
        assertThat(m.internalTies()).isEqualTo(1);
        assertThat(m.eiIndex()).isEqualTo(0.5);
        assertThat(m.sectors()).isEqualTo(3);
    }

    @Test
    void eiIndexAtItsEnds() {
        String[] sectors = {"health", "health", "housing", "housing"};
        // Only ties inside sectors: (0 - 2) / 2 = -1.
        assertThat(exact(Graphs.of(4, sectors, new int[][] {{0, 1}, {2, 3}})).eiIndex()).isEqualTo(-1.0);
        // Only ties across: (4 - 0) / 4 = +1.
        assertThat(exact(Graphs.of(4, sectors, new int[][] {{0, 2}, {0, 3}, {1, 2}, {1, 3}})).eiIndex()).isEqualTo(1.0);
        // As many of each: 0. Repeated ties and self-loops are not counted twice.
        assertThat(exact(Graphs.of(4, sectors, new int[][] {{0, 1}, {1, 0}, {0, 2}, {2, 2}})).eiIndex()).isEqualTo(0.0);
    }

    @Test
    void noTiesGiveNoEiIndexAndZeroDensity() {
        Metrics m = exact(Graphs.of(3, new String[] {"a", "b", "c"}, new int[0][]));
        assertThat(m.eiIndex()).isNull();
        assertThat(m.density()).isZero();
        assertThat(m.components()).isEqualTo(3);
        assertThat(m.largestComponent()).isEqualTo(1);
        assertThat(m.isolated()).isEqualTo(3);
        assertThat(m.averageReach()).isZero();
        Metrics empty = exact(Graphs.of(0, new int[0][]));
        assertThat(empty.people()).isZero();
        assertThat(empty.eiIndex()).isNull();
        assertThat(empty.betweennessTop()).isEmpty();
        assertThat(empty.components()).isZero();
    }

    @Test
    void densityComponentsAndReachByHand() {
        // Path 0-1-2-3-4 plus a tie 5-6 and 7 alone: n = 8, m = 5, density 2 x 5 / (8 x 7) = 10/56.
        // Within two steps: 0 -> {1,2} 2; 1 -> {0,2,3} 3; 2 -> {0,1,3,4} 4; 3 -> 3; 4 -> 2; 5 -> 1;
        // 6 -> 1; 7 -> 0: mean 16 / 8 = 2.
        Network g = Graphs.of(8, new int[][] {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {5, 6}});
        Metrics m = exact(g);
        assertThat(m.people()).isEqualTo(8);
        assertThat(m.ties()).isEqualTo(5);
        assertThat(m.density()).isCloseTo(10.0 / 56, within(1e-15));
        assertThat(m.meanDegree()).isCloseTo(10.0 / 8, within(1e-15));
        assertThat(m.components()).isEqualTo(3);
        assertThat(m.largestComponent()).isEqualTo(5);
        assertThat(m.isolated()).isEqualTo(1);
        assertThat(m.averageReach()).isEqualTo(2.0);
        // Star of 5: the centre reaches 4, each leaf the centre and 3 leaves: 4.
        assertThat(exact(Graphs.star(5)).averageReach()).isEqualTo(4.0);
        // A complete graph of 4: density 1.
        assertThat(exact(Graphs.of(4, new int[][] {{0, 1}, {0, 2}, {0, 3}, {1, 2}, {1, 3}, {2, 3}})).density()).isEqualTo(1.0);
    }

    @Test
    void topIsHighestFirstThenById() {
        // Path of 5 (scores 0, 0.5, 2/3, 0.5, 0): 2, then 1 and 3 (equal, by id), then 0 and 4.
        List<Ranked> top = exact(Graphs.path(5)).betweennessTop();
        assertThat(top).extracting(Ranked::id).containsExactly("2", "1", "3", "0", "4");
        assertThat(top.get(0).score()).isCloseTo(4.0 / 6, within(1e-12));
        // Only the 20 highest of 30.
        Network star = Graphs.star(30);
        List<Ranked> starTop = exact(star).betweennessTop();
        assertThat(starTop).hasSize(20);
        assertThat(starTop.get(0)).isEqualTo(new Ranked("0", 1.0));
        // The leaves tie at 0 and come by id as text: "1", "10", "11", ...
        assertThat(starTop.get(1).id()).isEqualTo("1");
        assertThat(starTop.get(2).id()).isEqualTo("10");
    }

    @Test
    void approximationFallsBackToExactWhenTheSampleWouldCoverEveryone() {
        Metrics m = NetworkMetrics.compute(Graphs.path(5), new NetworkMetrics.Approximate(0.05, 0.1, 1), 1);
        assertThat(m.betweenness().method()).isEqualTo("exact");
        assertThat(m.betweennessTop().get(0).score()).isCloseTo(4.0 / 6, within(1e-12));
    }

    @Test
    void automaticChoiceSwitchesAboveTwentyThousand() {
        assertThat(NetworkMetrics.Method.automatic(20_000, 1)).isInstanceOf(NetworkMetrics.Exact.class);
        assertThat(NetworkMetrics.Method.automatic(20_001, 1)).isInstanceOf(NetworkMetrics.Approximate.class);
    }

    @Test
    void builderRefusesRepeatedIdsAndUnknownPeople() {
        Network.Builder b = new Network.Builder();
        b.addPerson("x", "s");
        assertThatThrownBy(() -> b.addPerson("x", "t")).hasMessageContaining("'x' is already used");
        assertThatThrownBy(() -> b.addTie(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(b.indexOf("x")).isZero();
        assertThat(b.indexOf("y")).isEqualTo(-1);
    }

    @Test
    void anApproximationOfANetworkTooSmallToSampleIsExact() {
        Network.Builder b = new Network.Builder();
        b.addPerson("a", "s");
        b.addPerson("b", "t");
        b.addTie(0, 1);
        NetworkMetrics.Metrics m = NetworkMetrics.compute(b.build(), new NetworkMetrics.Approximate(0.05, 0.1, 1), 2);
        assertThat(m.betweenness().method()).isEqualTo("exact");
        assertThat(m.betweennessTop()).extracting(NetworkMetrics.Ranked::score).containsOnly(0.0);
    }
}
