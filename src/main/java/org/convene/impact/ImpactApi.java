package org.convene.impact;

import io.javalin.http.Context;
import org.convene.directory.Reference;
import org.convene.web.Params;

/**
 * {@code /api/v1/impact}: the dashboard's figures for a scope and period, and
 * {@code /api/v1/impact/{figure}}: the rows behind one of them, 50 a page.
 */
public final class ImpactApi {
    private final Impact impact;
    private final Reference reference;

    public ImpactApi(Impact impact, Reference reference) {
        this.impact = impact;
        this.reference = reference;
    }

    public void figures(Context ctx) {
        ctx.json(impact.figures(ImpactPages.query(ctx)));
    }

    public void list(Context ctx) {
        Figure figure = ImpactPages.figure(ctx);
        String only = ImpactPages.only(ctx, figure, reference);
        ctx.json(impact.list(figure, ImpactPages.query(ctx), only, Params.queryInt(ctx, "page", 1, 1, 1_000_000)));
    }
}
