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

            HttpResponse<String> signedOut = sameBrowserOnSecond.post("/logout", java.util.Map.of());
            assertThat(signedOut.statusCode()).isEqualTo(302);
            assertThat(browser.get("/account").statusCode()).as("signed out everywhere").isEqualTo(302);
        }
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
