package org.convene.accounts;

import org.convene.db.ChangeFeed;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convene.testing.TestApp;
import org.convene.testing.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AccountFlowsTest {
    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static String lastEmailTo(String recipient) {
        return app.jdbi().withHandle(h -> h.createQuery("SELECT body FROM outbox WHERE recipient = :r ORDER BY id DESC LIMIT 1")
                .bind("r", recipient).mapTo(String.class).one());
    }

    private static String linkIn(String body, String prefix) {
        Matcher m = Pattern.compile(Pattern.quote(prefix) + "([A-Za-z0-9_-]+)").matcher(body);
        assertThat(m.find()).as("a link in: " + body).isTrue();
        return prefix + m.group(1);
    }

    @Test
    void signingInIssuesAFreshSessionAndSigningOutEndsIt() {
        app.person("Ana Clarke", "ana@test.example", "primary", Role.PARTICIPANT);
        WebClient browser = app.client();
        browser.get("/login");
        HttpResponse<String> in = browser.post("/login", Map.of("email", "ANA@test.example", "password", TestApp.PASSWORD, "next", "/people"));
        assertThat(in.statusCode()).isEqualTo(302);
        assertThat(in.headers().firstValue("Location")).hasValue("/people");
        String cookie = in.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("convene_session=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax");
        assertThat(browser.get("/people").statusCode()).isEqualTo(200);

        HttpResponse<String> again = browser.post("/login", Map.of("email", "ana@test.example", "password", TestApp.PASSWORD));
        String second = again.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("convene_session=")).findFirst().orElseThrow();
        assertThat(second).isNotEqualTo(cookie);

        browser.get("/account");
        assertThat(browser.post("/logout", Map.of()).statusCode()).isEqualTo(302);
        assertThat(browser.get("/people").statusCode()).isEqualTo(302);
    }

    @Test
    void aWrongPasswordSaysSoWithoutSayingWhichPartWasWrong() {
        app.person("Ben Ward", "ben@test.example", "acute", Role.PARTICIPANT);
        WebClient browser = app.client();
        browser.get("/login");
        HttpResponse<String> wrong = browser.post("/login", Map.of("email", "ben@test.example", "password", "not the password"));
        HttpResponse<String> nobody = browser.post("/login", Map.of("email", "nobody@test.example", "password", "not the password"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(nobody.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("The email address or password is not right");
        assertThat(nobody.body()).contains("The email address or password is not right");
    }

    @Test
    void repeatedFailuresAreThrottled() {
        app.person("Cat Hughes", "cat@test.example", "housing", Role.PARTICIPANT);
        WebClient browser = app.client();
        browser.get("/login");
        for (int i = 0; i < LoginThrottle.PER_EMAIL; i++) {
            assertThat(browser.post("/login", Map.of("email", "cat@test.example", "password", "guess " + i)).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> blocked = browser.post("/login", Map.of("email", "cat@test.example", "password", TestApp.PASSWORD));
        assertThat(blocked.statusCode()).isEqualTo(429);
        assertThat(blocked.headers().firstValue("Retry-After")).isPresent();
        assertThat(blocked.body()).contains("Too many failed sign-in attempts");
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() {
        app.person("Dev Singh", "dev@test.example", "acute", Role.PARTICIPANT);
        WebClient browser = app.client();
        browser.signIn("dev@test.example", TestApp.PASSWORD);
        HttpResponse<String> forged = browser.postRaw("/account/tokens", "tokenName=forged&expiresIn=30");
        assertThat(forged.statusCode()).isEqualTo(403);
        HttpResponse<String> wrongToken = browser.post("/account/tokens", Map.of("_csrf", "guess", "tokenName", "forged", "expiresIn", "30"));
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        WebClient anonymous = app.client();
        assertThat(anonymous.postRaw("/login", "email=dev@test.example&password=x").statusCode()).isEqualTo(403);
    }

    @Test
    void anAdministratorInvitesSomeoneWhoChoosesAPasswordOnce() {
        WebClient admin = app.client();
        admin.signIn("admin@test.example", "admin password 123");
        admin.get("/admin/invite");
        HttpResponse<String> invited = admin.post("/admin/invite",
                Map.of("fullName", "Eve Noor", "email", "eve@test.example", "sector", "mental_health", "roles", "facilitator"));
        assertThat(invited.statusCode()).isEqualTo(302);
        String link = linkIn(lastEmailTo("eve@test.example"), "/invite/");

        WebClient eve = app.client();
        assertThat(eve.get(link).statusCode()).isEqualTo(200);
        HttpResponse<String> weak = eve.post(link, Map.of("password", "password1", "confirm", "password1"));
        assertThat(weak.statusCode()).isEqualTo(422);
        assertThat(weak.body()).contains("at least 10 characters");
        HttpResponse<String> accepted = eve.post(link, Map.of("password", "kettle biscuit lighthouse", "confirm", "kettle biscuit lighthouse"));
        assertThat(accepted.statusCode()).isEqualTo(302);
        assertThat(eve.get("/account").body()).contains("eve@test.example").contains("Facilitator");
        assertThat(app.client().get(link).statusCode()).as("the link works once").isEqualTo(404);

        HttpResponse<String> duplicate = admin.post("/admin/invite",
                Map.of("fullName", "Eve Again", "email", "EVE@test.example", "sector", "acute", "roles", "participant"));
        assertThat(duplicate.statusCode()).isEqualTo(409);
    }

    @Test
    void aPasswordResetWorksOnceAndSignsOutOtherSessions() {
        app.person("Fay Ali", "fay@test.example", "vcse", Role.PARTICIPANT);
        WebClient elsewhere = app.client();
        elsewhere.signIn("fay@test.example", TestApp.PASSWORD);

        WebClient browser = app.client();
        browser.get("/forgot-password");
        assertThat(browser.post("/forgot-password", Map.of("email", "fay@test.example")).body()).contains("Check your email");
        assertThat(browser.post("/forgot-password", Map.of("email", "nobody@test.example")).body()).contains("Check your email");
        String link = linkIn(lastEmailTo("fay@test.example"), "/reset/");

        browser.get(link);
        HttpResponse<String> mismatch = browser.post(link, Map.of("password", "new kettle password", "confirm", "different"));
        assertThat(mismatch.body()).contains("The passwords do not match");
        assertThat(browser.post(link, Map.of("password", "new kettle password", "confirm", "new kettle password")).statusCode()).isEqualTo(302);
        assertThat(elsewhere.get("/account").statusCode()).as("old session ended").isEqualTo(302);
        assertThat(app.client().signIn("fay@test.example", "new kettle password").statusCode()).isEqualTo(302);
        assertThat(app.client().get(link).statusCode()).isEqualTo(404);
    }

    @Test
    void selfRegistrationOnlyWhenTheAdministratorOpensIt() {
        WebClient visitor = app.client();
        assertThat(visitor.get("/register").statusCode()).isEqualTo(404);

        WebClient admin = app.client();
        admin.signIn("admin@test.example", "admin password 123");
        admin.get("/admin/settings");
        assertThat(admin.post("/admin/settings", Map.of("registration", "open")).statusCode()).isEqualTo(302);
        try {
            assertThat(visitor.get("/register").statusCode()).isEqualTo(200);
            HttpResponse<String> missing = visitor.post("/register", Map.of("fullName", "", "email", "gus@test.example", "password", "short"));
            assertThat(missing.statusCode()).isEqualTo(422);
            assertThat(missing.body()).contains("Enter a full name").contains("at least 10 characters").contains("Choose a sector");
            HttpResponse<String> ok = visitor.post("/register", Map.of("fullName", "Gus Lee", "email", "gus@test.example",
                    "password", "teapot harbour violin", "sector", "lived_experience", "visibility", "everyone", "emailVisibility", "everyone"));
            assertThat(ok.statusCode()).isEqualTo(302);
            assertThat(visitor.get("/account").body()).contains("gus@test.example").contains("Participant");
        } finally {
            admin.post("/admin/settings", Map.of("registration", "invite_only"));
        }
    }

    @Test
    void tokensAreShownOnceAndCanBeRevoked() {
        app.person("Hal Price", "hal@test.example", "ambulance", Role.PARTICIPANT);
        WebClient browser = app.client();
        browser.signIn("hal@test.example", TestApp.PASSWORD);
        browser.get("/account");
        HttpResponse<String> created = browser.post("/account/tokens", Map.of("tokenName", "my script", "expiresIn", "30"));
        assertThat(created.statusCode()).isEqualTo(201);
        Matcher m = Pattern.compile("id=\"new-token\">(cvn_[A-Za-z0-9_-]+)<").matcher(created.body());
        assertThat(m.find()).isTrue();
        String token = m.group(1);
        assertThat(WebClient.api(app, "GET", "/api/v1/people", token, null).statusCode()).isEqualTo(200);
        assertThat(browser.get("/account").body()).doesNotContain(token).contains("my script");

        long id = new ApiTokens(app.jdbi(), ChangeFeed.polling(app.jdbi())).list(app.jdbi().withHandle(h -> h.createQuery("SELECT id FROM accounts WHERE email = 'hal@test.example'")
                .mapTo(Long.class).one())).get(0).id();
        assertThat(browser.post("/account/tokens/" + id + "/revoke", Map.of()).statusCode()).isEqualTo(302);
        assertThat(WebClient.api(app, "GET", "/api/v1/people", token, null).statusCode()).isEqualTo(401);
    }

    @Test
    void afterSigningInOnlyLocalPagesAreFollowed() {
        assertThat(AccountPages.safeNext("/people?q=x")).isEqualTo("/people?q=x");
        assertThat(AccountPages.safeNext("https://evil.example/")).isEqualTo("/");
        assertThat(AccountPages.safeNext("//evil.example/")).isEqualTo("/");
        assertThat(AccountPages.safeNext("/\\evil.example")).isEqualTo("/");
        assertThat(AccountPages.safeNext(null)).isEqualTo("/");
        // Browsers drop tabs and line breaks from URLs: "/\t/evil.example" would become "//evil.example".
        assertThat(AccountPages.safeNext("/\t/evil.example")).isEqualTo("/");
        assertThat(AccountPages.safeNext("/\n/evil.example")).isEqualTo("/");
    }

    @Test
    void withoutASingleSignOnProviderTheSignInPageIsPasswordsOnly() {
        WebClient browser = app.client();
        HttpResponse<String> login = browser.get("/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("Sign in to Convene").doesNotContain("Sign in with").doesNotContain("/login/sso");
        HttpResponse<String> sso = browser.get("/login/sso");
        assertThat(sso.statusCode()).isEqualTo(404);
        assertThat(sso.body()).contains("Single sign-on is not set up");
        assertThat(browser.get("/login/sso/callback?code=x&state=y").statusCode()).isEqualTo(404);
    }

    @Test
    void adminsCannotLockThemselvesOut() {
        WebClient admin = app.client();
        admin.signIn("admin@test.example", "admin password 123");
        admin.get("/admin/accounts");
        long adminId = app.jdbi().withHandle(h -> h.createQuery("SELECT id FROM accounts WHERE email = 'admin@test.example'").mapTo(Long.class).one());
        HttpResponse<String> r = admin.post("/admin/accounts/" + adminId, Map.of("roles", "participant", "status", "active"));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(new Accounts(app.jdbi()).get(adminId).roles()).contains(Role.ADMIN);
    }
}
