package org.convene.accounts;

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

/** The password rule in every form that sets a password. */
class AccountSecurityTest {
    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.startWithoutJobs();
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
}
