package org.convene.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.convene.db.Outage;
import org.convene.errors.BadRequestException;
import org.convene.errors.ConflictException;
import org.convene.errors.ForbiddenException;
import org.convene.errors.ImportRejectedException;
import org.convene.errors.NotFoundException;
import org.convene.errors.SignInRefusedException;
import org.convene.errors.TooLargeException;
import org.convene.errors.TooManyRequestsException;
import org.convene.errors.UnauthenticatedException;
import org.convene.errors.ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become responses: JSON with a message under /api, a plain
 * GOV.UK-style error page elsewhere. Unexpected exceptions are logged with an id the user sees,
 * never shown as a stack trace.
 */
public final class ErrorMapping {
    private static final Logger log = LoggerFactory.getLogger(ErrorMapping.class);
    private static final int RETRY_AFTER_SECONDS = 30;
    private final Templates templates;

    public ErrorMapping(Templates templates) {
        this.templates = templates;
    }

    public void register(RoutesConfig routes) {
        routes.exception(NotFoundException.class, (e, ctx) -> respond(ctx, 404, "Page not found", e.getMessage(), Map.of()));
        routes.exception(ValidationException.class, (e, ctx) -> respond(ctx, 422, "There is a problem", e.getMessage(), e.fieldErrors()));
        routes.exception(ImportRejectedException.class, this::rejectedImport);
        routes.exception(TooLargeException.class, (e, ctx) -> {
            drainUnread(ctx);
            respond(ctx, 413, titleFor(413), e.getMessage(), Map.of());
        });
        routes.exception(BadRequestException.class, (e, ctx) -> respond(ctx, 400, "There is a problem", e.getMessage(), Map.of()));
        routes.exception(ConflictException.class, (e, ctx) -> respond(ctx, 409, "There is a problem", e.getMessage(), Map.of()));
        routes.exception(ForbiddenException.class, (e, ctx) -> respond(ctx, 403, "You cannot do this", e.getMessage(), Map.of()));
        routes.exception(TooManyRequestsException.class, (e, ctx) -> {
            ctx.header("Retry-After", String.valueOf(e.retryAfterSeconds()));
            respond(ctx, 429, "Too many attempts", e.getMessage(), Map.of());
        });
        routes.exception(UnauthenticatedException.class, (e, ctx) -> {
            if (!Security.isApi(ctx) && ctx.method() == HandlerType.GET) {
                String next = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
                ctx.redirect("/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
                return;
            }
            if (Security.isApi(ctx)) {
                ctx.header("WWW-Authenticate", "Bearer");
            }
            respond(ctx, 401, "Sign in to continue", e.getMessage(), Map.of());
        });
        routes.exception(SignInRefusedException.class, this::refusedSignIn);
        routes.exception(HttpResponseException.class, (e, ctx) -> {
            if (e.getStatus() == 413) {
                drainUnread(ctx);
            }
            respond(ctx, e.getStatus(), titleFor(e.getStatus()), e.getMessage(), Map.of());
        });
        routes.exception(io.javalin.validation.ValidationException.class, (e, ctx) -> {
            Map<String, String> fields = new LinkedHashMap<>();
            e.getErrors().forEach((field, errors) -> fields.put(field, errors.isEmpty() ? "is not valid" : "is not valid: " + errors.get(0).getMessage()));
            String first = fields.isEmpty() ? "The request is not valid" : fields.keySet().iterator().next() + " " + fields.values().iterator().next();
            respond(ctx, 400, "There is a problem", first, fields);
        });
        routes.exception(Exception.class, (e, ctx) -> {
            if (exceedsMultipartLimit(e)) {
                drainUnread(ctx);
                respond(ctx, 413, titleFor(413), "The file is larger than Convene accepts (20 MB). "
                        + "Split it into smaller files and upload them one by one.", Map.of());
                return;
            }
            if (Outage.causedBy(e)) {
                // Not a bug: the database is stopped, restarting or out of reach.
                log.warn("Database unavailable on {} {}: {}", ctx.method(), ctx.path(), rootMessage(e));
                ctx.header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
                respond(ctx, 503, "Sorry, the service is unavailable", "Convene cannot reach its database just now. "
                        + "Try again in a minute.", Map.of());
                return;
            }
            if (formTextTooLarge(e)) {
                drainUnread(ctx);
                respond(ctx, 413, titleFor(413), "The text in the form is longer than Convene accepts (200 kB in all). "
                        + "Shorten it and try again.", Map.of());
                return;
            }
            int refusedByJetty = jettyClientError(e);
            if (refusedByJetty > 0) {
                respond(ctx, refusedByJetty, titleFor(refusedByJetty), "Convene could not read the form or file that was sent. "
                        + "Check it, and its file name, and try again.", Map.of());
                return;
            }
            String id = UUID.randomUUID().toString().substring(0, 8);
            log.error("Unexpected error {} on {} {}", id, ctx.method(), ctx.path(), e);
            respond(ctx, 500, "Sorry, there is a problem with the service",
                    "Something went wrong on our side (error " + id + "). Try again later.", Map.of());
        });
        routes.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty() || ctx.result().startsWith("Endpoint ")) {
                respond(ctx, 404, "Page not found", "There is nothing at " + ctx.path() + ".", Map.of());
            }
        });
        routes.error(405, ctx -> respond(ctx, 405, "Not allowed", ctx.method() + " is not allowed on " + ctx.path() + ".", Map.of()));
    }

    private void respond(Context ctx, int status, String title, String message, Map<String, String> fields) {
        ctx.status(status);
        if (Security.isApi(ctx) || wantsJson(ctx)) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", status);
            body.put("error", message);
            if (!fields.isEmpty()) {
                body.put("fields", fields);
            }
            ctx.json(body);
            return;
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("status", status);
        model.put("title", title);
        model.put("message", message);
        model.put("fields", fields);
        try {
            templates.page(ctx, "error.jte", model);
        } catch (RuntimeException renderFailure) {
            log.error("Could not render the error page", renderFailure);
            ctx.contentType("text/plain; charset=utf-8").result(title + ": " + message);
        }
    }

    /** A single sign-on refused: always a page (the browser is mid-way through the provider's redirects), with a way back. */
    private void refusedSignIn(SignInRefusedException e, Context ctx) {
        ctx.status(e.status());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("status", e.status());
        model.put("message", e.getMessage());
        try {
            templates.page(ctx, "accounts/sso-refused.jte", model);
        } catch (RuntimeException renderFailure) {
            log.error("Could not render the sign-in refusal page", renderFailure);
            ctx.contentType("text/plain; charset=utf-8").result("You could not be signed in: " + e.getMessage());
        }
    }

    /** An import refused as a whole: the message, then each problem with its line, as JSON or on the error page. */
    private void rejectedImport(ImportRejectedException e, Context ctx) {
        if (Security.isApi(ctx) || wantsJson(ctx)) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", 422);
            body.put("error", e.getMessage());
            body.put("rows", e.rows());
            body.put("more", e.more());
            ctx.status(422).json(body);
            return;
        }
        Map<String, String> lines = new LinkedHashMap<>();
        e.rows().forEach(row -> lines.put("line " + row.line(), "Line " + row.line() + ": " + row.message()));
        if (e.more() > 0) {
            lines.put("more", "… and " + e.more() + " more");
        }
        respond(ctx, 422, "There is a problem", e.getMessage(), lines);
    }

    /**
     * Jetty refuses a multipart upload above the limits set in App (20 MB a file) while the form
     * is first read, which is in the security filter; it says so only in the message of an
     * IllegalStateException wrapped in a "bad multipart" error.
     */
    private static boolean exceedsMultipartLimit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IllegalStateException && t.getMessage() != null
                    && t.getMessage().matches("max (file size|length) exceeded.*")) {
                return true;
            }
        }
        return false;
    }

    /** The most of a refused body read and thrown away, so that the refusal can be delivered. */
    private static final long DRAIN_LIMIT = 64L * 1024 * 1024;

    /**
     * Reads and discards what is left of a body refused as too large. Closing the connection with
     * unread bytes in it makes the operating system reset it, and the reset can overtake the 413
     * on its way: the browser then shows "connection reset" instead of our message. Bodies that
     * declare more than {@link #DRAIN_LIMIT} are not read; their connection is closed.
     */
    private static void drainUnread(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > DRAIN_LIMIT) {
            return;
        }
        try {
            var in = ctx.req().getInputStream();
            byte[] buffer = new byte[64 * 1024];
            long read = 0;
            long quietSince = System.nanoTime();
            // Only what the client is sending anyway: a client that declared a body and waits for the
            // answer before sending it must not hold this thread (stop after 200 ms without bytes).
            while (read < DRAIN_LIMIT && !in.isFinished() && System.nanoTime() - quietSince < 200_000_000L) {
                int ready = in.available();
                if (ready > 0) {
                    int n = in.read(buffer, 0, Math.min(ready, buffer.length));
                    if (n < 0) {
                        break;
                    }
                    read += n;
                    quietSince = System.nanoTime();
                } else {
                    Thread.sleep(2);
                }
            }
        } catch (IOException | IllegalStateException e) {
            // Already read through another route, or the client went away: nothing to deliver to.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** Jetty refuses the text parts of a multipart form above 200 kB in all (its form size limit). */
    private static boolean formTextTooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IllegalStateException && t.getMessage() != null && t.getMessage().startsWith("Form is larger than max length")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The 4xx status with which Jetty refused a request it could not parse (a malformed multipart
     * body, a NUL byte in a part's headers), wrapped on its way to us; 0 when it was not that.
     */
    private static int jettyClientError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.eclipse.jetty.http.HttpException h && h.getCode() >= 400 && h.getCode() < 500) {
                return h.getCode();
            }
        }
        return 0;
    }

    private static boolean wantsJson(Context ctx) {
        String accept = ctx.header("Accept");
        return accept != null && accept.startsWith("application/json");
    }

    private static String titleFor(int status) {
        return switch (status) {
            case 400 -> "There is a problem";
            case 404 -> "Page not found";
            case 413 -> "The upload is too large";
            default -> "There is a problem";
        };
    }
}
