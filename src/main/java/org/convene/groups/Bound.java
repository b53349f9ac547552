package org.convene.groups;

/**
 * The upper bound on diversity for given group sizes: attribute by attribute, the most pairs
 * inside groups that differ in it, which is reached when each of its values is spread as evenly
 * as possible over the groups (a value held by T people puts T / k, rounded down or up, in each
 * group; sizes differ by at most one, so this always fits). No formation can beat any attribute's
 * part, so none can beat their weighted sum; constraints can only lower what is reachable.
 */
final class Bound {
    private Bound() {
    }

    /** Pairs inside groups of k groups, n people, sizes differing by at most one. */
    static long pairs(int n, int k) {
        int small = n / k;
        int big = n % k;
        return big * choose2(small + 1) + (long) (k - big) * choose2(small);
    }

    /** The fewest same-value pairs inside groups for values held by these numbers of people. */
    static long fewestSameValuePairs(int[] valueCounts, int k) {
        long same = 0;
        for (int t : valueCounts) {
            long base = t / k;
            long rem = t % k;
            same += rem * choose2(base + 1) + (k - rem) * choose2(base);
        }
        return same;
    }

    static long of(Instance in) {
        long pairs = pairs(in.n, in.k);
        long bound = 0;
        for (int t = 0; t < Instance.ATTRIBUTES; t++) {
            bound += in.weight[t] * (pairs - fewestSameValuePairs(valueCounts(in, t), in.k));
        }
        return bound;
    }

    static long fewestOrganisationClashes(Instance in) {
        return fewestSameValuePairs(valueCounts(in, Instance.ORGANISATION), in.k);
    }

    private static int[] valueCounts(Instance in, int attribute) {
        int[] c = new int[in.categories[attribute]];
        for (int p = 0; p < in.n; p++) {
            c[in.code[attribute][p]]++;
        }
        return c;
    }

    static long choose2(long x) {
        return x * (x - 1) / 2;
    }
}
