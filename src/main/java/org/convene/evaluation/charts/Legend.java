package org.convene.evaluation.charts;

import java.util.ArrayList;
import java.util.List;

/** A legend: key marks with their labels, flowing left to right into as many rows as needed. */
final class Legend {
    static final double FONT = 13;
    static final double ROW = 22;
    private static final double KEY = 16;
    private static final double GAP = 6;
    private static final double SPACING = 18;

    /** One entry: the markup of its key, drawn in a 16 × 16 box at (0, 0), and its label. */
    record Entry(String keyMarkup, String label) {
    }

    private Legend() {
    }

    /** Height the legend takes at this width. */
    static double height(List<Entry> entries, double maxWidth) {
        return rows(entries, maxWidth).size() * ROW;
    }

    /** Draws the legend with its top left corner at (x, y); returns its height. */
    static double draw(Svg svg, List<Entry> entries, double x, double y, double maxWidth) {
        List<List<Integer>> rows = rows(entries, maxWidth);
        svg.raw("<g class=\"legend\">");
        for (int r = 0; r < rows.size(); r++) {
            double cx = x;
            double top = y + r * ROW;
            for (int i : rows.get(r)) {
                Entry e = entries.get(i);
                svg.raw("<g transform=\"translate(" + Svg.num(cx) + " " + Svg.num(top + 2) + ")\">")
                        .raw(e.keyMarkup()).raw("</g>");
                svg.text(cx + KEY + GAP, top + 15, e.label(), "start", FONT, false, Palette.BLACK, null);
                cx += entryWidth(e) + SPACING;
            }
        }
        svg.raw("</g>");
        return rows.size() * ROW;
    }

    private static double entryWidth(Entry e) {
        return KEY + GAP + Svg.width(e.label(), FONT, false);
    }

    private static List<List<Integer>> rows(List<Entry> entries, double maxWidth) {
        List<List<Integer>> rows = new ArrayList<>();
        List<Integer> row = new ArrayList<>();
        double used = 0;
        for (int i = 0; i < entries.size(); i++) {
            double w = entryWidth(entries.get(i));
            if (!row.isEmpty() && used + SPACING + w > maxWidth) {
                rows.add(row);
                row = new ArrayList<>();
                used = 0;
            }
            used += (row.isEmpty() ? 0 : SPACING) + w;
            row.add(i);
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        return rows;
    }
}
