package org.convene.evaluation;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Paired comparison of the same people's answers at two times, e.g. confidence before and after a
 * programme (or the retrospective "then" rating and the "after" rating). Changes are
 * {@code after - before}, so a rise is positive.
 *
 * <p>Pairs where either value is missing (NaN, or null in the list form) are dropped; {@link #dropped()}
 * counts them. Nothing here throws on awkward data: what cannot be computed is NaN and
 * {@link #caveats()} says why.
 *
 * <ul>
 * <li>Confidence interval of the mean change: {@code mean ± t(n-1) · sd / √n}.
 * <li>Effect size: Cohen's d<sub>z</sub> = mean change / SD of the changes, and Hedges' g<sub>z</sub>
 *     = d<sub>z</sub> · J(n-1) with the exact small-sample correction J(m) = Γ(m/2) / (√(m/2) Γ((m-1)/2)).
 * <li>Paired t-test, two-sided.
 * <li>Wilcoxon signed-rank test, two-sided, for ordinal answers such as Likert items. Unchanged pairs
 *     (zero differences) are ranked and then left out of the statistic (Pratt's procedure). Without
 *     ties or zeros and with at most 50 pairs the p-value is exact; otherwise it is the normal
 *     approximation with Cureton's zero and tie corrections and a continuity correction. This matches
 *     {@code scipy.stats.wilcoxon(after, before, zero_method="pratt", correction=True)}; with the usual
 *     Likert data (ties, unchanged answers) it is the approximation. See {@link SignedRankTest}.
 * </ul>
 *
 * @param pairs pairs used (both values present)
 * @param dropped pairs left out because a value was missing
 * @param meanBefore mean of the "before" values of the pairs used
 * @param meanAfter mean of the "after" values of the pairs used
 * @param meanChange mean of {@code after - before}
 * @param sdChange sample standard deviation of the changes (n - 1 denominator)
 * @param confidenceLevel level of the interval, e.g. 0.95
 * @param ciLower lower end of the interval of the mean change
 * @param ciUpper upper end of the interval of the mean change
 * @param cohensDz Cohen's d<sub>z</sub>
 * @param hedgesGz Hedges' g<sub>z</sub> (d<sub>z</sub> corrected for small samples)
 * @param tStatistic paired t statistic
 * @param degreesOfFreedom {@code pairs - 1}
 * @param tTestP two-sided p-value of the paired t-test
 * @param wilcoxonW Wilcoxon W+ (sum of the ranks of the rises)
 * @param wilcoxonP two-sided p-value of the Wilcoxon signed-rank test
 * @param wilcoxonExact whether that p-value is exact rather than the normal approximation
 * @param increased pairs whose value rose
 * @param unchanged pairs whose value stayed the same
 * @param decreased pairs whose value fell
 * @param caveats why some values are NaN or need care; empty when all is computed
 */
public record PairedComparison(
        int pairs,
        int dropped,
        double meanBefore,
        double meanAfter,
        double meanChange,
        double sdChange,
        double confidenceLevel,
        double ciLower,
        double ciUpper,
        double cohensDz,
        double hedgesGz,
        double tStatistic,
        int degreesOfFreedom,
        double tTestP,
        double wilcoxonW,
        double wilcoxonP,
        boolean wilcoxonExact,
        int increased,
        int unchanged,
        int decreased,
        Set<Caveat> caveats) {

    /** Why some results are missing or need care. */
    public enum Caveat {
        /** No complete pair: nothing is computed. */
        NO_PAIRS,
        /** One pair: means and the change are given, but no spread, interval, effect size or t-test. */
        TOO_FEW_PAIRS,
        /**
         * Every pair changed by the same amount: the SD of the changes is 0, so the interval, the
         * effect size and the t-test are undefined (NaN).
         */
        NO_VARIATION,
        /** Every pair is unchanged: the Wilcoxon test is undefined (NaN). */
        ALL_UNCHANGED
    }

    public PairedComparison {
        caveats = caveats.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(caveats));
    }

    /** Compares with a 95 % confidence interval; NaN marks a missing value. */
    public static PairedComparison of(double[] before, double[] after) {
        return of(before, after, 0.95);
    }

    /** Compares with a 95 % confidence interval; null marks a missing value. */
    public static PairedComparison of(List<? extends Number> before, List<? extends Number> after) {
        return of(toArray(before), toArray(after), 0.95);
    }

    /**
     * Compares the paired values.
     *
     * @param before values at the first time; NaN where missing
     * @param after values at the second time for the same people in the same order; NaN where missing
     * @param confidenceLevel level of the interval of the mean change, e.g. 0.95
     * @throws IllegalArgumentException if the arrays differ in length, a value is infinite, or the
     *     level is not between 0 and 1
     */
    public static PairedComparison of(double[] before, double[] after, double confidenceLevel) {
        if (before.length != after.length) {
            throw new IllegalArgumentException(
                    "paired values must have the same length: " + before.length + " and " + after.length);
        }
        Estimate.checkLevel(confidenceLevel);
        int n = 0;
        for (int i = 0; i < before.length; i++) {
            if (Double.isInfinite(before[i]) || Double.isInfinite(after[i])) {
                throw new IllegalArgumentException("infinite value in pair " + i);
            }
            if (!Double.isNaN(before[i]) && !Double.isNaN(after[i])) {
                n++;
            }
        }
        int dropped = before.length - n;
        double[] x = new double[n];
        double[] y = new double[n];
        double[] d = new double[n];
        for (int i = 0, j = 0; i < before.length; i++) {
            if (!Double.isNaN(before[i]) && !Double.isNaN(after[i])) {
                x[j] = before[i];
                y[j] = after[i];
                d[j] = after[i] - before[i];
                j++;
            }
        }
        double nan = Double.NaN;
        if (n == 0) {
            return new PairedComparison(0, dropped, nan, nan, nan, nan, confidenceLevel, nan, nan, nan, nan, nan, 0,
                    nan, nan, nan, false, 0, 0, 0, EnumSet.of(Caveat.NO_PAIRS));
        }
        EnumSet<Caveat> caveats = EnumSet.noneOf(Caveat.class);
        int increased = 0;
        int unchanged = 0;
        int decreased = 0;
        for (double v : d) {
            if (v > 0) {
                increased++;
            } else if (v < 0) {
                decreased++;
            } else {
                unchanged++;
            }
        }
        double meanBefore = mean(x);
        double meanAfter = mean(y);
        double meanChange = mean(d);

        double sd = nan;
        double lower = nan;
        double upper = nan;
        double dz = nan;
        double gz = nan;
        double t = nan;
        double tp = nan;
        int df = n - 1;
        if (n < 2) {
            caveats.add(Caveat.TOO_FEW_PAIRS);
        } else {
            double ss = 0;
            for (double v : d) {
                ss += (v - meanChange) * (v - meanChange);
            }
            sd = Math.sqrt(ss / df);
            // Differences of Likert answers are small integers: treat rounding noise as no variation.
            if (sd <= 1e-12 * Math.max(1, Math.abs(meanChange))) {
                sd = 0;
                caveats.add(Caveat.NO_VARIATION);
            } else {
                double se = sd / Math.sqrt(n);
                double half = Estimate.tCritical(df, confidenceLevel) * se;
                lower = meanChange - half;
                upper = meanChange + half;
                dz = meanChange / sd;
                gz = dz * hedgesCorrection(df);
                t = meanChange / se;
                tp = Math.min(1, 2 * TDistribution.of(df).survivalProbability(Math.abs(t)));
            }
        }

        double w = nan;
        double wp = nan;
        boolean exact = false;
        if (unchanged == n) {
            caveats.add(Caveat.ALL_UNCHANGED);
        } else {
            SignedRankTest.Result r = SignedRankTest.test(d);
            w = r.wPlus();
            wp = r.p();
            exact = r.exact();
        }
        return new PairedComparison(n, dropped, meanBefore, meanAfter, meanChange, sd, confidenceLevel, lower, upper,
                dz, gz, t, df, tp, w, wp, exact, increased, unchanged, decreased, caveats);
    }

    /** The mean change with its confidence interval. */
    public Estimate change() {
        return new Estimate(meanChange, ciLower, ciUpper);
    }

    /** Whether the interval, effect size and t-test could be computed. */
    public boolean hasInterval() {
        return !Double.isNaN(ciLower);
    }

    /**
     * Hedges' exact small-sample correction J(m) = Γ(m/2) / (√(m/2) · Γ((m-1)/2)); 0 for m = 1
     * (the limit), NaN below.
     */
    static double hedgesCorrection(int m) {
        if (m < 1) {
            return Double.NaN;
        }
        if (m == 1) {
            return 0;
        }
        return Math.exp(LogGamma.value(m / 2.0) - LogGamma.value((m - 1) / 2.0)) / Math.sqrt(m / 2.0);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double[] toArray(List<? extends Number> values) {
        double[] a = new double[values.size()];
        for (int i = 0; i < a.length; i++) {
            Number v = values.get(i);
            a[i] = v == null ? Double.NaN : v.doubleValue();
        }
        return a;
    }
}
