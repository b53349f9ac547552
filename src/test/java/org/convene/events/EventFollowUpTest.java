package org.convene.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convene.accounts.Role;
import org.convene.app.Config;
import org.convene.mail.OutboxDelivery;
import org.convene.mail.SmtpMailSender;
import org.convene.surveys.Distribution;
import org.convene.surveys.SurveyLinks;
import org.convene.testing.TestApp;
import org.convene.testing.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An event's follow-up survey in the survey engine: the host attaches it from the template and may
 * edit it until the event ends; the engine's distribution then sends each person who came (checked
 * in; everyone confirmed when nobody was) one personal link by real SMTP, exactly once, never to the
 * waitlist or those who cancelled; the answers are counted, and the host sees the results only from
 * five anonymous responses, like any survey. Only the people who run the event reach its survey.
 */
@Tag("db")
class EventFollowUpTest {
    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());
    private static final Pattern LINK = Pattern.compile("https://convene\\.test/s/([0-9]+-[A-Za-z0-9_-]+)");

    private TestApp app;
    private Distribution distribution;
    private OutboxDelivery delivery;
    private String host;
    private long community;
    private final Map<String, String> tokens = new HashMap<>();
    private final Map<String, Long> ids = new HashMap<>();

    @BeforeEach
    void start() throws Exception {
        // The test runs distribution and delivery itself; the app's own jobs would race it for the same rows.
        app = TestApp.startWithoutJobs();
        distribution = new Distribution(app.jdbi(), new SurveyLinks(app.jdbi()), "https://convene.test");
        delivery = new OutboxDelivery(app.jdbi(), new SmtpMailSender(new Config.Smtp("localhost", SMTP.getSmtp().getPort(), "", "",
                "Convene <no-reply@test.example>", false)));
        app.person("Hana Host", "hana@follow.example", "housing", Role.PARTICIPANT);
        host = app.token("hana@follow.example");
        community = WebClient.json(call("POST", "/api/v1/communities", host, "{\"name\": \"Followers\", \"problem\": \"Learning from events\"}"), 201)
                .get("id").asLong();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private HttpResponse<String> call(String method, String path, String token, String json) {
        return WebClient.api(app, method, path, token, json);
    }

    private String person(String name) {
        String email = name.toLowerCase().replace(' ', '.') + "@follow.example";
        ids.put(name, app.person(name, email, "acute", Role.PARTICIPANT).id());
        String token = app.token(email);
        tokens.put(name, token);
        return token;
    }

    private long event(String title, Integer capacity) throws Exception {
        return WebClient.json(call("POST", "/api/v1/communities/" + community + "/events", host, "{\"title\": \"" + title
                + "\", \"date\": \"2030-03-05\", \"startTime\": \"18:30\", \"endTime\": \"20:30\", \"location\": \"The Hub\", \"capacity\": "
                + capacity + "}"), 201).get("id").asLong();
    }

    /** Time passes: the event ended an hour ago (and its follow-up, due at its end, is due now). */
    private void ended(long event) {
        app.jdbi().useHandle(h -> {
            h.createUpdate("UPDATE events SET starts_at = now() - interval '3 hours', ends_at = now() - interval '1 hour' WHERE id = :e")
                    .bind("e", event).execute();
            h.createUpdate("UPDATE surveys SET opens_at = now() - interval '1 hour', closes_at = now() + interval '14 days' "
                    + "WHERE event_id = :e AND status = 'scheduled'").bind("e", event).execute();
        });
    }

    private List<String> invited(long surveyId) {
        return app.jdbi().withHandle(h -> h.createQuery("SELECT p.full_name FROM survey_invitations i JOIN people p ON p.id = i.person_id "
                + "WHERE i.survey_id = :s ORDER BY p.full_name").bind("s", surveyId).mapTo(String.class).list());
    }

    @Test
    void theHostAttachesItAndEachPersonWhoCameGetsOneLinkAfterTheEnd() throws Exception {
        List<String> came = List.of("Ada", "Ben", "Cas", "Dee", "Eli", "Fox");
        for (String name : came) {
            person(name);
        }
        person("Gus Noshow");
        person("Wyn Waits");
        person("Xan Cancels");
        long id = event("Co-production workshop", 8);
        for (String name : came) {
            WebClient.json(call("POST", "/api/v1/events/" + id + "/registration", tokens.get(name), "{}"), 201);
        }
        WebClient.json(call("POST", "/api/v1/events/" + id + "/registration", tokens.get("Gus Noshow"), "{}"), 201);
        WebClient.json(call("POST", "/api/v1/events/" + id + "/registration", tokens.get("Xan Cancels"), "{}"), 201);
        WebClient.json(call("POST", "/api/v1/events/" + id + "/registration", tokens.get("Wyn Waits"), "{}"), 201);
        WebClient.json(call("DELETE", "/api/v1/events/" + id + "/registration", tokens.get("Xan Cancels"), null), 200);
        assertThat(WebClient.json(call("GET", "/api/v1/events/" + id, host, null), 200).get("event").get("waiting").asInt()).isZero();
        // Fill the last place so Wyn's friend waits: capacity 8 = 6 + Gus + Wyn; a ninth person is on the waitlist.
        person("Wyn Friend");
        assertThat(WebClient.json(call("POST", "/api/v1/events/" + id + "/registration", tokens.get("Wyn Friend"), "{}"), 201)
                .get("status").asText()).isEqualTo("waitlisted");

        // Who may attach and see it.
        assertThat(call("GET", "/api/v1/events/" + id + "/survey", host, null).statusCode()).as("none yet").isEqualTo(404);
        assertThat(call("POST", "/api/v1/events/" + id + "/survey", tokens.get("Ada"), "{}").statusCode()).isEqualTo(403);
        JsonNode attached = WebClient.json(call("POST", "/api/v1/events/" + id + "/survey", host, "{}"), 201);
        long surveyId = attached.get("id").asLong();
        assertThat(attached.get("kind").asText()).isEqualTo("event_followup");
        assertThat(attached.get("eventId").asLong()).isEqualTo(id);
        assertThat(attached.get("cohortId").isNull()).isTrue();
        assertThat(attached.get("title").asText()).isEqualTo("How was Co-production workshop?");
        assertThat(attached.get("status").asText()).isEqualTo("scheduled");
        assertThat(attached.get("anonymous").asBoolean()).isTrue();
        assertThat(attached.get("opensAt").asText()).isEqualTo("2030-03-05T20:30:00Z");
        assertThat(attached.get("questions")).hasSize(4);
        assertThat(attached.get("questions").get(0).get("kind").asText()).isEqualTo("likert");
        assertThat(call("POST", "/api/v1/events/" + id + "/survey", host, "{}").statusCode()).as("one per event").isEqualTo(409);
        assertThat(call("GET", "/api/v1/surveys/" + surveyId, tokens.get("Ada"), null).statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/v1/surveys/" + surveyId + "/results", tokens.get("Ada"), null).statusCode()).isEqualTo(403);
        assertThat(WebClient.json(call("GET", "/api/v1/events/" + id + "/survey", host, null), 200).get("id").asLong()).isEqualTo(surveyId);

        // The host edits it with the engine's builder until it opens, and cannot open it before the event ends.
        long added = WebClient.json(call("POST", "/api/v1/surveys/" + surveyId + "/questions", host, "{\"kind\": \"single\", "
                + "\"prompt\": \"How did you hear about it?\", \"options\": [\"The community\", \"A friend\"]}"), 201).get("id").asLong();
        assertThat(call("DELETE", "/api/v1/questions/" + added, tokens.get("Ada"), null).statusCode()).isEqualTo(403);
        assertThat(call("DELETE", "/api/v1/questions/" + added, host, null).statusCode()).isEqualTo(204);
        assertThat(call("POST", "/api/v1/surveys/" + surveyId + "/open", host, "{}").statusCode()).isEqualTo(409);
        assertThat(call("POST", "/api/v1/surveys/" + surveyId + "/schedule", host, "{\"opensAt\": \"2030-03-05T18:00:00Z\"}").body())
                .contains("opens when the event has ended");
        assertThat(distribution.run()).as("not before the event ends").isZero();

        // Five of the six are checked in at the event; the sixth after the survey has opened.
        for (String name : came.subList(0, 5)) {
            WebClient.json(call("PUT", "/api/v1/events/" + id + "/registrations/" + ids.get(name) + "/check-in", host, "{\"arrived\": true}"), 200);
        }
        ended(id);
        assertThat(call("POST", "/api/v1/events/" + id + "/registration", tokens.get("Gus Noshow"), "{}").statusCode())
                .as("no registering for an event that is over").isEqualTo(409);
        assertThat(distribution.run()).isEqualTo(5);
        assertThat(distribution.run()).as("exactly once").isZero();
        WebClient.json(call("PUT", "/api/v1/events/" + id + "/registrations/" + ids.get("Fox") + "/check-in", host, "{\"arrived\": true}"), 200);
        assertThat(distribution.run()).as("checked in late").isEqualTo(1);
        assertThat(distribution.run()).isZero();
        assertThat(invited(surveyId)).containsExactlyElementsOf(came);
        assertThat(call("POST", "/api/v1/surveys/" + surveyId + "/questions", host, "{\"kind\": \"text\", \"prompt\": \"Late\"}").statusCode())
                .as("fixed once open").isEqualTo(409);

        // Every invitation reaches the mail server, once, with a personal link that works.
        assertThat(delivery.deliverDue(100)).as("and Wyn's place from the waitlist").isEqualTo(7);
        List<MimeMessage> received = new ArrayList<>();
        for (MimeMessage m : SMTP.getReceivedMessages()) {
            if (m.getSubject().equals("How was Co-production workshop?")) {
                received.add(m);
            }
        }
        assertThat(received).hasSize(6);
        List<String> links = new ArrayList<>();
        for (MimeMessage m : received) {
            String body = GreenMailUtil.getBody(m).replace("=\r\n", "").replace("=3D", "=");
            assertThat(body).contains("Thank you for coming to Co-production workshop").contains("the event's hosts see only totals")
                    .contains("The hosts of Co-production workshop");
            Matcher link = LINK.matcher(body);
            assertThat(link.find()).as(body).isTrue();
            links.add(link.group(1));
        }
        assertThat(app.client().get("/s/" + links.get(0)).body()).contains("How was Co-production workshop?")
                .contains("the event's hosts only see totals");

        // Four answer: counted, but withheld; the fifth makes the results visible to the host.
        JsonNode questions = WebClient.json(call("GET", "/api/v1/my/surveys/" + surveyId, tokens.get("Ada"), null), 200).get("questions");
        long rating = questions.get(0).get("id").asLong();
        long worked = questions.get(2).get("id").asLong();
        int[] ratings = {5, 4, 4, 5, 3};
        for (int i = 0; i < 5; i++) {
            assertThat(WebClient.json(call("PUT", "/api/v1/my/surveys/" + surveyId, tokens.get(came.get(i)), "{\"answers\": [{\"questionId\": "
                    + rating + ", \"number\": " + ratings[i] + "}, {\"questionId\": " + worked + ", \"text\": \"Mixing sectors at each table\"}], "
                    + "\"submit\": true}"), 200).get("outcome").asText()).isEqualTo("submitted");
            JsonNode results = WebClient.json(call("GET", "/api/v1/surveys/" + surveyId + "/results", host, null), 200);
            assertThat(results.get("responses").asInt()).isEqualTo(i + 1);
            assertThat(results.get("withheld").asBoolean()).isEqualTo(i < 4);
        }
        assertThat(call("GET", "/api/v1/my/surveys/" + surveyId, tokens.get("Gus Noshow"), null).statusCode()).isEqualTo(404);
        JsonNode results = WebClient.json(call("GET", "/api/v1/surveys/" + surveyId + "/results", host, null), 200);
        assertThat(results.get("invited").asInt()).isEqualTo(6);
        assertThat(results.get("items").get(0).get("mean").asDouble()).isEqualTo(4.2);
        assertThat(results.get("comments").toString()).contains("Mixing sectors").doesNotContain("Ada");

        // The host's pages: the event links to the survey, and the engine's results page shows it.
        WebClient page = app.client();
        page.signIn("hana@follow.example", TestApp.PASSWORD);
        assertThat(page.get("/events/" + id).body()).contains("Follow-up survey").contains("5 of 6 people invited have answered")
                .contains("/surveys/" + surveyId + "/results");
        String resultsPage = page.get("/surveys/" + surveyId + "/results").body();
        assertThat(resultsPage).contains("Results: How was Co-production workshop?").contains("5 responses from 6 people invited")
                .contains("/events/" + id + "#follow-up").contains("Mixing sectors");
        WebClient ada = app.client();
        ada.signIn("ada@follow.example", TestApp.PASSWORD);
        assertThat(ada.get("/surveys/" + surveyId + "/results").statusCode()).isEqualTo(403);
        assertThat(ada.get("/surveys/" + surveyId).statusCode()).isEqualTo(403);
        assertThat(ada.get("/my/surveys").body()).contains("Event: Co-production workshop");
    }

    @Test
    void whenNobodyWasCheckedInEveryConfirmedPlaceIsAskedButNotTheWaitlist() throws Exception {
        person("Ana");
        person("Bo");
        person("Cy");
        long id = event("Film night", 2);
        for (String name : List.of("Ana", "Bo", "Cy")) {
            WebClient.json(call("POST", "/api/v1/events/" + id + "/registration", tokens.get(name), "{}"), 201);
        }
        WebClient page = app.client();
        page.signIn("hana@follow.example", TestApp.PASSWORD);
        assertThat(page.get("/events/" + id).body()).contains("Add a follow-up survey");
        HttpResponse<String> added = page.post("/events/" + id + "/survey", Map.of());
        assertThat(added.statusCode()).isEqualTo(302);
        long surveyId = WebClient.idFrom(added, "/surveys/");
        assertThat(page.get("/surveys/" + surveyId).body()).contains("How was Film night?").contains("Change the schedule")
                .contains("Add a question").doesNotContain("Open now and send invitations");
        assertThat(new org.convene.surveys.Surveys(app.jdbi()).get(surveyId).anonymous()).as("the box was left unticked").isFalse();
        ended(id);
        assertThat(distribution.run()).isEqualTo(2);
        assertThat(invited(surveyId)).containsExactly("Ana", "Bo");
        assertThat(distribution.run()).isZero();
    }
}
