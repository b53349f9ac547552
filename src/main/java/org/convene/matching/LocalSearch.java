package org.convene.matching;

/**
 * The scalable method on a candidate graph: a greedy start, then augmenting paths (more people
 * paired) and alternating-cycle search (a higher total), repeated until nothing improves or the
 * deadline passes; then an exact re-solve of the whole candidate graph (small rounds) or of
 * windows of it (larger rounds). No step ever pairs fewer people. Weights add a bonus for covering someone left out last time, larger than any
 * single score, so that such people are placed first.
 */
final class LocalSearch {
    private static final int SEARCH_BUDGET = 400;
    private static final int DEPTH = 8;

    private final Matcher.Instance in;
    private final Graph g;
    private final long deadline;
    private final int n;
    private final int bonus;
    private final int[] mate;
    private final int[] mw;
    private final int[] visit;
    private int stamp;
    private int budget;

    LocalSearch(Matcher.Instance in, Graph g, long deadline) {
        this.in = in;
        this.g = g;
        this.deadline = deadline;
        this.n = in.n;
        this.bonus = in.maxScore + 1;
        this.mate = new int[n];
        this.mw = new int[n];
        this.visit = new int[n];
        java.util.Arrays.fill(mate, -1);
        // Up to 20,000 people the search runs until it stops helping; above, 60 steps per person
        // at 100,000, fewer for larger rounds (19 at 1,000,000), so that they end in time.
        long perPerson = WORK_PER_PERSON > 0 ? WORK_PER_PERSON
                : n <= 20_000 ? 10_000 : Math.max(15, Math.round(60 * Math.sqrt(100_000.0 / n)));
        this.workLimit = perPerson * n;
    }

    private int w(int i, int j, int score) {
        return score + bonus * ((in.prio[i] ? 1 : 0) + (in.prio[j] ? 1 : 0));
    }

    private void link(int a, int b, int weight) {
        mate[a] = b;
        mate[b] = a;
        mw[a] = weight;
        mw[b] = weight;
    }

    private boolean late() {
        return System.nanoTime() > deadline;
    }

    private static final boolean DEBUG = Boolean.getBoolean("convene.match.debug");

    private long phase(String name, long t0) {
        long t1 = System.nanoTime();
        if (DEBUG) {
            System.err.printf("match phase %s: %.3f s%n", name, (t1 - t0) / 1e9);
        }
        return t1;
    }

    int[] run() {
        long t = System.nanoTime();
        if (n <= FRACTIONAL_UP_TO) {
            fractionalStart();
            t = phase("fractional start", t);
        } else {
            suitor();
            t = phase("suitor", t);
        }
        boolean changed = true;
        int level = 0;
        boolean first = true;
        while (changed && (first || !late())) {
            // The first pass for cardinality runs even past the deadline (it is cheap).
            boolean a = augmentAll(first);
            first = false;
            t = phase("augment", t);
            if (CYCLES) {
                // Cheap searches first: each pass allows each start more work, up to the cap.
                cycleBudget = (int) Math.min(CYCLE_BUDGET, 50L << (2 * level));
                int b = cycles();
                t = phase("cycles (budget " + cycleBudget + ", " + b + " applied, work " + work + ")", t);
                boolean capped = cycleBudget == CYCLE_BUDGET;
                level++;
                changed = (a || !capped || b > n / CYCLE_STOP) && work < workLimit;
            } else {
                int b = improve();
                t = phase("2-opt", t);
                changed = a || b > n / 200;
            }
        }
        if (n <= FULL && !late()) {
            // Small enough to re-solve the whole candidate graph exactly (a single window).
            int[] everyone = new int[n];
            for (int x = 0; x < n; x++) {
                everyone[x] = x;
            }
            solveWindow(everyone, 0, new int[n], new int[n]);
            phase("whole candidate graph", t);
            return mate;
        }
        // Exact re-solve of windows of the candidate graph (several sweeps with shifted windows).
        // Rounds up to 20,000 people get up to 10 sweeps, stopping after 4 that each add under
        // 0.01 %; larger rounds none (after the cycle search one sweep took 1.7 s at 100,000
        // people and added nothing).
        int sweeps = WINDOW_SWEEPS > 0 ? WINDOW_SWEEPS : n <= 20_000 ? 10 : 0;
        int idle = 0;
        for (int sweep = 0; sweep < sweeps && !late(); sweep++) {
            fanout = FANOUTS[sweep % FANOUTS.length];
            long gain = windows(sweep);
            t = phase("windows", t);
            long total = 0;
            for (int x = 0; x < n; x++) {
                if (mate[x] > x) {
                    total += mw[x];
                }
            }
            if (gain == 0 || gain * 10_000 < total) {
                if (++idle >= PATIENCE) {
                    break;
                }
            } else {
                idle = 0;
            }
        }
        return mate;
    }

    // Read per run (not once per class) so that benchmarks can compare settings in one JVM.
    private final int WINDOW = Integer.getInteger("convene.match.window", 300);
    private final int WINDOW_SWEEPS = Integer.getInteger("convene.match.sweeps", 0);
    private final int[] FANOUTS = java.util.Arrays.stream(System.getProperty("convene.match.fanout", "30,12").split(","))
            .mapToInt(x -> Integer.parseInt(x.strip())).toArray();
    /** Rounds up to this size re-solve the whole candidate graph exactly instead of windows. */
    private final int FULL = Integer.getInteger("convene.match.full", 2500);
    private final int PATIENCE = Integer.getInteger("convene.match.patience", 4);
    private int fanout;

    /**
     * One sweep: the people are split into windows of about {@link #WINDOW} grown by breadth-first
     * search over pairs and their best candidates; each window (its pairs plus unpaired people it
     * reaches) is re-solved exactly by the blossom algorithm over the candidate edges inside it, in
     * maximum-cardinality mode, so no window ever pairs fewer people and its total never drops.
     */
    private long windows(int sweep) {
        int[] owner = new int[n];
        java.util.Arrays.fill(owner, -1);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.SplittableRandom rng = new java.util.SplittableRandom(0x5EEDL + sweep * 7919L + n);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int x = order[i];
            order[i] = order[j];
            order[j] = x;
        }
        // First cut the people into disjoint windows (a window's re-solve only re-pairs people
        // inside it, so cutting them all first gives the same windows as cutting one at a time),
        // then solve the windows in parallel: each writes only its own members' mates.
        java.util.List<int[]> windows = new java.util.ArrayList<>();
        int[] members = new int[WINDOW + 2];
        for (int s = 0; s < n; s++) {
            int seed = order[s];
            if (owner[seed] >= 0 || g.start[seed + 1] == g.start[seed]) {
                continue;
            }
            int w = windows.size();
            int size = 0;
            members[size++] = seed;
            owner[seed] = w;
            if (mate[seed] >= 0 && owner[mate[seed]] < 0) {
                members[size++] = mate[seed];
                owner[mate[seed]] = w;
            }
            for (int head = 0; head < size && size < WINDOW; head++) {
                int x = members[head];
                int limit = Math.min(g.start[x + 1], g.start[x] + fanout);
                for (int p = g.start[x]; p < limit && size < WINDOW; p++) {
                    int v = g.adj[p];
                    if (owner[v] >= 0) {
                        continue;
                    }
                    int y = mate[v];
                    if (y >= 0 && owner[y] >= 0) {
                        continue;
                    }
                    owner[v] = w;
                    members[size++] = v;
                    if (y >= 0) {
                        owner[y] = w;
                        members[size++] = y;
                    }
                }
            }
            windows.add(java.util.Arrays.copyOf(members, size));
        }
        int[] loc = new int[n];
        long[] gains = new long[windows.size()];
        java.util.stream.IntStream.range(0, windows.size()).parallel().forEach(w -> {
            if (!late()) {
                gains[w] = solveWindow(windows.get(w), w, owner, loc);
            }
        });
        long any = 0;
        for (long x : gains) {
            any += x;
        }
        return any;
    }

    /** Re-solves one window exactly; returns its gain (at least 1 when it changed anything). */
    private long solveWindow(int[] members, int w, int[] owner, int[] loc) {
        int size = members.length;
        if (size < 4) {
            return 0;
        }
        long old = 0;
        int oldPairs = 0;
        for (int k = 0; k < size; k++) {
            loc[members[k]] = k;
            int x = members[k];
            if (mate[x] > x) {
                old += mw[x];
                oldPairs++;
            }
        }
        int m = 0;
        int[] eu = new int[16 * size];
        int[] ev = new int[16 * size];
        long[] ew = new long[16 * size];
        for (int k = 0; k < size; k++) {
            int x = members[k];
            for (int p = g.start[x]; p < g.start[x + 1]; p++) {
                int v = g.adj[p];
                if (owner[v] == w && loc[v] > k) {
                    if (m == eu.length) {
                        eu = java.util.Arrays.copyOf(eu, 2 * m);
                        ev = java.util.Arrays.copyOf(ev, 2 * m);
                        ew = java.util.Arrays.copyOf(ew, 2 * m);
                    }
                    eu[m] = k;
                    ev[m] = loc[v];
                    ew[m] = 2L * w(x, v, g.score[p]);
                    m++;
                }
            }
        }
        int[] local = Blossom.maxWeightMatching(size, java.util.Arrays.copyOf(eu, m), java.util.Arrays.copyOf(ev, m),
                java.util.Arrays.copyOf(ew, m), true);
        long now = 0;
        int pairs = 0;
        for (int k = 0; k < size; k++) {
            if (local[k] > k) {
                int x = members[k];
                int y = members[local[k]];
                now += w(x, y, in.score(x, y));
                pairs++;
            }
        }
        if (pairs > oldPairs || (pairs == oldPairs && now > old)) {
            for (int k = 0; k < size; k++) {
                mate[members[k]] = -1;
                mw[members[k]] = 0;
            }
            for (int k = 0; k < size; k++) {
                if (local[k] > k) {
                    int x = members[k];
                    int y = members[local[k]];
                    link(x, y, w(x, y, in.score(x, y)));
                }
            }
            return Math.max(1, now - old);
        }
        return 0;
    }

    /** Rounds up to this size start from the rounded fractional optimum, larger ones greedily. */
    private final int FRACTIONAL_UP_TO = Matcher.LP_START_UP_TO;
    /**
     * Weights are multiplied by this in the auction: a start needs to be near the LP optimum, not
     * at it (within n / 8 of its weight; scaling by n + 1 to be exact took twice the bids).
     */
    private final long LP_SCALE = Long.getLong("convene.match.lpScale", 8);

    /**
     * Starts from the optimum of the matching LP without odd-set constraints (see
     * {@link FractionalMatching}), rounded: it is integral except on odd cycles, which each leave
     * one person for the augmenting and cycle searches. Each pair weighs its score plus a constant
     * larger than any total of scores, so the fractional optimum pairs as many people as it can.
     */
    private void fractionalStart() {
        long most = in.maxScore + 2L * bonus;
        long pairBonus = (n / 2 + 1) * most + 1;
        int arcs = g.start[n];
        long[] weight = new long[arcs];
        for (int x = 0; x < n; x++) {
            for (int p = g.start[x]; p < g.start[x + 1]; p++) {
                weight[p] = pairBonus + w(x, g.adj[p], g.score[p]);
            }
        }
        FractionalMatching.Result lp = FractionalMatching.solve(n, g.start, g.adj, weight, LP_SCALE);
        int[] rounded = FractionalMatching.round(lp.succ(), (a, b) -> w(a, b, in.score(a, b)));
        for (int x = 0; x < n; x++) {
            int y = rounded[x];
            if (y > x) {
                link(x, y, w(x, y, in.score(x, y)));
            }
        }
        if (DEBUG) {
            long total = 0;
            for (int x = 0; x < n; x++) {
                if (mate[x] > x) {
                    total += mw[x];
                }
            }
            System.err.printf("match fractional: %d bids, bound %.1f, rounded %d%n", lp.bids(), lp.upperBound(), total);
        }
    }

    private static long mix(int a, int b) {
        long z = ((long) Math.min(a, b) << 32 | Math.max(a, b)) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        return (z ^ (z >>> 31)) & 0xFFFFFFFFL;
    }

    /** Greedy by weight (ties by a hash of the pair) through the suitor algorithm. */
    private void suitor() {
        int[] suitor = new int[n];
        long[] ws = new long[n];
        java.util.Arrays.fill(suitor, -1);
        for (int u = 0; u < n; u++) {
            int cur = u;
            while (cur != -1) {
                int best = -1;
                long bestKey = 0;
                for (int p = g.start[cur]; p < g.start[cur + 1]; p++) {
                    int v = g.adj[p];
                    long key = ((long) w(cur, v, g.score[p]) << 32) | mix(cur, v);
                    if (key > bestKey && key > ws[v]) {
                        best = v;
                        bestKey = key;
                    }
                }
                int next = -1;
                if (best >= 0) {
                    next = suitor[best];
                    suitor[best] = cur;
                    ws[best] = bestKey;
                }
                cur = next;
            }
        }
        for (int u = 0; u < n; u++) {
            int v = suitor[u];
            if (v > u && suitor[v] == u) {
                link(u, v, (int) (ws[u] >>> 32));
            }
        }
    }

    /** Looks for an augmenting path from every unpaired person; those left out last time first. */
    private boolean augmentAll(boolean always) {
        boolean any = false;
        for (int pass = 0; pass < 2; pass++) {
            for (int u = 0; u < n; u++) {
                if (mate[u] == -1 && in.prio[u] == (pass == 0) && g.start[u + 1] > g.start[u]) {
                    if (!always && (u & 1023) == 0 && late()) {
                        return any;
                    }
                    if (++stamp == 0) {
                        java.util.Arrays.fill(visit, 0);
                        stamp = 1;
                    }
                    visit[u] = stamp;
                    budget = SEARCH_BUDGET;
                    if (dfs(u, DEPTH)) {
                        any = true;
                    }
                }
            }
        }
        return any;
    }

    private boolean dfs(int x, int depth) {
        int best = -1;
        int bestW = -1;
        for (int p = g.start[x]; p < g.start[x + 1]; p++) {
            int v = g.adj[p];
            if (mate[v] == -1 && visit[v] != stamp) {
                int wv = w(x, v, g.score[p]);
                if (wv > bestW) {
                    best = v;
                    bestW = wv;
                }
            }
        }
        if (best >= 0) {
            link(x, best, bestW);
            return true;
        }
        if (depth == 0) {
            return false;
        }
        for (int p = g.start[x]; p < g.start[x + 1]; p++) {
            int v = g.adj[p];
            if (visit[v] == stamp) {
                continue;
            }
            visit[v] = stamp;
            int y = mate[v];
            if (y < 0 || visit[y] == stamp) {
                continue;
            }
            visit[y] = stamp;
            if (--budget < 0) {
                return false;
            }
            if (dfs(y, depth - 1)) {
                link(x, v, w(x, v, g.score[p]));
                return true;
            }
        }
        return false;
    }

    private final boolean CYCLES = !"false".equals(System.getProperty("convene.match.cycles"));
    private final int CYCLE_DEPTH = Integer.getInteger("convene.match.cycleDepth", 24);
    private final int CYCLE_BUDGET = Integer.getInteger("convene.match.cycleBudget", 3200);
    private final int CYCLE_STOP = Integer.getInteger("convene.match.cycleStop", 200);
    private final int[] BREADTH = java.util.Arrays.stream(System.getProperty("convene.match.breadth", "10,5,3").split(","))
            .mapToInt(x -> Integer.parseInt(x.strip())).toArray();
    private int cycleBudget;
    /**
     * Steps of cycle search allowed per person: the search stops at a count of steps, not at a
     * time, so that its result does not depend on the machine's speed (the deadline is only a
     * safety net).
     */
    private final long WORK_PER_PERSON = Long.getLong("convene.match.work", 0);
    private final long workLimit;
    private long work;
    private int[] cap;
    private int[] closeStamp;
    private int[] closeW;
    private final boolean ANY_CLOSE = !"false".equals(System.getProperty("convene.match.anyClose"));
    private int[] addU;
    private int[] addV;

    /**
     * One pass of alternating-cycle search (in the manner of Lin and Kernighan): from each pair
     * (a, b), drop it, give b a new partner c (dropping c's pair c-d), give d a new partner, and so
     * on, up to {@link #CYCLE_DEPTH} steps, closing the cycle with an allowed pair (d, a) (any
     * allowed pair, not only a candidate) or ending at someone unpaired (then a is left unpaired,
     * so the number of pairs stays the same). A step is only taken while the running gain stays
     * positive, which every improving cycle allows from some starting pair. Rows are sorted by
     * score, so a row is left as soon as its scores cannot keep the gain positive. The first
     * improving cycle found is applied; returns how many were applied.
     */
    private int cycles() {
        if (addU == null) {
            addU = new int[CYCLE_DEPTH + 2];
            addV = new int[CYCLE_DEPTH + 2];
        }
        boolean anyPrio = false;
        for (int x = 0; x < n && !anyPrio; x++) {
            anyPrio = in.prio[x];
        }
        if (closeStamp == null) {
            closeStamp = new int[n];
            closeW = new int[n];
        }
        if (cap == null) {
            // The most a pair with x can weigh: every interest of x shared, same place, bonuses.
            cap = new int[n];
            for (int x = 0; x < n; x++) {
                cap[x] = 2 + 3 * in.interests[x].length + (anyPrio ? 2 * bonus : 0);
            }
        }
        int improved = 0;
        for (int a = 0; a < n; a++) {
            if ((a & 1023) == 0 && late() || work >= workLimit) {
                return improved;
            }
            int b = mate[a];
            if (b < 0) {
                continue;
            }
            work++;
            if (++stamp == 0) {
                java.util.Arrays.fill(visit, 0);
                java.util.Arrays.fill(closeStamp, 0);
                stamp = 1;
            }
            visit[a] = stamp;
            visit[b] = stamp;
            for (int p = g.start[a]; p < g.start[a + 1]; p++) {
                int c = g.adj[p];
                closeStamp[c] = stamp;
                closeW[c] = w(a, c, g.score[p]);
            }
            budget = cycleBudget;
            if (extend(a, b, -mw[a], 0, anyPrio)) {
                improved++;
            }
        }
        return improved;
    }

    /** x has lost its partner; the added pairs so far are addU/addV[0 .. depth). */
    private boolean extend(int a, int x, int gain, int depth, boolean anyPrio) {
        int breadth = BREADTH[Math.min(depth, BREADTH.length - 1)];
        int tried = 0;
        int headroom = anyPrio ? bonus * ((in.prio[x] ? 1 : 0) + 1) : 0;
        for (int p = g.start[x]; p < g.start[x + 1] && tried < breadth; p++) {
            if (gain + g.score[p] + headroom <= 0) {
                break;
            }
            int c = g.adj[p];
            int wxc = w(x, c, g.score[p]);
            if (visit[c] == stamp || gain + wxc <= 0) {
                continue;
            }
            tried++;
            int d = mate[c];
            addU[depth] = x;
            addV[depth] = c;
            if (d < 0) {
                // c was unpaired: a is left unpaired instead.
                apply(depth + 1, a, -1);
                return true;
            }
            if (visit[d] == stamp) {
                continue;
            }
            int rest = gain + wxc - mw[c];
            if (closeStamp[d] == stamp) {
                // (d, a) is a candidate pair: its weight was noted when the search started.
                if (rest + closeW[d] > 0) {
                    apply(depth + 1, a, d);
                    return true;
                }
            } else if (ANY_CLOSE && rest + Math.min(cap[d], cap[a]) > 0 && in.allowed(d, a)) {
                int wda = w(d, a, in.score(d, a));
                if (rest + wda > 0) {
                    apply(depth + 1, a, d);
                    return true;
                }
            }
            if (depth + 1 < CYCLE_DEPTH && --budget >= 0) {
                work++;
                visit[c] = stamp;
                visit[d] = stamp;
                if (extend(a, d, rest, depth + 1, anyPrio)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Links the added pairs, then (a, close) or leaves a unpaired when close is -1. */
    private void apply(int added, int a, int close) {
        mate[a] = -1;
        mw[a] = 0;
        for (int k = 0; k < added; k++) {
            int u = addU[k];
            int v = addV[k];
            link(u, v, w(u, v, scoreOf(u, v)));
        }
        if (close >= 0) {
            link(close, a, w(close, a, in.score(close, a)));
        }
    }

    private int scoreOf(int u, int v) {
        return in.score(u, v);
    }

    /** One pass of 2-opt swaps (a-b, c-d to a-c, b-d) and shifts (a-b, free c to a-c, free b). */
    private int improve() {
        int improved = 0;
        int[] cap = new int[n];
        for (int x = 0; x < n; x++) {
            cap[x] = 2 + 3 * in.interests[x].length + (in.prio[x] ? bonus : 0);
        }
        for (int a = 0; a < n; a++) {
            if ((a & 4095) == 0 && late()) {
                return improved;
            }
            int b = mate[a];
            if (b < 0) {
                continue;
            }
            for (int p = g.start[a]; p < g.start[a + 1]; p++) {
                int c = g.adj[p];
                if (c == b) {
                    continue;
                }
                int wac = w(a, c, g.score[p]);
                int d = mate[c];
                if (d < 0) {
                    if (wac > mw[a]) {
                        mate[b] = -1;
                        mw[b] = 0;
                        link(a, c, wac);
                        improved++;
                        break;
                    }
                } else if (d != a) {
                    int base = wac - mw[a] - mw[c];
                    // w(b, d) <= min over b, d of (2 + 3 x interests) plus their own bonuses.
                    int close = Math.min(cap[b] - (in.prio[b] ? bonus : 0), cap[d] - (in.prio[d] ? bonus : 0))
                            + (in.prio[b] ? bonus : 0) + (in.prio[d] ? bonus : 0);
                    if (base + close <= 0 || !in.allowed(b, d)) {
                        continue;
                    }
                    int wbd = w(b, d, in.score(b, d));
                    if (base + wbd > 0) {
                        link(a, c, wac);
                        link(b, d, wbd);
                        improved++;
                        break;
                    }
                }
            }
        }
        return improved;
    }
}
