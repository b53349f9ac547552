package org.convene.sso;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.regex.Pattern;
import org.convene.app.Config;
import org.convene.errors.SignInRefusedException;
import org.pac4j.core.context.CallContext;
import org.pac4j.core.credentials.Credentials;
import org.pac4j.core.exception.TechnicalException;
import org.pac4j.core.exception.http.RedirectionAction;
import org.pac4j.core.exception.http.WithLocationAction;
import org.pac4j.core.http.ajax.DefaultAjaxRequestResolver;
import org.pac4j.core.http.callback.NoParameterCallbackUrlResolver;
import org.pac4j.core.profile.UserProfile;
import org.pac4j.javalin.JavalinWebContext;
import org.pac4j.oidc.client.OidcClient;
import org.pac4j.oidc.config.OidcConfiguration;
import org.pac4j.oidc.credentials.OidcCredentials;
import org.pac4j.oidc.exceptions.OidcTokenException;
import org.pac4j.oidc.metadata.OidcOpMetadataResolver;
import org.pac4j.oidc.profile.OidcProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configured OpenID Connect provider, through pac4j's {@link OidcClient}: the authorisation
 * code flow with state, nonce and PKCE (S256), the client secret at the token endpoint, and the ID
 * token checked (signature, issuer, audience, expiry, nonce) before anything in it is believed.
 *
 * <p>pac4j keeps state, nonce and verifier in a {@link RequestSessionStore} for the length of one
 * request; {@link SsoPages} keeps them in PostgreSQL in between. Every failure of the provider or of
 * its reply becomes a {@link SignInRefusedException} with a message for the person signing in; the
 * detail goes to the log.
 */
public final class OidcProvider {
    public static final String START_PATH = "/login/sso";
    public static final String CALLBACK_PATH = "/login/sso/callback";
    private static final Logger log = LoggerFactory.getLogger(OidcProvider.class);
    private static final Pattern ERROR_CODE = Pattern.compile("[a-z_]{1,60}");
    private static final long METADATA_LIFETIME_MS = 24L * 60 * 60 * 1000;

    /** Where to send the browser, and what the callback must check the reply against. */
    public record Authorization(String location, String state, String nonce, String codeVerifier) {
    }

    private final Config.Sso settings;
    private final OidcClient client;

    public OidcProvider(Config.Sso settings, String baseUrl) {
        this.settings = settings;
        OidcConfiguration oidc = new DailyMetadataConfiguration();
        oidc.setDiscoveryURI(settings.discoveryUri());
        oidc.setClientId(settings.clientId());
        oidc.setSecret(settings.clientSecret().isBlank() ? null : settings.clientSecret());
        oidc.setScope(settings.scopes());
        oidc.setWithState(true);
        oidc.setUseNonce(true);
        // Not left to the discovery document: Entra ID supports S256 without listing it there.
        oidc.setPkceMethod(CodeChallengeMethod.S256);
        oidc.setConnectTimeout(5_000);
        oidc.setReadTimeout(10_000);
        // A provider that is down when Convene starts must not disable sign-in until a restart.
        oidc.setMaxAttempts(-1);
        this.client = new OidcClient(oidc);
        client.setName("convene-sso");
        client.setMaxAttempts(-1);
        client.setCallbackUrl(baseUrl + CALLBACK_PATH);
        // The redirect URI registered with the provider is exactly the callback, with no ?client_name=.
        client.setCallbackUrlResolver(new NoParameterCallbackUrlResolver());
        client.setCheckAuthenticationAttempt(false);
        client.setAjaxRequestResolver(new DefaultAjaxRequestResolver() {
            @Override
            public boolean isAjax(CallContext ctx) {
                return false;
            }
        });
    }

    /** The provider's name as people know it, for the button and messages ("NHS mail"). */
    public String name() {
        return settings.name();
    }

    /** Builds the provider's authorisation URL, with a new state, nonce and code verifier. */
    public Authorization authorize(Context ctx) {
        RequestSessionStore store = new RequestSessionStore();
        try {
            ready();
            RedirectionAction action = client.getRedirectionAction(new CallContext(new JavalinWebContext(ctx), store))
                    .orElseThrow(() -> new TechnicalException("no redirection from the OIDC client"));
            String location = ((WithLocationAction) action).getLocation();
            State state = (State) store.get(client.getStateSessionAttributeName()).orElseThrow();
            String nonce = (String) store.get(client.getNonceSessionAttributeName()).orElseThrow();
            String verifier = store.get(client.getCodeVerifierSessionAttributeName()).map(v -> ((CodeVerifier) v).getValue()).orElse(null);
            return new Authorization(location, state.getValue(), nonce, verifier);
        } catch (SignInRefusedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw refusal("starting a sign-in", e);
        }
    }

    /**
     * Checks the provider's reply to a sign-in this browser started ({@code pending}, found by its
     * {@code state}): exchanges the code (with the verifier), checks the ID token (with the nonce),
     * and reads who signed in.
     */
    public ProviderIdentity identify(Context ctx, String state, PendingSignIns.Pending pending) {
        RequestSessionStore store = new RequestSessionStore();
        store.put(client.getStateSessionAttributeName(), new State(state));
        if (pending.nonce() != null) {
            store.put(client.getNonceSessionAttributeName(), pending.nonce());
        }
        if (pending.codeVerifier() != null) {
            store.put(client.getCodeVerifierSessionAttributeName(), new CodeVerifier(pending.codeVerifier()));
        }
        CallContext call = new CallContext(new JavalinWebContext(ctx), store);
        try {
            ready();
            Credentials credentials = client.getCredentials(call).orElse(null);
            // The code flow only: tokens in the URL itself (implicit or hybrid replies, or added by hand) are refused.
            if (!(credentials instanceof OidcCredentials reply) || reply.getCode() == null
                    || reply.getIdToken() != null || reply.getAccessToken() != null) {
                log.warn("Single sign-on: the reply from {} was not an authorisation code alone", settings.discoveryUri());
                throw new SignInRefusedException(400, "The reply from " + name() + " did not include a sign-in Convene can use, "
                        + "so you have not been signed in. Go back to the sign-in page and try again.");
            }
            Credentials validated = client.validateCredentials(call, credentials).orElseThrow(
                    () -> new TechnicalException("the authorisation code was not accepted"));
            UserProfile profile = client.getUserProfile(call, validated).orElseThrow(
                    () -> new TechnicalException("no profile from the provider"));
            return identityOf((OidcProfile) profile);
        } catch (SignInRefusedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw refusal("checking a sign-in", e);
        }
    }

    /** Issuer and subject from the checked ID token itself; the email address from the claim configured. */
    private ProviderIdentity identityOf(OidcProfile profile) {
        if (profile.getIdToken() == null) {
            throw new TechnicalException("the token response held no ID token");
        }
        JWTClaimsSet claims;
        try {
            claims = profile.getIdToken().getJWTClaimsSet();
        } catch (java.text.ParseException e) {
            throw new TechnicalException(e);
        }
        // OpenID Connect limits the subject to 255 ASCII characters; account_identities holds no more.
        if (claims.getIssuer() == null || claims.getIssuer().length() > 500 || claims.getSubject() == null
                || claims.getSubject().isBlank() || claims.getSubject().length() > 255) {
            throw new TechnicalException("the ID token has no usable issuer or subject");
        }
        Object email = profile.getAttribute(settings.emailClaim());
        // email_verified speaks for the "email" claim only; any other claim is trusted or not by configuration.
        boolean verified = "email".equals(settings.emailClaim())
                && (Boolean.TRUE.equals(profile.getAttribute("email_verified"))
                        || "true".equals(String.valueOf(profile.getAttribute("email_verified"))));
        return new ProviderIdentity(claims.getIssuer(), claims.getSubject(),
                email instanceof String s && !s.isBlank() ? s.trim() : null, verified);
    }

    /**
     * The refusal for an error the provider sent back instead of a code: the standard codes get a
     * message of their own; other codes are named (letters and underscores only), never the
     * provider's free-text description.
     */
    public SignInRefusedException providerError(String error) {
        log.info("Single sign-on: {} answered with error '{}'", settings.discoveryUri(),
                ERROR_CODE.matcher(error).matches() ? error : "(not a standard error code)");
        String message = switch (error) {
            case "access_denied" -> "You did not finish signing in with " + name() + ", or it did not allow you to sign in to Convene.";
            case "login_required", "interaction_required", "consent_required", "account_selection_required" ->
                    "You need to sign in with " + name() + " first. Go back to the sign-in page and try again.";
            case "temporarily_unavailable", "server_error" -> "Signing in with " + name() + " is not working just now. "
                    + "Try again in a few minutes, or sign in with your email address and password.";
            default -> "Signing in with " + name() + " did not work" + (ERROR_CODE.matcher(error).matches() ? " (the error was: " + error + ")." : ".");
        };
        return new SignInRefusedException(403, message);
    }

    /**
     * Reads the provider's discovery document if that has not been done yet. After a failed attempt
     * pac4j waits five seconds before the next; until then the client is not initialised, and
     * using it would fail in ways that say nothing about the provider being unreachable.
     */
    private void ready() {
        client.init();
        if (!client.isInitialized()) {
            throw unreachable();
        }
    }

    private SignInRefusedException unreachable() {
        return new SignInRefusedException(502, "Convene could not reach " + name() + ". Try again in a few minutes, "
                + "or sign in with your email address and password.");
    }

    private SignInRefusedException refusal(String what, RuntimeException e) {
        if (causedBy(e, IOException.class)) {
            log.warn("Single sign-on: could not reach {} while {}: {}", settings.discoveryUri(), what, e.toString());
            return unreachable();
        }
        if (causedBy(e, OidcTokenException.class)) {
            log.warn("Single sign-on: {} refused the authorisation code: {}", settings.discoveryUri(), e.getMessage());
            return new SignInRefusedException(403, "Signing in with " + name() + " could not be completed, so you have not been "
                    + "signed in. Go back to the sign-in page and try again.");
        }
        log.warn("Single sign-on: failed while {} with {}", what, settings.discoveryUri(), e);
        return new SignInRefusedException(400, "The reply from " + name() + " could not be checked, so you have not been "
                + "signed in. Go back to the sign-in page and try again.");
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * pac4j asks the discovery address whether its document changed (an HTTP HEAD) at each step of
     * each sign-in; this reads the document once and again a day later. Signing keys are not
     * affected: the token validator fetches the key set again when it meets a key it does not know.
     */
    private static final class DailyMetadataConfiguration extends OidcConfiguration {
        @Override
        protected OidcOpMetadataResolver createNewOpMetadataResolver() {
            return new OidcOpMetadataResolver(this) {
                private volatile long loadedAt;

                @Override
                protected void internalLoad() {
                    super.internalLoad();
                    loadedAt = System.currentTimeMillis();
                }

                @Override
                public boolean hasChanged() {
                    return System.currentTimeMillis() - loadedAt > METADATA_LIFETIME_MS;
                }
            };
        }
    }
}
