package org.convene.matching;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Allowed pairs as an undirected graph in compressed rows: the neighbours of i are
 * {@code adj[start[i] .. start[i+1])}, best score first (ties by index), with their scores.
 */
final class Graph {
    final int[] start;
    final int[] adj;
    final int[] score;

    private Graph(int[] start, int[] adj, int[] score) {
        this.start = start;
        this.adj = adj;
        this.score = score;
    }

    int edgeCount() {
        return adj.length / 2;
    }

    /** Every allowed pair (for small rounds). */
    static Graph complete(Matcher.Instance in) {
        int n = in.n;
        int[][] lists = new int[n][];
        int[] buf = new int[n];
        for (int i = 0; i < n; i++) {
            int k = 0;
            for (int j = i + 1; j < n; j++) {
                if (in.allowed(i, j)) {
                    buf[k++] = j;
                }
            }
            lists[i] = Arrays.copyOf(buf, k);
        }
        return symmetric(in, lists);
    }

    /**
     * For each person the best {@code k} allowed partners among those sharing an interest or the
     * place (each interest's and the place's list of people is sampled in a window at a seeded
     * random offset when it is long), plus up to {@code random} random allowed partners.
     */
    static Graph candidates(Matcher.Instance in, int k, int random, long seed) {
        int n = in.n;
        int[][] byInterest = postings(n, in.interestCount, i -> in.interests[i]);
        int[][] byPlace = postings(n, in.placeCount, i -> in.place[i] < 0 ? new int[0] : new int[] {in.place[i]});
        int[][] lists = new int[n][];
        ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(() -> new Scratch(n, k));
        long t0 = System.nanoTime();
        IntStream.range(0, n).parallel().forEach(i -> lists[i] = pick(in, i, k, random, seed, byInterest, byPlace, scratch.get()));
        long t1 = System.nanoTime();
        Graph g = symmetric(in, lists);
        if (Boolean.getBoolean("convene.match.debug")) {
            System.err.printf("match phase pick: %.3f s, symmetric: %.3f s%n", (t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9);
        }
        return g;
    }

    private static final class Scratch {
        final int[] mark;
        int stamp;
        int[] touched;
        long[] keys;

        Scratch(int n, int k) {
            mark = new int[n];
            touched = new int[16 * k + 64];
            keys = new long[16 * k + 64];
        }
    }

    private static int[] pick(Matcher.Instance in, int i, int k, int random, long seed, int[][] byInterest, int[][] byPlace, Scratch s) {
        SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i * 0xC2B2AE3D27D4EB4FL + 1);
        int stamp = ++s.stamp;
        if (stamp == 0) {
            Arrays.fill(s.mark, 0);
            stamp = s.stamp = 1;
        }
        s.mark[i] = stamp;
        int[] mine = in.interests[i];
        int window = Math.max(2 * k, (8 * k) / Math.max(1, mine.length));
        int touched = 0;
        for (int t = 0; t <= mine.length; t++) {
            int[] list = t < mine.length ? byInterest[mine[t]] : in.place[i] >= 0 ? byPlace[in.place[i]] : null;
            if (list == null) {
                continue;
            }
            int len = list.length;
            int take = Math.min(len, t < mine.length ? window : 2 * k);
            int from = len > take ? rng.nextInt(len) : 0;
            for (int x = 0; x < take; x++) {
                int j = list[(from + x) % len];
                if (s.mark[j] != stamp) {
                    s.mark[j] = stamp;
                    if (touched == s.touched.length) {
                        s.touched = Arrays.copyOf(s.touched, touched * 2);
                    }
                    s.touched[touched++] = j;
                }
            }
        }
        if (s.keys.length < touched) {
            s.keys = new long[touched];
        }
        int kept = 0;
        for (int x = 0; x < touched; x++) {
            int j = s.touched[x];
            if (in.allowed(i, j)) {
                s.keys[kept++] = ((long) (1000 - in.score(i, j)) << 32) | j;
            }
        }
        Arrays.sort(s.keys, 0, kept);
        int best = Math.min(kept, k);
        int[] out = new int[best + random];
        for (int x = 0; x < best; x++) {
            out[x] = (int) s.keys[x];
        }
        // Random allowed partners: everyone gets some candidates, also without shared interests.
        int extra = 0;
        int n = in.n;
        for (int tries = 0; tries < 4 * random && extra < random; tries++) {
            int j = rng.nextInt(n);
            if (s.mark[j] != stamp && in.allowed(i, j)) {
                s.mark[j] = stamp;
                out[best + extra++] = j;
            } else if (s.mark[j] != stamp) {
                s.mark[j] = stamp;
            }
        }
        return best + extra == out.length ? out : Arrays.copyOf(out, best + extra);
    }

    private static int[][] postings(int n, int keys, java.util.function.IntFunction<int[]> of) {
        int[] count = new int[keys];
        for (int i = 0; i < n; i++) {
            for (int t : of.apply(i)) {
                count[t]++;
            }
        }
        int[][] lists = new int[keys][];
        for (int t = 0; t < keys; t++) {
            lists[t] = new int[count[t]];
        }
        Arrays.fill(count, 0);
        for (int i = 0; i < n; i++) {
            for (int t : of.apply(i)) {
                lists[t][count[t]++] = i;
            }
        }
        return lists;
    }

    /** Makes the lists symmetric, removes duplicates and sorts each row by score (best first). */
    static Graph symmetric(Matcher.Instance in, int[][] lists) {
        int n = in.n;
        int[] deg = new int[n + 1];
        for (int i = 0; i < n; i++) {
            deg[i] += lists[i].length;
            for (int j : lists[i]) {
                deg[j]++;
            }
        }
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) {
            start[i + 1] = start[i] + deg[i];
        }
        int[] fill = Arrays.copyOf(start, n);
        int[] adj = new int[start[n]];
        for (int i = 0; i < n; i++) {
            for (int j : lists[i]) {
                adj[fill[i]++] = j;
                adj[fill[j]++] = i;
            }
            lists[i] = null;
        }
        // Per row: dedupe, then order by score. Rows are independent, so in parallel.
        int[] length = new int[n];
        long[][] rowKeys = new long[n][];
        IntStream.range(0, n).parallel().forEach(i -> {
            int from = start[i];
            int to = start[i + 1];
            Arrays.sort(adj, from, to);
            int w = from;
            for (int p = from; p < to; p++) {
                if (p == from || adj[p] != adj[p - 1]) {
                    adj[w++] = adj[p];
                }
            }
            long[] keys = new long[w - from];
            for (int p = from; p < w; p++) {
                int j = adj[p];
                keys[p - from] = ((long) (1000 - in.score(i, j)) << 32) | j;
            }
            Arrays.sort(keys);
            for (int p = 0; p < keys.length; p++) {
                adj[from + p] = (int) keys[p];
            }
            length[i] = keys.length;
            rowKeys[i] = keys;
        });
        int[] cStart = new int[n + 1];
        for (int i = 0; i < n; i++) {
            cStart[i + 1] = cStart[i] + length[i];
        }
        int[] cAdj = new int[cStart[n]];
        int[] cScore = new int[cStart[n]];
        for (int i = 0; i < n; i++) {
            System.arraycopy(adj, start[i], cAdj, cStart[i], length[i]);
        }
        IntStream.range(0, n).parallel().forEach(i -> {
            long[] keys = rowKeys[i];
            for (int p = cStart[i]; p < cStart[i + 1]; p++) {
                cScore[p] = 1000 - (int) (keys[p - cStart[i]] >>> 32);
            }
            rowKeys[i] = null;
        });
        return new Graph(cStart, cAdj, cScore);
    }
}
