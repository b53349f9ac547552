package org.convene.reports;

import io.javalin.http.Context;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.convene.programmes.Cohort;
import org.convene.programmes.Programmes;
import org.convene.web.Params;
import org.convene.web.Templates;

/** The evaluation report of a cohort: the page, its PDF, the data behind it, and the same as JSON. */
public final class ReportPages {
    private final Templates templates;
    private final ReportRenderer renderer;
    private final ReportData data;
    private final Programmes programmes;

    private final org.convene.audit.AuditLog audit;

    public ReportPages(Templates templates, ReportRenderer renderer, ReportData data, Programmes programmes,
                       org.convene.audit.AuditLog audit) {
        this.audit = audit;
        this.templates = templates;
        this.renderer = renderer;
        this.data = data;
        this.programmes = programmes;
    }

    public void page(Context ctx) {
        templates.page(ctx, "reports/page.jte", Map.of("view", renderer.view(cohort(ctx).id(), false)));
    }

    public void pdf(Context ctx) {
        ReportView view = renderer.view(cohort(ctx).id(), true);
        byte[] pdf = renderer.pdf(view);
        ctx.header("Content-Disposition", "attachment; filename=\"" + ReportRenderer.fileName(view.report().header(), "pdf") + "\"");
        ctx.contentType("application/pdf").result(pdf);
    }

    public void csv(Context ctx) {
        Cohort cohort = cohort(ctx);
        audit.record(org.convene.audit.Actor.of(ctx), org.convene.audit.AuditAction.EXPORT, "cohort:" + cohort.id(),
                "Downloaded the anonymised data behind the evaluation report");
        ctx.header("Content-Disposition", "attachment; filename=\"evaluation-data-cohort-" + cohort.id() + ".csv\"");
        ctx.contentType("text/csv; charset=utf-8");
        try (Writer out = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8)) {
            data.write(cohort.id(), out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** GET /api/v1/cohorts/{id}/report: the report's figures as JSON. */
    public void json(Context ctx) {
        ctx.json(renderer.view(cohort(ctx).id(), false).report());
    }

    private Cohort cohort(Context ctx) {
        return programmes.cohort(Params.pathId(ctx, "id"));
    }
}
