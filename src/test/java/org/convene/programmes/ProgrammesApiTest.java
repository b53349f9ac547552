package org.convene.programmes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.convene.accounts.Role;
import org.convene.people.Person;
import org.convene.testing.TestApp;
import org.convene.testing.WebClient;
import org.convene.web.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /api/v1 programmes, cohorts, modules, enrolments, attendance and the PDSA log, through HTTP with real tokens. */
class ProgrammesApiTest {
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static TestApp app;
    private static String lead;
    private static String facilitator;
    private static String participant;
    private static String outsider;
    private static Person fay;
    private static Person pat;
    private static Person nia;
    private static Person sam;
    private static Person oz;

    @BeforeAll
    static void start() {
        app = TestApp.start();
        app.person("Lee Lead", "lee@test.example", "local_authority", Role.PROGRAMME_LEAD);
        fay = app.person("Fay Facilitator", "fay@test.example", "acute", Role.FACILITATOR);
        pat = app.person("Pat Participant", "pat@test.example", "vcse", Role.PARTICIPANT);
        oz = app.person("Oz Outsider", "oz@test.example", "housing", Role.PARTICIPANT);
        nia = app.person("Nia Noaccount", "nia@test.example", "primary");
        sam = app.person("Sam Spreadsheet", "sam@test.example", "acute");
        lead = app.token("lee@test.example");
        facilitator = app.token("fay@test.example");
        participant = app.token("pat@test.example");
        outsider = app.token("oz@test.example");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static HttpResponse<String> call(String method, String path, String token, String json) {
        return WebClient.api(app, method, path, token, json);
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return Json.MAPPER.readTree(r.body());
    }

    private static JsonNode ok(HttpResponse<String> r, int status) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return json(r);
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }

    private static long newProgramme() throws Exception {
        return ok(call("POST", "/api/v1/programmes", lead, "{\"title\": \"Programme " + SEQ.incrementAndGet() + "\"}"), 201)
                .get("id").asLong();
    }

    private static long newCohort() throws Exception {
        return ok(call("POST", "/api/v1/programmes/" + newProgramme() + "/cohorts", lead,
                "{\"name\": \"Cohort 1\", \"startsOn\": \"2027-01-10\", \"endsOn\": \"2027-06-30\"}"), 201).get("id").asLong();
    }

    private static long newModule(long cohortId, String title) throws Exception {
        return ok(call("POST", "/api/v1/cohorts/" + cohortId + "/modules", lead, """
                {"title": "%s", "date": "2027-01-10", "startTime": "09:30", "endTime": "16:00"}""".formatted(title)), 201)
                .get("id").asLong();
    }

    @Test
    void aLeadSetsUpAProgrammeWithACohortAndModulesWhoseFeedbackIsScheduled() throws Exception {
        JsonNode programme = ok(call("POST", "/api/v1/programmes", lead,
                "{\"title\": \"  Leading   Together \", \"summary\": \"Leadership across the system\"}"), 201);
        long programmeId = programme.get("id").asLong();
        assertThat(programme.get("title").asText()).isEqualTo("Leading Together");
        assertThat(programme.get("cohorts").asInt()).isZero();
        assertThat(texts(ok(call("GET", "/api/v1/programmes", facilitator, null), 200), "title")).contains("Leading Together");
        JsonNode changed = ok(call("PUT", "/api/v1/programmes/" + programmeId, lead,
                "{\"title\": \"Leading Together\", \"summary\": \"Now with housing\"}"), 200);
        assertThat(changed.get("summary").asText()).isEqualTo("Now with housing");
        assertThat(ok(call("GET", "/api/v1/programmes/" + programmeId, facilitator, null), 200).get("summary").asText())
                .isEqualTo("Now with housing");

        JsonNode cohort = ok(call("POST", "/api/v1/programmes/" + programmeId + "/cohorts", lead,
                "{\"name\": \"Cohort 3, spring 2027\", \"startsOn\": \"2027-01-10\", \"endsOn\": \"2027-06-30\", \"anonymous\": true}"), 201);
        long cohortId = cohort.get("id").asLong();
        assertThat(cohort.get("programmeId").asLong()).isEqualTo(programmeId);
        assertThat(cohort.get("startsOn").asText()).isEqualTo("2027-01-10");
        assertThat(cohort.get("anonymous").asBoolean()).isTrue();
        assertThat(texts(ok(call("GET", "/api/v1/programmes/" + programmeId + "/cohorts", facilitator, null), 200), "name"))
                .containsExactly("Cohort 3, spring 2027");

        // Winter is GMT, summer is BST: the times are UK local times.
        JsonNode first = ok(call("POST", "/api/v1/cohorts/" + cohortId + "/modules", lead, """
                {"title": "Systems thinking", "topic": "Complexity", "date": "2027-01-10", "startTime": "09:30", "endTime": "16:00",
                 "location": "Town Hall", "online": false, "celebration": false, "feedback": true, "facilitators": [%d]}"""
                .formatted(fay.id())), 201);
        assertThat(first.get("position").asInt()).isEqualTo(1);
        assertThat(first.get("startsAt").asText()).isEqualTo("2027-01-10T09:30:00Z");
        assertThat(first.get("facilitators").get(0).get("name").asText()).isEqualTo("Fay Facilitator");
        JsonNode second = ok(call("POST", "/api/v1/cohorts/" + cohortId + "/modules", lead, """
                {"title": "Celebration", "date": "2027-06-01", "startTime": "9:30", "endTime": "12:00", "celebration": true}"""), 201);
        long secondId = second.get("id").asLong();
        assertThat(second.get("position").asInt()).isEqualTo(2);
        assertThat(second.get("startsAt").asText()).isEqualTo("2027-06-01T08:30:00Z");

        JsonNode surveys = ok(call("GET", "/api/v1/cohorts/" + cohortId + "/surveys", facilitator, null), 200);
        assertThat(texts(surveys, "kind")).containsExactly("module_feedback", "module_feedback");
        assertThat(texts(surveys, "status")).containsExactly("scheduled", "scheduled");
        assertThat(surveys.get(0).get("moduleId").asLong()).isEqualTo(first.get("id").asLong());
        assertThat(surveys.get(0).get("opensAt").asText()).isEqualTo("2027-01-10T16:00:00Z");
        assertThat(surveys.get(0).get("closesAt").asText()).isEqualTo("2027-01-24T16:00:00Z");

        JsonNode detail = ok(call("GET", "/api/v1/cohorts/" + cohortId, lead, null), 200);
        assertThat(detail.get("programmeTitle").asText()).isEqualTo("Leading Together");
        assertThat(texts(detail.get("modules"), "title")).containsExactly("Systems thinking", "Celebration");

        // No feedback for the celebration: its survey goes; then the module itself goes.
        JsonNode noFeedback = ok(call("PUT", "/api/v1/modules/" + secondId, lead, """
                {"title": "Closing celebration", "date": "2027-06-01", "startTime": "09:30", "endTime": "12:00", "feedback": false}"""), 200);
        assertThat(noFeedback.get("title").asText()).isEqualTo("Closing celebration");
        assertThat(noFeedback.get("feedback").asBoolean()).isFalse();
        assertThat(ok(call("GET", "/api/v1/cohorts/" + cohortId + "/surveys", facilitator, null), 200)).hasSize(1);
        assertThat(call("DELETE", "/api/v1/modules/" + secondId, lead, null).statusCode()).isEqualTo(204);
        assertThat(call("GET", "/api/v1/modules/" + secondId, lead, null).statusCode()).isEqualTo(404);
        assertThat(texts(ok(call("GET", "/api/v1/cohorts/" + cohortId + "/modules", facilitator, null), 200), "title"))
                .containsExactly("Systems thinking");

        JsonNode renamed = ok(call("PUT", "/api/v1/cohorts/" + cohortId, lead,
                "{\"name\": \"Cohort 3\", \"startsOn\": \"2027-01-10\", \"endsOn\": \"2027-07-31\", \"anonymous\": false}"), 200);
        assertThat(renamed.get("name").asText()).isEqualTo("Cohort 3");
        assertThat(renamed.get("endsOn").asText()).isEqualTo("2027-07-31");
        assertThat(renamed.get("anonymous").asBoolean()).isFalse();
        assertThat(renamed.get("modules")).hasSize(1);
        // Its unanswered survey follows the cohort's choice.
        assertThat(ok(call("GET", "/api/v1/cohorts/" + cohortId + "/surveys", lead, null), 200).get(0).get("anonymous").asBoolean())
                .isFalse();
    }

    @Test
    void aLeadEnrolsPeopleByIdAndByCsvAndTheTeamTakesAttendance() throws Exception {
        long cohortId = newCohort();
        long moduleId = newModule(cohortId, "Listening");
        JsonNode added = ok(call("POST", "/api/v1/cohorts/" + cohortId + "/enrolments", lead,
                "{\"personIds\": [%d, %d, %d]}".formatted(pat.id(), nia.id(), pat.id())), 200);
        assertThat(added.get("added").asInt()).isEqualTo(2);
        assertThat(ok(call("POST", "/api/v1/cohorts/" + cohortId + "/enrolments", lead, "{\"personIds\": [%d]}".formatted(pat.id())), 200)
                .get("added").asInt()).isZero();

        HttpResponse<String> refused = csv("/api/v1/cohorts/" + cohortId + "/enrolments.csv", "text/csv",
                "name,Email\nSam,SAM@test.example\nNobody,nobody@nowhere.example\nBlank,\n");
        assertThat(refused.statusCode()).isEqualTo(422);
        JsonNode rows = json(refused).get("rows");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("line").asInt()).isEqualTo(3);
        assertThat(rows.get(0).get("message").asText()).contains("nobody@nowhere.example");
        assertThat(rows.get(1).get("line").asInt()).isEqualTo(4);
        assertThat(rows.get(1).get("message").asText()).isEqualTo("email is empty");
        assertThat(ok(call("GET", "/api/v1/cohorts/" + cohortId + "/enrolments", lead, null), 200)).hasSize(2);
        assertThat(csv("/api/v1/cohorts/" + cohortId + "/enrolments.csv", "application/json", "{}").statusCode()).isEqualTo(415);
        assertThat(json(csv("/api/v1/cohorts/" + cohortId + "/enrolments.csv", "text/csv", "name\nSam\n")).get("error").asText())
                .contains("'email' column");

        HttpResponse<String> fromCsv = csv("/api/v1/cohorts/" + cohortId + "/enrolments.csv", "text/csv; charset=utf-8",
                "name,email\nSam,SAM@test.example\n");
        assertThat(ok(fromCsv, 200).get("added").asInt()).isEqualTo(1);
        JsonNode enrolled = ok(call("GET", "/api/v1/cohorts/" + cohortId + "/enrolments", facilitator, null), 200);
        assertThat(texts(enrolled, "name")).containsExactly("Nia Noaccount", "Pat Participant", "Sam Spreadsheet");
        assertThat(texts(enrolled, "status")).containsOnly("enrolled");

        JsonNode register = ok(call("GET", "/api/v1/modules/" + moduleId + "/attendance", facilitator, null), 200);
        assertThat(texts(register, "name")).containsExactly("Nia Noaccount", "Pat Participant", "Sam Spreadsheet");
        assertThat(register.get(0).get("status").isNull()).isTrue();
        JsonNode taken = ok(call("PUT", "/api/v1/modules/" + moduleId + "/attendance", facilitator,
                "{\"statuses\": {\"%d\": \"present\", \"%d\": \"apologies\"}}".formatted(pat.id(), nia.id())), 200);
        assertThat(texts(taken, "status")).containsExactly("apologies", "present", "null");
        assertThat(ok(call("GET", "/api/v1/cohorts/" + cohortId + "/enrolments", lead, null), 200).get(1).get("attended").asInt())
                .isEqualTo(1);

        HttpResponse<String> late = call("PUT", "/api/v1/modules/" + moduleId + "/attendance", facilitator,
                "{\"statuses\": {\"%d\": \"late\"}}".formatted(pat.id()));
        assertThat(late.statusCode()).isEqualTo(422);
        assertThat(json(late).get("fields").has("person-" + pat.id())).isTrue();
        HttpResponse<String> stranger = call("PUT", "/api/v1/modules/" + moduleId + "/attendance", facilitator,
                "{\"statuses\": {\"%d\": \"present\"}}".formatted(oz.id()));
        assertThat(stranger.statusCode()).isEqualTo(422);
        assertThat(json(stranger).get("fields").get("person-" + oz.id()).asText()).contains("not enrolled");
        assertThat(call("PUT", "/api/v1/modules/" + moduleId + "/attendance", facilitator, "{\"statuses\": {\"pat\": \"present\"}}")
                .statusCode()).isEqualTo(400);
        assertThat(call("PUT", "/api/v1/modules/" + moduleId + "/attendance", facilitator, "{}").statusCode()).isEqualTo(422);

        assertThat(call("DELETE", "/api/v1/cohorts/" + cohortId + "/enrolments/" + sam.id(), lead, null).statusCode()).isEqualTo(204);
        assertThat(ok(call("GET", "/api/v1/cohorts/" + cohortId + "/enrolments", lead, null), 200).get(2).get("status").asText())
                .isEqualTo("withdrawn");
        assertThat(texts(ok(call("GET", "/api/v1/modules/" + moduleId + "/attendance", lead, null), 200), "name"))
                .containsExactly("Nia Noaccount", "Pat Participant");
        assertThat(call("DELETE", "/api/v1/cohorts/" + cohortId + "/enrolments/" + oz.id(), lead, null).statusCode()).isEqualTo(404);
        assertThat(call("DELETE", "/api/v1/cohorts/" + cohortId + "/enrolments/" + sam.id(), facilitator, null).statusCode()).isEqualTo(403);
    }

    private static HttpResponse<String> csv(String path, String contentType, String body) {
        return app.client().send(HttpRequest.newBuilder(URI.create(app.url(path))).header("Authorization", "Bearer " + lead)
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void participantsSeeOnlyTheCohortsTheyAreOn() throws Exception {
        Person quinn = app.person("Quinn Newcomer", "quinn@test.example", "childrens", Role.PARTICIPANT);
        String participant = app.token("quinn@test.example");
        long mine = newCohort();
        long moduleOfMine = newModule(mine, "Mine");
        long other = newCohort();
        long moduleOfOther = newModule(other, "Not mine");
        ok(call("POST", "/api/v1/cohorts/" + mine + "/enrolments", lead, "{\"personIds\": [%d]}".formatted(quinn.id())), 200);

        assertThat(ok(call("GET", "/api/v1/cohorts", participant, null), 200)).extracting(n -> n.get("id").asLong())
                .containsExactly(mine);
        assertThat(ok(call("GET", "/api/v1/cohorts", outsider, null), 200)).isEmpty();
        assertThat(ok(call("GET", "/api/v1/cohorts", facilitator, null), 200)).extracting(n -> n.get("id").asLong())
                .contains(mine, other);

        assertThat(texts(ok(call("GET", "/api/v1/cohorts/" + mine, participant, null), 200).get("modules"), "title")).containsExactly("Mine");
        assertThat(ok(call("GET", "/api/v1/cohorts/" + mine + "/modules", participant, null), 200)).hasSize(1);
        assertThat(ok(call("GET", "/api/v1/modules/" + moduleOfMine, participant, null), 200).get("title").asText()).isEqualTo("Mine");

        // Someone else's cohort is not found, exactly like one that does not exist.
        HttpResponse<String> hidden = call("GET", "/api/v1/cohorts/" + other, participant, null);
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(json(hidden).get("error").asText()).isEqualTo("No cohort with id " + other);
        assertThat(json(call("GET", "/api/v1/cohorts/999999", participant, null)).get("error").asText()).isEqualTo("No cohort with id 999999");
        assertThat(call("GET", "/api/v1/cohorts/" + other + "/modules", participant, null).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/modules/" + moduleOfOther, participant, null).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/cohorts/" + mine, outsider, null).statusCode()).isEqualTo(404);

        // Withdrawn: no longer theirs.
        ok(call("GET", "/api/v1/cohorts/" + mine, participant, null), 200);
        assertThat(call("DELETE", "/api/v1/cohorts/" + mine + "/enrolments/" + quinn.id(), lead, null).statusCode()).isEqualTo(204);
        assertThat(call("GET", "/api/v1/cohorts/" + mine, participant, null).statusCode()).isEqualTo(404);
        assertThat(ok(call("GET", "/api/v1/cohorts", participant, null), 200)).isEmpty();
    }

    @Test
    void eachRoleReachesOnlyItsOwnEndpoints() throws Exception {
        long cohortId = newCohort();
        long moduleId = newModule(cohortId, "Roles");
        String body = "{\"title\": \"Not allowed\"}";
        assertThat(call("POST", "/api/v1/programmes", participant, body).statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/v1/programmes", facilitator, body).statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/v1/programmes", participant, null).statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/v1/cohorts/" + cohortId + "/modules", participant, "{}").statusCode()).isEqualTo(403);
        assertThat(call("DELETE", "/api/v1/modules/" + moduleId, participant, null).statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/v1/cohorts/" + cohortId + "/enrolments", participant, null).statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/v1/cohorts/" + cohortId + "/enrolments", facilitator, "{\"personIds\": [1]}").statusCode())
                .isEqualTo(403);
        assertThat(call("PUT", "/api/v1/modules/" + moduleId + "/attendance", participant, "{\"statuses\": {}}").statusCode())
                .isEqualTo(403);
        assertThat(call("GET", "/api/v1/cohorts/" + cohortId + "/changes", participant, null).statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/v1/cohorts", null, null).statusCode()).isEqualTo(401);
        assertThat(programmeTitles()).doesNotContain("Not allowed");
    }

    private static List<String> programmeTitles() throws Exception {
        return texts(ok(call("GET", "/api/v1/programmes", lead, null), 200), "title");
    }

    @Test
    void unknownIdsAreNotFound() throws Exception {
        String programme = "{\"title\": \"Anything\"}";
        String cohort = "{\"name\": \"Anything\"}";
        String module = "{\"title\": \"Anything\", \"date\": \"2027-01-10\", \"startTime\": \"09:30\", \"endTime\": \"16:00\"}";
        assertThat(call("GET", "/api/v1/programmes/999999", lead, null).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/programmes/abc", lead, null).statusCode()).isEqualTo(404);
        assertThat(call("PUT", "/api/v1/programmes/999999", lead, programme).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/programmes/999999/cohorts", lead, null).statusCode()).isEqualTo(404);
        assertThat(call("POST", "/api/v1/programmes/999999/cohorts", lead, cohort).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/cohorts/999999", lead, null).statusCode()).isEqualTo(404);
        assertThat(call("PUT", "/api/v1/cohorts/999999", lead, cohort).statusCode()).isEqualTo(404);
        assertThat(call("POST", "/api/v1/cohorts/999999/modules", lead, module).statusCode()).isEqualTo(404);
        assertThat(call("PUT", "/api/v1/modules/999999", lead, module).statusCode()).isEqualTo(404);
        assertThat(call("DELETE", "/api/v1/modules/999999", lead, null).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/cohorts/999999/enrolments", lead, null).statusCode()).isEqualTo(404);
        assertThat(call("POST", "/api/v1/cohorts/999999/enrolments", lead, "{\"personIds\": [%d]}".formatted(pat.id())).statusCode())
                .isEqualTo(404);
        assertThat(call("GET", "/api/v1/modules/999999/attendance", lead, null).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/cohorts/999999/changes", lead, null).statusCode()).isEqualTo(404);
        assertThat(call("POST", "/api/v1/cohorts/999999/changes", lead, "{\"title\": \"x\", \"planWhat\": \"y\"}").statusCode())
                .isEqualTo(404);
        HttpResponse<String> change = call("PUT", "/api/v1/changes/999999", lead, "{\"title\": \"x\", \"planWhat\": \"y\"}");
        assertThat(change.statusCode()).isEqualTo(404);
        assertThat(json(change).get("error").asText()).isEqualTo("No course change with id 999999");
    }

    @Test
    void malformedOrMistypedJsonIsABadRequest() throws Exception {
        long cohortId = newCohort();
        HttpResponse<String> broken = call("POST", "/api/v1/programmes", lead, "{\"title\": ");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(json(broken).get("error").asText()).startsWith("The request body is not valid JSON");
        HttpResponse<String> typed = call("PUT", "/api/v1/cohorts/" + cohortId, lead, "{\"name\": \"C\", \"anonymous\": \"perhaps\"}");
        assertThat(typed.statusCode()).isEqualTo(400);
        assertThat(json(typed).get("error").asText()).isEqualTo("Field 'anonymous' must be true or false");
        HttpResponse<String> ids = call("POST", "/api/v1/cohorts/" + cohortId + "/enrolments", lead, "{\"personIds\": [\"pat\"]}");
        assertThat(ids.statusCode()).isEqualTo(400);
        assertThat(json(ids).get("error").asText()).contains("personIds");
        HttpResponse<String> unknown = call("POST", "/api/v1/programmes", lead, "{\"title\": \"T\", \"colour\": \"red\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown).get("error").asText()).startsWith("Unknown field 'colour'");
        assertThat(call("POST", "/api/v1/cohorts/" + cohortId + "/modules", lead, "[]").statusCode()).isEqualTo(400);
        assertThat(call("POST", "/api/v1/cohorts/" + cohortId + "/modules", lead, null).statusCode()).isEqualTo(400);
    }

    @Test
    void invalidValuesAreRefusedWithAMessageForEachField() throws Exception {
        long programmeId = newProgramme();
        long cohortId = newCohort();

        JsonNode programme = ok(call("POST", "/api/v1/programmes", lead, "{\"title\": \"   \"}"), 422);
        assertThat(programme.get("fields").get("title").asText()).isEqualTo("Enter the programme's title");

        JsonNode cohort = ok(call("POST", "/api/v1/programmes/" + programmeId + "/cohorts", lead,
                "{\"name\": \"\", \"startsOn\": \"2027-02-30\", \"endsOn\": \"2027-01-01\"}"), 422);
        assertThat(cohort.get("fields").fieldNames()).toIterable().containsExactlyInAnyOrder("name", "startsOn");
        JsonNode backwards = ok(call("POST", "/api/v1/programmes/" + programmeId + "/cohorts", lead,
                "{\"name\": \"Backwards\", \"startsOn\": \"2027-03-01\", \"endsOn\": \"2027-01-01\"}"), 422);
        assertThat(backwards.get("fields").get("endsOn").asText()).isEqualTo("The end date must be on or after the start date");

        JsonNode module = ok(call("POST", "/api/v1/cohorts/" + cohortId + "/modules", lead,
                "{\"title\": \"M\", \"startTime\": \"16:00\", \"endTime\": \"09:00\"}"), 422);
        assertThat(module.get("fields").fieldNames()).toIterable().containsExactlyInAnyOrder("date", "endTime");
        JsonNode facilitators = ok(call("POST", "/api/v1/cohorts/" + cohortId + "/modules", lead,
                "{\"title\": \"M\", \"date\": \"2027-01-10\", \"startTime\": \"09:30\", \"endTime\": \"16:00\", \"facilitators\": [999999]}"), 422);
        assertThat(facilitators.get("fields").get("facilitators").asText()).isEqualTo("No person with id 999999");
        assertThat(ok(call("GET", "/api/v1/cohorts/" + cohortId + "/modules", lead, null), 200)).isEmpty();

        JsonNode nobody = ok(call("POST", "/api/v1/cohorts/" + cohortId + "/enrolments", lead, "{\"personIds\": [999999]}"), 422);
        assertThat(nobody.get("fields").get("personIds").asText()).isEqualTo("No person with id 999999");
        assertThat(ok(call("POST", "/api/v1/cohorts/" + cohortId + "/enrolments", lead, "{\"personIds\": []}"), 422)
                .get("fields").has("personIds")).isTrue();
        assertThat(ok(call("GET", "/api/v1/cohorts/" + cohortId + "/enrolments", lead, null), 200)).isEmpty();

        String title = ok(call("GET", "/api/v1/programmes/" + programmeId, lead, null), 200).get("title").asText();
        JsonNode clash = ok(call("POST", "/api/v1/programmes", lead, "{\"title\": \"" + title.toUpperCase() + "\"}"), 409);
        assertThat(clash.get("error").asText()).contains("already exists");
    }

    @Test
    void theTeamKeepsAPdsaLogOfCourseChanges() throws Exception {
        long cohortId = newCohort();
        long first = newModule(cohortId, "First");
        long second = newModule(cohortId, "Second");
        long elsewhere = newModule(newCohort(), "Elsewhere");

        JsonNode change = ok(call("POST", "/api/v1/cohorts/" + cohortId + "/changes", facilitator, """
                {"title": "Shorter input sessions", "planWhat": "Cut the talks to 20 minutes", "planWhy": "Feedback asked for more discussion",
                 "promptedByModule": %d, "itemCode": "interactivity", "appliedInModule": %d}""".formatted(first, second)), 201);
        long changeId = change.get("id").asLong();
        assertThat(change.get("cohortId").asLong()).isEqualTo(cohortId);
        assertThat(change.get("promptedByLabel").asText()).isEqualTo("Module 1: First");
        assertThat(change.get("appliedInLabel").asText()).isEqualTo("Module 2: Second");
        assertThat(change.get("before").isNull()).isTrue();
        assertThat(change.get("decision").isNull()).isTrue();

        JsonNode decided = ok(call("PUT", "/api/v1/changes/" + changeId, facilitator, """
                {"title": "Shorter input sessions", "planWhat": "Cut the talks to 20 minutes", "promptedByModule": %d,
                 "itemCode": "interactivity", "appliedInModule": %d, "studyNotes": "More discussion", "decision": "adopt"}"""
                .formatted(first, second)), 200);
        assertThat(decided.get("decision").asText()).isEqualTo("adopt");
        assertThat(decided.get("studyNotes").asText()).isEqualTo("More discussion");
        JsonNode log = ok(call("GET", "/api/v1/cohorts/" + cohortId + "/changes", lead, null), 200);
        assertThat(texts(log, "title")).containsExactly("Shorter input sessions");
        assertThat(log.get(0).get("decision").asText()).isEqualTo("adopt");

        JsonNode wrong = ok(call("POST", "/api/v1/cohorts/" + cohortId + "/changes", facilitator, """
                {"title": "", "planWhat": "x", "decision": "maybe", "comments": ["nonsense"]}"""), 422);
        assertThat(wrong.get("fields").fieldNames()).toIterable().containsExactlyInAnyOrder("title", "decision", "comments");
        JsonNode foreign = ok(call("POST", "/api/v1/cohorts/" + cohortId + "/changes", facilitator,
                "{\"title\": \"T\", \"planWhat\": \"x\", \"appliedInModule\": %d}".formatted(elsewhere)), 422);
        assertThat(foreign.get("fields").get("appliedInModule").asText()).isEqualTo("Choose a module of this cohort");
        JsonNode comment = ok(call("POST", "/api/v1/cohorts/" + cohortId + "/changes", facilitator,
                "{\"title\": \"T\", \"planWhat\": \"x\", \"promptedByModule\": %d, \"comments\": [\"cAAAAAAAAAAAAAAAAAAAAAA\"]}".formatted(first)), 422);
        assertThat(comment.get("fields").get("comments").asText()).contains("not from that module's feedback");
        assertThat(ok(call("GET", "/api/v1/cohorts/" + cohortId + "/changes", lead, null), 200)).hasSize(1);
    }
}
