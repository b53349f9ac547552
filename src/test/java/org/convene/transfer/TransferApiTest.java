package org.convene.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.convene.accounts.Role;
import org.convene.testing.TestApp;
import org.convene.web.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TransferApiTest {
    private static TestApp app;
    private static String lead;
    private static String participant;

    @BeforeAll
    static void start() {
        app = TestApp.start();
        app.person("Pat Lead", "pat@test.example", "acute", Role.PROGRAMME_LEAD);
        app.person("Pam Participant", "pam@test.example", "acute", Role.PARTICIPANT);
        lead = app.token("pat@test.example");
        participant = app.token("pam@test.example");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @BeforeEach
    void onlyTheTwoAccountHoldersAreInTheDirectory() {
        app.jdbi().useHandle(h -> {
            h.execute("DELETE FROM people WHERE email NOT IN ('pat@test.example', 'pam@test.example') OR email IS NULL");
            h.execute("DELETE FROM organisations");
        });
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, String token) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HttpClient.newHttpClient().send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> postCsv(String path, String token, String contentType, HttpRequest.BodyPublisher body) {
        return send(HttpRequest.newBuilder(URI.create(app.url(path))).header("Content-Type", contentType).POST(body), token);
    }

    private static HttpResponse<String> postCsv(String path, String token, String csv) {
        return postCsv(path, token, "text/csv; charset=utf-8", HttpRequest.BodyPublishers.ofString(csv));
    }

    /** Sends a POST's headers with a Content-Length but no body, and returns everything the server answers. */
    private static String headersOnly(String path, String token, long length) throws IOException {
        URI uri = URI.create(app.url(path));
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            String request = "POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nAuthorization: Bearer " + token + "\r\nContent-Type: text/csv\r\nContent-Length: " + length
                    + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static HttpResponse<String> get(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(app.url(path))).GET(), token);
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return Json.MAPPER.readTree(response.body());
    }

    private static long people() {
        return app.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM people").mapTo(Long.class).one());
    }

    @Test
    void importsReturn201WithTheCount() throws IOException {
        HttpResponse<String> organisations = postCsv("/api/v1/imports/organisations", lead, "name,sector\nAcme,acute\nBeta,housing\n");
        assertThat(organisations.statusCode()).isEqualTo(201);
        assertThat(json(organisations).get("imported").asInt()).isEqualTo(2);

        HttpResponse<String> people = postCsv("/api/v1/imports/people", lead, "full_name,organisation\nAnn,Acme\nBob,beta\nCy,Acme\n");
        assertThat(people.statusCode()).isEqualTo(201);
        assertThat(people.body()).isEqualTo("{\"imported\":3}");
        assertThat(people()).isEqualTo(5);
    }

    @Test
    void aRefusedImportReturns422WithEachLine() throws IOException {
        HttpResponse<String> response = postCsv("/api/v1/imports/people", lead,
                "full_name,sector,email\nAnn,acute,\nBob,mars,\nCy,acute,PAT@test.example\n");
        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode body = json(response);
        assertThat(body.get("status").asInt()).isEqualTo(422);
        assertThat(body.get("error").asText()).isEqualTo("Nothing was imported. 2 rows have problems.");
        assertThat(body.get("rows")).hasSize(2);
        assertThat(body.get("rows").get(0).get("line").asInt()).isEqualTo(3);
        assertThat(body.get("rows").get(0).get("message").asText()).isEqualTo("Unknown sector 'mars'");
        assertThat(body.get("rows").get(1).get("line").asInt()).isEqualTo(4);
        assertThat(body.get("more").asInt()).isZero();
        assertThat(people()).isEqualTo(2);

        HttpResponse<String> unreadable = postCsv("/api/v1/imports/organisations", lead, "name,sector\n\"Acme,acute\n");
        assertThat(unreadable.statusCode()).isEqualTo(422);
        assertThat(json(unreadable).get("rows").get(0).get("line").asInt()).isEqualTo(2);
    }

    @Test
    void importsNeedAProgrammeTeamToken() throws IOException {
        HttpResponse<String> anonymous = postCsv("/api/v1/imports/people", null, "full_name,sector\nAnn,acute\n");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(postCsv("/api/v1/imports/people", participant, "full_name,sector\nAnn,acute\n").statusCode()).isEqualTo(403);
        assertThat(postCsv("/api/v1/imports/organisations", participant, "name,sector\nAcme,acute\n").statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/exports/people.csv", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/exports/ties.csv", participant).statusCode()).isEqualTo(403);
        assertThat(people()).isEqualTo(2);
    }

    @Test
    void exportsAreCsvDownloads() {
        postCsv("/api/v1/imports/organisations", lead, "name,sector\n=Acme,acute\n");
        HttpResponse<String> organisations = get("/api/v1/exports/organisations.csv", lead);
        assertThat(organisations.statusCode()).isEqualTo(200);
        assertThat(organisations.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(organisations.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).startsWith("attachment; filename=\"convene-organisations-"));
        assertThat(organisations.body()).startsWith("id,name,sector,place,people\r\n").contains(",'=Acme,acute,,0\r\n");
        assertThat(get("/api/v1/exports/people.csv", lead).body()).contains("Pat Lead").contains("Pam Participant");
        assertThat(get("/api/v1/exports/ties.csv", lead).body()).startsWith("id,person_a,person_a_name,");
    }

    @Test
    void theBodyMustBeCsv() throws IOException {
        HttpResponse<String> json = postCsv("/api/v1/imports/people", lead, "application/json",
                HttpRequest.BodyPublishers.ofString("{\"fullName\":\"Ann\"}"));
        assertThat(json.statusCode()).isEqualTo(415);
        assertThat(json(json).get("error").asText()).contains("Content-Type: text/csv");
        HttpResponse<String> latin1 = postCsv("/api/v1/imports/people", lead, "text/csv; charset=ISO-8859-1",
                HttpRequest.BodyPublishers.ofString("full_name,sector\nAnn,acute\n"));
        assertThat(latin1.statusCode()).isEqualTo(415);
    }

    @Test
    void bodiesAboveTheJsonLimitAreAcceptedUpTo20Megabytes() throws IOException {
        StringBuilder csv = new StringBuilder("full_name,sector,bio\n");
        String bio = "b".repeat(3_900);
        for (int i = 0; i < 600; i++) {
            csv.append("Person ").append(i).append(",acute,").append(bio).append('\n');
        }
        assertThat(csv.length()).isGreaterThan(2_000_000);
        HttpResponse<String> response = postCsv("/api/v1/imports/people", lead, csv.toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(json(response).get("imported").asInt()).isEqualTo(600);
    }

    @Test
    void bodiesAbove20MegabytesAreRefusedWith413() throws IOException {
        byte[] big = tooBig();
        // A declared length is refused from the headers alone: the client sends no body and still gets its answer.
        // (A client that pushes 20 MB regardless races the server's close, and TCP may reset the connection before
        // that client reads the 413; curl and browsers ask first with Expect: 100-continue.)
        String declared = headersOnly("/api/v1/imports/people", lead, big.length);
        assertThat(declared).startsWith("HTTP/1.1 413");
        assertThat(declared).contains("larger than 20 MB");

        // Without a Content-Length (chunked), the limit is found while reading.
        HttpResponse<String> chunked = postCsv("/api/v1/imports/people", lead, "text/csv",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)));
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(json(chunked).get("error").asText()).contains("larger than 20 MB");
        assertThat(people()).isEqualTo(2);
    }

    /** A valid people file just over 20 MB, so only its size is wrong. */
    static byte[] tooBig() {
        StringBuilder csv = new StringBuilder("full_name,sector,bio\n");
        String bio = "b".repeat(3_900);
        int i = 0;
        while (csv.length() <= TransferApi.MAX_BYTES) {
            csv.append("Person ").append(i++).append(",acute,").append(bio).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
