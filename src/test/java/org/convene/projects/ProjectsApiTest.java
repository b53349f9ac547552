package org.convene.projects;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.convene.accounts.Role;
import org.convene.db.ChangeFeed;
import org.convene.people.People;
import org.convene.people.PersonInput;
import org.convene.people.Person;
import org.convene.testing.TestApp;
import org.convene.testing.WebClient;
import org.convene.web.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /api/v1/projects end to end: who may do what, bad input as clear 4xx with nothing stored, and a run chart's signals. */
class ProjectsApiTest {
    private static TestApp app;
    private static Person nia;
    private static Person carl;
    private static String niaToken;
    private static String carlToken;
    private static String leadToken;
    private static String sponsorToken;
    private static Person sam;

    @BeforeAll
    static void start() {
        app = TestApp.start();
        nia = app.person("Nia Nurse", "nia@api.example", "acute", Role.PARTICIPANT);
        carl = app.person("Carl Adviser", "carl@api.example", "vcse", Role.PARTICIPANT);
        sam = app.person("Sam Sponsor", "sam@api.example", "local_authority", Role.SPONSOR);
        app.person("Lee Lead", "lee@api.example", "local_authority", Role.PROGRAMME_LEAD);
        niaToken = app.token("nia@api.example");
        carlToken = app.token("carl@api.example");
        leadToken = app.token("lee@api.example");
        sponsorToken = app.token("sam@api.example");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static HttpResponse<String> call(String method, String path, String token, String json) {
        return WebClient.api(app, method, path, token, json);
    }


    private static long newProject(String token, String title) throws Exception {
        return WebClient.json(call("POST", "/api/v1/projects", token, "{\"title\": \"" + title + "\", \"aim\": \"Halve falls by March\", "
                + "\"status\": \"active\", \"place\": \"test town\", \"startsOn\": \"2025-01-06\"}"), 201).get("id").asLong();
    }

    private static long count(String table) {
        return app.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM " + table).mapTo(Long.class).one());
    }

    @Test
    void anyoneSignedInStartsAProjectAndOnlyItsTeamAndProgrammeLeadsChangeIt() throws Exception {
        long id = newProject(niaToken, "Fewer falls");
        JsonNode detail = WebClient.json(call("GET", "/api/v1/projects/" + id, carlToken, null), 200);
        assertThat(detail.get("project").get("ownerName").asText()).isEqualTo("Nia Nurse");
        assertThat(detail.get("project").get("placeName").asText()).isEqualTo("Test Town");
        assertThat(detail.get("team").get(0).get("role").asText()).isEqualTo("lead");
        assertThat(detail.get("suggestion").get("score").asDouble()).isEqualTo(0.5);

        String change = "{\"title\": \"Fewer falls on Ward 3\", \"aim\": \"Halve falls by March\", \"status\": \"active\"}";
        assertThat(call("PUT", "/api/v1/projects/" + id, carlToken, change).statusCode()).isEqualTo(403);
        assertThat(call("PUT", "/api/v1/projects/" + id, sponsorToken, change).statusCode()).isEqualTo(403);
        assertThat(call("PUT", "/api/v1/projects/" + id + "/team/" + carl.id(), carlToken, "{}").statusCode()).isEqualTo(403);
        assertThat(WebClient.json(call("PUT", "/api/v1/projects/" + id, leadToken, change), 200).get("title").asText()).isEqualTo("Fewer falls on Ward 3");

        // A sponsor follows the project but does not change it; a member does.
        assertThat(WebClient.json(call("PUT", "/api/v1/projects/" + id + "/team/" + sam.id(), niaToken, "{\"role\": \"sponsor\"}"), 201)).hasSize(2);
        assertThat(call("POST", "/api/v1/projects/" + id + "/cycles", sponsorToken,
                "{\"title\": \"Huddle\", \"plan\": \"A huddle\", \"prediction\": \"Fewer falls\"}").statusCode()).isEqualTo(403);
        WebClient.json(call("PUT", "/api/v1/projects/" + id + "/team/" + carl.id(), niaToken, "{\"role\": \"member\"}"), 201);
        WebClient.json(call("PUT", "/api/v1/projects/" + id + "/team/" + carl.id(), niaToken, "{\"role\": \"coach\"}"), 200);
        WebClient.json(call("POST", "/api/v1/projects/" + id + "/cycles", carlToken,
                "{\"title\": \"Huddle\", \"plan\": \"A huddle\", \"prediction\": \"Fewer falls\"}"), 201);
        assertThat(WebClient.json(call("GET", "/api/v1/projects/" + id + "/team", sponsorToken, null), 200))
                .extracting(m -> m.get("role").asText()).containsExactly("lead", "coach", "sponsor");
        // The team are ties: Nia, Carl and Sam, pairwise (Carl's two shown).
        assertThat(WebClient.json(call("GET", "/api/v1/ties?source=project&person=" + carl.id(), leadToken, null), 200).get("total").asInt()).isEqualTo(2);

        // Removing: not the owner; anyone else, and their ties go (added today).
        assertThat(call("DELETE", "/api/v1/projects/" + id + "/team/" + nia.id(), niaToken, null).statusCode()).isEqualTo(409);
        WebClient.json(call("DELETE", "/api/v1/projects/" + id + "/team/" + sam.id(), niaToken, null), 204);
        assertThat(call("DELETE", "/api/v1/projects/" + id + "/team/" + sam.id(), niaToken, null).statusCode()).isEqualTo(404);
        assertThat(WebClient.json(call("GET", "/api/v1/ties?source=project&person=" + carl.id(), leadToken, null), 200).get("total").asInt()).isEqualTo(1);

        // Only the people running it confirm its score; not a programme lead from outside the team.
        assertThat(call("POST", "/api/v1/projects/" + id + "/scores", leadToken, "{\"score\": 1.0}").statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/v1/projects/" + id + "/scores", carlToken, "{\"score\": 1.2}").statusCode()).isEqualTo(422);
        JsonNode score = WebClient.json(call("POST", "/api/v1/projects/" + id + "/scores", carlToken, "{\"score\": 1.5, \"note\": \"Planning\"}"), 201);
        assertThat(score.get("label").asText()).isEqualTo("Planning for the project has begun");
        assertThat(score.get("confirmedByName").asText()).isEqualTo("Carl Adviser");
        JsonNode scores = WebClient.json(call("GET", "/api/v1/projects/" + id + "/scores", sponsorToken, null), 200);
        assertThat(scores.get("history")).hasSize(1);
        JsonNode after = WebClient.json(call("GET", "/api/v1/projects/" + id, sponsorToken, null), 200);
        assertThat(after.get("score").get("score").asDouble()).isEqualTo(1.5);
        assertThat(after.get("scores")).hasSize(1);
        assertThat(scores.get("suggestion").get("reasons").size()).isGreaterThan(1);
    }

    @Test
    void badInputIsRefusedClearlyAndNothingIsStored() throws Exception {
        long projects = count("projects");
        HttpResponse<String> bad = call("POST", "/api/v1/projects", niaToken, "{\"title\": \"\", \"status\": \"done\", \"place\": \"Atlantis\", "
                + "\"startsOn\": \"2025-03-01\", \"endsOn\": \"2025-02-01\", \"originKind\": \"idea\"}");
        assertThat(bad.statusCode()).isEqualTo(422);
        JsonNode error = Json.MAPPER.readTree(bad.body());
        assertThat(error.get("fields").fieldNames()).toIterable().contains("title", "status", "place", "endsOn", "originId");
        assertThat(call("POST", "/api/v1/projects", niaToken, "{\"title\": \"x\", \"colour\": \"red\"}").body()).contains("Unknown field 'colour'");
        assertThat(call("POST", "/api/v1/projects", niaToken, "not json").statusCode()).isEqualTo(400);
        assertThat(call("POST", "/api/v1/projects", niaToken, "{\"title\": \"x\", \"cohortId\": 424242}").statusCode()).isEqualTo(422);
        assertThat(call("POST", "/api/v1/projects", niaToken, "{\"title\": \"x\", \"ownerId\": " + carl.id() + "}").statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/v1/projects?status=finished", niaToken, null).statusCode()).isEqualTo(400);
        assertThat(call("GET", "/api/v1/projects/987654", niaToken, null).statusCode()).isEqualTo(404);
        assertThat(count("projects")).isEqualTo(projects);

        long id = newProject(niaToken, "Bad input");
        assertThat(call("POST", "/api/v1/projects/" + id + "/measures", niaToken, "{\"name\": \"Falls\", \"kind\": \"impact\", \"better\": \"up\"}")
                .body()).contains("kind").contains("better");
        long measure = WebClient.json(call("POST", "/api/v1/projects/" + id + "/measures", niaToken,
                "{\"name\": \"Falls\", \"kind\": \"outcome\", \"better\": \"lower\"}"), 201).get("measure").get("id").asLong();
        assertThat(call("POST", "/api/v1/projects/" + id + "/measures", niaToken,
                "{\"name\": \"falls\", \"kind\": \"process\", \"better\": \"higher\"}").statusCode()).isEqualTo(409);
        assertThat(call("POST", "/api/v1/measures/" + measure + "/points", niaToken, "{\"date\": \"31/01/2025\", \"value\": 3}").statusCode())
                .isEqualTo(422);
        assertThat(call("POST", "/api/v1/measures/" + measure + "/points", niaToken, "{\"date\": \"2025-01-31\", \"value\": \"three\"}")
                .statusCode()).isEqualTo(400);
        WebClient.json(call("POST", "/api/v1/measures/" + measure + "/points", niaToken, "{\"date\": \"2025-01-31\", \"value\": 3}"), 201);
        assertThat(call("POST", "/api/v1/measures/" + measure + "/points", niaToken, "{\"date\": \"2025-01-31\", \"value\": 4}").statusCode())
                .isEqualTo(409);
        HttpResponse<String> rejected = csv(measure, niaToken, "date,value\n2025-02-28,2\n2025-03-31,lots\n");
        assertThat(rejected.statusCode()).isEqualTo(422);
        assertThat(Json.MAPPER.readTree(rejected.body()).get("rows").get(0).get("line").asInt()).isEqualTo(3);
        assertThat(csv(measure, carlToken, "date,value\n2025-02-28,2\n").statusCode()).isEqualTo(403);
        assertThat(WebClient.json(call("GET", "/api/v1/measures/" + measure, carlToken, null), 200).get("points")).hasSize(1);
        assertThat(call("POST", "/api/v1/projects/" + id + "/cycles", niaToken, "{\"title\": \"T\", \"plan\": \"P\", \"prediction\": \"\", "
                + "\"act\": \"adopt\"}").body()).contains("prediction").contains("study");
        assertThat(call("PUT", "/api/v1/projects/" + id + "/presentation", niaToken, "{\"url\": \"javascript:alert(1)\"}").statusCode())
                .isEqualTo(422);
        assertThat(WebClient.json(call("PUT", "/api/v1/projects/" + id + "/presentation", niaToken, "{\"url\": \"https://example.org/slides\"}"), 200)
                .get("presentationUrl").asText()).isEqualTo("https://example.org/slides");

        // Someone not listed in the directory is not added by a participant (not found), only by a programme lead.
        Person hidden = new People(app.jdbi(), ChangeFeed.polling(app.jdbi())).create(new PersonInput("Una Unlisted", "una@api.example", "",
                "", null, "housing", "", List.of(), "", "", "", "email", "nobody", "nobody"));
        assertThat(call("PUT", "/api/v1/projects/" + id + "/team/" + hidden.id(), niaToken, "{}").statusCode()).isEqualTo(404);
        assertThat(call("PUT", "/api/v1/projects/" + id + "/team/999999", niaToken, "{}").statusCode()).isEqualTo(404);
        WebClient.json(call("PUT", "/api/v1/projects/" + id + "/team/" + hidden.id(), leadToken, "{}"), 201);
    }

    @Test
    void pointsFromCsvMakeARunChartWithAShiftAndTheListFilters() throws Exception {
        long id = newProject(niaToken, "Run chart from CSV");
        long measure = WebClient.json(call("POST", "/api/v1/projects/" + id + "/measures", niaToken,
                "{\"name\": \"Falls per 1,000 bed days\", \"kind\": \"outcome\", \"better\": \"lower\", \"baselinePoints\": 6}"), 201)
                .get("measure").get("id").asLong();
        StringBuilder file = new StringBuilder("date,value,note\n");
        double[] values = {8, 9, 7, 8, 10, 8, 5, 4, 6, 5, 4, 5, 6};
        for (int i = 0; i < values.length; i++) {
            file.append(java.time.LocalDate.of(2025, 1, 6).plusWeeks(i)).append(',').append(values[i]).append(i == 6 ? ",huddle started\n" : ",\n");
        }
        JsonNode imported = WebClient.json(csv(measure, niaToken, file.toString()), 201);
        assertThat(imported.get("imported").asInt()).isEqualTo(13);
        JsonNode analysis = imported.get("measure").get("analysis");
        assertThat(analysis.get("median").asDouble()).isEqualTo(8.0);
        JsonNode shift = analysis.get("signals").get(0);
        assertThat(shift.get("rule").asText()).isEqualTo("shift");
        assertThat(shift.get("from").asText()).isEqualTo("2025-02-17");
        assertThat(shift.get("points").asInt()).isEqualTo(7);
        assertThat(shift.get("improving").asBoolean()).isTrue();
        assertThat(imported.get("measure").get("points").get(6).get("rules").get(0).asText()).isEqualTo("shift");

        JsonNode list = WebClient.json(call("GET", "/api/v1/projects?q=chart%20csv&kind=outcome&size=5", carlToken, null), 200);
        assertThat(list.get("total").asInt()).isEqualTo(1);
        assertThat(list.get("items").get(0).get("measures").asInt()).isEqualTo(1);
        assertThat(WebClient.json(call("GET", "/api/v1/projects?q=chart&kind=balancing", carlToken, null), 200).get("total").asInt()).isZero();
        assertThat(WebClient.json(call("GET", "/api/v1/projects?q=chart&sector=acute&person=" + nia.id(), carlToken, null), 200).get("total").asInt()).isEqualTo(1);

        long point = imported.get("measure").get("points").get(0).get("id").asLong();
        WebClient.json(call("DELETE", "/api/v1/points/" + point, niaToken, null), 204);
        assertThat(WebClient.json(call("GET", "/api/v1/projects/" + id, carlToken, null), 200).get("measures").get(0).get("points")).hasSize(12);
        WebClient.json(call("DELETE", "/api/v1/measures/" + measure, leadToken, null), 204);
        assertThat(call("GET", "/api/v1/measures/" + measure, carlToken, null).statusCode()).isEqualTo(404);
    }

    private static HttpResponse<String> csv(long measure, String token, String body) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.url("/api/v1/measures/" + measure + "/points.csv")))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
