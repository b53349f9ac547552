package org.convene.evaluation.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.convene.evaluation.AnonymityRule;
import org.convene.evaluation.Distribution;

/**
 * Horizontal stacked bars, one per item, each showing how the answers spread over the options (e.g.
 * "Strongly disagree" to "Strongly agree"), as shares of the item's responses.
 *
 * <p>Colours run from red (most negative) to blue (most positive); the options below the middle are
 * also hatched and the middle one dotted, segments carry their percentage where it fits, and each has
 * a tooltip with its count, so colour is never the only cue. An item with fewer responses than the
 * anonymity rule allows is drawn as a grey "not shown" bar with no figures.
 *
 * @param id identifier, unique in the page (a letter, then letters, digits, - or _); prefixes every id
 *     inside the SVG
 * @param title short name of the chart, announced by screen readers
 * @param options option labels from most negative to most positive
 * @param rows the items, in display order
 * @param description longer text alternative; null writes one from the data
 * @param width width in pixels (the height follows from the content)
 * @param rule the anonymity rule to apply to each item
 */
public record LikertChart(String id, String title, List<String> options, List<Row> rows, String description,
        int width, AnonymityRule rule) {

    private static final double PAD = 8;
    private static final double BAR = 26;
    private static final double ROW_GAP = 14;
    private static final double LABEL_FONT = 14;
    private static final double LABEL_LINE = 17;
    private static final double VALUE_FONT = 12;
    private static final double N_COLUMN = 64;

    /**
     * One item.
     *
     * @param label the item's text
     * @param counts count of each option, in the order of the chart's options
     */
    public record Row(String label, List<Integer> counts) {
        public Row {
            Objects.requireNonNull(label, "label");
            counts = List.copyOf(counts);
            for (Integer c : counts) {
                if (c < 0) {
                    throw new IllegalArgumentException("counts must be 0 or more: " + counts);
                }
            }
        }

        /** The item's row from its distribution. */
        public static Row of(String label, Distribution distribution) {
            return new Row(label, distribution.counts());
        }

        int total() {
            return counts.stream().mapToInt(Integer::intValue).sum();
        }
    }

    public LikertChart {
        Svg.requireId(id);
        Objects.requireNonNull(title, "title");
        options = List.copyOf(options);
        rows = List.copyOf(rows);
        Objects.requireNonNull(rule, "rule");
        if (options.isEmpty() || options.size() > 11) {
            throw new IllegalArgumentException("a Likert chart needs 1 to 11 options: " + options.size());
        }
        for (Row r : rows) {
            if (r.counts().size() != options.size()) {
                throw new IllegalArgumentException("item '" + r.label() + "' has " + r.counts().size()
                        + " counts for " + options.size() + " options");
            }
        }
        if (width < 320 || width > 4000) {
            throw new IllegalArgumentException("width must be 320 to 4000: " + width);
        }
    }

    /** A chart 640 pixels wide under the default anonymity rule, described from its data. */
    public LikertChart(String id, String title, List<String> options, List<Row> rows) {
        this(id, title, options, rows, null, 640, AnonymityRule.DEFAULT);
    }

    public LikertChart withDescription(String value) {
        return new LikertChart(id, title, options, rows, value, width, rule);
    }

    public LikertChart withWidth(int value) {
        return new LikertChart(id, title, options, rows, description, value, rule);
    }

    public LikertChart withRule(AnonymityRule value) {
        return new LikertChart(id, title, options, rows, description, width, value);
    }

    /** The chart as a standalone SVG element. */
    public String svg() {
        int k = options.size();
        List<String> colours = Palette.diverging(k);
        List<Legend.Entry> legend = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            legend.add(new Legend.Entry("<rect x=\"0.5\" y=\"0.5\" width=\"15\" height=\"15\" fill=\"" + paint(i, k)
                    + "\" stroke=\"" + Palette.DARK_GREY + "\" stroke-width=\"1\"/>", options.get(i)));
        }
        double inner = width - 2 * PAD;
        double labelWidth = Math.round(inner * 0.32);
        double barX = PAD + labelWidth + 10;
        double barWidth = width - PAD - N_COLUMN - barX;

        List<List<String>> labels = new ArrayList<>();
        double height = PAD + Legend.height(legend, inner) + 10;
        for (Row r : rows) {
            List<String> lines = Svg.wrap(r.label(), LABEL_FONT, false, labelWidth, 3);
            labels.add(lines);
            height += Math.max(BAR, lines.size() * LABEL_LINE) + ROW_GAP;
        }
        if (rows.isEmpty()) {
            height += BAR;
        }
        height += PAD;

        Svg svg = new Svg(id, width, height, title, description != null ? description : describe());
        svg.raw("<defs>");
        for (int i = 0; i < k; i++) {
            svg.raw(pattern(i, k, colours.get(i)));
        }
        svg.raw("</defs>");
        double y = PAD + Legend.draw(svg, legend, PAD, PAD, inner) + 10;
        if (rows.isEmpty()) {
            svg.text(PAD, y + 18, "No items to show.", "start", LABEL_FONT, false, Palette.DARK_GREY, null);
        }
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            List<String> lines = labels.get(r);
            double rowHeight = Math.max(BAR, lines.size() * LABEL_LINE);
            double barY = y + (rowHeight - BAR) / 2;
            double textTop = y + (rowHeight - lines.size() * LABEL_LINE) / 2;
            svg.lines(PAD, textTop + 13, lines, LABEL_LINE, "start", LABEL_FONT, false, Palette.BLACK);
            int total = row.total();
            if (!rule.allows(total)) {
                svg.raw("<g>").tooltip(row.label() + ": not shown, fewer than " + rule.minimum() + " responses");
                svg.rect(barX, barY, barWidth, BAR, Palette.LIGHT_GREY, "stroke=\"" + Palette.MID_GREY + "\"");
                svg.text(barX + 8, barY + 17, "Not shown: fewer than " + rule.minimum() + " responses", "start",
                        VALUE_FONT, false, Palette.DARK_GREY, null);
                svg.raw("</g>");
            } else {
                List<Integer> pct = percentages(row.counts());
                double x = barX;
                for (int i = 0; i < k; i++) {
                    int c = row.counts().get(i);
                    if (c == 0) {
                        continue;
                    }
                    double w = barWidth * c / total;
                    svg.raw("<g>").tooltip(options.get(i) + ": " + c + " of " + total + " (" + Svg.percent(pct.get(i))
                            + ")");
                    svg.rect(x, barY, w, BAR, paint(i, k), "stroke=\"" + Palette.WHITE + "\" stroke-width=\"1\"");
                    String text = Svg.percent(pct.get(i));
                    double tw = Svg.width(text, VALUE_FONT, true);
                    if (tw + 6 <= w) {
                        double cx = x + w / 2;
                        if (patterned(i, k)) {
                            svg.rect(cx - tw / 2 - 2, barY + 5, tw + 4, BAR - 10, colours.get(i), null);
                        }
                        svg.text(cx, barY + 17.5, text, "middle", VALUE_FONT, true, Palette.textOn(colours.get(i)),
                                null);
                    }
                    svg.raw("</g>");
                    x += w;
                }
                svg.text(width - PAD, barY + 17.5, "n = " + total, "end", VALUE_FONT, false, Palette.DARK_GREY, null);
            }
            y += rowHeight + ROW_GAP;
        }
        return svg.end();
    }

    /** The text alternative written from the data: every item's shares, or why it is not shown. */
    String describe() {
        StringBuilder b = new StringBuilder();
        b.append("Stacked bar chart of ").append(rows.size()).append(rows.size() == 1 ? " item" : " items")
                .append(", showing the share of responses for each option from ").append(options.get(0))
                .append(" to ").append(options.get(options.size() - 1)).append('.');
        for (Row r : rows) {
            int total = r.total();
            b.append(' ').append(r.label().strip());
            if (!rule.allows(total)) {
                b.append(": not shown, fewer than ").append(rule.minimum()).append(" responses.");
                continue;
            }
            b.append(" (").append(total).append(" responses): ");
            List<Integer> pct = percentages(r.counts());
            for (int i = 0; i < options.size(); i++) {
                b.append(options.get(i)).append(' ').append(Svg.percent(pct.get(i)))
                        .append(i == options.size() - 1 ? "." : ", ");
            }
        }
        return b.toString();
    }

    private static List<Integer> percentages(List<Integer> counts) {
        return Distribution.ofScaleCounts(1, counts, 0).percentages();
    }

    private String paint(int i, int k) {
        return patterned(i, k) ? "url(#" + id + "-p" + i + ")" : Palette.diverging(k).get(i);
    }

    /** Options below the middle are hatched, the middle one (odd counts) dotted; the rest plain. */
    private static boolean patterned(int i, int k) {
        return k > 1 && i <= (k - 1) / 2;
    }

    private String pattern(int i, int k, String colour) {
        if (!patterned(i, k)) {
            return "";
        }
        String ink = Palette.textOn(colour);
        String pid = id + "-p" + i;
        boolean middle = k % 2 == 1 && i == k / 2;
        if (middle) {
            return "<pattern id=\"" + pid + "\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\">"
                    + "<rect width=\"6\" height=\"6\" fill=\"" + colour + "\"/>"
                    + "<circle cx=\"3\" cy=\"3\" r=\"1.1\" fill=\"" + ink + "\" fill-opacity=\"0.45\"/></pattern>";
        }
        // The most negative option gets lines one way, the next the other way, and so on.
        int angle = (i % 2 == 0) ? 45 : -45;
        return "<pattern id=\"" + pid + "\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\""
                + " patternTransform=\"rotate(" + angle + ")\">"
                + "<rect width=\"6\" height=\"6\" fill=\"" + colour + "\"/>"
                + "<line x1=\"1\" y1=\"0\" x2=\"1\" y2=\"6\" stroke=\"" + ink + "\" stroke-width=\"1.5\""
                + " stroke-opacity=\"0.4\"/></pattern>";
    }
}
