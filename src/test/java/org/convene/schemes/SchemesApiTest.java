package org.convene.schemes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.convene.accounts.Role;
import org.convene.people.Person;
import org.convene.testing.TestApp;
import org.convene.testing.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /api/v1/schemes end to end: a lead creates a scheme, people opt in, rounds pair them, they say they met, ties appear. */
class SchemesApiTest {
    private static final String[] SECTORS = {"acute", "primary", "housing", "vcse", "local_authority", "community"};
    private static TestApp app;
    private static String lead;
    private static final List<Person> people = new ArrayList<>();
    private static final Map<Long, String> tokens = new HashMap<>();

    @BeforeAll
    static void start() {
        app = TestApp.start();
        app.person("Lee Lead", "lee@schemes.example", "local_authority", Role.PROGRAMME_LEAD);
        lead = app.token("lee@schemes.example");
        for (int i = 0; i < 6; i++) {
            Person p = app.person("Member " + i, "m" + i + "@schemes.example", SECTORS[i], Role.PARTICIPANT);
            people.add(p);
            tokens.put(p.id(), app.token("m" + i + "@schemes.example"));
        }
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static HttpResponse<String> call(String method, String path, String token, String json) {
        return WebClient.api(app, method, path, token, json);
    }


    private static long newScheme(String name, String extra) throws Exception {
        return WebClient.json(call("POST", "/api/v1/schemes", lead, "{\"name\": \"" + name + "\", \"cadence\": \"fortnightly\"" + extra + "}"), 201)
                .get("id").asLong();
    }

    private static void joinAll(long scheme) throws Exception {
        for (Person p : people) {
            WebClient.json(call("PUT", "/api/v1/schemes/" + scheme + "/membership", tokens.get(p.id()),
                    "{\"meetingMode\": \"either\", \"interests\": [\"Frailty\", \"Hospital discharge\"], \"asks\": \"Contacts in housing\"}"), 201);
        }
    }

    private static Set<Set<Long>> pairsOf(JsonNode round) {
        Set<Set<Long>> pairs = new HashSet<>();
        for (JsonNode g : round.get("groups")) {
            List<Long> ids = new ArrayList<>();
            g.get("members").forEach(m -> ids.add(m.get("personId").asLong()));
            for (int i = 0; i < ids.size(); i++) {
                for (int j = i + 1; j < ids.size(); j++) {
                    pairs.add(Set.of(ids.get(i), ids.get(j)));
                }
            }
        }
        return pairs;
    }

    @Test
    void schemesAreValidatedAndOnlyLeadsCreateThem() throws Exception {
        HttpResponse<String> bad = call("POST", "/api/v1/schemes", lead, "{\"name\": \"\", \"cadence\": \"hourly\", \"meetingMode\": \"by post\", "
                + "\"place\": \"Atlantis\", \"nextRoundAt\": \"soon\"}");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("name").contains("cadence").contains("meetingMode").contains("Atlantis").contains("nextRoundAt");
        assertThat(call("POST", "/api/v1/schemes", lead, "{not json").statusCode()).isEqualTo(400);
        assertThat(call("POST", "/api/v1/schemes", tokens.get(people.get(0).id()), "{\"name\": \"Mine\", \"cadence\": \"weekly\"}").statusCode())
                .isEqualTo(403);
        newScheme("Duplicate check", "");
        assertThat(call("POST", "/api/v1/schemes", lead, "{\"name\": \"duplicate CHECK\", \"cadence\": \"weekly\"}").statusCode()).isEqualTo(409);
    }

    @Test
    void aRoundPairsAcrossSectorsEmailsIntroductionsWithACalendarAndMeetingsBecomeTies() throws Exception {
        long scheme = newScheme("Brew and Biscuits", ", \"description\": \"Cross-sector visits\", \"meetingMode\": \"either\"");
        joinAll(scheme);
        assertThat(WebClient.json(call("GET", "/api/v1/schemes/" + scheme + "/members", lead, null), 200)).hasSize(6);
        assertThat(call("GET", "/api/v1/schemes/" + scheme + "/members", tokens.get(people.get(0).id()), null).statusCode()).isEqualTo(403);

        JsonNode round = WebClient.json(call("POST", "/api/v1/schemes/" + scheme + "/rounds", lead, null), 201);
        assertThat(round.get("round").get("number").asInt()).isEqualTo(1);
        assertThat(round.get("round").get("pairs").asInt()).isEqualTo(3);
        assertThat(round.get("unplaced")).isEmpty();
        for (JsonNode g : round.get("groups")) {
            assertThat(g.get("members").get(0).get("sectorName").asText()).isNotEqualTo(g.get("members").get(1).get("sectorName").asText());
            assertThat(g.get("reason").asText()).contains("You both care about frailty and hospital discharge").contains("You are both in Test Town");
            assertThat(g.get("firstStep").asText()).contains("is looking for: Contacts in housing");
        }
        // Every member gets an introduction with a calendar invitation, queued in the same transaction.
        List<Map<String, Object>> mails = app.jdbi().withHandle(h -> h.createQuery(
                "SELECT recipient, subject, body, attachment_type, attachment FROM outbox WHERE subject LIKE 'Brew and Biscuits: meet %'")
                .mapToMap().list());
        assertThat(mails).hasSize(6);
        for (Map<String, Object> mail : mails) {
            assertThat((String) mail.get("body")).contains("Why you were matched").contains("/matches/");
            assertThat((String) mail.get("attachment_type")).startsWith("text/calendar");
            assertThat((String) mail.get("attachment")).contains("BEGIN:VCALENDAR").contains("METHOD:PUBLISH").contains("BEGIN:VEVENT")
                    .contains("DTSTART:").contains("ATTENDEE").contains("END:VCALENDAR");
        }

        // Both members say they met: one tie, source "matching". An outsider cannot see the match.
        JsonNode group = round.get("groups").get(0);
        long groupId = group.get("id").asLong();
        long a = group.get("members").get(0).get("personId").asLong();
        long b = group.get("members").get(1).get("personId").asLong();
        long outsider = people.stream().map(Person::id).filter(id -> id != a && id != b).findFirst().orElseThrow();
        assertThat(call("GET", "/api/v1/matches/" + groupId, tokens.get(outsider), null).statusCode()).isEqualTo(404);
        assertThat(call("PUT", "/api/v1/matches/" + groupId + "/outcome", tokens.get(outsider), "{\"met\": true}").statusCode()).isEqualTo(404);
        HttpResponse<String> badRating = call("PUT", "/api/v1/matches/" + groupId + "/outcome", tokens.get(a), "{\"met\": true, \"rating\": 6}");
        assertThat(badRating.statusCode()).isEqualTo(422);
        assertThat(badRating.body()).contains("Rating must be from 1 to 5");
        WebClient.json(call("PUT", "/api/v1/matches/" + groupId + "/outcome", tokens.get(a), "{\"met\": true, \"rating\": 5, \"comment\": \"Really useful\"}"), 200);
        assertThat(ties(a, b)).isZero();
        JsonNode answered = WebClient.json(call("PUT", "/api/v1/matches/" + groupId + "/outcome", tokens.get(b), "{\"met\": true, \"rating\": 4}"), 200);
        assertThat(answered.get("members").get(0).get("met").asBoolean()).isTrue();
        assertThat(ties(a, b)).isEqualTo(1);
        // Answering again does not duplicate the tie, and "we met" cannot be withdrawn after both said so.
        WebClient.json(call("PUT", "/api/v1/matches/" + groupId + "/outcome", tokens.get(b), "{\"met\": true, \"rating\": 5}"), 200);
        assertThat(ties(a, b)).isEqualTo(1);
        assertThat(call("PUT", "/api/v1/matches/" + groupId + "/outcome", tokens.get(a), "{\"met\": false}").statusCode()).isEqualTo(409);
        assertThat(WebClient.json(call("GET", "/api/v1/matches", tokens.get(a), null), 200).get(0).get("id").asLong()).isEqualTo(groupId);

        JsonNode dashboard = WebClient.json(call("GET", "/api/v1/schemes/" + scheme + "/dashboard", lead, null), 200);
        JsonNode first = dashboard.get("rounds").get(0);
        assertThat(first.get("groupsMet").asInt()).isEqualTo(1);
        assertThat(first.get("meanRating").asDouble()).isEqualTo(5.0);
        assertThat(first.get("crossSectorShare").asDouble()).isEqualTo(1.0);
        assertThat(dashboard.get("feedback").get(0).get("comment").asText()).isEqualTo("Really useful");
        assertThat(dashboard.get("members").get("active").asInt()).isEqualTo(6);
    }

    private static int ties(long a, long b) {
        return app.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM ties WHERE person_a = :a AND person_b = :b AND source = 'matching'")
                .bind("a", Math.min(a, b)).bind("b", Math.max(a, b)).mapTo(Integer.class).one());
    }

    @Test
    void laterRoundsNeverRepeatAPairAndRespectSkipsPausesAndBlocks() throws Exception {
        long scheme = newScheme("Repeat check", "");
        joinAll(scheme);
        Set<Set<Long>> seen = new HashSet<>();
        for (int r = 0; r < 2; r++) {
            Set<Set<Long>> pairs = pairsOf(WebClient.json(call("POST", "/api/v1/schemes/" + scheme + "/rounds", lead, null), 201));
            assertThat(pairs).hasSize(3).allSatisfy(pair -> assertThat(seen).doesNotContain(pair));
            seen.addAll(pairs);
        }
        // Member 0 blocks member 1 (if they have not met yet, they never will); member 2 skips one round; member 3 pauses.
        long p0 = people.get(0).id();
        long p1 = people.get(1).id();
        WebClient.json(call("POST", "/api/v1/blocks", tokens.get(p0), "{\"personId\": " + p1 + "}"), 201);
        assertThat(call("POST", "/api/v1/blocks", tokens.get(p0), "{\"personId\": " + p0 + "}").statusCode()).isEqualTo(422);
        assertThat(call("POST", "/api/v1/blocks", tokens.get(p0), "{\"personId\": 99999999}").statusCode()).isEqualTo(404);
        WebClient.json(call("PUT", "/api/v1/schemes/" + scheme + "/membership/skip", tokens.get(people.get(2).id()), "{\"skipNext\": true}"), 200);
        WebClient.json(call("PUT", "/api/v1/schemes/" + scheme + "/membership/status", tokens.get(people.get(3).id()), "{\"status\": \"paused\"}"), 200);
        assertThat(call("PUT", "/api/v1/schemes/" + scheme + "/membership/status", tokens.get(people.get(3).id()), "{\"status\": \"asleep\"}")
                .statusCode()).isEqualTo(422);

        JsonNode third = WebClient.json(call("POST", "/api/v1/schemes/" + scheme + "/rounds", lead, null), 201);
        Set<Long> placed = new HashSet<>();
        third.get("groups").forEach(g -> g.get("members").forEach(m -> placed.add(m.get("personId").asLong())));
        third.get("unplaced").forEach(u -> placed.add(u.get("personId").asLong()));
        assertThat(placed).doesNotContain(people.get(2).id(), people.get(3).id());
        assertThat(pairsOf(third)).doesNotContain(Set.of(p0, p1)).doesNotContainAnyElementsOf(seen);
        // Skipping lasts one round.
        JsonNode membership = WebClient.json(call("GET", "/api/v1/schemes/" + scheme + "/membership", tokens.get(people.get(2).id()), null), 200);
        assertThat(membership.get("skipNext").asBoolean()).isFalse();
        // Leaving, then a closed scheme: nobody else sees it, and it runs no rounds.
        WebClient.json(call("DELETE", "/api/v1/schemes/" + scheme + "/membership", tokens.get(people.get(4).id()), null), 200);
        WebClient.json(call("PUT", "/api/v1/schemes/" + scheme, lead, "{\"name\": \"Repeat check\", \"cadence\": \"weekly\", \"status\": \"closed\"}"), 200);
        assertThat(call("GET", "/api/v1/schemes/" + scheme, tokens.get(p0), null).statusCode()).isEqualTo(404);
        assertThat(call("POST", "/api/v1/schemes/" + scheme + "/rounds", lead, null).statusCode()).isEqualTo(409);
        WebClient.json(call("DELETE", "/api/v1/blocks/" + p1, tokens.get(p0), null), 204);
        assertThat(WebClient.json(call("GET", "/api/v1/blocks", tokens.get(p0), null), 200)).isEmpty();
    }

    @Test
    void aSchemeForOnePlaceTakesOnlyPeopleThere() throws Exception {
        long scheme = newScheme("Test Town brews", ", \"place\": \"test town\", \"meetingMode\": \"in_person\"");
        assertThat(WebClient.json(call("GET", "/api/v1/schemes/" + scheme, lead, null), 200).get("placeName").asText()).isEqualTo("Test Town");
        app.person("Pia Place", "pia@schemes.example", "community", Role.PARTICIPANT);
        String token = app.token("pia@schemes.example");
        // Opting in while saying you work elsewhere is refused, and nothing is half-saved.
        HttpResponse<String> refused = call("PUT", "/api/v1/schemes/" + scheme + "/membership", token,
                "{\"place\": \"Elsewhere\", \"offers\": \"Lifts\"}");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("for people in Test Town");
        assertThat(call("GET", "/api/v1/schemes/" + scheme + "/membership", token, null).statusCode()).isEqualTo(404);
        HttpResponse<String> wrongMode = call("PUT", "/api/v1/schemes/" + scheme + "/membership", token, "{\"meetingMode\": \"online\"}");
        assertThat(wrongMode.statusCode()).isEqualTo(422);
        assertThat(wrongMode.body()).contains("meets in person only");
        // Details sent with the opt-in are saved to the profile in the same step.
        JsonNode joined = WebClient.json(call("PUT", "/api/v1/schemes/" + scheme + "/membership", token, "{\"offers\": \"A tour of our hub\"}"), 201);
        assertThat(joined.get("placeName").asText()).isEqualTo("Test Town");
        assertThat(joined.get("offers").asText()).isEqualTo("A tour of our hub");
        assertThat(joined.get("meetingMode").asText()).isEqualTo("in_person");
        assertThat(WebClient.json(call("PUT", "/api/v1/schemes/" + scheme + "/membership", token, "{}"), 200).get("status").asText()).isEqualTo("active");
    }
}
