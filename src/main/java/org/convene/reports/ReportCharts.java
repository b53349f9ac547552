package org.convene.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convene.evaluation.Estimate;
import org.convene.evaluation.charts.BarChart;
import org.convene.evaluation.charts.PrePostChart;
import org.convene.evaluation.charts.TrendChart;
import org.convene.surveys.Results;

/** The report's charts as SVG, from the same figures as its tables. */
final class ReportCharts {
    private ReportCharts() {
    }

    static Map<String, String> of(EvaluationReport r) {
        Map<String, String> charts = new LinkedHashMap<>();
        List<BarChart.Bar> attendance = r.participation().modules().stream().filter(EvaluationReport.ModuleAttendance::recorded)
                .map(m -> new BarChart.Bar("Module " + m.position(), m.present())).toList();
        if (!attendance.isEmpty()) {
            charts.put("attendance", new BarChart("chart-attendance", "People present at each module", attendance)
                    .withDescription("Of " + r.participation().enrolled() + " participants").withBase(r.participation().enrolled()).svg());
        }
        List<PrePostChart.Item> items = new ArrayList<>();
        for (EvaluationReport.ConfidenceItem c : r.confidence()) {
            if (c.prePost() == null) {
                continue;
            }
            Estimate then = c.thenTest() == null ? null : Estimate.point(c.thenTest().meanBefore());
            items.add(new PrePostChart.Item(c.prompt(), c.prePost().pairs(), Estimate.point(c.prePost().meanBefore()),
                    Estimate.point(c.prePost().meanAfter()), c.prePost().change(), c.thenTestPairs(), then,
                    c.thenTest() == null ? null : c.thenTest().change()));
        }
        if (!items.isEmpty()) {
            charts.put("confidence", new PrePostChart("chart-confidence", "Confidence at the baseline, looking back (then) and at the end",
                    items, 1, 5).withDescription("Means on a scale of 1 (strongly disagree) to 5 (strongly agree); "
                    + "the change is shown with its 95% confidence interval").svg());
        }
        if (!r.trends().isEmpty()) {
            List<String> categories = r.trends().get(0).points().stream().map(p -> "Module " + p.modulePosition()).toList();
            List<TrendChart.Series> series = new ArrayList<>();
            for (EvaluationReport.Trend t : r.trends()) {
                boolean likert = t.points().stream().allMatch(p -> p.mean() == null || p.mean() <= 5);
                if (!likert || t.points().size() != categories.size()) {
                    continue;
                }
                series.add(TrendChart.Series.of(t.code().replace('_', ' '), t.points().stream().map(Results.TrendPoint::mean).toList(),
                        t.points().stream().map(Results.TrendPoint::responses).toList()));
            }
            if (!series.isEmpty()) {
                charts.put("trends", new TrendChart("chart-trends", "Module feedback items, module by module", categories, series, 1, 5,
                        "Mean (1 to 5)").withDescription("Gaps mark modules with fewer than " + r.minimumGroup() + " responses").svg());
            }
        }
        EvaluationReport.SentimentSplit s = r.sentiment();
        if (s.comments() > 0) {
            charts.put("sentiment", new BarChart("chart-sentiment", "Comments by sentiment", List.of(
                    new BarChart.Bar("Positive", s.positive()), new BarChart.Bar("Negative", s.negative()),
                    new BarChart.Bar("Neutral or mixed", s.neutral()))).withBase(s.comments()).svg());
        }
        return charts;
    }
}
