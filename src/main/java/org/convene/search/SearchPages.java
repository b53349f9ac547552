package org.convene.search;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import org.convene.web.Templates;
import org.convene.web.WebContext;

/** The search page and /api/v1/search: one search across everything the viewer may see. */
public final class SearchPages {
    private final Templates templates;
    private final Search search;

    public SearchPages(Templates templates, Search search) {
        this.templates = templates;
        this.search = search;
    }

    public void page(Context ctx) {
        String q = query(ctx);
        Map<String, Object> model = new HashMap<>();
        model.put("q", q);
        model.put("results", q.isEmpty() ? Map.of() : search.search(q, WebContext.viewer(ctx)));
        templates.page(ctx, "search/search.jte", model);
    }

    public void api(Context ctx) {
        ctx.json(search.search(query(ctx), WebContext.viewer(ctx)));
    }

    private static String query(Context ctx) {
        String q = ctx.queryParam("q");
        return q == null ? "" : q.strip().length() > 200 ? q.strip().substring(0, 200) : q.strip();
    }
}
