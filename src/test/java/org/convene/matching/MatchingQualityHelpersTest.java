package org.convene.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.jgrapht.alg.matching.blossom.v5.KolmogorovWeightedMatching;
import org.jgrapht.alg.matching.blossom.v5.ObjectiveSense;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;
import org.jgrapht.util.SupplierUtil;
import org.junit.jupiter.api.Test;

/** Fast checks of the quality benchmark's helpers (the benchmark itself is tagged "bench"). */
class MatchingQualityHelpersTest {

    @Test
    void demoInstancesAreDeterministicAndSkewedAsSaid() {
        assertThat(DemoInstances.topics()).hasSize(32).contains("children and young people's mental health");
        for (DemoInstances.Kind kind : DemoInstances.Kind.values()) {
            List<Participant> a = DemoInstances.of(kind, 300, 7);
            assertThat(a).hasSize(300).isEqualTo(DemoInstances.of(kind, 300, 7));
            assertThat(a).isNotEqualTo(DemoInstances.of(kind, 300, 8));
            assertThat(a.stream().map(Participant::id).distinct().count()).isEqualTo(300);
        }
        List<Participant> dominant = DemoInstances.dominantSector(1000, 3, 0.7);
        assertThat(dominant.stream().filter(p -> p.sector().equals(DemoInstances.DOMINANT)).count()).isEqualTo(700);
        List<Participant> few = DemoInstances.fewInterests(1000, 3);
        assertThat(few).allSatisfy(p -> assertThat(p.interests().size()).isLessThanOrEqualTo(1));
        assertThat(few.stream().flatMap(p -> p.interests().stream()).distinct().count()).isEqualTo(DemoInstances.FEW_TOPICS);
        assertThat(few.stream().filter(p -> p.interests().isEmpty()).count()).isBetween(400L, 600L);
    }

    @Test
    void pairSpaceAppliesTheRulesOfARound() {
        List<Participant> people = DemoInstances.demo(200, 5);
        PairSpace space = new PairSpace(people);
        History history = new History();
        SplittableRandom r = new SplittableRandom(1);
        for (int x = 0; x < 400; x++) {
            int a = r.nextInt(200);
            int b = r.nextInt(200);
            if (a != b) {
                assertThat(space.addMet(a, b)).isEqualTo(history.add(people.get(a).id(), people.get(b).id()));
            }
        }
        for (int a = 0; a < 200; a++) {
            for (int b = 0; b < 200; b++) {
                assertThat(space.allowed(a, b)).isEqualTo(Rules.allowed(people.get(a), people.get(b), history, Set.of()));
                assertThat(space.score(a, b)).isEqualTo(Rules.score(people.get(a), people.get(b)));
            }
        }
        PairSpace.Scan all = space.scan(0, 1, false);
        PairSpace.Scan best = space.scan(5, 1, true);
        long allowed = 0;
        for (int a = 0; a < 200; a++) {
            int top = 0;
            for (int b = a + 1; b < 200; b++) {
                allowed += space.allowed(a, b) ? 1 : 0;
            }
            for (int b = 0; b < 200; b++) {
                if (space.allowed(a, b)) {
                    top = Math.max(top, space.score(a, b));
                }
            }
            assertThat(all.best[a]).isEqualTo(top);
        }
        assertThat((long) all.edges()).isEqualTo(allowed);
        assertThat(best.best).containsExactly(all.best);
        assertThat(best.edges()).isLessThanOrEqualTo(5 * 200).isGreaterThanOrEqualTo(5 * 200 / 2);
        for (int e = 0; e < best.edges(); e++) {
            assertThat(space.allowed(best.eu[e], best.ev[e])).isTrue();
        }
    }

    /** Max cardinality, then max weight, by JGraphT's Blossom V with weight 10^6 + score. */
    private static long[] jgrapht(int n, PairSpace.Scan s) {
        SimpleWeightedGraph<Integer, DefaultWeightedEdge> g = new SimpleWeightedGraph<>(
                SupplierUtil.createIntegerSupplier(n), SupplierUtil.createDefaultWeightedEdgeSupplier());
        for (int i = 0; i < n; i++) {
            g.addVertex(i);
        }
        for (int e = 0; e < s.edges(); e++) {
            g.setEdgeWeight(g.addEdge(s.eu[e], s.ev[e]), 1_000_000.0 + s.score[e]);
        }
        var m = new KolmogorovWeightedMatching<>(g, ObjectiveSense.MAXIMIZE).getMatching();
        long pairs = m.getEdges().size();
        return new long[] {pairs, Math.round(m.getWeight() - pairs * 1_000_000.0)};
    }

    @Test
    void exactReferenceEqualsBlossomVAndTheBoundIsAbove() {
        for (int seed = 0; seed < 12; seed++) {
            int n = 40 + 15 * seed;
            List<Participant> people = switch (seed % 4) {
                case 0 -> DemoInstances.demo(n, seed);
                case 1 -> DemoInstances.dominantSector(n, seed, 0.7);
                case 2 -> DemoInstances.fewInterests(n, seed);
                default -> Instances.random(n, seed, 3, 4, 3, 12, 4);
            };
            PairSpace space = new PairSpace(people);
            SplittableRandom r = new SplittableRandom(seed);
            for (int x = 0; x < 3 * n; x++) {
                int a = r.nextInt(n);
                int b = r.nextInt(n);
                if (a != b) {
                    space.addMet(a, b);
                }
            }
            PairSpace.Scan all = space.scan(0, seed, false);
            long[] expected = jgrapht(n, all);
            for (boolean multi : new boolean[] {true, false}) {
                ExactReference.Result ref = ExactReference.solve(n, all.eu, all.ev, all.score, 1 + seed % 4, multi);
                assertThat(new long[] {ref.pairs(), ref.score()}).as("seed %d", seed).containsExactly(expected);
                int[] mate = ref.mate();
                for (int v = 0; v < n; v++) {
                    if (mate[v] >= 0) {
                        assertThat(mate[mate[v]]).isEqualTo(v);
                        assertThat(space.allowed(v, mate[v])).isTrue();
                    }
                }
            }
            assertThat(all.scoreBound()).isGreaterThanOrEqualTo(expected[1]);
            assertThat(space.peopleBound(all)).isGreaterThanOrEqualTo(2 * expected[0]);
            // the optimum over the k best pairs of each is a matching over all pairs: never above
            PairSpace.Scan few = space.scan(3, seed, false);
            ExactReference.Result sparse = ExactReference.solve(n, few.eu, few.ev, few.score, 2);
            assertThat(sparse.pairs() < expected[0] || (sparse.pairs() == expected[0] && sparse.score() <= expected[1])).isTrue();
        }
    }

    @Test
    void donutPairsEveryoneOnceARoundAndAvoidsRepeats() {
        for (int n : new int[] {1, 2, 3, 4, 7, 100, 101}) {
            PairSpace space = new PairSpace(Instances.random(n, n));
            int repeats = 0;
            for (int round = 0; round < 6; round++) {
                List<int[]> groups = DonutPairing.round(space, round);
                Set<Integer> seen = new HashSet<>();
                int trios = 0;
                for (int[] g : groups) {
                    assertThat(g.length).isBetween(2, 3);
                    trios += g.length == 3 ? 1 : 0;
                    for (int v : g) {
                        assertThat(seen.add(v)).as("n %d round %d: %d twice", n, round, v).isTrue();
                    }
                }
                assertThat(seen).hasSize(n == 1 ? 0 : n);
                assertThat(trios).isEqualTo(n % 2 == 1 && n > 1 ? 1 : 0);
                repeats += DonutPairing.remember(space, groups);
            }
            if (n >= 100) {
                // only at the end of the shuffled list, when all who are left have met
                assertThat(repeats).isLessThanOrEqualTo(6);
            }
        }
        // when everyone left has met, a repeat is made rather than leaving someone out
        PairSpace four = new PairSpace(Instances.random(4, 1));
        for (int a = 0; a < 4; a++) {
            for (int b = a + 1; b < 4; b++) {
                four.addMet(a, b);
            }
        }
        List<int[]> groups = DonutPairing.round(four, 3);
        assertThat(groups).hasSize(2);
        assertThat(DonutPairing.remember(four, groups)).isEqualTo(2);
        List<int[]> none = new ArrayList<>(DonutPairing.round(new PairSpace(Instances.random(1, 1)), 1));
        assertThat(none).isEmpty();
    }
}
