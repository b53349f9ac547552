package org.convene.programmes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convene.accounts.Role;
import org.convene.people.Person;
import org.convene.surveys.Distribution;
import org.convene.surveys.SurveyLinks;
import org.convene.testing.TestApp;
import org.convene.testing.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A cohort through the web pages: set up, enrol, attend, survey by personal link, PDSA log. */
class ProgrammePagesTest {
    private static final Pattern LINK = Pattern.compile("/s/([0-9]+-[A-Za-z0-9_-]+)");
    private static TestApp app;
    private static WebClient lead;
    private static final List<Person> participants = new ArrayList<>();

    @BeforeAll
    static void start() {
        app = TestApp.start();
        app.person("Lena Lead", "lena@test.example", "local_authority", Role.PROGRAMME_LEAD);
        String[] sectors = {"acute", "primary", "housing", "vcse", "adult_social_care", "mental_health"};
        for (int i = 0; i < 6; i++) {
            participants.add(app.person("Participant " + i, "p" + i + "@test.example", sectors[i], Role.PARTICIPANT));
        }
        lead = app.client();
        lead.signIn("lena@test.example", TestApp.PASSWORD);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static long newCohort(String programmeTitle) {
        lead.get("/programmes/new");
        HttpResponse<String> programme = lead.post("/programmes", Map.of("title", programmeTitle, "summary", "For managers and clinicians"));
        assertThat(programme.statusCode()).isEqualTo(302);
        long programmeId = WebClient.idFrom(programme, "/programmes/");
        HttpResponse<String> cohort = lead.post("/programmes/" + programmeId + "/cohorts",
                Map.of("name", "Cohort 1", "startsOn", "2026-01-10", "anonymous", "true"));
        assertThat(cohort.statusCode()).isEqualTo(302);
        return WebClient.idFrom(cohort, "/cohorts/");
    }

    @Test
    void aLeadSetsUpACohortAndItsModuleFeedbackReachesParticipantsByPersonalLink() throws Exception {
        long cohortId = newCohort("Collective Leadership");
        HttpResponse<String> module = lead.post("/cohorts/" + cohortId + "/modules", Map.of("title", "Wicked problems",
                "topic", "Appreciative Inquiry", "date", LocalDate.now().minusDays(1).toString(), "startTime", "09:30",
                "endTime", "16:00", "location", "Plymouth", "feedback", "true"));
        assertThat(module.statusCode()).isEqualTo(302);
        String emails = String.join("\n", participants.stream().map(Person::email).toList());
        assertThat(lead.post("/cohorts/" + cohortId + "/people", Map.of("emails", emails)).statusCode()).isEqualTo(302);

        String cohortPage = lead.get("/cohorts/" + cohortId).body();
        assertThat(cohortPage).contains("Module 1: Wicked problems", "Participant 5", "Feedback on module 1: Wicked problems", "0 of 0");
        long moduleId = Long.parseLong(find(cohortPage, "href=\"/modules/(\\d+)\""));

        // Five came, one sent apologies: only the five are asked for feedback.
        List<String> attendance = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            attendance.add("person-" + participants.get(i).id());
            attendance.add(i < 5 ? "present" : "apologies");
        }
        lead.get("/modules/" + moduleId);
        assertThat(lead.postPairs("/modules/" + moduleId + "/attendance", attendance.toArray(String[]::new)).statusCode()).isEqualTo(302);
        assertThat(lead.get("/modules/" + moduleId).body()).contains("checked");

        int emailed = new Distribution(app.jdbi(), new SurveyLinks(app.jdbi()), "http://localhost").openDue();
        assertThat(emailed).isEqualTo(5);
        List<String> bodies = app.jdbi().withHandle(h -> h.createQuery("SELECT body FROM outbox ORDER BY id").mapTo(String.class).list());
        assertThat(bodies).hasSize(5).allSatisfy(b -> assertThat(b).contains("/s/", "anonymous"));

        WebClient signedIn = app.client();
        signedIn.signIn("p0@test.example", TestApp.PASSWORD);
        assertThat(signedIn.get("/").body()).contains("A survey is waiting for your answers");
        WebClient absent = app.client();
        absent.signIn("p5@test.example", TestApp.PASSWORD);
        assertThat(absent.get("/").body()).as("sent apologies, so not asked").doesNotContain("waiting for your answers");

        // A participant opens the link without signing in, saves, comes back, then sends.
        String token = find(bodies.get(0), LINK.pattern());
        WebClient participant = app.client();
        String page = participant.get("/s/" + token).body();
        assertThat(page).contains("This module was useful for my work", "What went well?", "Participant");
        String usefulness = find(page, "name=\"(q\\d+)\" type=\"radio\" value=\"1\"");
        String wentWell = find(page, "<textarea class=\"govuk-textarea\" id=\"(q\\d+)\"");
        HttpResponse<String> saved = participant.post("/s/" + token, Map.of(usefulness, "4", wentWell, "Great group work", "action", "save"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(participant.get("/s/" + token).body()).contains("Great group work").containsPattern("value=\"4\" checked");

        HttpResponse<String> incomplete = participant.post("/s/" + token, Map.of(usefulness, "4", "action", "submit"));
        assertThat(incomplete.statusCode()).as("required items missing").isEqualTo(422);
        assertThat(incomplete.body()).contains("Answer this question");

        assertThat(participant.get("/s/" + token + "x").statusCode()).as("tampered link").isEqualTo(404);
        assertThat(participant.get("/s/1-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").statusCode()).isEqualTo(404);

        // The team sees nothing until five have answered, then every item and the comments by theme.
        long surveyId = Long.parseLong(find(lead.get("/modules/" + moduleId).body(), "href=\"/surveys/(\\d+)\""));
        for (int i = 0; i < 4; i++) {
            answerEverything(app.client(), find(bodies.get(i), LINK.pattern()), i == 0 ? "Great group work" : "Too many acronyms");
        }
        assertThat(lead.get("/surveys/" + surveyId + "/results").body()).contains("4 responses", "hidden until at least 5")
                .doesNotContain("Great group work");
        WebClient fifth = app.client();
        answerEverything(fifth, find(bodies.get(4), LINK.pattern()), "Far too much content for one day");
        HttpResponse<String> again = fifth.post("/s/" + find(bodies.get(4), LINK.pattern()), Map.of("action", "submit"));
        assertThat(again.statusCode()).as("sending twice changes nothing").isEqualTo(302);
        String results = lead.get("/surveys/" + surveyId + "/results").body();
        assertThat(results).contains("5 responses", "This module was useful for my work", "Great group work", "Too many acronyms",
                "Comments by theme", "<svg", "Log a course change from this feedback");
        long responses = app.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM survey_responses WHERE survey_id = :s "
                + "AND submitted_at IS NOT NULL").bind("s", surveyId).mapTo(Long.class).one());
        assertThat(responses).isEqualTo(5);
    }

    /** Answers every question of a survey by its personal link: the middle option of each choice, and one comment. */
    private static void answerEverything(WebClient client, String token, String comment) {
        String page = client.get("/s/" + token).body();
        Matcher radios = Pattern.compile("name=\"(q\\d+)\" type=\"radio\" value=\"([^\"]+)\"").matcher(page);
        Map<String, List<String>> options = new java.util.LinkedHashMap<>();
        while (radios.find()) {
            options.computeIfAbsent(radios.group(1), k -> new ArrayList<>()).add(radios.group(2));
        }
        List<String> form = new ArrayList<>();
        options.forEach((name, values) -> {
            form.add(name);
            form.add(values.get(values.size() / 2));
        });
        form.add(find(page, "<textarea class=\"govuk-textarea\" id=\"(q\\d+)\""));
        form.add(comment);
        form.add("action");
        form.add("submit");
        assertThat(client.postPairs("/s/" + token, form.toArray(String[]::new)).statusCode()).isEqualTo(302);
    }

    @Test
    void enrollingSomeoneWhoIsNotInTheDirectoryEnrolsNobodyAndSaysWhichLine() {
        long cohortId = newCohort("Second programme");
        HttpResponse<String> rejected = lead.post("/cohorts/" + cohortId + "/people",
                Map.of("emails", "p0@test.example\nnobody@nowhere.example\np1@test.example"));
        assertThat(rejected.statusCode()).isEqualTo(422);
        assertThat(rejected.body()).contains("Nobody was enrolled", "Line 2", "nobody@nowhere.example");
        assertThat(lead.get("/cohorts/" + cohortId).body()).contains("Nobody is enrolled yet");
    }

    @Test
    void aLeadFindsPeopleInTheDirectoryAndEnrolsThem() {
        long cohortId = newCohort("Fourth programme");
        String found = lead.get("/cohorts/" + cohortId + "?find=Participant").body();
        assertThat(found).contains("People matching “Participant”", "Participant 0", "Participant 5");
        HttpResponse<String> enrolled = lead.postPairs("/cohorts/" + cohortId + "/people",
                "people", String.valueOf(participants.get(1).id()), "people", String.valueOf(participants.get(2).id()));
        assertThat(enrolled.statusCode()).isEqualTo(302);
        assertThat(new Enrolments(app.jdbi()).list(cohortId)).extracting(Enrolment::name).containsExactly("Participant 1", "Participant 2");
        assertThat(lead.get("/cohorts/" + cohortId + "?find=zzzzqqq").body()).contains("Nobody in the directory matches");
    }

    @Test
    void aModuleNeedsATitleDateAndTimesInOrder() {
        long cohortId = newCohort("Third programme");
        lead.get("/cohorts/" + cohortId + "/modules/new");
        HttpResponse<String> bad = lead.post("/cohorts/" + cohortId + "/modules", Map.of("title", "", "date", "2026-02-30",
                "startTime", "16:00", "endTime", "09:00"));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("Error:", "Enter the module", "Enter a real date");
    }

    @Test
    void participantsCannotManageProgrammesOrSeeOtherCohorts() {
        long cohortId = newCohort("Private programme");
        WebClient p = app.client();
        p.signIn("p5@test.example", TestApp.PASSWORD);
        assertThat(p.get("/programmes/new").statusCode()).isEqualTo(403);
        assertThat(p.get("/cohorts/" + cohortId).statusCode()).isEqualTo(404);
        p.get("/programmes");
        assertThat(p.post("/programmes", Map.of("title", "Sneaky")).statusCode()).isEqualTo(403);
    }

    static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("pattern %s", regex).isTrue();
        return m.group(1);
    }
}
