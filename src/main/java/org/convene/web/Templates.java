package org.convene.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;

/** Renders the precompiled jte templates (generated from src/main/jte at build time). */
public final class Templates {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    /** Renders a full page; the template receives {@code page} besides the given model. */
    public void page(Context ctx, String template, Map<String, Object> model) {
        Map<String, Object> params = new HashMap<>(model);
        params.put("page", WebContext.page(ctx));
        ctx.contentType("text/html; charset=utf-8").result(render(template, params));
    }

    public String render(String template, Map<String, Object> params) {
        StringOutput output = new StringOutput(8192);
        engine.render(template, params, output);
        return output.toString();
    }
}
