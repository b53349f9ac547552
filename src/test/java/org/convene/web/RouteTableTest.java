package org.convene.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import org.convene.accounts.Role;
import org.convene.testing.TestApp;
import org.convene.testing.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Walks the route table: every route has a rule, the rule is enforced, and the API document matches it. */
class RouteTableTest {
    private static TestApp app;
    private static String participantToken;
    private static String leadToken;

    @BeforeAll
    static void start() {
        app = TestApp.start();
        app.person("Pat Participant", "pat@test.example", "vcse", Role.PARTICIPANT);
        app.person("Lee Lead", "lee@test.example", "local_authority", Role.PROGRAMME_LEAD);
        participantToken = app.token("pat@test.example");
        leadToken = app.token("lee@test.example");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static String concrete(String path) {
        return path.replace("{token}", "not-a-token").replaceAll("\\{[A-Za-z]+\\}", "999999");
    }

    @Test
    void everyRouteThatIsNotOpenTurnsAwayAnonymousVisitors() {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        for (Route route : app.app().routes().table()) {
            if (route.access() == Access.ANYONE) {
                continue;
            }
            HttpResponse<String> response = send(http, route, null);
            if (route.api() || !route.method().name().equals("GET")) {
                assertThat(response.statusCode()).as(route.method() + " " + route.path()).isIn(401, 403);
            } else {
                assertThat(response.statusCode()).as(route.method() + " " + route.path()).isEqualTo(302);
                assertThat(response.headers().firstValue("Location").orElse("")).startsWith("/login?next=");
            }
        }
    }

    @Test
    void apiRoutesForManagersAndAdminsRefuseAParticipantAndLetAProgrammeLeadPast() {
        HttpClient http = HttpClient.newHttpClient();
        for (Route route : app.app().routes().table()) {
            if (!route.api()) {
                continue;
            }
            int asParticipant = send(http, route, participantToken).statusCode();
            int asLead = send(http, route, leadToken).statusCode();
            String label = route.method() + " " + route.path();
            switch (route.access()) {
                case ADMIN -> {
                    assertThat(asParticipant).as(label).isEqualTo(403);
                    assertThat(asLead).as(label).isEqualTo(403);
                }
                case DIRECTORY_MANAGER, PROGRAMME_LEAD, PROGRAMME_TEAM, REPORT_READER -> {
                    assertThat(asParticipant).as(label).isEqualTo(403);
                    assertThat(asLead).as(label).isNotIn(401, 403);
                }
                default -> assertThat(asParticipant).as(label).isNotEqualTo(401);
            }
        }
    }

    @Test
    void pagesForAdminsRefuseOtherSignedInPeople() {
        WebClient participant = app.client();
        participant.signIn("pat@test.example", TestApp.PASSWORD);
        WebClient lead = app.client();
        lead.signIn("lee@test.example", TestApp.PASSWORD);
        for (Route route : app.app().routes().table()) {
            if (route.api() || !route.method().name().equals("GET") || route.access() == Access.ANYONE || route.access() == Access.SIGNED_IN) {
                continue;
            }
            assertThat(participant.get(concrete(route.path())).statusCode()).as(route.path()).isEqualTo(403);
            if (route.access() == Access.ADMIN) {
                assertThat(lead.get(concrete(route.path())).statusCode()).as(route.path()).isEqualTo(403);
            }
        }
    }

    @Test
    void theOpenApiDocumentDescribesExactlyTheApiRoutes() throws Exception {
        JsonNode doc;
        try (InputStream in = getClass().getResourceAsStream("/openapi.json")) {
            doc = Json.MAPPER.readTree(in);
        }
        Set<String> documented = new HashSet<>();
        for (Iterator<String> paths = doc.get("paths").fieldNames(); paths.hasNext(); ) {
            String path = paths.next();
            for (Iterator<String> methods = doc.get("paths").get(path).fieldNames(); methods.hasNext(); ) {
                documented.add(methods.next().toUpperCase(Locale.ROOT) + " " + path);
            }
        }
        Set<String> routed = new HashSet<>();
        for (Route route : app.app().routes().table()) {
            if (route.api()) {
                routed.add(route.method().name() + " " + route.path());
            }
        }
        assertThat(documented).containsExactlyInAnyOrderElementsOf(routed);
    }

    @Test
    void theOpenApiDocumentIsServed() {
        HttpResponse<String> response = WebClient.api(app, "GET", "/api/openapi.json", null, null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"openapi\"");
    }

    private static HttpResponse<String> send(HttpClient http, Route route, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app.url(concrete(route.path()))));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        String method = route.method().name();
        if (method.equals("GET") || method.equals("DELETE")) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else if (route.api()) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString("{}"));
        } else {
            b.header("Content-Type", "application/x-www-form-urlencoded").method(method, HttpRequest.BodyPublishers.ofString("a=b"));
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
