package org.convene.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.alg.scoring.BetweennessCentrality;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;
import org.junit.jupiter.api.Test;

/** Our figures against JGraphT's on random small graphs, sparse to dense, connected or not. */
class ReferenceTest {

    /** JGraphT's unnormalised undirected betweenness counts each unordered pair once (checked on a path of 3). */
    @Test
    void jgraphtConvention() {
        Graph<Integer, DefaultEdge> g = new SimpleGraph<>(DefaultEdge.class);
        for (int i = 0; i < 3; i++) {
            g.addVertex(i);
        }
        g.addEdge(0, 1);
        g.addEdge(1, 2);
        assertThat(new BetweennessCentrality<>(g, false).getScores().get(1)).isEqualTo(1.0);
    }

    @Test
    void thirtyRandomGraphsAgreeWithJGraphT() {
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 30; round++) {
            int n = 20 + random.nextInt(181);
            // Mean degree from about 1 (many components) to 12.
            double meanDegree = 1 + random.nextDouble() * 11;
            int ties = (int) (n * meanDegree / 2);
            Network.Builder b = new Network.Builder();
            Graph<Integer, DefaultEdge> ref = new SimpleGraph<>(DefaultEdge.class);
            int sectors = 1 + random.nextInt(5);
            for (int v = 0; v < n; v++) {
                b.addPerson("v" + v, "sector" + random.nextInt(sectors));
                ref.addVertex(v);
            }
            long cross = 0;
            for (int i = 0; i < ties; i++) {
                int a = random.nextInt(n);
                int c = random.nextInt(n);
                b.addTie(a, c);
                if (a != c && !ref.containsEdge(a, c)) {
                    ref.addEdge(a, c);
                }
            }
            Network g = b.build();
            String what = "round " + round + ", n " + n + ", ties " + ties;
            assertThat(g.ties()).as(what).isEqualTo(ref.edgeSet().size());
            for (DefaultEdge e : ref.edgeSet()) {
                if (g.sector(ref.getEdgeSource(e)) != g.sector(ref.getEdgeTarget(e))) {
                    cross++;
                }
            }

            Map<Integer, Double> raw = new BetweennessCentrality<>(ref, false).getScores();
            double divisor = (n - 1) * (n - 2) / 2.0;
            double[] ours = Betweenness.exact(g, 1 + round % 3);
            for (int v = 0; v < n; v++) {
                assertThat(ours[v]).as(what + ", person " + v).isCloseTo(raw.get(v) / divisor, within(1e-9));
            }
            // JGraphT's own normalisation divides by (n - 1)(n - 2) even for undirected graphs:
            // half NetworkX's, which divides by (n - 1)(n - 2) / 2.
            Map<Integer, Double> normalised = new BetweennessCentrality<>(ref, true).getScores();
            for (int v = 0; v < n; v++) {
                assertThat(ours[v]).as(what + ", person " + v).isCloseTo(2 * normalised.get(v), within(1e-9));
            }

            var components = new ConnectivityInspector<>(ref).connectedSets();
            NetworkMetrics.Metrics m = NetworkMetrics.compute(g, new NetworkMetrics.Exact(), 2);
            assertThat(m.components()).as(what).isEqualTo(components.size());
            assertThat(m.largestComponent()).as(what).isEqualTo(components.stream().mapToInt(Set::size).max().orElse(0));
            assertThat(m.crossSectorTies()).as(what).isEqualTo(cross);
            assertThat(m.density()).as(what).isCloseTo(2.0 * ref.edgeSet().size() / (n * (n - 1.0)), within(1e-15));
            assertThat(m.averageReach()).as(what).isCloseTo(reachByBreadthFirst(ref, n), within(1e-12));
        }
    }

    /** Mean number of others within two steps, by a plain breadth-first search from each person. */
    private static double reachByBreadthFirst(Graph<Integer, DefaultEdge> g, int n) {
        long total = 0;
        for (int s = 0; s < n; s++) {
            int[] dist = new int[n];
            java.util.Arrays.fill(dist, -1);
            java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>();
            dist[s] = 0;
            queue.add(s);
            while (!queue.isEmpty()) {
                int v = queue.poll();
                if (dist[v] == 2) {
                    continue;
                }
                for (DefaultEdge e : g.edgesOf(v)) {
                    int w = g.getEdgeSource(e) == v ? g.getEdgeTarget(e) : g.getEdgeSource(e);
                    if (dist[w] < 0) {
                        dist[w] = dist[v] + 1;
                        total++;
                        queue.add(w);
                    }
                }
            }
        }
        return (double) total / n;
    }
}
