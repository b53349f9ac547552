package org.convene.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.convene.accounts.Role;
import org.convene.testing.TestApp;
import org.convene.testing.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One search across kinds, with a request-to-join community's content found only by its members. */
class SearchTest {
    private static TestApp app;
    private static String member;
    private static String outsider;

    @BeforeAll
    static void start() throws Exception {
        app = TestApp.start();
        app.person("Wren Wheelchair", "wren@search.example", "housing", Role.PARTICIPANT);
        app.person("Otto Other", "otto@search.example", "acute", Role.PARTICIPANT);
        member = app.token("wren@search.example");
        outsider = app.token("otto@search.example");
        long open = WebClient.json(WebClient.api(app, "POST", "/api/v1/communities", member,
                "{\"name\": \"Wheelchair access\", \"problem\": \"Clinics people in wheelchairs cannot reach\"}"), 201).get("id").asLong();
        WebClient.json(WebClient.api(app, "POST", "/api/v1/communities/" + open + "/discussions", member,
                "{\"title\": \"Ramps\", \"body\": \"The wheelchair ramp at the health centre is too steep\"}"), 201);
        WebClient.json(WebClient.api(app, "POST", "/api/v1/communities/" + open + "/ideas", member, "{\"title\": \"A wheelchair audit\"}"), 201);
        long closed = WebClient.json(WebClient.api(app, "POST", "/api/v1/communities", member,
                "{\"name\": \"Private circle\", \"problem\": \"Secret\", \"joining\": \"request\"}"), 201).get("id").asLong();
        WebClient.json(WebClient.api(app, "POST", "/api/v1/communities/" + closed + "/discussions", member,
                "{\"title\": \"Confidential\", \"body\": \"Our wheelchair complaint, not for outsiders\"}"), 201);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void oneSearchFindsEveryKindTheViewerMaySee() throws Exception {
        JsonNode mine = WebClient.json(WebClient.api(app, "GET", "/api/v1/search?q=wheelchair", member, null), 200);
        assertThat(mine.get("people").toString()).contains("Wren Wheelchair");
        assertThat(mine.get("communities").toString()).contains("Wheelchair access");
        assertThat(mine.get("ideas").toString()).contains("A wheelchair audit");
        assertThat(mine.get("discussions").toString()).contains("Ramps").contains("Confidential");

        JsonNode theirs = WebClient.json(WebClient.api(app, "GET", "/api/v1/search?q=wheelchair", outsider, null), 200);
        assertThat(theirs.get("discussions").toString()).contains("Ramps").doesNotContain("Confidential");
        assertThat(WebClient.json(WebClient.api(app, "GET", "/api/v1/search?q=wheelch", outsider, null), 200).toString())
                .as("the last word matches as a prefix").contains("Ramps");
        assertThat(WebClient.json(WebClient.api(app, "GET", "/api/v1/search?q=%27%29%3B%20DROP%20TABLE%20people%3B%20--", outsider, null), 200)
                .isObject()).as("syntax is only words").isTrue();
        assertThat(WebClient.json(WebClient.api(app, "GET", "/api/v1/search?q=", outsider, null), 200)).isEmpty();
    }

    @Test
    void theSearchPageShowsResultsByKind() {
        WebClient page = app.client();
        page.signIn("otto@search.example", TestApp.PASSWORD);
        String body = page.get("/search?q=wheelchair+ramp").body();
        assertThat(body).contains("Discussions").contains("Ramps").doesNotContain("Confidential");
        assertThat(page.get("/search?q=zzzzqqq").body()).contains("Nothing found for");
    }
}
