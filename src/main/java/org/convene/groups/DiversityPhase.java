package org.convene.groups;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Phase 1: fewest clashes, then most diversity. The exchange method with O(1) deltas: passes over
 * the people who share a value with someone in their group or clash, each making their best
 * improving swap; must-together units move as a whole, trading places with single people.
 */
final class DiversityPhase {
    /** Up to this many people, a pass with every partner for everyone finishes the phase. */
    static final int FULL_CHECK = 5_000;
    private static final int PASSES = 30;
    private static final int SPREAD_GROUPS = 64;
    private static final int RESPLIT_GROUPS = 64;

    private final Instance in;
    private final State s;
    private final Moves m;
    private final int[] unitMoved;

    DiversityPhase(Moves moves) {
        this.m = moves;
        this.in = moves.in;
        this.s = moves.s;
        int maxUnit = 1;
        for (int[] unit : in.units) {
            maxUnit = Math.max(maxUnit, unit.length);
        }
        unitMoved = new int[maxUnit];
    }

    /**
     * Passes over the people who share a value with someone in their group or clash, each making
     * their best swap with a random sample of partners (everyone up to {@link Moves#FULL_EXCHANGE}
     * people); when a sampled pass finds nothing, passes with every partner finish the job (up to
     * {@link #FULL_CHECK} people; above, sampled passes with more partners).
     */
    void run() {
        int[] order = m.movable.clone();
        boolean everyone = m.full;
        // Large problems sample fewer partners: spreading the values below finishes what sampling misses.
        int samples = in.n > FULL_CHECK * 4 ? Moves.SAMPLES / 2 : Moves.SAMPLES;
        boolean unitsSettled = false;
        for (int pass = 0; pass < PASSES; pass++) {
            int made = 0;
            m.shuffle(order);
            for (int p : order) {
                if (s.hasDuplicate(p) && bestSwap(p, everyone ? m.movable.length : samples)) {
                    made++;
                }
            }
            boolean unitsMoved = !unitsSettled && moveUnits();
            unitsSettled = !unitsMoved;
            // Once sampling finds little (nothing, or in large problems fewer swaps than one per 1,000
            // people, where spreading the values and re-splitting around units below are far
            // quicker): every partner, or stop.
            boolean little = made == 0 || (!everyone && in.n > FULL_CHECK && made < in.n / 1_000);
            if (little && (!unitsMoved || in.n > FULL_CHECK)) {
                if (everyone || in.n > FULL_CHECK) {
                    break;
                }
                everyone = true;
            }
        }
        if (!everyone) {
            spreadValues();
        }
        resplits();
    }

    /**
     * While diversity is below the bound or organisation clashes above their minimum: the best
     * re-split of each group holding a must-together unit and a shared value or clash, with
     * partner groups (all of them up to {@link #RESPLIT_GROUPS}, else a sample). Units move whole
     * here, with any number of people in exchange, which the unit moves above cannot do.
     */
    private void resplits() {
        long bound = Bound.of(in);
        long fewest = Bound.fewestOrganisationClashes(in);
        Repartition split = new Repartition(in, s);
        for (int pass = 0; pass < PASSES && (s.diversity < bound || s.organisationClashes > fewest); pass++) {
            boolean improved = false;
            for (int a = 0; a < in.k; a++) {
                if (!holdsUnitAndDuplicate(a)) {
                    continue;
                }
                int tries = Math.min(in.k - 1, RESPLIT_GROUPS);
                for (int t = 0; t < tries; t++) {
                    int b = tries == in.k - 1 ? (a + 1 + t) % in.k : m.random.nextInt(in.k);
                    if (b == a || !split.load(a, b)) {
                        continue;
                    }
                    int mask = split.bestClashesAndDiversity();
                    if (mask >= 0) {
                        split.apply(mask);
                        improved = true;
                    }
                }
            }
            if (!improved) {
                return;
            }
        }
    }

    private boolean holdsUnitAndDuplicate(int g) {
        boolean unit = false;
        boolean duplicate = false;
        for (int i = 0; i < s.size(g); i++) {
            int p = s.member(g, i);
            unit |= in.units[in.unitOf[p]].length > 1 && in.lock[p] < 0;
            duplicate |= s.hasDuplicate(p);
        }
        return unit && duplicate;
    }

    /**
     * Diversity is at the bound exactly when every value of every attribute is spread as evenly as
     * possible, so a shortfall shows as a value held by c people in one group and at most c - 2
     * in another. For each such value, the people in the groups that hold the most of it try
     * swaps with the people of the groups that hold at least two fewer; passes until none helps.
     */
    private void spreadValues() {
        for (int pass = 0; pass < PASSES; pass++) {
            boolean improved = false;
            for (int t = 0; t < Instance.ATTRIBUTES; t++) {
                if (in.weight[t] == 0 && t != Instance.ORGANISATION) {
                    continue;
                }
                BitSet seen = new BitSet(in.categories[t]);
                for (int p : m.movable) {
                    int x = in.code[t][p];
                    if (seen.get(x) || s.count(t, s.group[p], x) < 2) {
                        continue;
                    }
                    seen.set(x);
                    improved |= spreadValue(t, x);
                }
            }
            if (!improved) {
                return;
            }
        }
    }

    private boolean spreadValue(int t, int x) {
        int most = 0;
        int least = Integer.MAX_VALUE;
        for (int g = 0; g < in.k; g++) {
            int c = s.count(t, g, x);
            most = Math.max(most, c);
            least = Math.min(least, c);
        }
        if (most - least < 2) {
            return false;
        }
        List<Integer> low = new ArrayList<>();
        List<Integer> high = new ArrayList<>();
        for (int g = 0; g < in.k; g++) {
            int c = s.count(t, g, x);
            if (c <= most - 2) {
                low.add(g);
            } else if (c == most) {
                high.add(g);
            }
        }
        boolean improved = false;
        for (int a : high) {
            for (int i = 0; i < s.size(a); i++) {
                int p = s.member(a, i);
                if (!m.isMovable[p] || in.code[t][p] != x || s.count(t, a, x) < most) {
                    continue;
                }
                int best = -1;
                long bSep = 0;
                long bOrg = 0;
                long bTeam = 0;
                long bRep = 0;
                long bDiv = 0;
                for (int tries = 0; tries < Math.min(low.size(), SPREAD_GROUPS); tries++) {
                    int b = low.get(low.size() <= SPREAD_GROUPS ? tries : m.random.nextInt(low.size()));
                    for (int y = 0; y < s.size(b); y++) {
                        int q = s.member(b, y);
                        if (!m.isMovable[q]) {
                            continue;
                        }
                        s.evalSwap(p, q);
                        if (Moves.better(s.dSep, s.dOrg, s.dTeam, s.dRep, s.dDiv, bSep, bOrg, bTeam, bRep, bDiv)) {
                            best = q;
                            bSep = s.dSep;
                            bOrg = s.dOrg;
                            bTeam = s.dTeam;
                            bRep = s.dRep;
                            bDiv = s.dDiv;
                        }
                    }
                }
                if (best >= 0) {
                    s.swap(p, best);
                    improved = true;
                }
            }
        }
        return improved;
    }

    /** Makes p's best improving swap (fewer clashes, then more diversity), if any. */
    private boolean bestSwap(int p, int tries) {
        int a = s.group[p];
        int best = -1;
        long bSep = 0;
        long bOrg = 0;
        long bTeam = 0;
        long bRep = 0;
        long bDiv = 0;
        for (int i = 0; i < tries; i++) {
            int q = tries == m.movable.length ? m.movable[i] : m.anyone();
            if (s.group[q] == a) {
                continue;
            }
            s.evalSwap(p, q);
            if (Moves.better(s.dSep, s.dOrg, s.dTeam, s.dRep, s.dDiv, bSep, bOrg, bTeam, bRep, bDiv)) {
                best = q;
                bSep = s.dSep;
                bOrg = s.dOrg;
                bTeam = s.dTeam;
                bRep = s.dRep;
                bDiv = s.dDiv;
            }
        }
        if (best >= 0) {
            s.swap(p, best);
            return true;
        }
        return false;
    }


    /**
     * Moves each free must-together unit that clashes or repeats a value to the group where it does
     * best, taking as many single people from there back to its group (each chosen greedily).
     */
    private boolean moveUnits() {
        boolean improved = false;
        for (int[] unit : in.units) {
            if (unit.length == 1 || in.lock[unit[0]] >= 0) {
                continue;
            }
            boolean defect = false;
            for (int p : unit) {
                defect |= s.hasDuplicate(p);
            }
            if (!defect) {
                continue;
            }
            int a = s.group[unit[0]];
            int groups = Math.min(in.k, m.full ? in.k : Moves.SAMPLES);
            int bestGroup = -1;
            long[] base = m.totals();
            long[] bestTotals = base;
            for (int i = 0; i < groups; i++) {
                int b = m.full ? i : m.random.nextInt(in.k);
                if (b == a) {
                    continue;
                }
                int moved = exchangeUnit(unit, a, b);
                if (moved < 0) {
                    continue;
                }
                long[] after = m.totals();
                undo(unit, a, b, moved);
                if (Moves.betterTotals(after, bestTotals)) {
                    bestTotals = after;
                    bestGroup = b;
                }
            }
            if (bestGroup >= 0) {
                exchangeUnit(unit, a, bestGroup);
                improved = true;
            }
        }
        return improved;
    }

    /** Moves the unit from a to b and as many m.movable people from b to a; their number, or -1 if b has too few. */
    private int exchangeUnit(int[] unit, int a, int b) {
        int available = 0;
        for (int i = 0; i < s.size(b); i++) {
            if (m.isMovable[s.member(b, i)]) {
                available++;
            }
        }
        if (available < unit.length) {
            return -1;
        }
        for (int p : unit) {
            s.move(p, b);
        }
        for (int slot = 0; slot < unit.length; slot++) {
            int best = -1;
            long[] bestTotals = null;
            for (int i = 0; i < s.size(b); i++) {
                int q = s.member(b, i);
                if (!m.isMovable[q]) {
                    continue;
                }
                s.move(q, a);
                long[] t = m.totals();
                s.move(q, b);
                if (bestTotals == null || Moves.betterTotals(t, bestTotals)) {
                    bestTotals = t;
                    best = q;
                }
            }
            s.move(best, a);
            unitMoved[slot] = best;
        }
        return unit.length;
    }

    private void undo(int[] unit, int a, int b, int moved) {
        for (int i = 0; i < moved; i++) {
            s.move(unitMoved[i], b);
        }
        for (int p : unit) {
            s.move(p, a);
        }
    }
}
