package org.convene.network;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The whole-network figures of issue 7 for one {@link Network}.
 *
 * <ul>
 * <li><b>people</b> n, <b>ties</b> m (distinct, undirected), <b>density</b> 2m / (n(n - 1)) (0 for
 * fewer than two people), <b>mean degree</b> 2m / n.</li>
 * <li><b>components</b>: connected components, a person without ties being one of their own; the
 * size of the largest; the number of people without ties.</li>
 * <li><b>average reach</b>: the mean over all people of the number of other people within two
 * steps (a tie, or a tie of a tie), counted once each. Costs the sum over people of their degree
 * squared.</li>
 * <li><b>Krackhardt's E-I index</b> over sectors for the whole network: (E - I) / (E + I), E the
 * ties between people of different sectors (cross-sector ties), I those within a sector; from -1
 * (all ties inside sectors) to +1 (all across). Undefined (null) without ties.</li>
 * <li><b>betweenness</b> ({@link Betweenness}): exact, or from a sample of sources with the stated
 * bound (then each listed score also has its standard error); the {@value #TOP} highest, equal
 * scores by id.</li>
 * </ul>
 */
public final class NetworkMetrics {
    /** How many of the highest betweenness scores are listed. */
    public static final int TOP = 20;
    /** Above this many people the approximation is the default. */
    public static final int EXACT_UP_TO = 20_000;
    public static final double DEFAULT_EPSILON = 0.15;
    public static final double DEFAULT_DELTA = 0.1;

    private NetworkMetrics() {
    }

    /** How betweenness is to be computed. */
    public sealed interface Method {
        /** Exact below {@link #EXACT_UP_TO} people, else sampled with the default bound and this seed. */
        static Method automatic(int people, long seed) {
            return people > EXACT_UP_TO ? new Approximate(DEFAULT_EPSILON, DEFAULT_DELTA, seed) : new Exact();
        }
    }

    /** Every person as a source. */
    public record Exact() implements Method {
    }

    /** Sampled sources, as many as {@link Betweenness#sampleSize} asks for epsilon and delta. */
    public record Approximate(double epsilon, double delta, long seed) implements Method {
        public Approximate {
            if (!(epsilon > 0 && epsilon < 1) || !(delta > 0 && delta < 1)) {
                throw new IllegalArgumentException("epsilon and delta must be between 0 and 1 (exclusive).");
            }
        }
    }

    /**
     * A person and their normalised betweenness; for a sampled score also its standard error
     * ({@link Betweenness#estimate}), else null.
     */
    public record Ranked(String id, double score, Double standardError) {
        public Ranked(String id, double score) {
            this(id, score, null);
        }
    }

    /**
     * How the betweenness was computed: exact, or from {@code samples} sources drawn with
     * {@code seed}, with probability at least 1 - delta every score within epsilon.
     */
    public record Used(String method, Double epsilon, Double delta, Long samples, Long seed) {
        static Used exact() {
            return new Used("exact", null, null, null, null);
        }

        public boolean approximate() {
            return method.equals("approximate");
        }
    }

    /** The figures; {@code eiIndex} is null when there are no ties. */
    public record Metrics(int people, long ties, long duplicateTies, long selfLoops, int sectors, double density, double meanDegree,
            int components, int largestComponent, int isolated, double averageReach, long internalTies, long crossSectorTies,
            Double eiIndex, Used betweenness, List<Ranked> betweennessTop) {
    }

    /** Everything, on {@code threads} threads (the figures do not depend on the number). */
    public static Metrics compute(Network g, Method method, int threads) {
        int n = g.people();
        long m = g.ties();
        double density = n < 2 ? 0 : 2.0 * m / ((double) n * (n - 1));
        double meanDegree = n == 0 ? 0 : 2.0 * m / n;
        int[] comp = components(g);
        long[] split = sectorSplit(g);
        long internal = split[0];
        long cross = split[1];
        Double ei = m == 0 ? null : (double) (cross - internal) / (cross + internal);
        double reach = averageReach(g, threads);
        Used used;
        double[] scores;
        double[] errors = null;
        if (method instanceof Approximate a) {
            long k = Betweenness.sampleSize(n, a.epsilon(), a.delta());
            if (k <= 0 || k >= n) { // tiny networks (no sample needed) and samples as large as the network: exact
                used = Used.exact();
                scores = Betweenness.exact(g, threads);
            } else {
                used = new Used("approximate", a.epsilon(), a.delta(), k, a.seed());
                Betweenness.Estimate estimate = Betweenness.estimate(g, (int) k, a.seed(), threads);
                scores = estimate.scores();
                errors = estimate.standardErrors();
            }
        } else {
            used = Used.exact();
            scores = Betweenness.exact(g, threads);
        }
        return new Metrics(n, m, g.duplicateTies(), g.selfLoops(), g.sectors(), density, meanDegree, comp[0], comp[1], comp[2],
                reach, internal, cross, ei, used, top(g, scores, errors, TOP));
    }

    /** The {@code k} highest scores, highest first, equal scores by id. */
    public static List<Ranked> top(Network g, double[] scores, int k) {
        return top(g, scores, null, k);
    }

    /** The {@code k} highest scores, highest first, equal scores by id, with their standard errors if given. */
    public static List<Ranked> top(Network g, double[] scores, double[] errors, int k) {
        Comparator<Integer> better = (a, b) -> {
            int c = Double.compare(scores[b], scores[a]);
            return c != 0 ? c : g.id(a).compareTo(g.id(b));
        };
        // A heap of the best k seen, worst on top.
        PriorityQueue<Integer> heap = new PriorityQueue<>(k + 1, better.reversed());
        for (int v = 0; v < scores.length; v++) {
            if (heap.size() < k) {
                heap.add(v);
            } else if (k > 0 && better.compare(v, heap.peek()) < 0) {
                heap.poll();
                heap.add(v);
            }
        }
        List<Integer> best = new ArrayList<>(heap);
        best.sort(better);
        List<Ranked> out = new ArrayList<>(best.size());
        for (int v : best) {
            out.add(new Ranked(g.id(v), scores[v], errors == null || Double.isNaN(errors[v]) ? null : errors[v]));
        }
        return out;
    }

    /** {count, largest size, people without ties}. */
    static int[] components(Network g) {
        int n = g.people();
        int[] label = new int[n];
        java.util.Arrays.fill(label, -1);
        int[] queue = new int[n];
        int count = 0;
        int largest = 0;
        int isolated = 0;
        for (int r = 0; r < n; r++) {
            if (label[r] >= 0) {
                continue;
            }
            if (g.degree(r) == 0) {
                isolated++;
            }
            label[r] = count;
            int head = 0;
            int tail = 0;
            queue[tail++] = r;
            while (head < tail) {
                int v = queue[head++];
                for (int e = g.start[v], end = g.start[v + 1]; e < end; e++) {
                    int w = g.adj[e];
                    if (label[w] < 0) {
                        label[w] = count;
                        queue[tail++] = w;
                    }
                }
            }
            largest = Math.max(largest, tail);
            count++;
        }
        return new int[] {count, largest, isolated};
    }

    /** {ties within a sector, ties across sectors}. */
    static long[] sectorSplit(Network g) {
        long internal = 0;
        long cross = 0;
        for (int v = 0; v < g.people(); v++) {
            int sv = g.sector(v);
            for (int e = g.start[v], end = g.start[v + 1]; e < end; e++) {
                int w = g.adj[e];
                if (w > v) {
                    if (g.sector(w) == sv) {
                        internal++;
                    } else {
                        cross++;
                    }
                }
            }
        }
        return new long[] {internal, cross};
    }

    /** The mean number of other people within two steps (0 for no people). */
    static double averageReach(Network g, int threads) {
        int n = g.people();
        if (n == 0) {
            return 0;
        }
        int block = 1024;
        int blocks = (n + block - 1) / block;
        AtomicInteger next = new AtomicInteger();
        AtomicLong total = new AtomicLong();
        Runnable work = () -> {
            int[] seen = new int[n];
            long sum = 0;
            int b;
            while ((b = next.getAndIncrement()) < blocks) {
                for (int v = b * block, to = Math.min(n, v + block); v < to; v++) {
                    int stamp = v + 1;
                    seen[v] = stamp;
                    int count = 0;
                    for (int e = g.start[v], end = g.start[v + 1]; e < end; e++) {
                        int w = g.adj[e];
                        if (seen[w] != stamp) {
                            seen[w] = stamp;
                            count++;
                        }
                    }
                    for (int e = g.start[v], end = g.start[v + 1]; e < end; e++) {
                        int w = g.adj[e];
                        for (int f = g.start[w], fend = g.start[w + 1]; f < fend; f++) {
                            int x = g.adj[f];
                            if (seen[x] != stamp) {
                                seen[x] = stamp;
                                count++;
                            }
                        }
                    }
                    sum += count;
                }
            }
            total.addAndGet(sum);
        };
        int workers = Math.max(1, Math.min(threads, blocks));
        Thread[] running = new Thread[workers - 1];
        for (int t = 0; t < running.length; t++) {
            running[t] = new Thread(work, "reach-" + t);
            running[t].setDaemon(true);
            running[t].start();
        }
        work.run();
        try {
            for (Thread t : running) {
                t.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while computing reach.", e);
        }
        return (double) total.get() / n;
    }
}
