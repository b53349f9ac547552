package org.convene.projects;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.convene.runcharts.Direction;
import org.convene.runcharts.Rule;
import org.convene.runcharts.RunChart;
import org.convene.runcharts.Signal;

/**
 * A measure with its data and the run chart's analysis, as pages and the API show them. {@code chart}
 * and {@code analysis} are null while the measure has no data.
 */
public record MeasureDetail(Measure measure, List<ChartPoint> points, Analysis analysis, @JsonIgnore RunChart chart) {

    /** One point, with the rules that fire on it (rule codes, e.g. shift). */
    public record ChartPoint(long id, LocalDate date, double value, String note, List<String> rules) {
    }

    /**
     * The run chart's analysis: the median of the first {@code baselinePoints} points, the runs
     * about it and the range chance gives (null below 10 points off the median), the sigma used for
     * astronomical points (null when it cannot be estimated), and each signal.
     */
    public record Analysis(double median, int baselinePoints, int usefulObservations, int runs, Integer fewestRuns,
                           Integer mostRuns, Double sigma, List<SignalView> signals) {
    }

    /**
     * A rule that fires, from one date to another. {@code improving} says whether a shift, trend or
     * astronomical point goes the measure's better way (null for the runs rules, which have no direction).
     */
    public record SignalView(String rule, String label, LocalDate from, LocalDate to, int points, String direction, Boolean improving,
                             String description) {
    }

    static MeasureDetail of(Measure measure, List<Point> points) {
        if (points.isEmpty()) {
            return new MeasureDetail(measure, List.of(), null, null);
        }
        List<Double> values = points.stream().map(Point::value).toList();
        RunChart chart = measure.baselinePoints() == null ? RunChart.of(values) : RunChart.of(values, measure.baselinePoints());
        List<ChartPoint> out = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            out.add(new ChartPoint(p.id(), p.date(), p.value(), p.note(), chart.rulesAt(i).stream().map(MeasureDetail::code).toList()));
        }
        List<SignalView> signals = chart.signals().stream().map(s -> view(s, points, measure.better())).toList();
        Analysis analysis = new Analysis(chart.median(), chart.baseline(), chart.useful(), chart.runs(),
                chart.runsLimits().map(l -> l.fewest()).orElse(null), chart.runsLimits().map(l -> l.most()).orElse(null),
                chart.sigma().orElse(null), signals);
        return new MeasureDetail(measure, out, analysis, chart);
    }

    public static String code(Rule rule) {
        return rule.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static SignalView view(Signal s, List<Point> points, Better better) {
        Boolean improving = s.direction() == null ? null : better.improvedBy(s.direction());
        return new SignalView(code(s.rule()), s.rule().label(), points.get(s.first()).date(), points.get(s.last()).date(), s.length(),
                s.direction() == null ? null : s.direction().name().toLowerCase(java.util.Locale.ROOT), improving, describe(s, improving));
    }

    /** "Shift: 7 points below the median (improving)". */
    static String describe(Signal s, Boolean improving) {
        return s.rule().label() + ": " + what(s) + (improving == null ? "" : improving ? " (improving)" : " (getting worse)");
    }

    /** What a signal shows: "7 points below the median". */
    static String what(Signal s) {
        return switch (s.rule()) {
            case SHIFT -> s.length() + " points " + (s.direction() == Direction.UP ? "above" : "below") + " the median";
            case TREND -> s.length() + " points going " + (s.direction() == Direction.UP ? "up" : "down");
            case ASTRONOMICAL_POINT -> "a value far " + (s.direction() == Direction.UP ? "above" : "below") + " the points beside it";
            case TOO_FEW_RUNS, TOO_MANY_RUNS -> s.rule().meaning();
        };
    }

    /** The rule's labels for a point, for the table beside the chart ("Shift, Trend"), or "" when none fire. */
    public String rulesLabel(ChartPoint point) {
        return String.join(", ", point.rules().stream().map(r -> Rule.valueOf(r.toUpperCase(java.util.Locale.ROOT)).label()).toList());
    }
}
