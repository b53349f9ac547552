package org.convene.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/** The report as its template shows it: the figures, their charts as SVG, and a few derived sentences. */
public record ReportView(EvaluationReport report, Map<String, String> charts, boolean print) {

    public String chart(String id) {
        return charts.get(id);
    }

    public int totalSubmitted() {
        return report.responseRates().stream().mapToInt(EvaluationReport.SurveyRate::submitted).sum();
    }

    public double overallResponseRate() {
        int invited = report.responseRates().stream().mapToInt(EvaluationReport.SurveyRate::invited).sum();
        return invited == 0 ? 0 : (double) totalSubmitted() / invited;
    }

    /** One sentence on the pre/post change across the confidence items shown. */
    public String confidenceSummary() {
        List<EvaluationReport.ConfidenceItem> shown = report.confidence().stream().filter(c -> c.prePost() != null).toList();
        if (shown.isEmpty()) {
            return report.confidence().isEmpty() ? "No baseline or end survey" : "Withheld or not yet paired";
        }
        OptionalDouble mean = shown.stream().mapToDouble(c -> c.prePost().meanChange()).average();
        long rose = shown.stream().filter(c -> c.prePost().ciLower() > 0).count();
        return String.format(Locale.UK, "mean change %s on a 5-point scale across %d items; %d of %d rose with a 95%% interval above zero",
                signed(mean.orElse(Double.NaN)), shown.size(), rose, shown.size());
    }

    public List<EvaluationReport.SentimentSplit> sentimentRows() {
        List<EvaluationReport.SentimentSplit> rows = new ArrayList<>(report.sentimentByModule());
        rows.add(report.sentiment());
        return rows;
    }

    public static String signed(double d) {
        if (Double.isNaN(d)) {
            return "–";
        }
        return (d >= 0 ? "+" : "") + String.format(Locale.UK, "%.2f", d);
    }

    /** A p-value as a reader expects it: three decimals, or "< 0.001". */
    public static String p(double p) {
        if (Double.isNaN(p)) {
            return "–";
        }
        return p < 0.001 ? "<\u00a00.001" : String.format(Locale.UK, "%.3f", p);
    }
}
