package org.convene.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convene.accounts.Role;
import org.convene.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The browser-facing protections, route by route: the CSRF token on every form (and the API's
 * indifference to cookies), the security headers on every response, HSTS only over TLS, and a
 * fresh session at every sign-in.
 */
class WebSecurityTest {
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String CSRF_REFUSAL = "did not come from Convene";
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.startWithoutJobs();
        app.person("Ada Admin", "ada@websec.example", "acute", Role.ADMIN);
        app.person("Pat Participant", "pat@websec.example", "vcse", Role.PARTICIPANT);
        app.person("Mal Lory", "mal@websec.example", "vcse", Role.PARTICIPANT);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** A browser's state: its cookies as one header, and the CSRF token its pages carry. */
    record Browser(String cookies, String csrf) {
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return HTTP.send(b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest.Builder request(TestApp on, String path, String cookies) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(on.url(path)));
        if (cookies != null) {
            b.header("Cookie", cookies);
        }
        return b;
    }

    private static HttpResponse<String> postForm(TestApp on, String path, String cookies, String body) {
        return send(request(on, path, cookies).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String cookie(HttpResponse<?> r, String name) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.contains(";") ? c.indexOf(';') : c.length()))
                .findFirst().orElse(null);
    }

    private static String csrfOn(String html) {
        Matcher m = CSRF_FIELD.matcher(html);
        assertThat(m.find()).as("a CSRF field on the page").isTrue();
        return m.group(1);
    }

    /** A visitor who has seen the sign-in form: a CSRF cookie and the token that goes with it. */
    private static Browser visitor(TestApp on) {
        HttpResponse<String> form = send(request(on, "/login", null).GET());
        return new Browser(WebContext.CSRF_COOKIE + "=" + cookie(form, WebContext.CSRF_COOKIE), csrfOn(form.body()));
    }

    /** Signs in through the form, sending the given cookies; returns the response. */
    private static HttpResponse<String> signIn(TestApp on, Browser before, String email) {
        return postForm(on, "/login", before.cookies(), "_csrf=" + before.csrf() + "&email=" + email
                + "&password=" + TestApp.PASSWORD.replace(' ', '+') + "&next=%2F");
    }

    private static Browser signedIn(TestApp on, String email) {
        Browser visitor = visitor(on);
        HttpResponse<String> in = signIn(on, visitor, email);
        assertThat(in.statusCode()).isEqualTo(302);
        String cookies = WebContext.SESSION_COOKIE + "=" + cookie(in, WebContext.SESSION_COOKIE);
        return new Browser(cookies, csrfOn(send(request(on, "/account", cookies).GET()).body()));
    }

    private static String concrete(String path) {
        return path.replace("{token}", "not-a-token").replaceAll("\\{[A-Za-z]+\\}", "999999");
    }

    private static List<Route> routes() {
        return app.app().routes().table();
    }

    // CSRF

    @Test
    void everyFormRefusesARequestWithoutItsCsrfTokenOrWithAnotherSessionsToken() {
        Browser ada = signedIn(app, "ada@websec.example");
        Browser mal = signedIn(app, "mal@websec.example");
        Browser stranger = visitor(app);
        List<String> problems = new ArrayList<>();
        List<Route> forms = routes().stream().filter(r -> !r.api() && r.method().name().matches("POST|PUT|DELETE")).toList();
        assertThat(forms).hasSizeGreaterThan(100);
        for (Route route : forms) {
            String path = concrete(route.path());
            String label = route.method() + " " + route.path();
            // Signed in (an administrator passes every rule, so only the token can refuse), then as a visitor.
            for (Browser who : List.of(ada, stranger)) {
                Map<String, HttpResponse<String>> forged = new LinkedHashMap<>();
                forged.put("no token", postForm(app, path, who.cookies(), "a=b"));
                forged.put("an empty token", postForm(app, path, who.cookies(), "_csrf="));
                forged.put("another session's token", postForm(app, path, who.cookies(), "_csrf=" + mal.csrf()));
                forged.put("a wrong X-CSRF-Token header", send(request(app, path, who.cookies())
                        .header("X-CSRF-Token", mal.csrf()).header("Content-Type", "application/x-www-form-urlencoded")
                        .method(route.method().name(), HttpRequest.BodyPublishers.ofString("a=b"))));
                forged.forEach((how, r) -> {
                    boolean refused = r.statusCode() == 403 && r.body().contains(CSRF_REFUSAL);
                    // A visitor is turned away from what needs an account before the token matters.
                    boolean signInFirst = who == stranger && route.access() != Access.ANYONE && r.statusCode() == 401;
                    if (!refused && !signInFirst) {
                        problems.add(label + (who == ada ? " signed in" : " as a visitor") + " with " + how + ": " + r.statusCode());
                    }
                });
            }
        }
        // With the right token the same requests get past the check (so the refusals above are the token's doing).
        for (Route route : forms) {
            if (route.path().equals("/logout")) {
                continue;
            }
            HttpResponse<String> r = postForm(app, concrete(route.path()), ada.cookies(), "_csrf=" + ada.csrf());
            if (r.body().contains(CSRF_REFUSAL)) {
                problems.add(route.method() + " " + route.path() + " refused the right token");
            }
        }
        HttpResponse<String> out = postForm(app, "/logout", ada.cookies(), "_csrf=" + ada.csrf());
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(problems).as("forms that accepted a forged request").isEmpty();
    }

    @Test
    void aSessionCookieAloneDoesNotAuthoriseTheApi() {
        Browser pat = signedIn(app, "pat@websec.example");
        List<String> problems = new ArrayList<>();
        for (Route route : routes()) {
            if (!route.api() || route.access() == Access.ANYONE) {
                continue;
            }
            String method = route.method().name();
            HttpRequest.Builder b = request(app, concrete(route.path()), pat.cookies()).header("X-CSRF-Token", pat.csrf())
                    .header("Origin", "https://evil.example");
            b = method.equals("POST") || method.equals("PUT")
                    ? b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString("{}"))
                    : b.method(method, HttpRequest.BodyPublishers.noBody());
            HttpResponse<String> r = send(b);
            if (r.statusCode() != 401) {
                problems.add(method + " " + route.path() + " with only a session cookie: " + r.statusCode());
            }
            if (r.headers().firstValue("Access-Control-Allow-Origin").isPresent()) {
                problems.add(method + " " + route.path() + " allows cross-origin reads");
            }
        }
        assertThat(problems).isEmpty();
    }

    // Security headers

    /** What is wrong with a response's security headers (empty when nothing is). */
    static List<String> headerProblems(HttpResponse<?> r) {
        List<String> problems = new ArrayList<>();
        String csp = r.headers().firstValue("Content-Security-Policy").orElse(null);
        if (csp == null) {
            problems.add("no Content-Security-Policy");
        } else {
            Map<String, List<String>> directives = new LinkedHashMap<>();
            for (String d : csp.split(";")) {
                String[] words = d.strip().split("\\s+");
                if (!words[0].isEmpty()) {
                    directives.put(words[0].toLowerCase(), Arrays.asList(words).subList(1, words.length));
                }
            }
            List<String> scripts = directives.getOrDefault("script-src", directives.get("default-src"));
            if (scripts == null) {
                problems.add("the CSP does not limit scripts");
            } else {
                for (String source : scripts) {
                    if (source.equals("'unsafe-inline'") || source.equals("'unsafe-eval'") || source.equals("*")
                            || source.equals("data:") || source.equals("http:") || source.equals("https:")) {
                        problems.add("the CSP lets scripts come from " + source);
                    }
                }
            }
            List<String> styles = directives.getOrDefault("style-src", directives.get("default-src"));
            if (styles == null || styles.contains("'unsafe-inline'")) {
                problems.add("the CSP allows inline styles");
            }
            if (!List.of("'none'").equals(directives.get("object-src"))) {
                problems.add("the CSP allows plugins (object-src)");
            }
        }
        if (!List.of("'none'").equals(cspDirective(csp, "frame-ancestors"))
                || !r.headers().firstValue("X-Frame-Options").orElse("").equalsIgnoreCase("DENY")) {
            problems.add("not both frame-ancestors 'none' and X-Frame-Options DENY");
        }
        if (!r.headers().firstValue("X-Content-Type-Options").orElse("").equalsIgnoreCase("nosniff")) {
            problems.add("no X-Content-Type-Options: nosniff");
        }
        String referrer = r.headers().firstValue("Referrer-Policy").orElse("");
        if (!List.of("no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin").contains(referrer)) {
            problems.add("Referrer-Policy is '" + referrer + "'");
        }
        return problems;
    }

    private static List<String> cspDirective(String csp, String name) {
        if (csp == null) {
            return null;
        }
        for (String d : csp.split(";")) {
            String[] words = d.strip().split("\\s+");
            if (words[0].equalsIgnoreCase(name)) {
                return Arrays.asList(words).subList(1, words.length);
            }
        }
        return null;
    }

    @Test
    void everyResponseCarriesTheSecurityHeadersAndNoHstsOverPlainHttp() {
        Browser ada = signedIn(app, "ada@websec.example");
        String token = app.token("ada@websec.example");
        List<String> problems = new ArrayList<>();
        List<String[]> asked = new ArrayList<>();
        for (Route route : routes()) {
            asked.add(new String[] {route.method().name(), concrete(route.path())});
        }
        // Responses no route answers: static files, a missing page, a wrong method.
        asked.add(new String[] {"GET", "/assets/convene.css"});
        asked.add(new String[] {"GET", "/webjars/not-there.js"});
        asked.add(new String[] {"GET", "/no/such/page"});
        asked.add(new String[] {"GET", "/api/v1/no-such-thing"});
        asked.add(new String[] {"PUT", "/login"});
        for (String[] call : asked) {
            String method = call[0];
            String path = call[1];
            boolean api = path.startsWith("/api/");
            // Signed in and not, so both the pages people see and the refusals are covered.
            for (boolean signedIn : List.of(true, false)) {
                if (method.equals("POST") && path.equals("/logout")) {
                    continue;
                }
                HttpRequest.Builder b = request(app, path, signedIn && !api ? ada.cookies() : null);
                if (signedIn && api) {
                    b.header("Authorization", "Bearer " + token);
                }
                b = method.equals("GET") ? b.GET() : b.header("Content-Type", api ? "application/json" : "application/x-www-form-urlencoded")
                        .method(method, HttpRequest.BodyPublishers.ofString(api ? "{}" : "_csrf=" + ada.csrf()));
                HttpResponse<String> r = send(b);
                List<String> wrong = new ArrayList<>(headerProblems(r));
                if (r.headers().firstValue("Strict-Transport-Security").isPresent()) {
                    wrong.add("HSTS over plain http");
                }
                if (!wrong.isEmpty()) {
                    problems.add(method + " " + path + (signedIn ? " signed in" : "") + " (" + r.statusCode() + "): " + wrong);
                }
            }
        }
        assertThat(problems).as("responses without the security headers").isEmpty();
    }

    @Test
    void hstsAndSecureCookiesOnlyWhenTheRequestCameOverTls() {
        // Directly reachable (the default): X-Forwarded-Proto is anyone's to send, so it is not believed.
        HttpResponse<String> plain = send(request(app, "/login", null).GET());
        HttpResponse<String> spoofed = send(request(app, "/login", null).header("X-Forwarded-Proto", "https").GET());
        for (HttpResponse<String> r : List.of(plain, spoofed)) {
            assertThat(r.headers().firstValue("Strict-Transport-Security")).isEmpty();
            assertThat(r.headers().allValues("Set-Cookie")).allSatisfy(c -> assertThat(c).doesNotContainIgnoringCase("secure"));
        }
        // Behind a reverse proxy that says so (CONVENE_TRUST_PROXY=true), its word is taken.
        try (TestApp proxied = TestApp.startBehindProxy()) {
            HttpResponse<String> tls = send(request(proxied, "/login", null).header("X-Forwarded-Proto", "https").GET());
            assertThat(tls.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(v -> assertThat(v).contains("max-age=31536000"));
            assertThat(tls.headers().allValues("Set-Cookie")).isNotEmpty().allSatisfy(c -> assertThat(c).containsIgnoringCase("; Secure"));
            assertThat(headerProblems(tls)).isEmpty();
            HttpResponse<String> chained = send(request(proxied, "/health", null).header("X-Forwarded-Proto", "http, https").GET());
            assertThat(chained.headers().firstValue("Strict-Transport-Security")).as("the nearest proxy's word").isPresent();
            HttpResponse<String> http = send(request(proxied, "/login", null).header("X-Forwarded-Proto", "http").GET());
            assertThat(http.headers().firstValue("Strict-Transport-Security")).isEmpty();
            HttpResponse<String> none = send(request(proxied, "/login", null).GET());
            assertThat(none.headers().firstValue("Strict-Transport-Security")).isEmpty();
        }
    }

    // Sessions

    @Test
    void signingInReplacesASessionCookieSetBeforeItAndKillsTheOldOne() {
        // Mal signs in and plants his session cookie in Pat's browser (which then carries his session's CSRF
        // token in its forms), hoping to share her session once she signs in over it.
        Browser mal = signedIn(app, "mal@websec.example");
        Browser pat = visitor(app);
        HttpResponse<String> in = signIn(app, new Browser(pat.cookies() + "; " + mal.cookies(), mal.csrf()), "pat@websec.example");
        assertThat(in.statusCode()).isEqualTo(302);
        String before = mal.cookies().substring(mal.cookies().indexOf('=') + 1);
        String after = cookie(in, WebContext.SESSION_COOKIE);
        assertThat(after).isNotNull().isNotEqualTo(before);
        String sessionCookie = in.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(WebContext.SESSION_COOKIE + "=")).findFirst().orElseThrow();
        assertThat(sessionCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax").contains("Path=/");

        // The planted session is dead: neither Pat nor Mal can use it.
        HttpResponse<String> old = send(request(app, "/account", mal.cookies()).GET());
        assertThat(old.statusCode()).isEqualTo(302);
        assertThat(old.headers().firstValue("Location").orElse("")).startsWith("/login");
        // The new one is Pat's, with a CSRF token of its own (not the one the sign-in form had).
        String patCookies = WebContext.SESSION_COOKIE + "=" + after;
        HttpResponse<String> account = send(request(app, "/account", patCookies).GET());
        assertThat(account.statusCode()).isEqualTo(200);
        assertThat(account.body()).contains("pat@websec.example").doesNotContain("mal@websec.example");
        assertThat(csrfOn(account.body())).isNotEqualTo(pat.csrf()).isNotEqualTo(mal.csrf());

        // A made-up session value planted before sign-in is not adopted either.
        Browser fresh = visitor(app);
        HttpResponse<String> again = signIn(app, new Browser(fresh.cookies() + "; " + WebContext.SESSION_COOKIE
                + "=made-up-by-mal-0123456789", fresh.csrf()), "pat@websec.example");
        assertThat(cookie(again, WebContext.SESSION_COOKIE)).isNotNull().isNotEqualTo("made-up-by-mal-0123456789");

        // Signing out ends the session on the server, not just in the browser.
        HttpResponse<String> out = postForm(app, "/logout", patCookies, "_csrf=" + csrfOn(account.body()));
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(send(request(app, "/account", patCookies).GET()).statusCode()).isEqualTo(302);
    }
}
