package org.convene.surveys;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convene.evaluation.charts.BarChart;
import org.convene.evaluation.charts.LikertChart;
import org.convene.evaluation.charts.TrendChart;
import org.convene.text.CommentAnalysis;
import org.convene.text.Themes;

/**
 * A survey's results as the results page shows them: each item's distribution with its chart,
 * the comments grouped by theme with each comment's sentiment, and, for module feedback, every
 * numeric item's trend across the cohort's modules.
 */
public record ResultsView(Results.SurveyResults results, List<Item> items, List<ThemeGroup> themes, String trendChart,
                          List<String> trendModules, Map<String, List<Results.TrendPoint>> trends) {

    /** An item with its chart (SVG) and its counts as table rows. */
    public record Item(Results.ItemResult result, String chart) {
    }

    /** A theme's comments, each with its sentiment. */
    public record ThemeGroup(String name, int count, int positive, int negative, List<Analysed> comments) {
    }

    public record Analysed(Results.Comment comment, String label, double score) {
    }

    static ResultsView of(Results.SurveyResults results, Map<String, List<Results.TrendPoint>> trends) {
        if (results.withheld()) {
            return new ResultsView(results, List.of(), List.of(), null, List.of(), Map.of());
        }
        List<Item> items = new ArrayList<>();
        int i = 0;
        for (Results.ItemResult r : results.items()) {
            i++;
            items.add(new Item(r, r.withheld() ? null : chart("item-" + i, r)));
        }
        Themes themes = Themes.standard();
        Map<String, List<Analysed>> byTheme = new LinkedHashMap<>();
        for (Results.Comment c : results.comments()) {
            CommentAnalysis a = CommentAnalysis.of(c.text());
            byTheme.computeIfAbsent(a.theme(), k -> new ArrayList<>()).add(new Analysed(c, a.label(), a.score()));
        }
        List<ThemeGroup> groups = new ArrayList<>();
        byTheme.forEach((code, list) -> groups.add(new ThemeGroup(themes.name(code), list.size(),
                (int) list.stream().filter(a -> a.label().equals("positive")).count(),
                (int) list.stream().filter(a -> a.label().equals("negative")).count(), list)));
        groups.sort((a, b) -> Integer.compare(b.count(), a.count()));
        String trendChart = null;
        List<String> modules = List.of();
        if (results.survey().kind() == SurveyKind.MODULE_FEEDBACK && !trends.isEmpty()) {
            List<Results.TrendPoint> first = trends.values().iterator().next();
            modules = first.stream().map(p -> "Module " + p.modulePosition()).toList();
            List<TrendChart.Series> series = new ArrayList<>();
            for (Map.Entry<String, List<Results.TrendPoint>> t : trends.entrySet()) {
                boolean likert = t.getValue().stream().allMatch(p -> p.mean() == null || p.mean() <= 5);
                if (likert && t.getValue().size() == modules.size()) {
                    series.add(TrendChart.Series.of(t.getKey().replace('_', ' '), t.getValue().stream().map(Results.TrendPoint::mean).toList(),
                            t.getValue().stream().map(Results.TrendPoint::responses).toList()));
                }
            }
            if (!series.isEmpty()) {
                trendChart = new TrendChart("chart-trend", "Agree-or-disagree items, module by module", modules, series, 1, 5, "Mean (1 to 5)")
                        .withDescription("Gaps mark modules with fewer than " + Results.MIN_GROUP + " responses").svg();
            }
        }
        return new ResultsView(results, items, groups, trendChart, modules, trends);
    }

    private static String chart(String id, Results.ItemResult r) {
        Question q = r.question();
        List<Integer> counts = new ArrayList<>(r.counts().values());
        if (q.kind() == QuestionKind.LIKERT) {
            List<LikertChart.Row> rows = new ArrayList<>();
            rows.add(new LikertChart.Row(q.thenTest() ? "Now" : "Answers", counts));
            if (q.thenTest()) {
                rows.add(new LikertChart.Row("Before the programme", new ArrayList<>(r.countsBefore().values())));
            }
            return new LikertChart(id, q.prompt(), QuestionKind.LIKERT_LABELS, rows).svg();
        }
        List<BarChart.Bar> bars = new ArrayList<>();
        r.counts().forEach((label, count) -> bars.add(new BarChart.Bar(label, count)));
        BarChart chart = new BarChart(id, q.prompt(), bars);
        return (q.kind() == QuestionKind.MULTIPLE ? chart.withBase(r.answered()) : chart).svg();
    }

    public String percent(int count, int of) {
        return of == 0 ? "0%" : Math.round(100.0 * count / of) + "%";
    }
}
