package org.convene.people;

import org.convene.db.ChangeFeed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.convene.accounts.Role;
import org.convene.testing.TestApp;
import org.convene.testing.WebClient;
import org.convene.web.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PeopleApiTest {
    private static TestApp app;
    private static String lead;
    private static String participant;
    private static Person pat;

    @BeforeAll
    static void start() {
        app = TestApp.start();
        pat = app.person("Pat Participant", "pat@test.example", "vcse", Role.PARTICIPANT);
        app.person("Lee Lead", "lee@test.example", "local_authority", Role.PROGRAMME_LEAD);
        lead = app.token("lee@test.example");
        participant = app.token("pat@test.example");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return Json.MAPPER.readTree(r.body());
    }

    @Test
    void aProgrammeLeadAddsAPersonAndEveryoneCanFindThem() throws Exception {
        HttpResponse<String> created = WebClient.api(app, "POST", "/api/v1/people", lead, """
                {"fullName": "  Rosa   Kelly ", "email": "rosa.kelly@housing.example", "jobTitle": "Tenancy Sustainment Officer",
                 "sector": "Housing", "place": "Stockport", "interests": ["COPD AND DAMP HOUSING", "fuel poverty", "fuel poverty"],
                 "offers": "Home visits with the respiratory team", "visibility": "everyone", "emailVisibility": "everyone"}""");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode rosa = json(created);
        assertThat(rosa.get("fullName").asText()).isEqualTo("Rosa Kelly");
        assertThat(rosa.get("sectorCode").asText()).isEqualTo("housing");
        assertThat(rosa.get("interests")).extracting(JsonNode::asText).containsExactly("COPD and damp housing", "fuel poverty");

        JsonNode byText = json(WebClient.api(app, "GET", "/api/v1/people?q=tenancy%20resp", participant, null));
        assertThat(byText.get("items")).extracting(n -> n.get("fullName").asText()).containsExactly("Rosa Kelly");
        JsonNode byFilters = json(WebClient.api(app, "GET", "/api/v1/people?sector=housing&interest=fuel%20poverty", participant, null));
        assertThat(byFilters.get("total").asLong()).isEqualTo(1);
        JsonNode none = json(WebClient.api(app, "GET", "/api/v1/people?sector=acute&interest=fuel%20poverty", participant, null));
        assertThat(none.get("total").asLong()).isZero();
    }

    @Test
    void hostileSearchTextIsJustText() throws Exception {
        for (String q : new String[] {"'); DROP TABLE people; --", "a & | ! :* <->", "((((", "\u0000", "日本語 ñandú", "x".repeat(400)}) {
            HttpResponse<String> r = WebClient.api(app, "GET", "/api/v1/people?q=" + java.net.URLEncoder.encode(q, "UTF-8"), participant, null);
            assertThat(r.statusCode()).as(q).isEqualTo(200);
            assertThat(json(r).get("items").isArray()).isTrue();
        }
    }

    @Test
    void invalidInputIsRefusedWithAMessageForEachField() throws Exception {
        HttpResponse<String> r = WebClient.api(app, "POST", "/api/v1/people", lead, """
                {"fullName": "", "email": "not-an-email", "sector": "space travel", "contactPreference": "carrier pigeon",
                 "organisationId": 987654}""");
        assertThat(r.statusCode()).isEqualTo(422);
        JsonNode fields = json(r).get("fields");
        assertThat(fields.fieldNames()).toIterable().contains("fullName", "email", "sector", "contactPreference", "organisationId");
        long stored = app.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM people WHERE email = 'not-an-email'").mapTo(Long.class).one());
        assertThat(stored).isZero();
    }

    @Test
    void malformedJsonUnknownFieldsAndWrongTypesAre400s() throws Exception {
        assertThat(WebClient.api(app, "POST", "/api/v1/people", lead, "{\"fullName\": ").statusCode()).isEqualTo(400);
        HttpResponse<String> unknown = WebClient.api(app, "POST", "/api/v1/people", lead, "{\"fullName\": \"A\", \"isAdmin\": true}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown).get("error").asText()).contains("isAdmin");
        HttpResponse<String> wrongType = WebClient.api(app, "POST", "/api/v1/people", lead, "{\"fullName\": \"A\", \"organisationId\": \"seven\"}");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(json(wrongType).get("error").asText()).contains("organisationId");
        assertThat(WebClient.api(app, "POST", "/api/v1/people", lead, "[]").statusCode()).isEqualTo(400);
        assertThat(WebClient.api(app, "POST", "/api/v1/people", lead, "").statusCode()).isEqualTo(400);
        assertThat(WebClient.api(app, "GET", "/api/v1/people?page=zero", lead, null).statusCode()).isEqualTo(400);
        assertThat(WebClient.api(app, "GET", "/api/v1/people?size=5000", lead, null).statusCode()).isEqualTo(400);
    }

    @Test
    void oversizedBodiesAreRefused() {
        String huge = "{\"fullName\": \"" + "x".repeat(1_200_000) + "\"}";
        assertThat(WebClient.api(app, "POST", "/api/v1/people", lead, huge).statusCode()).isEqualTo(413);
    }

    @Test
    void aDuplicateEmailIsAConflict() {
        String body = "{\"fullName\": \"Dup\", \"email\": \"PAT@test.example\", \"sector\": \"vcse\"}";
        HttpResponse<String> r = WebClient.api(app, "POST", "/api/v1/people", lead, body);
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(r.body()).contains("already has the email");
    }

    @Test
    void participantsChangeOnlyTheirOwnEntry() throws Exception {
        String mine = "{\"fullName\": \"Pat Participant\", \"email\": \"pat@test.example\", \"sector\": \"vcse\", \"jobTitle\": \"Befriending Coordinator\", \"visibility\": \"everyone\"}";
        HttpResponse<String> own = WebClient.api(app, "PUT", "/api/v1/people/" + pat.id(), participant, mine);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(json(own).get("jobTitle").asText()).isEqualTo("Befriending Coordinator");

        Person other = app.person("Other Person", "other@test.example", "acute");
        HttpResponse<String> theirs = WebClient.api(app, "PUT", "/api/v1/people/" + other.id(), participant,
                "{\"fullName\": \"Hijacked\", \"sector\": \"acute\"}");
        assertThat(theirs.statusCode()).isEqualTo(403);
        assertThat(new People(app.jdbi(), ChangeFeed.polling(app.jdbi())).get(other.id()).fullName()).isEqualTo("Other Person");
        assertThat(WebClient.api(app, "POST", "/api/v1/people", participant, "{\"fullName\": \"X\", \"sector\": \"acute\"}").statusCode()).isEqualTo(403);
    }

    @Test
    void unlistedPeopleAreHiddenFromOthersButNotFromTheProgrammeTeam() throws Exception {
        Person hidden = new People(app.jdbi(), ChangeFeed.polling(app.jdbi())).create(new PersonInput("Quiet Person", "quiet@test.example", "", "", null, "acute", "",
                java.util.List.of(), "", "", "", "email", "nobody", "nobody"));
        assertThat(WebClient.api(app, "GET", "/api/v1/people/" + hidden.id(), participant, null).statusCode()).isEqualTo(404);
        assertThat(json(WebClient.api(app, "GET", "/api/v1/people?q=quiet", participant, null)).get("total").asLong()).isZero();
        assertThat(WebClient.api(app, "GET", "/api/v1/people/" + hidden.id(), lead, null).statusCode()).isEqualTo(200);
        assertThat(json(WebClient.api(app, "GET", "/api/v1/people?q=quiet", lead, null)).get("total").asLong()).isEqualTo(1);
    }

    @Test
    void unknownIdsAre404s() {
        assertThat(WebClient.api(app, "GET", "/api/v1/people/424242", participant, null).statusCode()).isEqualTo(404);
        assertThat(WebClient.api(app, "GET", "/api/v1/people/abc", participant, null).statusCode()).isEqualTo(404);
        assertThat(WebClient.api(app, "GET", "/api/v1/nothing-here", participant, null).statusCode()).isEqualTo(404);
    }

    @Test
    void requestsWithoutAValidTokenAre401s() {
        assertThat(WebClient.api(app, "GET", "/api/v1/people", null, null).statusCode()).isEqualTo(401);
        assertThat(WebClient.api(app, "GET", "/api/v1/people", "cvn_made-up", null).statusCode()).isEqualTo(401);
        HttpResponse<String> r = WebClient.api(app, "GET", "/api/v1/people", "garbage", null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }
}
