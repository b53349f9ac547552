package org.convene.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.convene.accounts.Viewer;
import org.convene.errors.ForbiddenException;

/** Per-request state that the security filter puts on the context, and small helpers around it. */
public final class WebContext {
    static final String VIEWER = "convene.viewer";
    static final String CSRF = "convene.csrf";
    public static final String SESSION_COOKIE = "convene_session";
    public static final String CSRF_COOKIE = "convene_csrf";
    static final String FLASH_COOKIE = "convene_flash";
    static final String SECURE = "convene.secure";
    static final String TRUST_PROXY = "convene.trustProxy";

    private WebContext() {
    }

    public static Viewer viewer(Context ctx) {
        Viewer v = ctx.attribute(VIEWER);
        return v == null ? Viewer.ANONYMOUS : v;
    }

    /** The signed-in viewer's own directory entry id, or a clear refusal when they have none. */
    public static long ownPersonId(Context ctx) {
        Long id = viewer(ctx).personId();
        if (id == null) {
            throw new ForbiddenException("Your account has no directory profile yet");
        }
        return id;
    }

    public static String csrfToken(Context ctx) {
        String token = ctx.attribute(CSRF);
        return token == null ? "" : token;
    }

    public static PageContext page(Context ctx) {
        return new PageContext(viewer(ctx), csrfToken(ctx), ctx.path(), takeFlash(ctx), 0);
    }

    /** A one-line confirmation shown on the next page (after a redirect). */
    public static void flash(Context ctx, String message) {
        ctx.cookie(cookie(ctx, FLASH_COOKIE, URLEncoder.encode(message, StandardCharsets.UTF_8), 60));
    }

    private static String takeFlash(Context ctx) {
        String value = ctx.cookie(FLASH_COOKIE);
        if (value == null || value.isEmpty()) {
            return null;
        }
        ctx.cookie(cookie(ctx, FLASH_COOKIE, "", 0));
        try {
            String message = URLDecoder.decode(value, StandardCharsets.UTF_8);
            return message.length() > 300 ? message.substring(0, 300) : message;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Whether the request came over TLS: the base URL is https, the connection itself is, or a
     * trusted proxy (CONVENE_TRUST_PROXY) says so in X-Forwarded-Proto. Without that setting the
     * header is ignored, since anyone can send it.
     */
    static boolean secure(Context ctx) {
        return Boolean.TRUE.equals(ctx.attribute(SECURE)) || "https".equalsIgnoreCase(ctx.scheme())
                || (behindProxy(ctx) && "https".equalsIgnoreCase(nearest(ctx.header("X-Forwarded-Proto"))));
    }

    /**
     * The address the request came from, for rate limits: behind a trusted proxy, the last address
     * in X-Forwarded-For (the one the proxy saw; earlier ones are whatever the client wrote);
     * otherwise the connection's.
     */
    public static String clientIp(Context ctx) {
        if (behindProxy(ctx)) {
            String forwarded = nearest(ctx.header("X-Forwarded-For"));
            if (forwarded != null && !forwarded.isEmpty() && forwarded.length() <= 64) {
                return forwarded;
            }
        }
        return ctx.ip();
    }

    private static boolean behindProxy(Context ctx) {
        return Boolean.TRUE.equals(ctx.attribute(TRUST_PROXY));
    }

    /** The last of a header's comma-separated values: the one the nearest proxy added. */
    private static String nearest(String header) {
        if (header == null) {
            return null;
        }
        return header.substring(header.lastIndexOf(',') + 1).strip();
    }

    /**
     * A path on this site to send someone back to, or {@code fallback}: it must start with one
     * slash and hold no backslash or control character, since browsers read a backslash as a
     * slash and drop tabs and newlines ("/\\evil.example" and "/\t/evil.example" both mean
     * //evil.example, another site).
     */
    public static String localPath(String path, String fallback) {
        if (path == null || path.length() > 500 || !path.startsWith("/") || path.startsWith("//")) {
            return fallback;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\') {
                return fallback;
            }
        }
        return path;
    }

    static Cookie cookie(Context ctx, String name, String value, int maxAgeSeconds) {
        return cookie(ctx, name, value, maxAgeSeconds, "/");
    }

    /** An HttpOnly, SameSite=Lax cookie sent back only to {@code path} and below; Secure behind TLS. */
    public static Cookie cookie(Context ctx, String name, String value, int maxAgeSeconds, String path) {
        return new Cookie(name, value, path, maxAgeSeconds, secure(ctx), true, null, SameSite.LAX);
    }
}
