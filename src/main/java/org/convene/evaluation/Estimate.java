package org.convene.evaluation;

import org.apache.commons.statistics.distribution.TDistribution;

/**
 * A value with its confidence interval, e.g. a mean and its 95 % interval. Any part may be NaN when
 * it cannot be computed (no data, or an interval from fewer than two values); {@link #isDefined()}
 * and {@link #hasInterval()} say which.
 */
public record Estimate(double value, double lower, double upper) {

    /** Nothing to estimate from. */
    public static Estimate undefined() {
        return new Estimate(Double.NaN, Double.NaN, Double.NaN);
    }

    /** A value without an interval. */
    public static Estimate point(double value) {
        return new Estimate(value, Double.NaN, Double.NaN);
    }

    public boolean isDefined() {
        return !Double.isNaN(value);
    }

    public boolean hasInterval() {
        return !Double.isNaN(lower) && !Double.isNaN(upper);
    }

    /**
     * The mean of the values (NaN entries are missing and skipped) with its t-based confidence
     * interval. One value gives the mean without an interval; none gives {@link #undefined()}.
     * Identical values give an interval of zero width.
     *
     * @param confidenceLevel e.g. 0.95
     */
    public static Estimate mean(double[] values, double confidenceLevel) {
        checkLevel(confidenceLevel);
        int n = 0;
        double sum = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                n++;
                sum += v;
            }
        }
        if (n == 0) {
            return undefined();
        }
        double mean = sum / n;
        if (n == 1) {
            return point(mean);
        }
        double ss = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                ss += (v - mean) * (v - mean);
            }
        }
        double sd = Math.sqrt(ss / (n - 1));
        double half = tCritical(n - 1, confidenceLevel) * sd / Math.sqrt(n);
        return new Estimate(mean, mean - half, mean + half);
    }

    /** The mean with its 95 % interval. */
    public static Estimate mean(double[] values) {
        return mean(values, 0.95);
    }

    /** The two-sided critical value of Student's t with {@code df} degrees of freedom. */
    static double tCritical(int df, double confidenceLevel) {
        return TDistribution.of(df).inverseSurvivalProbability((1 - confidenceLevel) / 2);
    }

    static void checkLevel(double confidenceLevel) {
        if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
            throw new IllegalArgumentException("confidence level must be between 0 and 1: " + confidenceLevel);
        }
    }
}
