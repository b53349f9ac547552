package org.convene.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Pairs the people of one round (the rules are in {@link Rules}): first as many people as
 * possible, then people left out last time, then the highest total score; then trios for whoever
 * is left, then reasons for anyone still left.
 *
 * <p>Small rounds (up to {@link Options#exactLimit()} people) are solved exactly with a weighted
 * blossom algorithm over all allowed pairs. Larger rounds work on a sparse candidate graph (each
 * person's best {@link Options#candidates()} allowed partners found through an inverted index of
 * interests and places, plus {@link Options#randomCandidates()} random allowed partners), with a
 * greedy start (the "suitor" algorithm, which gives the same result as sorting all pairs by
 * weight), bounded augmenting paths for cardinality, alternating-cycle search for score, then an
 * exact re-solve of the whole candidate graph (up to 2,500 people) or of windows of it, until
 * nothing improves or the time budget ends. Everything is deterministic for a seed (and does not
 * depend on the number of threads): people are indexed in a seeded random order and no hash
 * iteration order is ever used; only the time budget can cut the improvement short.
 */
public final class Matcher {

    /**
     * Tuning; {@link #DEFAULT} is what the CLI uses. {@code timeBudgetMillis} bounds a large
     * round's candidate graph and improvement phases; with {@code scaleBudget} the bound is
     * also cut to what the round's size needs (see {@link #budgetMillis}), otherwise it is used
     * as given (then results depend on nothing but the input and the seed while the phases
     * finish within it).
     */
    public record Options(int candidates, int randomCandidates, int exactLimit, long timeBudgetMillis, boolean scaleBudget) {
        public static final Options DEFAULT = new Options(50, 10, 600, 60_000);

        public Options {
            if (candidates < 1 || randomCandidates < 0 || exactLimit < 0 || timeBudgetMillis < 0) {
                throw new IllegalArgumentException("Bad matcher options");
            }
        }

        public Options(int candidates, int randomCandidates, int exactLimit, long timeBudgetMillis) {
            this(candidates, randomCandidates, exactLimit, timeBudgetMillis, true);
        }

        public Options withExactLimit(int limit) {
            return new Options(candidates, randomCandidates, limit, timeBudgetMillis, scaleBudget);
        }

        public Options withCandidates(int k) {
            return new Options(k, randomCandidates, exactLimit, timeBudgetMillis, scaleBudget);
        }

        public Options withTimeBudget(long millis, boolean scale) {
            return new Options(candidates, randomCandidates, exactLimit, millis, scale);
        }
    }

    private final Options options;

    public Matcher() {
        this(Options.DEFAULT);
    }

    public Matcher(Options options) {
        this.options = options;
    }

    public Round match(List<Participant> people, History history, Set<Pair> blocked, Set<String> previouslyUnplacedIds, long seed) {
        long start = System.nanoTime();
        Instance in = new Instance(people, history == null ? History.empty() : history,
                blocked == null ? Set.of() : blocked, previouslyUnplacedIds == null ? Set.of() : previouslyUnplacedIds, seed);
        boolean exact = in.n <= options.exactLimit();
        if (Boolean.getBoolean("convene.match.debug")) {
            System.err.printf("match phase instance: %.3f s%n", (System.nanoTime() - start) / 1e9);
        }
        Graph g = exact ? Graph.complete(in) : Graph.candidates(in, options.candidates(), options.randomCandidates(), seed);
        if (Boolean.getBoolean("convene.match.debug")) {
            System.err.printf("match phase instance+graph: %.3f s (%d edges)%n", (System.nanoTime() - start) / 1e9, g.edgeCount());
        }
        int[] mate;
        if (exact) {
            mate = exactMatching(in, g);
        } else {
            long deadline = start + budgetMillis(in.n) * 1_000_000L;
            mate = new LocalSearch(in, g, deadline).run();
        }
        long t = System.nanoTime();
        Round round = finish(in, g, mate, exact, start);
        if (Boolean.getBoolean("convene.match.debug")) {
            System.err.printf("match phase finish: %.3f s%n", (System.nanoTime() - t) / 1e9);
        }
        return round;
    }

    /**
     * Time for a large round (candidate graph and improvement), leaving room for the trios and
     * the result: at most the option's budget, and 10 s or 2 s + 60 microseconds per person if
     * that is longer (100,000 people: 8 s; 1,000,000: 60 s with the default budget); rounds of up
     * to 50,000 people, which start from the LP optimum, 30 s. The improvement phases normally end
     * earlier, after a fixed amount of work (so the result does not depend on the machine's
     * speed: 1-6 s at 50,000 people); the deadline is a safety net for slow or busy machines (at
     * 10 s, six rounds of 50,000 people ran into it at a load of 6-7 on 2 cores, and scored
     * 0.25 % less).
     */
    long budgetMillis(int n) {
        if (!options.scaleBudget()) {
            return options.timeBudgetMillis();
        }
        long floor = n <= LP_START_UP_TO ? 30_000L : 10_000L;
        return Math.min(options.timeBudgetMillis(), Math.max(floor, 2_000L + 60L * n / 1000));
    }

    /** Rounds of up to this many people start from the LP optimum (see {@link LocalSearch}). */
    static final int LP_START_UP_TO = Integer.getInteger("convene.match.fractionalUpTo", 50_000);

    // ---------------------------------------------------------------- exact

    private static int[] exactMatching(Instance in, Graph g) {
        int n = in.n;
        int m = g.edgeCount();
        int[] eu = new int[m];
        int[] ev = new int[m];
        long[] ew = new long[m];
        // Cardinality comes first (the blossom's max-cardinality mode), then covering people left
        // out last time (a bonus larger than any total score), then the score.
        long bonus = (long) (n / 2 + 1) * (in.maxScore + 1) + 1;
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int p = g.start[i]; p < g.start[i + 1]; p++) {
                int j = g.adj[p];
                if (j > i) {
                    eu[k] = i;
                    ev[k] = j;
                    ew[k] = 2 * (g.score[p] + bonus * ((in.prio[i] ? 1 : 0) + (in.prio[j] ? 1 : 0)));
                    k++;
                }
            }
        }
        return Blossom.maxWeightMatching(n, eu, ev, ew, true);
    }

    // ---------------------------------------------------------------- trios, reasons, result

    private Round finish(Instance in, Graph g, int[] mate, boolean exact, long start) {
        int n = in.n;
        int[] third = new int[n];
        Arrays.fill(third, -1);
        boolean[] inTrio = new boolean[n];
        // Unpaired people, those left out last time first, then in the seeded order.
        List<Integer> free = new ArrayList<>();
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < n; i++) {
                if (mate[i] == -1 && in.prio[i] == (pass == 0)) {
                    free.add(i);
                }
            }
        }
        boolean fullScan = (long) free.size() * n <= 200_000_000L;
        List<int[]> unplaced = new ArrayList<>();
        for (int u : free) {
            int bestA = -1;
            int bestGain = -1;
            if (fullScan) {
                for (int a = 0; a < n; a++) {
                    int b = mate[a];
                    if (b > a && third[a] == -1 && !inTrio[a]) {
                        int gain = trioGain(in, u, a, b);
                        if (gain > bestGain) {
                            bestGain = gain;
                            bestA = a;
                        }
                    }
                }
            } else {
                for (int p = g.start[u]; p < g.start[u + 1]; p++) {
                    int a = g.adj[p];
                    int b = mate[a];
                    if (b >= 0 && third[Math.min(a, b)] == -1 && !inTrio[a]) {
                        int lo = Math.min(a, b);
                        int gain = trioGain(in, u, lo, Math.max(a, b));
                        if (gain > bestGain || (gain == bestGain && lo < bestA)) {
                            bestGain = gain;
                            bestA = lo;
                        }
                    }
                }
            }
            if (bestA >= 0) {
                third[bestA] = u;
                inTrio[u] = true;
            } else {
                unplaced.add(new int[] {u, reason(in, g, u)});
            }
        }
        // Groups in the order of the input list.
        List<Group> groups = new ArrayList<>();
        long total = 0;
        long links = 0;
        long cross = 0;
        long shared = 0;
        int pairs = 0;
        int trios = 0;
        Integer[] firsts = IntStream.range(0, n).filter(a -> mate[a] > a).boxed().toArray(Integer[]::new);
        Arrays.sort(firsts, Comparator.comparingInt(a -> Math.min(in.original[a], in.original[mate[a]])));
        for (int a : firsts) {
            int b = mate[a];
            int[] members = third[a] >= 0 ? new int[] {a, b, third[a]} : new int[] {a, b};
            Integer[] sorted = Arrays.stream(members).boxed().sorted(Comparator.comparingInt(x -> in.original[x])).toArray(Integer[]::new);
            int score = 0;
            List<Participant> list = new ArrayList<>();
            for (int x = 0; x < sorted.length; x++) {
                list.add(in.person(sorted[x]));
                for (int y = x + 1; y < sorted.length; y++) {
                    score += in.score(sorted[x], sorted[y]);
                    links++;
                    shared += in.shared(sorted[x], sorted[y]);
                    if (in.sector[sorted[x]] != in.sector[sorted[y]]) {
                        cross++;
                    }
                }
            }
            total += score;
            if (members.length == 3) {
                trios++;
            } else {
                pairs++;
            }
            groups.add(new Group(list, score));
        }
        unplaced.sort(Comparator.comparingInt(x -> in.original[x[0]]));
        List<Unplaced> left = new ArrayList<>();
        for (int[] u : unplaced) {
            left.add(new Unplaced(in.person(u[0]), switch (u[1]) {
                case 0 -> Unplaced.ALONE;
                case 1 -> Unplaced.NO_ALLOWED_PARTNER;
                default -> Unplaced.ODD_ONE_OUT;
            }));
        }
        Round.Stats stats = new Round.Stats(n, pairs, trios, left.size(), total,
                links == 0 ? 0 : (double) cross / links, links == 0 ? 0 : (double) shared / links, exact, System.nanoTime() - start);
        return new Round(groups, left, stats);
    }

    private static int trioGain(Instance in, int u, int a, int b) {
        if (!in.allowed(u, a) || !in.allowed(u, b)) {
            return -1;
        }
        return in.score(u, a) + in.score(u, b);
    }

    /** 0: alone in the round; 1: no allowed partner at all; 2: odd one out. */
    private static int reason(Instance in, Graph g, int u) {
        if (in.n == 1) {
            return 0;
        }
        if (g.start[u + 1] > g.start[u]) {
            return 2;
        }
        for (int j = 0; j < in.n; j++) {
            if (in.allowed(u, j)) {
                return 2;
            }
        }
        return 1;
    }

    // ---------------------------------------------------------------- instance

    /** The people as int indices in a seeded random order, with interned attributes. */
    static final class Instance {
        final int n;
        final List<Participant> people;
        final int[] original;   // internal index -> position in the input list
        final int[] sector;
        final int[] org;
        final int[] place;      // -1 when unknown
        final int[][] interests;
        final int[] hid;        // index in the history, -1 if never paired
        final boolean[] prio;
        /** Who may not meet whom (met before or blocked): row i is {@code ban[banStart[i] .. banStart[i+1])}, sorted. */
        final int[] banStart;
        final int[] ban;
        final int maxScore;
        final int interestCount;
        final int placeCount;

        Instance(List<Participant> input, History history, Set<Pair> blockedPairs, Set<String> previouslyUnplaced, long seed) {
            n = input.size();
            people = input;
            original = IntStream.range(0, n).toArray();
            SplittableRandom rng = new SplittableRandom(seed);
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = original[i];
                original[i] = original[j];
                original[j] = t;
            }
            sector = new int[n];
            org = new int[n];
            place = new int[n];
            interests = new int[n][];
            hid = new int[n];
            prio = new boolean[n];
            Map<String, Integer> ids = new HashMap<>(n * 2);
            Map<String, Integer> sectors = new HashMap<>();
            Map<String, Integer> orgs = new HashMap<>();
            Map<String, Integer> places = new HashMap<>();
            Map<String, Integer> topics = new HashMap<>();
            int most = 0;
            for (int i = 0; i < n; i++) {
                Participant p = input.get(original[i]);
                if (ids.put(p.id(), i) != null) {
                    throw new IllegalArgumentException("The id " + p.id() + " appears twice");
                }
                sector[i] = sectors.computeIfAbsent(p.sector(), s -> sectors.size());
                org[i] = orgs.computeIfAbsent(p.organisation(), s -> orgs.size());
                place[i] = p.place().isEmpty() ? -1 : places.computeIfAbsent(p.place(), s -> places.size());
                int[] t = new int[p.interests().size()];
                int k = 0;
                for (String interest : p.interests()) {
                    t[k++] = topics.computeIfAbsent(interest, s -> topics.size());
                }
                Arrays.sort(t);
                interests[i] = t;
                most = Math.max(most, t.length);
                hid[i] = history.indexOf(p.id());
                prio[i] = previouslyUnplaced.contains(p.id());
            }
            interestCount = topics.size();
            placeCount = places.size();
            maxScore = 2 + 3 * most;
            // Past partners and blocks as one sorted list per person (no hash look-up per check).
            int[] internal = new int[history.indexCount()];
            Arrays.fill(internal, -1);
            for (int i = 0; i < n; i++) {
                if (hid[i] >= 0) {
                    internal[hid[i]] = i;
                }
            }
            long[][] keys = {new long[16]};
            int[] count = {0};
            java.util.function.LongConsumer keep = key -> {
                if (count[0] == keys[0].length) {
                    keys[0] = Arrays.copyOf(keys[0], 2 * count[0]);
                }
                keys[0][count[0]++] = key;
            };
            history.forEachKey(key -> {
                int a = internal[(int) (key >>> 32)];
                int b = internal[(int) key];
                if (a >= 0 && b >= 0) {
                    keep.accept(History.key(a, b));
                }
            });
            for (Pair pair : blockedPairs) {
                Integer a = ids.get(pair.a());
                Integer b = ids.get(pair.b());
                if (a != null && b != null && !a.equals(b)) {
                    keep.accept(History.key(a, b));
                }
            }
            long[] bannedPairs = Arrays.copyOf(keys[0], count[0]);
            banStart = new int[n + 1];
            for (long key : bannedPairs) {
                banStart[(int) (key >>> 32) + 1]++;
                banStart[(int) key + 1]++;
            }
            for (int i = 0; i < n; i++) {
                banStart[i + 1] += banStart[i];
            }
            ban = new int[banStart[n]];
            int[] fill = Arrays.copyOf(banStart, n);
            for (long key : bannedPairs) {
                int a = (int) (key >>> 32);
                int b = (int) key;
                ban[fill[a]++] = b;
                ban[fill[b]++] = a;
            }
            for (int i = 0; i < n; i++) {
                Arrays.sort(ban, banStart[i], banStart[i + 1]);
            }
        }

        /** Whether i has met j before or either blocked the other. */
        boolean banned(int i, int j) {
            int from = banStart[i];
            int to = banStart[i + 1];
            if (to - from <= 16) {
                for (int p = from; p < to; p++) {
                    if (ban[p] == j) {
                        return true;
                    }
                }
                return false;
            }
            return Arrays.binarySearch(ban, from, to, j) >= 0;
        }

        Participant person(int i) {
            return people.get(original[i]);
        }

        boolean allowed(int i, int j) {
            if (i == j || sector[i] == sector[j] || org[i] == org[j]) {
                return false;
            }
            return !banned(i, j);
        }

        int shared(int i, int j) {
            int[] a = interests[i];
            int[] b = interests[j];
            int x = 0;
            int y = 0;
            int c = 0;
            while (x < a.length && y < b.length) {
                if (a[x] < b[y]) {
                    x++;
                } else if (a[x] > b[y]) {
                    y++;
                } else {
                    c++;
                    x++;
                    y++;
                }
            }
            return c;
        }

        /** The rule's score; callers check {@link #allowed} first. */
        int score(int i, int j) {
            return Rules.score(shared(i, j), place[i] >= 0 && place[i] == place[j]);
        }
    }
}
