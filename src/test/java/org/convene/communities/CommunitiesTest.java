package org.convene.communities;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.convene.accounts.Role;
import org.convene.db.ChangeFeed;
import org.convene.people.People;
import org.convene.people.PersonInput;
import org.convene.testing.TestApp;
import org.convene.testing.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Communities of practice through the API and the pages: starting one, joining and asking to
 * join, convenors' decisions, discussions with sanitised Markdown, and a request-to-join
 * community's discussions invisible to outsiders.
 */
class CommunitiesTest {
    private static TestApp app;
    private static String ann;
    private static String bob;
    private static String cy;
    private static long bobId;
    private static long cyId;

    @BeforeAll
    static void start() {
        app = TestApp.start();
        app.person("Ann Founder", "ann@cop.example", "housing", Role.PARTICIPANT);
        bobId = app.person("Bob Member", "bob@cop.example", "acute", Role.PARTICIPANT).id();
        cyId = app.person("Cy Outsider", "cy@cop.example", "vcse", Role.PARTICIPANT).id();
        ann = app.token("ann@cop.example");
        bob = app.token("bob@cop.example");
        cy = app.token("cy@cop.example");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static HttpResponse<String> call(String method, String path, String token, String json) {
        return WebClient.api(app, method, path, token, json);
    }

    @Test
    void anOpenCommunityWelcomesAnyoneAndItsDiscussionsRenderSafely() throws Exception {
        JsonNode c = WebClient.json(call("POST", "/api/v1/communities", ann,
                "{\"name\": \"Discharge to home\", \"problem\": \"People wait in hospital for care at home\"}"), 201);
        long id = c.get("id").asLong();
        assertThat(c.get("joining").asText()).isEqualTo("open");
        assertThat(call("POST", "/api/v1/communities", bob, "{\"name\": \"discharge TO home\", \"problem\": \"Again\"}").statusCode())
                .as("names are unique whatever their case").isEqualTo(409);

        assertThat(call("POST", "/api/v1/communities/" + id + "/discussions", bob, "{\"title\": \"Hi\", \"body\": \"Hello\"}").statusCode())
                .as("join first").isEqualTo(403);
        assertThat(WebClient.json(call("POST", "/api/v1/communities/" + id + "/membership", bob, null), 201).get("status").asText())
                .isEqualTo("active");
        JsonNode started = WebClient.json(call("POST", "/api/v1/communities/" + id + "/discussions", bob,
                "{\"title\": \"Friday discharges\", \"body\": \"We **tried** a huddle <script>alert(1)</script> [plan](javascript:alert(2))\"}"), 201);
        long discussion = started.get("discussion").get("id").asLong();
        String html = started.get("posts").get(0).get("html").asText();
        assertThat(html).contains("<strong>tried</strong>").doesNotContain("<script").doesNotContain("javascript:");
        WebClient.json(call("POST", "/api/v1/discussions/" + discussion + "/posts", ann, "{\"body\": \"Thanks Bob\"}"), 201);
        assertThat(call("POST", "/api/v1/discussions/" + discussion + "/posts", ann, "{\"body\": \"  \"}").statusCode()).isEqualTo(422);

        // Anyone signed in reads an open community's discussions; only convenors pin.
        JsonNode read = WebClient.json(call("GET", "/api/v1/discussions/" + discussion, cy, null), 200);
        assertThat(read.get("posts")).hasSize(2);
        assertThat(call("PUT", "/api/v1/discussions/" + discussion + "/pin", bob, "{\"pinned\": true}").statusCode()).isEqualTo(403);
        assertThat(WebClient.json(call("PUT", "/api/v1/discussions/" + discussion + "/pin", ann, "{\"pinned\": true}"), 200)
                .get("pinned").asBoolean()).isTrue();

        // The founder is the only convenor: she cannot leave until she names another.
        assertThat(call("DELETE", "/api/v1/communities/" + id + "/membership", ann, null).statusCode()).isEqualTo(409);
        WebClient.json(call("PUT", "/api/v1/communities/" + id + "/members/" + bobId, ann, "{\"role\": \"convenor\"}"), 200);
        assertThat(call("DELETE", "/api/v1/communities/" + id + "/membership", ann, null).statusCode()).isEqualTo(204);
        assertThat(WebClient.json(call("GET", "/api/v1/communities/" + id, bob, null), 200).get("convenes").asBoolean()).isTrue();
    }

    @Test
    void aRequestToJoinCommunityKeepsItsDiscussionsToItsMembers() throws Exception {
        long id = WebClient.json(call("POST", "/api/v1/communities", ann, "{\"name\": \"Carers' circle\", "
                + "\"problem\": \"Unpaid carers are left out of discharge planning\", \"joining\": \"request\"}"), 201).get("id").asLong();
        long discussion = WebClient.json(call("POST", "/api/v1/communities/" + id + "/discussions", ann,
                "{\"title\": \"Private\", \"body\": \"Only for us\"}"), 201).get("discussion").get("id").asLong();

        assertThat(WebClient.json(call("POST", "/api/v1/communities/" + id + "/membership", cy, null), 201).get("status").asText())
                .isEqualTo("requested");
        assertThat(call("GET", "/api/v1/discussions/" + discussion, cy, null).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/communities/" + id + "/discussions", cy, null).statusCode()).isEqualTo(404);
        JsonNode asCy = WebClient.json(call("GET", "/api/v1/communities/" + id, cy, null), 200);
        assertThat(asCy.get("readsDiscussions").asBoolean()).isFalse();
        assertThat(asCy.get("discussions")).isEmpty();
        assertThat(WebClient.json(call("GET", "/api/v1/communities/" + id + "/members", cy, null), 200).get("items"))
                .as("requests are for convenors").hasSize(1);
        assertThat(WebClient.json(call("GET", "/api/v1/communities/" + id + "/members", ann, null), 200).get("items")).hasSize(2);
        assertThat(call("PUT", "/api/v1/communities/" + id + "/members/" + cyId, ann, "{\"role\": \"convenor\"}").statusCode())
                .as("accept first").isEqualTo(409);
        assertThat(call("PUT", "/api/v1/communities/" + id + "/members/" + cyId, cy, "{\"status\": \"active\"}").statusCode()).isEqualTo(403);
        WebClient.json(call("PUT", "/api/v1/communities/" + id + "/members/" + cyId, ann, "{\"status\": \"active\"}"), 200);
        assertThat(WebClient.json(call("GET", "/api/v1/discussions/" + discussion, cy, null), 200).get("posts")).hasSize(1);
    }

    @Test
    void badInputIsRefusedWithItsReasons() {
        HttpResponse<String> bad = call("POST", "/api/v1/communities", ann, "{\"name\": \"\", \"problem\": \"\", \"place\": \"Atlantis\", \"joining\": \"invite\"}");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("Enter a name").contains("the problem the community works on").contains("Unknown place")
                .contains("open or request");
        assertThat(call("POST", "/api/v1/communities", ann, "{\"name\": \"x\", \"problem\": \"y\", \"colour\": 1}").statusCode()).isEqualTo(400);
        assertThat(call("GET", "/api/v1/communities/999999", ann, null).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/discussions/999999", ann, null).statusCode()).isEqualTo(404);
    }

    @Test
    void peopleStartJoinAndDiscussOnThePages() {
        WebClient founder = app.client();
        founder.signIn("ann@cop.example", TestApp.PASSWORD);
        founder.get("/communities/new");
        HttpResponse<String> missing = founder.post("/communities", Map.of("name", "", "problem", ""));
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(missing.body()).contains("Enter a name for the community");
        HttpResponse<String> started = founder.post("/communities", Map.of("name", "Cinema club", "problem", "Films that start conversations about care",
                "joining", "request"));
        assertThat(started.statusCode()).isEqualTo(302);
        long id = WebClient.idFrom(started, "/communities/");

        WebClient member = app.client();
        member.signIn("bob@cop.example", TestApp.PASSWORD);
        assertThat(member.get("/communities/" + id).body()).contains("Ask to join").contains("discussions are for its members");
        assertThat(member.post("/communities/" + id + "/join", Map.of()).statusCode()).isEqualTo(302);
        assertThat(founder.get("/communities/" + id).body()).contains("Asking to join").contains("Bob Member");
        assertThat(founder.post("/communities/" + id + "/members/" + bobId, Map.of("decision", "accept")).statusCode()).isEqualTo(302);
        member.get("/communities/" + id);
        HttpResponse<String> post = member.post("/communities/" + id + "/discussions", Map.of("title", "First film", "body", "How about _Ken Loach_?"));
        assertThat(post.statusCode()).isEqualTo(302);
        long discussion = WebClient.idFrom(post, "/discussions/");
        assertThat(member.get("/discussions/" + discussion).body()).contains("<em>Ken Loach</em>");
        HttpResponse<String> empty = member.post("/discussions/" + discussion + "/posts", Map.of("body", ""));
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("Write your reply");
        assertThat(member.get("/communities/" + id + "/members").body()).contains("Ann Founder").contains("Convenor");
        WebClient outsider = app.client();
        outsider.signIn("cy@cop.example", TestApp.PASSWORD);
        assertThat(outsider.get("/discussions/" + discussion).statusCode()).isEqualTo(404);
    }

    @Test
    void convenorsChangeTheirCommunityOnItsEditPage() throws Exception {
        long falls = WebClient.json(call("POST", "/api/v1/communities", ann, "{\"name\": \"Falls prevention\", \"problem\": \"Falls send older people to hospital\"}"), 201)
                .get("id").asLong();
        WebClient.json(call("POST", "/api/v1/communities", ann, "{\"name\": \"Frailty at home\", \"problem\": \"Frail people wait for care\"}"), 201);
        String edit = "/communities/" + falls + "/edit";
        WebClient convenor = app.client();
        convenor.signIn("ann@cop.example", TestApp.PASSWORD);
        assertThat(convenor.get("/communities/" + falls).body()).contains("href=\"" + edit + "\"");
        HttpResponse<String> form = convenor.get(edit);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Change the community").contains("value=\"Falls prevention\"").contains("Save the changes");

        HttpResponse<String> empty = convenor.post(edit, Map.of("name", "", "problem", "", "joining", "open"));
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("govuk-error-summary").contains("Enter a name for the community");
        HttpResponse<String> taken = convenor.post(edit, Map.of("name", "FRAILTY at home", "problem", "Falls", "joining", "open"));
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(taken.body()).contains("govuk-error-summary").contains("There is already a community with that name")
                .contains("value=\"FRAILTY at home\"").contains("action=\"" + edit + "\"");
        HttpResponse<String> saved = convenor.post(edit, Map.of("name", "Falls prevention, Leeds", "problem", "Falls send older people to hospital",
                "description", "Physios, carers and housing", "place", "", "joining", "request"));
        assertThat(saved.statusCode()).isEqualTo(302);
        JsonNode changed = WebClient.json(call("GET", "/api/v1/communities/" + falls, ann, null), 200).get("community");
        assertThat(changed.get("name").asText()).isEqualTo("Falls prevention, Leeds");
        assertThat(changed.get("joining").asText()).isEqualTo("request");

        WebClient member = app.client();
        member.signIn("bob@cop.example", TestApp.PASSWORD);
        assertThat(member.get(edit).statusCode()).isEqualTo(403);
        member.get("/communities/" + falls);
        assertThat(member.post(edit, Map.of("name", "Mine now", "problem", "x", "joining", "open")).statusCode()).isEqualTo(403);
        WebClient admin = app.client();
        admin.signIn("admin@test.example", "admin password 123");
        assertThat(admin.get(edit).statusCode()).as("administrators change any community").isEqualTo(200);
    }

    @Test
    void theMembersListFiltersAsTheDirectoryDoes() throws Exception {
        long id = WebClient.json(call("POST", "/api/v1/communities", ann, "{\"name\": \"Breathe easy\", \"problem\": \"Damp homes make COPD worse\"}"), 201)
                .get("id").asLong();
        People people = new People(app.jdbi(), ChangeFeed.polling(app.jdbi()));
        Communities communities = new Communities(app.jdbi());
        for (PersonInput p : List.of(
                person("Nia Nurse", "Respiratory nurse", "nurse", "community", "Leeds", "COPD and damp housing"),
                person("Ade Adviser", "Debt adviser", "adviser", "vcse", "Leeds", "COPD and damp housing"),
                person("Gita Doctor", "GP partner", "doctor", "primary", "Bradford", "diabetes"))) {
            communities.join(id, people.create(p).id());
        }
        people.create(person("Nia Elsewhere", "Nurse", "nurse", "community", "Leeds", "COPD and damp housing"));
        long leeds = app.jdbi().withHandle(h -> h.createQuery("SELECT id FROM places WHERE name = 'Leeds'").mapTo(Long.class).one());

        String members = "/api/v1/communities/" + id + "/members";
        assertThat(names(members + "?interest=COPD%20and%20damp%20housing")).containsExactly("Ade Adviser", "Nia Nurse");
        assertThat(names(members + "?sector=community")).containsExactly("Nia Nurse");
        assertThat(names(members + "?place=" + leeds)).containsExactly("Ade Adviser", "Nia Nurse");
        assertThat(names(members + "?q=nia")).containsExactly("Nia Nurse");
        assertThat(names(members + "?profession=NURSE&place=" + leeds)).containsExactly("Nia Nurse");
        assertThat(names(members + "?q=respiratory%20nur")).as("words match as in the directory, the last as a prefix").containsExactly("Nia Nurse");
        JsonNode second = WebClient.json(call("GET", members + "?size=2&page=2", bob, null), 200);
        assertThat(second.get("total").asInt()).isEqualTo(4);
        assertThat(second.get("items").findValuesAsText("name")).as("convenors first, then by name").containsExactly("Gita Doctor", "Nia Nurse");
        assertThat(call("GET", members + "?place=Leeds", bob, null).statusCode()).isEqualTo(400);

        WebClient viewer = app.client();
        viewer.signIn("bob@cop.example", TestApp.PASSWORD);
        String page = viewer.get("/communities/" + id + "/members?sector=vcse").body();
        assertThat(page).contains("role=\"search\" aria-label=\"Members\"").contains("1 of 4 members match").contains("Ade Adviser")
                .doesNotContain("Nia Nurse");
        HttpResponse<String> live = viewer.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.url("/communities/" + id
                + "/members?q=gita"))).header("HX-Request", "true").GET());
        assertThat(live.body()).startsWith("<div id=\"results\">").contains("Gita Doctor").doesNotContain("<html");
    }

    private static List<String> names(String path) throws Exception {
        return WebClient.json(call("GET", path, bob, null), 200).get("items").findValuesAsText("name");
    }

    private static PersonInput person(String name, String job, String profession, String sector, String place, String interest) {
        return new PersonInput(name, null, job, profession, null, sector, place, List.of(interest), "", "", "", "email", "everyone", "everyone");
    }
}
