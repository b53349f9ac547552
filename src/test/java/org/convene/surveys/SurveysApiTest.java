package org.convene.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.convene.accounts.Role;
import org.convene.people.Person;
import org.convene.testing.TestApp;
import org.convene.testing.WebClient;
import org.convene.web.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Surveys through HTTP with real tokens: the lead builds and opens them, participants answer
 * theirs, the team reads results that stay withheld below five anonymous responses.
 */
class SurveysApiTest {
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static TestApp app;
    private static String lead;
    private static String facilitator;
    private static String outsider;
    private static final List<Person> people = new ArrayList<>();
    private static final List<String> tokens = new ArrayList<>();

    @BeforeAll
    static void start() {
        app = TestApp.start();
        app.person("Lee Lead", "lee@test.example", "local_authority", Role.PROGRAMME_LEAD);
        app.person("Fay Facilitator", "fay@test.example", "acute", Role.FACILITATOR);
        app.person("Oz Outsider", "oz@test.example", "housing", Role.PARTICIPANT);
        String[] names = {"Ada Able", "Ben Bright", "Cal Clear", "Dee Deep", "Eve Even", "Fin Far"};
        for (String name : names) {
            String email = name.split(" ")[0].toLowerCase() + "@test.example";
            people.add(app.person(name, email, "vcse", Role.PARTICIPANT));
            tokens.add(app.token(email));
        }
        lead = app.token("lee@test.example");
        facilitator = app.token("fay@test.example");
        outsider = app.token("oz@test.example");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static HttpResponse<String> call(String method, String path, String token, String json) {
        return WebClient.api(app, method, path, token, json);
    }

    private static JsonNode ok(HttpResponse<String> r, int status) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return Json.MAPPER.readTree(r.body());
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** A programme and an anonymous cohort with the first {@code enrolled} participants on it. */
    private static long cohortWith(int enrolled) throws Exception {
        long programme = ok(call("POST", "/api/v1/programmes", lead, "{\"title\": \"Programme " + SEQ.incrementAndGet() + "\"}"), 201)
                .get("id").asLong();
        long cohort = ok(call("POST", "/api/v1/programmes/" + programme + "/cohorts", lead, "{\"name\": \"Cohort\"}"), 201).get("id").asLong();
        List<Long> ids = people.subList(0, enrolled).stream().map(Person::id).toList();
        ok(call("POST", "/api/v1/cohorts/" + cohort + "/enrolments", lead, Json.MAPPER.writeValueAsString(Map.of("personIds", ids))), 200);
        return cohort;
    }

    private static long module(long cohort, String title) throws Exception {
        return ok(call("POST", "/api/v1/cohorts/" + cohort + "/modules", lead, """
                {"title": "%s", "date": "2027-01-10", "startTime": "09:30", "endTime": "16:00"}""".formatted(title)), 201)
                .get("id").asLong();
    }

    /** A custom survey with one required Likert item, opened now; returns {surveyId, questionId}. */
    private static long[] openCustomSurvey(long cohort) throws Exception {
        long survey = ok(call("POST", "/api/v1/cohorts/" + cohort + "/surveys", lead, "{\"kind\": \"custom\", \"title\": \"Pulse\"}"), 201)
                .get("id").asLong();
        long question = ok(call("POST", "/api/v1/surveys/" + survey + "/questions", lead,
                "{\"kind\": \"likert\", \"prompt\": \"I feel supported\", \"required\": true}"), 201).get("id").asLong();
        ok(call("POST", "/api/v1/surveys/" + survey + "/open", lead, null), 200);
        return new long[] {survey, question};
    }

    private static Map<String, Long> questionIds(JsonNode questions) {
        Map<String, Long> ids = new HashMap<>();
        questions.forEach(q -> ids.put(q.get("code").asText(), q.get("id").asLong()));
        return ids;
    }

    private static String feedback(Map<String, Long> q, int usefulness, int interactivity, String comment, List<Long> met) throws Exception {
        List<Map<String, Object>> answers = new ArrayList<>();
        answers.add(Map.of("questionId", q.get("usefulness"), "number", usefulness));
        answers.add(Map.of("questionId", q.get("interactivity"), "number", interactivity));
        answers.add(Map.of("questionId", q.get("pace"), "choices", List.of("About right")));
        answers.add(Map.of("questionId", q.get("recommend"), "number", 9));
        answers.add(Map.of("questionId", q.get("even_better_if"), "text", comment));
        answers.add(Map.of("questionId", q.get("new_connections"), "people", met));
        return Json.MAPPER.writeValueAsString(Map.of("answers", answers, "submit", true));
    }

    /** This survey in the person's list of surveys, or null. */
    private static JsonNode mySurvey(String token, long surveyId) throws Exception {
        for (JsonNode s : ok(call("GET", "/api/v1/my/surveys", token, null), 200)) {
            if (s.get("id").asLong() == surveyId) {
                return s;
            }
        }
        return null;
    }

    @Test
    void fromModuleToFeedbackToResultsToTheCoursesPdsaLog() throws Exception {
        long cohort = cohortWith(6);
        long first = module(cohort, "Systems thinking");
        long second = module(cohort, "Influencing");

        // Adding the module scheduled its feedback survey.
        JsonNode surveys = ok(call("GET", "/api/v1/cohorts/" + cohort + "/surveys", facilitator, null), 200);
        assertThat(texts(surveys, "kind")).containsExactly("module_feedback", "module_feedback");
        long surveyId = surveys.get(0).get("id").asLong();
        assertThat(surveys.get(0).get("moduleId").asLong()).isEqualTo(first);
        JsonNode survey = ok(call("GET", "/api/v1/surveys/" + surveyId, facilitator, null), 200);
        assertThat(survey.get("status").asText()).isEqualTo("scheduled");
        assertThat(survey.get("anonymous").asBoolean()).isTrue();
        assertThat(texts(survey.get("questions"), "code"))
                .containsExactly("usefulness", "interactivity", "pace", "recommend", "went_well", "even_better_if", "new_connections");
        assertThat(survey.get("questions").get(0).get("kind").asText()).isEqualTo("likert");
        Map<String, Long> q = questionIds(survey.get("questions"));

        // Five came; Fin sent apologies, so Fin is not asked for feedback.
        StringBuilder statuses = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            statuses.append(i == 0 ? "" : ", ").append('"').append(people.get(i).id()).append("\": \"").append(i < 5 ? "present" : "apologies").append('"');
        }
        JsonNode register = ok(call("PUT", "/api/v1/modules/" + first + "/attendance", facilitator, "{\"statuses\": {" + statuses + "}}"), 200);
        assertThat(texts(register, "status")).containsExactly("present", "present", "present", "present", "present", "apologies");

        JsonNode opened = ok(call("POST", "/api/v1/surveys/" + surveyId + "/open", lead, null), 200);
        assertThat(opened.get("invited").asInt()).isEqualTo(5);
        assertThat(opened.get("emailed").asInt()).isEqualTo(5);
        long queued = app.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM outbox WHERE recipient = 'ada@test.example' "
                + "AND subject = 'Feedback on module 1: Systems thinking' AND body LIKE '%/s/%'").mapTo(Long.class).one());
        assertThat(queued).isEqualTo(1);
        assertThat(ok(call("POST", "/api/v1/surveys/" + surveyId + "/open", lead, null), 409).get("error").asText())
                .isEqualTo("This survey is already open");

        String ada = tokens.get(0);
        JsonNode mine = mySurvey(ada, surveyId);
        assertThat(mine.get("title").asText()).isEqualTo("Feedback on module 1: Systems thinking");
        assertThat(mine.get("status").asText()).isEqualTo("open");
        assertThat(mine.get("open").asBoolean()).isTrue();
        assertThat(mine.get("submitted").asBoolean()).isFalse();
        assertThat(mine.has("invited")).isFalse();
        assertThat(mySurvey(tokens.get(5), surveyId)).isNull();
        assertThat(call("GET", "/api/v1/my/surveys/" + surveyId, tokens.get(5), null).statusCode()).isEqualTo(404);

        // Ada saves one answer, comes back to it, then submits; submitting again changes nothing.
        JsonNode blank = ok(call("GET", "/api/v1/my/surveys/" + surveyId, ada, null), 200);
        assertThat(blank.get("questions")).hasSize(7);
        assertThat(blank.get("answers")).isEmpty();
        assertThat(ok(call("PUT", "/api/v1/my/surveys/" + surveyId, ada,
                "{\"answers\": [{\"questionId\": %d, \"number\": 4}], \"submit\": false}".formatted(q.get("usefulness"))), 200)
                .get("outcome").asText()).isEqualTo("saved");
        JsonNode saved = ok(call("GET", "/api/v1/my/surveys/" + surveyId, ada, null), 200);
        assertThat(saved.get("submitted").asBoolean()).isFalse();
        assertThat(saved.get("answers")).hasSize(1);
        assertThat(saved.get("answers").get(0).get("questionId").asLong()).isEqualTo(q.get("usefulness"));
        assertThat(saved.get("answers").get(0).get("number").asInt()).isEqualTo(4);

        JsonNode incomplete = ok(call("PUT", "/api/v1/my/surveys/" + surveyId, ada,
                "{\"answers\": [{\"questionId\": %d, \"number\": 4}], \"submit\": true}".formatted(q.get("usefulness"))), 422);
        assertThat(fieldNames(incomplete.get("fields"))).containsExactlyInAnyOrder("q" + q.get("interactivity"), "q" + q.get("pace"),
                "q" + q.get("recommend"));
        assertThat(ok(call("PUT", "/api/v1/my/surveys/" + surveyId, ada,
                feedback(q, 4, 2, "More time for small groups", List.of(people.get(1).id()))), 200).get("outcome").asText()).isEqualTo("submitted");
        assertThat(ok(call("PUT", "/api/v1/my/surveys/" + surveyId, ada, feedback(q, 1, 1, "Changed my mind", List.of())), 200)
                .get("outcome").asText()).isEqualTo("already_submitted");
        JsonNode submitted = ok(call("GET", "/api/v1/my/surveys/" + surveyId, ada, null), 200);
        assertThat(submitted.get("submitted").asBoolean()).isTrue();
        assertThat(submitted.get("submittedAt").asText()).isNotEmpty();
        Map<Long, JsonNode> byQuestion = new HashMap<>();
        submitted.get("answers").forEach(a -> byQuestion.put(a.get("questionId").asLong(), a));
        assertThat(byQuestion.get(q.get("usefulness")).get("number").asInt()).isEqualTo(4);
        assertThat(byQuestion.get(q.get("even_better_if")).get("text").asText()).isEqualTo("More time for small groups");
        assertThat(mySurvey(ada, surveyId).get("submitted").asBoolean()).isTrue();
        // The connection Ada reported became a tie.
        long ties = app.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM ties WHERE source = 'survey' AND source_ref = :ref")
                .bind("ref", "survey:" + surveyId).mapTo(Long.class).one());
        assertThat(ties).isEqualTo(1);

        // One to four responses: withheld, counts only.
        JsonNode withheld = ok(call("GET", "/api/v1/surveys/" + surveyId + "/results", facilitator, null), 200);
        assertThat(fieldNames(withheld)).containsExactlyInAnyOrder("surveyId", "withheld", "responses", "minimum");
        assertThat(withheld.get("withheld").asBoolean()).isTrue();
        assertThat(withheld.get("responses").asInt()).isEqualTo(1);
        assertThat(withheld.get("minimum").asInt()).isEqualTo(5);
        int[] usefulness = {4, 5, 3, 4, 4};
        int[] interactivity = {2, 3, 2, 3, 2};
        for (int i = 1; i < 4; i++) {
            ok(call("PUT", "/api/v1/my/surveys/" + surveyId, tokens.get(i), feedback(q, usefulness[i], interactivity[i], "", List.of())), 200);
        }
        JsonNode four = ok(call("GET", "/api/v1/surveys/" + surveyId + "/results", lead, null), 200);
        assertThat(four.get("withheld").asBoolean()).isTrue();
        assertThat(four.get("responses").asInt()).isEqualTo(4);
        assertThat(four.has("items")).isFalse();
        assertThat(four.has("comments")).isFalse();
        assertThat(four.toString()).doesNotContain("More time for small groups");

        // The fifth response: shown.
        ok(call("PUT", "/api/v1/my/surveys/" + surveyId, tokens.get(4), feedback(q, usefulness[4], interactivity[4], "", List.of())), 200);
        JsonNode results = ok(call("GET", "/api/v1/surveys/" + surveyId + "/results", facilitator, null), 200);
        assertThat(results.get("withheld").asBoolean()).isFalse();
        assertThat(results.get("responses").asInt()).isEqualTo(5);
        JsonNode useful = results.get("items").get(0);
        assertThat(useful.get("question").get("code").asText()).isEqualTo("usefulness");
        assertThat(useful.get("answered").asInt()).isEqualTo(5);
        assertThat(useful.get("mean").asDouble()).isEqualTo(4.0);
        assertThat(useful.get("counts").get("4").asInt()).isEqualTo(3);
        JsonNode pace = results.get("items").get(2);
        assertThat(pace.get("counts").get("About right").asInt()).isEqualTo(5);
        assertThat(results.get("comments")).hasSize(1);
        JsonNode comment = results.get("comments").get(0);
        assertThat(comment.has("responseId")).as("nothing links a comment to its response").isFalse();
        assertThat(comment.get("ref").asText()).matches("c[A-Za-z0-9_-]{22}");
        assertThat(comment.get("text").asText()).isEqualTo("More time for small groups");
        assertThat(comment.has("personId")).isFalse();
        assertThat(results.get("connections").asInt()).isEqualTo(1);

        // The comment prompts a change to the course, tried in the next module.
        JsonNode change = ok(call("POST", "/api/v1/cohorts/" + cohort + "/changes", facilitator, """
                {"title": "More group work", "planWhat": "Halve the talks, double the small-group time",
                 "planWhy": "Interactivity was low", "promptedByModule": %d, "itemCode": "interactivity", "appliedInModule": %d,
                 "comments": ["%s"]}""".formatted(first, second, comment.get("ref").asText())), 201);
        assertThat(change.get("comments")).extracting(JsonNode::asText).containsExactly("More time for small groups");
        assertThat(change.get("before").asDouble()).isEqualTo(2.4);
        assertThat(change.get("after").isNull()).isTrue();
        assertThat(ok(call("GET", "/api/v1/cohorts/" + cohort + "/changes", lead, null), 200).get(0).get("comments").get(0).asText())
                .isEqualTo("More time for small groups");

        // Closing: the survey no longer opens, and its results stay.
        JsonNode closed = ok(call("POST", "/api/v1/surveys/" + surveyId + "/close", lead, null), 200);
        assertThat(closed.get("status").asText()).isEqualTo("closed");
        assertThat(ok(call("GET", "/api/v1/surveys/" + surveyId + "/results", lead, null), 200).get("responses").asInt()).isEqualTo(5);
    }

    @Test
    void aLeadBuildsAndSchedulesSurveys() throws Exception {
        long cohort = cohortWith(1);
        JsonNode custom = ok(call("POST", "/api/v1/cohorts/" + cohort + "/surveys", lead,
                "{\"kind\": \"custom\", \"title\": \"Mid-point check\"}"), 201);
        long surveyId = custom.get("id").asLong();
        assertThat(custom.get("kind").asText()).isEqualTo("custom");
        assertThat(custom.get("status").asText()).isEqualTo("draft");
        assertThat(custom.get("anonymous").asBoolean()).isTrue();
        assertThat(custom.get("questions")).isEmpty();

        JsonNode likert = ok(call("POST", "/api/v1/surveys/" + surveyId + "/questions", lead,
                "{\"kind\": \"likert\", \"prompt\": \"I feel supported by my peers\", \"required\": true}"), 201);
        assertThat(likert.get("code").asText()).isEqualTo("i_feel_supported_by_my_peers");
        assertThat(likert.get("position").asInt()).isEqualTo(1);
        JsonNode single = ok(call("POST", "/api/v1/surveys/" + surveyId + "/questions", lead,
                "{\"kind\": \"single\", \"prompt\": \"Best day\", \"code\": \"best_day\", \"options\": [\"Tuesday\", \"Thursday\"]}"), 201);
        assertThat(single.get("options")).extracting(JsonNode::asText).containsExactly("Tuesday", "Thursday");
        JsonNode changed = ok(call("PUT", "/api/v1/questions/" + single.get("id").asLong(), lead,
                "{\"kind\": \"single\", \"prompt\": \"Best day to meet\", \"code\": \"best_day\", \"options\": [\"Monday\", \"Friday\"]}"), 200);
        assertThat(changed.get("prompt").asText()).isEqualTo("Best day to meet");
        assertThat(changed.get("options")).extracting(JsonNode::asText).containsExactly("Monday", "Friday");
        JsonNode bad = ok(call("POST", "/api/v1/surveys/" + surveyId + "/questions", lead,
                "{\"kind\": \"essay\", \"prompt\": \"\", \"code\": \"9lives\"}"), 422);
        assertThat(fieldNames(bad.get("fields"))).containsExactlyInAnyOrder("kind", "prompt", "code");
        assertThat(ok(call("POST", "/api/v1/surveys/" + surveyId + "/questions", lead,
                "{\"kind\": \"single\", \"prompt\": \"Pick\", \"options\": [\"Only one\"]}"), 422).get("fields").get("options").asText())
                .isEqualTo("Give at least two options, one per line");
        assertThat(ok(call("POST", "/api/v1/surveys/" + surveyId + "/questions", lead,
                "{\"kind\": \"text\", \"prompt\": \"Anything else\", \"code\": \"best_day\"}"), 422).get("fields").has("code")).isTrue();
        assertThat(call("DELETE", "/api/v1/questions/" + likert.get("id").asLong(), lead, null).statusCode()).isEqualTo(204);
        JsonNode after = ok(call("GET", "/api/v1/surveys/" + surveyId, facilitator, null), 200);
        assertThat(texts(after.get("questions"), "code")).containsExactly("best_day");
        assertThat(after.get("questions").get(0).get("position").asInt()).isEqualTo(1);

        JsonNode scheduled = ok(call("POST", "/api/v1/surveys/" + surveyId + "/schedule", lead,
                "{\"opensAt\": \"2027-03-01T09:00:00Z\", \"closesAt\": \"2027-03-15T17:00:00Z\", \"remindAfterDays\": 4, \"maxReminders\": 1}"), 200);
        assertThat(scheduled.get("status").asText()).isEqualTo("scheduled");
        assertThat(scheduled.get("opensAt").asText()).isEqualTo("2027-03-01T09:00:00Z");
        assertThat(scheduled.get("closesAt").asText()).isEqualTo("2027-03-15T17:00:00Z");
        assertThat(scheduled.get("remindAfterDays").asInt()).isEqualTo(4);
        assertThat(scheduled.get("maxReminders").asInt()).isEqualTo(1);
        assertThat(fieldNames(ok(call("POST", "/api/v1/surveys/" + surveyId + "/schedule", lead,
                "{\"opensAt\": \"next tuesday\", \"closesAt\": \"2027-13-01T00:00:00Z\"}"), 422).get("fields")))
                .containsExactlyInAnyOrder("opensAt", "closesAt");
        assertThat(ok(call("POST", "/api/v1/surveys/" + surveyId + "/schedule", lead,
                "{\"opensAt\": \"2027-03-01T09:00:00Z\", \"closesAt\": \"2027-02-01T09:00:00Z\"}"), 422).get("fields").has("closesAt")).isTrue();
        assertThat(ok(call("POST", "/api/v1/surveys/" + surveyId + "/schedule", lead,
                "{\"opensAt\": \"2027-03-01T09:00:00Z\", \"remindAfterDays\": 0}"), 422).get("fields").has("remindAfterDays")).isTrue();
        assertThat(ok(call("POST", "/api/v1/surveys/" + surveyId + "/schedule", lead, "{}"), 422).get("fields").has("opensAt")).isTrue();
        assertThat(call("POST", "/api/v1/surveys/" + surveyId + "/schedule", lead,
                "{\"opensAt\": \"2027-03-01T09:00:00Z\", \"remindAfterDays\": \"three\"}").statusCode()).isEqualTo(400);

        JsonNode baseline = ok(call("POST", "/api/v1/cohorts/" + cohort + "/surveys", lead, "{\"kind\": \"baseline\", \"anonymous\": false}"), 201);
        assertThat(baseline.get("title").asText()).isNotBlank();
        assertThat(baseline.get("anonymous").asBoolean()).isFalse();
        assertThat(texts(baseline.get("questions"), "code")).startsWith("conf_collaborating").endsWith("hopes").hasSize(7);
        assertThat(ok(call("POST", "/api/v1/cohorts/" + cohort + "/surveys", lead, "{\"kind\": \"baseline\"}"), 409).get("error").asText())
                .contains("already has");
        assertThat(ok(call("POST", "/api/v1/cohorts/" + cohort + "/surveys", lead, "{\"kind\": \"module_feedback\"}"), 422)
                .get("fields").has("kind")).isTrue();
        assertThat(ok(call("POST", "/api/v1/cohorts/" + cohort + "/surveys", lead, "{\"kind\": \"weekly\"}"), 422)
                .get("fields").get("kind").asText()).isEqualTo("Choose baseline, end or custom");
        assertThat(ok(call("POST", "/api/v1/cohorts/" + cohort + "/surveys", lead, "{\"kind\": \"custom\", \"title\": \"" + "x".repeat(201) + "\"}"), 422)
                .get("fields").has("title")).isTrue();
        assertThat(texts(ok(call("GET", "/api/v1/cohorts/" + cohort + "/surveys", lead, null), 200), "kind"))
                .containsExactly("baseline", "custom");

        // Once open, the questions are fixed.
        ok(call("POST", "/api/v1/surveys/" + surveyId + "/open", lead, null), 200);
        assertThat(call("POST", "/api/v1/surveys/" + surveyId + "/questions", lead, "{\"kind\": \"text\", \"prompt\": \"Late\"}").statusCode())
                .isEqualTo(409);
        // An open survey keeps its opening time; a new closing time must come after it.
        JsonNode reopened = ok(call("POST", "/api/v1/surveys/" + surveyId + "/schedule", lead,
                "{\"opensAt\": \"2001-01-01T00:00:00Z\", \"closesAt\": \"2099-01-01T00:00:00Z\"}"), 200);
        assertThat(reopened.get("status").asText()).isEqualTo("open");
        assertThat(reopened.get("opensAt").asText()).doesNotStartWith("2001");
        assertThat(reopened.get("closesAt").asText()).isEqualTo("2099-01-01T00:00:00Z");
        assertThat(ok(call("POST", "/api/v1/surveys/" + surveyId + "/schedule", lead,
                "{\"opensAt\": \"2001-01-01T00:00:00Z\", \"closesAt\": \"2002-01-01T00:00:00Z\"}"), 422).get("fields").get("closesAt").asText())
                .isEqualTo("The survey must close after it opened");
    }

    @Test
    void answersAreCheckedAgainstTheirOwnSurveysItems() throws Exception {
        long cohort = cohortWith(2);
        long[] pulse = openCustomSurvey(cohort);
        long[] other = openCustomSurvey(cohortWith(1));
        String ada = tokens.get(0);
        String path = "/api/v1/my/surveys/" + pulse[0];

        JsonNode seven = ok(call("PUT", path, ada, "{\"answers\": [{\"questionId\": %d, \"number\": 7}]}".formatted(pulse[1])), 422);
        assertThat(seven.get("fields").get("q" + pulse[1]).asText()).isEqualTo("Choose a value from 1 to 5");
        JsonNode foreign = ok(call("PUT", path, ada, "{\"answers\": [{\"questionId\": %d, \"number\": 3}]}".formatted(other[1])), 422);
        assertThat(foreign.get("fields").get("q" + other[1]).asText()).isEqualTo("There is no question " + other[1] + " in this survey");
        JsonNode twice = ok(call("PUT", path, ada,
                "{\"answers\": [{\"questionId\": %d, \"number\": 3}, {\"questionId\": %d, \"number\": 4}]}".formatted(pulse[1], pulse[1])), 422);
        assertThat(twice.get("fields").has("q" + pulse[1])).isTrue();
        assertThat(ok(call("PUT", path, ada, "{\"answers\": [{\"questionId\": %d, \"choices\": [\"x\"], \"number\": 2}], \"submit\": true}"
                .formatted(pulse[1])), 200).get("outcome").asText()).isEqualTo("submitted");

        String ben = tokens.get(1);
        HttpResponse<String> broken = call("PUT", path, ben, "{\"answers\": [");
        assertThat(broken.statusCode()).isEqualTo(400);
        HttpResponse<String> word = call("PUT", path, ben, "{\"answers\": [{\"questionId\": %d, \"number\": \"four\"}]}".formatted(pulse[1]));
        assertThat(word.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(word.body()).get("error").asText()).isEqualTo("Field 'answers.[0].number' must be a whole number");
        assertThat(call("PUT", path, ben, "{\"answers\": [], \"submit\": \"yes\"}").statusCode()).isEqualTo(400);
        // Nothing of Ben's was stored by the refused requests.
        assertThat(ok(call("GET", path, ben, null), 200).get("answers")).isEmpty();
        assertThat(ok(call("GET", "/api/v1/surveys/" + pulse[0], lead, null), 200).get("submitted").asInt()).isEqualTo(1);
    }

    @Test
    void aSurveyNotSentToYouIsNotFound() throws Exception {
        long[] pulse = openCustomSurvey(cohortWith(1));
        String path = "/api/v1/my/surveys/" + pulse[0];
        ok(call("GET", path, tokens.get(0), null), 200);
        HttpResponse<String> notMine = call("GET", path, tokens.get(1), null);
        assertThat(notMine.statusCode()).isEqualTo(404);
        assertThat(Json.MAPPER.readTree(notMine.body()).get("error").asText()).isEqualTo("No survey with id " + pulse[0]);
        assertThat(call("GET", path, outsider, null).statusCode()).isEqualTo(404);
        assertThat(call("PUT", path, outsider, "{\"answers\": [{\"questionId\": %d, \"number\": 3}], \"submit\": true}".formatted(pulse[1]))
                .statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/my/surveys/999999", tokens.get(0), null).statusCode()).isEqualTo(404);
        // A lead who was not invited cannot answer either.
        assertThat(call("GET", path, lead, null).statusCode()).isEqualTo(404);
        assertThat(ok(call("GET", "/api/v1/surveys/" + pulse[0], lead, null), 200).get("submitted").asInt()).isZero();
    }

    @Test
    void aClosedSurveyTakesNoMoreAnswers() throws Exception {
        long[] pulse = openCustomSurvey(cohortWith(1));
        String path = "/api/v1/my/surveys/" + pulse[0];
        String ada = tokens.get(0);
        String answer = "{\"answers\": [{\"questionId\": %d, \"number\": 3}], \"submit\": %s}";
        assertThat(ok(call("PUT", path, ada, answer.formatted(pulse[1], false)), 200).get("outcome").asText()).isEqualTo("saved");
        ok(call("POST", "/api/v1/surveys/" + pulse[0] + "/close", lead, null), 200);
        JsonNode refused = ok(call("PUT", path, ada, answer.formatted(pulse[1], true)), 409);
        assertThat(refused.get("error").asText()).isEqualTo("This survey is closed, so it no longer accepts answers");
        JsonNode still = ok(call("GET", path, ada, null), 200);
        assertThat(still.get("status").asText()).isEqualTo("closed");
        assertThat(still.get("open").asBoolean()).isFalse();
        assertThat(still.get("submitted").asBoolean()).isFalse();
        assertThat(ok(call("POST", "/api/v1/surveys/" + pulse[0] + "/open", lead, null), 409).get("error").asText()).contains("closed");
        assertThat(call("POST", "/api/v1/surveys/" + pulse[0] + "/close", lead, null).statusCode()).isEqualTo(409);
        assertThat(call("POST", "/api/v1/surveys/" + pulse[0] + "/schedule", lead, "{\"opensAt\": \"2030-01-01T00:00:00Z\"}").statusCode())
                .isEqualTo(409);
    }

    @Test
    void aScheduledSurveyCanBeClosedBeforeItOpens() throws Exception {
        long cohort = cohortWith(1);
        module(cohort, "Later");
        JsonNode scheduled = ok(call("GET", "/api/v1/cohorts/" + cohort + "/surveys", lead, null), 200).get(0);
        assertThat(scheduled.get("status").asText()).isEqualTo("scheduled");
        JsonNode closed = ok(call("POST", "/api/v1/surveys/" + scheduled.get("id").asLong() + "/close", lead, null), 200);
        assertThat(closed.get("status").asText()).isEqualTo("closed");
        assertThat(closed.get("invited").asInt()).isZero();
    }

    @Test
    void anOpenSurveyKeepsThePrivacyItsInvitationsPromised() throws Exception {
        long cohort = cohortWith(1);
        long[] pulse = openCustomSurvey(cohort);
        long draft = ok(call("POST", "/api/v1/cohorts/" + cohort + "/surveys", lead, "{\"kind\": \"custom\"}"), 201).get("id").asLong();
        ok(call("PUT", "/api/v1/cohorts/" + cohort, lead, "{\"name\": \"Cohort\", \"anonymous\": false}"), 200);
        assertThat(ok(call("GET", "/api/v1/surveys/" + pulse[0], lead, null), 200).get("anonymous").asBoolean()).isTrue();
        assertThat(ok(call("GET", "/api/v1/surveys/" + draft, lead, null), 200).get("anonymous").asBoolean()).isFalse();
    }

    @Test
    void participantsCannotUseTheTeamsEndpoints() throws Exception {
        long cohort = cohortWith(1);
        long[] pulse = openCustomSurvey(cohort);
        String ada = tokens.get(0);
        assertThat(call("POST", "/api/v1/cohorts/" + cohort + "/surveys", ada, "{\"kind\": \"custom\"}").statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/v1/cohorts/" + cohort + "/surveys", ada, null).statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/v1/surveys/" + pulse[0], ada, null).statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/v1/surveys/" + pulse[0] + "/results", ada, null).statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/v1/surveys/" + pulse[0] + "/close", ada, null).statusCode()).isEqualTo(403);
        assertThat(call("DELETE", "/api/v1/questions/" + pulse[1], ada, null).statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/v1/surveys/" + pulse[0] + "/open", facilitator, null).statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/v1/my/surveys", null, null).statusCode()).isEqualTo(401);
        assertThat(ok(call("GET", "/api/v1/surveys/" + pulse[0], lead, null), 200).get("status").asText()).isEqualTo("open");
    }

    @Test
    void unknownIdsAreNotFound() throws Exception {
        String question = "{\"kind\": \"text\", \"prompt\": \"Anything\"}";
        Map<String, String> calls = new java.util.LinkedHashMap<>();
        calls.put("GET /api/v1/surveys/999999", null);
        calls.put("POST /api/v1/surveys/999999/questions", question);
        calls.put("PUT /api/v1/questions/999999", question);
        calls.put("DELETE /api/v1/questions/999999", null);
        calls.put("POST /api/v1/surveys/999999/schedule", "{\"opensAt\": \"2027-03-01T09:00:00Z\"}");
        calls.put("POST /api/v1/surveys/999999/open", null);
        calls.put("POST /api/v1/surveys/999999/close", null);
        calls.put("GET /api/v1/surveys/999999/results", null);
        calls.put("GET /api/v1/cohorts/999999/surveys", null);
        calls.put("POST /api/v1/cohorts/999999/surveys", "{\"kind\": \"custom\"}");
        calls.put("GET /api/v1/surveys/not-a-number", null);
        for (Iterator<Map.Entry<String, String>> it = calls.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, String> e = it.next();
            String[] parts = e.getKey().split(" ");
            assertThat(call(parts[0], parts[1], lead, e.getValue()).statusCode()).as(e.getKey()).isEqualTo(404);
        }
    }
}
