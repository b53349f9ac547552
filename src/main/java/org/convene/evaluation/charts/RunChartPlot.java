package org.convene.evaluation.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.convene.runcharts.Direction;
import org.convene.runcharts.Rule;
import org.convene.runcharts.RunChart;
import org.convene.runcharts.Signal;

/**
 * A run chart as SVG: the points joined by a line, the median (solid across the baseline, dashed
 * where it is extended), and the points where a rule fires drawn in another shape as well as another
 * colour (square: shift, triangle: trend, diamond: astronomical point), with a labelled bracket under
 * each shift and trend, and a line saying how many runs there are against what chance gives.
 *
 * @param id identifier, unique in the page; prefixes every id inside the SVG
 * @param title short name of the chart (the measure)
 * @param labels one label per point, in order, e.g. its date
 * @param chart the analysis of the points
 * @param unit what the values are, shown above the axis, or null
 * @param width width in pixels
 */
public record RunChartPlot(String id, String title, List<String> labels, RunChart chart, String unit, int width) {
    private static final double PAD = 8;
    private static final double PLOT_HEIGHT = 220;
    private static final double AXIS_FONT = 12;
    private static final double BRACKET_ROW = 22;
    private static final String POINT = Palette.BLUE;
    private static final String SHIFT = Palette.RED;
    private static final String TREND = Palette.PURPLE;
    private static final String ASTRONOMICAL = Palette.BLACK;

    public RunChartPlot {
        Svg.requireId(id);
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(chart, "chart");
        labels = List.copyOf(labels);
        if (labels.size() != chart.size()) {
            throw new IllegalArgumentException(labels.size() + " labels for " + chart.size() + " points");
        }
        if (width < 320 || width > 4000) {
            throw new IllegalArgumentException("width must be 320 to 4000: " + width);
        }
    }

    public RunChartPlot(String id, String title, List<String> labels, RunChart chart, String unit) {
        this(id, title, labels, chart, unit, 640);
    }

    /** The chart as a standalone SVG element, with its text alternative in {@code <desc>}. */
    public String svg() {
        List<Double> values = chart.values();
        int n = values.size();
        double lo = Math.min(chart.median(), values.stream().mapToDouble(Double::doubleValue).min().orElseThrow());
        double hi = Math.max(chart.median(), values.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
        double spread = hi > lo ? hi - lo : Math.max(1, Math.abs(hi));
        double step = step(spread * 1.1);
        double yMin = Math.floor((lo - spread * 0.05) / step) * step;
        double yMax = Math.ceil((hi + spread * 0.05) / step) * step;
        if (lo >= 0 && yMin < 0) {
            yMin = 0;
        }
        List<Double> ticks = new ArrayList<>();
        for (long k = Math.round(yMin / step); k <= Math.round(yMax / step); k++) {
            ticks.add(k * step);
        }
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));

        List<Legend.Entry> legend = legend();
        double inner = width - 2 * PAD;
        double tickWidth = ticks.stream().mapToDouble(t -> Svg.width(Svg.value(t, decimals), AXIS_FONT, false)).max().orElse(0);
        double plotLeft = PAD + tickWidth + 8;
        double plotRight = width - PAD - 4;
        double slot = (plotRight - plotLeft) / n;
        double labelWidth = labels.stream().mapToDouble(l -> Svg.width(l, AXIS_FONT, false)).max().orElse(0) + 10;
        int every = Math.max(1, (int) Math.ceil(labelWidth / slot));
        List<Signal> brackets = chart.signals().stream().filter(s -> s.rule() == Rule.SHIFT || s.rule() == Rule.TREND).toList();
        boolean shiftRow = brackets.stream().anyMatch(s -> s.rule() == Rule.SHIFT);
        boolean trendRow = brackets.stream().anyMatch(s -> s.rule() == Rule.TREND);
        String runsNote = runsNote();

        double legendHeight = Legend.height(legend, inner);
        double plotTop = PAD + legendHeight + 6 + (unit == null || unit.isBlank() ? 0 : 20) + 8;
        double plotBottom = plotTop + PLOT_HEIGHT;
        double bracketTop = plotBottom + 8 + 16 + 6;
        double height = bracketTop + (shiftRow ? BRACKET_ROW : 0) + (trendRow ? BRACKET_ROW : 0) + (runsNote == null ? 0 : 20) + PAD;

        Svg svg = new Svg(id, width, height, title, describe());
        double y = PAD + Legend.draw(svg, legend, PAD, PAD, inner);
        if (unit != null && !unit.isBlank()) {
            svg.text(PAD, y + 6 + 14, unit, "start", AXIS_FONT, true, Palette.BLACK, null);
        }
        svg.raw("<g class=\"axis\">");
        for (Double t : ticks) {
            double ty = yOf(t, yMin, yMax, plotTop, plotBottom);
            boolean base = t.equals(ticks.get(0));
            svg.line(plotLeft, ty, plotRight, ty, base ? Palette.DARK_GREY : Palette.LIGHT_GREY, base ? 1 : 0.75, null);
            svg.text(plotLeft - 6, ty + 4, Svg.value(t, decimals), "end", AXIS_FONT, false, Palette.BLACK, null);
        }
        for (int i = 0; i < n; i += every) {
            double cx = plotLeft + (i + 0.5) * slot;
            svg.line(cx, plotBottom, cx, plotBottom + 4, Palette.DARK_GREY, 1, null);
            svg.text(cx, plotBottom + 18, labels.get(i), "middle", AXIS_FONT, false, Palette.BLACK, null);
        }
        svg.raw("</g>");

        // The median: solid across the baseline, dashed where it is extended over later points.
        double my = yOf(chart.median(), yMin, yMax, plotTop, plotBottom);
        double baselineEnd = chart.baseline() >= n ? plotRight : plotLeft + chart.baseline() * slot;
        svg.line(plotLeft, my, baselineEnd, my, Palette.DARK_GREY, 2, "class=\"median\"");
        if (baselineEnd < plotRight) {
            svg.line(baselineEnd, my, plotRight, my, Palette.DARK_GREY, 2, "stroke-dasharray=\"6 4\" class=\"median-extended\"");
        }

        StringBuilder path = new StringBuilder();
        for (int i = 0; i < n; i++) {
            path.append(i == 0 ? "M" : " L").append(Svg.num(plotLeft + (i + 0.5) * slot)).append(' ')
                    .append(Svg.num(yOf(values.get(i), yMin, yMax, plotTop, plotBottom)));
        }
        svg.raw("<path d=\"" + path + "\" fill=\"none\" stroke=\"" + POINT + "\" stroke-width=\"2\"/>");
        for (int i = 0; i < n; i++) {
            double cx = plotLeft + (i + 0.5) * slot;
            double cy = yOf(values.get(i), yMin, yMax, plotTop, plotBottom);
            List<String> rules = chart.rulesAt(i).stream().map(Rule::label).toList();
            Marker marker = marker(i);
            svg.raw("<g class=\"point" + (marker.kind() == null ? "" : " " + marker.kind()) + "\">")
                    .tooltip(labels.get(i) + ": " + Svg.num(values.get(i)) + (rules.isEmpty() ? "" : " (" + String.join(", ", rules) + ")"));
            svg.raw(TrendChart.marker(marker.shape(), cx, cy, marker.colour()));
            svg.raw("</g>");
        }

        double row = bracketTop;
        for (Rule rule : List.of(Rule.SHIFT, Rule.TREND)) {
            if (brackets.stream().noneMatch(s -> s.rule() == rule)) {
                continue;
            }
            String colour = rule == Rule.SHIFT ? SHIFT : TREND;
            for (Signal s : chart.signals(rule)) {
                double x1 = plotLeft + s.first() * slot + 3;
                double x2 = plotLeft + (s.last() + 1) * slot - 3;
                svg.raw("<g class=\"bracket " + rule.name().toLowerCase(java.util.Locale.ROOT) + "\">");
                svg.line(x1, row, x2, row, colour, 2, null);
                svg.line(x1, row - 5, x1, row, colour, 2, null);
                svg.line(x2, row - 5, x2, row, colour, 2, null);
                String text = rule.label() + (s.direction() == Direction.UP ? (rule == Rule.SHIFT ? " above" : " up") : (rule == Rule.SHIFT ? " below" : " down"));
                if (Svg.width(text, AXIS_FONT, true) > x2 - x1) {
                    text = rule.label();
                }
                svg.text((x1 + x2) / 2, row + 14, text, "middle", AXIS_FONT, true, colour, null);
                svg.raw("</g>");
            }
            row += BRACKET_ROW;
        }
        if (runsNote != null) {
            svg.text(PAD, row + 14, runsNote, "start", AXIS_FONT, chart.fires(Rule.TOO_FEW_RUNS) || chart.fires(Rule.TOO_MANY_RUNS),
                    Palette.BLACK, null);
        }
        return svg.end();
    }

    private List<Legend.Entry> legend() {
        List<Legend.Entry> entries = new ArrayList<>();
        entries.add(new Legend.Entry("<line x1=\"0\" y1=\"8\" x2=\"16\" y2=\"8\" stroke=\"" + POINT + "\" stroke-width=\"2\"/>"
                + TrendChart.marker("circle", 8, 8, POINT), "Data"));
        entries.add(new Legend.Entry("<line x1=\"0\" y1=\"8\" x2=\"16\" y2=\"8\" stroke=\"" + Palette.DARK_GREY + "\" stroke-width=\"2\"/>",
                (chart.baseline() >= chart.size() ? "Median " : "Median of the first " + chart.baseline() + " points ")
                        + Svg.num(chart.median())));
        if (chart.baseline() < chart.size()) {
            entries.add(new Legend.Entry("<line x1=\"0\" y1=\"8\" x2=\"16\" y2=\"8\" stroke=\"" + Palette.DARK_GREY
                    + "\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>", "Median extended"));
        }
        if (chart.fires(Rule.SHIFT)) {
            entries.add(new Legend.Entry(TrendChart.marker("square", 8, 8, SHIFT), "Shift"));
        }
        if (chart.fires(Rule.TREND)) {
            entries.add(new Legend.Entry(TrendChart.marker("triangle", 8, 8, TREND), "Trend"));
        }
        if (chart.fires(Rule.ASTRONOMICAL_POINT)) {
            entries.add(new Legend.Entry(TrendChart.marker("diamond", 8, 8, ASTRONOMICAL), "Astronomical point"));
        }
        return entries;
    }

    /** How a point is drawn; {@code kind} (its class) names the rule it shows, null for none. */
    private record Marker(String shape, String colour, String kind) {
    }

    /** A point's marker: the most telling rule on it decides its shape and colour. */
    private Marker marker(int i) {
        var rules = chart.rulesAt(i);
        if (rules.contains(Rule.ASTRONOMICAL_POINT)) {
            return new Marker("diamond", ASTRONOMICAL, "astronomical");
        }
        if (rules.contains(Rule.SHIFT)) {
            return new Marker("square", SHIFT, "shift");
        }
        if (rules.contains(Rule.TREND)) {
            return new Marker("triangle", TREND, "trend");
        }
        return new Marker("circle", POINT, null);
    }

    /** "9 runs; 6 to 16 expected by chance for 20 points off the median." Null below 10 such points. */
    private String runsNote() {
        return chart.runsLimits().map(l -> {
            String verdict = chart.fires(Rule.TOO_FEW_RUNS) ? "Too few runs: " : chart.fires(Rule.TOO_MANY_RUNS) ? "Too many runs: " : "";
            return verdict + chart.runs() + (chart.runs() == 1 ? " run" : " runs") + "; " + l.fewest() + " to " + l.most()
                    + " expected by chance for " + chart.useful() + " points off the median.";
        }).orElse(null);
    }

    /** The text alternative written from the data. */
    String describe() {
        StringBuilder b = new StringBuilder("Run chart of ").append(chart.size()).append(chart.size() == 1 ? " point" : " points");
        if (unit != null && !unit.isBlank()) {
            b.append(" (").append(unit).append(')');
        }
        b.append(" from ").append(labels.get(0)).append(" to ").append(labels.get(labels.size() - 1)).append(". Median ")
                .append(Svg.num(chart.median()));
        if (chart.baseline() < chart.size()) {
            b.append(", of the first ").append(chart.baseline()).append(" points, extended to the rest");
        }
        b.append('.');
        List<Signal> signals = chart.signals();
        if (signals.isEmpty()) {
            b.append(" No run-chart rule fires: the variation looks random.");
        }
        for (Signal s : signals) {
            b.append(' ').append(s.rule().label());
            switch (s.rule()) {
                case SHIFT -> b.append(": ").append(s.length()).append(" points ").append(s.direction() == Direction.UP ? "above" : "below")
                        .append(" the median, ").append(labels.get(s.first())).append(" to ").append(labels.get(s.last())).append('.');
                case TREND -> b.append(": ").append(s.length()).append(" points going ").append(s.direction() == Direction.UP ? "up" : "down")
                        .append(", ").append(labels.get(s.first())).append(" to ").append(labels.get(s.last())).append('.');
                case ASTRONOMICAL_POINT -> b.append(": ").append(labels.get(s.first())).append(", ").append(Svg.num(chart.values().get(s.first())))
                        .append('.');
                default -> b.append('.');
            }
        }
        String runs = runsNote();
        if (runs != null) {
            b.append(' ').append(runs.replaceFirst("^Too (few|many) runs: ", ""));
        }
        return b.toString();
    }

    private static double yOf(double v, double min, double max, double top, double bottom) {
        return bottom - (v - min) / (max - min) * (bottom - top);
    }

    /** A round step (1, 2 or 5 times a power of ten) giving about five gridlines over the range. */
    static double step(double range) {
        double raw = range / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5}) {
            if (m * magnitude >= raw) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }
}
