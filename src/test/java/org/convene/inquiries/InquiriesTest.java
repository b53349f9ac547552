package org.convene.inquiries;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.convene.accounts.Role;
import org.convene.people.Person;
import org.convene.testing.TestApp;
import org.convene.testing.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Appreciative Inquiry sessions of a published action learning set, through the API and the pages:
 * default prompts, what the group produced, actions agreed in Deliver reaching their owners, and
 * nothing shown to people outside the set.
 */
class InquiriesTest {
    private static final String[] SECTORS = {"acute", "primary", "housing", "vcse"};
    private static TestApp app;
    private static String lead;
    private static final Map<Long, String> tokens = new HashMap<>();
    private static final Map<Long, String> emails = new HashMap<>();
    private static long setId;
    private static List<Long> members;
    private static long outsider;

    @BeforeAll
    static void start() throws Exception {
        app = TestApp.start();
        app.person("Fay Facilitator", "fay@inquiry.example", "local_authority", Role.PROGRAMME_LEAD);
        lead = app.token("fay@inquiry.example");
        StringBuilder ids = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            String email = "ai" + i + "@inquiry.example";
            Person p = app.person("Inquirer " + i, email, SECTORS[i % 4], Role.PARTICIPANT);
            tokens.put(p.id(), app.token(email));
            emails.put(p.id(), email);
            ids.append(ids.length() == 0 ? "" : ",").append(p.id());
        }
        long programme = WebClient.json(call("POST", "/api/v1/programmes", lead, "{\"title\": \"Inquiring leaders\"}"), 201).get("id").asLong();
        long cohort = WebClient.json(call("POST", "/api/v1/programmes/" + programme + "/cohorts", lead, "{\"name\": \"Cohort 1\"}"), 201)
                .get("id").asLong();
        WebClient.json(call("POST", "/api/v1/cohorts/" + cohort + "/enrolments", lead, "{\"personIds\": [" + ids + "]}"), 200);
        JsonNode board = WebClient.json(call("POST", "/api/v1/cohorts/" + cohort + "/sets", lead, "{\"size\": 4, \"seed\": 3}"), 201);
        WebClient.json(call("POST", "/api/v1/cohorts/" + cohort + "/sets/publish", lead, null), 200);
        JsonNode first = board.get("sets").get(0);
        setId = first.get("id").asLong();
        members = new ArrayList<>();
        first.get("members").forEach(m -> members.add(m.get("personId").asLong()));
        outsider = board.get("sets").get(1).get("members").get(0).get("personId").asLong();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static HttpResponse<String> call(String method, String path, String token, String json) {
        return WebClient.api(app, method, path, token, json);
    }

    @Test
    void aSetPlansASessionFromTheDefaultPromptsRecordsWhatItProducedAndItsActionsReachTheirOwners() throws Exception {
        String member = tokens.get(members.get(0));
        JsonNode planned = WebClient.json(call("POST", "/api/v1/sets/" + setId + "/inquiries", member,
                "{\"title\": \"Spring session\", \"topic\": \"Leaving hospital on the right day, to the right place\"}"), 201);
        long id = planned.get("id").asLong();
        for (String phase : List.of("discover", "dream", "design", "deliver")) {
            assertThat(planned.get(phase).get("prompts").asText()).as(phase + " starts from the default prompts").isNotBlank();
            assertThat(planned.get(phase).get("produced").asText()).isEmpty();
        }
        assertThat(planned.get("heldOn").isNull()).isTrue();

        // After the session: what the group produced, and two actions for members. Phases left out keep their text.
        String owner = String.valueOf(members.get(2));
        JsonNode held = WebClient.json(call("PUT", "/api/v1/inquiries/" + id, tokens.get(members.get(1)),
                "{\"title\": \"Spring session\", \"topic\": \"Leaving hospital on the right day, to the right place\", "
                        + "\"heldOn\": \"2027-04-20\", \"discover\": {\"produced\": \"Ward 7 and the housing team planned discharge together\"}, "
                        + "\"design\": {\"prompts\": \"Write three propositions\", \"produced\": \"Discharge is planned with housing from day one\"}, "
                        + "\"actions\": [{\"person\": " + owner + ", \"description\": \"Invite housing to the ward huddle\", \"dueOn\": \"2027-05-01\"}, "
                        + "{\"person\": " + members.get(3) + ", \"description\": \"Share the stories with the board\"}]}"), 200);
        assertThat(held.get("heldOn").asText()).isEqualTo("2027-04-20");
        assertThat(held.get("discover").get("produced").asText()).contains("Ward 7");
        assertThat(held.get("discover").get("prompts").asText()).isEqualTo(planned.get("discover").get("prompts").asText());
        assertThat(held.get("design").get("prompts").asText()).isEqualTo("Write three propositions");
        assertThat(held.get("dream").get("prompts").asText()).isEqualTo(planned.get("dream").get("prompts").asText());
        assertThat(held.get("actions")).hasSize(2);
        JsonNode theirs = WebClient.json(call("GET", "/api/v1/actions", tokens.get(members.get(2)), null), 200);
        assertThat(theirs).hasSize(1);
        assertThat(theirs.get(0).get("link").asText()).isEqualTo("/inquiries/" + id);

        // The set and the programme team see it; a member of another set learns nothing.
        assertThat(WebClient.json(call("GET", "/api/v1/sets/" + setId + "/inquiries", lead, null), 200)).hasSize(1);
        assertThat(WebClient.json(call("GET", "/api/v1/inquiries/" + id, tokens.get(members.get(3)), null), 200).get("title").asText())
                .isEqualTo("Spring session");
        assertThat(call("GET", "/api/v1/inquiries/" + id, tokens.get(outsider), null).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/sets/" + setId + "/inquiries", tokens.get(outsider), null).statusCode()).isEqualTo(404);
        assertThat(call("PUT", "/api/v1/inquiries/" + id, tokens.get(outsider), "{\"title\": \"x\", \"topic\": \"y\"}").statusCode())
                .isEqualTo(404);
    }

    @Test
    void badSessionsAreRefusedWithEveryReasonAndNothingIsStored() {
        long before = count();
        HttpResponse<String> bad = call("POST", "/api/v1/sets/" + setId + "/inquiries", tokens.get(members.get(0)),
                "{\"title\": \"\", \"topic\": \"\", \"heldOn\": \"next Tuesday\", \"dream\": {\"produced\": \"" + "x".repeat(4001) + "\"}, "
                        + "\"actions\": [{\"person\": " + outsider + ", \"description\": \"Not one of us\"}]}");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("Enter a title").contains("affirmative topic").contains("year-month-day")
                .contains("4,000 characters").contains("Choose a member of the set");
        assertThat(call("POST", "/api/v1/sets/" + setId + "/inquiries", tokens.get(members.get(0)), "{\"title\": \"t\", \"topic\": \"t\", \"colour\": 1}")
                .statusCode()).as("unknown field").isEqualTo(400);
        assertThat(call("POST", "/api/v1/sets/999999/inquiries", lead, "{\"title\": \"t\", \"topic\": \"t\"}").statusCode()).isEqualTo(404);
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aMemberPlansAndRecordsASessionOnThePages() {
        WebClient page = app.client();
        page.signIn(emails.get(members.get(1)), TestApp.PASSWORD);
        assertThat(page.get("/sets/" + setId).body()).contains("/sets/" + setId + "/inquiries");
        String form = page.get("/sets/" + setId + "/inquiries/new").body();
        assertThat(form).contains("Discover: prompts").contains("tell a story of a time");
        HttpResponse<String> missing = page.post("/sets/" + setId + "/inquiries", Map.of("title", "", "topic", "Good days"));
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(missing.body()).contains("Enter a title for the session");
        HttpResponse<String> saved = page.post("/sets/" + setId + "/inquiries", Map.of("title", "Autumn session", "topic", "Good days at home",
                "discoverPrompts", "Tell us about a good day", "dreamProduced", "A map of the street in 2030",
                "action-0", "Walk the street with the district nurse", "actionPerson-0", String.valueOf(members.get(0))));
        assertThat(saved.statusCode()).isEqualTo(302);
        long id = WebClient.idFrom(saved, "/inquiries/");
        String shown = page.get("/inquiries/" + id).body();
        assertThat(shown).contains("Tell us about a good day").contains("A map of the street in 2030")
                .contains("Walk the street with the district nurse");
        assertThat(page.get("/sets/" + setId + "/inquiries").body()).contains("Autumn session").contains("Being planned");
        WebClient other = app.client();
        other.signIn(emails.get(outsider), TestApp.PASSWORD);
        assertThat(other.get("/inquiries/" + id).statusCode()).isEqualTo(404);
        assertThat(other.get("/sets/" + setId + "/inquiries/new").statusCode()).isEqualTo(404);
    }

    private static long count() {
        return app.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM inquiry_sessions").mapTo(Long.class).one());
    }
}
