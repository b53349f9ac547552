package org.convene.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convene.accounts.Role;
import org.convene.demo.DemoData;
import org.convene.people.Person;
import org.convene.programmes.ModuleInput;
import org.convene.surveys.Question;
import org.convene.surveys.Surveys;
import org.convene.testing.TestApp;
import org.convene.testing.WebClient;
import org.convene.text.Themes;
import org.convene.web.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 3's browser scenario, end to end in real Chromium: a programme lead sets up a programme,
 * a cohort and a module (dated yesterday, with feedback), enrols people by email; a facilitator
 * takes attendance; the lead opens the module's feedback survey; participants answer it through
 * the personal link in their email and as signed-in participants through "Your surveys"; the
 * facilitator reads the results, logs a course change (PDSA) and downloads the evaluation report
 * as a PDF. Everything is found as a screen-reader user finds it: role and accessible name, or label.
 */
@Tag("browser")
class ProgrammeJourneyTest {
    @RegisterExtension
    static final Chromium chromium = new Chromium();

    private static final Pattern SURVEY_LINK = Pattern.compile("/s/([A-Za-z0-9_-]+)");
    private static final String USEFUL = "This module was useful for my work";
    private static final String DISCUSSION = "There was enough time for discussion and working in groups";
    private static final String PACE = "The pace of the module was";
    private static final String RECOMMEND = "How likely are you to recommend this module to a colleague?";
    private static final String CONNECTIONS = "Who did you make a new working connection with at this module?";

    private static DemoSite site;
    private static final List<Person> participants = new ArrayList<>();

    @BeforeAll
    static void start() {
        site = DemoSite.start();
        String[][] people = {
            {"Amara Oduya", "acute"}, {"Bernard Castell", "mental_health"}, {"Cerys Llewellyn", "community"},
            {"Dominic Farrant", "primary"}, {"Esme Whitlock", "adult_social_care"}, {"Faisal Rahmani", "acute"},
            {"Gwen Abernethy", "community"},
        };
        for (String[] p : people) {
            String email = p[0].toLowerCase().replace(' ', '.') + "@journey.example";
            participants.add(site.app.person(p[0], email, p[1], Role.PARTICIPANT));
        }
        holdSurveyDistribution();
    }

    @AfterAll
    static void stop() {
        if (site != null) {
            site.close();
        }
    }

    /**
     * Keeps the background job that opens due surveys from running during the journey. A module
     * dated yesterday has a feedback survey already due, and the job (every 30 seconds) would open
     * it, possibly before anyone is enrolled or attendance is taken, taking "Open now" away from the
     * lead. The test plays a lead who does all this within one run of the job. db-scheduler picks a
     * task by its version, so moving the time and bumping the version keeps it waiting.
     */
    private static void holdSurveyDistribution() {
        long deadline = System.currentTimeMillis() + 60_000;
        while (site.jdbi().withHandle(h -> h.createUpdate("UPDATE scheduled_tasks SET execution_time = now() + interval '1 day', "
                + "version = version + 1 WHERE task_name = 'survey-distribution' AND NOT picked").execute()) != 1) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("The survey-distribution job could not be held");
            }
            sleep(200);
        }
    }

    @Test
    void aLeadSetsUpACohortParticipantsGiveFeedbackAndTheTeamActsOnIt() throws Exception {
        DemoData.DemoAccount leadAccount = site.account(Role.PROGRAMME_LEAD);
        DemoData.DemoAccount facilitatorAccount = site.account(Role.FACILITATOR);
        String programmeTitle = "Leading Across Boundaries";
        String cohortName = "Cohort 1, browser test";
        String moduleTitle = "Working with wicked problems";
        String moduleLabel = "Module 1: " + moduleTitle;
        String surveyTitle = "Feedback on module 1: " + moduleTitle;
        LocalDate yesterday = LocalDate.now(ModuleInput.ZONE).minusDays(1);
        Person amara = participants.get(0); // answers through the link in her email
        Person bernard = participants.get(1); // signs in and answers from "Your surveys"
        Person gwen = participants.get(6); // sends apologies, so is not asked for feedback

        try (Chromium.Watched leadWindow = chromium.newPage(site.app);
             Chromium.Watched facilitatorWindow = chromium.newPage(site.app)) {
            Page lead = leadWindow.page();
            Page facilitator = facilitatorWindow.page();

            // The lead creates a programme and a cohort through the forms.
            DemoSite.signIn(lead, leadAccount.email(), site.password());
            navigation(lead).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Programmes")).click();
            assertThat(heading(lead, "Programmes")).isVisible();
            link(lead, "Create a programme").click();
            assertThat(heading(lead, "Create a programme")).isVisible();
            lead.getByLabel("Title", new Page.GetByLabelOptions().setExact(true)).fill(programmeTitle);
            lead.getByLabel("Summary (optional)").fill("For managers and clinicians across health and social care");
            button(lead, "Save").click();
            assertThat(lead.getByRole(AriaRole.ALERT)).containsText(programmeTitle + " has been created");
            assertThat(heading(lead, programmeTitle)).isVisible();

            link(lead, "Add a cohort").click();
            assertThat(heading(lead, "Add a cohort")).isVisible();
            lead.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(cohortName);
            lead.getByLabel("Starts on (optional)").fill(yesterday.minusWeeks(1).toString());
            lead.getByLabel("Ends on (optional)").fill(yesterday.plusMonths(5).toString());
            assertThat(lead.getByLabel("Keep feedback anonymous")).isChecked();
            button(lead, "Save").click();
            assertThat(lead.getByRole(AriaRole.ALERT)).containsText(cohortName + " has been created");
            assertThat(heading(lead, cohortName)).isVisible();
            long cohortId = idIn(lead.url(), "/cohorts/");

            // A module dated yesterday, with feedback on (the default) and the demo facilitator.
            link(lead, "Add a module").click();
            assertThat(heading(lead, "Add a module")).isVisible();
            lead.getByLabel("Title", new Page.GetByLabelOptions().setExact(true)).fill(moduleTitle);
            lead.getByLabel("Topic (optional)").fill("Complex adaptive systems");
            lead.getByLabel("Date", new Page.GetByLabelOptions().setExact(true)).fill(yesterday.toString());
            assertThat(lead.getByLabel("Starts at")).hasValue("09:30");
            assertThat(lead.getByLabel("Ends at")).hasValue("16:00");
            lead.getByLabel("Place or online link (optional)").fill("Plymouth Guildhall");
            assertThat(lead.getByLabel("Ask for feedback when it ends")).isChecked();
            lead.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Facilitators"))
                    .getByLabel(facilitatorAccount.personName(), new Locator.GetByLabelOptions().setExact(true)).check();
            button(lead, "Save").click();
            assertThat(lead.getByRole(AriaRole.ALERT)).containsText(moduleLabel + " has been added. Its feedback survey opens when it ends.");
            assertThat(link(lead, moduleLabel)).isVisible();
            Locator surveyRow = row(lead, surveyTitle);
            assertThat(surveyRow).containsText("Scheduled");
            assertThat(surveyRow).containsText("0 of 0");

            // Enrolling by typing their email addresses.
            lead.getByLabel("Or enrol by email address").fill(String.join("\n", participants.stream().map(Person::email).toList()));
            button(lead, "Enrol").click();
            assertThat(lead.getByRole(AriaRole.ALERT)).containsText(participants.size() + " people enrolled");
            for (Person p : participants) {
                assertThat(link(lead, p.fullName())).isVisible();
            }

            // The facilitator takes attendance: everyone came but Gwen, who sent apologies.
            DemoSite.signIn(facilitator, facilitatorAccount.email(), site.password());
            navigation(facilitator).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Programmes")).click();
            link(facilitator, programmeTitle).click();
            assertThat(heading(facilitator, programmeTitle)).isVisible();
            assertThat(link(facilitator, "Add a cohort")).hasCount(0); // programme leads only
            link(facilitator, cohortName).click();
            link(facilitator, moduleLabel).click();
            assertThat(heading(facilitator, moduleLabel)).isVisible();
            assertThat(heading(facilitator, "Attendance")).isVisible();
            for (Person p : participants) {
                facilitator.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(p.fullName()).setExact(true))
                        .getByLabel(p == gwen ? "Apologies" : "Present", new Locator.GetByLabelOptions().setExact(true)).check();
            }
            button(facilitator, "Save attendance").click();
            assertThat(facilitator.getByRole(AriaRole.ALERT)).containsText("Attendance saved: 6 present");
            assertThat(facilitator.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(gwen.fullName()).setExact(true))
                    .getByLabel("Apologies", new Locator.GetByLabelOptions().setExact(true))).isChecked();

            // The lead opens the module's feedback survey from the module page.
            link(lead, moduleLabel).click();
            assertThat(heading(lead, moduleLabel)).isVisible();
            summaryValue(lead, "Feedback survey").getByRole(AriaRole.LINK).click();
            assertThat(heading(lead, surveyTitle)).isVisible();
            long surveyId = idIn(lead.url(), "/surveys/");
            assertThat(summaryValue(lead, "Status")).hasText("Scheduled");
            button(lead, "Open now and send invitations").click();
            assertThat(lead.getByRole(AriaRole.ALERT)).containsText("The survey is open. 6 invitations are on the way.");
            assertThat(summaryValue(lead, "Status")).hasText("Open");
            assertThat(summaryValue(lead, "Responses")).containsText("0 of 6 invited");
            assertThat(button(lead, "Open now and send invitations")).hasCount(0);
            assertThat(outboxBody(gwen.email())).as("Gwen sent apologies, so she is not asked").isNull();

            // Amara answers through the personal link in her email, without signing in.
            try (Chromium.Watched amaraWindow = chromium.newPage(site.app)) {
                Page page = amaraWindow.page();
                page.navigate(personalLink(amara.email()));
                assertThat(heading(page, surveyTitle)).isVisible();
                assertThat(page.getByText("For " + amara.fullName())).isVisible();
                choose(page, USEFUL, "Agree");
                page.getByLabel("What went well?").fill("The facilitators kept the group discussion focused");
                button(page, "Save and come back later").click();
                assertThat(page.getByRole(AriaRole.ALERT)).containsText("Your answers are saved");

                // Coming back later through the same link, the saved answers are there.
                page.navigate(personalLink(amara.email()));
                assertThat(question(page, USEFUL).getByLabel("Agree", new Locator.GetByLabelOptions().setExact(true))).isChecked();
                assertThat(page.getByLabel("What went well?")).hasValue("The facilitators kept the group discussion focused");

                // Sending with required answers missing says which, and keeps what was given.
                button(page, "Send my answers").click();
                Locator summary = page.getByRole(AriaRole.ALERT);
                assertThat(summary).containsText("There is a problem");
                assertThat(summary).containsText("Answer this question: " + DISCUSSION);
                assertThat(summary).containsText("Answer this question: " + PACE);
                assertThat(question(page, USEFUL).getByLabel("Agree", new Locator.GetByLabelOptions().setExact(true))).isChecked();
                summary.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Answer this question: " + DISCUSSION)).click();
                assertThat(question(page, DISCUSSION).getByRole(AriaRole.RADIO).first()).isFocused();

                choose(page, DISCUSSION, "Strongly agree");
                choose(page, PACE, "About right");
                choose(page, RECOMMEND, "9");
                page.getByLabel("Even better if…").fill("More time for group work after lunch");
                question(page, CONNECTIONS).getByLabel(bernard.fullName()).check();
                button(page, "Send my answers").click();
                assertThat(page.getByRole(AriaRole.ALERT)).containsText("Thank you: your answers have been sent.");
                assertThat(page.getByText("You sent your answers on")).isVisible();
                assertThat(button(page, "Send my answers")).hasCount(0);
                amaraWindow.problems().assertNone("Answering through the personal link");
            }
            assertThat(tieBetween(amara.id(), bernard.id())).as("the new connection Amara reported").isTrue();

            // Bernard signs in and answers from "Your surveys", saving once before sending.
            try (Chromium.Watched bernardWindow = chromium.newPage(site.app)) {
                Page page = bernardWindow.page();
                DemoSite.signIn(page, bernard.email(), TestApp.PASSWORD);
                navigation(page).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Programmes")).click();
                assertThat(link(page, programmeTitle + ": " + cohortName)).isVisible();
                link(page, "Your surveys").click();
                assertThat(heading(page, "Your surveys")).isVisible();
                assertThat(row(page, surveyTitle)).containsText("To do");
                link(page, surveyTitle).click();
                assertThat(heading(page, surveyTitle)).isVisible();
                choose(page, USEFUL, "Strongly agree");
                choose(page, DISCUSSION, "Disagree");
                button(page, "Save and come back later").click();
                assertThat(page.getByRole(AriaRole.ALERT)).containsText("Your answers are saved");
                assertThat(page).hasURL(site.app.url("/my/surveys/" + surveyId));
                choose(page, PACE, "Too fast");
                choose(page, RECOMMEND, "7");
                page.getByLabel("Even better if…").fill("Less time in the lecture theatre, more time in small groups");
                button(page, "Send my answers").click();
                assertThat(page.getByRole(AriaRole.ALERT)).containsText("Thank you: your answers have been sent.");
                navigation(page).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Programmes")).click();
                link(page, "Your surveys").click();
                assertThat(row(page, surveyTitle)).containsText("Sent");
                bernardWindow.problems().assertNone("Answering from Your surveys");
            }

            // With two answers, the facilitator sees the count but not the results: anonymity needs five.
            facilitator.reload();
            summaryValue(facilitator, "Feedback survey").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(
                    Pattern.compile("2 of 6 responses"))).click();
            assertThat(heading(facilitator, surveyTitle)).isVisible();
            assertThat(summaryValue(facilitator, "Responses")).containsText("2 of 6 invited");
            assertThat(button(facilitator, "Open now and send invitations")).hasCount(0); // programme leads only
            { // The results page, below five: withheld
                link(facilitator, "See the results").click();
                assertThat(heading(facilitator, "Results: " + surveyTitle)).isVisible();
                assertThat(facilitator.locator("main")).containsText("2 responses");
                assertThat(facilitator.getByText("Even better if", new Page.GetByTextOptions().setExact(false))).hasCount(0);
                facilitator.goBack();
            }

            // Three more answers to reach five: one through the plain HTML form, two through the JSON API.
            List<Question> questions = new Surveys(site.jdbi()).questions(surveyId);
            String venue = "The room was too hot and the car park was full";
            String speakers = "Brilliant speakers who really knew the system";
            answerThroughTheForm(participants.get(2), questions, venue);
            answerThroughTheApi(participants.get(3), surveyId, questions, 4, speakers);
            answerThroughTheApi(participants.get(4), surveyId, questions, 5, "");

            facilitator.reload();
            assertThat(summaryValue(facilitator, "Responses")).containsText("5 of 6 invited");
            { // The results page at five responses: items and comments by theme
                link(facilitator, "See the results").click();
                Locator main = facilitator.locator("main");
                assertThat(heading(facilitator, "Results: " + surveyTitle)).isVisible();
                assertThat(main).containsText("5 responses");
                assertThat(main.getByText(USEFUL).first()).isVisible();
                assertThat(main.getByText(DISCUSSION).first()).isVisible();
                for (String comment : List.of("More time for group work after lunch", venue, speakers)) {
                    assertThat(main.getByText(comment, new Locator.GetByTextOptions().setExact(false)).first()).isVisible();
                    String theme = Themes.standard().name(Themes.standard().theme(comment));
                    assertThat(facilitator.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                            .setName(java.util.regex.Pattern.compile("^" + theme + ": \\d+ comment"))).first()).isVisible();
                }
                facilitator.goBack();
            }

            // The facilitator logs a course change from the cohort page.
            link(facilitator, programmeTitle + ": " + cohortName).click();
            assertThat(heading(facilitator, cohortName)).isVisible();
            assertThat(row(facilitator, surveyTitle)).containsText("5 of 6");
            link(facilitator, "Log a course change").click();
            assertThat(heading(facilitator, "Log a course change")).isVisible();
            facilitator.getByLabel("Short title").fill("More time for group work");
            facilitator.getByLabel("What will change?").fill("Move the lecture to the morning and give the afternoon to small groups");
            facilitator.getByLabel("Why? (optional)").fill("Feedback asked for more time in small groups");
            facilitator.getByLabel("Prompted by the feedback on").selectOption(new SelectOption().setLabel(moduleLabel));
            facilitator.getByLabel("The survey item to watch").selectOption(new SelectOption().setLabel(DISCUSSION));
            assertThat(facilitator.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Decision"))
                    .getByLabel("Not decided yet")).isChecked();
            button(facilitator, "Save").click();
            assertThat(facilitator.getByRole(AriaRole.ALERT)).containsText("The change has been added to the course's PDSA log");
            Locator change = row(facilitator, "More time for group work");
            assertThat(change).containsText(moduleLabel);
            assertThat(change).containsText("interactivity");

            // The evaluation report loads, and its PDF downloads.
            link(facilitator, "Evaluation report").click();
            assertThat(heading(facilitator, "Evaluation report: " + programmeTitle + ", " + cohortName)).isVisible();
            assertThat(facilitator.locator("main")).containsText(moduleLabel);
            facilitatorWindow.problems().assertNone("The facilitator's pages");
            Download download = facilitator.waitForDownload(() -> link(facilitator, "Download PDF").click());
            assertThat(download.failure()).isNull();
            assertThat(download.suggestedFilename()).endsWith(".pdf");
            byte[] pdf = Files.readAllBytes(download.path());
            assertThat(new String(pdf, 0, Math.min(pdf.length, 5), StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
            assertThat(pdf.length).isGreaterThan(1000);
            facilitatorWindow.problems().assertNone("Downloading the PDF");

            leadWindow.problems().assertNone("The lead's pages");
        }
    }


    // Answers not given through the browser

    /** A participant's answers through the plain HTML form at their personal link (no browser, no JavaScript). */
    private static void answerThroughTheForm(Person person, List<Question> questions, String evenBetter) {
        WebClient client = site.app.client();
        String path = personalLink(person.email());
        assertThat(client.get(path).statusCode()).isEqualTo(200);
        Map<String, String> form = new LinkedHashMap<>();
        form.put(field(questions, "usefulness"), "4");
        form.put(field(questions, "interactivity"), "2");
        form.put(field(questions, "pace"), "About right");
        form.put(field(questions, "recommend"), "8");
        form.put(field(questions, "even_better_if"), evenBetter);
        form.put("action", "submit");
        HttpResponse<String> sent = client.post(path, form);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
    }

    /** A participant's answers through PUT /api/v1/my/surveys/{id} with their personal access token. */
    private static void answerThroughTheApi(Person person, long surveyId, List<Question> questions, int usefulness, String wentWell)
            throws IOException, InterruptedException {
        String token = site.app.token(person.email());
        List<Map<String, Object>> answers = new ArrayList<>();
        answers.add(Map.of("questionId", id(questions, "usefulness"), "number", usefulness));
        answers.add(Map.of("questionId", id(questions, "interactivity"), "number", 3));
        answers.add(Map.of("questionId", id(questions, "pace"), "choices", List.of("About right")));
        answers.add(Map.of("questionId", id(questions, "recommend"), "number", 10));
        if (!wentWell.isEmpty()) {
            answers.add(Map.of("questionId", id(questions, "went_well"), "text", wentWell));
        }
        JsonNode outcome = api("PUT", "/api/v1/my/surveys/" + surveyId, token, Map.of("answers", answers, "submit", true));
        assertThat(outcome.get("outcome").asText()).isEqualTo("submitted");
    }

    private static JsonNode api(String method, String path, String token, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(site.app.url(path)))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(200);
        return Json.MAPPER.readTree(response.body());
    }

    private static long id(List<Question> questions, String code) {
        return questions.stream().filter(q -> q.code().equals(code)).findFirst().orElseThrow().id();
    }

    private static String field(List<Question> questions, String code) {
        return "q" + id(questions, code);
    }

    // The email outbox and the database

    /** The newest email to this address, or null. */
    private static String outboxBody(String email) {
        return site.jdbi().withHandle(h -> h.createQuery("SELECT body FROM outbox WHERE recipient = :r ORDER BY id DESC LIMIT 1")
                .bind("r", email).mapTo(String.class).findOne().orElse(null));
    }

    /** The path of the personal survey link in the newest email to this address. */
    static String personalLink(String email) {
        String body = outboxBody(email);
        assertThat(body).as("an invitation emailed to " + email).isNotNull();
        Matcher m = SURVEY_LINK.matcher(body);
        assertThat(m.find()).as("a personal link in: " + body).isTrue();
        return "/s/" + m.group(1);
    }

    private static boolean tieBetween(long a, long b) {
        return site.jdbi().withHandle(h -> h.createQuery("SELECT EXISTS (SELECT 1 FROM ties WHERE ended_on IS NULL "
                        + "AND ((person_a = :a AND person_b = :b) OR (person_a = :b AND person_b = :a)))")
                .bind("a", a).bind("b", b).mapTo(Boolean.class).one());
    }

    private static long idIn(String url, String prefix) {
        Matcher m = Pattern.compile(Pattern.quote(prefix) + "(\\d+)").matcher(url);
        assertThat(m.find()).as(url).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // Finding things as a screen-reader user would

    private static Locator navigation(Page page) {
        return page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Menu"));
    }

    private static Locator heading(Page page, String name) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static Locator link(Page page, String name) {
        return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /** The table row with a link of this name. */
    private static Locator row(Page page, String linkName) {
        return page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHas(link(page, linkName)));
    }

    /** A survey question: its group (fieldset, named by its legend). */
    private static Locator question(Page page, String prompt) {
        return page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(Pattern.compile("^" + literal(prompt))));
    }

    /** Text as a regular expression that also reads the same in JavaScript (which has no \Q...\E). */
    private static String literal(String text) {
        return text.replaceAll("[.*+?^${}()|\\[\\]\\\\/]", "\\\\$0");
    }

    private static void choose(Page page, String prompt, String answer) {
        question(page, prompt).getByLabel(answer, new Locator.GetByLabelOptions().setExact(true)).check();
    }

    /** The value beside a key in a GOV.UK summary list. */
    private static Locator summaryValue(Page page, String key) {
        return page.locator(".govuk-summary-list__row")
                .filter(new Locator.FilterOptions().setHas(page.locator("dt", new Page.LocatorOptions().setHasText(key))))
                .locator("dd");
    }
}
