package org.convene.evaluation;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Two-sided Wilcoxon signed-rank test of paired differences against 0, with Pratt's treatment of
 * zeros: zero differences take part in the ranking (so they take the lowest ranks) and are then left
 * out of the statistic.
 *
 * <p>Without zeros or tied absolute differences and with at most 50 differences the p-value is exact.
 * Otherwise it is the normal approximation with Cureton's correction for zeros, the tie correction
 * over the tied groups of non-zero differences, and a continuity correction of 0.5. This matches
 * {@code scipy.stats.wilcoxon(d, zero_method="pratt", correction=True)}.
 *
 * <p>(Written here rather than taken from commons-statistics-inference 1.2, whose tie correction also
 * counts the tied zeros; with the many unchanged answers of Likert items that gives slightly too small
 * p-values.)
 */
final class SignedRankTest {
    /** Largest sample with an exact p-value, as in scipy and commons-statistics. */
    static final int EXACT_LIMIT = 50;

    /**
     * @param wPlus sum of the ranks of the positive differences
     * @param p two-sided p-value; NaN when every difference is zero (or there are none)
     * @param exact whether p is exact
     */
    record Result(double wPlus, double p, boolean exact) {
    }

    private SignedRankTest() {
    }

    static Result test(double[] differences) {
        int n = differences.length;
        double[] abs = new double[n];
        int zeros = 0;
        for (int i = 0; i < n; i++) {
            abs[i] = Math.abs(differences[i]);
            if (differences[i] == 0) {
                zeros++;
            }
        }
        if (zeros == n) {
            return new Result(Double.NaN, Double.NaN, false);
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(abs[a], abs[b]));

        // Average ranks of tied groups; the tie term sums t^3 - t over groups of non-zero differences.
        double[] rank = new double[n];
        double tieTerm = 0;
        for (int start = 0; start < n;) {
            int end = start;
            while (end + 1 < n && abs[order[end + 1]] == abs[order[start]]) {
                end++;
            }
            double average = (start + end) / 2.0 + 1;
            for (int k = start; k <= end; k++) {
                rank[order[k]] = average;
            }
            double t = end - start + 1;
            if (abs[order[start]] != 0 && t > 1) {
                tieTerm += t * t * t - t;
            }
            start = end + 1;
        }
        double wPlus = 0;
        for (int i = 0; i < n; i++) {
            if (differences[i] > 0) {
                wPlus += rank[i];
            }
        }

        if (zeros == 0 && tieTerm == 0 && n <= EXACT_LIMIT) {
            return new Result(wPlus, exactP((int) wPlus, n), true);
        }
        double mean = (n * (n + 1.0) - zeros * (zeros + 1.0)) / 4;
        double variance = (n * (n + 1.0) * (2 * n + 1.0) - zeros * (zeros + 1.0) * (2 * zeros + 1.0)) / 24
                - tieTerm / 48;
        double x = wPlus - mean;
        x -= Math.signum(x) * 0.5;
        double z = Math.abs(x) / Math.sqrt(variance);
        double p = Math.min(1, 2 * NormalDistribution.of(0, 1).survivalProbability(z));
        return new Result(wPlus, p, false);
    }

    /**
     * Exact two-sided p-value: 2 · P(W ≤ min(W+, W-)) under the null, where W+ is a sum of a random subset
     * of the ranks 1..n; counts of subsets by sum follow u_k(t) = u_{k-1}(t) + u_{k-1}(t - k).
     */
    static double exactP(int wPlus, int n) {
        int total = n * (n + 1) / 2;
        int w = Math.min(wPlus, total - wPlus);
        double[] u = new double[w + 1];
        u[0] = 1;
        for (int k = 1; k <= n; k++) {
            for (int t = w; t >= k; t--) {
                u[t] += u[t - k];
            }
        }
        double atMost = 0;
        for (double c : u) {
            atMost += c;
        }
        return Math.min(1, 2 * Math.scalb(atMost, -n));
    }
}
