package org.convene.groups;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Phase 2: groups alike on the numbers, without giving up clashes or diversity. Per numeric
 * attribute j two quantities are made alike, the group means (index 2j) and the group SDs (2j + 1),
 * all in units of the attribute's SD over everyone, so that every group's ideal is mean 0, SD 1.
 *
 * <p>First every group is pulled towards that ideal (the sum of squared deviations): whole
 * buckets of people (same sector and place; same sector; same place) are reassigned to the places
 * they hold, an assignment problem solved exactly per chunk; simulated annealing over neutral
 * swaps; the buckets again. Then the largest gaps are attacked directly: per quantity a band
 * around the middle of the groups' values that leaves out only the most extreme groups (1 %, at
 * least 4), narrowed round by round while they can all be brought inside it, working only on the
 * groups outside (bucket reassignments, single swaps,
 * re-splits of two groups with partners deviating the other way). The best formation seen, its
 * gaps sorted largest first and compared in order, is kept.
 */
final class BalancePhase {
    /** Above this many people the bucket rounds, chunks, annealing and band sweeps are cut, to stay about linear in time. */
    private static final int LARGE = 20_000;
    private static final long ANNEAL_PER_PERSON = 1_000;
    private static final long ANNEAL_MOST = 10_000_000;
    /** The last temperature, as a share of the first. */
    private static final double ANNEAL_END = 0.001;
    private static final int CHUNK = 60;
    private static final int BUCKET_ROUNDS = 6;
    private static final int SWEEPS = 12;
    private static final int BAND_ROUNDS = 40;
    /** A band leaves out at least this many of the most extreme groups (and 1 % of them). */
    private static final int EXTREMES = 8;
    /** Failures in a row before a quantity's band stops narrowing. */
    private static final int PATIENCE = 2;
    private static final int SPLIT_GROUPS = 24;
    private static final int SPLIT_BUDGET = 2_000;
    /** Re-splits tried in all band rounds together: at least this many, and this many per group. */
    private static final long SPLITS = 20_000;
    private static final long SPLITS_PER_GROUP = 2;
    /** Assignment costs: a forbidden place, and the weight of a same-value pair against the numbers. */
    private static final double FORBIDDEN = 1e12;
    private static final double DIVERSITY_WEIGHT = 1e6;
    private static final double EPS = 1e-12;

    private final Instance in;
    private final State s;
    private final Moves m;
    private final int[][][] bucketings;
    private final Repartition split;
    /** The numeric objective: per group, the squared distance of each mean and SD outside its band around its centre. */
    private final double[] centreMean;
    private final double[] centreSd;
    private final double[] centreSd2;
    private final double[] halfOverCentreSd;
    private final double[] band;
    private final double[] cost;
    private final double[] reciprocal;
    private boolean exactSd;
    private final boolean large;
    /** Per quantity, the groups from the lowest deviation from the centre to the highest. */
    private int[][] byDeviation;
    private double splitDelta;
    private long splitsLeft;

    BalancePhase(Moves moves) {
        this.m = moves;
        this.in = moves.in;
        this.s = moves.s;
        bucketings = new int[][][] {
            m.buckets(m.sectorPlace()),
            m.buckets(p -> in.code[Instance.SECTOR][p]),
            m.buckets(p -> in.code[Instance.PLACE][p])};
        split = new Repartition(in, s);
        large = in.n > LARGE;
        centreMean = new double[in.numbers];
        centreSd = new double[in.numbers];
        centreSd2 = new double[in.numbers];
        halfOverCentreSd = new double[in.numbers];
        band = new double[2 * in.numbers];
        cost = new double[in.k];
        reciprocal = new double[Math.max(in.n, 2 * Repartition.MAX_SIZE) + 2];
        for (int c = 1; c < reciprocal.length; c++) {
            reciprocal[c] = 1.0 / c;
        }
    }

    void run() {
        int quantities = 2 * in.numbers;
        // Values are standardised over everyone, so with equal group means every group's SD is about
        // 1: the centres are 0 and 1 (the SDs of random groups, about 0.9, would fight the means).
        for (int j = 0; j < in.numbers; j++) {
            centreMean[j] = 0;
            centreSd[j] = in.sd[j] > 0 ? 1 : 0;
        }
        exactSd = false;
        centresChanged();
        buckets();
        anneal(Math.min(ANNEAL_PER_PERSON * m.movable.length, large ? ANNEAL_MOST / 2 : ANNEAL_MOST));
        buckets();
        exactSd = true;
        int[] best = s.assignment();
        double[] bestRanges = ranges();
        int most = Math.max(EXTREMES, in.k / 100);
        int[] extremes = new int[quantities];
        Arrays.fill(extremes, most);
        int[] failures = new int[quantities];
        boolean[] active = new boolean[quantities];
        Arrays.fill(active, true);
        splitsLeft = Math.max(SPLITS, SPLITS_PER_GROUP * in.k);
        for (int round = 0, rounds = large ? BAND_ROUNDS / 4 : BAND_ROUNDS; round < rounds; round++) {
            double[] r = ranges();
            for (int j = 0; j < in.numbers; j++) {
                double[] means = range(j, true);
                double[] sds = range(j, false);
                centreMean[j] = (means[0] + means[1]) / 2;
                centreSd[j] = (sds[0] + sds[1]) / 2;
            }
            boolean any = false;
            for (int q = 0; q < quantities; q++) {
                band[q] = r[q] / 2 + EPS;
                if (active[q]) {
                    band[q] = bandLeavingOut(q, extremes[q]);
                    any |= band[q] < r[q] / 2;
                }
            }
            if (!any) {
                break;
            }
            centresChanged();
            sweeps();
            for (int q = 0; q < quantities; q++) {
                if (active[q] && outside(q)) {
                    // Fewer groups outside after a failure; give up on the quantity after a few in a row.
                    failures[q]++;
                    extremes[q] = Math.max(1, extremes[q] / 4);
                    active[q] = failures[q] < PATIENCE;
                } else if (active[q]) {
                    failures[q] = 0;
                    extremes[q] = most;
                }
            }
            double[] now = ranges();
            if (lexicographicallySmaller(now, bestRanges)) {
                bestRanges = now;
                best = s.assignment();
            }
        }
        s.reassign(best);
    }

    /** The half-width of a band around quantity q's centre that leaves the most extreme {@code count} groups outside. */
    private double bandLeavingOut(int q, int count) {
        int j = q / 2;
        double[] distance = new double[in.k];
        int groups = 0;
        for (int g = 0; g < in.k; g++) {
            if (s.cnt(j, g) > 0) {
                distance[groups++] = Math.abs(q % 2 == 0 ? s.groupMean(j, g) - centreMean[j] : s.groupSd(j, g) - centreSd[j]);
            }
        }
        if (groups <= count) {
            return 0;
        }
        double[] sorted = Arrays.copyOf(distance, groups);
        Arrays.sort(sorted);
        return sorted[groups - 1 - count];
    }

    /** The gap of each quantity: means of attribute j at 2j, SDs at 2j + 1. */
    private double[] ranges() {
        double[] r = new double[2 * in.numbers];
        for (int j = 0; j < in.numbers; j++) {
            double[] means = range(j, true);
            double[] sds = range(j, false);
            r[2 * j] = means[1] - means[0];
            r[2 * j + 1] = sds[1] - sds[0];
        }
        return r;
    }

    /** Whether x, sorted largest first, is below y sorted the same way at the first place they differ. */
    static boolean lexicographicallySmaller(double[] x, double[] y) {
        double[] a = x.clone();
        double[] b = y.clone();
        Arrays.sort(a);
        Arrays.sort(b);
        for (int i = a.length - 1; i >= 0; i--) {
            if (Math.abs(a[i] - b[i]) > 1e-9) {
                return a[i] < b[i];
            }
        }
        return false;
    }

    private boolean outside(int q) {
        int j = q / 2;
        for (int g = 0; g < in.k; g++) {
            if (s.cnt(j, g) == 0) {
                continue;
            }
            double v = q % 2 == 0 ? Math.abs(s.groupMean(j, g) - centreMean[j]) : Math.abs(s.groupSd(j, g) - centreSd[j]);
            if (v > band[q]) {
                return true;
            }
        }
        return false;
    }

    /** {min, max} over groups with a value of the group means (or SDs) of attribute j, in SD units. */
    private double[] range(int j, boolean means) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int g = 0; g < in.k; g++) {
            if (s.cnt(j, g) > 0) {
                double v = means ? s.groupMean(j, g) : s.groupSd(j, g);
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return lo > hi ? new double[] {0, 0} : new double[] {lo, hi};
    }

    private void recomputeCosts() {
        for (int g = 0; g < in.k; g++) {
            cost[g] = groupCost(g);
        }
    }

    private double groupCost(int g) {
        double c = 0;
        for (int j = 0; j < in.numbers; j++) {
            c += costOf(j, s.sumZ(j, g), s.sumZ2(j, g), s.cnt(j, g));
        }
        return c;
    }

    /** The squared distances of a group's mean and SD outside their bands (from their centres when the bands are 0). */
    private double costOf(int j, double sum, double sum2, int c) {
        if (c == 0) {
            return 0;
        }
        double inv = reciprocal[c];
        double m = sum * inv;
        double variance = sum2 * inv - m * m;
        // While every group is pulled to the centres, sd - centre to first order, (variance - centre^2)
        // / (2 centre), saves a square root in the hot loop; the bands need the exact distance.
        double sdDeviation = exactSd ? Math.sqrt(Math.max(0, variance)) - centreSd[j] : (variance - centreSd2[j]) * halfOverCentreSd[j];
        double e1 = Math.max(0, Math.abs(m - centreMean[j]) - band[2 * j]);
        double e2 = Math.max(0, Math.abs(sdDeviation) - band[2 * j + 1]);
        return e1 * e1 + e2 * e2;
    }

    private void centresChanged() {
        for (int j = 0; j < in.numbers; j++) {
            centreSd2[j] = centreSd[j] * centreSd[j];
            halfOverCentreSd[j] = centreSd[j] > 0 ? 0.5 / centreSd[j] : 0;
        }
        recomputeCosts();
    }

    /** The change of the numeric objective if p and q swapped. */
    private double evalBalance(int p, int q) {
        int a = s.group[p];
        int b = s.group[q];
        double ca = 0;
        double cb = 0;
        for (int j = 0; j < in.numbers; j++) {
            double zp = in.z[j][p];
            double zq = in.z[j][q];
            int hp = in.has[j][p];
            int hq = in.has[j][q];
            ca += costOf(j, s.sumZ(j, a) - zp + zq, s.sumZ2(j, a) - zp * zp + zq * zq, s.cnt(j, a) - hp + hq);
            cb += costOf(j, s.sumZ(j, b) - zq + zp, s.sumZ2(j, b) - zq * zq + zp * zp, s.cnt(j, b) - hq + hp);
        }
        return ca + cb - cost[a] - cost[b];
    }

    /**
     * Simulated annealing on the numeric objective over swaps that keep clashes and diversity: a
     * random person, a partner from their buckets or anyone, accepted if the objective falls, or
     * rises by d with probability exp(-d / T), T falling geometrically.
     */
    private void anneal(long iterations) {
        if (m.movable.length < 2 || iterations == 0) {
            return;
        }
        // The first temperature accepts the mean rise of a sample of neutral swaps half the time.
        double rise = 0;
        int rises = 0;
        for (int i = 0; i < 2000; i++) {
            int p = m.anyone();
            int q = m.sampled(p, m.random.nextInt(8));
            if (s.group[p] == s.group[q]) {
                continue;
            }
            s.evalSwap(p, q);
            if (s.swapVerdict() == 0) {
                double d = evalBalance(p, q);
                if (d > 0) {
                    rise += d;
                    rises++;
                }
            }
        }
        if (rises == 0) {
            return;
        }
        double t = rise / rises / Math.log(2);
        double factor = Math.pow(ANNEAL_END, 1.0 / iterations);
        for (long it = 0; it < iterations; it++, t *= factor) {
            int p = m.anyone();
            int q = m.sampled(p, (int) it);
            int a = s.group[p];
            int b = s.group[q];
            if (a == b) {
                continue;
            }
            s.evalSwap(p, q);
            int verdict = s.swapVerdict();
            if (verdict < 0) {
                continue;
            }
            double d = verdict > 0 ? Double.NEGATIVE_INFINITY : evalBalance(p, q);
            if (d <= 0 || m.random.nextDouble() < Math.exp(-d / t)) {
                s.swap(p, q);
                cost[a] = groupCost(a);
                cost[b] = groupCost(b);
            }
        }
    }

    /**
     * For each bucket (same sector and place, same sector, same place), in chunks of at most
     * {@link #CHUNK} of its movable people: the best reassignment of these people to the places
     * they hold, an assignment problem. Where a group holds one place of the chunk, a person's cost
     * there is their own: clashes and same-value pairs with the others in that group (weighted far
     * above the numbers; a place where they would clash more than its holder is forbidden) and the
     * group's numeric cost with them in it. Places in the same group interact, so each result is
     * checked on the state and undone if not better. Focused: only chunks around the people in
     * groups outside their bands (the rest cannot improve).
     */
    private boolean bucketSweep(boolean focused) {
        boolean improved = false;
        for (int[][] buckets : bucketings) {
            for (int[] bucket : buckets) {
                int[] people = bucket.clone();
                m.shuffle(people);
                if (focused) {
                    // People in groups outside their bands first; a chunk of only groups inside cannot improve.
                    int hot = 0;
                    for (int i = 0; i < people.length; i++) {
                        if (cost[s.group[people[i]]] > 0) {
                            int t = people[hot];
                            people[hot++] = people[i];
                            people[i] = t;
                        }
                    }
                    for (int c = 0; c < hot; c += CHUNK / 2) {
                        int[] chunk = focusedChunk(people, c, Math.min(hot, c + CHUNK / 2), hot);
                        if (chunk.length > 1 && reassign(chunk)) {
                            improved = true;
                        }
                    }
                    continue;
                }
                int chunk = large ? CHUNK / 2 : CHUNK;
                for (int c = 0; c < people.length; c += chunk) {
                    int size = Math.min(chunk, people.length - c);
                    if (size > 1 && reassign(Arrays.copyOfRange(people, c, c + size))) {
                        improved = true;
                    }
                }
            }
        }
        return improved;
    }

    /** People[from, to) (in groups outside) and as many random people of the bucket from [hot, end). */
    private int[] focusedChunk(int[] people, int from, int to, int hot) {
        int cold = people.length - hot;
        int extra = Math.min(cold, CHUNK - (to - from));
        int[] chunk = new int[to - from + extra];
        System.arraycopy(people, from, chunk, 0, to - from);
        for (int i = 0; i < extra; i++) {
            int j = hot + i + m.random.nextInt(cold - i);
            int t = people[hot + i];
            people[hot + i] = people[j];
            people[j] = t;
            chunk[to - from + i] = people[hot + i];
        }
        return chunk;
    }

    /** Bucket sweeps over everyone until one changes nothing (a few rounds at most). */
    private void buckets() {
        int rounds = large ? 2 : BUCKET_ROUNDS;
        for (int i = 0; i < rounds && bucketSweep(false); i++) {
            continue;
        }
    }

    /** Reassigns these people (of one bucket) among the places they hold, if that is better; checked on the state. */
    private boolean reassign(int[] people) {
        int size = people.length;
        int[] slot = new int[size];
        for (int i = 0; i < size; i++) {
            slot[i] = s.group[people[i]];
        }
        double[] matrix = new double[size * size];
        for (int x = 0; x < size; x++) {
            int occupant = people[x];
            int g = slot[x];
            long ownClash = s.clashesOf(occupant, g, occupant);
            for (int i = 0; i < size; i++) {
                int p = people[i];
                long clash = s.clashesOf(p, g, occupant);
                if (clash > ownClash) { // packed fields compare lexicographically
                    matrix[i * size + x] = FORBIDDEN;
                    continue;
                }
                matrix[i * size + x] = DIVERSITY_WEIGHT * s.sameValuePenalty(p, g, occupant) + costWith(g, occupant, p);
            }
        }
        int[] column = Assignment.solve(size, matrix);
        boolean identity = true;
        for (int i = 0; i < size; i++) {
            identity &= column[i] == i;
        }
        if (identity) {
            return false;
        }
        long[] before = m.totals();
        double costBefore = 0;
        for (int i = 0; i < size; i++) {
            costBefore += cost[slot[i]];
        }
        int[] targets = new int[size];
        for (int i = 0; i < size; i++) {
            targets[i] = slot[column[i]];
        }
        s.regroup(people, targets, size);
        double costAfter = 0;
        for (int i = 0; i < size; i++) {
            cost[slot[i]] = groupCost(slot[i]);
        }
        // A group holding several places of the chunk is counted once per place, before and after alike.
        for (int i = 0; i < size; i++) {
            costAfter += cost[slot[i]];
        }
        long[] after = m.totals();
        if (Moves.betterTotals(after, before) || (Arrays.equals(after, before) && costAfter < costBefore - EPS)) {
            return true;
        }
        s.regroup(people, slot, size);
        for (int i = 0; i < size; i++) {
            cost[slot[i]] = groupCost(slot[i]);
        }
        return false;
    }

    /** The numeric cost of group g with p in the place of occupant. */
    private double costWith(int g, int occupant, int p) {
        double c = 0;
        for (int j = 0; j < in.numbers; j++) {
            double zo = in.z[j][occupant];
            double zp = in.z[j][p];
            c += costOf(j, s.sumZ(j, g) - zo + zp, s.sumZ2(j, g) - zo * zo + zp * zp, s.cnt(j, g) - in.has[j][occupant] + in.has[j][p]);
        }
        return c;
    }

    /** Sweeps over the groups outside their bands, single swaps then re-splits, until all are inside or nothing helps. */
    private void sweeps() {
        for (int sweep = 0; sweep < (large ? 3 : SWEEPS); sweep++) {
            boolean improved = bucketSweep(true);
            int outside = 0;
            int offset = m.random.nextInt(in.k);
            for (int x = 0; x < in.k; x++) {
                int g = (x + offset) % in.k;
                for (int i = 0; i < s.size(g) && cost[g] > 0; i++) {
                    int p = s.member(g, i);
                    if (m.isMovable[p] && balanceSwap(p)) {
                        improved = true;
                    }
                }
                outside += cost[g] > 0 ? 1 : 0;
            }
            if (outside == 0) {
                return;
            }
            // The fewer groups outside, the more partner groups each one tries.
            int tries = Math.max(SPLIT_GROUPS, SPLIT_BUDGET / outside);
            sortByDeviation();
            for (int x = 0; x < in.k && splitsLeft > 0; x++) {
                int g = (x + offset) % in.k;
                if (cost[g] > 0 && resplit(g, tries)) {
                    improved = true;
                }
            }
            if (!improved) {
                return;
            }
        }
    }

    /** Makes p's best swap that keeps clashes and diversity (or improves them) and lowers the numeric objective. */
    private boolean balanceSwap(int p) {
        int a = s.group[p];
        int best = -1;
        double bestDelta = -EPS;
        int tries = m.candidateCount();
        for (int i = 0; i < tries; i++) {
            int q = m.candidate(p, i);
            if (s.group[q] == a) {
                continue;
            }
            s.evalSwap(p, q);
            int verdict = s.swapVerdict();
            if (verdict < 0) {
                continue;
            }
            double delta = verdict > 0 ? Double.NEGATIVE_INFINITY : evalBalance(p, q);
            if (delta < bestDelta) {
                bestDelta = delta;
                best = q;
                if (verdict > 0) {
                    break;
                }
            }
        }
        if (best < 0) {
            return false;
        }
        int b = s.group[best];
        s.swap(p, best);
        cost[a] = groupCost(a);
        cost[b] = groupCost(b);
        return true;
    }

    /**
     * The best re-split of group a with one of {@code groups} partner groups (all of them when
     * there are no more) that keeps clashes and diversity and lowers the numeric objective.
     */
    private boolean resplit(int a, int groups) {
        int tries = Math.min(in.k - 1, groups);
        double bestDelta = -EPS;
        int bestB = -1;
        int bestMask = -1;
        // Half the partners from the groups furthest the other way on a's worst quantity, half at m.random.
        int q = worstQuantity(a);
        int[] order = byDeviation[q];
        boolean high = deviation(q, a) > 0;
        for (int t = 0; t < tries; t++) {
            int b;
            if (tries == in.k - 1) {
                b = (a + 1 + t) % in.k;
            } else if (t % 2 == 0) {
                b = high ? order[t / 2] : order[in.k - 1 - t / 2];
            } else {
                b = m.random.nextInt(in.k);
            }
            if (b == a || !split.load(a, b)) {
                continue;
            }
            splitsLeft--;
            double before = cost[a] + cost[b];
            int mask = split.best(numericChange(a, b, before), bestDelta);
            if (mask >= 0) {
                bestDelta = Math.min(bestDelta, splitDelta);
                bestB = b;
                bestMask = mask;
            }
        }
        if (bestB < 0) {
            return false;
        }
        split.load(a, bestB);
        split.apply(bestMask);
        cost[a] = groupCost(a);
        cost[bestB] = groupCost(bestB);
        return true;
    }

    private double deviation(int q, int g) {
        int j = q / 2;
        if (s.cnt(j, g) == 0) {
            return 0;
        }
        return q % 2 == 0 ? s.groupMean(j, g) - centreMean[j] : s.groupSd(j, g) - centreSd[j];
    }

    /** The quantity on which group g is furthest outside its band. */
    private int worstQuantity(int g) {
        int worst = 0;
        double most = Double.NEGATIVE_INFINITY;
        for (int q = 0; q < 2 * in.numbers; q++) {
            double beyond = Math.abs(deviation(q, g)) - band[q];
            if (beyond > most) {
                most = beyond;
                worst = q;
            }
        }
        return worst;
    }

    private void sortByDeviation() {
        if (byDeviation == null) {
            byDeviation = new int[2 * in.numbers][];
        }
        for (int q = 0; q < 2 * in.numbers; q++) {
            final int quantity = q;
            byDeviation[q] = IntStream.range(0, in.k).boxed()
                    .sorted(Comparator.comparingDouble(g -> deviation(quantity, g)))
                    .mapToInt(Integer::intValue).toArray();
        }
    }

    /** The change of the numeric objective of groups a and b under a split (remembered in splitDelta). */
    private Repartition.Scorer numericChange(int a, int b, double before) {
        return r -> {
            double after = 0;
            for (int j = 0; j < in.numbers; j++) {
                after += costOf(j, r.sumA[j], r.sum2A[j], r.cntA[j])
                        + costOf(j, s.sumZ(j, a) + s.sumZ(j, b) - r.sumA[j], s.sumZ2(j, a) + s.sumZ2(j, b) - r.sum2A[j],
                        s.cnt(j, a) + s.cnt(j, b) - r.cntA[j]);
            }
            splitDelta = after - before;
            return splitDelta;
        };
    }
}
