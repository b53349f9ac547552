package org.convene.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.convene.accounts.Viewer;
import org.convene.web.AccessFixture.Caller;
import org.convene.web.AccessFixture.Who;
import org.convene.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The authorisation matrix: every route in the route table, asked by every kind of caller
 * (anonymous, participant, facilitator, programme lead, sponsor, administrator, and a participant
 * outside everything), against one fixture of real objects ({@link AccessFixture}). What each
 * caller may do is written in {@code src/test/resources/security/access-matrix.txt}, one line a
 * route; a route missing from it, a line for a route that no longer exists, a rule that differs
 * from the route table, or an answer that differs from the line fails the build.
 *
 * <p>Allowed callers must not get 401, 403 or 404 (their objects are real), nor a 5xx, nor be sent
 * to sign in. Refused callers get 401 (pages they GET send them to sign in instead), exactly 403
 * when the route's rule refuses their role, and 403 or 404 when the handler refuses them for this
 * object (hidden things do not exist for outsiders). No response may show a caller the words of a
 * hidden thing they may not read ({@link AccessFixture#secrets}).
 *
 * <p>Refused callers ask first, so a refusal that still changed something shows up as a missing
 * object for the first allowed caller. Routes marked {@code last} destroy or leave something: they
 * run after all the others, and each allowed caller after the first gets a fresh object of its own.
 * Reads run four at a time; everything else one by one.
 */
class AuthorisationMatrixTest {
    static final String MATRIX = "/security/access-matrix.txt";

    private static TestApp app;
    private static AccessFixture fixture;

    /** One line of the matrix. */
    record Line(String method, String path, Access rule, Set<Who> allowed, boolean last, int number) {
        String key() {
            return method + " " + path;
        }
    }

    @BeforeAll
    static void start() throws Exception {
        long started = System.nanoTime();
        app = TestApp.startWithoutJobs();
        long built = System.nanoTime();
        fixture = new AccessFixture(app);
        System.out.printf("AuthorisationMatrixTest: app started in %d ms, fixture made in %d ms%n",
                (built - started) / 1_000_000, (System.nanoTime() - built) / 1_000_000);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    static List<Line> matrix() throws Exception {
        List<Line> lines = new ArrayList<>();
        try (InputStream in = AuthorisationMatrixTest.class.getResourceAsStream(MATRIX);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String text;
            int number = 0;
            while ((text = reader.readLine()) != null) {
                number++;
                String trimmed = text.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] f = trimmed.split("\\s+");
                if (f.length < 4 || f.length > 5 || (f.length == 5 && !f[4].equals("last")) || f[3].length() != Who.values().length) {
                    throw new AssertionError(MATRIX + " line " + number + " is not 'METHOD PATH RULE apflsAo [last]': " + text);
                }
                Set<Who> allowed = EnumSet.noneOf(Who.class);
                for (Who who : Who.values()) {
                    char c = f[3].charAt(who.ordinal());
                    if (c == who.letter) {
                        allowed.add(who);
                    } else if (c != '-') {
                        throw new AssertionError(MATRIX + " line " + number + ": column " + (who.ordinal() + 1) + " must be '"
                                + who.letter + "' or '-': " + text);
                    }
                }
                lines.add(new Line(f[0], f[1], Access.valueOf(f[2]), allowed, f.length == 5, number));
            }
        }
        return lines;
    }

    private static Viewer viewerOf(Who who) {
        return who == Who.ANONYMOUS ? Viewer.ANONYMOUS : new Viewer(1, "x", Set.of(who.role), 1L);
    }

    @Test
    void theMatrixHasALineForEveryRouteWithItsRuleAndNoOthers() throws Exception {
        List<Line> lines = matrix();
        Map<String, Line> byKey = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Line line : lines) {
            if (byKey.put(line.key(), line) != null) {
                problems.add("listed twice: " + line.key());
            }
            for (Who who : line.allowed()) {
                if (!line.rule().allows(viewerOf(who))) {
                    problems.add(line.key() + ": the rule " + line.rule() + " refuses " + who + ", so the matrix cannot allow them");
                }
            }
        }
        Set<String> routed = new TreeSet<>();
        for (Route route : app.app().routes().table()) {
            String key = route.method().name() + " " + route.path();
            routed.add(key);
            Line line = byKey.get(key);
            if (line == null) {
                problems.add("not in the matrix (add a line saying who may use it): " + key + " " + route.access());
            } else if (line.rule() != route.access()) {
                problems.add(key + ": the route table says " + route.access() + ", the matrix " + line.rule());
            }
        }
        byKey.keySet().stream().filter(k -> !routed.contains(k)).forEach(k -> problems.add("in the matrix but not routed: " + k));
        assertThat(problems).as("access-matrix.txt against the route table").isEmpty();
    }

    /** What one route answered its callers: a line for the observed table, and what was wrong. */
    record Outcome(Line line, String observed, List<String> wrong) {
    }

    @Test
    void everyRouteAnswersEveryCallerAsTheMatrixSays() throws Exception {
        Map<String, Route> routes = new LinkedHashMap<>();
        app.app().routes().table().forEach(r -> routes.put(r.method().name() + " " + r.path(), r));
        List<Line> reads = new ArrayList<>();
        List<Line> writes = new ArrayList<>();
        List<Line> last = new ArrayList<>();
        for (Line line : matrix()) {
            if (routes.containsKey(line.key())) {
                (line.last() ? last : line.method().equals("GET") ? reads : writes).add(line);
            }
        }
        List<Outcome> outcomes = new ArrayList<>();
        // Reads change nothing, so they go four at a time, the slow PDFs first; then writes, then what destroys, one by one.
        reads.sort(Comparator.comparing((Line l) -> !l.path().endsWith(".pdf")));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Outcome>> pending = new ArrayList<>();
            for (Line line : reads) {
                pending.add(pool.submit(() -> check(line, routes.get(line.key()))));
            }
            for (Future<Outcome> f : pending) {
                outcomes.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        for (Line line : writes) {
            outcomes.add(check(line, routes.get(line.key())));
        }
        for (Line line : last) {
            outcomes.add(check(line, routes.get(line.key())));
        }
        outcomes.sort(Comparator.comparingInt(o -> o.line().number()));
        // What every route answered, for reviewing the matrix.
        Files.write(Path.of("target", "access-matrix-observed.txt"), outcomes.stream().map(Outcome::observed).toList());
        List<String> failures = outcomes.stream().filter(o -> !o.wrong().isEmpty())
                .map(o -> o.line().key() + " [line " + o.line().number() + "]: " + String.join("; ", o.wrong()) + "\n    observed: " + o.observed())
                .toList();
        assertThat(failures).as("routes that answered differently from access-matrix.txt (all answers: target/access-matrix-observed.txt)")
                .isEmpty();
    }

    /** Asks one route as every caller: refused callers first, then the allowed ones (fresh objects after the first). */
    private static Outcome check(Line line, Route route) throws Exception {
        List<Who> order = new ArrayList<>();
        for (Who who : Who.values()) {
            if (!line.allowed().contains(who)) {
                order.add(who);
            }
        }
        order.addAll(line.allowed());
        Map<Who, Integer> statuses = new LinkedHashMap<>();
        Set<String> messages = new LinkedHashSet<>();
        List<String> wrong = new ArrayList<>();
        long started = System.nanoTime();
        boolean firstAllowed = true;
        for (Who who : order) {
            boolean allowed = line.allowed().contains(who);
            Map<String, String> renewed = Map.of();
            if (allowed && !firstAllowed) {
                try {
                    renewed = fixture.renewed(line.key(), who);
                } catch (IllegalStateException e) {
                    wrong.add(who + ": could not make a fresh object (" + e.getMessage() + ")");
                }
            }
            firstAllowed &= !allowed;
            HttpResponse<String> r = call(route, who, renewed);
            statuses.put(who, r.statusCode());
            if (r.statusCode() >= 400 && r.statusCode() != 401) {
                messages.add(r.statusCode() + " " + brief(r.body()));
            }
            String problem = allowed ? allowedProblem(r) : refusedProblem(r, route, who);
            if (problem != null) {
                wrong.add(who + " " + problem + (r.statusCode() >= 400 ? " (" + brief(r.body()) + ")" : ""));
            }
            // A personal link (calendar feed, survey link) is its owner's key: whoever holds it sees what they would.
            // A personal link shows its owner's own things; an administrator's copy of a person's data, made on their
            // request (subject access) and written to the audit log, holds everything about them by design.
            if (!line.path().contains("{token}") && !line.path().equals("/admin/people/{id}/data.json")) {
                for (Map.Entry<String, Set<Who>> secret : fixture.secrets.entrySet()) {
                    if (!secret.getValue().contains(who) && r.body().contains(secret.getKey())) {
                        wrong.add(who + " was shown '" + secret.getKey() + "', which is hidden from them");
                    }
                }
            }
        }
        String observed = observed(line, statuses) + String.format(" %5d ms ", (System.nanoTime() - started) / 1_000_000) + messages;
        return new Outcome(line, observed, wrong);
    }

    /** The message of an error response: the JSON "error", or the error page's first paragraph. */
    private static String brief(String body) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"error\":\"([^\"]*)\"|(?s)<h1[^>]*>(.*?)</h1>.*?<p class=\"govuk-body\">(.*?)</p>")
                .matcher(body);
        if (!m.find()) {
            String text = body.replaceAll("(?s)<[^>]*>", " ").replaceAll("\\s+", " ").strip();
            return text.length() > 120 ? text.substring(0, 120) : text;
        }
        return m.group(1) != null ? m.group(1) : (m.group(2) + ": " + m.group(3)).replaceAll("\\s+", " ").strip();
    }

    private static String observed(Line line, Map<Who, Integer> statuses) {
        StringBuilder letters = new StringBuilder();
        StringBuilder codes = new StringBuilder();
        for (Who who : Who.values()) {
            int s = statuses.get(who);
            boolean through = s != 401 && s != 403 && s != 404 && s < 500 && !(who == Who.ANONYMOUS && s == 302 && line.method().equals("GET")
                    && line.rule() != Access.ANYONE);
            letters.append(through ? who.letter : '-');
            codes.append(' ').append(who.letter).append('=').append(s);
        }
        return line.method() + " " + line.path() + " " + line.rule() + " " + letters + " " + (line.last() ? "last" : "") + " |" + codes;
    }

    private static String allowedProblem(HttpResponse<String> r) {
        int s = r.statusCode();
        if (s >= 500) {
            return "got " + s + ": a server error";
        }
        if (s == 401 || s == 403 || s == 404) {
            return "is allowed but got " + s;
        }
        if (s == 302 && r.headers().firstValue("Location").orElse("").startsWith("/login?next=")) {
            return "is allowed but was sent to sign in";
        }
        return null;
    }

    private static String refusedProblem(HttpResponse<String> r, Route route, Who who) {
        int s = r.statusCode();
        // Anonymous callers refused by the rule must sign in; on an open route it is the handler that refuses.
        if (who == Who.ANONYMOUS && !route.access().allows(viewerOf(who))) {
            if (!route.api() && route.method().name().equals("GET")) {
                return s == 302 && r.headers().firstValue("Location").orElse("").startsWith("/login?next=")
                        ? null : "should be sent to sign in but got " + s;
            }
            return s == 401 ? null : "should get 401 but got " + s;
        }
        if (!route.access().allows(viewerOf(who))) {
            return s == 403 ? null : "is refused by the rule " + route.access() + " so should get 403, but got " + s;
        }
        return s == 403 || s == 404 ? null : "should be refused (403 or 404) but got " + s;
    }

    private static HttpResponse<String> call(Route route, Who who, Map<String, String> renewed) throws Exception {
        String method = route.method().name();
        String key = method + " " + route.path();
        Caller caller = key.equals("POST /logout") || key.equals("POST /login") ? fixture.freshSession(who) : fixture.caller(who);
        HttpRequest.Builder b = HttpRequest.newBuilder(fixture.uri(fixture.concrete(method, route.path(), renewed)));
        String body = fixture.body(key);
        if (key.equals("POST /login")) {
            Caller as = fixture.caller(who == Who.ANONYMOUS ? Who.PARTICIPANT : who);
            body = AccessFixture.form(Map.of("email", as.email(), "password", TestApp.PASSWORD));
        }
        if (route.api()) {
            b.header("Accept", "application/json");
            if (caller.token() != null) {
                b.header("Authorization", "Bearer " + caller.token());
            }
            if (method.equals("POST") || method.equals("PUT")) {
                b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body == null ? "{}" : body));
            } else {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            }
            return fixture.send(b, null);
        }
        if (method.equals("GET")) {
            b.GET();
        } else {
            String form = "_csrf=" + caller.csrf() + (body == null ? "" : "&" + body);
            b.header("Content-Type", "application/x-www-form-urlencoded").method(method, HttpRequest.BodyPublishers.ofString(form));
        }
        return fixture.send(b, caller.cookie());
    }
}
