package org.convene.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.security.RouteRole;
import java.util.Optional;
import java.util.Set;
import org.convene.accounts.Account;
import org.convene.accounts.ApiTokens;
import org.convene.accounts.RateLimits;
import org.convene.accounts.Secrets;
import org.convene.accounts.Sessions;
import org.convene.accounts.Viewer;
import org.convene.errors.ForbiddenException;
import org.convene.errors.UnauthenticatedException;

/**
 * The request filter: security headers on every response; for every matched route, who the viewer
 * is (session cookie for pages, bearer token for the API), whether the route's access rule lets
 * them in, and the CSRF token on every state-changing form.
 */
public final class Security {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";
    private static final Set<HandlerType> SAFE = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);
    private final Sessions sessions;
    private final ApiTokens tokens;
    private final boolean secureCookies;
    private final boolean trustProxy;
    private final RateLimits limits;

    /**
     * {@code secureCookies}: the site is served over https (its base URL); {@code trustProxy}: a
     * reverse proxy in front sets X-Forwarded-Proto and X-Forwarded-For, so they can be believed.
     */
    public Security(Sessions sessions, ApiTokens tokens, boolean secureCookies, boolean trustProxy, RateLimits limits) {
        this.sessions = sessions;
        this.tokens = tokens;
        this.secureCookies = secureCookies;
        this.trustProxy = trustProxy;
        this.limits = limits;
    }

    public void headers(Context ctx) {
        ctx.attribute(WebContext.SECURE, secureCookies);
        ctx.attribute(WebContext.TRUST_PROXY, trustProxy);
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        if (WebContext.secure(ctx)) {
            ctx.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
    }

    public void authorise(Context ctx) {
        Access access = accessOf(ctx.routeRoles());
        if (access == Access.ANYONE && stateless(ctx.path())) {
            return;
        }
        if (isApi(ctx)) {
            ctx.attribute(WebContext.VIEWER, apiViewer(ctx));
        } else {
            resolvePageViewer(ctx);
            ctx.header("Cache-Control", "no-store");
        }
        Viewer viewer = WebContext.viewer(ctx);
        if (!access.allows(viewer)) {
            if (!viewer.signedIn()) {
                throw new UnauthenticatedException(isApi(ctx)
                        ? "This API needs a personal access token: send 'Authorization: Bearer <token>'"
                        : "Sign in to continue");
            }
            throw new ForbiddenException("Your account does not have permission to do this");
        }
        if (!isApi(ctx) && !SAFE.contains(ctx.method())) {
            checkCsrf(ctx);
        }
    }

    /** Open resources that never depend on who is asking: no session lookup, no cookies set. */
    private static boolean stateless(String path) {
        return path.startsWith("/webjars/") || path.startsWith("/assets/") || path.startsWith("/styles/") || path.equals("/health")
                || path.equals("/metrics") || path.equals("/api/openapi.json");
    }

    static boolean isApi(Context ctx) {
        return ctx.path().startsWith("/api/");
    }

    private static Access accessOf(Set<RouteRole> roles) {
        for (RouteRole role : roles) {
            if (role instanceof Access a) {
                return a;
            }
        }
        // Routes registers every route with a rule; anything else is refused rather than left open.
        return Access.ADMIN;
    }

    /**
     * The token's account. Failed tokens are counted per client address (across instances); an
     * address over the limit gets 429 for every token until the window moves on, so guesses cannot
     * be tested while it is refused.
     */
    private Viewer apiViewer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            return Viewer.ANONYMOUS;
        }
        String address = WebContext.clientIp(ctx);
        limits.checkNotRefused(RateLimits.BAD_TOKENS_PER_ADDRESS, address);
        Optional<Account> account = header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? tokens.authenticate(header.substring(7).trim()) : Optional.empty();
        if (account.isEmpty()) {
            limits.failed(RateLimits.BAD_TOKENS_PER_ADDRESS, address);
            throw new UnauthenticatedException(header.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? "This token is not valid: it may have expired or been revoked"
                    : "The Authorization header must be 'Bearer <token>'");
        }
        return account.get().viewer();
    }

    private void resolvePageViewer(Context ctx) {
        Optional<Sessions.Session> session = sessions.find(ctx.cookie(WebContext.SESSION_COOKIE));
        if (session.isPresent()) {
            ctx.attribute(WebContext.VIEWER, session.get().account().viewer());
            ctx.attribute(WebContext.CSRF, session.get().csrfToken());
            return;
        }
        String csrf = ctx.cookie(WebContext.CSRF_COOKIE);
        if (csrf == null || csrf.length() < 20 || csrf.length() > 100) {
            csrf = Secrets.newToken();
            ctx.cookie(WebContext.cookie(ctx, WebContext.CSRF_COOKIE, csrf, -1));
        }
        ctx.attribute(WebContext.CSRF, csrf);
    }

    private static void checkCsrf(Context ctx) {
        String sent = ctx.header("X-CSRF-Token");
        if (sent == null) {
            sent = ctx.formParam("_csrf");
        }
        if (!Secrets.constantTimeEquals(sent, WebContext.csrfToken(ctx))) {
            throw new ForbiddenException("This form has expired or did not come from Convene. "
                    + "Go back, reload the page and try again.");
        }
    }

    /** Starts a fresh session after sign-in (a new token, so a planted cookie is worthless). */
    public static void startSession(Context ctx, Sessions sessions, Account account) {
        String old = ctx.cookie(WebContext.SESSION_COOKIE);
        if (old != null) {
            sessions.end(old);
        }
        Sessions.Session session = sessions.start(account);
        ctx.cookie(WebContext.cookie(ctx, WebContext.SESSION_COOKIE, session.token(),
                (int) Sessions.ABSOLUTE_TIMEOUT.toSeconds()));
        ctx.attribute(WebContext.VIEWER, account.viewer());
        ctx.attribute(WebContext.CSRF, session.csrfToken());
    }

    public static void endSession(Context ctx, Sessions sessions) {
        sessions.end(ctx.cookie(WebContext.SESSION_COOKIE));
        ctx.cookie(WebContext.cookie(ctx, WebContext.SESSION_COOKIE, "", 0));
    }
}
