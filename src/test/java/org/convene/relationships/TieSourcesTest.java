package org.convene.relationships;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.convene.accounts.Role;
import org.convene.testing.TestApp;
import org.convene.testing.WebClient;
import org.convene.web.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every source of a tie (issue 7), driven through the product's JSON API as its users drive it:
 * the ties land in the tie store with their source, reference, kind and date; they reach the
 * network figures for their source; recording the same evidence again adds nothing; and where the
 * product can end the evidence (someone leaves a project or a set, withdraws from a cohort, stops
 * mentoring a cluster, ends their own tie) the tie ends that day, so the network as it stands
 * afterwards drops it while the network of the day before still has it.
 *
 * <p>Ties are only ever written by the product here. Evidence that must be older than today, so
 * that ending it leaves history rather than deleting a same-day mistake, is aged by moving its
 * ties' start dates back, as though the days had passed.
 */
@Tag("db")
class TieSourcesTest {
    /** Every source that records ties. */
    private static final List<String> SOURCES = List.of("self_reported", "learning_set", "leader_cluster", "matching", "project",
            "event", "idea", "survey");
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final LocalDate TODAY = LocalDate.now();
    private static TestApp app;
    private static String lead;

    @BeforeAll
    static void start() {
        app = TestApp.startWithoutJobs();
        app.person("Lena Lead", "lena@ties.example", "local_authority", Role.PROGRAMME_LEAD);
        lead = app.token("lena@ties.example");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    // Self-reported ties

    @Test
    void aSelfReportedTieKeepsItsDateAndEndsWhenEitherPersonEndsIt() throws Exception {
        Someone nia = someone("acute");
        Someone carl = someone("vcse");
        LocalDate began = TODAY.minusDays(40);
        Net before = network("self_reported", TODAY);
        Net dayBefore = network("self_reported", began.minusDays(1));
        Net onTheDay = network("self_reported", began);

        String body = json(Map.of("otherPersonId", carl.id, "kind", "work_together", "startedOn", began.toString(), "note", "Same ward"));
        JsonNode tie = WebClient.json(call("POST", "/api/v1/ties", nia.token, body), 201);
        assertThat(call("POST", "/api/v1/ties", nia.token, body).statusCode()).as("the same tie again").isEqualTo(200);
        List<JsonNode> stored = ties("self_reported", "");
        stored.removeIf(t -> !pair(t).equals(Set.of(nia.id, carl.id)));
        assertThat(stored).singleElement().satisfies(t -> {
            assertThat(t.get("id").asLong()).isEqualTo(tie.get("id").asLong());
            assertThat(t.get("kind").asText()).isEqualTo("work_together");
            assertThat(t.get("startedOn").asText()).as("the date the person gave").isEqualTo(began.toString());
            assertThat(t.get("endedOn").isNull()).isTrue();
        });
        Net after = network("self_reported", TODAY);
        assertThat(after.ties - before.ties).isEqualTo(1);
        assertThat(after.newTies - before.newTies).isEqualTo(1);
        assertThat(network("self_reported", began.minusDays(1)).ties).as("not yet begun").isEqualTo(dayBefore.ties);
        assertThat(network("self_reported", began).ties - onTheDay.ties).as("begun on the day given").isEqualTo(1);

        WebClient.json(call("DELETE", "/api/v1/ties/" + tie.get("id").asLong(), carl.token, null), 204);
        assertThat(WebClient.json(call("GET", "/api/v1/ties/" + tie.get("id").asLong(), lead, null), 200).get("endedOn").asText())
                .isEqualTo(TODAY.toString());
        assertThat(network("self_reported", TODAY).ties).as("ended today").isEqualTo(before.ties);
        assertThat(network("self_reported", TODAY.minusDays(1)).ties).as("it stood yesterday").isEqualTo(after.ties);
    }

    // Action learning sets

    @Test
    void publishedSetsTieTheirMembersAndLeavingASetOrTheCohortEndsThoseTies() throws Exception {
        List<Long> people = new ArrayList<>();
        String[] sectors = {"acute", "primary", "housing", "vcse"};
        for (int i = 0; i < 8; i++) {
            people.add(listed(sectors[i % 4]));
        }
        long cohort = cohort(people);
        Net before = network("learning_set", TODAY);
        WebClient.json(call("POST", "/api/v1/cohorts/" + cohort + "/sets", lead, "{\"size\": 4, \"seed\": 3}"), 201);
        WebClient.json(call("POST", "/api/v1/cohorts/" + cohort + "/sets/publish", lead, null), 200);
        Map<Long, List<Long>> sets = sets(cohort);
        assertThat(sets).hasSize(2);
        for (Map.Entry<Long, List<Long>> set : sets.entrySet()) {
            assertThat(current("learning_set", "set:" + set.getKey())).as("every two members of set " + set.getKey())
                    .isEqualTo(pairsOf(set.getValue()));
            ties("learning_set", "set:" + set.getKey()).forEach(t -> assertTie(t, "met_through", TODAY));
        }
        Net published = network("learning_set", TODAY);
        assertThat(published.ties - before.ties).isEqualTo(12);
        assertThat(published.newTies - before.newTies).isEqualTo(12);

        // Publishing again is refused and moving someone into the set they are in records nothing new.
        assertThat(call("POST", "/api/v1/cohorts/" + cohort + "/sets/publish", lead, null).statusCode()).isEqualTo(409);
        long first = sets.keySet().stream().min(Long::compare).orElseThrow();
        long second = sets.keySet().stream().max(Long::compare).orElseThrow();
        long mover = sets.get(first).get(0);
        move(cohort, mover, number(cohort, first));
        assertThat(stored("learning_set", cohortRefs(sets))).isEqualTo(12);
        assertThat(network("learning_set", TODAY).ties).isEqualTo(published.ties);

        // A month on, someone moves to the other set, and someone else withdraws from the cohort.
        agedDays(30, "learning_set", cohortRefs(sets));
        move(cohort, mover, number(cohort, second));
        long leaver = sets.get(second).get(0);
        WebClient.json(call("DELETE", "/api/v1/cohorts/" + cohort + "/enrolments/" + leaver, lead, null), 204);

        List<Long> firstNow = new ArrayList<>(sets.get(first));
        firstNow.remove(mover);
        List<Long> secondNow = new ArrayList<>(sets.get(second));
        secondNow.add(mover);
        secondNow.remove(leaver);
        assertThat(current("learning_set", "set:" + first)).as("the mover's ties with their old set ended").isEqualTo(pairsOf(firstNow));
        assertThat(current("learning_set", "set:" + second)).as("the mover joined; the leaver's ties ended").isEqualTo(pairsOf(secondNow));
        for (JsonNode t : ties("learning_set", "set:" + first)) {
            assertThat(t.get("endedOn").isNull()).isEqualTo(!pair(t).contains(mover));
            assertThat(t.get("startedOn").asText()).isEqualTo(TODAY.minusDays(30).toString());
        }
        assertThat(ties("learning_set", "set:" + second)).filteredOn(t -> pair(t).contains(mover))
                .as("the mover's new ties begin today").hasSize(3).allSatisfy(t -> assertTie(t, "met_through", TODAY));
        assertThat(ties("learning_set", "set:" + second)).filteredOn(t -> pair(t).equals(Set.of(mover, leaver)))
                .as("a tie begun and ended today leaves no history").isEmpty();
        assertThat(network("learning_set", TODAY).ties - before.ties).as("three in the first set, four in the second").isEqualTo(3 + 6);
        assertThat(network("learning_set", TODAY.minusDays(1)).ties).as("the sets as they were yesterday").isEqualTo(published.ties);

        // Coming back to the cohort puts the leaver back in their set, and its ties stand again.
        WebClient.json(call("POST", "/api/v1/cohorts/" + cohort + "/enrolments", lead, json(Map.of("personIds", List.of(leaver)))), 200);
        secondNow.add(leaver);
        assertThat(current("learning_set", "set:" + second)).isEqualTo(pairsOf(secondNow));
        assertThat(network("learning_set", TODAY).ties - before.ties).as("three in the first set, five in the second").isEqualTo(3 + 10);
    }

    @Test
    void someoneWhoWithdrewBeforeTheSetsWerePublishedIsTiedToNobody() throws Exception {
        List<Long> people = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            people.add(listed(i % 2 == 0 ? "acute" : "housing"));
        }
        long cohort = cohort(people);
        WebClient.json(call("POST", "/api/v1/cohorts/" + cohort + "/sets", lead, "{\"size\": 3, \"seed\": 5}"), 201);
        long leaver = people.get(0);
        WebClient.json(call("DELETE", "/api/v1/cohorts/" + cohort + "/enrolments/" + leaver, lead, null), 204);
        WebClient.json(call("POST", "/api/v1/cohorts/" + cohort + "/sets/publish", lead, null), 200);
        Map<Long, List<Long>> sets = sets(cohort);
        assertThat(sets.values()).as("the board no longer shows them").noneMatch(members -> members.contains(leaver));
        for (Map.Entry<Long, List<Long>> set : sets.entrySet()) {
            assertThat(current("learning_set", "set:" + set.getKey())).isEqualTo(pairsOf(set.getValue()));
        }
    }

    // Leader clusters

    @Test
    void aClusterTiesItsMembersAndItsMentorAndAReplacedMentorsTiesEnd() throws Exception {
        long sponsor = listed("local_authority");
        List<Long> members = List.of(listed("acute"), listed("housing"), listed("vcse"));
        long mentor = listed("primary");
        long newMentor = listed("primary");
        long area = WebClient.json(call("POST", "/api/v1/priority-areas", lead,
                json(Map.of("title", "Discharge " + SEQ.incrementAndGet(), "sponsor", sponsor))), 201).get("id").asLong();
        for (long m : members) {
            WebClient.json(call("POST", "/api/v1/priority-areas/" + area + "/candidates", lead, json(Map.of("person", m, "seniority", 3))), 201);
        }
        Net before = network("leader_cluster", TODAY);
        long cluster = WebClient.json(call("POST", "/api/v1/priority-areas/" + area + "/clusters", lead,
                json(Map.of("members", members, "mentor", mentor, "status", "active"))), 201).get("id").asLong();
        String ref = "cluster:" + cluster;
        Set<Set<Long>> collaborate = pairsOf(members);
        Set<Set<Long>> mentoring = new HashSet<>();
        members.forEach(m -> mentoring.add(Set.of(mentor, m)));
        assertThat(current("leader_cluster", ref)).isEqualTo(union(collaborate, mentoring));
        for (JsonNode t : ties("leader_cluster", ref)) {
            assertTie(t, pair(t).contains(mentor) ? "mentor" : "collaborate", TODAY);
        }
        Net formed = network("leader_cluster", TODAY);
        assertThat(formed.ties - before.ties).isEqualTo(6);
        assertThat(formed.newTies - before.newTies).isEqualTo(6);

        // Saving the cluster again with the same mentor records nothing new.
        WebClient.json(call("PUT", "/api/v1/clusters/" + cluster, lead, json(Map.of("status", "active", "mentor", mentor))), 200);
        assertThat(stored("leader_cluster", List.of(ref))).isEqualTo(6);

        // A month on, another mentor takes over: the first one's mentoring ties end today.
        agedDays(30, "leader_cluster", List.of(ref));
        WebClient.json(call("PUT", "/api/v1/clusters/" + cluster, lead, json(Map.of("status", "active", "mentor", newMentor))), 200);
        Set<Set<Long>> newMentoring = new HashSet<>();
        members.forEach(m -> newMentoring.add(Set.of(newMentor, m)));
        assertThat(current("leader_cluster", ref)).isEqualTo(union(collaborate, newMentoring));
        assertThat(ties("leader_cluster", ref)).filteredOn(t -> pair(t).contains(mentor)).hasSize(3)
                .allSatisfy(t -> assertThat(t.get("endedOn").asText()).isEqualTo(TODAY.toString()));
        assertThat(network("leader_cluster", TODAY).ties - before.ties).isEqualTo(6);
        assertThat(network("leader_cluster", TODAY.minusDays(1)).ties).as("yesterday: the first mentor, not yet the second")
                .isEqualTo(formed.ties);
        assertThat(network("leader_cluster", TODAY.minusDays(1)).newTies).isEqualTo(formed.newTies);
    }

    // Matching schemes

    @Test
    void aMatchBecomesATieWhenBothSayTheyMetAndOnlyOnce() throws Exception {
        Someone a = someone("acute");
        Someone b = someone("housing");
        long scheme = WebClient.json(call("POST", "/api/v1/schemes", lead,
                json(Map.of("name", "Brew " + SEQ.incrementAndGet(), "cadence", "fortnightly", "meetingMode", "either"))), 201).get("id").asLong();
        for (Someone s : List.of(a, b)) {
            WebClient.json(call("PUT", "/api/v1/schemes/" + scheme + "/membership", s.token,
                    json(Map.of("meetingMode", "either", "interests", List.of("Frailty")))), 201);
        }
        JsonNode round = WebClient.json(call("POST", "/api/v1/schemes/" + scheme + "/rounds", lead, null), 201);
        assertThat(round.get("groups")).hasSize(1);
        long group = round.get("groups").get(0).get("id").asLong();
        String ref = "match:" + group;
        Net before = network("matching", TODAY);

        WebClient.json(call("PUT", "/api/v1/matches/" + group + "/outcome", a.token, "{\"met\": true, \"rating\": 5}"), 200);
        assertThat(ties("matching", ref)).as("one side saying so is not enough").isEmpty();
        WebClient.json(call("PUT", "/api/v1/matches/" + group + "/outcome", b.token, "{\"met\": true}"), 200);
        assertThat(ties("matching", ref)).singleElement().satisfies(t -> {
            assertTie(t, "met_through", TODAY);
            assertThat(pair(t)).isEqualTo(Set.of(a.id, b.id));
        });
        Net met = network("matching", TODAY);
        assertThat(met.ties - before.ties).isEqualTo(1);
        assertThat(met.newTies - before.newTies).isEqualTo(1);

        // Both answering again adds nothing, and the meeting cannot be taken back.
        WebClient.json(call("PUT", "/api/v1/matches/" + group + "/outcome", b.token, "{\"met\": true, \"rating\": 4}"), 200);
        WebClient.json(call("PUT", "/api/v1/matches/" + group + "/outcome", a.token, "{\"met\": true, \"rating\": 4}"), 200);
        assertThat(call("PUT", "/api/v1/matches/" + group + "/outcome", a.token, "{\"met\": false}").statusCode()).isEqualTo(409);
        assertThat(ties("matching", ref)).hasSize(1);
        assertThat(network("matching", TODAY).ties).isEqualTo(met.ties);
        assertThat(network("matching", TODAY.minusDays(1)).ties).as("they had not met yesterday").isEqualTo(before.ties);
    }

    // Project teams

    @Test
    void aProjectTeamIsTiedAndLeavingItEndsTheLeaversTies() throws Exception {
        Someone owner = someone("acute");
        long member = listed("housing");
        long coach = listed("vcse");
        long project = WebClient.json(call("POST", "/api/v1/projects", owner.token,
                json(Map.of("title", "Fewer falls " + SEQ.incrementAndGet(), "status", "active"))), 201).get("id").asLong();
        String ref = "project:" + project;
        Net before = network("project", TODAY);
        WebClient.json(call("PUT", "/api/v1/projects/" + project + "/team/" + member, owner.token, "{\"role\": \"member\"}"), 201);
        WebClient.json(call("PUT", "/api/v1/projects/" + project + "/team/" + coach, owner.token, "{\"role\": \"member\"}"), 201);
        assertThat(current("project", ref)).isEqualTo(pairsOf(List.of(owner.id, member, coach)));
        ties("project", ref).forEach(t -> assertTie(t, "collaborate", TODAY));
        Net formed = network("project", TODAY);
        assertThat(formed.ties - before.ties).isEqualTo(3);
        assertThat(formed.newTies - before.newTies).isEqualTo(3);

        // A change of role is not a second joining.
        WebClient.json(call("PUT", "/api/v1/projects/" + project + "/team/" + coach, owner.token, "{\"role\": \"coach\"}"), 200);
        assertThat(stored("project", List.of(ref))).isEqualTo(3);

        // A month on, the coach leaves: their ties end today.
        agedDays(30, "project", List.of(ref));
        WebClient.json(call("DELETE", "/api/v1/projects/" + project + "/team/" + coach, owner.token, null), 204);
        assertThat(current("project", ref)).isEqualTo(Set.of(Set.of(owner.id, member)));
        assertThat(ties("project", ref)).filteredOn(t -> pair(t).contains(coach)).hasSize(2)
                .allSatisfy(t -> assertThat(t.get("endedOn").asText()).isEqualTo(TODAY.toString()));
        assertThat(network("project", TODAY).ties - before.ties).isEqualTo(1);
        assertThat(network("project", TODAY.minusDays(1)).ties).isEqualTo(formed.ties);

        // Coming back makes the same ties current again rather than adding more.
        WebClient.json(call("PUT", "/api/v1/projects/" + project + "/team/" + coach, owner.token, "{\"role\": \"coach\"}"), 201);
        assertThat(stored("project", List.of(ref))).isEqualTo(3);
        assertThat(network("project", TODAY).ties).isEqualTo(formed.ties);
    }

    // Events and ideas

    @Test
    void coHostingAnEventTiesEveryoneWhoRunsIt() throws Exception {
        Someone host = someone("housing");
        long b = listed("acute");
        long c = listed("vcse");
        long community = community(host);
        long event = WebClient.json(call("POST", "/api/v1/communities/" + community + "/events", host.token, json(Map.of(
                "title", "Film night", "kind", "film_club", "date", "2030-03-05", "startTime", "18:30", "endTime", "20:30",
                "location", "Library"))), 201).get("id").asLong();
        String ref = "event:" + event;
        Net before = network("event", TODAY);
        WebClient.json(call("POST", "/api/v1/events/" + event + "/cohosts", host.token, json(Map.of("person", b))), 201);
        WebClient.json(call("POST", "/api/v1/events/" + event + "/cohosts", host.token, json(Map.of("person", c))), 201);
        assertThat(current("event", ref)).isEqualTo(pairsOf(List.of(host.id, b, c)));
        ties("event", ref).forEach(t -> assertTie(t, "collaborate", TODAY));
        Net after = network("event", TODAY);
        assertThat(after.ties - before.ties).isEqualTo(3);
        assertThat(after.newTies - before.newTies).isEqualTo(3);

        assertThat(call("POST", "/api/v1/events/" + event + "/cohosts", host.token, json(Map.of("person", b))).statusCode()).isEqualTo(409);
        assertThat(stored("event", List.of(ref))).isEqualTo(3);
        assertThat(network("event", TODAY).ties).isEqualTo(after.ties);
        assertThat(network("event", TODAY.minusDays(1)).ties).isEqualTo(before.ties);
    }

    @Test
    void coAuthoringAnIdeaTiesItsWriters() throws Exception {
        Someone author = someone("primary");
        Someone b = someone("acute");
        Someone c = someone("housing");
        long community = community(author, b, c);
        long idea = WebClient.json(call("POST", "/api/v1/communities/" + community + "/ideas", author.token,
                json(Map.of("title", "Peer support " + SEQ.incrementAndGet()))), 201).get("id").asLong();
        String ref = "idea:" + idea;
        Net before = network("idea", TODAY);
        WebClient.json(call("POST", "/api/v1/ideas/" + idea + "/coauthors", author.token, json(Map.of("person", b.id))), 201);
        WebClient.json(call("POST", "/api/v1/ideas/" + idea + "/coauthors", b.token, json(Map.of("person", c.id))), 201);
        assertThat(current("idea", ref)).isEqualTo(pairsOf(List.of(author.id, b.id, c.id)));
        ties("idea", ref).forEach(t -> assertTie(t, "collaborate", TODAY));
        Net after = network("idea", TODAY);
        assertThat(after.ties - before.ties).isEqualTo(3);
        assertThat(after.newTies - before.newTies).isEqualTo(3);

        assertThat(call("POST", "/api/v1/ideas/" + idea + "/coauthors", author.token, json(Map.of("person", c.id))).statusCode()).isEqualTo(409);
        assertThat(stored("idea", List.of(ref))).isEqualTo(3);
        assertThat(network("idea", TODAY).ties).isEqualTo(after.ties);
    }

    // Surveys

    @Test
    void newConnectionsNamedInASubmittedSurveyBecomeTiesOncePerPair() throws Exception {
        Someone a = someone("acute");
        Someone b = someone("housing");
        long c = listed("vcse");
        long cohort = cohort(List.of(a.id, b.id, c));
        long survey = WebClient.json(call("POST", "/api/v1/cohorts/" + cohort + "/surveys", lead,
                "{\"kind\": \"custom\", \"title\": \"Connections\"}"), 201).get("id").asLong();
        long question = WebClient.json(call("POST", "/api/v1/surveys/" + survey + "/questions", lead,
                "{\"kind\": \"connections\", \"prompt\": \"Who have you made a new working connection with?\"}"), 201).get("id").asLong();
        WebClient.json(call("POST", "/api/v1/surveys/" + survey + "/open", lead, null), 200);
        String ref = "survey:" + survey;
        Net before = network("survey", TODAY);

        // A draft is not yet evidence; submitting it is. Naming oneself is ignored.
        assertThat(answer(a, survey, question, List.of(b.id, c), false)).isEqualTo("saved");
        assertThat(ties("survey", ref)).isEmpty();
        assertThat(answer(a, survey, question, List.of(b.id, c, a.id), true)).isEqualTo("submitted");
        assertThat(current("survey", ref)).isEqualTo(Set.of(Set.of(a.id, b.id), Set.of(a.id, c)));
        ties("survey", ref).forEach(t -> assertTie(t, "met_through", TODAY));
        Net after = network("survey", TODAY);
        assertThat(after.ties - before.ties).isEqualTo(2);
        assertThat(after.newTies - before.newTies).isEqualTo(2);

        // Sending again changes nothing; the other side naming the same connection is the same tie.
        assertThat(answer(a, survey, question, List.of(b.id, c), true)).isEqualTo("already_submitted");
        assertThat(answer(b, survey, question, List.of(a.id), true)).isEqualTo("submitted");
        assertThat(stored("survey", List.of(ref))).isEqualTo(2);
        assertThat(network("survey", TODAY).ties).isEqualTo(after.ties);
        assertThat(network("survey", TODAY.minusDays(1)).ties).isEqualTo(before.ties);
    }

    // Two sources, one pair

    @Test
    void aPairTiedByTwoSourcesCountsOnceAndOutlivesOneOfThemEnding() throws Exception {
        Someone p = someone("acute");
        Someone q = someone("vcse");
        LocalDate began = TODAY.minusDays(60);
        Net before = network(null, TODAY);
        Net yesterday = network(null, TODAY.minusDays(1));
        Net onTheDay = network(null, began);
        long selfTie = WebClient.json(call("POST", "/api/v1/ties", p.token,
                json(Map.of("otherPersonId", q.id, "kind", "know", "startedOn", began.toString()))), 201).get("id").asLong();
        long project = WebClient.json(call("POST", "/api/v1/projects", p.token,
                json(Map.of("title", "Shared care " + SEQ.incrementAndGet(), "status", "active"))), 201).get("id").asLong();
        WebClient.json(call("PUT", "/api/v1/projects/" + project + "/team/" + q.id, p.token, "{\"role\": \"member\"}"), 201);
        assertThat(current("project", "project:" + project)).isEqualTo(Set.of(Set.of(p.id, q.id)));

        Net both = network(null, TODAY);
        assertThat(both.ties - before.ties).as("one pair, two pieces of evidence").isEqualTo(1);
        assertThat(both.newTies - before.newTies).isEqualTo(1);
        assertThat(network(null, began).ties - onTheDay.ties).as("the pair dates from its first tie").isEqualTo(1);

        WebClient.json(call("DELETE", "/api/v1/ties/" + selfTie, q.token, null), 204);
        assertThat(network(null, TODAY).ties).as("the project still ties them").isEqualTo(both.ties);
        WebClient.json(call("DELETE", "/api/v1/projects/" + project + "/team/" + q.id, p.token, null), 204);
        assertThat(network(null, TODAY).ties).as("neither source stands now").isEqualTo(before.ties);
        assertThat(network(null, TODAY.minusDays(1)).ties - yesterday.ties).as("yesterday the self-reported tie stood").isEqualTo(1);
    }

    // Helpers

    /** A person in the directory; those who use the API themselves have an account and a token. */
    private record Someone(long id, String token) {
    }

    /** Someone with a participant account and an API token. */
    private static Someone someone(String sector) {
        int n = SEQ.incrementAndGet();
        String email = "p" + n + "@ties.example";
        long id = app.person("Person " + n, email, sector, Role.PARTICIPANT).id();
        return new Someone(id, app.token(email));
    }

    /** Someone in the directory only (no account: others act for them), which is quicker to make. */
    private static long listed(String sector) {
        int n = SEQ.incrementAndGet();
        return app.person("Person " + n, "p" + n + "@ties.example", sector).id();
    }

    private static HttpResponse<String> call(String method, String path, String token, String json) {
        return WebClient.api(app, method, path, token, json);
    }

    private static String json(Object value) throws Exception {
        return Json.MAPPER.writeValueAsString(value);
    }

    /** The network figures for a source (null: every source) as the network stood on {@code to}. */
    private record Net(long ties, long newTies) {
    }

    /**
     * The network of one source (null: of every source) through the API, as it stood on a date,
     * with the ties new in the year to it. A further source that no tie has, different on every
     * call, makes each report a fresh one rather than one cached before the notification of the
     * last change reached the app (the cache has its own test in NetworkApiTest).
     */
    private static Net network(String source, LocalDate to) throws Exception {
        StringBuilder path = new StringBuilder("/api/v1/network/metrics?to=" + to + "&from=" + to.minusYears(1));
        for (String s : source == null ? SOURCES : List.of(source)) {
            path.append("&source=").append(s);
        }
        path.append("&source=uncached_").append(SEQ.incrementAndGet());
        JsonNode report = WebClient.json(call("GET", path.toString(), lead, null), 200);
        return new Net(report.get("metrics").get("ties").asLong(), report.get("newTies").asLong());
    }

    /** The ties a source recorded under one reference, ended or not, read through the API. */
    private static List<JsonNode> ties(String source, String ref) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (int page = 1; ; page++) {
            JsonNode body = WebClient.json(call("GET", "/api/v1/ties?source=" + source + "&size=100&page=" + page, lead, null), 200);
            body.get("items").forEach(t -> {
                if (t.get("sourceRef").asText().equals(ref)) {
                    out.add(t);
                }
            });
            if ((long) page * 100 >= body.get("total").asLong()) {
                return out;
            }
        }
    }

    /** The pairs a source's current ties (not ended) under one reference join; each pair must be stored once. */
    private static Set<Set<Long>> current(String source, String ref) throws Exception {
        Set<Set<Long>> pairs = new HashSet<>();
        for (JsonNode t : ties(source, ref)) {
            if (t.get("endedOn").isNull()) {
                assertThat(pairs.add(pair(t))).as("pair " + pair(t) + " stored twice by " + ref).isTrue();
            }
        }
        return pairs;
    }

    /** How many ties a source holds under these references, ended or not. */
    private static long stored(String source, List<String> refs) throws Exception {
        long n = 0;
        for (String ref : refs) {
            n += ties(source, ref).size();
        }
        return n;
    }

    private static void assertTie(JsonNode t, String kind, LocalDate startedOn) {
        assertThat(t.get("kind").asText()).as("kind of " + t).isEqualTo(kind);
        assertThat(t.get("startedOn").asText()).as("start of " + t).isEqualTo(startedOn.toString());
        assertThat(t.get("endedOn").isNull()).as("still current: " + t).isTrue();
        assertThat(t.get("personA").asLong()).isLessThan(t.get("personB").asLong());
    }

    private static Set<Long> pair(JsonNode t) {
        return Set.of(t.get("personA").asLong(), t.get("personB").asLong());
    }

    private static Set<Set<Long>> pairsOf(List<Long> people) {
        Set<Set<Long>> pairs = new HashSet<>();
        for (int i = 0; i < people.size(); i++) {
            for (int j = i + 1; j < people.size(); j++) {
                pairs.add(Set.of(people.get(i), people.get(j)));
            }
        }
        return pairs;
    }

    private static Set<Set<Long>> union(Set<Set<Long>> a, Set<Set<Long>> b) {
        Set<Set<Long>> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    /** Time passes: the evidence under these references was recorded {@code days} earlier. */
    private static void agedDays(int days, String source, List<String> refs) {
        app.jdbi().useHandle(h -> h.createUpdate("UPDATE ties SET started_on = started_on - :days WHERE source = :s AND source_ref = ANY(:refs)")
                .bind("days", days).bind("s", source).bind("refs", refs.toArray(String[]::new)).execute());
    }

    /** A new programme's cohort with these people enrolled. */
    private static long cohort(List<Long> people) throws Exception {
        long programme = WebClient.json(call("POST", "/api/v1/programmes", lead, json(Map.of("title", "Programme " + SEQ.incrementAndGet()))), 201)
                .get("id").asLong();
        long cohort = WebClient.json(call("POST", "/api/v1/programmes/" + programme + "/cohorts", lead, "{\"name\": \"Cohort 1\"}"), 201)
                .get("id").asLong();
        WebClient.json(call("POST", "/api/v1/cohorts/" + cohort + "/enrolments", lead,
                json(Map.of("personIds", people))), 200);
        return cohort;
    }

    /** A cohort's sets as the programme team sees them: set id to its members. */
    private static Map<Long, List<Long>> sets(long cohort) throws Exception {
        Map<Long, List<Long>> sets = new LinkedHashMap<>();
        for (JsonNode set : WebClient.json(call("GET", "/api/v1/cohorts/" + cohort + "/sets", lead, null), 200).get("sets")) {
            List<Long> members = new ArrayList<>();
            set.get("members").forEach(m -> members.add(m.get("personId").asLong()));
            sets.put(set.get("id").asLong(), members);
        }
        return sets;
    }

    private static int number(long cohort, long setId) throws Exception {
        for (JsonNode set : WebClient.json(call("GET", "/api/v1/cohorts/" + cohort + "/sets", lead, null), 200).get("sets")) {
            if (set.get("id").asLong() == setId) {
                return set.get("number").asInt();
            }
        }
        throw new AssertionError("No set " + setId);
    }

    private static void move(long cohort, long person, int number) throws Exception {
        WebClient.json(call("POST", "/api/v1/cohorts/" + cohort + "/sets/moves", lead, json(Map.of("person", person, "set", number))), 200);
    }

    private static List<String> cohortRefs(Map<Long, List<Long>> sets) {
        return sets.keySet().stream().map(id -> "set:" + id).toList();
    }

    /** A community the first person starts and the others join. */
    private static long community(Someone convenor, Someone... others) throws Exception {
        long id = WebClient.json(call("POST", "/api/v1/communities", convenor.token,
                json(Map.of("name", "Community " + SEQ.incrementAndGet(), "problem", "Working across sectors"))), 201).get("id").asLong();
        for (Someone o : others) {
            WebClient.json(call("POST", "/api/v1/communities/" + id + "/membership", o.token, null), 201);
        }
        return id;
    }

    private static String answer(Someone who, long survey, long question, List<Long> people, boolean submit) throws Exception {
        String body = json(Map.of("answers", List.of(Map.of("questionId", question, "people", people)), "submit", submit));
        return WebClient.json(call("PUT", "/api/v1/my/surveys/" + survey, who.token, body), 200).get("outcome").asText();
    }
}
