package org.convene.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.convene.accounts.Account;
import org.convene.accounts.Accounts;
import org.convene.accounts.Role;
import org.convene.accounts.Secrets;
import org.convene.app.Config;
import org.convene.errors.SignInRefusedException;
import org.convene.testing.TestApp;
import org.convene.testing.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Single sign-on against a real OpenID Connect provider (mock-oauth2-server) over HTTP, following
 * each redirect by hand: the sign-in page's link, the provider's authorisation endpoint (where the
 * test signs in as a subject with the claims it chooses, as a person would on the provider's login
 * form), and the callback. One provider and one app for the class.
 */
class SingleSignOnTest {
    private static final String ISSUER_ID = "nhs";
    private static final String NAME = "Test NHS mail";
    private static MockOAuth2Server provider;
    private static TestApp app;
    private static Config.Sso settings;
    private static final HttpClient atProvider = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() {
        provider = new MockOAuth2Server();
        provider.start();
        settings = new Config.Sso(provider.wellKnownUrl(ISSUER_ID).toString(), "convene-test", "test secret", NAME,
                "openid email profile", "email", false, false);
        app = TestApp.startWithSso(settings);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (provider != null) {
            provider.shutdown();
        }
    }

    private static String issuer() {
        return provider.issuerUrl(ISSUER_ID).toString();
    }

    /** The first steps: the sign-in link, and the provider's authorisation URL it redirects to. */
    private static String startSignIn(WebClient browser, String next) {
        HttpResponse<String> start = browser.get("/login/sso" + (next == null ? "" : "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)));
        assertThat(start.statusCode()).as(start.body()).isEqualTo(302);
        String authorize = start.headers().firstValue("Location").orElseThrow();
        assertThat(authorize).startsWith(provider.authorizationEndpointUrl(ISSUER_ID).toString());
        return authorize;
    }

    /** The person signs in at the provider as {@code subject}; returns the callback path (with code and state) it sends them back to. */
    private static String signInAtProvider(String authorize, String subject, String claimsJson) {
        HttpResponse<String> reply = send(HttpRequest.newBuilder(URI.create(authorize))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(WebClient.encode(Map.of("username", subject, "claims", claimsJson)))));
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(302);
        URI callback = URI.create(reply.headers().firstValue("Location").orElseThrow());
        assertThat(callback.getScheme() + "://" + callback.getAuthority() + callback.getPath()).isEqualTo(app.url("/login/sso/callback"));
        return callback.getRawPath() + "?" + callback.getRawQuery();
    }

    /** The whole journey in one browser; returns the callback's answer. */
    private static HttpResponse<String> signIn(WebClient browser, String next, String subject, String claimsJson) {
        return browser.get(signInAtProvider(startSignIn(browser, next), subject, claimsJson));
    }

    private static String verified(String email) {
        return "{\"email\": \"" + email + "\", \"email_verified\": true}";
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return atProvider.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> query(String url) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("convene_session=") && !c.startsWith("convene_session=;"))
                .findFirst().orElse(null);
    }

    private static void assertRefused(HttpResponse<String> response, int status, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(response.body()).contains("You could not be signed in").contains(message)
                .contains("href=\"/login\"").doesNotContain("Exception").doesNotContain("at org.");
        assertThat(sessionCookie(response)).as("no session is started").isNull();
    }

    /** Changes the stored sign-in in progress that this callback answers (as if it had been tampered with, or had aged). */
    private static void alter(String callback, String assignment) {
        String state = query("http://x" + callback).get("state");
        int changed = app.jdbi().withHandle(h -> h.createUpdate("UPDATE sso_sign_ins SET " + assignment + " WHERE state_hash = :s")
                .bind("s", Secrets.sha256(state)).execute());
        assertThat(changed).isEqualTo(1);
    }

    private static Account account(String email) {
        return new Accounts(app.jdbi()).byEmail(email).orElseThrow();
    }

    private static long identities(String subject) {
        return app.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM account_identities WHERE subject = :s")
                .bind("s", subject).mapTo(Long.class).one());
    }

    @Test
    void aVerifiedEmailSignsInToItsAccountWithANewSessionAndGoesWhereItWanted() {
        app.person("Sam Singh", "sam@test.example", "acute", Role.PARTICIPANT);
        WebClient browser = app.client();
        HttpResponse<String> login = browser.get("/login?next=%2Fpeople");
        assertThat(login.body()).contains("Sign in with " + NAME).contains("href=\"/login/sso?next=%2Fpeople\"");

        String authorize = startSignIn(browser, "/people");
        Map<String, String> request = query(authorize);
        assertThat(request).containsEntry("response_type", "code").containsEntry("client_id", "convene-test")
                .containsEntry("redirect_uri", app.url("/login/sso/callback")).containsEntry("code_challenge_method", "S256")
                .containsKeys("state", "nonce", "code_challenge");
        assertThat(request.get("scope").split(" ")).contains("openid", "email", "profile");

        // Already signed in with a password in this browser: signing in again replaces that session.
        browser.signIn("sam@test.example", TestApp.PASSWORD);
        String before = app.jdbi().withHandle(h -> h.createQuery("SELECT encode(token_hash, 'hex') FROM sessions "
                + "WHERE account_id = :a").bind("a", account("sam@test.example").id()).mapTo(String.class).one());

        HttpResponse<String> back = browser.get(signInAtProvider(authorize, "sam-subject", verified("SAM@test.example")));
        assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
        assertThat(back.headers().firstValue("Location")).hasValue("/people");
        String cookie = sessionCookie(back);
        assertThat(cookie).isNotNull().contains("HttpOnly").contains("SameSite=Lax");
        String token = cookie.substring("convene_session=".length(), cookie.indexOf(';'));
        java.util.List<String> sessions = app.jdbi().withHandle(h -> h.createQuery("SELECT encode(token_hash, 'hex') FROM sessions "
                + "WHERE account_id = :a").bind("a", account("sam@test.example").id()).mapTo(String.class).list());
        assertThat(sessions).containsExactly(java.util.HexFormat.of().formatHex(Secrets.sha256(token)))
                .doesNotContain(before);

        HttpResponse<String> people = browser.get("/people");
        assertThat(people.statusCode()).isEqualTo(200);
        assertThat(browser.get("/account").body()).contains("sam@test.example");
        String link = app.jdbi().withHandle(h -> h.createQuery("SELECT issuer || ' ' || subject || ' ' || email FROM account_identities "
                + "WHERE account_id = :a").bind("a", account("sam@test.example").id()).mapTo(String.class).one());
        assertThat(link).isEqualTo(issuer() + " sam-subject SAM@test.example");
        assertThat(account("sam@test.example").lastLoginAt()).isNotNull();
    }

    @Test
    void aSignInStartedOnOneInstanceIsFinishedByAnother() {
        app.person("Bo Balanced", "bo@test.example", "acute", Role.PARTICIPANT);
        try (TestApp other = app.another()) {
            WebClient browser = app.client();
            String callback = signInAtProvider(startSignIn(browser, "/account"), "bo-subject", verified("bo@test.example"));
            WebClient behindTheBalancer = browser.on(other);
            HttpResponse<String> back = behindTheBalancer.get(callback);
            assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
            assertThat(back.headers().firstValue("Location")).hasValue("/account");
            assertThat(behindTheBalancer.get("/account").body()).contains("bo@test.example");
            assertThat(behindTheBalancer.on(app).get("/account").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aProviderThatCannotBeReachedIsSaidSoEachTime() {
        Config.Sso down = new Config.Sso("http://127.0.0.1:9/down" + Config.Sso.WELL_KNOWN, "convene-test", "secret", NAME,
                "openid", "email", false, false);
        try (TestApp other = app.another(down)) {
            WebClient browser = other.client();
            // The second try comes within pac4j's five-second pause between attempts to read the discovery document.
            assertRefused(browser.get("/login/sso"), 502, "Convene could not reach " + NAME);
            assertRefused(browser.get("/login/sso"), 502, "Convene could not reach " + NAME);
        }
    }

    @Test
    void anEmailTheProviderHasNotVerifiedIsRefused() {
        app.person("Una Verified", "una@test.example", "acute", Role.PARTICIPANT);
        WebClient browser = app.client();
        assertRefused(signIn(browser, null, "una-subject", "{\"email\": \"una@test.example\", \"email_verified\": false}"),
                403, "has not confirmed that it is your email address");
        assertRefused(signIn(browser, null, "una-subject", "{\"email\": \"una@test.example\"}"),
                403, "has not confirmed that it is your email address");
        assertRefused(signIn(browser, null, "una-subject", "{\"email_verified\": true}"), 403, "did not receive your email address");
        assertThat(identities("una-subject")).isZero();
        assertThat(browser.get("/people").statusCode()).isEqualTo(302);
    }

    @Test
    void anAddressWithoutAnAccountIsRefusedAndNoAccountIsMade() {
        WebClient browser = app.client();
        assertRefused(signIn(browser, null, "nobody-subject", verified("nobody@test.example")), 403,
                "There is no Convene account for nobody@test.example");
        assertThat(new Accounts(app.jdbi()).byEmail("nobody@test.example")).isEmpty();
        assertThat(identities("nobody-subject")).isZero();
    }

    @Test
    void aDisabledAccountCannotSignInWhetherLinkedYetOrNot() {
        app.person("Dee Disabled", "dee@test.example", "acute", Role.PARTICIPANT);
        new Accounts(app.jdbi()).setStatus(account("dee@test.example").id(), "disabled");
        assertRefused(signIn(app.client(), null, "dee-subject", verified("dee@test.example")), 403, "has been disabled");
        assertThat(identities("dee-subject")).isZero();

        app.person("Lin Later", "lin@test.example", "acute", Role.PARTICIPANT);
        assertThat(signIn(app.client(), null, "lin-subject", verified("lin@test.example")).statusCode()).isEqualTo(302);
        new Accounts(app.jdbi()).setStatus(account("lin@test.example").id(), "disabled");
        assertRefused(signIn(app.client(), null, "lin-subject", verified("lin@test.example")), 403, "has been disabled");
    }

    @Test
    void laterSignInsMatchTheSubjectEvenWhenTheEmailChangesAndAnotherSubjectCannotTakeTheAccount() {
        app.person("Kit Kaur", "kit@test.example", "acute", Role.PARTICIPANT);
        assertThat(signIn(app.client(), null, "kit-subject", verified("kit@test.example")).statusCode()).isEqualTo(302);

        // The provider now gives another address, not even verified: the subject still names Kit's account.
        WebClient later = app.client();
        HttpResponse<String> again = signIn(later, "/account", "kit-subject", "{\"email\": \"kit.kaur@new.example\"}");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(302);
        assertThat(later.get("/account").body()).contains("kit@test.example");
        assertThat(identities("kit-subject")).isEqualTo(1);

        // Someone else at the provider who now has Kit's old address does not get Kit's account.
        assertRefused(signIn(app.client(), null, "new-holder-of-kits-address", verified("kit@test.example")), 403,
                "already linked to a different sign-in with " + NAME);
        assertThat(identities("new-holder-of-kits-address")).isZero();
    }

    /**
     * Someone whose identity at the provider changed (a new subject, say after moving tenant) is
     * refused until an administrator removes the old link; then the new identity links by its
     * verified email. The removal is logged.
     */
    @Test
    void anAdministratorRemovesAStaleLinkAndTheNextSignInLinksAgain() {
        app.person("Rae Rahman", "rae@test.example", "housing", Role.PARTICIPANT);
        app.person("Ada Admin", "ada.sso@test.example", "acute", Role.ADMIN);
        assertThat(signIn(app.client(), null, "rae-old-subject", verified("rae@test.example")).statusCode()).isEqualTo(302);
        assertRefused(signIn(app.client(), null, "rae-new-subject", verified("rae@test.example")), 403,
                "already linked to a different sign-in with " + NAME);

        WebClient admin = app.client();
        admin.signIn("ada.sso@test.example", TestApp.PASSWORD);
        long rae = account("rae@test.example").id();
        assertThat(admin.get("/admin/accounts").body()).contains("Single sign-on as rae@test.example");
        HttpResponse<String> removed = admin.post("/admin/accounts/" + rae + "/sso/remove", Map.of());
        assertThat(removed.statusCode()).isEqualTo(302);
        assertThat(admin.get("/admin/accounts").body()).contains("Removed the single sign-on link of rae@test.example")
                .doesNotContain("Single sign-on as rae@test.example");
        assertThat(identities("rae-old-subject")).isZero();
        // Removing again changes nothing and says so.
        admin.post("/admin/accounts/" + rae + "/sso/remove", Map.of());
        assertThat(admin.get("/admin/accounts").body()).contains("rae@test.example had no single sign-on link");
        String logged = app.jdbi().withHandle(h -> h.createQuery("SELECT actor || ': ' || summary FROM audit_log "
                + "WHERE action = 'account.sso' AND subject = :s").bind("s", "account:" + rae).mapTo(String.class).one());
        assertThat(logged).isEqualTo("ada.sso@test.example: Removed the single sign-on link made with rae@test.example");

        WebClient rae2 = app.client();
        HttpResponse<String> again = signIn(rae2, "/account", "rae-new-subject", verified("rae@test.example"));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(302);
        assertThat(identities("rae-new-subject")).isEqualTo(1);
        assertThat(rae2.get("/account").body()).contains("rae@test.example");
    }

    @Test
    void aReplyThatDoesNotBelongToASignInStartedInThisBrowserIsRefused() {
        app.person("Tam Tamper", "tam@test.example", "acute", Role.PARTICIPANT);
        String expired = "has expired, was already used, or was started in another browser";

        // The state altered on the way back.
        WebClient browser = app.client();
        String callback = signInAtProvider(startSignIn(browser, null), "tam-subject", verified("tam@test.example"));
        String state = query("http://x" + callback).get("state");
        assertRefused(browser.get(callback.replace("state=" + state, "state=" + state + "x")), 400, expired);
        assertRefused(browser.get(callback.replace("state=" + state, "state=")), 400, expired);
        assertRefused(browser.get("/login/sso/callback?code=abc"), 400, expired);

        // Tokens added to the reply: only an authorisation code is taken from the URL.
        WebClient adding = app.client();
        String withToken = signInAtProvider(startSignIn(adding, null), "tam-subject", verified("tam@test.example"));
        assertRefused(adding.get(withToken + "&id_token=eyJhbGciOiJub25lIn0.e30."), 400, "so you have not been signed in");
        assertThat(identities("tam-subject")).isZero();

        // The right reply, but in another browser (a link sent to a victim to sign them in as the attacker).
        assertRefused(app.client().get(callback), 400, expired);

        // The reply used once, then replayed.
        assertThat(browser.get(callback).statusCode()).isEqualTo(302);
        assertRefused(browser.get(callback), 400, expired);

        // Too late: the sign-in started more than ten minutes ago.
        WebClient slow = app.client();
        String slowCallback = signInAtProvider(startSignIn(slow, null), "tam-subject", verified("tam@test.example"));
        alter(slowCallback, "expires_at = now() - interval '1 second'");
        assertRefused(slow.get(slowCallback), 400, expired);
    }

    @Test
    void anIdTokenWithAnotherNonceOrACodeWithoutItsVerifierIsRefused() {
        app.person("Nia Nonce", "nia@test.example", "acute", Role.PARTICIPANT);
        WebClient browser = app.client();
        String callback = signInAtProvider(startSignIn(browser, null), "nia-subject", verified("nia@test.example"));
        // As if the ID token had been issued for another sign-in (a replayed or injected token).
        alter(callback, "nonce = 'another-sign-ins-nonce'");
        assertRefused(browser.get(callback), 400, "The reply from " + NAME + " could not be checked");

        // A stolen code without its PKCE verifier: the provider will not exchange it.
        String second = signInAtProvider(startSignIn(browser, null), "nia-subject", verified("nia@test.example"));
        alter(second, "code_verifier = '" + "0".repeat(50) + "'");
        assertRefused(browser.get(second), 403, "could not be completed");
        assertThat(identities("nia-subject")).isZero();
    }

    @Test
    void anErrorFromTheProviderIsShownWithoutSigningIn() {
        WebClient browser = app.client();
        String state = query(startSignIn(browser, null)).get("state");
        assertRefused(browser.get("/login/sso/callback?error=access_denied&error_description=Call+0800+000+000&state=" + state), 403,
                "You did not finish signing in with " + NAME);
        long left = app.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM sso_sign_ins WHERE state_hash = :s")
                .bind("s", Secrets.sha256(state)).mapTo(Long.class).one());
        assertThat(left).as("the sign-in is used up").isZero();

        String other = query(startSignIn(browser, null)).get("state");
        HttpResponse<String> odd = browser.get("/login/sso/callback?error=%3Cscript%3E&state=" + other);
        assertRefused(odd, 403, "Signing in with " + NAME + " did not work.");
        assertThat(odd.body()).doesNotContain("<script>").doesNotContain("0800");
    }

    @Test
    void onlyLocalPagesAreFollowedAfterSigningIn() {
        app.person("Ola Open", "ola@test.example", "acute", Role.PARTICIPANT);
        HttpResponse<String> back = signIn(app.client(), "//evil.example/", "ola-subject", verified("ola@test.example"));
        assertThat(back.headers().firstValue("Location")).hasValue("/");
        HttpResponse<String> tab = signIn(app.client(), "/\t/evil.example", "ola-subject", verified("ola@test.example"));
        assertThat(tab.headers().firstValue("Location")).hasValue("/");
    }

    @Test
    void anInvitedAccountIsActivatedByItsFirstSignIn() {
        app.person("Ivy Invited", "ivy@test.example", "acute", Role.FACILITATOR);
        new Accounts(app.jdbi()).setStatus(account("ivy@test.example").id(), "invited");
        WebClient browser = app.client();
        assertThat(signIn(browser, "/account", "ivy-subject", verified("ivy@test.example")).statusCode()).isEqualTo(302);
        assertThat(account("ivy@test.example").status()).isEqualTo("active");
        assertThat(browser.get("/account").statusCode()).isEqualTo(200);
    }

    @Test
    void trustingTheProvidersEmailAndCreatingAccountsAreSwitchesThatAreOffUnlessSet() {
        Accounts accounts = new Accounts(app.jdbi());
        Identities identities = new Identities(app.jdbi());
        app.person("Eve Entra", "eve@test.example", "acute", Role.PARTICIPANT);
        ProviderIdentity unverified = new ProviderIdentity("https://login.example/tenant/v2.0", "eve-oid", "Eve@test.example", false);
        assertThatThrownBy(() -> new SsoSignIn(accounts, identities, settings).signIn(unverified))
                .isInstanceOf(SignInRefusedException.class).hasMessageContaining("has not confirmed");
        Config.Sso trusting = new Config.Sso(settings.discoveryUri(), "c", "s", "Entra ID", "openid", "preferred_username", true, false);
        assertThat(new SsoSignIn(accounts, identities, trusting).signIn(unverified).email()).isEqualTo("eve@test.example");

        ProviderIdentity newcomer = new ProviderIdentity("https://login.example/tenant/v2.0", "new-oid", "new.person@test.example", true);
        assertThatThrownBy(() -> new SsoSignIn(accounts, identities, settings).signIn(newcomer))
                .isInstanceOf(SignInRefusedException.class).hasMessageContaining("no Convene account");
        Config.Sso creating = new Config.Sso(settings.discoveryUri(), "c", "s", "Entra ID", "openid", "email", false, true);
        Account created = new SsoSignIn(accounts, identities, creating).signIn(newcomer);
        assertThat(created.email()).isEqualTo("new.person@test.example");
        assertThat(created.roles()).containsExactly(Role.PARTICIPANT);
        assertThat(created.passwordHash()).isNull();
        assertThat(created.active()).isTrue();
        assertThat(identities.accountOf("https://login.example/tenant/v2.0", "new-oid")).hasValue(created.id());
    }

    @Test
    void theConfigurationIsReadFromTheEnvironment() {
        assertThat(Config.from(Map.of()).sso().configured()).isFalse();
        Config.Sso entra = Config.from(Map.of(
                "CONVENE_SSO_DISCOVERY_URI", "https://login.microsoftonline.com/tenant-id/v2.0/",
                "CONVENE_SSO_CLIENT_ID", "app-id",
                "CONVENE_SSO_CLIENT_SECRET", "secret",
                "CONVENE_SSO_NAME", "NHS mail",
                "CONVENE_SSO_EMAIL_CLAIM", "preferred_username",
                "CONVENE_SSO_TRUST_EMAIL", "true")).sso();
        assertThat(entra.configured()).isTrue();
        assertThat(entra.discoveryUri()).isEqualTo("https://login.microsoftonline.com/tenant-id/v2.0/.well-known/openid-configuration");
        assertThat(entra.scopes()).isEqualTo("openid email profile");
        assertThat(entra.trustEmail()).isTrue();
        assertThat(entra.createAccounts()).isFalse();
        assertThat(entra.name()).isEqualTo("NHS mail");
    }
}
