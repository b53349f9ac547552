package org.convene.hostile;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.convene.testing.WebClient;

/**
 * Sends hostile requests and checks every answer against the three properties: (a) never a 5xx
 * and never a stack trace or SQL error in the body; (b) a refused request (4xx) wrote nothing;
 * (c) no HTML page carries markup that came from input ({@link MarkupCheck}). What breaks a
 * property is collected, not thrown, so one run reports every problem; {@link #assertClean()}
 * fails the test at the end with all of them.
 */
final class Attack {
    private static final Pattern LEAK = Pattern.compile(
            "\\tat [a-z]|\\bat org\\.convene\\.|java\\.lang\\.|org\\.postgresql|PSQLException|org\\.jdbi|"
                    + "SQL ?[Ss]tate|ERROR: +[a-z]|org\\.eclipse\\.jetty|io\\.javalin\\.|com\\.fasterxml");
    private static final int SHOWN = 300;
    /** Content types a browser renders with script (HTML is checked by {@link MarkupCheck}). */
    private static final Pattern ACTIVE = Pattern.compile("(?i)image/svg|xhtml|text/xml|application/xml|text/javascript|"
            + "application/javascript|text/xsl");

    /** One answer. */
    record Answer(int status, String contentType, String body, String location) {
        boolean refused() {
            return status >= 400 && status < 500;
        }

        boolean accepted() {
            return status >= 200 && status < 400;
        }
    }

    private final HostileWorld world;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, List<String>> problems = new TreeMap<>();
    private final Map<String, Map<String, Integer>> statuses = new TreeMap<>();
    private final Map<String, Long> millis = new TreeMap<>();
    private int sent;

    Attack(HostileWorld world) {
        this.world = world;
    }

    /** An API request as this actor; {@code body} null for none. */
    Answer api(HostileWorld.Actor actor, String route, String method, String path, String contentType, byte[] body, String what) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (actor != null) {
            b.header("Authorization", "Bearer " + actor.token);
        }
        return send(route, method + " " + path + " as " + actor + ": " + what, body, () -> http.send(b.timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    /** A page request through this browser (its cookies). */
    Answer page(WebClient browser, String route, String method, String path, String contentType, byte[] body, String what) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(route, method + " " + path + ": " + what, body, () -> browser.send(b));
    }

    /**
     * A GET written straight to the socket, for what {@link URI} will not carry (a broken percent
     * escape such as {@code %ZZ}).
     */
    Answer raw(HostileWorld.Actor actor, String route, String target, String what) {
        String request = "GET " + target + " as " + actor + ": " + what;
        return send(route, request, null, () -> RawHttp.get(world.app.app().port(), target, actor == null ? null : actor.token));
    }

    private URI uri(String path) {
        return URI.create(world.app.url(path));
    }

    private interface Call {
        HttpResponse<String> call() throws IOException, InterruptedException;
    }

    private Answer send(String route, String request, byte[] body, Call call) {
        long mark = world.writes.mark();
        HttpResponse<String> r;
        long started = System.nanoTime();
        try {
            try {
                r = call.call();
            } catch (IOException e) {
                // The server may close a connection after refusing a huge body unread; a pooled
                // connection can then fail on its next use. A browser tries again, and so do we.
                r = call.call();
            }
            millis.merge(route, (System.nanoTime() - started) / 1_000_000, Long::sum);
        } catch (IOException e) {
            note(route, "no answer (" + e + ")", request, body, null);
            return new Answer(0, "", "", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (IllegalStateException e) {
            note(route, "no answer (" + e.getCause() + ")", request, body, null);
            return new Answer(0, "", "", null);
        }
        sent++;
        Answer a = new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(),
                r.headers().firstValue("Location").orElse(null));
        statuses.computeIfAbsent(route, k -> new TreeMap<>()).merge(String.valueOf(a.status / 100) + "xx", 1, Integer::sum);
        if (a.status >= 500) {
            note(route, "(a) status " + a.status, request, body, a);
        }
        if (LEAK.matcher(a.body).find()) {
            note(route, "(a) internals in the body", request, body, a);
        }
        if (a.refused()) {
            List<String> writes = world.writes.since(mark);
            if (!writes.isEmpty()) {
                note(route, "(b) refused with " + a.status + " but wrote " + writes, request, body, a);
            }
        }
        if (a.contentType.startsWith("text/html")) {
            List<String> markup = MarkupCheck.problems(a.body);
            if (!markup.isEmpty()) {
                note(route, "(c) " + markup.get(0), request, body, a);
            }
        } else if (ACTIVE.matcher(a.contentType).find()) {
            note(route, "(c) answered " + a.contentType + ", which a browser would run", request, body, a);
        }
        return a;
    }

    /** Checks a page fetched for its markup only. */
    void checkPage(String route, String request, Answer a) {
        if (a.contentType.startsWith("text/html")) {
            List<String> markup = MarkupCheck.problems(a.body);
            if (!markup.isEmpty()) {
                note(route, "(c) " + markup.get(0), request, null, a);
            }
        }
    }

    /** Records a problem; the same problem on the same route is shown once, with a count. */
    void note(String route, String problem, String request, byte[] body, Answer a) {
        String key = route + " | " + problem.replaceAll("\\d{3,}", "N").replaceAll("'[^']*'", "'…'");
        List<String> seen = problems.computeIfAbsent(key, k -> new ArrayList<>());
        if (seen.isEmpty()) {
            seen.add(problem + "\n      request: " + shorten(request)
                    + (body == null ? "" : "\n      body: " + shorten(new String(body, StandardCharsets.UTF_8)))
                    + (a == null ? "" : "\n      answer: " + a.status + " " + shorten(a.body)));
        } else {
            seen.add("");
        }
    }

    static String shorten(String s) {
        String one = s.replace("\n", "\\n").replace("\r", "\\r").replace("\u0000", "\\0");
        return one.length() <= SHOWN ? one : one.substring(0, SHOWN) + "… (" + one.length() + " chars)";
    }

    int sent() {
        return sent;
    }

    Map<String, Map<String, Integer>> statuses() {
        return statuses;
    }

    /** Status classes per route, for the test's output. */
    String coverage() {
        StringBuilder s = new StringBuilder();
        statuses.forEach((route, counts) -> s.append(String.format("  %-70s %6d ms %s%n", route, millis.getOrDefault(route, 0L), counts)));
        return s.toString();
    }

    /** Fails with one line per problem; the requests that showed them are printed in full first. */
    void assertClean() {
        if (problems.isEmpty()) {
            return;
        }
        StringBuilder full = new StringBuilder(problems.size() + " problems (seed " + Tries.seed() + "):\n");
        StringBuilder brief = new StringBuilder(problems.size() + " problems (seed " + Tries.seed()
                + "; the requests are in the test's output):\n");
        problems.forEach((key, list) -> {
            String route = key.substring(0, key.indexOf(" | "));
            full.append("- ").append(route).append(" (").append(list.size()).append("x): ").append(list.get(0)).append('\n');
            brief.append("- ").append(route).append(" (").append(list.size()).append("x): ")
                    .append(list.get(0), 0, list.get(0).indexOf('\n') < 0 ? list.get(0).length() : list.get(0).indexOf('\n'))
                    .append('\n');
        });
        System.out.println(full);
        throw new AssertionError(brief.toString());
    }
}
