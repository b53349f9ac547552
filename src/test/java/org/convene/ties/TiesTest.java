package org.convene.ties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import org.convene.accounts.Role;
import org.convene.errors.ValidationException;
import org.convene.people.Person;
import org.convene.testing.TestApp;
import org.convene.testing.WebClient;
import org.convene.web.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("db")
class TiesTest {
    private static TestApp app;
    private static Person nurse;
    private static Person adviser;
    private static Person thirdPerson;
    private static String nurseToken;
    private static String leadToken;

    @BeforeAll
    static void start() {
        app = TestApp.start();
        nurse = app.person("Nia Nurse", "nia@test.example", "acute", Role.PARTICIPANT);
        adviser = app.person("Carl Adviser", "carl@test.example", "vcse", Role.PARTICIPANT);
        thirdPerson = app.person("Tia Third", "tia@test.example", "housing");
        app.person("Lee Lead", "lee@test.example", "local_authority", Role.PROGRAMME_LEAD);
        nurseToken = app.token("nia@test.example");
        leadToken = app.token("lee@test.example");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void theSameEvidenceIsStoredOnceWhicheverWayRoundItIsRecorded() {
        Ties ties = new Ties(app.jdbi());
        Ties.Recorded first = ties.record(new TieInput(nurse.id(), adviser.id(), "met_through", "match", "round-3", "Brew and Biscuits", null)
                .validated("self_reported"), null);
        Ties.Recorded again = ties.record(new TieInput(adviser.id(), nurse.id(), "met_through", "match", "round-3", "", null)
                .validated("self_reported"), null);
        Ties.Recorded otherSource = ties.record(new TieInput(adviser.id(), nurse.id(), "met_through", "project", "p-1", "", null)
                .validated("self_reported"), null);
        assertThat(first.created()).isTrue();
        assertThat(again.created()).isFalse();
        assertThat(again.tie().id()).isEqualTo(first.tie().id());
        assertThat(otherSource.created()).isTrue();
        assertThat(first.tie().personA()).isLessThan(first.tie().personB());
    }

    @Test
    void invalidTiesAreRefused() {
        assertThatThrownBy(() -> new TieInput(nurse.id(), nurse.id(), null, null, null, null, null).validated("self_reported"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("two different people");
        assertThatThrownBy(() -> new TieInput(nurse.id(), adviser.id(), "enemies", null, null, null, null).validated("self_reported"))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new TieInput(nurse.id(), adviser.id(), null, "Robert'); DROP", null, null, null).validated("self_reported"))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new TieInput(nurse.id(), adviser.id(), null, null, null, null, LocalDate.now().plusDays(10).toString())
                .validated("self_reported")).isInstanceOf(ValidationException.class).hasMessageContaining("future");
        assertThatThrownBy(() -> new TieInput(nurse.id(), adviser.id(), null, null, null, null, "31/12/2024").validated("self_reported"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("YYYY-MM-DD");
    }

    @Test
    void peopleRecordTheirOwnTiesThroughTheApiAndOnlyTheirOwn() throws Exception {
        HttpResponse<String> mine = WebClient.api(app, "POST", "/api/v1/ties", nurseToken,
                "{\"otherPersonId\": " + thirdPerson.id() + ", \"kind\": \"work_together\"}");
        assertThat(mine.statusCode()).isEqualTo(201);
        JsonNode tie = Json.MAPPER.readTree(mine.body());
        assertThat(tie.get("source").asText()).isEqualTo("self_reported");
        assertThat(WebClient.api(app, "POST", "/api/v1/ties", nurseToken,
                "{\"otherPersonId\": " + thirdPerson.id() + ", \"kind\": \"work_together\"}").statusCode()).as("again").isEqualTo(200);

        assertThat(WebClient.api(app, "POST", "/api/v1/ties", nurseToken,
                "{\"personId\": " + adviser.id() + ", \"otherPersonId\": " + thirdPerson.id() + "}").statusCode()).isEqualTo(403);
        assertThat(WebClient.api(app, "POST", "/api/v1/ties", nurseToken,
                "{\"otherPersonId\": " + adviser.id() + ", \"source\": \"match\"}").statusCode()).isEqualTo(403);
        assertThat(WebClient.api(app, "POST", "/api/v1/ties", nurseToken, "{\"otherPersonId\": 999999}").statusCode()).isEqualTo(422);

        HttpResponse<String> imported = WebClient.api(app, "POST", "/api/v1/ties", leadToken,
                "{\"personId\": " + adviser.id() + ", \"otherPersonId\": " + thirdPerson.id() + ", \"source\": \"import\", \"sourceRef\": \"sheet-2023\"}");
        assertThat(imported.statusCode()).isEqualTo(201);

        JsonNode list = Json.MAPPER.readTree(WebClient.api(app, "GET", "/api/v1/ties?person=" + thirdPerson.id(), nurseToken, null).body());
        assertThat(list.get("total").asLong()).isEqualTo(2);
        long tieId = tie.get("id").asLong();
        assertThat(WebClient.api(app, "DELETE", "/api/v1/ties/" + tieId, nurseToken, null).statusCode()).isEqualTo(204);
        assertThat(new Ties(app.jdbi()).get(tieId).endedOn()).isEqualTo(LocalDate.now());
        assertThat(new Ties(app.jdbi()).ofPerson(nurse.id())).extracting(Tie::id).doesNotContain(tieId);
    }

    @Test
    void onlyThePeopleInATieOrTheProgrammeTeamCanEndIt() {
        Tie tie = new Ties(app.jdbi()).record(new TieInput(adviser.id(), thirdPerson.id(), "know", "import", "x", "", null)
                .validated("self_reported"), null).tie();
        assertThat(WebClient.api(app, "DELETE", "/api/v1/ties/" + tie.id(), nurseToken, null).statusCode()).isEqualTo(403);
        assertThat(WebClient.api(app, "DELETE", "/api/v1/ties/" + tie.id(), leadToken, null).statusCode()).isEqualTo(204);
    }

    @Test
    void addingAConnectionFromAProfilePage() {
        WebClient browser = app.client();
        browser.signIn("carl@test.example", TestApp.PASSWORD);
        browser.get("/people/" + nurse.id());
        HttpResponse<String> bad = browser.post("/people/" + nurse.id() + "/ties", Map.of("kind", "know", "startedOn", "yesterday"));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("Enter the date as YYYY-MM-DD").contains("There is a problem");
        HttpResponse<String> ok = browser.post("/people/" + nurse.id() + "/ties",
                Map.of("kind", "met_through", "note", "the discharge workshop", "startedOn", "2025-03-01"));
        assertThat(ok.statusCode()).isEqualTo(302);
        assertThat(browser.get("/people/" + nurse.id()).body()).contains("Carl Adviser").contains("the discharge workshop");
    }
}
