package org.convene.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Speed and accuracy of the network metrics (issue 7) on {@link NetworkGenerator} networks.
 *
 * <pre>
 * mvn -q test -Dtest='org.convene.network.NetworkBenchmarkTest' -Dtest.excludedGroups=none -DargLine=-Xmx6g \
 *     -Dbench.out=/tmp/network.md
 * </pre>
 * Properties: bench.parts (exact,accuracy,full,large: all by default), bench.seed (1),
 * bench.repeats (3), bench.largePeople (1000000), bench.largeTies (10000000),
 * bench.write (a folder: also write the 10,000- and 1,000,000-person networks there as
 * people.csv and ties.csv, for timing the command), bench.out (append the tables to this file).
 * Asserts only that the exact scores are the same on one and two threads.
 */
@Tag("bench")
class NetworkBenchmarkTest {
    private static final int SMALL_PEOPLE = 10_000;
    private static final int SMALL_TIES = 50_000;

    private final long seed = Long.getLong("bench.seed", 1);
    private final int repeats = Integer.getInteger("bench.repeats", 3);

    @Test
    void networkMetrics() throws IOException {
        Set<String> parts = Set.of(System.getProperty("bench.parts", "exact,accuracy,full,large").split(","));
        out("");
        out(String.format(Locale.ROOT, "Network metrics benchmark, seed %d, %d cores, max heap %d MB, started with load average %s",
                seed, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, load()));
        NetworkGenerator small = NetworkGenerator.generate(SMALL_PEOPLE, SMALL_TIES, seed);
        Network g = small.network();
        describe(g, small);
        String write = System.getProperty("bench.write");
        if (write != null) {
            small.write(Path.of(write, "n10000"));
        }
        if (parts.contains("exact")) {
            exact(g);
        }
        if (parts.contains("accuracy")) {
            accuracy(g);
        }
        if (parts.contains("full")) {
            full(g);
        }
        if (parts.contains("large")) {
            large(Integer.getInteger("bench.largePeople", 1_000_000), Integer.getInteger("bench.largeTies", 10_000_000), write);
        }
    }

    private void describe(Network g, NetworkGenerator gen) {
        NetworkMetrics.Metrics m = NetworkMetrics.compute(g, new NetworkMetrics.Approximate(0.5, 0.5, seed), 2);
        out(String.format(Locale.ROOT, "Network: %,d people, %,d ties, %d sectors, %d places, %d organisations; components %d (largest %,d); "
                        + "E-I %.3f (%,d cross-sector ties); mean degree %.1f, max degree %d; average reach %.1f",
                g.people(), g.ties(), g.sectors(), Arrays.stream(gen.place).max().orElse(0) + 1, Arrays.stream(gen.organisation).max().orElse(0) + 1,
                m.components(), m.largestComponent(), m.eiIndex(), m.crossSectorTies(), m.meanDegree(), maxDegree(g), m.averageReach()));
    }

    private static int maxDegree(Network g) {
        int max = 0;
        for (int v = 0; v < g.people(); v++) {
            max = Math.max(max, g.degree(v));
        }
        return max;
    }

    /** Exact betweenness on one thread and on two, after one untimed run. */
    private void exact(Network g) {
        out("");
        out("### Exact betweenness, 10,000 people and 50,000 ties");
        out("");
        out("| threads | run | wall s | CPU s (process) | load |");
        out("|---|---|---|---|---|");
        Betweenness.exact(g, 2);
        double[] one = null;
        for (int threads : new int[] {1, 2}) {
            for (int r = 1; r <= repeats; r++) {
                long cpu = processCpu();
                long t0 = System.nanoTime();
                double[] scores = Betweenness.exact(g, threads);
                double wall = (System.nanoTime() - t0) / 1e9;
                out(String.format(Locale.ROOT, "| %d | %d | %.2f | %.2f | %s |", threads, r, wall, (processCpu() - cpu) / 1e9, load()));
                if (one == null) {
                    one = scores;
                } else {
                    assertThat(scores).containsExactly(one);
                }
            }
        }
        out("");
        out("The scores were bit-for-bit the same in every run.");
    }

    /** The sampled scores against the exact ones on the same network, for several bounds and seeds. */
    private void accuracy(Network g) {
        double[] exact = Betweenness.exact(g, 2);
        List<NetworkMetrics.Ranked> exactTop = NetworkMetrics.top(g, exact, 20);
        double topScore = exactTop.get(0).score();
        double twentieth = exactTop.get(19).score();
        out("");
        out(String.format(Locale.ROOT, "### Sampled against exact betweenness, 10,000 people (exact: highest %.5f, 20th %.5f)", topScore, twentieth));
        out("");
        out("| epsilon | delta | sources k | seed | top-20 overlap | top-10 overlap | largest error (all people) | largest error (exact top 20) "
                + "| exact top 20 within 2 standard errors | median standard error / score, listed 20 | wall s |");
        out("|---|---|---|---|---|---|---|---|---|---|---|");
        double delta = NetworkMetrics.DEFAULT_DELTA;
        for (double epsilon : new double[] {0.05, 0.1, 0.12, 0.15, 0.2}) {
            int k = (int) Betweenness.sampleSize(g.people(), epsilon, delta);
            for (long s = 1; s <= 5; s++) {
                long t0 = System.nanoTime();
                Betweenness.Estimate estimate = Betweenness.estimate(g, k, s, 2);
                double wall = (System.nanoTime() - t0) / 1e9;
                double[] approx = estimate.scores();
                List<NetworkMetrics.Ranked> top = NetworkMetrics.top(g, approx, 20);
                double maxAll = 0;
                for (int v = 0; v < g.people(); v++) {
                    maxAll = Math.max(maxAll, Math.abs(approx[v] - exact[v]));
                }
                double maxTop = 0;
                int covered = 0;
                for (NetworkMetrics.Ranked r : exactTop) {
                    int v = indexOf(g, r.id());
                    double error = Math.abs(approx[v] - exact[v]);
                    maxTop = Math.max(maxTop, error);
                    if (error <= 2 * estimate.standardErrors()[v]) {
                        covered++;
                    }
                }
                out(String.format(Locale.ROOT, "| %.2f | %.2f | %,d | %d | %d | %d | %.5f | %.5f | %d | %.2f | %.2f |", epsilon, delta, k, s,
                        overlap(exactTop, top, 20), overlap(exactTop, top, 10), maxAll, maxTop, covered,
                        relativeError(g, estimate), wall));
            }
        }
    }

    /** The median over the estimate's own top 20 of standard error / score. */
    private static double relativeError(Network g, Betweenness.Estimate e) {
        double[] ratios = NetworkMetrics.top(g, e.scores(), e.standardErrors(), 20).stream()
                .mapToDouble(r -> r.standardError() / r.score()).sorted().toArray();
        return (ratios[9] + ratios[10]) / 2;
    }

    private static int indexOf(Network g, String id) {
        return Integer.parseInt(id.substring(1));
    }

    private static int overlap(List<NetworkMetrics.Ranked> a, List<NetworkMetrics.Ranked> b, int k) {
        Set<String> ids = new HashSet<>();
        a.subList(0, k).forEach(r -> ids.add(r.id()));
        int n = 0;
        for (NetworkMetrics.Ranked r : b.subList(0, k)) {
            if (ids.contains(r.id())) {
                n++;
            }
        }
        return n;
    }

    /** The full metric set (exact betweenness) on 10,000 people, repeated in one JVM. */
    private void full(Network g) {
        out("");
        out("### Full metric set, 10,000 people (exact betweenness, two threads)");
        out("");
        out("| run | wall s | of which betweenness s | load |");
        out("|---|---|---|---|");
        for (int r = 1; r <= repeats; r++) {
            long t0 = System.nanoTime();
            NetworkMetrics.compute(g, new NetworkMetrics.Exact(), 2);
            double wall = (System.nanoTime() - t0) / 1e9;
            long t1 = System.nanoTime();
            Betweenness.exact(g, 2);
            double b = (System.nanoTime() - t1) / 1e9;
            out(String.format(Locale.ROOT, "| %d | %.2f | %.2f (timed again alone) | %s |", r, wall, b, load()));
        }
        long t0 = System.nanoTime();
        NetworkMetrics.Metrics m = NetworkMetrics.compute(g, NetworkMetrics.Method.automatic(g.people(), seed), 2);
        out("");
        out(String.format(Locale.ROOT, "Everything but betweenness (components, reach, E-I split): %.3f s.", timeWithoutBetweenness(g)));
        out(String.format(Locale.ROOT, "Default method at 10,000 people: %s, %.2f s.", m.betweenness().method(), (System.nanoTime() - t0) / 1e9));
    }

    private static double timeWithoutBetweenness(Network g) {
        long t0 = System.nanoTime();
        NetworkMetrics.components(g);
        NetworkMetrics.sectorSplit(g);
        NetworkMetrics.averageReach(g, 2);
        return (System.nanoTime() - t0) / 1e9;
    }

    /** 1,000,000 people and 10,000,000 ties, sampled betweenness with the default bound. */
    private void large(int people, int ties, String write) throws IOException {
        out("");
        out(String.format(Locale.ROOT, "### %,d people and %,d ties, sampled betweenness (default epsilon %.2f, delta %.2f)", people, ties,
                NetworkMetrics.DEFAULT_EPSILON, NetworkMetrics.DEFAULT_DELTA));
        out("");
        resetPeaks();
        long t0 = System.nanoTime();
        NetworkGenerator gen = NetworkGenerator.generate(people, ties, seed);
        double generate = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        Network g = gen.network();
        double build = (System.nanoTime() - t0) / 1e9;
        if (write != null) {
            gen.write(Path.of(write, "n" + people));
        }
        gen = null;
        System.gc();
        long networkHeap = usedHeap();
        out(String.format(Locale.ROOT, "Generated in %.1f s; network built (CSR, ids, sectors) in %.1f s; heap in use with the network alone "
                + "after a GC: %d MB.", generate, build, networkHeap >> 20));
        describeLarge(g);
        out("");
        out("| run | step | wall s | CPU s (process) | load |");
        out("|---|---|---|---|---|");
        int k = (int) Betweenness.sampleSize(g.people(), NetworkMetrics.DEFAULT_EPSILON, NetworkMetrics.DEFAULT_DELTA);
        for (int r = 1; r <= Math.min(2, repeats); r++) {
            resetPeaks();
            long cpu = processCpu();
            t0 = System.nanoTime();
            Betweenness.estimate(g, k, seed, 2);
            out(String.format(Locale.ROOT, "| %d | betweenness, %,d sources | %.1f | %.1f | %s |", r, k, (System.nanoTime() - t0) / 1e9,
                    (processCpu() - cpu) / 1e9, load()));
            cpu = processCpu();
            t0 = System.nanoTime();
            NetworkMetrics.Metrics m = NetworkMetrics.compute(g, NetworkMetrics.Method.automatic(g.people(), seed), 2);
            out(String.format(Locale.ROOT, "| %d | full metric set (%s, %,d sources) | %.1f | %.1f | %s |", r, m.betweenness().method(),
                    m.betweenness().samples(), (System.nanoTime() - t0) / 1e9, (processCpu() - cpu) / 1e9, load()));
            cpu = processCpu();
            t0 = System.nanoTime();
            NetworkMetrics.averageReach(g, 2);
            out(String.format(Locale.ROOT, "| %d | of which average reach | %.1f | %.1f | %s |", r, (System.nanoTime() - t0) / 1e9,
                    (processCpu() - cpu) / 1e9, load()));
        }
        out("");
        out(String.format(Locale.ROOT, "Peak heap in use during these runs (sum of the heap pools' peaks): %d MB.", peakHeap() >> 20));
        // No exact scores at this size (a million sources): how stable is the top 20 from one
        // sample to another, and how large are the standard errors against the scores?
        out("");
        out("| sources k | seeds | top-20 overlap between the two seeds | top-10 overlap | median standard error / score, listed 20 (each seed) |");
        out("|---|---|---|---|---|");
        for (int factor : new int[] {1, 2}) {
            Betweenness.Estimate a = Betweenness.estimate(g, factor * k, seed, 2);
            Betweenness.Estimate b = Betweenness.estimate(g, factor * k, seed + 1, 2);
            List<NetworkMetrics.Ranked> ta = NetworkMetrics.top(g, a.scores(), 20);
            List<NetworkMetrics.Ranked> tb = NetworkMetrics.top(g, b.scores(), 20);
            out(String.format(Locale.ROOT, "| %,d | %d and %d | %d | %d | %.2f, %.2f |", factor * k, seed, seed + 1, overlap(ta, tb, 20),
                    overlap(ta, tb, 10), relativeError(g, a), relativeError(g, b)));
        }
    }

    private void describeLarge(Network g) {
        long[] split = NetworkMetrics.sectorSplit(g);
        int[] comp = NetworkMetrics.components(g);
        out(String.format(Locale.ROOT, "Network: %,d people, %,d ties, %d sectors; components %d (largest %,d); %,d cross-sector ties; "
                + "max degree %d.", g.people(), g.ties(), g.sectors(), comp[0], comp[1], split[1], maxDegree(g)));
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static void out(String line) {
        System.out.println(line);
        String file = System.getProperty("bench.out");
        if (file != null) {
            try {
                Files.writeString(Path.of(file), line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
