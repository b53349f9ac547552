package org.convene.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a browser: keeps cookies, reads the CSRF token from the last page it fetched
 * and sends it with forms, does not follow redirects (so tests can see them).
 */
public final class WebClient {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private final TestApp app;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private String csrf = "";

    WebClient(TestApp app) {
        this.app = app;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** The same cookies against another app instance. */
    public WebClient on(TestApp other) {
        WebClient moved = new WebClient(other);
        cookies.getCookieStore().getCookies().forEach(c -> moved.cookies.getCookieStore().add(URI.create(other.url("/")), c));
        moved.csrf = csrf;
        return moved;
    }

    public HttpResponse<String> get(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(app.url(path))).GET());
        Matcher m = CSRF.matcher(response.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return response;
    }

    public HttpResponse<String> post(String path, Map<String, String> form) {
        Map<String, String> withToken = new LinkedHashMap<>(form);
        withToken.putIfAbsent("_csrf", csrf);
        return postRaw(path, encode(withToken));
    }

    /** A form post with repeated fields, given as name, value, name, value, ... */
    public HttpResponse<String> postPairs(String path, String... namesAndValues) {
        StringBuilder body = new StringBuilder("_csrf=").append(URLEncoder.encode(csrf, StandardCharsets.UTF_8));
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            body.append('&').append(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return postRaw(path, body.toString());
    }

    /** A multipart form (a file upload) with the CSRF token of the last page fetched. */
    public HttpResponse<String> postMultipart(String path, Multipart form) {
        form.field("_csrf", csrf);
        return send(HttpRequest.newBuilder(URI.create(app.url(path))).header("Content-Type", form.contentType()).POST(form.publisher()));
    }

    public HttpResponse<String> postRaw(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(app.url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> signIn(String email, String password) {
        get("/login");
        return post("/login", Map.of("email", email, "password", password, "next", "/"));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The number after {@code prefix} in a redirect's Location (e.g. the id of what a form created). */
    public static long idFrom(HttpResponse<String> redirect, String prefix) {
        String location = redirect.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("No Location header (status " + redirect.statusCode() + ")"));
        java.util.regex.Matcher m = Pattern.compile(Pattern.quote(prefix) + "(\\d+)").matcher(location);
        if (!m.find()) {
            throw new AssertionError("No " + prefix + "<id> in " + location);
        }
        return Long.parseLong(m.group(1));
    }

    public static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** A JSON API call with a bearer token. */
    /** The response's JSON body (null when empty), after checking its status (the body is the failure message). */
    public static com.fasterxml.jackson.databind.JsonNode json(HttpResponse<String> r, int status) throws java.io.IOException {
        org.assertj.core.api.Assertions.assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return r.body().isEmpty() ? null : org.convene.web.Json.MAPPER.readTree(r.body());
    }

    public static HttpResponse<String> api(TestApp app, String method, String path, String token, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app.url(path)))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        return api(b, token, HttpResponse.BodyHandlers.ofString());
    }

    /** A multipart API call (a file upload) with a bearer token. */
    public static HttpResponse<String> api(TestApp app, String path, String token, Multipart form) {
        return api(HttpRequest.newBuilder(URI.create(app.url(path))).header("Content-Type", form.contentType()).POST(form.publisher()),
                token, HttpResponse.BodyHandlers.ofString());
    }

    /** An API GET whose body is kept as bytes (a file download). */
    public static HttpResponse<byte[]> download(TestApp app, String path, String token) {
        return api(HttpRequest.newBuilder(URI.create(app.url(path))).GET(), token, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static <T> HttpResponse<T> api(HttpRequest.Builder b, String token, HttpResponse.BodyHandler<T> body) {
        b.header("Accept", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            return HttpClient.newHttpClient().send(b.timeout(Duration.ofSeconds(30)).build(), body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
