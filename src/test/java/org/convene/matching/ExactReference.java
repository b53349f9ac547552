package org.convene.matching;

import java.util.Arrays;

/**
 * The exact optimum of a round over a given set of allowed pairs E: a matching with the most
 * pairs and, among those, the highest total score, with a proof.
 *
 * <p>Each pair gets the weight W = 2 (B + score) with B = (n/2) maxScore + 1, so that one more pair
 * outweighs any difference in score and a maximum-weight matching is one of maximum cardinality
 * with the highest score. The weighted blossom algorithm ({@link ReferenceBlossom}) is run on a
 * subset of E (each person's few best pairs) and its final LP dual solution is checked against
 * every pair of E ("pricing"): pairs whose dual constraint is violated are added and the subset
 * solved again, until no pair of E is violated. The result is then certified by LP duality over
 * all of E: the duals are non-negative, satisfy y_i + y_j + sum of z over the odd sets holding
 * both i and j >= W(i, j) for every pair of E, and their objective equals the matching's weight.
 * Any failure of that proof throws, so a returned result is a true optimum over E.
 */
final class ExactReference {
    private ExactReference() {
    }

    record Result(int[] mate, long pairs, long score, int solves, int edgesSolved, double seconds) {
    }

    /** eu/ev/score: the pairs E (each once, eu != ev); startK: best pairs per person to start with. */
    static Result solve(int n, int[] eu, int[] ev, int[] score, int startK) {
        return solve(n, eu, ev, score, startK, true);
    }

    static Result solve(int n, int[] eu, int[] ev, int[] score, int startK, boolean multiAugment) {
        return solve(n, eu, ev, score, startK, multiAugment, 0);
    }

    /** As above; throws {@link ReferenceBlossom.TimedOut} after {@code limitSeconds} (0: no limit). */
    static Result solve(int n, int[] eu, int[] ev, int[] score, int startK, boolean multiAugment, double limitSeconds) {
        long start = System.nanoTime();
        long deadline = limitSeconds > 0 ? start + (long) (limitSeconds * 1e9) : 0;
        int m = eu.length;
        int maxScore = 1;
        for (int s : score) {
            if (s < 1) {
                throw new IllegalArgumentException("scores are at least 1");
            }
            maxScore = Math.max(maxScore, s);
        }
        long big = (long) (n / 2) * maxScore + 1;
        boolean[] in = startSubset(n, eu, ev, score, startK);
        int solves = 0;
        while (true) {
            int k = 0;
            for (int e = 0; e < m; e++) {
                if (in[e]) {
                    k++;
                }
            }
            int[] su = new int[k];
            int[] sv = new int[k];
            long[] sw = new long[k];
            int[] orig = new int[k];
            k = 0;
            for (int e = 0; e < m; e++) {
                if (in[e]) {
                    su[k] = eu[e];
                    sv[k] = ev[e];
                    sw[k] = 2 * (big + score[e]);
                    orig[k] = e;
                    k++;
                }
            }
            ReferenceBlossom.Solution sol = onBigStack(() -> ReferenceBlossom.solveWithDuals(n, su, sv, sw, multiAugment, deadline));
            solves++;
            if (Boolean.getBoolean("bench.debug")) {
                System.out.printf("  reference solve %d: %d edges, %d stages, %d delta steps over %d touched, %.2f s so far%n", solves, k, sol.stages(), sol.deltaSteps(), sol.touchedSum(), (System.nanoTime() - start) / 1e9);
            }
            Duals d = new Duals(n, sol);
            int added = 0;
            for (int e = 0; e < m; e++) {
                if (d.slack(eu[e], ev[e], 2 * (big + score[e])) < 0) {
                    if (in[e]) {
                        throw new IllegalStateException("dual infeasible on a solved edge: solver bug");
                    }
                    in[e] = true;
                    added++;
                }
            }
            if (added > 0) {
                continue;
            }
            // Certificate over all of E.
            int[] mate = sol.mate();
            long pairs = 0;
            long total = 0;
            long weight2 = 0;
            for (int x = 0; x < k; x++) {
                if (mate[su[x]] == sv[x]) {
                    if (mate[sv[x]] != su[x]) {
                        throw new IllegalStateException("mate not symmetric");
                    }
                    pairs++;
                    total += score[orig[x]];
                    weight2 += 2 * sw[x];
                }
            }
            long matchedVertices = Arrays.stream(mate).filter(v -> v >= 0).count();
            if (matchedVertices != 2 * pairs) {
                throw new IllegalStateException("matched to a non-edge");
            }
            if (d.objective() != weight2) {
                throw new IllegalStateException("dual objective " + d.objective() + " != primal " + weight2 + ": not optimal");
            }
            return new Result(mate, pairs, total, solves, k, (System.nanoTime() - start) / 1e9);
        }
    }

    /** The blossom code recurses as deep as blossoms nest (thousands at 50,000 people). */
    private static <T> T onBigStack(java.util.function.Supplier<T> work) {
        Object[] result = new Object[1];
        Throwable[] failure = new Throwable[1];
        Thread t = new Thread(null, () -> {
            try {
                result[0] = work.get();
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "reference-blossom", 1L << 30);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (failure[0] instanceof RuntimeException r) {
            throw r;
        }
        if (failure[0] != null) {
            throw new IllegalStateException(failure[0]);
        }
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }

    private static boolean[] startSubset(int n, int[] eu, int[] ev, int[] score, int startK) {
        int m = eu.length;
        boolean[] in = new boolean[m];
        int[] deg = new int[n + 1];
        for (int e = 0; e < m; e++) {
            deg[eu[e] + 1]++;
            deg[ev[e] + 1]++;
        }
        for (int v = 0; v < n; v++) {
            deg[v + 1] += deg[v];
        }
        int[] fill = Arrays.copyOf(deg, n);
        int[] inc = new int[2 * m];
        for (int e = 0; e < m; e++) {
            inc[fill[eu[e]]++] = e;
            inc[fill[ev[e]]++] = e;
        }
        int maxScore = Arrays.stream(score).max().orElse(1);
        int[] count = new int[maxScore + 2];
        for (int v = 0; v < n; v++) {
            // threshold score so that about startK of v's pairs are at or above it
            Arrays.fill(count, 0);
            for (int p = deg[v]; p < deg[v + 1]; p++) {
                count[score[inc[p]]]++;
            }
            int taken = 0;
            for (int s = maxScore; s >= 1; s--) {
                for (int p = deg[v]; p < deg[v + 1] && taken < startK && count[s] > 0; p++) {
                    if (score[inc[p]] == s) {
                        in[inc[p]] = true;
                        taken++;
                    }
                }
                if (taken >= startK) {
                    break;
                }
            }
        }
        return in;
    }

    /** The final duals, with the odd sets (blossoms) as a forest over the vertices. */
    private static final class Duals {
        private final long[] u;
        private final int[][] chain;       // per vertex: its blossoms, outermost first
        private final long[] z;
        private final long objective;

        Duals(int n, ReferenceBlossom.Solution sol) {
            u = sol.vertexDual();
            z = sol.blossomDual();
            int[] parent = sol.blossomParent();
            boolean[] inUse = sol.blossomInUse();
            chain = new int[n][];
            int[] size = new int[2 * n];
            long obj = 0;
            for (int v = 0; v < n; v++) {
                if (u[v] < 0) {
                    throw new IllegalStateException("negative vertex dual");
                }
                obj += u[v];
                int depth = 0;
                for (int b = parent[v]; b != -1; b = parent[b]) {
                    if (b < n || !inUse[b]) {
                        throw new IllegalStateException("broken blossom forest");
                    }
                    depth++;
                }
                int[] c = new int[depth];
                int x = depth;
                for (int b = parent[v]; b != -1; b = parent[b]) {
                    c[--x] = b;
                    size[b]++;
                }
                chain[v] = c;
            }
            for (int b = n; b < 2 * n; b++) {
                if (inUse[b] && size[b] > 0) {
                    if (z[b] < 0) {
                        throw new IllegalStateException("negative blossom dual");
                    }
                    if (size[b] % 2 == 0) {
                        throw new IllegalStateException("even blossom");
                    }
                    // odd-set constraint x(E(S)) <= (|S|-1)/2 has dual z; in units of 2 x LP
                    obj += z[b] * (size[b] - 1);
                }
            }
            objective = obj;
        }

        /** Twice the LP slack of the pair's constraint (van Rantwijk's units): >= 0 if feasible. */
        long slack(int i, int j, long w) {
            long s = u[i] + u[j] - 2 * w;
            int[] ci = chain[i];
            int[] cj = chain[j];
            for (int x = 0; x < ci.length && x < cj.length && ci[x] == cj[x]; x++) {
                s += 2 * z[ci[x]];
            }
            return s;
        }

        /** Twice the LP dual objective. */
        long objective() {
            return objective;
        }
    }
}
