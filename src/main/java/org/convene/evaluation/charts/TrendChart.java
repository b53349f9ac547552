package org.convene.evaluation.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.convene.evaluation.AnonymityRule;

/**
 * A line chart of values across ordered categories, e.g. each item's mean answer across the modules of
 * a programme. Every point has a marker and its value written beside it; series differ in colour,
 * marker shape and line dashes. A point that is missing, or whose responses fall below the anonymity
 * rule, leaves a gap: the line is not drawn across it.
 *
 * @param id identifier, unique in the page; prefixes every id inside the SVG
 * @param title short name of the chart
 * @param categories the x positions in order, e.g. module names
 * @param series the lines (at most 8)
 * @param yMin bottom of the value axis, e.g. 1 for a 1-5 scale
 * @param yMax top of the value axis, e.g. 5
 * @param yLabel what the values are, shown above the axis, e.g. "Mean answer (1 to 5)"
 * @param description longer text alternative; null writes one from the data
 * @param width width in pixels
 * @param decimals decimals of the value labels
 * @param rule the anonymity rule to apply to each point
 */
public record TrendChart(String id, String title, List<String> categories, List<Series> series, double yMin,
        double yMax, String yLabel, String description, int width, int decimals, AnonymityRule rule) {

    private static final double PAD = 8;
    private static final double PLOT_HEIGHT = 240;
    private static final double AXIS_FONT = 12;
    private static final double VALUE_FONT = 12;
    private static final String[] DASHES = {"", "7 4", "2 3", "9 3 2 3"};
    private static final String[] SHAPES = {"circle", "square", "triangle", "diamond"};

    /**
     * One line.
     *
     * @param name legend label
     * @param points one per category, in the chart's order
     */
    public record Series(String name, List<Point> points) {
        public Series {
            Objects.requireNonNull(name, "name");
            points = List.copyOf(points);
        }

        /**
         * A series from values and their response counts, both one per category; a null value is missing.
         */
        public static Series of(String name, List<Double> values, List<Integer> responses) {
            if (values.size() != responses.size()) {
                throw new IllegalArgumentException("one response count per value needed");
            }
            List<Point> points = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                Integer n = responses.get(i);
                points.add(new Point(values.get(i), n == null ? 0 : n));
            }
            return new Series(name, points);
        }
    }

    /**
     * One point.
     *
     * @param value the value, or null when there is none
     * @param responses how many responses it is computed from
     */
    public record Point(Double value, int responses) {
        public Point {
            if (value != null && !Double.isFinite(value)) {
                throw new IllegalArgumentException("value must be finite: " + value);
            }
        }

        public static Point missing() {
            return new Point(null, 0);
        }
    }

    public TrendChart {
        Svg.requireId(id);
        Objects.requireNonNull(title, "title");
        categories = List.copyOf(categories);
        series = List.copyOf(series);
        Objects.requireNonNull(rule, "rule");
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("a trend chart needs at least one category");
        }
        if (series.size() > Palette.SERIES.size()) {
            throw new IllegalArgumentException("at most " + Palette.SERIES.size() + " series: " + series.size());
        }
        for (Series s : series) {
            if (s.points().size() != categories.size()) {
                throw new IllegalArgumentException("series '" + s.name() + "' has " + s.points().size()
                        + " points for " + categories.size() + " categories");
            }
        }
        if (!(yMax > yMin) || !Double.isFinite(yMin) || !Double.isFinite(yMax)) {
            throw new IllegalArgumentException("need yMin < yMax: " + yMin + ", " + yMax);
        }
        if (width < 320 || width > 4000) {
            throw new IllegalArgumentException("width must be 320 to 4000: " + width);
        }
        if (decimals < 0 || decimals > 3) {
            throw new IllegalArgumentException("decimals must be 0 to 3: " + decimals);
        }
    }

    /** A chart 640 pixels wide with one decimal, under the default anonymity rule. */
    public TrendChart(String id, String title, List<String> categories, List<Series> series, double yMin, double yMax,
            String yLabel) {
        this(id, title, categories, series, yMin, yMax, yLabel, null, 640, 1, AnonymityRule.DEFAULT);
    }

    public TrendChart withDescription(String value) {
        return new TrendChart(id, title, categories, series, yMin, yMax, yLabel, value, width, decimals, rule);
    }

    public TrendChart withWidth(int value) {
        return new TrendChart(id, title, categories, series, yMin, yMax, yLabel, description, value, decimals, rule);
    }

    public TrendChart withDecimals(int value) {
        return new TrendChart(id, title, categories, series, yMin, yMax, yLabel, description, width, value, rule);
    }

    public TrendChart withRule(AnonymityRule value) {
        return new TrendChart(id, title, categories, series, yMin, yMax, yLabel, description, width, decimals, value);
    }

    /** The chart as a standalone SVG element. */
    public String svg() {
        List<Legend.Entry> legend = new ArrayList<>();
        for (int s = 0; s < series.size(); s++) {
            String colour = Palette.SERIES.get(s);
            String dash = DASHES[s % DASHES.length];
            legend.add(new Legend.Entry("<line x1=\"0\" y1=\"8\" x2=\"16\" y2=\"8\" stroke=\"" + colour
                    + "\" stroke-width=\"2\"" + (dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"") + "/>"
                    + marker(s, 8, 8, colour), series.get(s).name()));
        }
        double inner = width - 2 * PAD;
        double[] ticks = ticks(yMin, yMax);
        double tickWidth = 0;
        for (double t : ticks) {
            tickWidth = Math.max(tickWidth, Svg.width(tickLabel(t), AXIS_FONT, false));
        }
        double plotLeft = PAD + tickWidth + 8;
        double plotRight = width - PAD - 12;
        double slot = (plotRight - plotLeft) / categories.size();
        List<List<String>> catLabels = new ArrayList<>();
        int catLines = 1;
        for (String c : categories) {
            List<String> lines = Svg.wrap(c, AXIS_FONT, false, slot - 6, 2);
            catLabels.add(lines);
            catLines = Math.max(catLines, lines.size());
        }
        boolean gaps = hasGaps();
        double legendHeight = series.isEmpty() ? 0 : Legend.height(legend, inner);
        double plotTop = PAD + legendHeight + 8 + (yLabel == null ? 0 : 20) + 10;
        double plotBottom = plotTop + PLOT_HEIGHT;
        double height = plotBottom + 8 + catLines * 15 + (gaps ? 22 : 0) + PAD;

        Svg svg = new Svg(id, width, height, title, description != null ? description : describe());
        double y = PAD;
        if (!series.isEmpty()) {
            y += Legend.draw(svg, legend, PAD, PAD, inner);
        }
        if (yLabel != null) {
            svg.text(PAD, y + 8 + 14, yLabel, "start", AXIS_FONT, true, Palette.BLACK, null);
        }
        // Grid and value axis.
        svg.raw("<g class=\"axis\">");
        for (double t : ticks) {
            double ty = yOf(t, plotTop, plotBottom);
            svg.line(plotLeft, ty, plotRight, ty, t == ticks[0] ? Palette.DARK_GREY : Palette.MID_GREY,
                    t == ticks[0] ? 1 : 0.75, null);
            svg.text(plotLeft - 6, ty + 4, tickLabel(t), "end", AXIS_FONT, false, Palette.BLACK, null);
        }
        for (int c = 0; c < categories.size(); c++) {
            double cx = plotLeft + (c + 0.5) * slot;
            svg.line(cx, plotBottom, cx, plotBottom + 4, Palette.DARK_GREY, 1, null);
            svg.lines(cx, plotBottom + 18, catLabels.get(c), 15, "middle", AXIS_FONT, false, Palette.BLACK);
        }
        svg.raw("</g>");

        for (int s = 0; s < series.size(); s++) {
            Series line = series.get(s);
            String colour = Palette.SERIES.get(s);
            String dash = DASHES[s % DASHES.length];
            svg.raw("<g class=\"series\">");
            // Segments join neighbouring shown points only, so a gap stays a gap.
            StringBuilder path = new StringBuilder();
            boolean open = false;
            for (int c = 0; c < categories.size(); c++) {
                Double v = shown(line.points().get(c));
                if (v == null) {
                    open = false;
                    continue;
                }
                path.append(open ? " L" : (path.length() == 0 ? "M" : " M")).append(Svg.num(plotLeft + (c + 0.5) * slot))
                        .append(' ').append(Svg.num(yOf(v, plotTop, plotBottom)));
                open = true;
            }
            if (path.length() > 0) {
                svg.raw("<path d=\"" + path + "\" fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"2.5\""
                        + (dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"") + "/>");
            }
            for (int c = 0; c < categories.size(); c++) {
                Point p = line.points().get(c);
                Double v = shown(p);
                if (v == null) {
                    continue;
                }
                double cx = plotLeft + (c + 0.5) * slot;
                double cy = yOf(v, plotTop, plotBottom);
                String label = Svg.value(v, decimals);
                svg.raw("<g>").tooltip(line.name() + ", " + categories.get(c) + ": " + label + " (" + p.responses()
                        + " responses)");
                svg.raw(marker(s, cx, cy, colour));
                switch (labelPlace(s, c)) {
                    case ABOVE -> valueLabel(svg, cx, Math.max(cy - 10, plotTop - 4), label, "middle", colour);
                    case BELOW -> valueLabel(svg, cx, cy + 21, label, "middle", colour);
                    default -> valueLabel(svg, cx + 10, cy + 4, label, "start", colour);
                }
                svg.raw("</g>");
            }
            svg.raw("</g>");
        }
        if (gaps) {
            svg.text(PAD, height - PAD - 4, "Gaps: no data, or fewer than " + rule.minimum() + " responses (not shown).",
                    "start", AXIS_FONT, false, Palette.DARK_GREY, null);
        }
        return svg.end();
    }

    /** The text alternative written from the data. */
    String describe() {
        StringBuilder b = new StringBuilder("Line chart of ");
        b.append(series.size()).append(series.size() == 1 ? " series" : " series").append(" across ")
                .append(categories.size()).append(categories.size() == 1 ? " point" : " points")
                .append(" (").append(String.join(", ", categories)).append(')');
        if (yLabel != null) {
            b.append(", showing ").append(yLabel);
        }
        b.append(", scale ").append(tickLabel(yMin)).append(" to ").append(tickLabel(yMax)).append('.');
        for (Series s : series) {
            b.append(' ').append(s.name().strip()).append(": ");
            for (int c = 0; c < categories.size(); c++) {
                Point p = s.points().get(c);
                Double v = shown(p);
                b.append(categories.get(c)).append(' ');
                if (v != null) {
                    b.append(Svg.value(v, decimals));
                } else if (p.value() != null) {
                    b.append("not shown (fewer than ").append(rule.minimum()).append(" responses)");
                } else {
                    b.append("no data");
                }
                b.append(c == categories.size() - 1 ? "." : ", ");
            }
        }
        return b.toString();
    }

    /** A value label on a white backing, so that it stays readable where a line passes under it. */
    private static void valueLabel(Svg svg, double x, double y, String text, String anchor, String colour) {
        double w = Svg.width(text, VALUE_FONT, true);
        double left = "middle".equals(anchor) ? x - w / 2 : x;
        svg.rect(left - 2, y - 11, w + 4, 14, Palette.WHITE, "fill-opacity=\"0.85\"");
        svg.text(x, y, text, anchor, VALUE_FONT, true, colour, null);
    }

    private enum Place { ABOVE, BELOW, RIGHT }

    /**
     * Where a point's value label goes, so that labels at the same category do not collide: the highest
     * point's above, the lowest's below (above when it is the only one or sits at the bottom of the
     * scale), the others' to the right. Ties go by series order.
     */
    private Place labelPlace(int s, int c) {
        double v = shown(series.get(s).points().get(c));
        int higher = 0;
        int lower = 0;
        for (int o = 0; o < series.size(); o++) {
            Double w = o == s ? null : shown(series.get(o).points().get(c));
            if (w == null) {
                continue;
            }
            if (w > v || (w == v && o < s)) {
                higher++;
            } else {
                lower++;
            }
        }
        if (higher == 0) {
            return Place.ABOVE;
        }
        if (lower == 0) {
            return v <= yMin + (yMax - yMin) * 0.08 ? Place.RIGHT : Place.BELOW;
        }
        return Place.RIGHT;
    }

    private Double shown(Point p) {
        return p.value() != null && rule.allows(p.responses()) ? p.value() : null;
    }

    private boolean hasGaps() {
        for (Series s : series) {
            for (Point p : s.points()) {
                if (shown(p) == null) {
                    return true;
                }
            }
        }
        return false;
    }

    private double yOf(double v, double top, double bottom) {
        double clamped = Math.max(yMin, Math.min(yMax, v));
        return bottom - (clamped - yMin) / (yMax - yMin) * (bottom - top);
    }

    private String tickLabel(double t) {
        return Svg.num(t);
    }

    /** Gridline values: the smallest step of 1, 2 or 5 times a power of ten giving at most 6 intervals. */
    static double[] ticks(double min, double max) {
        double range = max - min;
        double base = Math.pow(10, Math.floor(Math.log10(range)) - 1);
        double step = base;
        search:
        for (int e = 0; e < 3; e++) {
            for (int m : new int[] {1, 2, 5}) {
                step = m * base * Math.pow(10, e);
                if (range / step <= 6 + 1e-9) {
                    break search;
                }
            }
        }
        List<Double> out = new ArrayList<>();
        long first = (long) Math.ceil(min / step - 1e-9);
        for (long i = first; i * step <= max + 1e-9 * step; i++) {
            out.add(i * step);
        }
        if (out.isEmpty() || out.get(0) > min + 1e-9 * step) {
            out.add(0, min);
        }
        double[] a = new double[out.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = out.get(i);
        }
        return a;
    }

    private static String marker(int s, double x, double y, String colour) {
        return marker(SHAPES[s % SHAPES.length], x, y, colour);
    }

    /** A point's marker centred on (x, y): a circle, square, triangle or diamond, outlined in white. */
    static String marker(String shape, double x, double y, String colour) {
        String style = "fill=\"" + colour + "\" stroke=\"" + Palette.WHITE + "\" stroke-width=\"1.5\"";
        return switch (shape) {
            case "square" -> "<rect x=\"" + Svg.num(x - 5) + "\" y=\"" + Svg.num(y - 5)
                    + "\" width=\"10\" height=\"10\" " + style + "/>";
            case "triangle" -> "<path d=\"M" + Svg.num(x) + " " + Svg.num(y - 6.5) + " L" + Svg.num(x + 6) + " "
                    + Svg.num(y + 4.5) + " L" + Svg.num(x - 6) + " " + Svg.num(y + 4.5) + " Z\" " + style + "/>";
            case "diamond" -> "<path d=\"M" + Svg.num(x) + " " + Svg.num(y - 6.5) + " L" + Svg.num(x + 6.5) + " "
                    + Svg.num(y) + " L" + Svg.num(x) + " " + Svg.num(y + 6.5) + " L" + Svg.num(x - 6.5) + " "
                    + Svg.num(y) + " Z\" " + style + "/>";
            default -> "<circle cx=\"" + Svg.num(x) + "\" cy=\"" + Svg.num(y) + "\" r=\"5.5\" " + style + "/>";
        };
    }
}
