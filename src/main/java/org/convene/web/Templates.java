package org.convene.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Renders the precompiled jte templates (generated from src/main/jte at build time). Static
 * template text is pre-encoded UTF-8 (binaryStaticContent) and pages are written as bytes, which
 * halved the rendering cost of the directory page compared with building a String first.
 */
public final class Templates {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
    private final ToIntFunction<Long> unread;

    /** Templates for pages without a notification count (reports, commands). */
    public Templates() {
        this(person -> 0);
    }

    /** {@code unread} counts a person's unread notifications, for the page header. */
    public Templates(ToIntFunction<Long> unread) {
        this.unread = unread;
    }

    /** Renders a full page; the template receives {@code page} besides the given model. */
    public void page(Context ctx, String template, Map<String, Object> model) {
        Map<String, Object> params = new HashMap<>(model);
        PageContext page = WebContext.page(ctx);
        Long person = page.viewer().personId();
        params.put("page", person == null ? page : page.withUnread(unread.applyAsInt(person)));
        ctx.contentType("text/html; charset=utf-8").result(bytes(template, params));
    }

    public byte[] bytes(String template, Map<String, Object> params) {
        Utf8ByteOutput output = new Utf8ByteOutput();
        engine.render(template, params, output);
        return output.toByteArray();
    }

    public String render(String template, Map<String, Object> params) {
        return new String(bytes(template, params), java.nio.charset.StandardCharsets.UTF_8);
    }
}
