package org.convene.groups;

/**
 * The best way to re-split the members of two groups into groups of the same two sizes. Everything
 * but the numbers is a sum over pairs inside groups (diversity, and each kind of clash), so a split
 * is scored from these members alone. A depth-first search puts the members one by one into either
 * group; a pair's clashes and same-value weight only ever add up, so a partial split that already
 * has more clashes than the current one, or as many and more same-value weight, is cut off. Locked
 * members stay in their group and must-together units stay whole. Each complete split that keeps
 * clashes and diversity is passed to the caller's {@link Scorer} with the numeric sums of its first group.
 */
final class Repartition {
    /** Groups of up to this many are re-split: two groups of 8 have 12,870 splits before cutting. */
    static final int MAX_SIZE = 8;

    /** The caller's numeric objective of a complete split; lower is better. */
    interface Scorer {
        double score(Repartition split);
    }

    private final Instance in;
    private final State s;
    final int[] member = new int[2 * MAX_SIZE];
    int count;
    int sizeA;
    int a;
    int b;
    /** Per member, bit masks of the other members: same value per weighted attribute, clashes of each kind. */
    private final int[][] same = new int[Instance.ATTRIBUTES][2 * MAX_SIZE];
    private final int[] sep = new int[2 * MAX_SIZE];
    private final int[] org = new int[2 * MAX_SIZE];
    private final int[] team = new int[2 * MAX_SIZE];
    private final int[] past = new int[2 * MAX_SIZE];
    private final int[] sideOf = new int[2 * MAX_SIZE];  // 0 free, 1 must be in a, 2 must be in b
    private final int[] unitMask = new int[2 * MAX_SIZE];
    private long currentClash;
    private long currentSame;
    private Scorer scorer;
    private double best;
    private int bestMask;
    private boolean firstObjectives;
    private long bestClash;
    private long bestSame;
    /** The numeric sums of the first group (a) of the split being scored. */
    final double[] sumA;
    final double[] sum2A;
    final int[] cntA;

    Repartition(Instance in, State s) {
        this.in = in;
        this.s = s;
        sumA = new double[in.numbers];
        sum2A = new double[in.numbers];
        cntA = new int[in.numbers];
    }

    /** Takes the members of groups a and b; false if either is too large. */
    boolean load(int ga, int gb) {
        if (s.size(ga) > MAX_SIZE || s.size(gb) > MAX_SIZE) {
            return false;
        }
        a = ga;
        b = gb;
        count = 0;
        for (int i = 0; i < s.size(ga); i++) {
            member[count++] = s.member(ga, i);
        }
        sizeA = count;
        for (int i = 0; i < s.size(gb); i++) {
            member[count++] = s.member(gb, i);
        }
        for (int i = 0; i < count; i++) {
            int p = member[i];
            sideOf[i] = in.lock[p] < 0 ? 0 : i < sizeA ? 1 : 2;
            unitMask[i] = 0;
            for (int t = 0; t < Instance.ATTRIBUTES; t++) {
                same[t][i] = 0;
            }
            sep[i] = 0;
            org[i] = 0;
            team[i] = 0;
            past[i] = 0;
            for (int j = 0; j < count; j++) {
                if (j == i) {
                    continue;
                }
                int q = member[j];
                int bit = 1 << j;
                for (int t = 0; t < Instance.ATTRIBUTES; t++) {
                    if (in.code[t][p] == in.code[t][q]) {
                        same[t][i] |= bit;
                    }
                }
                if (in.code[Instance.ORGANISATION][p] == in.code[Instance.ORGANISATION][q]) {
                    org[i] |= bit;
                }
                if (in.team[p] >= 0 && in.team[p] == in.team[q]) {
                    team[i] |= bit;
                }
                if (contains(in.sepStart, in.sep, p, q)) {
                    sep[i] |= bit;
                }
                if (contains(in.pastStart, in.past, p, q)) {
                    past[i] |= bit;
                }
                if (in.units[in.unitOf[p]].length > 1 && in.unitOf[p] == in.unitOf[q]) {
                    unitMask[i] |= bit;
                }
            }
        }
        int current = (1 << sizeA) - 1;
        currentClash = 0;
        currentSame = 0;
        for (int i = 0; i < count; i++) {
            int side = (current >> i & 1) != 0 ? current : ~current;
            // Each pair is seen from both ends: halve below.
            currentClash += clashWith(i, side & ((1 << count) - 1));
            currentSame += sameWith(i, side & ((1 << count) - 1));
        }
        currentClash /= 2;
        currentSame /= 2;
        return true;
    }

    private static boolean contains(int[] start, int[] adj, int p, int q) {
        for (int e = start[p]; e < start[p + 1]; e++) {
            if (adj[e] == q) {
                return true;
            }
        }
        return false;
    }

    /** Member i's clashes with the members in mask, packed as separate, organisation, team, repeat in 12-bit fields. */
    private long clashWith(int i, int mask) {
        return ((long) Integer.bitCount(sep[i] & mask) << 36) | ((long) Integer.bitCount(org[i] & mask) << 24)
                | ((long) Integer.bitCount(team[i] & mask) << 12) | Integer.bitCount(past[i] & mask);
    }

    private long sameWith(int i, int mask) {
        long w = 0;
        for (int t = 0; t < Instance.ATTRIBUTES; t++) {
            w += in.weight[t] * Integer.bitCount(same[t][i] & mask);
        }
        return w;
    }

    /**
     * Searches the splits that keep clashes and diversity (or improve them: those score minus
     * infinity) for the one the scorer rates lowest, below {@code threshold}; its mask, or -1.
     */
    int best(Scorer scorer, double threshold) {
        this.scorer = scorer;
        firstObjectives = false;
        best = threshold;
        bestMask = -1;
        place(0, 0, 0, 0, 0, 0);
        return bestMask;
    }

    /** The split with the fewest clashes (lexicographically), then the most diversity, if better than the current one; or -1. */
    int bestClashesAndDiversity() {
        firstObjectives = true;
        bestClash = currentClash;
        bestSame = currentSame;
        bestMask = -1;
        place(0, 0, 0, 0, 0, 0);
        return bestMask;
    }

    private void place(int i, int maskA, int maskB, int inA, long clashSoFar, long sameSoFar) {
        long clashLimit = firstObjectives ? bestClash : currentClash;
        long sameLimit = firstObjectives ? bestSame : currentSame;
        if (clashSoFar > clashLimit || (clashSoFar == clashLimit && sameSoFar > sameLimit)) {
            return;
        }
        if (i == count) {
            leaf(maskA, clashSoFar, sameSoFar);
            return;
        }
        int bit = 1 << i;
        int inB = i - inA;
        // A member of a unit goes where the unit's earlier members went.
        boolean toA = true;
        boolean toB = true;
        if (sideOf[i] == 1) {
            toB = false;
        } else if (sideOf[i] == 2) {
            toA = false;
        }
        int earlier = unitMask[i] & (bit - 1);
        if (earlier != 0) {
            toA &= (earlier & maskA) != 0;
            toB &= (earlier & maskB) != 0;
        }
        if (toA && inA < sizeA) {
            place(i + 1, maskA | bit, maskB, inA + 1, clashSoFar + clashWith(i, maskA), sameSoFar + sameWith(i, maskA));
        }
        if (toB && inB < count - sizeA) {
            place(i + 1, maskA, maskB | bit, inA, clashSoFar + clashWith(i, maskB), sameSoFar + sameWith(i, maskB));
        }
    }

    private void leaf(int maskA, long clashTotal, long sameTotal) {
        if (firstObjectives) {
            if (clashTotal < bestClash || (clashTotal == bestClash && sameTotal < bestSame)) {
                bestClash = clashTotal;
                bestSame = sameTotal;
                bestMask = maskA;
            }
            return;
        }
        double score;
        if (clashTotal < currentClash || sameTotal < currentSame) {
            score = Double.NEGATIVE_INFINITY;
        } else {
            if (maskA == (1 << sizeA) - 1) {
                return;  // the current split
            }
            sums(maskA);
            score = scorer.score(this);
        }
        if (score < best) {
            best = score;
            bestMask = maskA;
        }
    }

    private void sums(int maskA) {
        for (int j = 0; j < in.numbers; j++) {
            double sum = 0;
            double sum2 = 0;
            int c = 0;
            double[] z = in.z[j];
            int[] has = in.has[j];
            for (int x = maskA; x != 0; x &= x - 1) {
                int p = member[Integer.numberOfTrailingZeros(x)];
                sum += z[p];
                sum2 += z[p] * z[p];
                c += has[p];
            }
            sumA[j] = sum;
            sum2A[j] = sum2;
            cntA[j] = c;
        }
    }

    /** Makes the split. */
    void apply(int maskA) {
        int[] people = new int[count];
        int[] targets = new int[count];
        int moved = 0;
        for (int i = 0; i < count; i++) {
            boolean toA = (maskA & (1 << i)) != 0;
            boolean inA = i < sizeA;
            if (toA != inA) {
                people[moved] = member[i];
                targets[moved++] = toA ? a : b;
            }
        }
        s.regroup(people, targets, moved);
    }
}
