package org.convene.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.convene.evaluation.pdf.PdfRenderer;
import org.convene.web.Templates;

/**
 * The report as a self-contained HTML document and as a PDF made from that same document: one
 * template ({@code reports/body.jte}) for the page, the HTML download and the PDF.
 */
public final class ReportRenderer {
    private static final String CSS = load("/reports/print.css");

    private final Reports reports;
    private final Templates templates;

    public ReportRenderer(Reports reports, Templates templates) {
        this.reports = reports;
        this.templates = templates;
    }

    /** The A4 print styles shared by the downloadable reports. */
    public static String stylesheet() {
        return CSS;
    }

    public ReportView view(long cohortId, boolean print) {
        EvaluationReport report = reports.build(cohortId);
        return new ReportView(report, ReportCharts.of(report), print);
    }

    /** A standalone HTML document with its styles inline, as downloaded and as the PDF's source. */
    public String html(ReportView view) {
        Map<String, Object> model = new HashMap<>();
        model.put("view", view);
        model.put("css", CSS);
        return templates.render("reports/print.jte", model);
    }

    public byte[] pdf(ReportView view) {
        EvaluationReport.Header h = view.report().header();
        return PdfRenderer.render(html(view), PdfRenderer.Options.defaults()
                .withTitle("Evaluation report: " + h.programme() + ", " + h.cohort())
                .withAuthor("Convene")
                .withDescription("Participation, confidence before and after, feedback, themes, connections and course changes"));
    }

    public static String fileName(EvaluationReport.Header h, String extension) {
        String slug = (h.programme() + " " + h.cohort()).toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return "evaluation-" + (slug.length() > 80 ? slug.substring(0, 80) : slug) + "." + extension;
    }

    private static String load(String resource) {
        try (InputStream in = ReportRenderer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
