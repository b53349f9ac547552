package org.convene.leadership;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
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
 * Leader clusters through the API and the pages: a priority area, candidates with seniority and
 * endorsements, suggestions ranked and explained, a cluster formed with its ties, its sponsor and
 * mentor; who sees what; bad input refused with every reason and nothing stored.
 */
class LeadershipTest {
    private static TestApp app;
    private static String lead;
    private static String sponsorToken;
    private static String outsiderToken;
    private static Person sponsor;
    private static Person mentor;
    private static final List<Person> leaders = new ArrayList<>();

    @BeforeAll
    static void start() {
        app = TestApp.start();
        app.person("Lena Lead", "lena@clusters.example", "local_authority", Role.PROGRAMME_LEAD);
        sponsor = app.person("Sam Sponsor", "sam@clusters.example", "acute", Role.SPONSOR);
        mentor = app.person("Mo Mentor", "mo@clusters.example", "primary", Role.PARTICIPANT);
        app.person("Oz Outsider", "oz@clusters.example", "vcse", Role.PARTICIPANT);
        lead = app.token("lena@clusters.example");
        sponsorToken = app.token("sam@clusters.example");
        outsiderToken = app.token("oz@clusters.example");
        String[][] people = {
            {"Asha Acute", "asha@clusters.example", "acute", "Discharge coordinator", "Hospital discharge;Frailty"},
            {"Hal Housing", "hal@clusters.example", "housing", "Housing officer", "Hospital discharge"},
            {"Cara Care", "cara@clusters.example", "adult_social_care", "Care home manager", "Frailty"},
            {"Ned Nurse", "ned@clusters.example", "community", "District nurse", "Diabetes"},
            {"Ava Acute", "ava@clusters.example", "acute", "Ward manager", "Diabetes"},
        };
        for (String[] p : people) {
            Person person = app.person(p[0], p[1], p[2], Role.PARTICIPANT);
            leaders.add(person);
            app.jdbi().useHandle(h -> h.createUpdate("UPDATE people SET job_title = :t, interests = :i WHERE id = :id")
                    .bind("t", p[3]).bind("i", p[4].split(";")).bind("id", person.id()).execute());
        }
        // Asha and Hal already work together.
        long a = Math.min(leaders.get(0).id(), leaders.get(1).id());
        long b = Math.max(leaders.get(0).id(), leaders.get(1).id());
        app.jdbi().useHandle(h -> h.execute("INSERT INTO ties (person_a, person_b, kind, source) VALUES (?, ?, 'work_together', 'self_reported')", a, b));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static HttpResponse<String> call(String method, String path, String token, String json) {
        return WebClient.api(app, method, path, token, json);
    }

    private static long newArea(String title) throws Exception {
        return WebClient.json(call("POST", "/api/v1/priority-areas", lead, "{\"title\": \"" + title + "\", "
                + "\"improvement\": \"Frail older people go home on the day they are ready\", \"savings\": \"Fewer bed days\", "
                + "\"savingsPerYear\": \"£250,000\", \"topics\": [\"hospital discharge\", \"Frailty\"], \"sponsor\": " + sponsor.id() + "}"), 201)
                .get("id").asLong();
    }

    private static void addCandidates(long area) throws Exception {
        int[] seniority = {4, 3, 5, 2, 3};
        for (int i = 0; i < leaders.size(); i++) {
            WebClient.json(call("POST", "/api/v1/priority-areas/" + area + "/candidates", lead, "{\"person\": " + leaders.get(i).id()
                    + ", \"seniority\": " + seniority[i] + ", \"approach\": \"Ask over coffee\", \"lineManager\": \"Their manager\"}"), 201);
        }
    }

    @Test
    void aLeadGathersCandidatesFormsASuggestedClusterAndTheSponsorSeesIt() throws Exception {
        long area = newArea("Discharge for frail older people");
        JsonNode created = WebClient.json(call("GET", "/api/v1/priority-areas/" + area, lead, null), 200);
        assertThat(created.get("area").get("savingsPerYear").asLong()).isEqualTo(250_000);
        assertThat(created.get("area").get("topics").toString()).as("filed under the directory's topics").contains("\"hospital discharge\"", "\"frailty\"");
        addCandidates(area);
        JsonNode endorsed = WebClient.json(call("POST", "/api/v1/priority-areas/" + area + "/candidates/" + leaders.get(2).id() + "/endorsements",
                lead, "{\"endorser\": " + mentor.id() + ", \"note\": \"Runs the best care home in the city\"}"), 200);
        assertThat(endorsed.get("endorsements")).hasSize(1);

        JsonNode detail = WebClient.json(call("GET", "/api/v1/priority-areas/" + area, lead, null), 200);
        assertThat(detail.get("candidates")).hasSize(5);
        assertThat(detail.get("ties")).hasSize(1);
        assertThat(detail.get("ties").get(0).get("description").asText()).isEqualTo("work together");

        JsonNode suggestions = WebClient.json(call("GET", "/api/v1/priority-areas/" + area + "/suggestions", lead, null), 200);
        assertThat(suggestions.size()).isBetween(1, 10);
        double previous = Double.MAX_VALUE;
        for (JsonNode s : suggestions) {
            assertThat(s.get("members").size()).isBetween(2, 3);
            assertThat(s.get("score").asDouble()).isLessThanOrEqualTo(previous);
            assertThat(s.get("reasons")).isNotEmpty();
            previous = s.get("score").asDouble();
        }
        // The best cluster holds the three people working on the area's topics, across three sectors.
        List<Long> best = new ArrayList<>();
        suggestions.get(0).get("members").forEach(m -> best.add(m.get("personId").asLong()));
        assertThat(best).contains(leaders.get(0).id(), leaders.get(1).id());

        StringBuilder ids = new StringBuilder();
        best.forEach(id -> ids.append(ids.length() == 0 ? "" : ",").append(id));
        JsonNode cluster = WebClient.json(call("POST", "/api/v1/priority-areas/" + area + "/clusters", lead,
                "{\"members\": [" + ids + "], \"mentoring\": \"Monthly, for a year\"}"), 201);
        long clusterId = cluster.get("id").asLong();
        assertThat(cluster.get("sponsorId").asLong()).as("the area's sponsor").isEqualTo(sponsor.id());
        assertThat(cluster.get("reasons")).isNotEmpty();
        assertThat(cluster.get("score").asDouble()).isCloseTo(suggestions.get(0).get("score").asDouble(), org.assertj.core.data.Offset.offset(1e-6));
        long pairs = (long) best.size() * (best.size() - 1) / 2;
        assertThat(ties("collaborate")).isEqualTo(pairs);
        assertThat(call("POST", "/api/v1/priority-areas/" + area + "/clusters", lead, "{\"members\": [" + best.get(0) + ", "
                + leaders.get(4).id() + "]}").statusCode()).as("already in an open cluster").isEqualTo(409);
        JsonNode after = WebClient.json(call("GET", "/api/v1/priority-areas/" + area + "/suggestions", lead, null), 200);
        after.forEach(s -> s.get("members").forEach(m -> assertThat(best).doesNotContain(m.get("personId").asLong())));

        // A mentor joins; the cluster becomes active.
        JsonNode changed = WebClient.json(call("PUT", "/api/v1/clusters/" + clusterId, lead,
                "{\"status\": \"active\", \"mentor\": " + mentor.id() + ", \"mentoring\": \"Monthly, for a year\"}"), 200);
        assertThat(changed.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(changed.get("mentorName").asText()).isEqualTo("Mo Mentor");
        assertThat(ties("mentor")).isEqualTo(best.size());

        // The sponsor sees the area and the cluster; a member sees the cluster only; an outsider nothing.
        assertThat(WebClient.json(call("GET", "/api/v1/priority-areas", sponsorToken, null), 200).toString()).contains("Discharge for frail older people");
        assertThat(call("GET", "/api/v1/priority-areas/" + area, sponsorToken, null).statusCode()).isEqualTo(200);
        assertThat(WebClient.json(call("GET", "/api/v1/clusters", sponsorToken, null), 200)).hasSize(1);
        String member = app.token(leaders.get(0).email());
        assertThat(call("GET", "/api/v1/clusters/" + clusterId, member, null).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/v1/priority-areas/" + area, member, null).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/clusters/" + clusterId, outsiderToken, null).statusCode()).isEqualTo(404);
        assertThat(WebClient.json(call("GET", "/api/v1/clusters", outsiderToken, null), 200)).isEmpty();
        assertThat(call("GET", "/api/v1/priority-areas/" + area + "/suggestions", sponsorToken, null).statusCode()).isEqualTo(403);
        assertThat(call("PUT", "/api/v1/clusters/" + clusterId, sponsorToken, "{\"status\": \"ended\"}").statusCode()).isEqualTo(403);
    }

    @Test
    void badInputIsRefusedWithEveryReasonAndNothingIsStored() throws Exception {
        long before = count("priority_areas");
        HttpResponse<String> bad = call("POST", "/api/v1/priority-areas", lead, "{\"title\": \"\", \"savingsPerYear\": \"lots\", "
                + "\"place\": \"Atlantis\", \"topics\": [\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\",\"j\",\"k\"]}");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("Enter the priority area").contains("whole number of pounds").contains("Unknown place")
                .contains("at most 10 topics");
        assertThat(call("POST", "/api/v1/priority-areas", lead, "{\"title\": \"x\", \"sponsor\": 999999}").statusCode()).isEqualTo(422);
        assertThat(call("POST", "/api/v1/priority-areas", lead, "{\"title\": \"x\", \"budget\": 1}").statusCode()).isEqualTo(400);
        assertThat(call("POST", "/api/v1/priority-areas", outsiderToken, "{\"title\": \"x\"}").statusCode()).isEqualTo(403);
        assertThat(count("priority_areas")).isEqualTo(before);

        long area = newArea("Diabetes in the community");
        String candidates = "/api/v1/priority-areas/" + area + "/candidates";
        HttpResponse<String> badCandidate = call("POST", candidates, lead, "{\"person\": " + leaders.get(3).id()
                + ", \"seniority\": 7, \"managerAgreement\": \"maybe\"}");
        assertThat(badCandidate.statusCode()).isEqualTo(422);
        assertThat(badCandidate.body()).contains("from 1 (early career) to 5").contains("not_asked, asked, agreed, declined");
        assertThat(call("POST", candidates, lead, "{\"person\": 999999, \"seniority\": 3}").statusCode()).isEqualTo(422);
        WebClient.json(call("POST", candidates, lead, "{\"person\": " + leaders.get(3).id() + ", \"seniority\": 3}"), 201);
        WebClient.json(call("POST", candidates, lead, "{\"person\": " + leaders.get(4).id() + ", \"seniority\": 3}"), 201);
        assertThat(call("POST", candidates, lead, "{\"person\": " + leaders.get(3).id() + ", \"seniority\": 3}").statusCode()).isEqualTo(409);
        assertThat(call("POST", candidates + "/" + leaders.get(3).id() + "/endorsements", lead, "{\"endorser\": " + leaders.get(3).id() + "}")
                .statusCode()).isEqualTo(422);

        String clusters = "/api/v1/priority-areas/" + area + "/clusters";
        assertThat(call("POST", clusters, lead, "{\"members\": [" + leaders.get(3).id() + "]}").statusCode()).isEqualTo(422);
        assertThat(call("POST", clusters, lead, "{\"members\": [" + leaders.get(3).id() + ", " + leaders.get(0).id() + "]}").statusCode())
                .as("not a candidate of this area").isEqualTo(422);
        assertThat(call("POST", clusters, lead, "{\"members\": [" + leaders.get(3).id() + ", " + leaders.get(4).id() + "], \"mentor\": "
                + leaders.get(3).id() + "}").statusCode()).as("the mentor is a member").isEqualTo(422);
        long clustersBefore = count("leader_clusters");
        assertThat(call("POST", clusters, lead, "{\"members\": [" + leaders.get(3).id() + ", " + leaders.get(4).id() + "], \"mentor\": 999999}")
                .statusCode()).isEqualTo(422);
        assertThat(count("leader_clusters")).as("nothing half-written").isEqualTo(clustersBefore);
        long k = WebClient.json(call("POST", clusters, lead, "{\"members\": [" + leaders.get(3).id() + ", " + leaders.get(4).id() + "]}"), 201)
                .get("id").asLong();
        assertThat(call("DELETE", candidates + "/" + leaders.get(3).id(), lead, null).statusCode()).isEqualTo(409);
        assertThat(call("PUT", "/api/v1/clusters/" + k, lead, "{\"members\": [1, 2]}").statusCode()).isEqualTo(422);
        assertThat(call("PUT", "/api/v1/clusters/" + k, lead, "{\"status\": \"paused\"}").statusCode()).isEqualTo(422);
    }

    @Test
    void theTeamWorksThroughTheChecklistOnThePages() {
        WebClient page = app.client();
        page.signIn("lena@clusters.example", TestApp.PASSWORD);
        page.get("/priority-areas/new");
        HttpResponse<String> missing = page.post("/priority-areas", Map.of("title", "", "sponsorEmail", "nobody@clusters.example"));
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(missing.body()).contains("Enter the priority area").contains("Nobody in the directory has the email address nobody@clusters.example");
        HttpResponse<String> saved = page.post("/priority-areas", Map.of("title", "Frailty at home", "topics", "frailty, hospital discharge",
                "sponsorEmail", "sam@clusters.example", "savingsPerYear", "120000"));
        assertThat(saved.statusCode()).isEqualTo(302);
        long area = WebClient.idFrom(saved, "/priority-areas/");
        HttpResponse<String> unknown = page.post("/priority-areas/" + area + "/candidates", Map.of("email", "nobody@clusters.example", "seniority", "3"));
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body()).contains("Nobody in the directory has the email address");
        for (int i = 0; i < 3; i++) {
            assertThat(page.post("/priority-areas/" + area + "/candidates", Map.of("email", leaders.get(i).email(), "seniority", "4",
                    "approach", "Invite to the launch")).statusCode()).isEqualTo(302);
        }
        String shown = page.get("/priority-areas/" + area).body();
        assertThat(shown).contains("Asha Acute and Hal Housing: work together").contains("Suggested clusters").contains("Form cluster 1");
        String members = leaders.get(0).id() + "," + leaders.get(2).id();
        HttpResponse<String> formed = page.post("/priority-areas/" + area + "/clusters", Map.of("members", members));
        assertThat(formed.statusCode()).isEqualTo(302);
        long cluster = WebClient.idFrom(formed, "/clusters/");
        assertThat(page.post("/clusters/" + cluster, Map.of("status", "agreed", "mentorEmail", "mo@clusters.example",
                "mentoring", "Every six weeks")).statusCode()).isEqualTo(302);
        assertThat(page.get("/clusters/" + cluster).body()).contains("Agreed by all").contains("Mo Mentor").contains("Every six weeks");
        assertThat(page.get("/priority-areas/" + area + "/candidates/" + leaders.get(1).id()).body()).contains("Endorsed by peers");

        WebClient theSponsor = app.client();
        theSponsor.signIn("sam@clusters.example", TestApp.PASSWORD);
        assertThat(theSponsor.get("/leadership").body()).contains("Frailty at home");
        assertThat(theSponsor.get("/clusters/" + cluster).statusCode()).isEqualTo(200);
        assertThat(theSponsor.get("/priority-areas/" + area).body()).doesNotContain("Form cluster");
        WebClient outsider = app.client();
        outsider.signIn("oz@clusters.example", TestApp.PASSWORD);
        assertThat(outsider.get("/priority-areas/" + area).statusCode()).isEqualTo(404);
        assertThat(outsider.get("/clusters/" + cluster).statusCode()).isEqualTo(404);
    }

    private static long ties(String kind) {
        return app.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM ties WHERE source = 'leader_cluster' AND kind = :k")
                .bind("k", kind).mapTo(Long.class).one());
    }

    private static long count(String table) {
        return app.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM " + table).mapTo(Long.class).one());
    }
}
