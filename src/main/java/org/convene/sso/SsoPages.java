package org.convene.sso;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;
import org.convene.accounts.Account;
import org.convene.accounts.AccountPages;
import org.convene.accounts.Secrets;
import org.convene.accounts.Sessions;
import org.convene.errors.NotFoundException;
import org.convene.errors.SignInRefusedException;
import org.convene.web.Security;
import org.convene.web.WebContext;

/**
 * Single sign-on with the configured OpenID Connect provider, beside the password sign-in.
 *
 * <p>The "Sign in with ..." button on the sign-in page is a link: {@code GET /login/sso} answers
 * with a 302 to the provider. (A form posting to Convene and redirected to the provider would be
 * blocked by the Content-Security-Policy's {@code form-action 'self'}, which covers redirects
 * after a form submission.) The provider sends the browser back with a GET to
 * {@code /login/sso/callback}; no CSRF token can ride on that, and none is needed: the reply must
 * carry the state of a sign-in that this browser started here (see {@link PendingSignIns}), and
 * the ID token must carry its nonce.
 *
 * <p>A successful sign-in starts Convene's own session with a new token
 * ({@link Security#startSession}) and goes on to the page the person wanted, if it is on this site.
 */
public final class SsoPages {
    /** A random value tying the sign-ins in progress to this browser; only its hash is stored. */
    static final String BROWSER_COOKIE = "convene_sso";
    private final Optional<OidcProvider> provider;
    private final PendingSignIns pending;
    private final SsoSignIn signIn;
    private final Sessions sessions;

    /** {@code provider} is empty when no provider is configured: then both routes answer 404. */
    public SsoPages(Optional<OidcProvider> provider, PendingSignIns pending, SsoSignIn signIn, Sessions sessions) {
        this.provider = provider;
        this.pending = pending;
        this.signIn = signIn;
        this.sessions = sessions;
    }

    public void start(Context ctx) {
        OidcProvider oidc = provider();
        String next = AccountPages.safeNext(ctx.queryParam("next"));
        if (WebContext.viewer(ctx).signedIn()) {
            ctx.redirect(next);
            return;
        }
        String browser = ctx.cookie(BROWSER_COOKIE);
        if (browser == null || browser.length() < 40 || browser.length() > 100) {
            browser = Secrets.newToken();
        }
        OidcProvider.Authorization authorization = oidc.authorize(ctx);
        pending.save(authorization.state(), browser, authorization.nonce(), authorization.codeVerifier(), next);
        ctx.cookie(WebContext.cookie(ctx, BROWSER_COOKIE, browser, (int) PendingSignIns.LIFETIME.toSeconds(), OidcProvider.START_PATH));
        ctx.redirect(authorization.location(), HttpStatus.FOUND);
    }

    public void callback(Context ctx) {
        OidcProvider oidc = provider();
        String state = ctx.queryParam("state");
        PendingSignIns.Pending started = pending.take(state, ctx.cookie(BROWSER_COOKIE)).orElseThrow(() -> new SignInRefusedException(400,
                "This sign-in has expired, was already used, or was started in another browser, so you have not been signed in. "
                        + "Go back to the sign-in page and try again."));
        String error = ctx.queryParam("error");
        if (error != null) {
            throw oidc.providerError(error);
        }
        ProviderIdentity identity = oidc.identify(ctx, state, started);
        Account account = signIn.signIn(identity);
        Security.startSession(ctx, sessions, account);
        ctx.redirect(AccountPages.safeNext(started.nextPath()));
    }

    private OidcProvider provider() {
        return provider.orElseThrow(() -> new NotFoundException("Single sign-on is not set up on this Convene. "
                + "Sign in with your email address and password."));
    }
}
