package org.convene.coaching;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.convene.accounts.Role;
import org.convene.people.Person;
import org.convene.testing.TestApp;
import org.convene.testing.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GROW conversations through the API and the pages: private to coach and coachee, actions on the owner's list. */
class CoachingTest {
    private static TestApp app;
    private static Person coach;
    private static Person coachee;
    private static String coachToken;
    private static String coacheeToken;
    private static String outsiderToken;
    private static String adminToken;

    @BeforeAll
    static void start() {
        app = TestApp.start();
        coach = app.person("Cora Coach", "cora@coaching.example", "primary", Role.PARTICIPANT);
        coachee = app.person("Cal Coachee", "cal@coaching.example", "housing", Role.PARTICIPANT);
        app.person("Olly Outsider", "olly@coaching.example", "acute", Role.PARTICIPANT);
        app.person("Ada Admin", "ada@coaching.example", "acute", Role.ADMIN);
        coachToken = app.token("cora@coaching.example");
        coacheeToken = app.token("cal@coaching.example");
        outsiderToken = app.token("olly@coaching.example");
        adminToken = app.token("ada@coaching.example");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static HttpResponse<String> call(String method, String path, String token, String json) {
        return WebClient.api(app, method, path, token, json);
    }


    @Test
    void aConversationIsSeenOnlyByItsCoachAndCoacheeAndItsActionsReachTheirOwners() throws Exception {
        String body = "{\"coachee\": " + coachee.id() + ", \"heldOn\": \"2027-01-10\", \"goal\": \"Lead the discharge pilot\", "
                + "\"reality\": \"No one owns the Friday delays\", \"options\": \"Ask the ward; ask housing\", \"will\": \"Start with housing\", "
                + "\"reviewOn\": \"2027-02-10\", \"actions\": [{\"person\": " + coachee.id() + ", \"description\": \"Meet the housing lead\", "
                + "\"dueOn\": \"2027-01-24\"}, {\"person\": " + coach.id() + ", \"description\": \"Send the GROW notes\"}]}";
        JsonNode created = WebClient.json(call("POST", "/api/v1/coaching", coachToken, body), 201);
        long id = created.get("id").asLong();
        assertThat(created.get("actions")).hasSize(2);
        assertThat(WebClient.json(call("GET", "/api/v1/coaching/" + id, coacheeToken, null), 200).get("goal").asText()).isEqualTo("Lead the discharge pilot");
        assertThat(call("GET", "/api/v1/coaching/" + id, outsiderToken, null).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/coaching/" + id, adminToken, null).statusCode()).as("not even administrators").isEqualTo(404);
        assertThat(WebClient.json(call("GET", "/api/v1/coaching", outsiderToken, null), 200)).isEmpty();
        JsonNode mine = WebClient.json(call("GET", "/api/v1/actions", coacheeToken, null), 200);
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).get("link").asText()).isEqualTo("/coaching/" + id);

        // The coachee adds their own note to the record; the coachee cannot be swapped.
        String update = body.replace("Start with housing", "Start with housing, then the ward").replace(", \"actions\": [", ", \"actions\": [], \"x\": [");
        assertThat(call("PUT", "/api/v1/coaching/" + id, coacheeToken, update).statusCode()).as("unknown field").isEqualTo(400);
        String clean = "{\"coachee\": " + coachee.id() + ", \"heldOn\": \"2027-01-10\", \"goal\": \"Lead the discharge pilot\", "
                + "\"will\": \"Start with housing, then the ward\"}";
        assertThat(WebClient.json(call("PUT", "/api/v1/coaching/" + id, coacheeToken, clean), 200).get("will").asText()).endsWith("then the ward");
        long olly = app.jdbi().withHandle(h -> h.createQuery("SELECT id FROM people WHERE email = 'olly@coaching.example'")
                .mapTo(Long.class).one());
        String swapped = clean.replace(String.valueOf(coachee.id()), String.valueOf(olly));
        assertThat(call("PUT", "/api/v1/coaching/" + id, coachToken, swapped).statusCode()).isEqualTo(422);
        assertThat(call("PUT", "/api/v1/coaching/" + id, outsiderToken, clean).statusCode()).isEqualTo(404);
    }

    @Test
    void badRecordsAreRefusedWithTheirReasonsAndNothingIsStored() throws Exception {
        long before = app.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM coaching_conversations").mapTo(Long.class).one());
        HttpResponse<String> bad = call("POST", "/api/v1/coaching", coachToken, "{\"coachee\": " + coach.id()
                + ", \"heldOn\": \"10 January\", \"goal\": \"\", \"reviewOn\": \"2020-01-01\", \"actions\": [{\"person\": 999999, \"description\": \"x\"}]}");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("You cannot record a conversation with yourself").contains("year-month-day")
                .contains("Write down the goal").contains("Choose the coach or the coachee");
        assertThat(call("POST", "/api/v1/coaching", coachToken, "{\"coachee\": 999999, \"heldOn\": \"2027-01-10\", \"goal\": \"g\"}")
                .statusCode()).isEqualTo(422);
        long after = app.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM coaching_conversations").mapTo(Long.class).one());
        assertThat(after).isEqualTo(before);
    }

    @Test
    void theCoachRecordsAConversationOnThePagesNamingTheCoacheeByEmail() {
        WebClient page = app.client();
        page.signIn("cora@coaching.example", TestApp.PASSWORD);
        page.get("/coaching/new");
        HttpResponse<String> unknown = page.post("/coaching", Map.of("coacheeEmail", "nobody@coaching.example", "heldOn", "2027-03-01", "goal", "g"));
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body()).contains("Nobody in the directory has the email address nobody@coaching.example");
        HttpResponse<String> saved = page.post("/coaching", Map.of("coacheeEmail", "cal@coaching.example", "heldOn", "2027-03-01",
                "goal", "Speak at the board", "action-0", "Draft the board paper", "actionPerson-0", "coachee", "actionDue-0", "2027-03-08"));
        assertThat(saved.statusCode()).isEqualTo(302);
        long id = WebClient.idFrom(saved, "/coaching/");
        assertThat(page.get("/coaching").body()).contains("Cal Coachee (you coached)");
        assertThat(page.get("/coaching/" + id).body()).contains("Speak at the board").contains("Cal Coachee: Draft the board paper");
        WebClient theCoachee = app.client();
        theCoachee.signIn("cal@coaching.example", TestApp.PASSWORD);
        assertThat(theCoachee.get("/").body()).contains("Draft the board paper");
        WebClient outsider = app.client();
        outsider.signIn("olly@coaching.example", TestApp.PASSWORD);
        assertThat(outsider.get("/coaching/" + id).statusCode()).isEqualTo(404);
    }
}
