package org.convene.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convene.testing.TestApp;
import org.convene.testing.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The password rule in every form that sets a password, and the rate limits on what is cheap to
 * ask for: sign-in, personal access tokens, password reset emails, registrations and API tokens.
 * The app trusts X-Forwarded-For (as behind a reverse proxy), so each test speaks from addresses
 * of its own.
 */
class AccountSecurityTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.startBehindProxy();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static String resetLink(String email) {
        WebClient browser = app.client();
        browser.get("/forgot-password");
        assertThat(browser.post("/forgot-password", Map.of("email", email)).statusCode()).isEqualTo(200);
        String body = app.jdbi().withHandle(h -> h.createQuery("SELECT body FROM outbox WHERE recipient = :r ORDER BY id DESC LIMIT 1")
                .bind("r", email).mapTo(String.class).one());
        Matcher m = Pattern.compile("/reset/[A-Za-z0-9_-]+").matcher(body);
        assertThat(m.find()).as("a reset link in: " + body).isTrue();
        return m.group();
    }

    @Test
    void aPasswordResetRefusesANewPasswordThatContainsTheAccountsEmail() {
        app.person("Rhys Evans", "rhys.evans@reset.example", "acute", Role.PARTICIPANT);
        String link = resetLink("rhys.evans@reset.example");
        WebClient browser = app.client();
        browser.get(link);
        HttpResponse<String> refused = browser.post(link, Map.of("password", "rhys.evans-harbour", "confirm", "rhys.evans-harbour"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("must not contain your email address");
        HttpResponse<String> chosen = browser.post(link, Map.of("password", "teapot harbour violin", "confirm", "teapot harbour violin"));
        assertThat(chosen.statusCode()).isEqualTo(302);
    }

    @Test
    void registeringAndChangingAPasswordRefuseYourOwnName() {
        new Registration(app.jdbi(), new Accounts(app.jdbi()), "http://localhost").setMode(Registration.OPEN);
        WebClient visitor = app.client();
        visitor.get("/register");
        HttpResponse<String> refused = visitor.post("/register", Map.of("fullName", "Olwen Pryce", "email", "op@names.example",
                "password", "OlwenPryce2024!", "sector", "acute"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("must not be your name");

        app.person("Idris Hughes", "ih@names.example", "acute", Role.PARTICIPANT);
        WebClient idris = app.client();
        idris.signIn("ih@names.example", TestApp.PASSWORD);
        idris.get("/account");
        HttpResponse<String> named = idris.post("/account/password", Map.of("current", TestApp.PASSWORD, "password", "Hughes.Idris.1990"));
        assertThat(named.statusCode()).isEqualTo(422);
        assertThat(named.body()).contains("must not be your name");
        HttpResponse<String> common = idris.post("/account/password", Map.of("current", TestApp.PASSWORD, "password", "Manchester1878!"));
        assertThat(common.statusCode()).isEqualTo(422);
        assertThat(common.body()).contains("too easy to guess");
    }

    // Rate limits

    /** A visitor at a client address: the CSRF cookie and token a form page gave them. */
    record Visitor(String address, String cookie, String csrf) {
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Visitor visitor(String address) {
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(app.url("/login"))).header("X-Forwarded-For", address));
        String cookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("convene_csrf="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        Matcher m = CSRF_FIELD.matcher(page.body());
        assertThat(m.find()).isTrue();
        return new Visitor(address, cookie, m.group(1));
    }

    private static HttpResponse<String> post(Visitor v, String path, Map<String, String> fields) {
        StringBuilder body = new StringBuilder("_csrf=" + v.csrf());
        fields.forEach((k, val) -> body.append('&').append(k).append('=').append(URLEncoder.encode(val, StandardCharsets.UTF_8)));
        return send(HttpRequest.newBuilder(URI.create(app.url(path))).header("X-Forwarded-For", "10.0.0.1, " + v.address())
                .header("Cookie", v.cookie()).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    private static HttpResponse<String> api(TestApp on, String address, String token) {
        return send(HttpRequest.newBuilder(URI.create(on.url("/api/v1/people"))).header("X-Forwarded-For", address)
                .header("Authorization", "Bearer " + token));
    }

    /** A 429 that says when to come back (within the window) and what happened. */
    private static void assertLimited(HttpResponse<String> r, long window, String says) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(429);
        assertThat(r.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isBetween(1L, window));
        assertThat(r.body()).contains(says).containsIgnoringCase("try again in").doesNotContain("Exception");
    }

    @Test
    void signInFailuresBehindAProxyAreCountedByTheClientsAddressNotTheProxys() {
        app.person("Lia Morgan", "lia@limits.example", "acute", Role.PARTICIPANT);
        Visitor guesser = visitor("203.0.113.10");
        for (int i = 0; i < LoginThrottle.PER_ADDRESS; i++) {
            assertThat(post(guesser, "/login", Map.of("email", "guess" + i + "@limits.example", "password", "guess " + i)).statusCode())
                    .isEqualTo(401);
        }
        HttpResponse<String> blocked = post(guesser, "/login", Map.of("email", "lia@limits.example", "password", TestApp.PASSWORD));
        assertThat(blocked.statusCode()).isEqualTo(429);
        assertThat(blocked.headers().firstValue("Retry-After")).isPresent();
        // Everyone else behind the same proxy still signs in.
        assertThat(post(visitor("203.0.113.11"), "/login", Map.of("email", "lia@limits.example", "password", TestApp.PASSWORD)).statusCode())
                .isEqualTo(302);
    }

    @Test
    void creatingPersonalAccessTokensIsLimitedPerAccount() {
        app.person("Tom Tokens", "tom@limits.example", "acute", Role.PARTICIPANT);
        WebClient tom = app.client();
        tom.signIn("tom@limits.example", TestApp.PASSWORD);
        tom.get("/account");
        for (int i = 0; i < RateLimits.TOKENS_PER_ACCOUNT.max(); i++) {
            assertThat(tom.post("/account/tokens", Map.of("tokenName", "script " + i, "expiresIn", "30")).statusCode()).isEqualTo(201);
        }
        assertLimited(tom.post("/account/tokens", Map.of("tokenName", "one more", "expiresIn", "30")), 3600, "10 personal access tokens");
        long made = app.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM api_tokens t JOIN accounts a ON a.id = t.account_id "
                + "WHERE a.email = 'tom@limits.example'").mapTo(Long.class).one());
        assertThat(made).isEqualTo(RateLimits.TOKENS_PER_ACCOUNT.max());
        // Someone else's tokens are their own affair.
        app.person("Una Other", "una@limits.example", "acute", Role.PARTICIPANT);
        WebClient una = app.client();
        una.signIn("una@limits.example", TestApp.PASSWORD);
        una.get("/account");
        assertThat(una.post("/account/tokens", Map.of("tokenName", "mine", "expiresIn", "30")).statusCode()).isEqualTo(201);
    }

    @Test
    void passwordResetRequestsAreLimitedPerEmailAddressAndPerClientAddress() {
        app.person("Rosa Reset", "rosa@limits.example", "acute", Role.PARTICIPANT);
        Visitor v = visitor("203.0.113.20");
        // An address with an account and one without are treated alike, so the limit gives nothing away.
        for (String email : List.of("rosa@limits.example", "nobody@limits.example")) {
            for (int i = 0; i < RateLimits.RESETS_PER_EMAIL.max(); i++) {
                assertThat(post(v, "/forgot-password", Map.of("email", email)).statusCode()).isEqualTo(200);
            }
            assertLimited(post(v, "/forgot-password", Map.of("email", email)), 3600, "password reset links to this address");
        }
        long sent = app.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM outbox WHERE recipient = 'rosa@limits.example'")
                .mapTo(Long.class).one());
        assertThat(sent).isEqualTo(RateLimits.RESETS_PER_EMAIL.max());

        Visitor many = visitor("203.0.113.21");
        for (int i = 0; i < RateLimits.RESETS_PER_ADDRESS.max(); i++) {
            assertThat(post(many, "/forgot-password", Map.of("email", "someone" + i + "@limits.example")).statusCode()).isEqualTo(200);
        }
        assertLimited(post(many, "/forgot-password", Map.of("email", "one.more@limits.example")), 3600, "from your network");
    }

    @Test
    void registrationsAreLimitedPerClientAddress() {
        new Registration(app.jdbi(), new Accounts(app.jdbi()), "http://localhost").setMode(Registration.OPEN);
        Visitor v = visitor("203.0.113.30");
        for (int i = 0; i < RateLimits.REGISTRATIONS_PER_ADDRESS.max(); i++) {
            assertThat(post(v, "/register", Map.of("fullName", "Bulk Person " + i, "email", "bulk" + i + "@limits.example",
                    "password", "teapot harbour violin", "sector", "acute")).statusCode()).isEqualTo(302);
        }
        assertLimited(post(v, "/register", Map.of("fullName", "Bulk Person X", "email", "bulkx@limits.example",
                "password", "teapot harbour violin", "sector", "acute")), 3600, "registered from your network");
        assertThat(post(visitor("203.0.113.31"), "/register", Map.of("fullName", "Solo Person", "email", "solo@limits.example",
                "password", "teapot harbour violin", "sector", "acute")).statusCode()).isEqualTo(302);
    }

    @Test
    void manyBadApiTokensFromOneAddressAreRefusedThereForAWhileOnEveryInstance() {
        app.person("Gil Good", "gil@limits.example", "acute", Role.PARTICIPANT);
        String good = app.token("gil@limits.example");
        String guesser = "203.0.113.40";
        for (int i = 0; i < RateLimits.BAD_TOKENS_PER_ADDRESS.max(); i++) {
            assertThat(api(app, guesser, "cvn_guess" + i).statusCode()).isEqualTo(401);
        }
        assertLimited(api(app, guesser, "cvn_guess-again"), 600, "not valid have come from your address");
        // While refused, a right token from there is refused too, so no guess can be confirmed.
        assertThat(api(app, guesser, good).statusCode()).isEqualTo(429);
        assertThat(api(app, "203.0.113.41", good).statusCode()).isEqualTo(200);
        // The count is in the database, so another instance refuses the address too.
        try (TestApp second = app.another()) {
            assertThat(api(second, guesser, "cvn_guess-elsewhere").statusCode()).isEqualTo(429);
            assertThat(api(second, "203.0.113.41", good).statusCode()).isEqualTo(200);
        }
    }

    // Redirects after sign-in

    @Test
    void theSignInRedirectStaysOnThisSiteWhateverNextSays() {
        app.person("Nia Next", "nia@next.example", "acute", Role.PARTICIPANT);
        WebClient nia = app.client();
        nia.signIn("nia@next.example", TestApp.PASSWORD);
        // Browsers drop tabs and newlines from a Location and read a backslash as a slash, so each of these is
        // //evil.example (or would be, but for the web server turning control characters into spaces).
        for (String next : List.of("//evil.example", "/%5Cevil.example", "/%09/evil.example", "/%0A/evil.example", "/%0D%0A/evil.example",
                "%2F%2Fevil.example", "https://evil.example", "/%5C%5Cevil.example", "/%2F%09%2Fevil.example")) {
            HttpResponse<String> r = nia.get("/login?next=" + next);
            assertThat(r.statusCode()).as(next).isEqualTo(302);
            assertThat(r.headers().firstValue("Location")).as(next).hasValue("/");
        }
        assertThat(nia.get("/login?next=%2Fprojects%3Fstatus%3Dactive").headers().firstValue("Location")).hasValue("/projects?status=active");
    }
}
