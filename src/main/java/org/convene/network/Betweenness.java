package org.convene.network;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Shortest-path betweenness centrality of every person, exact or estimated from a sample of
 * sources, normalised as NetworkX's {@code betweenness_centrality(G, normalized=True)} for an
 * undirected graph.
 *
 * <h2>Definition</h2>
 * For a person v, B(v) = sum over unordered pairs {s, t} of other people (s != t, both != v) of
 * sigma_st(v) / sigma_st, where sigma_st counts the shortest s-t paths and sigma_st(v) those
 * through v (pairs with no path add nothing). The normalised score is
 * c(v) = B(v) / ((n - 1)(n - 2) / 2), the share of the pairs of the other n - 1 people whose
 * shortest paths run through v: in [0, 1], 1 for the centre of a star. With fewer than three
 * people every score is 0. NetworkX computes the same thing as the Brandes sum over ordered
 * pairs, halved for an undirected graph and then multiplied by 2 / ((n - 1)(n - 2)); that is, the
 * ordered-pair sum divided by (n - 1)(n - 2), which is what {@link #exact} returns.
 *
 * <h2>Algorithm</h2>
 * Brandes (2001), written for arrays: for each source s, a breadth-first search counts the
 * shortest paths sigma from s, level by level, and records each person's successors (neighbours
 * one level farther, so the ties of the shortest-path DAG); then, from the farthest person back,
 * the dependency delta_s(v) = sum over successors w of sigma(v) / sigma(w) x (1 + delta_s(w)) is
 * accumulated as delta_s(v) = sigma(v) a(v) with a(v) = the sum over successors of
 * coef(w) = (1 + delta_s(w)) / sigma(w) = 1 / sigma(w) + a(w). The search runs on a copy of the
 * graph renumbered in breadth-first order ({@link Layout}), lists each level in increasing number
 * order (a bit set collects it), and branches only when it reaches someone new. A level is found
 * bottom-up (Beamer's direction-optimising search) when the people not yet reached have fewer ties
 * than the current level: each of them sums sigma over their neighbours in the current level and
 * keeps those as predecessors, and the backward pass then pushes coef to the predecessors instead
 * of pulling it from successors. On a million people these cut the time per source about
 * fourfold (docs/benchmarks.md).
 * O(n + m) memory per thread, O(n m) time for the exact scores.
 *
 * <h2>Threads and determinism</h2>
 * The sources are split into at most {@value #CHUNKS} consecutive chunks (the split depends only
 * on the number of sources); each chunk's sums are kept apart and the chunks are added in order, so
 * the scores are bit-for-bit the same on any number of threads.
 *
 * <h2>Approximation</h2>
 * {@link #approximate} runs Brandes from k sources drawn uniformly without replacement with a
 * seeded generator and scales the sums by n / k. For a person v, each sampled source s contributes
 * X_s = n delta_s(v) / ((n - 1)(n - 2)) to an average whose expectation is c(v); since
 * 0 <= delta_s(v) <= n - 2, X_s lies in [0, R] with R = n / (n - 1). Hoeffding's inequality (which
 * holds for sampling without replacement too, Hoeffding 1963, section 6) gives
 * P(|estimate - c(v)| >= epsilon) <= 2 exp(-2 k epsilon^2 / R^2), and a union bound over the n
 * people gives: with probability at least 1 - delta every normalised score is within epsilon of
 * its exact value when k >= R^2 ln(2n / delta) / (2 epsilon^2) ({@link #sampleSize}). The bound is
 * worst-case; measured errors are far smaller (docs/benchmarks.md).
 */
public final class Betweenness {
    /** The sources are split into at most this many chunks, whatever the number of threads. */
    static final int CHUNKS = 64;

    private Betweenness() {
    }

    /** Exact normalised betweenness of every person, on {@code threads} threads. */
    public static double[] exact(Network g, int threads) {
        int n = g.people();
        int[] sources = new int[n];
        for (int v = 0; v < n; v++) {
            sources[v] = v;
        }
        double[] raw = sums(g, sources, threads, false);
        return scale(raw, n, 1.0);
    }

    /**
     * The smallest k for which, by Hoeffding's inequality and a union bound over the people, every
     * normalised score estimated from k sampled sources is within {@code epsilon} of the exact one
     * with probability at least {@code 1 - delta}: k = ceil(R^2 ln(2n / delta) / (2 epsilon^2)),
     * R = n / (n - 1). May exceed n (then sampling gains nothing over the exact computation).
     */
    public static long sampleSize(int n, double epsilon, double delta) {
        if (!(epsilon > 0 && epsilon < 1) || !(delta > 0 && delta < 1)) {
            throw new IllegalArgumentException("epsilon and delta must be between 0 and 1 (exclusive).");
        }
        if (n < 3) {
            return 0;
        }
        double r = (double) n / (n - 1);
        return (long) Math.ceil(r * r * Math.log(2.0 * n / delta) / (2 * epsilon * epsilon));
    }

    /**
     * Normalised betweenness estimated from {@code k} distinct sources drawn with {@code seed}
     * ({@code 0 < k <= n}), scaled by n / k: an unbiased estimate of {@link #exact}.
     */
    public static double[] approximate(Network g, int k, long seed, int threads) {
        return estimate(g, k, seed, threads).scores();
    }

    /**
     * Sampled scores with their standard errors. For person v, source s contributes
     * x_s = n delta_s(v) / ((n - 1)(n - 2)); the score is the mean of x over the k sources and its
     * standard error sqrt(s^2 / k x (1 - k / n)), s^2 the sample variance of x (the last factor
     * corrects for sampling without replacement). An estimate of the spread, not a bound: for a
     * large sample about 95 % of scores lie within two standard errors of the exact value.
     * Standard errors are NaN for k < 2.
     */
    public record Estimate(double[] scores, double[] standardErrors, int samples) {
    }

    /** As {@link #approximate}, with standard errors. */
    public static Estimate estimate(Network g, int k, long seed, int threads) {
        int n = g.people();
        if (k <= 0 || k > n) {
            throw new IllegalArgumentException("The sample must have 1 to " + n + " sources, not " + k + ".");
        }
        int[] sources = sample(n, k, seed);
        double[] raw = sums(g, sources, threads, true);
        double[] scores = Arrays.copyOf(raw, n);
        double[] errors = new double[n];
        if (n < 3) {
            return new Estimate(new double[n], errors, k);
        }
        double c = (double) n / ((double) (n - 1) * (n - 2));
        for (int v = 0; v < n; v++) {
            double s1 = raw[v];
            double s2 = raw[n + v];
            scores[v] = c * s1 / k;
            if (k < 2) {
                errors[v] = Double.NaN;
            } else {
                double variance = Math.max(0, c * c * (s2 - s1 * s1 / k) / (k - 1));
                errors[v] = Math.sqrt(variance / k * (1 - (double) k / n));
            }
        }
        return new Estimate(scores, errors, k);
    }

    /** k distinct people out of n, uniformly, by a partial Fisher-Yates shuffle; in increasing order. */
    static int[] sample(int n, int k, long seed) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] chosen = Arrays.copyOf(all, k);
        Arrays.sort(chosen);
        return chosen;
    }

    private static double[] scale(double[] raw, int n, double factor) {
        if (n < 3) {
            return new double[n];
        }
        double s = factor / ((double) (n - 1) * (n - 2));
        for (int v = 0; v < n; v++) {
            raw[v] *= s;
        }
        return raw;
    }

    /**
     * Sum over the sources of their dependencies delta_s(v), per person (the ordered-pair Brandes
     * sum), and with {@code squares} also the sums of their squares (at n + v). The searches run on
     * a renumbered copy of the graph ({@link Layout}); the result is indexed as the network.
     */
    static double[] sums(Network g, int[] sources, int threads, boolean squares) {
        int n = g.people();
        int width = squares ? 2 : 1;
        if (sources.length == 0 || n < 3) {
            return new double[width * n];
        }
        Layout layout = Layout.breadthFirst(g);
        int[] renumbered = new int[sources.length];
        for (int i = 0; i < sources.length; i++) {
            renumbered[i] = layout.newOf[sources[i]];
        }
        double[] inLayout = sums(layout.start, layout.adj, renumbered, threads, squares);
        double[] total = new double[width * n];
        for (int v = 0; v < n; v++) {
            total[v] = inLayout[layout.newOf[v]];
            if (squares) {
                total[n + v] = inLayout[n + layout.newOf[v]];
            }
        }
        return total;
    }

    static double[] sums(int[] start, int[] adj, int[] sources, int threads, boolean squares) {
        int n = start.length - 1;
        double[] total = new double[(squares ? 2 : 1) * n];
        int chunkSize = (sources.length + CHUNKS - 1) / CHUNKS;
        int chunks = (sources.length + chunkSize - 1) / chunkSize;
        int workers = Math.max(1, Math.min(threads, chunks));
        Reduction reduction = new Reduction(total, chunks);
        AtomicInteger next = new AtomicInteger();
        Runnable work = () -> {
            Search search = new Search(start, adj, squares);
            int c;
            while ((c = next.getAndIncrement()) < chunks) {
                double[] partial = reduction.borrow();
                int from = c * chunkSize;
                int to = Math.min(sources.length, from + chunkSize);
                for (int i = from; i < to; i++) {
                    search.accumulate(sources[i], partial);
                }
                reduction.deliver(c, partial);
            }
        };
        if (workers == 1) {
            work.run();
            return total;
        }
        List<Thread> running = new ArrayList<>();
        Throwable[] failure = new Throwable[1];
        for (int t = 0; t < workers; t++) {
            Thread thread = new Thread(work, "betweenness-" + t);
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((th, e) -> {
                synchronized (failure) {
                    if (failure[0] == null) {
                        failure[0] = e;
                    }
                }
                next.set(chunks);
            });
            running.add(thread);
            thread.start();
        }
        try {
            for (Thread thread : running) {
                thread.join();
            }
        } catch (InterruptedException e) {
            next.set(chunks);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while computing betweenness.", e);
        }
        if (failure[0] != null) {
            if (failure[0] instanceof RuntimeException r) {
                throw r;
            }
            if (failure[0] instanceof Error e) {
                throw e;
            }
            throw new IllegalStateException(failure[0]);
        }
        return total;
    }

    /**
     * The graph renumbered so that people close in the graph are close in the arrays: the order in
     * which a breadth-first search visits them (each component from its lowest-numbered person,
     * neighbours in index order; like Cuthill-McKee without the degree sort). On a large network
     * whose numbering ignores its structure this keeps most of a search's memory reads in cache.
     */
    static final class Layout {
        final int[] start;
        final int[] adj;
        final int[] newOf;

        private Layout(int[] start, int[] adj, int[] newOf) {
            this.start = start;
            this.adj = adj;
            this.newOf = newOf;
        }

        static Layout identity(Network g) {
            int[] newOf = new int[g.people()];
            for (int v = 0; v < newOf.length; v++) {
                newOf[v] = v;
            }
            return new Layout(g.start, g.adj, newOf);
        }

        private static Layout renumber(Network g, int[] newOf, int[] oldOf) {
            int n = g.people();
            int[] start = new int[n + 1];
            int[] adj = new int[g.adj.length];
            int p = 0;
            for (int i = 0; i < n; i++) {
                int v = oldOf[i];
                start[i] = p;
                int rowStart = p;
                for (int e = g.start[v], end = g.start[v + 1]; e < end; e++) {
                    adj[p++] = newOf[g.adj[e]];
                }
                Arrays.sort(adj, rowStart, p);
            }
            start[n] = p;
            return new Layout(start, adj, newOf);
        }

        static Layout breadthFirst(Network g) {
            int n = g.people();
            int[] newOf = new int[n];
            Arrays.fill(newOf, -1);
            int[] oldOf = new int[n];
            int tail = 0;
            for (int r = 0; r < n; r++) {
                if (newOf[r] >= 0) {
                    continue;
                }
                int head = tail;
                newOf[r] = tail;
                oldOf[tail++] = r;
                while (head < tail) {
                    int v = oldOf[head++];
                    for (int e = g.start[v], end = g.start[v + 1]; e < end; e++) {
                        int w = g.adj[e];
                        if (newOf[w] < 0) {
                            newOf[w] = tail;
                            oldOf[tail++] = w;
                        }
                    }
                }
            }
            return renumber(g, newOf, oldOf);
        }
    }

    /** Adds the chunks' partial sums to the total in chunk order, whichever thread finishes first. */
    private static final class Reduction {
        private final double[] total;
        private final double[][] waiting;
        private final ArrayDeque<double[]> spare = new ArrayDeque<>();
        private int next;

        Reduction(double[] total, int chunks) {
            this.total = total;
            this.waiting = new double[chunks][];
        }

        synchronized double[] borrow() {
            double[] a = spare.poll();
            return a != null ? a : new double[total.length];
        }

        synchronized void deliver(int chunk, double[] partial) {
            waiting[chunk] = partial;
            while (next < waiting.length && waiting[next] != null) {
                double[] p = waiting[next];
                waiting[next++] = null;
                for (int v = 0; v < total.length; v++) {
                    total[v] += p[v];
                }
                Arrays.fill(p, 0);
                spare.push(p);
            }
        }
    }

    /**
     * One thread's arrays for single-source searches. A single array of doubles per person holds
     * first the path counts sigma (0 until reached; a reached person has sigma >= 1) and then, in
     * the backward pass, coef; which people are in the level being discovered is a bit set (n / 8
     * bytes, small enough to stay in cache). The forward pass writes each person's successors (the
     * ties of the shortest-path DAG, at most one per tie) to a list in search order, so the backward
     * pass reads only those, sequentially, instead of every tie again. Everything is reset after
     * each source.
     */
    static final class Search {
        private final int[] start;
        private final int[] adj;
        /** sigma during the forward pass, coef during the backward pass, 0 between searches. */
        private final double[] value;
        /** The people reached, level by level, each level in increasing index order. */
        private final int[] order;
        /** sigma of order[i]. */
        private final double[] sigmaAt;
        /** The successors of order[i] are successors[successorStart[i] .. successorStart[i + 1]). */
        private final int[] successorStart;
        private final int[] successors;
        private final int[] levelStart;
        /** The people of the level being discovered. */
        private final long[] found;
        /** Whether to add the squares of the dependencies too, at {@code into[n + v]}. */
        private final boolean squares;
        /** Whether large levels may be found bottom-up. */
        private final boolean bottomUp;
        /** The people of the current level, for a bottom-up step. */
        private final long[] current;
        /** For a level found bottom-up, the predecessors of order[j] are successors[predecessorStart[j] ..]. */
        private final int[] predecessorStart;
        /** Whether level L was found bottom-up. */
        private final boolean[] foundBottomUp;

        Search(int[] start, int[] adj, boolean squares) {
            this(start, adj, squares, true);
        }

        Search(int[] start, int[] adj, boolean squares, boolean bottomUp) {
            int n = start.length - 1;
            this.squares = squares;
            this.bottomUp = bottomUp;
            this.current = new long[(n + 63) / 64];
            this.predecessorStart = new int[n + 1];
            this.foundBottomUp = new boolean[n + 2];
            this.start = start;
            this.adj = adj;
            this.value = new double[n];
            this.order = new int[n];
            this.sigmaAt = new double[n];
            this.successorStart = new int[n + 1];
            // At most one successor per tie, and one spare slot for the unconditional write.
            this.successors = new int[adj.length / 2 + 1];
            this.levelStart = new int[n + 2];
            this.found = new long[(n + 63) / 64];
        }

        /** Adds delta_s(v) to {@code into[v]} (and its square to {@code into[n + v]}) for every v reached from s (v != s). */
        void accumulate(int s, double[] into) {
            final int[] start = this.start;
            final int[] adj = this.adj;
            final double[] value = this.value;
            final int[] order = this.order;
            final long[] found = this.found;
            final long[] current = this.current;
            final int[] successorStart = this.successorStart;
            final int[] predecessorStart = this.predecessorStart;
            final int[] successors = this.successors;
            final int n = value.length;
            // Forward: breadth-first search level by level, counting shortest paths. Each level is
            // listed in increasing index order, so rows are read in memory order.
            order[0] = s;
            value[s] = 1;
            levelStart[0] = 0;
            levelStart[1] = 1;
            int levels = 1;
            int tail = 1;
            int p = 0;
            long frontierEnds = start[s + 1] - start[s];
            long unreachedEnds = adj.length - frontierEnds;
            while (true) {
                int from = levelStart[levels - 1];
                int to = levelStart[levels];
                long newEnds = 0;
                // Top-down reads the ties of the current level; bottom-up those of everyone not
                // yet reached (who may be in other components): whichever is fewer.
                boolean up = bottomUp && unreachedEnds < frontierEnds;
                foundBottomUp[levels] = up;
                if (!up) {
                    // A neighbour w of v is new if value[w] == 0, one level farther if its bit is
                    // set (either way a successor of v), else nearer or level with v.
                    int lowWord = Integer.MAX_VALUE;
                    int highWord = -1;
                    for (int i = from; i < to; i++) {
                        int v = order[i];
                        double sv = value[v];
                        successorStart[i] = p;
                        for (int e = start[v], end = start[v + 1]; e < end; e++) {
                            int w = adj[e];
                            int word = w >>> 6;
                            double sw = value[w];
                            if (sw == 0) {
                                found[word] |= 1L << w;
                                lowWord = Math.min(lowWord, word);
                                highWord = Math.max(highWord, word);
                            }
                            // Without a branch: 1 if w is in the next level (just found or found
                            // before from this level), else 0.
                            int next = (int) (found[word] >>> w) & 1;
                            value[w] = sw + sv * next;
                            successors[p] = w;
                            p += next;
                        }
                    }
                    successorStart[to] = p;
                    for (int word = lowWord; word <= highWord; word++) {
                        long bits = found[word];
                        if (bits != 0) {
                            found[word] = 0;
                            int base = word << 6;
                            do {
                                int w = base + Long.numberOfTrailingZeros(bits);
                                order[tail++] = w;
                                newEnds += start[w + 1] - start[w];
                                bits &= bits - 1;
                            } while (bits != 0);
                        }
                    }
                } else {
                    // Everyone not reached sums sigma over their neighbours in the current level
                    // (a bit set marks it) and keeps those neighbours as predecessors.
                    for (int i = from; i < to; i++) {
                        int v = order[i];
                        current[v >>> 6] |= 1L << v;
                    }
                    for (int w = 0; w < n; w++) {
                        if (value[w] != 0) {
                            continue;
                        }
                        int first = p;
                        double sum = 0;
                        for (int e = start[w], end = start[w + 1]; e < end; e++) {
                            int u = adj[e];
                            if ((current[u >>> 6] & (1L << u)) != 0) {
                                sum += value[u];
                                successors[p++] = u;
                            }
                        }
                        if (p > first) {
                            value[w] = sum;
                            predecessorStart[tail] = first;
                            order[tail++] = w;
                            newEnds += start[w + 1] - start[w];
                        }
                    }
                    predecessorStart[tail] = p;
                    for (int i = from; i < to; i++) {
                        current[order[i] >>> 6] = 0;
                    }
                }
                if (tail == to) {
                    break;
                }
                levelStart[++levels] = tail;
                unreachedEnds -= newEnds;
                frontierEnds = newEnds;
            }
            // The path counts move to sigmaAt (in search order); value becomes coef, 0 so far.
            final double[] sigmaAt = this.sigmaAt;
            for (int i = 0; i < tail; i++) {
                int v = order[i];
                sigmaAt[i] = value[v];
                value[v] = 0;
            }
            // Backward, level by level from the farthest; level 0 (the source) is left out. When a
            // level is done, the next level's coef values are final.
            for (int level = levels - 1; level >= 1; level--) {
                int from = levelStart[level];
                int to = levelStart[level + 1];
                boolean hasNext = level + 1 < levels;
                if (hasNext && foundBottomUp[level + 1]) {
                    // The next level kept its predecessors: push each coef to them (their value is
                    // 0 until this level is done, so it collects a(v)).
                    for (int j = to, end = levelStart[level + 2]; j < end; j++) {
                        double cw = value[order[j]];
                        for (int q = predecessorStart[j], qEnd = predecessorStart[j + 1]; q < qEnd; q++) {
                            value[successors[q]] += cw;
                        }
                    }
                    for (int i = from; i < to; i++) {
                        finish(i, value[order[i]], into);
                    }
                } else {
                    for (int i = from; i < to; i++) {
                        double a = 0;
                        if (hasNext) {
                            for (int q = successorStart[i], end = successorStart[i + 1]; q < end; q++) {
                                a += value[successors[q]];
                            }
                        }
                        finish(i, a, into);
                    }
                }
            }
            for (int i = 0; i < tail; i++) {
                value[order[i]] = 0;
            }
        }

        /** With a(v) summed for the person at search position i: adds delta_s(v) and sets coef(v). */
        private void finish(int i, double a, double[] into) {
            int v = order[i];
            double sv = sigmaAt[i];
            double d = sv * a;
            into[v] += d;
            if (squares) {
                into[value.length + v] += d * d;
            }
            value[v] = 1.0 / sv + a;
        }
    }
}
