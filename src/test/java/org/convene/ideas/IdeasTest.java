package org.convene.ideas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.convene.accounts.Role;
import org.convene.testing.TestApp;
import org.convene.testing.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ideas boards through the API and the pages: propose, one vote each, secret ballots, comments,
 * results as CSV, an idea becoming an event with its supporters emailed once, and a closed
 * community's board hidden from outsiders.
 */
class IdeasTest {
    private static TestApp app;
    private static String convenor;
    private static String voter;
    private static String outsider;
    private static long community;
    private static long closed;

    @BeforeAll
    static void start() throws Exception {
        app = TestApp.start();
        app.person("Cleo Convenor", "cleo@ideas.example", "housing", Role.PARTICIPANT);
        app.person("Vic Voter", "vic@ideas.example", "acute", Role.PARTICIPANT);
        app.person("Ola Outsider", "ola@ideas.example", "vcse", Role.PARTICIPANT);
        convenor = app.token("cleo@ideas.example");
        voter = app.token("vic@ideas.example");
        outsider = app.token("ola@ideas.example");
        community = WebClient.json(call("POST", "/api/v1/communities", convenor, "{\"name\": \"Co-production\", \"problem\": \"Services designed without the people who use them\"}"), 201)
                .get("id").asLong();
        WebClient.json(call("POST", "/api/v1/communities/" + community + "/membership", voter, null), 201);
        closed = WebClient.json(call("POST", "/api/v1/communities", convenor, "{\"name\": \"Closed ideas\", \"problem\": \"Private\", \"joining\": \"request\"}"), 201)
                .get("id").asLong();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static HttpResponse<String> call(String method, String path, String token, String json) {
        return WebClient.api(app, method, path, token, json);
    }

    @Test
    void ideasAreVotedOnceEachAndOneBecomesAnEventWhoseSupportersAreTold() throws Exception {
        long party = WebClient.json(call("POST", "/api/v1/communities/" + community + "/ideas", voter,
                "{\"title\": \"A co-produced party\", \"description\": \"With the people who use the services\"}"), 201).get("id").asLong();
        long secret = WebClient.json(call("POST", "/api/v1/communities/" + community + "/ideas", convenor,
                "{\"title\": \"A cinema club\", \"secretBallot\": true}"), 201).get("id").asLong();
        assertThat(call("POST", "/api/v1/communities/" + community + "/ideas", outsider, "{\"title\": \"x\"}").statusCode()).as("members").isEqualTo(403);

        WebClient.json(call("PUT", "/api/v1/ideas/" + party + "/vote", voter, "{\"inFavour\": true}"), 200);
        assertThat(WebClient.json(call("PUT", "/api/v1/ideas/" + party + "/vote", voter, "{\"inFavour\": true}"), 200).get("votes").asInt())
                .as("one vote each").isEqualTo(1);
        WebClient.json(call("PUT", "/api/v1/ideas/" + party + "/vote", convenor, "{\"inFavour\": true}"), 200);
        WebClient.json(call("PUT", "/api/v1/ideas/" + secret + "/vote", voter, "{\"inFavour\": true}"), 200);
        assertThat(WebClient.json(call("PUT", "/api/v1/ideas/" + secret + "/vote", voter, "{\"inFavour\": false}"), 200).get("votes").asInt()).isZero();
        WebClient.json(call("PUT", "/api/v1/ideas/" + secret + "/vote", voter, "{\"inFavour\": true}"), 200);
        WebClient.json(call("POST", "/api/v1/ideas/" + party + "/comments", convenor, "{\"body\": \"Let's ask the carers' group\"}"), 201);
        assertThat(call("POST", "/api/v1/ideas/" + party + "/comments", convenor, "{\"body\": \" \"}").statusCode()).isEqualTo(422);

        JsonNode board = WebClient.json(call("GET", "/api/v1/ideas?community=" + community, outsider, null), 200);
        assertThat(board.get(0).get("title").asText()).as("the most voted first").isEqualTo("A co-produced party");
        assertThat(WebClient.json(call("GET", "/api/v1/ideas/" + party, outsider, null), 200).get("voters").toString())
                .contains("Vic Voter").contains("Cleo Convenor");
        assertThat(WebClient.json(call("GET", "/api/v1/ideas/" + secret, outsider, null), 200).get("voters")).as("secret ballot").isEmpty();

        // It becomes an event: the author and voters are emailed once, however often it is recorded.
        long event = WebClient.json(call("POST", "/api/v1/communities/" + community + "/events", convenor, "{\"title\": \"The party\", "
                + "\"date\": \"2030-07-01\", \"startTime\": \"17:00\", \"endTime\": \"21:00\", \"location\": \"Town hall\"}"), 201).get("id").asLong();
        assertThat(call("PUT", "/api/v1/ideas/" + party + "/event", voter, "{\"eventId\": " + event + "}").statusCode()).isEqualTo(403);
        assertThat(WebClient.json(call("PUT", "/api/v1/ideas/" + party + "/event", convenor, "{\"eventId\": " + event + "}"), 200)
                .get("eventTitle").asText()).isEqualTo("The party");
        WebClient.json(call("PUT", "/api/v1/ideas/" + party + "/event", convenor, "{\"eventId\": " + event + "}"), 200);
        long emails = app.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM outbox WHERE subject = 'Your idea is happening: The party'")
                .mapTo(Long.class).one());
        assertThat(emails).isEqualTo(2);
        assertThat(call("PUT", "/api/v1/ideas/" + party + "/event", convenor, "{\"eventId\": 999999}").statusCode()).isEqualTo(422);

        WebClient page = app.client();
        page.signIn("vic@ideas.example", TestApp.PASSWORD);
        String csv = page.get("/ideas.csv?community=" + community).body();
        assertThat(csv).startsWith("idea,author,votes,comments,voters,became,project").contains("A co-produced party,Vic Voter,2,1,Vic Voter; Cleo Convenor,The party,")
                .contains("A cinema club,Cleo Convenor,1,0,(secret ballot),");
    }

    @Test
    void anIdeaBecomesAProjectWhoseOriginItIs() throws Exception {
        long idea = WebClient.json(call("POST", "/api/v1/communities/" + community + "/ideas", voter, "{\"title\": \"Peer discharge buddies\"}"), 201)
                .get("id").asLong();
        WebClient.json(call("PUT", "/api/v1/ideas/" + idea + "/vote", convenor, "{\"inFavour\": true}"), 200);
        long project = WebClient.json(call("POST", "/api/v1/projects", convenor, "{\"title\": \"Discharge buddies pilot\"}"), 201).get("id").asLong();
        assertThat(call("PUT", "/api/v1/ideas/" + idea + "/project", voter, "{\"projectId\": " + project + "}").statusCode()).isEqualTo(403);
        assertThat(WebClient.json(call("PUT", "/api/v1/ideas/" + idea + "/project", convenor, "{\"projectId\": " + project + "}"), 200)
                .get("projectTitle").asText()).isEqualTo("Discharge buddies pilot");
        WebClient.json(call("PUT", "/api/v1/ideas/" + idea + "/project", convenor, "{\"projectId\": " + project + "}"), 200);
        long emails = app.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM outbox WHERE subject = 'Your idea is now a project: Discharge buddies pilot'")
                .mapTo(Long.class).one());
        assertThat(emails).as("the author and the voter, once").isEqualTo(2);
        String origin = app.jdbi().withHandle(h -> h.createQuery("SELECT origin_kind || ':' || origin_id FROM projects WHERE id = :p").bind("p", project)
                .mapTo(String.class).one());
        assertThat(origin).isEqualTo("idea:" + idea);
        assertThat(call("PUT", "/api/v1/ideas/" + idea + "/project", convenor, "{\"projectId\": 999999}").statusCode()).isEqualTo(422);
    }

    @Test
    void aClosedCommunitysBoardIsHiddenFromOutsiders() throws Exception {
        long idea = WebClient.json(call("POST", "/api/v1/communities/" + closed + "/ideas", convenor, "{\"title\": \"Private idea\"}"), 201)
                .get("id").asLong();
        assertThat(call("GET", "/api/v1/ideas?community=" + closed, outsider, null).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/ideas/" + idea, outsider, null).statusCode()).isEqualTo(404);
        assertThat(call("PUT", "/api/v1/ideas/" + idea + "/vote", outsider, "{\"inFavour\": true}").statusCode()).isEqualTo(404);
        assertThat(call("POST", "/api/v1/ideas", outsider, "{\"title\": \"\"}").body()).contains("Give the idea a title");
        assertThat(call("GET", "/api/v1/ideas?community=abc", outsider, null).statusCode()).isEqualTo(422);
    }

    @Test
    void peopleProposeVoteAndCommentOnThePages() {
        WebClient page = app.client();
        page.signIn("ola@ideas.example", TestApp.PASSWORD);
        page.get("/ideas");
        HttpResponse<String> missing = page.post("/ideas", Map.of("title", ""));
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(missing.body()).contains("Give the idea a title");
        HttpResponse<String> proposed = page.post("/ideas", Map.of("title", "A system-wide story exchange", "secretBallot", "true"));
        assertThat(proposed.statusCode()).isEqualTo(302);
        long id = WebClient.idFrom(proposed, "/ideas/");
        assertThat(page.post("/ideas/" + id + "/vote", Map.of("inFavour", "true")).statusCode()).isEqualTo(302);
        assertThat(page.get("/ideas/" + id).body()).contains("1 vote (secret ballot)").contains("Take back my vote");
        assertThat(page.post("/ideas/" + id + "/comments", Map.of("body", "Count me in")).statusCode()).isEqualTo(302);
        assertThat(page.get("/ideas").body()).contains("A system-wide story exchange");
    }

    @Test
    void coAuthoringAnIdeaConnectsItsWritersInTheNetwork() throws Exception {
        long idea = WebClient.json(call("POST", "/api/v1/communities/" + community + "/ideas", voter,
                "{\"title\": \"Peer support on the ward\"}"), 201).get("id").asLong();
        long cleo = app.jdbi().withHandle(h -> h.createQuery("SELECT id FROM people WHERE email = 'cleo@ideas.example'").mapTo(Long.class).one());
        long ola = app.jdbi().withHandle(h -> h.createQuery("SELECT id FROM people WHERE email = 'ola@ideas.example'").mapTo(Long.class).one());
        assertThat(call("POST", "/api/v1/ideas/" + idea + "/coauthors", voter, "{\"person\": " + ola + "}").statusCode())
                .as("Ola is not a member").isEqualTo(422);
        assertThat(call("POST", "/api/v1/ideas/" + idea + "/coauthors", voter, "{}").statusCode()).isEqualTo(422);
        assertThat(call("POST", "/api/v1/ideas/" + idea + "/coauthors", voter, "{\"person\": 99999999}").statusCode()).isEqualTo(422);
        assertThat(WebClient.json(call("POST", "/api/v1/ideas/" + idea + "/coauthors", voter, "{\"person\": " + cleo + "}"), 201).get(0).asText())
                .isEqualTo("Cleo Convenor");
        assertThat(call("POST", "/api/v1/ideas/" + idea + "/coauthors", voter, "{\"person\": " + cleo + "}").statusCode()).isEqualTo(409);
        assertThat(call("POST", "/api/v1/ideas/" + idea + "/coauthors", outsider, "{\"person\": " + cleo + "}").statusCode()).isEqualTo(403);
        JsonNode detail = WebClient.json(call("GET", "/api/v1/ideas/" + idea, convenor, null), 200);
        assertThat(detail.get("coauthors").get(0).asText()).isEqualTo("Cleo Convenor");
        assertThat(detail.get("wrote").asBoolean()).isTrue();
        int ties = app.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM ties WHERE source = 'idea' AND source_ref = :r AND kind = 'collaborate'")
                .bind("r", "idea:" + idea).mapTo(Integer.class).one());
        assertThat(ties).as("Vic and Cleo wrote it together").isEqualTo(1);

        // The page: an unknown email is shown against the field.
        WebClient page = app.client();
        page.signIn("vic@ideas.example", TestApp.PASSWORD);
        page.get("/ideas/" + idea);
        HttpResponse<String> unknown = page.post("/ideas/" + idea + "/coauthors", Map.of("email", "nobody@ideas.example"));
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body()).contains("Nobody in the directory has the email address nobody@ideas.example");
    }
}
