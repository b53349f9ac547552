package org.convene.projects;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.convene.accounts.Role;
import org.convene.testing.TestApp;
import org.convene.testing.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The registry of place-based projects: themes, partner organisations (and so sectors), outcomes,
 * links and origin through the API and the pages; filters by theme, origin and a partner's sector;
 * the CSV export; bad input refused with messages.
 */
class ProjectRegistryTest {
    private static TestApp app;
    private static String ana;
    private static long housingOrg;
    private static long vcseOrg;

    @BeforeAll
    static void start() {
        app = TestApp.start();
        app.person("Ana Lead", "ana@registry.example", "acute", Role.PARTICIPANT);
        ana = app.token("ana@registry.example");
        housingOrg = app.jdbi().withHandle(h -> h.createQuery("INSERT INTO organisations (name, sector_code) VALUES ('Leeds Homes', 'housing') "
                + "RETURNING id").mapTo(Long.class).one());
        vcseOrg = app.jdbi().withHandle(h -> h.createQuery("INSERT INTO organisations (name, sector_code) VALUES ('Carers Leeds', 'vcse') "
                + "RETURNING id").mapTo(Long.class).one());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static HttpResponse<String> call(String method, String path, String json) {
        return WebClient.api(app, method, path, ana, json);
    }

    private static String topic(int i) {
        return app.jdbi().withHandle(h -> h.createQuery("SELECT name FROM topics ORDER BY name OFFSET :i LIMIT 1").bind("i", i)
                .mapTo(String.class).one());
    }

    @Test
    void aPlaceBasedProjectWithPartnersThemesOutcomesAndItsOriginIsFoundAndExported() throws Exception {
        String theme = topic(0);
        JsonNode created = WebClient.json(call("POST", "/api/v1/projects", "{\"title\": \"Warm homes, fewer admissions\", \"status\": \"active\", "
                + "\"themes\": [\"" + theme.toUpperCase() + "\"], \"outcomes\": \"40 homes insulated\", \"links\": [\"https://example.org/story\"], "
                + "\"partnerIds\": [" + housingOrg + ", " + vcseOrg + "], \"originKind\": \"community\", \"originId\": 7}"), 201);
        long id = created.get("id").asLong();
        assertThat(created.get("themes").get(0).asText()).as("as the directory spells it").isEqualTo(theme);
        assertThat(created.get("partners")).hasSize(2);
        assertThat(created.get("partners").get(0).get("sectorCode").asText()).isEqualTo("vcse");
        assertThat(created.get("outcomes").asText()).isEqualTo("40 homes insulated");

        assertThat(call("POST", "/api/v1/projects", "{\"title\": \"X\", \"themes\": [\"Not a topic\"]}").statusCode()).isEqualTo(422);
        assertThat(call("POST", "/api/v1/projects", "{\"title\": \"X\", \"links\": [\"javascript:alert(1)\"]}").statusCode()).isEqualTo(422);
        assertThat(call("POST", "/api/v1/projects", "{\"title\": \"X\", \"partnerIds\": [99999999]}").statusCode()).isEqualTo(422);
        WebClient.json(call("POST", "/api/v1/projects", "{\"title\": \"Unrelated\"}"), 201);

        // Filters: theme, origin, and the sector a partner brings (nobody in the team is in housing).
        assertThat(WebClient.json(call("GET", "/api/v1/projects?theme=" + java.net.URLEncoder.encode(theme, "UTF-8"), null), 200)
                .get("total").asInt()).isEqualTo(1);
        assertThat(WebClient.json(call("GET", "/api/v1/projects?origin=community", null), 200).get("total").asInt()).isEqualTo(1);
        assertThat(WebClient.json(call("GET", "/api/v1/projects?sector=housing", null), 200).get("items").get(0).get("id").asLong())
                .isEqualTo(id);
        assertThat(call("GET", "/api/v1/projects?origin=rumour", null).statusCode()).isEqualTo(400);

        HttpResponse<String> csv = call("GET", "/api/v1/projects.csv?sector=housing", null);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).startsWith("id,title,status,place,starts_on,ends_on,themes,partners,sectors,grew_from")
                .contains("Warm homes, fewer admissions").contains("Carers Leeds; Leeds Homes").contains("community,7")
                .doesNotContain("Unrelated");

        // A PUT replaces the partners.
        JsonNode changed = WebClient.json(call("PUT", "/api/v1/projects/" + id, "{\"title\": \"Warm homes, fewer admissions\", "
                + "\"partnerIds\": [" + housingOrg + "], \"originKind\": \"community\", \"originId\": 7}"), 200);
        assertThat(changed.get("partners")).hasSize(1);
        assertThat(changed.get("themes")).isEmpty();
    }

    @Test
    void thePagesNamePartnersByNameAndKeepTheOrigin() throws Exception {
        long id = WebClient.json(call("POST", "/api/v1/projects", "{\"title\": \"Social prescribing in Holbeck\", \"originKind\": \"idea\", "
                + "\"originId\": 3}"), 201).get("id").asLong();
        WebClient page = app.client();
        page.signIn("ana@registry.example", TestApp.PASSWORD);
        page.get("/projects/" + id + "/edit");
        HttpResponse<String> unknown = page.post("/projects/" + id, Map.of("title", "Social prescribing in Holbeck", "partners", "Nobody Ltd"));
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body()).contains("Not in the directory: Nobody Ltd");
        page.get("/projects/" + id + "/edit");
        HttpResponse<String> saved = page.post("/projects/" + id, Map.of("title", "Social prescribing in Holbeck", "partners",
                "leeds homes\nCarers Leeds", "outcomes", "120 referrals", "links", "https://example.org/holbeck", "themes", topic(1)));
        assertThat(saved.statusCode()).isEqualTo(302);
        String shown = page.get("/projects/" + id).body();
        assertThat(shown).contains("Leeds Homes").contains("(Housing").contains("120 referrals").contains("https://example.org/holbeck")
                .contains("href=\"/ideas/3\"").contains(topic(1));
        assertThat(page.get("/projects?origin=idea").body()).contains("Social prescribing in Holbeck");
        assertThat(page.get("/projects.csv?origin=idea").body()).contains("Social prescribing in Holbeck");
    }
}
