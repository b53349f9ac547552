package org.convene.runcharts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The analysis of a run chart: the median of the baseline (the first points, or all of them) and
 * the run-chart rules of Perla, Provost and Murray (BMJ Qual Saf 2011) applied to every point.
 *
 * <ul>
 * <li>Shift: 6 or more points in a row all above or all below the median. Points on the median
 *     neither break a shift nor count towards it.</li>
 * <li>Trend: 5 or more points in a row all going up or all going down. When neighbouring points have
 *     the same value only one of them counts: like values neither make nor break a trend.</li>
 * <li>Runs: a run is one or more points in a row on the same side of the median (points on the median
 *     are left out). Too few or too many runs for the number of points not on the median, by
 *     {@link RunsTable}; the rule does not apply below 10 such points.</li>
 * <li>Astronomical point: the paper leaves "clearly different" to the eye; here a point is
 *     astronomical when it differs from each of its neighbours, on the same side, by more than
 *     3 standard deviations of the difference of two points ({@link #ASTRONOMICAL_SIGMAS} sigma),
 *     sigma estimated from the median moving range / 0.954 (robust to the outlier itself). Judging
 *     against its neighbours rather than the median keeps the points after a real shift from all
 *     being flagged. The first and last points have one neighbour, so the latest point is flagged
 *     when it jumps away (until the next point shows whether it was the start of a new level).
 *     Needs {@link #ASTRONOMICAL_MIN_POINTS} points to estimate sigma.</li>
 * </ul>
 *
 * @param values the measurements in time order
 * @param baseline how many of the first points make the baseline whose median is the centre line
 * @param median the centre line
 * @param useful how many points are not on the median
 * @param runs the number of runs about the median
 * @param runsLimits the expected range of runs, empty below 10 useful points
 * @param sigma the estimate of common-cause variation used for astronomical points, empty when it cannot be estimated
 * @param signals every rule that fires, in order of first point
 */
public record RunChart(List<Double> values, int baseline, double median, int useful, int runs,
                       Optional<RunsTable.Limits> runsLimits, Optional<Double> sigma, List<Signal> signals) {
    public static final int SHIFT_POINTS = 6;
    public static final int TREND_POINTS = 5;
    public static final int ASTRONOMICAL_MIN_POINTS = 8;
    /** 3 standard deviations of the difference of two independent points: 3 × √2. */
    public static final double ASTRONOMICAL_SIGMAS = 3 * Math.sqrt(2);
    /** Median moving range / this estimates sigma (Wheeler); mean moving range / {@link #D2} when the median is 0. */
    static final double MEDIAN_MR_CONSTANT = 0.954;
    static final double D2 = 1.128;

    public RunChart {
        values = List.copyOf(values);
        signals = List.copyOf(signals);
    }

    /** Analyses the whole series against the median of all its points. */
    public static RunChart of(List<Double> values) {
        return of(values, values.size());
    }

    /**
     * Analyses the series against the median of its first {@code baseline} points (a frozen baseline
     * extended across the later points); a baseline larger than the series means all of it.
     */
    public static RunChart of(List<Double> values, int baseline) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a run chart needs at least one point");
        }
        if (baseline < 1) {
            throw new IllegalArgumentException("the baseline needs at least one point: " + baseline);
        }
        double[] v = new double[values.size()];
        for (int i = 0; i < v.length; i++) {
            Double d = values.get(i);
            if (d == null || !Double.isFinite(d)) {
                throw new IllegalArgumentException("point " + (i + 1) + " is not a finite number: " + d);
            }
            v[i] = d;
        }
        int base = Math.min(baseline, v.length);
        double median = median(Arrays.copyOf(v, base));
        int[] side = new int[v.length];
        int useful = 0;
        for (int i = 0; i < v.length; i++) {
            side[i] = v[i] > median ? 1 : v[i] < median ? -1 : 0;
            useful += side[i] == 0 ? 0 : 1;
        }
        int runs = runs(side);
        Optional<RunsTable.Limits> limits = RunsTable.limits(useful);
        Optional<Double> sigma = sigma(v);

        List<Signal> signals = new ArrayList<>();
        signals.addAll(shifts(side));
        signals.addAll(trends(v));
        limits.ifPresent(l -> {
            if (l.tooFew(runs)) {
                signals.add(new Signal(Rule.TOO_FEW_RUNS, 0, v.length - 1, null));
            } else if (l.tooMany(runs)) {
                signals.add(new Signal(Rule.TOO_MANY_RUNS, 0, v.length - 1, null));
            }
        });
        sigma.ifPresent(s -> signals.addAll(astronomical(v, s)));
        signals.sort((a, b) -> a.first() != b.first() ? Integer.compare(a.first(), b.first()) : a.rule().compareTo(b.rule()));
        return new RunChart(values, base, median, useful, runs, limits, sigma, signals);
    }

    /** The rules that fire on this point (runs rules cover every point when they fire). */
    public Set<Rule> rulesAt(int index) {
        Set<Rule> rules = EnumSet.noneOf(Rule.class);
        for (Signal s : signals) {
            if (s.covers(index)) {
                rules.add(s.rule());
            }
        }
        return rules;
    }

    public List<Signal> signals(Rule rule) {
        return signals.stream().filter(s -> s.rule() == rule).toList();
    }

    public boolean fires(Rule rule) {
        return signals.stream().anyMatch(s -> s.rule() == rule);
    }

    public int size() {
        return values.size();
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Runs about the median: 1 + the number of times the points not on the median change side. */
    static int runs(int[] side) {
        int runs = 0;
        int previous = 0;
        for (int s : side) {
            if (s != 0 && s != previous) {
                runs++;
                previous = s;
            }
        }
        return runs;
    }

    private static List<Signal> shifts(int[] side) {
        List<Signal> out = new ArrayList<>();
        int current = 0;
        int first = -1;
        int last = -1;
        int count = 0;
        for (int i = 0; i <= side.length; i++) {
            int s = i == side.length ? 0 : side[i];
            boolean end = i == side.length;
            if (!end && s == 0) {
                continue;
            }
            if (!end && s == current) {
                count++;
                last = i;
                continue;
            }
            if (count >= SHIFT_POINTS) {
                out.add(new Signal(Rule.SHIFT, first, last, current > 0 ? Direction.UP : Direction.DOWN));
            }
            current = s;
            first = i;
            last = i;
            count = 1;
        }
        return out;
    }

    private static List<Signal> trends(double[] v) {
        // Like values: of neighbours with the same value only the first counts.
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            if (i == 0 || v[i] != v[i - 1]) {
                kept.add(i);
            }
        }
        List<Signal> out = new ArrayList<>();
        int start = 0;
        int direction = 0;
        for (int k = 1; k <= kept.size(); k++) {
            int step = k == kept.size() ? 0 : v[kept.get(k)] > v[kept.get(k - 1)] ? 1 : -1;
            if (step == direction && k < kept.size()) {
                continue;
            }
            // The run of steps in one direction from kept[start] to kept[k - 1] has ended.
            if (direction != 0 && k - start >= TREND_POINTS) {
                out.add(new Signal(Rule.TREND, kept.get(start), kept.get(k - 1), direction > 0 ? Direction.UP : Direction.DOWN));
            }
            start = k - 1;
            direction = step;
        }
        return out;
    }

    /** Sigma from the median moving range, or the mean moving range when most moving ranges are 0. */
    static Optional<Double> sigma(double[] v) {
        if (v.length < ASTRONOMICAL_MIN_POINTS) {
            return Optional.empty();
        }
        double[] ranges = new double[v.length - 1];
        double sum = 0;
        for (int i = 1; i < v.length; i++) {
            ranges[i - 1] = Math.abs(v[i] - v[i - 1]);
            sum += ranges[i - 1];
        }
        double medianRange = median(ranges);
        if (medianRange > 0) {
            return Optional.of(medianRange / MEDIAN_MR_CONSTANT);
        }
        double mean = sum / ranges.length;
        return mean > 0 ? Optional.of(mean / D2) : Optional.empty();
    }

    private static List<Signal> astronomical(double[] v, double sigma) {
        double limit = ASTRONOMICAL_SIGMAS * sigma;
        List<Signal> out = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            Double before = i > 0 ? v[i] - v[i - 1] : null;
            Double after = i < v.length - 1 ? v[i] - v[i + 1] : null;
            boolean up = (before == null || before > limit) && (after == null || after > limit);
            boolean down = (before == null || before < -limit) && (after == null || after < -limit);
            if (up || down) {
                out.add(new Signal(Rule.ASTRONOMICAL_POINT, i, i, up ? Direction.UP : Direction.DOWN));
            }
        }
        return out;
    }
}
