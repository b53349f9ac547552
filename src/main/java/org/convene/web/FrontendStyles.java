package org.convene.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * GOV.UK Frontend's stylesheet from its webjar, without its {@code @font-face} rules. GDS Transport
 * is reserved for GOV.UK services, so Convene does not serve its files; with the rules in place a
 * browser that styles any text before convene.css has loaded fetches /assets/fonts/... and gets a
 * 404. Without them the font stack falls back to Arial from the start. Read once, served with a
 * versioned path and cached for a year.
 */
public final class FrontendStyles {
    public static final String VERSION = "5.14.0";
    public static final String PATH = "/styles/govuk-frontend-" + VERSION + ".css";
    private static final String SOURCE = "/META-INF/resources/webjars/govuk-frontend/" + VERSION + "/dist/govuk/govuk-frontend.min.css";
    private static final Pattern FONT_FACE = Pattern.compile("@font-face\\s*\\{[^}]*\\}");

    private final byte[] css;

    public FrontendStyles() {
        try (InputStream in = FrontendStyles.class.getResourceAsStream(SOURCE)) {
            if (in == null) {
                throw new IllegalStateException("GOV.UK Frontend " + VERSION + " is missing from the jar");
            }
            this.css = withoutFontFaces(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String withoutFontFaces(String css) {
        return FONT_FACE.matcher(css).replaceAll("");
    }

    public void serve(Context ctx) {
        ctx.header("Cache-Control", "public, max-age=31536000, immutable").contentType("text/css; charset=utf-8").result(css);
    }
}
