package org.convene.evaluation.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.convene.evaluation.AnonymityRule;
import org.convene.evaluation.Estimate;
import org.convene.evaluation.PairedComparison;

/**
 * Paired before/after answers per item (e.g. confidence items), with the optional "then" rating (the
 * retrospective rating of "before", given at the end). Two panels:
 * <ul>
 * <li>left, each time's mean as a dot with its 95 % confidence interval as whiskers: before a hollow
 *     grey circle, then a purple diamond, after a filled blue circle, each on its own line within the
 *     item and labelled with its value;
 * <li>right, the paired change (after minus before, and after minus then) with its 95 % interval
 *     against a zero line, labelled with its signed value.
 * </ul>
 * Items with fewer complete pairs than the anonymity rule allows show "Not shown" instead.
 *
 * @param id identifier, unique in the page; prefixes every id inside the SVG
 * @param title short name of the chart
 * @param items the items, in display order
 * @param scaleMin lowest possible answer, e.g. 1
 * @param scaleMax highest possible answer, e.g. 5
 * @param description longer text alternative; null writes one from the data
 * @param width width in pixels
 * @param decimals decimals of the value labels
 * @param rule the anonymity rule, applied to each item's pairs
 */
public record PrePostChart(String id, String title, List<Item> items, double scaleMin, double scaleMax,
        String description, int width, int decimals, AnonymityRule rule) {

    static final String BEFORE_COLOUR = Palette.DARK_GREY;
    static final String THEN_COLOUR = Palette.PURPLE;
    static final String AFTER_COLOUR = Palette.BLUE;
    private static final double PAD = 8;
    private static final double SUB = 16;
    private static final double ROW_GAP = 14;
    private static final double LABEL_FONT = 14;
    private static final double LABEL_LINE = 17;
    private static final double SMALL = 11;

    /**
     * One item.
     *
     * @param label the item's text
     * @param pairs complete before/after pairs (the count the anonymity rule applies to)
     * @param before mean before, with its interval
     * @param after mean after
     * @param change mean of after minus before, with its paired interval, or null
     * @param thenPairs complete then/after pairs (the count the rule applies to for the "then" figures);
     *     0 when the item has no "then" rating
     * @param then mean of the "then" ratings, or null when the item has none
     * @param changeFromThen mean of after minus then, with its paired interval, or null
     */
    public record Item(String label, int pairs, Estimate before, Estimate after, Estimate change, int thenPairs,
            Estimate then, Estimate changeFromThen) {
        public Item {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
        }

        /** An item without a "then" rating. */
        public Item(String label, int pairs, Estimate before, Estimate after, Estimate change) {
            this(label, pairs, before, after, change, 0, null, null);
        }

        /**
         * An item computed from the answers, one entry per person in the same order (NaN where missing):
         * the before and after means over the complete before/after pairs, the then mean over the complete
         * then/after pairs, the changes from {@link PairedComparison}.
         *
         * @param then the "then" ratings, or null when the item has none
         */
        public static Item of(String label, double[] before, double[] then, double[] after) {
            PairedComparison change = PairedComparison.of(before, after);
            double[][] ba = complete(before, after);
            if (then == null) {
                return new Item(label, change.pairs(), Estimate.mean(ba[0]), Estimate.mean(ba[1]), change.change());
            }
            PairedComparison fromThen = PairedComparison.of(then, after);
            return new Item(label, change.pairs(), Estimate.mean(ba[0]), Estimate.mean(ba[1]), change.change(),
                    fromThen.pairs(), Estimate.mean(complete(then, after)[0]), fromThen.change());
        }

        /** Whether the "then" figures may be shown under the rule. */
        boolean showsThen(AnonymityRule rule) {
            return then != null && rule.allows(thenPairs);
        }

        private static double[][] complete(double[] x, double[] y) {
            if (x.length != y.length) {
                throw new IllegalArgumentException("paired answers must have the same length");
            }
            List<double[]> pairs = new ArrayList<>();
            for (int i = 0; i < x.length; i++) {
                if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                    pairs.add(new double[] {x[i], y[i]});
                }
            }
            double[][] out = new double[2][pairs.size()];
            for (int i = 0; i < pairs.size(); i++) {
                out[0][i] = pairs.get(i)[0];
                out[1][i] = pairs.get(i)[1];
            }
            return out;
        }
    }

    public PrePostChart {
        Svg.requireId(id);
        Objects.requireNonNull(title, "title");
        items = List.copyOf(items);
        Objects.requireNonNull(rule, "rule");
        if (!(scaleMax > scaleMin) || !Double.isFinite(scaleMin) || !Double.isFinite(scaleMax)) {
            throw new IllegalArgumentException("need scaleMin < scaleMax: " + scaleMin + ", " + scaleMax);
        }
        if (width < 400 || width > 4000) {
            throw new IllegalArgumentException("width must be 400 to 4000: " + width);
        }
        if (decimals < 0 || decimals > 3) {
            throw new IllegalArgumentException("decimals must be 0 to 3: " + decimals);
        }
    }

    /** A chart 640 pixels wide with one decimal, under the default anonymity rule. */
    public PrePostChart(String id, String title, List<Item> items, double scaleMin, double scaleMax) {
        this(id, title, items, scaleMin, scaleMax, null, 640, 1, AnonymityRule.DEFAULT);
    }

    public PrePostChart withDescription(String value) {
        return new PrePostChart(id, title, items, scaleMin, scaleMax, value, width, decimals, rule);
    }

    public PrePostChart withWidth(int value) {
        return new PrePostChart(id, title, items, scaleMin, scaleMax, description, value, decimals, rule);
    }

    public PrePostChart withDecimals(int value) {
        return new PrePostChart(id, title, items, scaleMin, scaleMax, description, width, value, rule);
    }

    public PrePostChart withRule(AnonymityRule value) {
        return new PrePostChart(id, title, items, scaleMin, scaleMax, description, width, decimals, value);
    }

    /** The chart as a standalone SVG element. */
    public String svg() {
        boolean anyThen = items.stream().anyMatch(i -> i.then() != null);
        List<Legend.Entry> legend = new ArrayList<>();
        legend.add(new Legend.Entry(dot(8, 8, "before"), "Before"));
        if (anyThen) {
            legend.add(new Legend.Entry(dot(8, 8, "then"), "Then (rated at the end)"));
        }
        legend.add(new Legend.Entry(dot(8, 8, "after"), "After"));
        legend.add(new Legend.Entry("<line x1=\"0\" y1=\"8\" x2=\"16\" y2=\"8\" stroke=\"" + Palette.BLACK
                + "\" stroke-width=\"1.5\"/><line x1=\"0.75\" y1=\"4\" x2=\"0.75\" y2=\"12\" stroke=\"" + Palette.BLACK
                + "\" stroke-width=\"1.5\"/><line x1=\"15.25\" y1=\"4\" x2=\"15.25\" y2=\"12\" stroke=\""
                + Palette.BLACK + "\" stroke-width=\"1.5\"/>", "95% confidence interval"));

        double inner = width - 2 * PAD;
        double labelWidth = Math.round(inner * 0.26);
        double meansLeft = PAD + labelWidth + 12;
        double changeWidth = Math.round(inner * 0.30);
        double changeLeft = width - PAD - changeWidth;
        double meansRight = changeLeft - 28;
        double changeRight = width - PAD - 4;
        double changeAxisLeft = changeLeft + 4;
        int subRows = anyThen ? 3 : 2;
        double bound = changeBound();

        List<List<String>> labels = new ArrayList<>();
        double legendHeight = Legend.height(legend, inner);
        double headTop = PAD + legendHeight + 8;
        double rowsTop = headTop + 24;
        double y = rowsTop;
        List<Double> rowTops = new ArrayList<>();
        for (Item item : items) {
            List<String> lines = Svg.wrap(item.label(), LABEL_FONT, false, labelWidth, 4);
            labels.add(lines);
            rowTops.add(y);
            y += Math.max(subRows * SUB + 4, lines.size() * LABEL_LINE) + ROW_GAP;
        }
        if (items.isEmpty()) {
            y += 30;
        }
        double rowsBottom = y - (items.isEmpty() ? 0 : ROW_GAP / 2);
        double height = rowsBottom + 30 + PAD;

        Svg svg = new Svg(id, width, height, title, description != null ? description : describe());
        Legend.draw(svg, legend, PAD, PAD, inner);
        svg.text(meansLeft, headTop + 14, "Mean answer", "start", 12, true, Palette.BLACK, null);
        svg.text(changeAxisLeft, headTop + 14, "Change", "start", 12, true, Palette.BLACK, null);

        // Scales: gridlines through every row, tick labels underneath.
        svg.raw("<g class=\"axis\">");
        for (double t : TrendChart.ticks(scaleMin, scaleMax)) {
            double x = meansX(t, meansLeft, meansRight);
            svg.line(x, rowsTop - 4, x, rowsBottom, Palette.MID_GREY, 0.75, null);
            svg.text(x, rowsBottom + 16, Svg.num(t), "middle", 12, false, Palette.BLACK, null);
        }
        for (double t : changeTicks(bound)) {
            double x = changeX(t, bound, changeAxisLeft, changeRight);
            svg.line(x, rowsTop - 4, x, rowsBottom, t == 0 ? Palette.BLACK : Palette.MID_GREY, t == 0 ? 1.25 : 0.75,
                    null);
            String tick = t == 0 ? "0" : (t > 0 ? "+" : "\u2212") + Svg.num(Math.abs(t));
            svg.text(x, rowsBottom + 16, tick, "middle", 12, false, Palette.BLACK, null);
        }
        svg.raw("</g>");
        if (items.isEmpty()) {
            svg.text(PAD, rowsTop + 18, "No items to show.", "start", LABEL_FONT, false, Palette.DARK_GREY, null);
        }

        for (int r = 0; r < items.size(); r++) {
            Item item = items.get(r);
            List<String> lines = labels.get(r);
            double top = rowTops.get(r);
            double rowHeight = Math.max(subRows * SUB + 4, lines.size() * LABEL_LINE);
            svg.lines(PAD, top + (rowHeight - lines.size() * LABEL_LINE) / 2 + 13, lines, LABEL_LINE, "start",
                    LABEL_FONT, false, Palette.BLACK);
            if (r > 0) {
                svg.line(PAD, top - ROW_GAP / 2, width - PAD, top - ROW_GAP / 2, Palette.LIGHT_GREY, 1, null);
            }
            double first = top + (rowHeight - subRows * SUB) / 2 + SUB / 2;
            if (!rule.allows(item.pairs())) {
                svg.raw("<g>").tooltip(item.label() + ": not shown, fewer than " + rule.minimum() + " responses");
                svg.rect(meansLeft, first - 10, changeRight - meansLeft, (subRows - 1) * SUB + 20, Palette.LIGHT_GREY,
                        "stroke=\"" + Palette.MID_GREY + "\"");
                svg.text(meansLeft + 8, first - 10 + ((subRows - 1) * SUB + 20) / 2 + 4,
                        "Not shown: fewer than " + rule.minimum() + " responses", "start", 12, false,
                        Palette.DARK_GREY, null);
                svg.raw("</g>");
                continue;
            }
            int sub = 0;
            meanRow(svg, "Before", "before", item.before(), first + SUB * sub++, meansLeft, meansRight);
            if (anyThen) {
                if (item.showsThen(rule)) {
                    meanRow(svg, "Then", "then", item.then(), first + SUB * sub, meansLeft, meansRight);
                } else if (item.then() != null) {
                    svg.text(meansLeft + 4, first + SUB * sub + 4, "Then: not shown, fewer than " + rule.minimum()
                            + " responses", "start", SMALL, false, Palette.DARK_GREY, null);
                }
                sub++;
            }
            meanRow(svg, "After", "after", item.after(), first + SUB * sub, meansLeft, meansRight);

            double mid = first + SUB * (subRows - 1) / 2.0;
            if (item.change() != null && item.changeFromThen() != null && item.showsThen(rule)) {
                changeRow(svg, "Change from before", item.change(), mid - SUB / 2, bound, changeAxisLeft, changeRight,
                        Palette.BLACK);
                changeRow(svg, "Change from then", item.changeFromThen(), mid + SUB / 2, bound, changeAxisLeft,
                        changeRight, THEN_COLOUR);
            } else if (item.change() != null) {
                changeRow(svg, "Change", item.change(), mid, bound, changeAxisLeft, changeRight, Palette.BLACK);
            }
        }
        return svg.end();
    }

    private void meanRow(Svg svg, String name, String kind, Estimate e, double y, double left, double right) {
        if (e == null || !e.isDefined()) {
            return;
        }
        String colour = colour(kind);
        svg.raw("<g>").tooltip(name + ": mean " + Svg.value(e.value(), decimals) + interval(e));
        double end = meansX(e.value(), left, right);
        if (e.hasInterval()) {
            double lo = meansX(e.lower(), left, right);
            double hi = meansX(e.upper(), left, right);
            whisker(svg, lo, hi, y, colour);
            end = Math.max(end, hi);
        }
        svg.raw(dot(meansX(e.value(), left, right), y, kind));
        String label = Svg.value(e.value(), decimals);
        double lw = Svg.width(label, SMALL, false);
        if (end + 6 + lw <= right + 24) {
            svg.text(end + 6, y + 4, label, "start", SMALL, false, Palette.BLACK, null);
        } else {
            double start = e.hasInterval() ? meansX(e.lower(), left, right) : meansX(e.value(), left, right) - 7;
            svg.text(start - 6, y + 4, label, "end", SMALL, false, Palette.BLACK, null);
        }
        svg.raw("</g>");
    }

    private void changeRow(Svg svg, String name, Estimate e, double y, double bound, double left, double right,
            String colour) {
        if (!e.isDefined()) {
            return;
        }
        String label = Svg.signed(e.value(), decimals);
        svg.raw("<g>").tooltip(name + ": " + label + interval(e));
        double x = changeX(e.value(), bound, left, right);
        double end = x;
        if (e.hasInterval()) {
            double lo = changeX(e.lower(), bound, left, right);
            double hi = changeX(e.upper(), bound, left, right);
            whisker(svg, lo, hi, y, colour);
            end = Math.max(end, hi);
        }
        svg.rect(x - 4, y - 4, 8, 8, colour, "stroke=\"" + Palette.WHITE + "\" stroke-width=\"1\"");
        double lw = Svg.width(label, SMALL, true);
        if (end + 5 + lw <= right + PAD) {
            svg.text(end + 5, y + 4, label, "start", SMALL, true, colour, null);
        } else {
            double start = e.hasInterval() ? Math.min(x, changeX(e.lower(), bound, left, right)) : x - 4;
            svg.text(start - 5, y + 4, label, "end", SMALL, true, colour, null);
        }
        svg.raw("</g>");
    }

    private static void whisker(Svg svg, double lo, double hi, double y, String colour) {
        svg.line(lo, y, hi, y, colour, 1.5, null);
        svg.line(lo, y - 4, lo, y + 4, colour, 1.5, null);
        svg.line(hi, y - 4, hi, y + 4, colour, 1.5, null);
    }

    private String interval(Estimate e) {
        if (!e.hasInterval()) {
            return "";
        }
        return " (95% CI " + Svg.value(e.lower(), 2) + " to " + Svg.value(e.upper(), 2) + ")";
    }

    private double meansX(double v, double left, double right) {
        double c = Math.max(scaleMin, Math.min(scaleMax, v));
        return left + (c - scaleMin) / (scaleMax - scaleMin) * (right - left);
    }

    private static double changeX(double v, double bound, double left, double right) {
        double c = Math.max(-bound, Math.min(bound, v));
        return left + (c + bound) / (2 * bound) * (right - left);
    }

    /**
     * Half-width of the change scale: covers every shown change and interval end; 1 when they fit within
     * ±1, otherwise the next whole number (the next even number beyond 4).
     */
    private double changeBound() {
        double m = 0;
        for (Item i : items) {
            if (!rule.allows(i.pairs())) {
                continue;
            }
            for (Estimate e : new Estimate[] {i.change(), i.showsThen(rule) ? i.changeFromThen() : null}) {
                if (e == null) {
                    continue;
                }
                for (double v : new double[] {e.value(), e.lower(), e.upper()}) {
                    if (Double.isFinite(v)) {
                        m = Math.max(m, Math.abs(v));
                    }
                }
            }
        }
        m = Math.min(m, scaleMax - scaleMin);
        if (m <= 1) {
            return 1;
        }
        double bound = Math.ceil(m - 1e-9);
        return bound <= 4 ? bound : 2 * Math.ceil(bound / 2);
    }

    /** Ticks of the change scale: every 0.5 for ±1, every 1 up to ±4, every bound / 2 beyond. */
    static double[] changeTicks(double bound) {
        double step = bound <= 1 ? 0.5 : bound <= 4 ? 1 : bound / 2;
        int n = (int) Math.round(bound / step);
        double[] t = new double[2 * n + 1];
        for (int i = -n; i <= n; i++) {
            t[i + n] = i * step;
        }
        return t;
    }

    private static String colour(String kind) {
        return switch (kind) {
            case "before" -> BEFORE_COLOUR;
            case "then" -> THEN_COLOUR;
            default -> AFTER_COLOUR;
        };
    }

    /** Before: hollow circle; then: diamond; after: filled circle. */
    private static String dot(double x, double y, String kind) {
        return switch (kind) {
            case "before" -> "<circle cx=\"" + Svg.num(x) + "\" cy=\"" + Svg.num(y) + "\" r=\"5\" fill=\""
                    + Palette.WHITE + "\" stroke=\"" + BEFORE_COLOUR + "\" stroke-width=\"2.5\"/>";
            case "then" -> "<path d=\"M" + Svg.num(x) + " " + Svg.num(y - 6.5) + " L" + Svg.num(x + 6.5) + " "
                    + Svg.num(y) + " L" + Svg.num(x) + " " + Svg.num(y + 6.5) + " L" + Svg.num(x - 6.5) + " "
                    + Svg.num(y) + " Z\" fill=\"" + THEN_COLOUR + "\" stroke=\"" + Palette.WHITE
                    + "\" stroke-width=\"1\"/>";
            default -> "<circle cx=\"" + Svg.num(x) + "\" cy=\"" + Svg.num(y) + "\" r=\"6\" fill=\"" + AFTER_COLOUR
                    + "\" stroke=\"" + Palette.WHITE + "\" stroke-width=\"1\"/>";
        };
    }

    /** The text alternative written from the data. */
    String describe() {
        StringBuilder b = new StringBuilder("Mean answers before");
        boolean anyThen = items.stream().anyMatch(i -> i.then() != null);
        if (anyThen) {
            b.append(", then (rated at the end)");
        }
        b.append(" and after, with 95% confidence intervals, on a scale of ").append(Svg.num(scaleMin)).append(" to ")
                .append(Svg.num(scaleMax)).append(", and the change for each item.");
        for (Item i : items) {
            b.append(' ').append(i.label().strip());
            if (!rule.allows(i.pairs())) {
                b.append(": not shown, fewer than ").append(rule.minimum()).append(" responses.");
                continue;
            }
            b.append(" (").append(i.pairs()).append(" people): before ").append(mean(i.before()));
            if (i.showsThen(rule)) {
                b.append(", then ").append(mean(i.then()));
            } else if (i.then() != null) {
                b.append(", then not shown (fewer than ").append(rule.minimum()).append(" responses)");
            }
            b.append(", after ").append(mean(i.after()));
            if (i.change() != null && i.change().isDefined()) {
                b.append("; change ").append(Svg.signed(i.change().value(), decimals)).append(interval(i.change()));
            }
            if (i.showsThen(rule) && i.changeFromThen() != null && i.changeFromThen().isDefined()) {
                b.append("; change from then ").append(Svg.signed(i.changeFromThen().value(), decimals))
                        .append(interval(i.changeFromThen()));
            }
            b.append('.');
        }
        return b.toString();
    }

    private String mean(Estimate e) {
        return e.isDefined() ? Svg.value(e.value(), decimals) : "no data";
    }
}
