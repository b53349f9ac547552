package org.convene.matching;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Allowed pairs as an undirected graph in compressed rows: the neighbours of i are
 * {@code adj[start[i] .. start[i+1])}, best score first (ties by index), with their scores (the
 * arrays may be longer than {@code start[n]}).
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
        return start[start.length - 1] / 2;
    }

    /** Every allowed pair (for small rounds). */
    static Graph complete(Matcher.Instance in) {
        int n = in.n;
        int[] from = new int[n];
        int[] len = new int[n];
        int total = 0;
        for (int i = 0; i < n; i++) {
            from[i] = total;
            for (int j = i + 1; j < n; j++) {
                if (in.allowed(i, j)) {
                    len[i]++;
                }
            }
            total += len[i];
        }
        int[] adj = new int[total];
        int[] score = new int[total];
        for (int i = 0; i < n; i++) {
            int p = from[i];
            for (int j = i + 1; j < n; j++) {
                if (in.allowed(i, j)) {
                    adj[p] = j;
                    score[p++] = in.score(i, j);
                }
            }
        }
        return symmetric(n, from, len, adj, score);
    }

    private static final boolean DEBUG = Boolean.getBoolean("convene.match.debug");

    /**
     * For each person the best {@code k} allowed partners among those sharing an interest or the
     * place (each interest's and the place's list of people is sampled in a window at a seeded
     * random offset when it is long), plus up to {@code random} random allowed partners.
     *
     * <p>The lists carry each entry's sector, organisation, place and interest signature, so a
     * window is read sequentially and most entries get their exact score without touching the
     * person's own record (the entry's copy of its interests is read only when a hashed
     * signature bit is shared); history and blocks are checked for the best entries only.
     * Each person's result depends only on the seed and the person, so the parallel loop gives
     * the same graph on any number of threads.
     */
    /** Rounds of up to this many people read every interest list whole when picking candidates. */
    static final int FULL_LISTS = Integer.getInteger("convene.match.fullLists", 20_000);
    /**
     * Larger rounds of up to this many people also read whole lists of the people with each pair
     * of interests, so everyone sharing two or more interests with a person is found exactly (those
     * lists are far shorter than whole interest lists: about 5 x fewer entries read at 50,000).
     */
    static final int PAIR_LISTS = Integer.getInteger("convene.match.pairLists", 50_000);

    static Graph candidates(Matcher.Instance in, int k, int random, long seed) {
        int n = in.n;
        long t0 = System.nanoTime();
        Postings post = new Postings(in, n > FULL_LISTS && n <= PAIR_LISTS);
        int width = k + random;
        if ((long) n * width > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("Too many people for the candidate graph: " + n);
        }
        int[] outAdj = new int[n * width];
        int[] outScore = new int[n * width];
        int[] outLen = new int[n];
        int[] outFrom = new int[n];
        for (int i = 0; i < n; i++) {
            outFrom[i] = i * width;
        }
        long t1 = System.nanoTime();
        ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(() -> new Scratch(in.maxScore, k));
        IntStream.range(0, n).parallel().forEach(i ->
                outLen[i] = pick(in, post, i, k, random, seed, scratch.get(), outAdj, outScore, i * width));
        long t2 = System.nanoTime();
        Graph g = symmetric(n, outFrom, outLen, outAdj, outScore);
        if (DEBUG) {
            System.err.printf("match phase postings: %.3f s, pick: %.3f s, symmetric: %.3f s%n",
                    (t1 - t0) / 1e9, (t2 - t1) / 1e9, (System.nanoTime() - t2) / 1e9);
        }
        return g;
    }

    /** The people of each interest, then of each place, with copies of what the picking reads. */
    static final class Postings {
        /**
         * Entry e is {@code rec[4e .. 4e+3]}: person << 32 | place (as unsigned int), sector << 32 |
         * organisation, and two signature words: the 64 most common interests have a bit of their
         * own in the first, the others share the 64 bits of the second by hashing. Side by side so
         * that an entry is one memory read.
         */
        final int[] start;      // list t (interest t, then place interestCount + p) is start[t] .. start[t+1]
        final long[] rec;
        final int[] topicStart; // entry e's interests are topics[topicStart[e] .. topicStart[e+1])
        final int[] topics;
        final long[] sigOf;     // per person: the two words
        final long[] bitOf;     // per interest t: its bit in word 0 at t, in word 1 at count + t

        /** Sorted keys (a x interestCount + b, a < b) of the pairs of interests that have lists, or none. */
        final long[] pairKeys;
        /** The first pair list's number (lists of interests, then places, then pairs). */
        final int pairBase;

        Postings(Matcher.Instance in, boolean pairs) {
            int n = in.n;
            pairBase = in.interestCount + in.placeCount;
            pairKeys = pairs ? pairKeys(in) : new long[0];
            int lists = pairBase + pairKeys.length;
            int[] count = new int[lists + 1];
            for (int i = 0; i < n; i++) {
                for (int t : in.interests[i]) {
                    count[t]++;
                }
                if (in.place[i] >= 0) {
                    count[in.interestCount + in.place[i]]++;
                }
                forEachPairList(in, i, l -> count[l]++);
            }
            // Signature bits: the most common interests get their own bit, the others share.
            Integer[] byCount = new Integer[in.interestCount];
            for (int t = 0; t < byCount.length; t++) {
                byCount[t] = t;
            }
            java.util.Arrays.sort(byCount, (a, b) -> count[a] != count[b] ? Integer.compare(count[b], count[a]) : Integer.compare(a, b));
            int topicCount = in.interestCount;
            bitOf = new long[2 * topicCount];
            for (int r = 0; r < byCount.length; r++) {
                int t = byCount[r];
                if (r < 64) {
                    bitOf[t] = 1L << r;
                } else {
                    bitOf[topicCount + t] = 1L << (int) ((t + 1) * 0x9E3779B97F4A7C15L >>> 58);
                }
            }
            sigOf = new long[2 * n];
            for (int i = 0; i < n; i++) {
                long x = 0;
                long y = 0;
                for (int t : in.interests[i]) {
                    x |= bitOf[t];
                    y |= bitOf[topicCount + t];
                }
                sigOf[2 * i] = x;
                sigOf[2 * i + 1] = y;
            }
            start = new int[lists + 1];
            for (int t = 0; t < lists; t++) {
                start[t + 1] = start[t] + count[t];
            }
            int total = start[lists];
            if (4L * total > Integer.MAX_VALUE - 16) {
                throw new IllegalArgumentException("Too many interests for the candidate graph: " + total);
            }
            rec = new long[4 * total];
            // Each list's entries keep their interests side by side in the same order.
            long[] topicsIn = new long[lists + 1];
            for (int i = 0; i < n; i++) {
                int len = in.interests[i].length;
                for (int t : in.interests[i]) {
                    topicsIn[t + 1] += len;
                }
                if (in.place[i] >= 0) {
                    topicsIn[in.interestCount + in.place[i] + 1] += len;
                }
                forEachPairList(in, i, l -> topicsIn[l + 1] += len);
            }
            for (int t = 0; t < lists; t++) {
                topicsIn[t + 1] += topicsIn[t];
            }
            if (topicsIn[lists] > Integer.MAX_VALUE - 16) {
                throw new IllegalArgumentException("Too many interests for the candidate graph: " + topicsIn[lists]);
            }
            topicStart = new int[total + 1];
            topics = new int[(int) topicsIn[lists]];
            int[] fill = Arrays.copyOf(start, lists);
            int[] topicFill = new int[lists];
            for (int t = 0; t < lists; t++) {
                topicFill[t] = (int) topicsIn[t];
            }
            for (int i = 0; i < n; i++) {
                int[] mine = in.interests[i];
                for (int t : mine) {
                    put(in, fill[t]++, i, topicFill, t);
                }
                if (in.place[i] >= 0) {
                    int l = in.interestCount + in.place[i];
                    put(in, fill[l]++, i, topicFill, l);
                }
                int person = i;
                forEachPairList(in, i, l -> put(in, fill[l]++, person, topicFill, l));
            }
            topicStart[total] = topics.length;
        }

        /** Every pair of interests someone has, sorted and once each. */
        private static long[] pairKeys(Matcher.Instance in) {
            long t = in.interestCount;
            int total = 0;
            for (int[] mine : in.interests) {
                total += mine.length * (mine.length - 1) / 2;
            }
            long[] keys = new long[total];
            int k = 0;
            for (int[] mine : in.interests) {
                for (int a = 0; a < mine.length; a++) {
                    for (int b = a + 1; b < mine.length; b++) {
                        keys[k++] = mine[a] * t + mine[b];
                    }
                }
            }
            Arrays.sort(keys);
            int distinct = 0;
            for (int x = 0; x < keys.length; x++) {
                if (x == 0 || keys[x] != keys[x - 1]) {
                    keys[distinct++] = keys[x];
                }
            }
            return Arrays.copyOf(keys, distinct);
        }

        /** The lists of i's pairs of interests (none without pair lists). */
        void forEachPairList(Matcher.Instance in, int i, java.util.function.IntConsumer sink) {
            if (pairKeys.length == 0) {
                return;
            }
            int[] mine = in.interests[i];
            long t = in.interestCount;
            for (int a = 0; a < mine.length; a++) {
                for (int b = a + 1; b < mine.length; b++) {
                    sink.accept(pairBase + Arrays.binarySearch(pairKeys, mine[a] * t + mine[b]));
                }
            }
        }

        int who(int e) {
            return (int) (rec[4 * e] >>> 32);
        }

        /** Interests shared by entry e and the sorted interests {@code mine}. */
        int shared(int e, int[] mine) {
            int x = topicStart[e];
            int end = topicStart[e + 1];
            int y = 0;
            int c = 0;
            while (x < end && y < mine.length) {
                int a = topics[x];
                int b = mine[y];
                if (a < b) {
                    x++;
                } else if (a > b) {
                    y++;
                } else {
                    c++;
                    x++;
                    y++;
                }
            }
            return c;
        }

        private void put(Matcher.Instance in, int e, int i, int[] topicFill, int list) {
            rec[4 * e] = ((long) i << 32) | (in.place[i] & 0xFFFFFFFFL);
            rec[4 * e + 1] = ((long) in.sector[i] << 32) | (in.org[i] & 0xFFFFFFFFL);
            rec[4 * e + 2] = sigOf[2 * i];
            rec[4 * e + 3] = sigOf[2 * i + 1];
            int[] mine = in.interests[i];
            topicStart[e] = topicFill[list];
            System.arraycopy(mine, 0, topics, topicFill[list], mine.length);
            topicFill[list] += mine.length;
        }
    }

    private static final class Scratch {
        final int[] head;
        int[] cand;
        int[] next;
        int[] seenKey;
        int[] seenStamp;
        byte[] seenState;
        int stamp;

        Scratch(int maxScore, int k) {
            head = new int[maxScore + 2];
            cand = new int[64 * k + 64];
            next = new int[cand.length];
            seenKey = new int[Integer.highestOneBit(cand.length) * 4];
            seenStamp = new int[seenKey.length];
            seenState = new byte[seenKey.length];
        }

        void ensure(int size, int distinct) {
            if (size > cand.length) {
                int c = Math.max(size, 2 * cand.length);
                cand = Arrays.copyOf(cand, c);
                next = Arrays.copyOf(next, c);
            }
            if (2 * distinct > seenKey.length) {
                int c = Integer.highestOneBit(distinct) * 4;
                seenKey = new int[c];
                seenStamp = new int[c];
                seenState = new byte[c];
                stamp = 0;
            }
        }

        void clearSeen() {
            if (++stamp == 0) {
                Arrays.fill(seenStamp, 0);
                stamp = 1;
            }
        }

        /** The slot of j in the seen table (state 0 when new). */
        int slot(int j) {
            int mask = seenKey.length - 1;
            for (int h = (j * 0x9E3779B9) >>> 7 & mask; ; h = (h + 1) & mask) {
                if (seenStamp[h] != stamp) {
                    seenStamp[h] = stamp;
                    seenKey[h] = j;
                    seenState[h] = 0;
                    return h;
                }
                if (seenKey[h] == j) {
                    return h;
                }
            }
        }
    }

    private static final byte DONE = 1;

    private static int pick(Matcher.Instance in, Postings post, int i, int k, int random, long seed, Scratch s,
                            int[] outAdj, int[] outScore, int out) {
        SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i * 0xC2B2AE3D27D4EB4FL + 1);
        int[] mine = in.interests[i];
        // Up to FULL_LISTS people every interest list is read whole, so each person's best
        // partners are found exactly (a few million entries); above, a random window of each list.
        int window = in.n <= FULL_LISTS ? Integer.MAX_VALUE : Math.max(2 * k, (8 * k) / Math.max(1, mine.length));
        int myPlace = in.place[i];
        // The lists read: i's interests (windows above FULL_LISTS), i's place (a window), then the
        // lists of i's pairs of interests when there are such lists (whole).
        int pairLists = post.pairKeys.length == 0 ? 0 : mine.length * (mine.length - 1) / 2;
        int lists = mine.length + (myPlace >= 0 ? 1 : 0) + pairLists;
        int[] listOf = new int[lists];
        int[] takeOf = new int[lists];
        for (int t = 0; t < mine.length; t++) {
            listOf[t] = mine[t];
            takeOf[t] = window;
        }
        if (myPlace >= 0) {
            listOf[mine.length] = in.interestCount + myPlace;
            takeOf[mine.length] = 2 * k;
        }
        int[] nextList = {mine.length + (myPlace >= 0 ? 1 : 0)};
        post.forEachPairList(in, i, l -> {
            listOf[nextList[0]] = l;
            takeOf[nextList[0]++] = Integer.MAX_VALUE;
        });
        int most = 0;
        for (int t = 0; t < lists; t++) {
            int l = listOf[t];
            most += Math.min(post.start[l + 1] - post.start[l], takeOf[t]);
        }
        s.ensure(most, most + 4 * random);
        int top = in.maxScore;
        Arrays.fill(s.head, 0, top + 1, -1);
        int mySector = in.sector[i];
        int myOrg = in.org[i];
        long mySig = post.sigOf[2 * i];
        long hashedMine = post.sigOf[2 * i + 1];
        int topicCount = in.interestCount;
        int c = 0;
        for (int t = 0; t < lists; t++) {
            int l = listOf[t];
            int from = post.start[l];
            int len = post.start[l + 1] - from;
            int take = Math.min(len, takeOf[t]);
            int off = len > take ? rng.nextInt(len) : 0;
            // Everyone in the list of interest t has t: its bit needs no check unless another of
            // i's interests has the same bit.
            long checkMask = hashedMine;
            if (t < mine.length) {
                long own = post.bitOf[topicCount + mine[t]];
                long others = 0;
                for (int u = 0; u < mine.length; u++) {
                    others |= u == t ? 0 : post.bitOf[topicCount + mine[u]];
                }
                if ((own & others) == 0) {
                    checkMask &= ~own;
                }
            }
            for (int x = 0; x < take; x++) {
                int e = off + x;
                e = from + (e >= len ? e - len : e);
                long so = post.rec[4 * e + 1];
                if ((int) (so >>> 32) == mySector || (int) so == myOrg) {
                    continue;
                }
                long head = post.rec[4 * e];
                long sj = post.rec[4 * e + 2];
                long hj = post.rec[4 * e + 3];
                // The signature counts shared interests exactly unless a hashed bit other than
                // the list's own is shared: then count them from the entry's copy of the interests.
                int shared = (hj & checkMask) == 0 ? Long.bitCount(sj & mySig) + Long.bitCount(hj & hashedMine)
                        : post.shared(e, mine);
                int score = 1 + 3 * shared + (myPlace >= 0 && (int) head == myPlace ? 1 : 0);
                s.cand[c] = (int) (head >>> 32);
                s.next[c] = s.head[score];
                s.head[score] = c++;
            }
        }
        // Best score first (within a score, the later lists first), each person once.
        s.clearSeen();
        int kept = 0;
        for (int b = top; b >= 1 && kept < k; b--) {
            for (int x = s.head[b]; x >= 0 && kept < k; x = s.next[x]) {
                int j = s.cand[x];
                int h = s.slot(j);
                if (s.seenState[h] == DONE) {
                    continue;
                }
                s.seenState[h] = DONE;
                if (!in.banned(i, j)) {
                    outAdj[out + kept] = j;
                    outScore[out + kept] = b;
                    kept++;
                }
            }
        }
        // Random allowed partners: everyone gets some candidates, also without shared interests.
        // They are drawn as random entries of the lists (one memory read each, rather than a
        // person's scattered fields), so people with more interests are a little more likely.
        int extra = 0;
        int entries = post.start[post.start.length - 1];
        for (int tries = 0; tries < 4 * random && extra < random && entries > 0; tries++) {
            int e = rng.nextInt(entries);
            long head = post.rec[4 * e];
            int j = (int) (head >>> 32);
            int h = s.slot(j);
            if (s.seenState[h] == DONE || j == i) {
                continue;
            }
            s.seenState[h] = DONE;
            long so = post.rec[4 * e + 1];
            if ((int) (so >>> 32) == mySector || (int) so == myOrg || in.banned(i, j)) {
                continue;
            }
            long sj = post.rec[4 * e + 2];
            int shared = (post.rec[4 * e + 3] & hashedMine) == 0 ? Long.bitCount(sj & mySig) : post.shared(e, mine);
            outAdj[out + kept + extra] = j;
            outScore[out + kept + extra] = 1 + 3 * shared + (myPlace >= 0 && (int) head == myPlace ? 1 : 0);
            extra++;
        }
        // Nobody has an interest or a place: draw people instead.
        for (int tries = 0; tries < 4 * random && extra < random && entries == 0; tries++) {
            int j = rng.nextInt(in.n);
            int h = s.slot(j);
            if (s.seenState[h] == DONE) {
                continue;
            }
            s.seenState[h] = DONE;
            if (in.allowed(i, j)) {
                outAdj[out + kept + extra] = j;
                outScore[out + kept + extra] = in.score(i, j);
                extra++;
            }
        }
        return kept + extra;
    }

    /** Rows per block when turning the directed lists around (a block's rows fit in cache). */
    private static final int BLOCK_BITS = 11;

    /**
     * Makes the directed lists (row i: {@code adj[from[i] .. from[i] + len[i])} with their scores)
     * symmetric, removes duplicates and sorts each row by score, best first, ties by index. The
     * reversed entries are first spread into blocks of rows (sequential writes), then each block
     * is filled and sorted on its own, in parallel. Rows are sorted by their full keys, so the
     * result does not depend on the order in which entries arrive in a row or on threads.
     */
    static Graph symmetric(int n, int[] from, int[] len, int[] outAdj, int[] outScore) {
        int blocks = (n >>> BLOCK_BITS) + 1;
        int chunks = Math.max(1, Math.min(64, n / 4096));
        int[] start = new int[n + 1];
        // Reversed entries per (chunk of source rows, block of target rows), counted in parallel.
        int[][] perChunk = new int[chunks][];
        IntStream.range(0, chunks).parallel().forEach(c -> {
            int[] count = new int[blocks];
            for (int i = chunkStart(c, chunks, n); i < chunkStart(c + 1, chunks, n); i++) {
                for (int p = from[i]; p < from[i] + len[i]; p++) {
                    count[outAdj[p] >>> BLOCK_BITS]++;
                }
            }
            perChunk[c] = count;
        });
        for (int i = 0; i < n; i++) {
            for (int p = from[i]; p < from[i] + len[i]; p++) {
                start[outAdj[p] + 1]++;
            }
        }
        for (int i = 0; i < n; i++) {
            start[i + 1] += start[i] + len[i];
        }
        long[] bucket = new long[start[n] - sum(len)];
        int[] blockStart = new int[blocks + 1];
        int[][] offset = new int[chunks][blocks];
        int at = 0;
        for (int b = 0; b < blocks; b++) {
            blockStart[b] = at;
            for (int c = 0; c < chunks; c++) {
                offset[c][b] = at;
                at += perChunk[c][b];
            }
        }
        blockStart[blocks] = at;
        IntStream.range(0, chunks).parallel().forEach(c -> {
            int[] fill = offset[c];
            for (int i = chunkStart(c, chunks, n); i < chunkStart(c + 1, chunks, n); i++) {
                for (int p = from[i]; p < from[i] + len[i]; p++) {
                    int j = outAdj[p];
                    bucket[fill[j >>> BLOCK_BITS]++] = ((long) (j & ((1 << BLOCK_BITS) - 1)) << 48)
                            | ((long) outScore[p] << 32) | i;
                }
            }
        });
        int total = start[n];
        int[] adj = new int[total];
        int[] score = new int[total];
        int[] length = new int[n];
        ThreadLocal<long[]> keysOf = ThreadLocal.withInitial(() -> new long[256]);
        IntStream.range(0, blocks).parallel().forEach(b -> {
            int lo = b << BLOCK_BITS;
            int hi = Math.min(n, lo + (1 << BLOCK_BITS));
            if (lo >= hi) {
                return;
            }
            int[] fill = new int[hi - lo];
            for (int i = lo; i < hi; i++) {
                System.arraycopy(outAdj, from[i], adj, start[i], len[i]);
                System.arraycopy(outScore, from[i], score, start[i], len[i]);
                fill[i - lo] = start[i] + len[i];
            }
            for (int q = blockStart[b]; q < blockStart[b + 1]; q++) {
                long key = bucket[q];
                int a = fill[(int) (key >>> 48)]++;
                adj[a] = (int) key;
                score[a] = (int) (key >>> 32) & 0xFFFF;
            }
            // Per row: sort by (score desc, index), drop repeats.
            for (int i = lo; i < hi; i++) {
                int a = start[i];
                int m = start[i + 1] - a;
                long[] keys = keysOf.get();
                if (keys.length < m) {
                    keys = new long[Math.max(m, 2 * keys.length)];
                    keysOf.set(keys);
                }
                for (int p = 0; p < m; p++) {
                    keys[p] = ((long) (Integer.MAX_VALUE - score[a + p]) << 32) | adj[a + p];
                }
                Arrays.sort(keys, 0, m);
                int w = 0;
                for (int p = 0; p < m; p++) {
                    if (p == 0 || keys[p] != keys[p - 1]) {
                        adj[a + w] = (int) keys[p];
                        score[a + w] = Integer.MAX_VALUE - (int) (keys[p] >>> 32);
                        w++;
                    }
                }
                length[i] = w;
            }
        });
        int[] cStart = new int[n + 1];
        for (int i = 0; i < n; i++) {
            cStart[i + 1] = cStart[i] + length[i];
        }
        if (cStart[n] == total) {
            return new Graph(start, adj, score);
        }
        // Close the gaps left by repeats in place (rows move left); the arrays keep their tails.
        for (int i = 0; i < n; i++) {
            System.arraycopy(adj, start[i], adj, cStart[i], length[i]);
            System.arraycopy(score, start[i], score, cStart[i], length[i]);
        }
        return new Graph(cStart, adj, score);
    }

    private static int chunkStart(int c, int chunks, int n) {
        return (int) ((long) n * c / chunks);
    }

    private static int sum(int[] values) {
        int total = 0;
        for (int v : values) {
            total += v;
        }
        return total;
    }
}
