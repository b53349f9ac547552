package org.convene.sets;

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
 * /api/v1 for action learning sets end to end: a facilitator forms sets for a cohort, moves and
 * locks someone, forms again around the lock, publishes; members keep meeting records with
 * actions that only they see; ties appear.
 */
class SetsApiTest {
    private static final String[] SECTORS = {"acute", "primary", "housing", "vcse"};
    private static TestApp app;
    private static String lead;
    private static final List<Person> people = new ArrayList<>();
    private static final Map<Long, String> tokens = new HashMap<>();

    @BeforeAll
    static void start() {
        app = TestApp.start();
        app.person("Fran Facilitator", "fran@sets.example", "local_authority", Role.PROGRAMME_LEAD);
        lead = app.token("fran@sets.example");
        for (int i = 0; i < 12; i++) {
            Person p = app.person("Member " + i, "m" + i + "@sets.example", SECTORS[i % 4], Role.PARTICIPANT);
            people.add(p);
            tokens.put(p.id(), app.token("m" + i + "@sets.example"));
        }
        // Four organisations of three people each (three sectors each), so three sets of four can
        // each hold one person of every organisation and of every sector.
        app.jdbi().useHandle(h -> {
            for (int o = 0; o < 4; o++) {
                long org = h.createUpdate("INSERT INTO organisations (name, sector_code) VALUES (:n, 'acute')")
                        .bind("n", "Trust " + o).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
                for (int i = 3 * o; i < 3 * o + 3; i++) {
                    h.createUpdate("UPDATE people SET organisation_id = :o WHERE id = :p").bind("o", org).bind("p", people.get(i).id()).execute();
                }
            }
        });
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static HttpResponse<String> call(String method, String path, String token, String json) {
        return WebClient.api(app, method, path, token, json);
    }


    private static long newCohort(String title) throws Exception {
        long programme = WebClient.json(call("POST", "/api/v1/programmes", lead, "{\"title\": \"" + title + "\"}"), 201).get("id").asLong();
        long cohort = WebClient.json(call("POST", "/api/v1/programmes/" + programme + "/cohorts", lead, "{\"name\": \"Cohort A\"}"), 201).get("id").asLong();
        StringBuilder ids = new StringBuilder();
        for (Person p : people) {
            ids.append(ids.length() == 0 ? "" : ",").append(p.id());
        }
        WebClient.json(call("POST", "/api/v1/cohorts/" + cohort + "/enrolments", lead, "{\"personIds\": [" + ids + "]}"), 200);
        return cohort;
    }

    /** person id -> set number */
    private static Map<Long, Integer> assignment(JsonNode board) {
        Map<Long, Integer> out = new HashMap<>();
        for (JsonNode set : board.get("sets")) {
            for (JsonNode m : set.get("members")) {
                out.put(m.get("personId").asLong(), set.get("number").asInt());
            }
        }
        return out;
    }

    private static long organisationOf(long personId) {
        return app.jdbi().withHandle(h -> h.createQuery("SELECT organisation_id FROM people WHERE id = :p").bind("p", personId)
                .mapTo(Long.class).one());
    }

    @Test
    void aFacilitatorFormsMovesLocksAndPublishesSetsThatMembersThenUse() throws Exception {
        long cohort = newCohort("Action Learning 1");
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < people.size(); i++) {
            rows.append(i == 0 ? "" : ",").append("{\"person\": ").append(people.get(i).id()).append(", \"years\": ")
                    .append(2 + 3 * i).append(", \"band\": ").append(4 + i % 5).append("}");
        }
        WebClient.json(call("PUT", "/api/v1/cohorts/" + cohort + "/experience", lead, "[" + rows + "]"), 204);

        JsonNode board = WebClient.json(call("POST", "/api/v1/cohorts/" + cohort + "/sets", lead, "{\"size\": 4, \"seed\": 7}"), 201);
        assertThat(board.get("sets")).hasSize(3);
        Map<Long, Integer> first = assignment(board);
        assertThat(first).hasSize(12);
        for (JsonNode set : board.get("sets")) {
            assertThat(set.get("members")).hasSize(4);
            List<Long> orgs = new ArrayList<>();
            set.get("members").forEach(m -> orgs.add(organisationOf(m.get("personId").asLong())));
            assertThat(orgs).as("no two from one organisation in a set").doesNotHaveDuplicates();
            assertThat(set.get("sectors").size()).as("four sectors in each set of four").isEqualTo(4);
        }
        JsonNode figures = board.get("figures");
        assertThat(figures.get("organisationClashes").asInt()).isZero();
        assertThat(figures.get("diversity").asLong()).isPositive().isLessThanOrEqualTo(figures.get("bound").asLong());
        assertThat(figures.get("yearsMeanGap").isNull()).isFalse();

        // The same seed gives the same sets.
        JsonNode again = WebClient.json(call("POST", "/api/v1/cohorts/" + cohort + "/sets", lead, "{\"size\": 4, \"seed\": 7}"), 201);
        assertThat(assignment(again)).isEqualTo(first);

        // Move someone: they are locked there and stay there when the sets are formed again.
        long moved = people.get(0).id();
        int target = first.get(moved) == 1 ? 2 : 1;
        JsonNode afterMove = WebClient.json(call("POST", "/api/v1/cohorts/" + cohort + "/sets/moves", lead,
                "{\"person\": " + moved + ", \"set\": " + target + "}"), 200);
        assertThat(assignment(afterMove).get(moved)).isEqualTo(target);
        JsonNode reformed = WebClient.json(call("POST", "/api/v1/cohorts/" + cohort + "/sets", lead, "{\"size\": 4, \"seed\": 8}"), 201);
        assertThat(assignment(reformed).get(moved)).isEqualTo(target);
        assertThat(assignment(reformed)).hasSize(12);

        // Before publishing, members see nothing of the sets.
        long setId = reformed.get("sets").get(0).get("id").asLong();
        String aMember = tokens.get(reformed.get("sets").get(0).get("members").get(0).get("personId").asLong());
        assertThat(call("GET", "/api/v1/sets/" + setId, aMember, null).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/cohorts/" + cohort + "/sets", aMember, null).statusCode()).isEqualTo(403);

        WebClient.json(call("POST", "/api/v1/cohorts/" + cohort + "/sets/publish", lead, null), 200);
        long ties = app.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM ties WHERE source = 'learning_set'").mapTo(Long.class).one());
        assertThat(ties).as("every two members of each of the three sets of four").isEqualTo(3 * 6);
        assertThat(call("POST", "/api/v1/cohorts/" + cohort + "/sets", lead, "{\"size\": 4}").statusCode()).isEqualTo(409);
        assertThat(call("POST", "/api/v1/cohorts/" + cohort + "/sets/publish", lead, null).statusCode()).isEqualTo(409);

        // Members keep a meeting record with actions; only they see it.
        JsonNode set = WebClient.json(call("GET", "/api/v1/sets/" + setId, aMember, null), 200);
        List<Long> members = new ArrayList<>();
        set.get("members").forEach(m -> members.add(m.get("personId").asLong()));
        long presenter = members.get(1);
        String meetingJson = "{\"date\": \"2027-03-01\", \"time\": \"14:00\", \"location\": \"Room 2\", \"presenter\": " + presenter
                + ", \"problem\": \"Discharges stall on Fridays\", \"questions\": \"What have you tried?\\nWho else sees this?\", "
                + "\"actions\": [{\"person\": " + presenter + ", \"description\": \"Talk to the housing team\", \"dueOn\": \"2027-03-15\"}]}";
        JsonNode meeting = WebClient.json(call("POST", "/api/v1/sets/" + setId + "/meetings", aMember, meetingJson), 201);
        long meetingId = meeting.get("id").asLong();
        assertThat(meeting.get("actions")).hasSize(1);
        assertThat(WebClient.json(call("GET", "/api/v1/set-meetings/" + meetingId, tokens.get(members.get(2)), null), 200).get("problem").asText())
                .isEqualTo("Discharges stall on Fridays");
        long outsider = people.stream().map(Person::id).filter(id -> !members.contains(id)).findFirst().orElseThrow();
        assertThat(call("GET", "/api/v1/set-meetings/" + meetingId, tokens.get(outsider), null).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/set-meetings/" + meetingId, lead, null).statusCode()).isEqualTo(403);
        JsonNode asTeam = WebClient.json(call("GET", "/api/v1/sets/" + setId, lead, null), 200);
        assertThat(asTeam.get("meetings").get(0).get("problem").asText()).as("the team sees the date, not the record").isEmpty();

        // The action is on its owner's list until done.
        JsonNode mine = WebClient.json(call("GET", "/api/v1/actions", tokens.get(presenter), null), 200);
        assertThat(mine).hasSize(1);
        long actionId = mine.get(0).get("id").asLong();
        assertThat(call("POST", "/api/v1/actions/" + actionId + "/done", tokens.get(members.get(2)), "{}").statusCode())
                .as("not someone else's action").isEqualTo(404);
        WebClient.json(call("POST", "/api/v1/actions/" + actionId + "/done", tokens.get(presenter), "{\"done\": true}"), 204);
        assertThat(WebClient.json(call("GET", "/api/v1/actions", tokens.get(presenter), null), 200)).isEmpty();

        // After publishing, a move records the ties with the new set's members and withdraws those with
        // the set left: begun today, they are deleted rather than ended (TieSourcesTest ends older ones).
        long mover = members.get(3);
        int otherSet = set.get("number").asInt() == 1 ? 2 : 1;
        WebClient.json(call("POST", "/api/v1/cohorts/" + cohort + "/sets/moves", lead, "{\"person\": " + mover + ", \"set\": " + otherSet + "}"), 200);
        long moverTies = app.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM ties WHERE source = 'learning_set' "
                + "AND (person_a = :p OR person_b = :p) AND source_ref <> :left").bind("p", mover).bind("left", "set:" + setId)
                .mapTo(Long.class).one());
        long leftTies = app.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM ties WHERE source = 'learning_set' "
                + "AND (person_a = :p OR person_b = :p) AND source_ref = :left").bind("p", mover).bind("left", "set:" + setId)
                .mapTo(Long.class).one());
        assertThat(moverTies).as("4 with the members of the new set").isEqualTo(4);
        assertThat(leftTies).as("none left from the set they moved out of on the day it was published").isZero();
    }

    @Test
    void badInputIsRefusedWithAMessageAndChangesNothing() throws Exception {
        long cohort = newCohort("Action Learning 2");
        HttpResponse<String> band = call("PUT", "/api/v1/cohorts/" + cohort + "/experience", lead,
                "[{\"person\": " + people.get(0).id() + ", \"years\": 5, \"band\": 3}, {\"person\": " + people.get(1).id() + ", \"band\": 12}]");
        assertThat(band.statusCode()).isEqualTo(422);
        assertThat(band.body()).contains("Band is a whole number from 1 to 9");
        Integer stored = app.jdbi().withHandle(h -> h.createQuery("SELECT years_experience FROM enrolments WHERE cohort_id = :c AND person_id = :p")
                .bind("c", cohort).bind("p", people.get(0).id()).mapTo(Integer.class).one());
        assertThat(stored).as("all or nothing").isNull();
        assertThat(call("POST", "/api/v1/cohorts/" + cohort + "/sets", lead, "{\"size\": 2}").statusCode()).isEqualTo(422);
        assertThat(call("POST", "/api/v1/cohorts/" + cohort + "/sets", lead, "{\"seed\": 2}").statusCode()).isEqualTo(422);
        assertThat(call("POST", "/api/v1/cohorts/" + cohort + "/sets", lead, "{\"size\": \"four\"}").statusCode()).isEqualTo(400);
        assertThat(call("POST", "/api/v1/cohorts/" + cohort + "/sets/publish", lead, null).statusCode()).isEqualTo(404);
        assertThat(call("POST", "/api/v1/cohorts/999999/sets", lead, "{\"size\": 4}").statusCode()).isEqualTo(404);

        WebClient.json(call("POST", "/api/v1/cohorts/" + cohort + "/sets", lead, "{\"size\": 6}"), 201);
        assertThat(call("POST", "/api/v1/cohorts/" + cohort + "/sets/moves", lead,
                "{\"person\": " + people.get(0).id() + ", \"set\": 5}").statusCode()).isEqualTo(422);
        WebClient.json(call("POST", "/api/v1/cohorts/" + cohort + "/sets/publish", lead, null), 200);
        long setId = app.jdbi().withHandle(h -> h.createQuery("SELECT set_id FROM learning_set_members WHERE cohort_id = :c AND person_id = :p")
                .bind("c", cohort).bind("p", people.get(0).id()).mapTo(Long.class).one());
        String member = tokens.get(people.get(0).id());
        long outsider = app.jdbi().withHandle(h -> h.createQuery("SELECT person_id FROM learning_set_members WHERE cohort_id = :c AND set_id <> :s LIMIT 1")
                .bind("c", cohort).bind("s", setId).mapTo(Long.class).one());
        HttpResponse<String> wrongPresenter = call("POST", "/api/v1/sets/" + setId + "/meetings", member,
                "{\"date\": \"2027-03-01\", \"time\": \"14:00\", \"presenter\": " + outsider + "}");
        assertThat(wrongPresenter.statusCode()).isEqualTo(422);
        assertThat(wrongPresenter.body()).contains("Choose a member of the set to present");
        HttpResponse<String> badDate = call("POST", "/api/v1/sets/" + setId + "/meetings", member,
                "{\"date\": \"1 March\", \"time\": \"14:00\", \"actions\": [{\"person\": " + outsider + ", \"description\": \"x\"}]}");
        assertThat(badDate.statusCode()).isEqualTo(422);
        assertThat(badDate.body()).contains("year-month-day").contains("Choose who in the set will do");
        long meetings = app.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM set_meetings WHERE set_id = :s").bind("s", setId)
                .mapTo(Long.class).one());
        long actions = app.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM actions WHERE person_id = :p").bind("p", outsider)
                .mapTo(Long.class).one());
        assertThat(actions).isZero();
        assertThat(meetings).isZero();
    }
}
