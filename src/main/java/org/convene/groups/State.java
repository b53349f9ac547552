package org.convene.groups;

/**
 * An assignment with everything the search needs kept up to date in O(1) per move: per group the
 * diversity and the numeric sums, the totals of each kind of clash, and the counts of each
 * attribute value per group. {@link #evalSwap} gives the change of a swap without making it, from
 * the counts alone: moving p from A to B changes the differing pairs of an attribute by
 * (|A| - count_A(p's value)) lost and (|B| - count_B(p's value)) gained.
 *
 * <p>Small groups (up to {@link #SCAN_LIMIT} places) keep their members' values side by side and
 * count by scanning them: one or two cache lines per group, where tables of counts per group and
 * value would cost a cache miss per look-up (100,000 people have 16,667 groups of 6 and 7,700
 * organisations). Larger groups use {@link Counts}.
 */
final class State {
    static final int SCAN_LIMIT = 16;
    /** Values per person: sector, organisation, profession, place, team (-1 none). */
    private static final int V = 5;
    private static final int TEAM = 4;

    final Instance in;
    final int k;
    final int[] group;
    private final int cap;
    private final int[] slot;
    private final int[] size;
    private final int[] pos;
    private final boolean scan;
    /** Scan mode: the values of the member in each place, V per place. */
    private final int[] slotValues;
    private final int[] personValues;
    private final Counts[] counts;
    final long[] div;
    /** Per group, per numeric attribute: sum of z, sum of z^2, count of values. */
    private final double[] numbers;
    private final int stride;
    private final int[] weight;

    long separateBroken;
    long organisationClashes;
    long teamClashes;
    long repeats;
    long diversity;

    /** The change of the last {@link #evalSwap}: clashes of each kind, total diversity and of each group. */
    long dSep;
    long dOrg;
    long dTeam;
    long dRep;
    long dDiv;
    long dDivA;
    long dDivB;

    State(Instance in, int[] assignment) {
        this.in = in;
        this.k = in.k;
        int n = in.n;
        group = new int[n];
        pos = new int[n];
        size = new int[k];
        int maxUnit = 1;
        for (int[] u : in.units) {
            maxUnit = Math.max(maxUnit, u.length);
        }
        cap = in.capacityLimit() + maxUnit;
        slot = new int[k * cap];
        scan = in.capacityLimit() <= SCAN_LIMIT;
        weight = new int[V];
        System.arraycopy(in.weight, 0, weight, 0, Instance.ATTRIBUTES);
        personValues = new int[n * V];
        for (int p = 0; p < n; p++) {
            for (int t = 0; t < Instance.ATTRIBUTES; t++) {
                personValues[p * V + t] = in.code[t][p];
            }
            personValues[p * V + TEAM] = in.team[p];
        }
        if (scan) {
            slotValues = new int[k * cap * V];
            counts = null;
        } else {
            slotValues = null;
            counts = new Counts[V];
            for (int t = 0; t < Instance.ATTRIBUTES; t++) {
                counts[t] = new Counts(k, in.categories[t]);
            }
            counts[TEAM] = new Counts(k, Math.max(1, in.teams));
        }
        div = new long[k];
        stride = 3 * in.numbers;
        numbers = new double[k * stride];
        java.util.Arrays.fill(group, -1);
        for (int i = 0; i < n; i++) {
            place(i, assignment[i]);
        }
    }

    int[] assignment() {
        return group.clone();
    }

    int size(int g) {
        return size[g];
    }

    int member(int g, int i) {
        return slot[g * cap + i];
    }

    double sumZ(int j, int g) {
        return numbers[g * stride + 3 * j];
    }

    double sumZ2(int j, int g) {
        return numbers[g * stride + 3 * j + 1];
    }

    int cnt(int j, int g) {
        return (int) numbers[g * stride + 3 * j + 2];
    }

    /** How many members of g have value v of attribute t (t = 4: team; v = -1 counts nobody). */
    int count(int t, int g, int v) {
        if (v < 0) {
            return 0;
        }
        if (!scan) {
            return counts[t].get(g, v);
        }
        int c = 0;
        int base = g * cap * V + t;
        for (int i = 0, end = size[g]; i < end; i++) {
            if (slotValues[base + i * V] == v) {
                c++;
            }
        }
        return c;
    }

    /** Puts an unplaced person into a group, updating everything. */
    private void place(int p, int to) {
        int pv = p * V;
        for (int t = 0; t < Instance.ATTRIBUTES; t++) {
            int ct = count(t, to, personValues[pv + t]);
            long gained = size[to] - ct;
            div[to] += weight[t] * gained;
            diversity += weight[t] * gained;
            if (t == Instance.ORGANISATION) {
                organisationClashes += ct;
            }
        }
        teamClashes += count(TEAM, to, personValues[pv + TEAM]);
        separateBroken += neighboursIn(in.sepStart, in.sep, p, to);
        repeats += neighboursIn(in.pastStart, in.past, p, to);
        int nb = to * stride;
        for (int j = 0; j < in.numbers; j++) {
            double z = in.z[j][p];
            numbers[nb + 3 * j] += z;
            numbers[nb + 3 * j + 1] += z * z;
            numbers[nb + 3 * j + 2] += in.has[j][p];
        }
        group[p] = to;
        int i = size[to]++;
        pos[p] = i;
        slot[to * cap + i] = p;
        if (scan) {
            System.arraycopy(personValues, pv, slotValues, (to * cap + i) * V, V);
        } else {
            for (int t = 0; t < V; t++) {
                if (personValues[pv + t] >= 0) {
                    counts[t].add(to, personValues[pv + t], 1);
                }
            }
        }
    }

    /** Takes a person out of their group, updating everything. */
    private void unplace(int p) {
        int from = group[p];
        int pv = p * V;
        if (!scan) {
            for (int t = 0; t < V; t++) {
                if (personValues[pv + t] >= 0) {
                    counts[t].add(from, personValues[pv + t], -1);
                }
            }
        }
        int last = slot[from * cap + size[from] - 1];
        slot[from * cap + pos[p]] = last;
        if (scan) {
            System.arraycopy(slotValues, (from * cap + size[from] - 1) * V, slotValues, (from * cap + pos[p]) * V, V);
        }
        pos[last] = pos[p];
        size[from]--;
        group[p] = -1;
        // Counts now exclude p: what p loses is its pairs with the others.
        for (int t = 0; t < Instance.ATTRIBUTES; t++) {
            int cf = count(t, from, personValues[pv + t]);
            long lost = size[from] - cf;
            div[from] -= weight[t] * lost;
            diversity -= weight[t] * lost;
            if (t == Instance.ORGANISATION) {
                organisationClashes -= cf;
            }
        }
        teamClashes -= count(TEAM, from, personValues[pv + TEAM]);
        separateBroken -= neighboursIn(in.sepStart, in.sep, p, from);
        repeats -= neighboursIn(in.pastStart, in.past, p, from);
        int nb = from * stride;
        for (int j = 0; j < in.numbers; j++) {
            double z = in.z[j][p];
            numbers[nb + 3 * j] -= z;
            numbers[nb + 3 * j + 1] -= z * z;
            numbers[nb + 3 * j + 2] -= in.has[j][p];
        }
    }

    /** Changes the assignment to the given one (with the same group sizes). */
    void reassign(int[] assignment) {
        java.util.List<Integer> changed = new java.util.ArrayList<>();
        for (int p = 0; p < in.n; p++) {
            if (group[p] != assignment[p]) {
                changed.add(p);
                unplace(p);
            }
        }
        for (int p : changed) {
            place(p, assignment[p]);
        }
    }

    /** Moves the first count people to their targets (all out first, so no group overflows on the way). */
    void regroup(int[] people, int[] targets, int count) {
        for (int i = 0; i < count; i++) {
            unplace(people[i]);
        }
        for (int i = 0; i < count; i++) {
            place(people[i], targets[i]);
        }
    }

    void move(int p, int to) {
        unplace(p);
        place(p, to);
    }

    void swap(int p, int q) {
        int a = group[p];
        int b = group[q];
        unplace(p);
        unplace(q);
        place(p, b);
        place(q, a);
    }

    private int neighboursIn(int[] start, int[] adj, int p, int g) {
        int c = 0;
        for (int e = start[p]; e < start[p + 1]; e++) {
            if (group[adj[e]] == g) {
                c++;
            }
        }
        return c;
    }

    /**
     * The change if p and q (in different groups) swapped: into dSep, dOrg, dTeam, dRep (clashes,
     * lower is better), dDiv (total diversity) and dDivA, dDivB (the groups of p and of q).
     */
    void evalSwap(int p, int q) {
        int a = group[p];
        int b = group[q];
        int pv = p * V;
        int qv = q * V;
        long da = 0;
        long db = 0;
        long org = 0;
        for (int t = 0; t < Instance.ATTRIBUTES; t++) {
            int x = personValues[pv + t];
            int y = personValues[qv + t];
            int w = weight[t];
            if (x == y || (w == 0 && t != Instance.ORGANISATION)) {
                continue;
            }
            long ga = count(t, a, x) - 1 - count(t, a, y);
            long gb = count(t, b, y) - 1 - count(t, b, x);
            da += w * ga;
            db += w * gb;
            if (t == Instance.ORGANISATION) {
                org = -(ga + gb);
            }
        }
        dDivA = da;
        dDivB = db;
        dDiv = da + db;
        dOrg = org;
        int tp = personValues[pv + TEAM];
        int tq = personValues[qv + TEAM];
        if (tp == tq) {
            dTeam = 0;
        } else {
            long ta = count(TEAM, a, tq) - (tp >= 0 ? count(TEAM, a, tp) - 1 : 0);
            long tb = count(TEAM, b, tp) - (tq >= 0 ? count(TEAM, b, tq) - 1 : 0);
            dTeam = ta + tb;
        }
        dSep = pairDelta(in.sepStart, in.sep, p, q, a, b);
        dRep = pairDelta(in.pastStart, in.past, p, q, a, b);
    }

    private long pairDelta(int[] start, int[] adj, int p, int q, int a, int b) {
        if (start[p] == start[p + 1] && start[q] == start[q + 1]) {
            return 0;
        }
        long d = 0;
        for (int e = start[p]; e < start[p + 1]; e++) {
            if (adj[e] == q) {
                continue; // apart before and after
            }
            int g = group[adj[e]];
            if (g == b) {
                d++;
            } else if (g == a) {
                d--;
            }
        }
        for (int e = start[q]; e < start[q + 1]; e++) {
            if (adj[e] == p) {
                continue;
            }
            int g = group[adj[e]];
            if (g == a) {
                d++;
            } else if (g == b) {
                d--;
            }
        }
        return d;
    }

    /**
     * The last {@link #evalSwap}'s clashes and diversity as one comparison: positive if the swap
     * is better (fewer separate pairs broken, then organisation clashes, team clashes, repeats,
     * then more diversity), 0 if the same, negative if worse.
     */
    int swapVerdict() {
        if (dSep != 0) {
            return dSep < 0 ? 1 : -1;
        }
        if (dOrg != 0) {
            return dOrg < 0 ? 1 : -1;
        }
        if (dTeam != 0) {
            return dTeam < 0 ? 1 : -1;
        }
        if (dRep != 0) {
            return dRep < 0 ? 1 : -1;
        }
        return Long.signum(dDiv);
    }

    /** Whether p is in a group with someone they clash with or share a value of a weighted attribute with. */
    boolean hasDuplicate(int p) {
        int g = group[p];
        for (int t = 0; t < Instance.ATTRIBUTES; t++) {
            if ((weight[t] > 0 || t == Instance.ORGANISATION) && count(t, g, personValues[p * V + t]) > 1) {
                return true;
            }
        }
        return count(TEAM, g, personValues[p * V + TEAM]) > 1
                || neighboursIn(in.sepStart, in.sep, p, g) > 0 || neighboursIn(in.pastStart, in.past, p, g) > 0;
    }

    /**
     * The clashes p would have in group g in place of occupant (p may be the occupant, or already
     * in g elsewhere), packed as separate, organisation, team, repeat pairs in 16-bit fields.
     */
    long clashesOf(int p, int g, int occupant) {
        int alsoThere = p != occupant && group[p] == g ? 1 : 0;
        int org = personValues[p * V + Instance.ORGANISATION];
        long sameOrg = count(Instance.ORGANISATION, g, org) - (personValues[occupant * V + Instance.ORGANISATION] == org ? 1 : 0) - alsoThere;
        long team = 0;
        int tp = personValues[p * V + TEAM];
        if (tp >= 0) {
            team = count(TEAM, g, tp) - (personValues[occupant * V + TEAM] == tp ? 1 : 0) - alsoThere;
        }
        long sep = neighboursIn(in.sepStart, in.sep, p, g) - (adjacent(in.sepStart, in.sep, p, occupant) && group[occupant] == g ? 1 : 0);
        long rep = neighboursIn(in.pastStart, in.past, p, g) - (adjacent(in.pastStart, in.past, p, occupant) && group[occupant] == g ? 1 : 0);
        return (sep << 48) | (sameOrg << 32) | (team << 16) | rep;
    }

    /** The weighted same-value pairs p would have in g in place of occupant. */
    long sameValuePenalty(int p, int g, int occupant) {
        int alsoThere = p != occupant && group[p] == g ? 1 : 0;
        long penalty = 0;
        for (int t = 0; t < Instance.ATTRIBUTES; t++) {
            if (weight[t] == 0) {
                continue;
            }
            int v = personValues[p * V + t];
            long same = count(t, g, v) - (personValues[occupant * V + t] == v ? 1 : 0) - alsoThere;
            penalty += weight[t] * same;
        }
        return penalty;
    }

    private static boolean adjacent(int[] start, int[] adj, int p, int q) {
        for (int e = start[p]; e < start[p + 1]; e++) {
            if (adj[e] == q) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------ numbers

    double groupMean(int j, int g) {
        int c = cnt(j, g);
        return c == 0 ? Double.NaN : sumZ(j, g) / c;
    }

    double groupSd(int j, int g) {
        return sd(sumZ(j, g), sumZ2(j, g), cnt(j, g));
    }

    static double sd(double s, double s2, int c) {
        if (c == 0) {
            return Double.NaN;
        }
        double m = s / c;
        return Math.sqrt(Math.max(0, s2 / c - m * m));
    }
}
