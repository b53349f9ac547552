package org.convene.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.convene.testing.TestApp;
import org.convene.testing.WebClient;
import org.junit.jupiter.api.Test;

class SessionsAcrossInstancesTest {

    @Test
    void aSessionStartedOnOneInstanceContinuesOnAnother() {
        try (TestApp first = TestApp.start(); TestApp second = first.another()) {
            first.person("Grace Mensah", "grace@test.example", "housing", Role.PARTICIPANT);
            WebClient browser = first.client();
            assertThat(browser.signIn("grace@test.example", TestApp.PASSWORD).statusCode()).isEqualTo(302);

            WebClient sameBrowserOnSecond = browser.on(second);
            HttpResponse<String> page = sameBrowserOnSecond.get("/account");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("grace@test.example");

            assertThat(browser.get("/account").statusCode()).as("known to the first instance too").isEqualTo(200);
            HttpResponse<String> signedOut = sameBrowserOnSecond.post("/logout", java.util.Map.of());
            assertThat(signedOut.statusCode()).isEqualTo(302);
            assertThat(statusSoon(browser, "/account", 302)).as("signed out everywhere").isEqualTo(302);
        }
    }

    @Test
    void disablingAnAccountOnOneInstanceEndsItsSessionOnAnother() {
        try (TestApp first = TestApp.start(); TestApp second = first.another()) {
            first.person("Ife Bello", "ife@test.example", "primary", Role.PARTICIPANT);
            WebClient browser = first.client();
            browser.signIn("ife@test.example", TestApp.PASSWORD);
            assertThat(browser.get("/account").statusCode()).isEqualTo(200);
            String token = first.token("ife@test.example");
            assertThat(WebClient.api(first, "GET", "/api/v1/people", token, null).statusCode()).isEqualTo(200);

            second.jdbi().useHandle(h -> h.execute("UPDATE accounts SET status = 'disabled' WHERE email = 'ife@test.example'"));

            assertThat(statusSoon(browser, "/account", 302)).as("page session ended").isEqualTo(302);
            assertThat(WebClient.api(first, "GET", "/api/v1/people", token, null).statusCode()).as("token refused").isEqualTo(401);
        }
    }

    /**
     * A change reaches other instances when its notification arrives, a moment after the commit:
     * ask again for up to two seconds before taking the answer.
     */
    private static int statusSoon(WebClient browser, String path, int expected) {
        long deadline = System.nanoTime() + 2_000_000_000L;
        int status = browser.get(path).statusCode();
        while (status != expected && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            status = browser.get(path).statusCode();
        }
        return status;
    }

    @Test
    void sessionsSurviveARestart() {
        TestApp before = TestApp.start();
        before.person("Omar Shah", "omar@test.example", "acute", Role.FACILITATOR);
        WebClient browser = before.client();
        browser.signIn("omar@test.example", TestApp.PASSWORD);
        TestApp after = before.another();
        before.close();
        try (after) {
            assertThat(browser.on(after).get("/account").statusCode()).isEqualTo(200);
        }
    }
}
