package org.convene.sets;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convene.accounts.Role;
import org.convene.people.Person;
import org.convene.testing.TestApp;
import org.convene.testing.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Action learning sets through the pages, with and without htmx. */
class SetPagesTest {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static TestApp app;
    private static WebClient lead;
    private static final List<Person> people = new ArrayList<>();

    @BeforeAll
    static void start() {
        app = TestApp.start();
        app.person("Sam Facilitator", "sam@setpages.example", "local_authority", Role.PROGRAMME_LEAD);
        String[] sectors = {"acute", "primary", "housing", "vcse", "mental_health"};
        for (int i = 0; i < 10; i++) {
            people.add(app.person("Person " + i, "p" + i + "@setpages.example", sectors[i % 5], Role.PARTICIPANT));
        }
        lead = app.client();
        lead.signIn("sam@setpages.example", TestApp.PASSWORD);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static long cohortWithEveryone() {
        lead.get("/programmes/new");
        long programme = WebClient.idFrom(lead.post("/programmes", Map.of("title", "Sets " + System.nanoTime(), "summary", "")), "/programmes/");
        long cohort = WebClient.idFrom(lead.post("/programmes/" + programme + "/cohorts", Map.of("name", "Cohort 1")), "/cohorts/");
        StringBuilder emails = new StringBuilder();
        for (int i = 0; i < people.size(); i++) {
            emails.append("p").append(i).append("@setpages.example\n");
        }
        assertThat(lead.post("/cohorts/" + cohort + "/people", Map.of("emails", emails.toString())).statusCode()).isEqualTo(302);
        return cohort;
    }

    private static HttpResponse<String> htmxPost(String path, Map<String, String> form, String csrf) {
        Map<String, String> body = new LinkedHashMap<>(form);
        body.put("_csrf", csrf);
        return lead.send(HttpRequest.newBuilder(URI.create(app.url(path))).header("HX-Request", "true")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(WebClient.encode(body))));
    }

    private static int setOf(long cohort, long person) {
        return app.jdbi().withHandle(h -> h.createQuery("SELECT s.number FROM learning_set_members m JOIN learning_sets s ON s.id = m.set_id "
                + "WHERE m.cohort_id = :c AND m.person_id = :p").bind("c", cohort).bind("p", person).mapTo(Integer.class).one());
    }

    @Test
    void aFacilitatorFormsSetsMovesSomeoneWithHtmxPublishesAndAMemberRecordsAMeeting() {
        long cohort = cohortWithEveryone();
        String empty = lead.get("/cohorts/" + cohort + "/sets").body();
        assertThat(empty).contains("Form sets").doesNotContain("Publish the sets");

        assertThat(lead.post("/cohorts/" + cohort + "/experience", Map.of("years-" + people.get(0).id(), "lots")).statusCode()).isEqualTo(422);
        assertThat(lead.post("/cohorts/" + cohort + "/experience", Map.of("years-" + people.get(0).id(), "12",
                "band-" + people.get(0).id(), "7")).statusCode()).isEqualTo(302);

        HttpResponse<String> badSize = lead.post("/cohorts/" + cohort + "/sets", Map.of("size", "1", "seed", "1"));
        assertThat(badSize.statusCode()).isEqualTo(422);
        assertThat(badSize.body()).contains("Sets have 3 to 12 people");
        assertThat(lead.post("/cohorts/" + cohort + "/sets", Map.of("size", "5", "seed", "3", "avoidPast", "true")).statusCode()).isEqualTo(302);
        String board = lead.get("/cohorts/" + cohort + "/sets").body();
        assertThat(board).contains("Set 1").contains("Set 2").doesNotContain("Set 3").contains("Diversity").contains("Publish the sets");

        // Move with htmx: only the board comes back, with the change announced.
        long mover = people.get(0).id();
        int to = setOf(cohort, mover) == 1 ? 2 : 1;
        Matcher csrf = CSRF.matcher(board);
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> fragment = htmxPost("/cohorts/" + cohort + "/sets/move", Map.of("person", String.valueOf(mover),
                "set", String.valueOf(to)), csrf.group(1));
        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.body()).startsWith("<div id=\"sets-board\">").doesNotContain("<html").contains("Person 0 moved to set " + to);
        assertThat(setOf(cohort, mover)).isEqualTo(to);
        // Without JavaScript the same form redirects back to the board.
        HttpResponse<String> unlock = lead.post("/cohorts/" + cohort + "/sets/lock", Map.of("person", String.valueOf(mover), "locked", "false"));
        assertThat(unlock.statusCode()).isEqualTo(302);
        assertThat(unlock.headers().firstValue("Location").orElse("")).isEqualTo("/cohorts/" + cohort + "/sets");

        assertThat(lead.post("/cohorts/" + cohort + "/sets/publish", Map.of()).statusCode()).isEqualTo(302);
        assertThat(lead.get("/cohorts/" + cohort + "/sets").body()).contains("Published").doesNotContain("Form again");

        // A member finds their set from the home page and records a meeting with an action.
        WebClient member = app.client();
        member.signIn("p0@setpages.example", TestApp.PASSWORD);
        String home = member.get("/").body();
        assertThat(home).contains("Your action learning sets").contains("Set " + to);
        long setId = app.jdbi().withHandle(h -> h.createQuery("SELECT set_id FROM learning_set_members WHERE cohort_id = :c AND person_id = :p")
                .bind("c", cohort).bind("p", mover).mapTo(Long.class).one());
        String setPage = member.get("/sets/" + setId).body();
        assertThat(setPage).contains("Person 0").contains("Record a meeting");
        member.get("/sets/" + setId + "/meetings/new");
        HttpResponse<String> missingDate = member.post("/sets/" + setId + "/meetings", Map.of("time", "10:00"));
        assertThat(missingDate.statusCode()).isEqualTo(422);
        assertThat(missingDate.body()).contains("Enter the date of the meeting");
        HttpResponse<String> saved = member.post("/sets/" + setId + "/meetings", Map.of("date", "2027-02-01", "time", "10:00",
                "presenter", String.valueOf(mover), "problem", "Waiting lists", "action-0", "Ring the GP federation",
                "actionPerson-0", String.valueOf(mover), "actionDue-0", "2027-02-14"));
        assertThat(saved.statusCode()).isEqualTo(302);
        long meetingId = WebClient.idFrom(saved, "/set-meetings/");
        assertThat(member.get("/set-meetings/" + meetingId).body()).contains("Waiting lists").contains("Ring the GP federation");
        assertThat(member.get("/").body()).contains("Your actions").contains("Ring the GP federation");

        // The facilitator sees the set and the meeting's date, not its record.
        assertThat(lead.get("/sets/" + setId).body()).contains("only its members see the meeting records").doesNotContain("Waiting lists");
        assertThat(lead.get("/set-meetings/" + meetingId).statusCode()).isEqualTo(403);
        // Someone in the other set learns nothing.
        long other = people.stream().map(Person::id).filter(id -> setOf(cohort, id) != to).findFirst().orElseThrow();
        WebClient outsider = app.client();
        int index = people.stream().map(Person::id).toList().indexOf(other);
        outsider.signIn("p" + index + "@setpages.example", TestApp.PASSWORD);
        assertThat(outsider.get("/set-meetings/" + meetingId).statusCode()).isEqualTo(404);
        assertThat(outsider.get("/cohorts/" + cohort + "/sets").statusCode()).isEqualTo(403);

        long actionId = app.jdbi().withHandle(h -> h.createQuery("SELECT id FROM actions WHERE person_id = :p").bind("p", mover)
                .mapTo(Long.class).one());
        assertThat(outsider.post("/actions/" + actionId + "/done", Map.of()).statusCode()).isEqualTo(404);
        member.get("/");
        assertThat(member.post("/actions/" + actionId + "/done", Map.of("back", "/#actions")).statusCode()).isEqualTo(302);
        assertThat(member.get("/").body()).doesNotContain("Ring the GP federation");
    }
}
