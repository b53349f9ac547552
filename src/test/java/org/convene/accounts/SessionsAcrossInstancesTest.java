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

    /**
     * Two instances behind a load balancer, busy: people signed in on either are served by both,
     * and signing out on one ends the session on the other, as with one instance; sessions not
     * signed out carry on.
     */
    @Test
    void underLoadSessionsBehaveAsWithOneInstance() throws Exception {
        try (TestApp a = TestApp.start(); TestApp b = a.another()) {
            int people = 8;
            java.util.List<WebClient> onA = new java.util.ArrayList<>();
            java.util.List<WebClient> onB = new java.util.ArrayList<>();
            for (int i = 0; i < people; i++) {
                String email = "load" + i + "@test.example";
                a.person("Load Person " + i, email, "vcse", Role.PARTICIPANT);
                WebClient browser = (i % 2 == 0 ? a : b).client();
                assertThat(browser.signIn(email, TestApp.PASSWORD).statusCode()).isEqualTo(302);
                onA.add(i % 2 == 0 ? browser : browser.on(a));
                onB.add(i % 2 == 0 ? browser.on(b) : browser);
            }
            java.util.concurrent.atomic.AtomicInteger served = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.ExecutorService load = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                java.util.List<java.util.concurrent.Future<?>> rounds = new java.util.ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int thread = t;
                    rounds.add(load.submit(() -> {
                        for (int round = 0; round < 10; round++) {
                            for (int i = thread; i < people; i += 4) {
                                WebClient browser = (round + i) % 2 == 0 ? onA.get(i) : onB.get(i);
                                (browser.get("/account").statusCode() == 200 ? served : refused).incrementAndGet();
                            }
                        }
                    }));
                }
                for (var r : rounds) {
                    r.get(120, java.util.concurrent.TimeUnit.SECONDS);
                }
            } finally {
                load.shutdownNow();
            }
            assertThat(refused.get()).as("every signed-in request served, on either instance").isZero();
            assertThat(served.get()).isEqualTo(people * 10);

            // The first half sign out on A, the second half on B; each is signed out on the other.
            for (int i = 0; i < people / 2; i++) {
                onA.get(i).get("/account");
                assertThat(onA.get(i).post("/logout", java.util.Map.of()).statusCode()).isEqualTo(302);
                assertThat(statusSoon(onB.get(i), "/account", 302)).as("signed out on A, ended on B").isEqualTo(302);
            }
            for (int i = people / 2; i < people - 2; i++) {
                onB.get(i).get("/account");
                assertThat(onB.get(i).post("/logout", java.util.Map.of()).statusCode()).isEqualTo(302);
                assertThat(statusSoon(onA.get(i), "/account", 302)).as("signed out on B, ended on A").isEqualTo(302);
            }
            for (int i = people - 2; i < people; i++) {
                assertThat(onA.get(i).get("/account").statusCode()).as("not signed out: still signed in on A").isEqualTo(200);
                assertThat(onB.get(i).get("/account").statusCode()).as("not signed out: still signed in on B").isEqualTo(200);
            }
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
