package org.convene.evaluation.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.convene.evaluation.AnonymityRule;
import org.convene.evaluation.Distribution;

/**
 * Horizontal bars of counts in categories, e.g. the split of comments into positive, neutral and
 * negative, or participants by sector. Every bar is labelled with its count and its share of the
 * total, so nothing depends on colour. When the total is below the anonymity rule the chart shows
 * "Not shown" instead of bars.
 *
 * @param id identifier, unique in the page; prefixes every id inside the SVG
 * @param title short name of the chart
 * @param bars the categories, in display order
 * @param description longer text alternative; null writes one from the data
 * @param width width in pixels
 * @param colour fill of the bars, a #rrggbb colour with at least 3:1 contrast against white
 * @param base the number that shares are of: 0 for the sum of the counts (shares then add up to 100 %),
 *     or the number of people who answered a multiple-choice question (shares may add up to more)
 * @param rule the anonymity rule, applied to the base (or to the total when the base is 0)
 */
public record BarChart(String id, String title, List<Bar> bars, String description, int width, String colour,
        int base, AnonymityRule rule) {

    private static final double PAD = 8;
    private static final double BAR = 22;
    private static final double GAP = 10;
    private static final double LABEL_FONT = 14;
    private static final double LABEL_LINE = 17;
    private static final double VALUE_FONT = 12;

    /**
     * One category.
     *
     * @param label its name
     * @param count how many
     */
    public record Bar(String label, int count) {
        public Bar {
            Objects.requireNonNull(label, "label");
            if (count < 0) {
                throw new IllegalArgumentException("count must be 0 or more: " + count);
            }
        }
    }

    public BarChart {
        Svg.requireId(id);
        Objects.requireNonNull(title, "title");
        bars = List.copyOf(bars);
        Objects.requireNonNull(rule, "rule");
        if (Palette.contrast(colour, Palette.WHITE) < 3) {
            throw new IllegalArgumentException("bar colour needs 3:1 contrast against white: " + colour);
        }
        if (width < 320 || width > 4000) {
            throw new IllegalArgumentException("width must be 320 to 4000: " + width);
        }
        if (base < 0) {
            throw new IllegalArgumentException("base must be 0 or more: " + base);
        }
    }

    /** Blue bars, 640 pixels wide, under the default anonymity rule. */
    public BarChart(String id, String title, List<Bar> bars) {
        this(id, title, bars, null, 640, Palette.BLUE, 0, AnonymityRule.DEFAULT);
    }

    /**
     * The bars of a distribution, one per option; for a multiple-choice item the shares are of the people
     * who answered.
     */
    public static BarChart of(String id, String title, Distribution distribution) {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < distribution.options().size(); i++) {
            bars.add(new Bar(distribution.options().get(i), distribution.count(i)));
        }
        return new BarChart(id, title, bars).withBase(distribution.isMultipleChoice() ? distribution.responses() : 0);
    }

    public BarChart withDescription(String value) {
        return new BarChart(id, title, bars, value, width, colour, base, rule);
    }

    public BarChart withWidth(int value) {
        return new BarChart(id, title, bars, description, value, colour, base, rule);
    }

    public BarChart withColour(String value) {
        return new BarChart(id, title, bars, description, width, value, base, rule);
    }

    public BarChart withBase(int value) {
        return new BarChart(id, title, bars, description, width, colour, value, rule);
    }

    public BarChart withRule(AnonymityRule value) {
        return new BarChart(id, title, bars, description, width, colour, base, value);
    }

    /** The base, or the sum of the counts. */
    private int total() {
        return base > 0 ? base : bars.stream().mapToInt(Bar::count).sum();
    }

    /** The chart as a standalone SVG element. */
    public String svg() {
        int total = total();
        boolean shown = rule.allows(total);
        double inner = width - 2 * PAD;
        double labelWidth = Math.round(inner * 0.32);
        double barX = PAD + labelWidth + 10;
        List<Integer> pct = percentages();
        double valueWidth = 0;
        for (int i = 0; i < bars.size(); i++) {
            valueWidth = Math.max(valueWidth, Svg.width(valueLabel(i, pct), VALUE_FONT, true));
        }
        double barMax = width - PAD - valueWidth - 8 - barX;
        int max = bars.stream().mapToInt(Bar::count).max().orElse(0);

        List<List<String>> labels = new ArrayList<>();
        double height = PAD;
        if (shown) {
            for (Bar b : bars) {
                List<String> lines = Svg.wrap(b.label(), LABEL_FONT, false, labelWidth, 3);
                labels.add(lines);
                height += Math.max(BAR, lines.size() * LABEL_LINE) + GAP;
            }
            height += 18;
        }
        if (!shown || bars.isEmpty()) {
            height += 40;
        }
        height += PAD;

        Svg svg = new Svg(id, width, height, title, description != null ? description : describe());
        double y = PAD;
        if (!shown) {
            svg.rect(PAD, y, inner, 32, Palette.LIGHT_GREY, "stroke=\"" + Palette.MID_GREY + "\"");
            svg.text(PAD + 10, y + 21, "Not shown: fewer than " + rule.minimum() + " responses", "start", VALUE_FONT,
                    false, Palette.DARK_GREY, null);
            return svg.end();
        }
        if (bars.isEmpty()) {
            svg.text(PAD, y + 20, "Nothing to show.", "start", LABEL_FONT, false, Palette.DARK_GREY, null);
            return svg.end();
        }
        svg.line(barX, PAD - 2, barX, height - PAD - 18, Palette.DARK_GREY, 1, null);
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            List<String> lines = labels.get(i);
            double rowHeight = Math.max(BAR, lines.size() * LABEL_LINE);
            double barY = y + (rowHeight - BAR) / 2;
            svg.lines(PAD, y + (rowHeight - lines.size() * LABEL_LINE) / 2 + 13, lines, LABEL_LINE, "start",
                    LABEL_FONT, false, Palette.BLACK);
            double w = max == 0 ? 0 : barMax * b.count() / max;
            String value = valueLabel(i, pct);
            svg.raw("<g>").tooltip(b.label() + ": " + value);
            svg.rect(barX, barY, w, BAR, colour, null);
            svg.text(barX + w + 6, barY + 15.5, value, "start", VALUE_FONT, true, Palette.BLACK, null);
            svg.raw("</g>");
            y += rowHeight + GAP;
        }
        svg.text(barX, y + 10, (base > 0 ? "People who answered: " : "Total ") + total, "start", VALUE_FONT, false,
                Palette.DARK_GREY, null);
        return svg.end();
    }

    private String valueLabel(int i, List<Integer> pct) {
        return bars.get(i).count() + " (" + Svg.percent(pct.get(i)) + ")";
    }

    private List<Integer> percentages() {
        List<Integer> counts = bars.stream().map(Bar::count).toList();
        if (counts.isEmpty()) {
            return List.of();
        }
        if (base > 0) {
            return counts.stream().map(c -> (int) Math.round(100.0 * c / base)).toList();
        }
        return Distribution.ofScaleCounts(1, counts, 0).percentages();
    }

    /** The text alternative written from the data. */
    String describe() {
        int total = total();
        StringBuilder b = new StringBuilder("Bar chart of ").append(bars.size())
                .append(bars.size() == 1 ? " category" : " categories");
        if (!rule.allows(total)) {
            return b.append(": not shown, fewer than ").append(rule.minimum()).append(" responses.").toString();
        }
        b.append(", ").append(total).append(base > 0 ? " people answered." : " in total.");
        List<Integer> pct = percentages();
        for (int i = 0; i < bars.size(); i++) {
            b.append(' ').append(bars.get(i).label().strip()).append(": ").append(valueLabel(i, pct)).append('.');
        }
        return b.toString();
    }
}
