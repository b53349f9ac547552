package org.convene.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.convene.accounts.Role;
import org.convene.directory.Reference;
import org.convene.programmes.CohortInput;
import org.convene.programmes.Enrolments;
import org.convene.programmes.ModuleInput;
import org.convene.programmes.ProgrammeInput;
import org.convene.programmes.Programmes;
import org.convene.surveys.Distribution;
import org.convene.surveys.Question;
import org.convene.surveys.QuestionKind;
import org.convene.surveys.Responses;
import org.convene.surveys.SurveyKind;
import org.convene.surveys.SurveyLinks;
import org.convene.surveys.SurveyTemplates;
import org.convene.surveys.Surveys;
import org.convene.testing.TestApp;
import org.convene.testing.WebClient;
import org.convene.web.Json;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The anonymity rule (issue 8) at every place survey results are broken down: survey results (page
 * and API), the evaluation report (page, PDF, data CSV, API), module trends and course changes, and
 * the impact dashboard (page, list, API) of a place. One cohort of seven holds the small groups a
 * reader could pick out: two of its seven live in another place than the rest, an optional question
 * only two answered, a sector of one among the people its survey connected.
 */
class SmallGroupsTest {
    private static final String LEAD = "lee@test.example";
    private static final String HIDDEN_ITEM = "Anything you would rather not say in front of the group?";
    private static TestApp app;
    private static WebClient lead;
    private static String token;
    private static long cohort;
    private static long custom;
    private static long feedback;
    private static long north;
    private static long south;
    private static final List<Long> members = new ArrayList<>();

    @BeforeAll
    static void start() {
        app = TestApp.startWithoutJobs();
        app.person("Lee Lead", LEAD, "local_authority", Role.PROGRAMME_LEAD);
        north = app.jdbi().withHandle(h -> Reference.placeId(h, "Northtown"));
        south = app.jdbi().withHandle(h -> Reference.placeId(h, "Southtown"));
        // Five in acute care in Northtown; one in acute care and one in housing in Southtown.
        for (int i = 0; i < 7; i++) {
            long id = app.person("Member " + i, "member" + i + "@test.example", i == 6 ? "housing" : "acute").id(); // no account: they answer through the service
            long place = i < 5 ? north : south;
            app.jdbi().useHandle(h -> h.execute("UPDATE people SET place_id = ? WHERE id = ?", place, id));
            members.add(id);
        }
        Programmes programmes = new Programmes(app.jdbi());
        long programme = programmes.create(new ProgrammeInput("Small groups programme", "").validated(), null).id();
        LocalDate today = LocalDate.now(ModuleInput.ZONE);
        cohort = programmes.createCohort(programme, new CohortInput("Cohort of seven", today.minusMonths(3).toString(),
                today.plusDays(1).toString(), true).validated()).id();
        new Enrolments(app.jdbi()).enrol(cohort, members);

        // Baseline and end: everyone answers both, so the cohort has seven pairs; at the end five
        // people name connections, the housing member among them.
        answerAll(open(SurveyKind.BASELINE, null), members, 0);
        long end = open(SurveyKind.END, null);
        answerAll(end, members, 1);

        // A survey of the lead's own whose second question is optional: six answer, two of them that one.
        Surveys surveys = new Surveys(app.jdbi());
        custom = surveys.create(cohort, SurveyKind.CUSTOM, "Half-way check", true).id();
        surveys.addQuestion(custom, new SurveyTemplates.Item("going_well", QuestionKind.LIKERT, "It is going well", "", List.of(), true, false));
        surveys.addQuestion(custom, new SurveyTemplates.Item("private_item", QuestionKind.LIKERT, HIDDEN_ITEM, "", List.of(), false, false));
        new Distribution(app.jdbi(), new SurveyLinks(app.jdbi()), "http://localhost").openNow(custom);
        answerAll(custom, members.subList(0, 6), 2);

        // A module whose feedback has an optional item only two answer.
        var module = programmes.createModule(cohort, new ModuleInput("Module one", "Team dynamics", today.minusDays(2).toString(),
                "09:30", "16:00", "Leeds", false, false, true, List.of()).validated());
        Map<Long, String> present = new HashMap<>();
        members.forEach(m -> present.put(m, "present"));
        new Enrolments(app.jdbi()).recordAttendance(module.id(), present, null);
        feedback = app.jdbi().withHandle(h -> h.createQuery("SELECT id FROM surveys WHERE module_id = :m").bind("m", module.id())
                .mapTo(Long.class).one());
        surveys.addQuestion(feedback, new SurveyTemplates.Item("extra_item", QuestionKind.LIKERT, "The room was warm enough", "",
                List.of(), false, false));
        new Distribution(app.jdbi(), new SurveyLinks(app.jdbi()), "http://localhost").openNow(feedback);
        answerAll(feedback, members.subList(0, 6), 3);
        // The cohort ended yesterday, so the impact dashboard's default year counts it.
        app.jdbi().useHandle(h -> h.execute("UPDATE cohorts SET ends_on = ? WHERE id = ?", today.minusDays(1), cohort));

        lead = app.client();
        lead.signIn(LEAD, TestApp.PASSWORD);
        token = app.token(LEAD);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static long open(SurveyKind kind, String title) {
        long id = new Surveys(app.jdbi()).create(cohort, kind, title, true).id();
        new Distribution(app.jdbi(), new SurveyLinks(app.jdbi()), "http://localhost").openNow(id);
        return id;
    }

    /**
     * Every person answers every question (optional numeric ones of the lead's survey and the
     * module's feedback: only the first two people), and submits.
     * Numbers vary by person and survey; in the end survey the first five name a connection each,
     * the fifth naming the housing member.
     */
    private static void answerAll(long surveyId, List<Long> people, int salt) {
        Responses responses = new Responses(app.jdbi());
        List<Question> questions = new Surveys(app.jdbi()).questions(surveyId);
        for (int p = 0; p < people.size(); p++) {
            Map<Long, Responses.Answer> answers = new LinkedHashMap<>();
            for (Question q : questions) {
                boolean ownSurvey = salt >= 2; // the lead's survey and the module's: their optional items only two answer
                if (ownSurvey && !q.required() && p >= 2 && q.kind().numeric()) {
                    continue;
                }
                int n = 1 + (p * 3 + salt + q.position()) % 5;
                Responses.Answer a = switch (q.kind()) {
                    case LIKERT -> new Responses.Answer(q.id(), n, q.thenTest() ? Math.max(1, n - 1) : null, List.of(), "", List.of());
                    case RATING -> new Responses.Answer(q.id(), n * 2, null, List.of(), "", List.of());
                    case SINGLE, MULTIPLE -> new Responses.Answer(q.id(), null, null, List.of(q.options().get(0)), "", List.of());
                    case TEXT -> new Responses.Answer(q.id(), null, null, List.of(), "Comment " + salt + "." + p, List.of());
                    case CONNECTIONS -> new Responses.Answer(q.id(), null, null, List.of(), "",
                            salt == 1 && p < 5 ? List.of(members.get(p == 4 ? 6 : (p + 1) % 4)) : List.of());
                };
                answers.put(q.id(), a);
            }
            long invitation = responses.invitationFor(surveyId, people.get(p)).orElseThrow().id();
            assertThat(responses.save(invitation, answers, true, null)).as("person " + p + " in survey " + surveyId)
                    .isEqualTo(Responses.Outcome.SUBMITTED);
        }
    }

    private static JsonNode api(String path) throws IOException {
        HttpResponse<String> r = WebClient.api(app, "GET", path, token, null);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return Json.MAPPER.readTree(r.body());
    }

    private static Document page(String path) {
        HttpResponse<String> r = lead.get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(r.body());
    }

    @Test
    void anOptionalQuestionAnsweredByTwoIsHiddenInTheResultsThoughTheSurveyHasSix() throws IOException {
        JsonNode results = api("/api/v1/surveys/" + custom + "/results");
        assertThat(results.get("withheld").asBoolean()).isFalse();
        assertThat(results.get("responses").asInt()).isEqualTo(6);
        JsonNode shown = results.get("items").get(0);
        JsonNode hidden = results.get("items").get(1);
        assertThat(shown.get("answered").asInt()).isEqualTo(6);
        assertThat(shown.get("counts").size()).isEqualTo(5);
        assertThat(hidden.get("question").get("code").asText()).isEqualTo("private_item");
        assertThat(hidden.get("answered").asInt()).isEqualTo(2);
        assertThat(hidden.get("withheld").asBoolean()).isTrue();
        assertThat(hidden.get("counts").size()).isZero();
        assertThat(hidden.get("mean").isNull()).isTrue();

        Document page = page("/surveys/" + custom + "/results");
        assertThat(page.select("caption").eachText()).contains("Answers to: It is going well").doesNotContain("Answers to: " + HIDDEN_ITEM);
        assertThat(page.text()).contains("The answers to this question are hidden: fewer than 5 people answered it");
        assertThat(page.select("figure.convene-chart")).hasSize(1);
    }

    @Test
    void aModuleItemOnlyTwoAnsweredHasNoMeanInTheTrendsTheReportOrACourseChange() throws IOException {
        JsonNode report = api("/api/v1/cohorts/" + cohort + "/report");
        boolean seen = false;
        for (JsonNode trend : report.get("trends")) {
            for (JsonNode point : trend.get("points")) {
                if (trend.get("code").asText().equals("extra_item")) {
                    seen = true;
                    assertThat(point.get("mean").isNull()).as("extra_item's mean from two answers").isTrue();
                } else {
                    assertThat(point.get("mean").isNull()).as(trend.get("code").asText() + " from six answers").isFalse();
                }
            }
        }
        assertThat(seen).isTrue();

        long module = app.jdbi().withHandle(h -> h.createQuery("SELECT module_id FROM surveys WHERE id = :s").bind("s", feedback)
                .mapTo(Long.class).one());
        JsonNode change = Json.MAPPER.readTree(WebClient.api(app, "POST", "/api/v1/cohorts/" + cohort + "/changes", token, """
                {"title": "Warmer room", "planWhat": "Book another room", "promptedByModule": %d, "itemCode": "extra_item"}"""
                .formatted(module)).body());
        assertThat(change.get("before").isNull()).as("the item's mean in the prompting module").isTrue();

        Document results = page("/surveys/" + feedback + "/results");
        assertThat(results.text()).contains("The answers to this question are hidden");
    }

    @Test
    void theReportDataLeavesOutAnswersToAnItemFewerThanFiveAnswered() throws IOException {
        String csv = lead.get("/cohorts/" + cohort + "/report-data.csv").body();
        Map<String, Integer> answersByItem = new HashMap<>();
        for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv))) {
            if (row.get("source").equals("survey") && !row.get("value").isEmpty()) {
                answersByItem.merge(row.get("survey_id") + ":" + row.get("item"), 1, Integer::sum);
            }
        }
        assertThat(answersByItem).containsKey(custom + ":going_well").doesNotContainKey(custom + ":private_item")
                .doesNotContainKey(feedback + ":extra_item");
        assertThat(answersByItem.values()).allMatch(n -> n >= 5);
    }

    @Test
    void theReportDataCannotBeJoinedToTheAttendanceTheTeamRecordsToFindWhoseAnswersAreWhose() throws IOException {
        String csv = lead.get("/cohorts/" + cohort + "/report-data.csv").body();
        java.util.Set<String> answering = new java.util.HashSet<>();
        java.util.Set<String> attending = new java.util.HashSet<>();
        for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv))) {
            (row.get("source").equals("attendance") ? attending : answering).add(row.get("respondent"));
        }
        answering.remove("");
        assertThat(attending).hasSize(7);
        assertThat(answering).isNotEmpty().doesNotContainAnyElementsOf(attending);
    }

    @Test
    void peopleInTheNewConnectionsAreNotShownBySectorWhereASectorHasFewerThanFive() throws IOException {
        JsonNode connections = api("/api/v1/cohorts/" + cohort + "/report").get("connections");
        int people = connections.get("people").asInt();
        assertThat(people).isGreaterThanOrEqualTo(6);
        int sum = 0;
        for (var e : (Iterable<Map.Entry<String, JsonNode>>) connections.get("bySector")::fields) {
            sum += e.getValue().asInt();
            assertThat(e.getKey()).as("a sector of one").isNotEqualTo("Housing");
            assertThat(e.getValue().asInt()).as(e.getKey()).isGreaterThanOrEqualTo(5);
        }
        assertThat(sum).isEqualTo(people);

        Element table = page("/cohorts/" + cohort + "/report").selectFirst("table:has(caption:contains(People in the new connections))");
        assertThat(table).isNotNull();
        assertThat(table.text()).doesNotContain("Housing");

        String pdf = pdfText("/api/v1/cohorts/" + cohort + "/report.pdf");
        assertThat(pdf).contains("People in the new connections").doesNotContain("Housing");
    }

    @Test
    void aPlaceSeesNoCohortFiguresThatTheWholeSystemsWouldGiveAwayForTheOtherTwo() throws IOException {
        JsonNode system = cohortConfidence(api("/api/v1/impact"));
        assertThat(system.get("pairs").asInt()).isEqualTo(7);
        assertThat(system.get("meanBefore").isNull()).as("seven pairs are shown").isFalse();

        // Northtown holds five of the seven: enough on its own, but the system's seven minus
        // Northtown's five would be Southtown's two.
        JsonNode northView = api("/api/v1/impact?scope=place:" + north);
        JsonNode northCohort = cohortConfidence(northView);
        assertThat(northCohort.get("pairs").asInt()).isEqualTo(5);
        assertThat(northCohort.get("meanBefore").isNull()).isTrue();
        assertThat(northCohort.get("meanAfter").isNull()).isTrue();
        assertThat(northCohort.get("roseShare").isNull()).isTrue();
        assertThat(northView.get("confidence").get("overall").isNull()).isTrue();
        assertThat(northView.get("confidence").get("programmes")).isEmpty();
        JsonNode southCohort = cohortConfidence(api("/api/v1/impact?scope=place:" + south));
        assertThat(southCohort.get("meanBefore").isNull()).isTrue();

        JsonNode list = api("/api/v1/impact/confidence?scope=place:" + north);
        assertThat(list.toString()).contains("Withheld");
        Document dashboard = page("/impact/confidence?scope=place:" + north);
        assertThat(dashboard.select("td").eachText()).contains("Withheld");
        String download = lead.get("/impact/report.html?scope=place:" + north).body();
        assertThat(Jsoup.parse(download).text()).doesNotContain(String.format(java.util.Locale.UK, "%.2f",
                system.get("meanBefore").asDouble()));
    }

    @Test
    void aSurveyOfFourShowsNothingAnywhere() throws IOException {
        long four = new Surveys(app.jdbi()).create(cohort, SurveyKind.CUSTOM, "Four only", true).id();
        new Surveys(app.jdbi()).addQuestion(four, new SurveyTemplates.Item("q", QuestionKind.LIKERT, "Four of us", "", List.of(), true, false));
        new Distribution(app.jdbi(), new SurveyLinks(app.jdbi()), "http://localhost").openNow(four);
        answerAll(four, members.subList(0, 4), 4);
        JsonNode results = api("/api/v1/surveys/" + four + "/results");
        assertThat(results.get("withheld").asBoolean()).isTrue();
        assertThat(results.has("items")).isFalse();
        assertThat(page("/surveys/" + four + "/results").text()).contains("The results are hidden until at least 5 people have answered");
        assertThat(lead.get("/cohorts/" + cohort + "/report-data.csv").body()).doesNotContain("survey," + four + ",");
    }

    private static JsonNode cohortConfidence(JsonNode figures) {
        for (JsonNode c : figures.get("confidence").get("cohorts")) {
            if (c.get("cohortId").asLong() == cohort) {
                return c;
            }
        }
        throw new AssertionError("No cohort " + cohort + " in " + figures.get("confidence"));
    }

    private static String pdfText(String path) throws IOException {
        try {
            byte[] pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.url(path)))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                return new PDFTextStripper().getText(doc);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
