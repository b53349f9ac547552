package org.convene.impact;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convene.evaluation.AnonymityRule;
import org.convene.evaluation.Estimate;
import org.convene.evaluation.charts.BarChart;
import org.convene.evaluation.charts.PrePostChart;

/** The dashboard's charts as SVG, drawn from the same figures as its tables. */
final class ImpactCharts {
    /** Counts of activity are not answers: every count may be shown. */
    private static final AnonymityRule COUNTS = new AnonymityRule(1);
    /** Beyond this many programmes the chart shows only all of them together; the table has each. */
    static final int MAX_PROGRAMMES_CHARTED = 12;

    private ImpactCharts() {
    }

    static Map<String, String> of(ImpactFigures f) {
        Map<String, String> charts = new LinkedHashMap<>();
        if (f.people().total() > 0) {
            List<BarChart.Bar> bars = f.people().bySector().stream().filter(s -> s.people() > 0)
                    .map(s -> new BarChart.Bar(s.name(), Math.toIntExact(s.people()))).toList();
            charts.put("sectors", new BarChart("chart-sectors", "People taking part, by sector", bars).withRule(COUNTS)
                    .withDescription(f.people().total() + " people took part; sectors with nobody taking part are left out").svg());
        }
        if (f.ties().newTies() > 0) {
            charts.put("ties", new BarChart("chart-ties", "New relationships, within and across sectors", List.of(
                    new BarChart.Bar("Across sectors", Math.toIntExact(f.ties().newCrossSectorTies())),
                    new BarChart.Bar("Within a sector", Math.toIntExact(f.ties().newTies() - f.ties().newCrossSectorTies()))))
                    .withRule(COUNTS).svg());
        }
        if (f.projects().started() > 0) {
            List<BarChart.Bar> bars = f.projects().byStatus().stream().filter(s -> s.projects() > 0)
                    .map(s -> new BarChart.Bar(s.label(), Math.toIntExact(s.projects()))).toList();
            charts.put("projects", new BarChart("chart-projects", "Projects started, by status now", bars).withRule(COUNTS).svg());
        }
        // By programme (a chart of hundreds of cohorts would be unreadable), and all of them together.
        List<PrePostChart.Item> items = new ArrayList<>();
        List<ImpactFigures.ProgrammeConfidence> programmes = f.confidence().programmes();
        if (programmes.size() <= MAX_PROGRAMMES_CHARTED) {
            for (ImpactFigures.ProgrammeConfidence p : programmes) {
                items.add(new PrePostChart.Item(p.programme(), p.pairs(), Estimate.point(p.meanBefore()), Estimate.point(p.meanAfter()),
                        Estimate.point(p.meanAfter() - p.meanBefore())));
            }
        }
        if (f.confidence().overall() != null && items.size() != 1) {
            var all = f.confidence().overall();
            items.add(new PrePostChart.Item("All programmes", all.pairs(), Estimate.point(all.meanBefore()), Estimate.point(all.meanAfter()),
                    all.change()));
        }
        if (!items.isEmpty()) {
            charts.put("confidence", new PrePostChart("chart-confidence", "Confidence at the start and at the end", items, 1, 5)
                    .withDescription("Each person's mean over the confidence items, on a scale of 1 (strongly disagree) to "
                            + "5 (strongly agree), at the baseline and the end of their programme").svg());
        }
        return charts;
    }
}
