package org.convene.groups;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntToLongFunction;

/**
 * What the search phases share: the state, the seeded random stream, who may be swapped (neither
 * locked nor in a must-together unit), swap partners (everyone, or a sample mostly from a person's
 * own sector and place, where most swaps keep diversity), and the lexicographic comparison of
 * clashes and diversity.
 */
final class Moves {
    /** Up to this many people every swap partner is tried; above it, a sample. */
    static final int FULL_EXCHANGE = 600;
    /** Sampled partners per person and pass. */
    static final int SAMPLES = 48;

    final Instance in;
    final State s;
    final SplittableRandom random;
    final int[] movable;
    final boolean[] isMovable;
    final boolean full;
    /** Movable people sorted by (sector, place) and by sector; each person's bounds in them. */
    private final int[] bySectorPlace;
    private final int[] bySector;
    private final int[] spLo;
    private final int[] spHi;
    private final int[] sLo;
    private final int[] sHi;

    Moves(Instance in, State state, SplittableRandom random) {
        this.in = in;
        this.s = state;
        this.random = random;
        isMovable = new boolean[in.n];
        int count = 0;
        for (int p = 0; p < in.n; p++) {
            isMovable[p] = in.lock[p] < 0 && in.units[in.unitOf[p]].length == 1;
            count += isMovable[p] ? 1 : 0;
        }
        movable = new int[count];
        count = 0;
        for (int p = 0; p < in.n; p++) {
            if (isMovable[p]) {
                movable[count++] = p;
            }
        }
        full = in.n <= FULL_EXCHANGE;
        IntToLongFunction sectorPlace = sectorPlace();
        IntToLongFunction sector = p -> in.code[Instance.SECTOR][p];
        bySectorPlace = sorted(sectorPlace);
        bySector = sorted(sector);
        spLo = new int[in.n];
        spHi = new int[in.n];
        sLo = new int[in.n];
        sHi = new int[in.n];
        bounds(bySectorPlace, sectorPlace, spLo, spHi);
        bounds(bySector, sector, sLo, sHi);
    }

    IntToLongFunction sectorPlace() {
        return p -> (long) in.code[Instance.SECTOR][p] * in.categories[Instance.PLACE] + in.code[Instance.PLACE][p];
    }

    /** The movable people sorted by a key (then by index). */
    int[] sorted(IntToLongFunction key) {
        return Arrays.stream(movable).boxed()
                .sorted(Comparator.<Integer>comparingLong(key::applyAsLong).thenComparingInt(p -> p))
                .mapToInt(Integer::intValue).toArray();
    }

    /** The movable people grouped by a key, groups of one left out. */
    int[][] buckets(IntToLongFunction key) {
        int[] order = sorted(key);
        List<int[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= order.length; i++) {
            if (i == order.length || key.applyAsLong(order[i]) != key.applyAsLong(order[start])) {
                if (i - start > 1) {
                    out.add(Arrays.copyOfRange(order, start, i));
                }
                start = i;
            }
        }
        return out.toArray(new int[0][]);
    }

    private static void bounds(int[] order, IntToLongFunction key, int[] lo, int[] hi) {
        int start = 0;
        for (int i = 1; i <= order.length; i++) {
            if (i == order.length || key.applyAsLong(order[i]) != key.applyAsLong(order[start])) {
                for (int x = start; x < i; x++) {
                    lo[order[x]] = start;
                    hi[order[x]] = i;
                }
                start = i;
            }
        }
    }

    int candidateCount() {
        return full ? movable.length : SAMPLES;
    }

    /** The i-th swap partner to try for p: everyone in turn, or a sample. */
    int candidate(int p, int i) {
        return full ? movable[i] : sampled(p, i);
    }

    /**
     * A random partner for p, the i-th of a stream: mostly from p's own sector and place (60 % of
     * those swaps keep diversity at the bound in the demo region), some from the sector (15 %) and
     * from anyone (4 %), so that no kind of swap is out of reach.
     */
    int sampled(int p, int i) {
        int kind = i & 7;
        if (kind < 6 && spHi[p] - spLo[p] > 1) {
            return bySectorPlace[spLo[p] + random.nextInt(spHi[p] - spLo[p])];
        }
        if (kind < 7 && sHi[p] - sLo[p] > 1) {
            return bySector[sLo[p] + random.nextInt(sHi[p] - sLo[p])];
        }
        return movable[random.nextInt(movable.length)];
    }

    int anyone() {
        return movable[random.nextInt(movable.length)];
    }

    void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** Whether changes (sep, org, team, rep clashes; div diversity) beat the best ones so far, lexicographically. */
    static boolean better(long sep, long org, long team, long rep, long div, long bSep, long bOrg, long bTeam, long bRep, long bDiv) {
        if (sep != bSep) {
            return sep < bSep;
        }
        if (org != bOrg) {
            return org < bOrg;
        }
        if (team != bTeam) {
            return team < bTeam;
        }
        if (rep != bRep) {
            return rep < bRep;
        }
        return div > bDiv;
    }

    /** The state's clashes of each kind and diversity. */
    long[] totals() {
        return new long[] {s.separateBroken, s.organisationClashes, s.teamClashes, s.repeats, s.diversity};
    }

    static boolean betterTotals(long[] x, long[] y) {
        return better(x[0], x[1], x[2], x[3], x[4], y[0], y[1], y[2], y[3], y[4]);
    }
}
