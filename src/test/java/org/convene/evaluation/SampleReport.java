package org.convene.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import org.convene.evaluation.charts.BarChart;
import org.convene.evaluation.charts.LikertChart;
import org.convene.evaluation.charts.PrePostChart;
import org.convene.evaluation.charts.TrendChart;

/** Report-like HTML pages with every kind of chart, from seeded random answers, for tests and benchmarks. */
public final class SampleReport {
    public static final List<String> AGREEMENT = List.of("Strongly disagree", "Disagree", "Neither agree nor disagree",
            "Agree", "Strongly agree");
    private static final String[] ITEMS = {
        "I feel confident leading change across organisational boundaries",
        "I understand the perspectives of colleagues in other sectors",
        "I can bring people together around a shared purpose",
        "I know whom to contact in social care & the voluntary sector",
        "I feel able to challenge unhelpful behaviours <respectfully>",
        "I make time to reflect on my leadership",
    };

    private SampleReport() {
    }

    /** Print styles a report template would give the PDF. */
    public static final String CSS = "body { font-size: 11pt; color: #0b0c0c; }\n"
            + "h1 { font-size: 22pt; } h2 { font-size: 15pt; page-break-after: avoid; }\n"
            + "table { border-collapse: collapse; width: 100%; margin: 8pt 0; }\n"
            + "th, td { border-bottom: 1px solid #b1b4b6; padding: 3pt 6pt; text-align: left; }\n"
            + "td.num, th.num { text-align: right; }\n"
            + "figure { margin: 0 0 12pt 0; page-break-inside: avoid; }\n"
            + "figcaption { font-weight: bold; margin-bottom: 4pt; }\n"
            + ".page { page-break-after: always; }\n";

    /**
     * A report of {@code sections} sections, each with a table of figures and four charts (Likert
     * distribution, trend across modules, before/then/after, bar), and text to fill the pages.
     */
    public static String html(int sections, int participants, long seed) {
        return html(sections, participants, seed, 3, Integer.MAX_VALUE);
    }

    /**
     * As {@link #html(int, int, long)}, with {@code paragraphs} paragraphs of text per section and at most
     * {@code maxCharts} charts in all.
     */
    public static String html(int sections, int participants, long seed, int paragraphs, int maxCharts) {
        Random random = new Random(seed);
        int[] charts = {0};
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">")
                .append("<title>Programme evaluation report</title>")
                .append("<link rel=\"stylesheet\" href=\"/assets/govuk-frontend.min.css\">")
                .append("<style>").append(CSS).append("</style></head><body>")
                .append("<h1>Programme evaluation: Leading Together 2026</h1>")
                .append("<p>Responses from ").append(participants).append(" participants.&nbsp;Figures for groups of ")
                .append("fewer than 5 are not shown.</p>");
        for (int s = 0; s < sections; s++) {
            final int section = s;
            b.append("<div class=\"page\"><h2>Section ").append(s + 1).append(": confidence</h2>");
            List<PrePostChart.Item> items = new ArrayList<>();
            b.append("<table><thead><tr><th>Item</th><th class=\"num\">People</th><th class=\"num\">Before</th>")
                    .append("<th class=\"num\">After</th><th class=\"num\">Change (95% CI)</th>")
                    .append("<th class=\"num\">d<sub>z</sub></th><th class=\"num\">Wilcoxon p</th></tr></thead><tbody>");
            List<LikertChart.Row> rows = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String label = ITEMS[(s + i) % ITEMS.length];
                int n = i == 3 && s % 3 == 2 ? 3 : participants;
                double[] before = new double[n];
                double[] then = new double[n];
                double[] after = new double[n];
                List<Integer> answers = new ArrayList<>();
                for (int p = 0; p < n; p++) {
                    before[p] = 1 + random.nextInt(4);
                    then[p] = Math.max(1, before[p] - random.nextInt(2));
                    after[p] = Math.min(5, before[p] + random.nextInt(3));
                    if (random.nextInt(12) == 0) {
                        after[p] = Double.NaN;
                    }
                    answers.add((int) (Double.isNaN(after[p]) ? before[p] : after[p]));
                }
                PairedComparison c = PairedComparison.of(before, after);
                items.add(PrePostChart.Item.of(label, before, then, after));
                rows.add(LikertChart.Row.of(label, Distribution.likert5(answers)));
                b.append("<tr><td>").append(escape(label)).append("</td><td class=\"num\">").append(c.pairs())
                        .append("</td>");
                if (AnonymityRule.DEFAULT.allows(c)) {
                    b.append(String.format(Locale.ROOT, "<td class=\"num\">%.2f</td><td class=\"num\">%.2f</td>"
                            + "<td class=\"num\">%+.2f (%.2f to %.2f)</td><td class=\"num\">%.2f</td>"
                            + "<td class=\"num\">%.3f</td>", c.meanBefore(), c.meanAfter(), c.meanChange(), c.ciLower(),
                            c.ciUpper(), c.cohensDz(), c.wilcoxonP()));
                } else {
                    b.append("<td colspan=\"5\">Not shown: fewer than 5 responses</td>");
                }
                b.append("</tr>");
            }
            b.append("</tbody></table>");
            figure(b, charts, maxCharts, () -> new PrePostChart("prepost-" + section,
                    "Confidence before, then and after", items, 1, 5).svg(), "Confidence before, then and after");
            figure(b, charts, maxCharts, () -> new LikertChart("likert-" + section,
                    "Answers at the end of the programme", AGREEMENT, rows).svg(), "Answers at the end of the programme");
            List<String> modules = List.of("Module 1", "Module 2", "Module 3", "Module 4", "Module 5");
            List<TrendChart.Series> series = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                List<Double> means = new ArrayList<>();
                List<Integer> counts = new ArrayList<>();
                for (int m = 0; m < modules.size(); m++) {
                    means.add(m == 2 && i == 1 ? null : 2.5 + random.nextDouble() * 2);
                    counts.add(m == 3 && i == 2 ? 4 : participants);
                }
                series.add(TrendChart.Series.of(ITEMS[(s + i) % ITEMS.length].substring(0, 24) + "\u2026", means,
                        counts));
            }
            figure(b, charts, maxCharts, () -> new TrendChart("trend-" + section, "Mean answers across modules",
                    modules, series, 1, 5, "Mean answer (1 to 5)").svg(), "Mean answers across modules");
            int positive = random.nextInt(participants);
            figure(b, charts, maxCharts, () -> new BarChart("bars-" + section, "Comments by sentiment", List.of(
                    new BarChart.Bar("Positive", positive), new BarChart.Bar("Neutral", participants - positive),
                    new BarChart.Bar("Negative", 2))).svg(), "Comments by sentiment");
            for (int p = 0; p < paragraphs; p++) {
                b.append("<p>Participants described what changed in their practice. Most said they now plan work with ")
                        .append("colleagues from other organisations earlier, and that the action learning sets gave ")
                        .append("them a place to test ideas. Some found the time commitment hard to keep.</p>");
            }
            b.append("</div>");
        }
        b.append("</body></html>");
        return b.toString();
    }

    private static void figure(StringBuilder b, int[] charts, int maxCharts, Supplier<String> svg, String caption) {
        if (charts[0]++ >= maxCharts) {
            return;
        }
        b.append("<figure><figcaption>").append(escape(caption)).append("</figcaption>").append(svg.get())
                .append("</figure>");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
