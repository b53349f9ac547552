package org.convene.relationships;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import org.convene.accounts.Role;
import org.convene.testing.TestApp;
import org.convene.testing.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A slice of the network from the tie store: people and ties on a date (ended ties gone, a pair
 * recorded by two sources counted once), new and new cross-sector ties in a period, a source
 * filter, and the figures through the API for the programme team only.
 */
class NetworkApiTest {
    private static TestApp app;
    private static long[] p;

    @BeforeAll
    static void start() {
        app = TestApp.start();
        String[] sectors = {"acute", "acute", "housing", "vcse", "housing"};
        p = new long[sectors.length];
        for (int i = 0; i < sectors.length; i++) {
            p[i] = app.person("Person " + i, "p" + i + "@net.example", sectors[i], i == 0 ? new Role[] {Role.PROGRAMME_LEAD} : new Role[] {Role.PARTICIPANT}).id();
        }
        // A path 0-1-2-3 (3-4 ended last month), with 1-2 recorded twice, and 0-1 from long ago.
        tie(0, 1, "self", "2020-01-01", null);
        tie(1, 2, "project", LocalDate.now().minusMonths(2).toString(), null);
        tie(1, 2, "matching", LocalDate.now().minusMonths(1).toString(), null);
        tie(2, 3, "event", LocalDate.now().minusMonths(3).toString(), null);
        tie(3, 4, "self", "2021-01-01", LocalDate.now().minusMonths(1).toString());
    }

    private static void tie(int a, int b, String source, String started, String ended) {
        long x = Math.min(p[a], p[b]);
        long y = Math.max(p[a], p[b]);
        app.jdbi().useHandle(h -> h.createUpdate("INSERT INTO ties (person_a, person_b, kind, source, started_on, ended_on) "
                        + "VALUES (:a, :b, 'know', :s, CAST(:st AS date), CAST(:en AS date))")
                .bind("a", x).bind("b", y).bind("s", source).bind("st", started).bind("en", ended).execute());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void theSystemTodayAndInThePastYear() throws Exception {
        String lead = app.token("p0@net.example");
        JsonNode r = WebClient.json(WebClient.api(app, "GET", "/api/v1/network/metrics", lead, null), 200);
        JsonNode m = r.get("metrics");
        assertThat(m.get("people").asInt()).isGreaterThanOrEqualTo(5);
        assertThat(m.get("ties").asLong()).as("0-1, 1-2 once, 2-3; 3-4 ended").isEqualTo(3);
        assertThat(r.get("newTies").asLong()).as("1-2 and 2-3 began this year").isEqualTo(2);
        assertThat(r.get("newCrossSectorTies").asLong()).as("acute-housing and housing-vcse").isEqualTo(2);
        assertThat(r.get("bridges").get(0).get("name").asText()).isIn("Person 1", "Person 2");

        JsonNode lastYear = WebClient.json(WebClient.api(app, "GET", "/api/v1/network/metrics?to=" + LocalDate.now().minusMonths(6), lead, null), 200);
        assertThat(lastYear.get("metrics").get("ties").asLong()).as("0-1 and 3-4 stood then").isEqualTo(2);

        JsonNode projectOnly = WebClient.json(WebClient.api(app, "GET", "/api/v1/network/metrics?source=project", lead, null), 200);
        assertThat(projectOnly.get("metrics").get("ties").asLong()).isEqualTo(1);

        assertThat(WebClient.api(app, "GET", "/api/v1/network/metrics?slice=galaxy:1", lead, null).statusCode()).isEqualTo(422);
        assertThat(WebClient.api(app, "GET", "/api/v1/network/metrics?from=2030-01-01&to=2029-01-01", lead, null).statusCode()).isEqualTo(422);
        assertThat(WebClient.api(app, "GET", "/api/v1/network/metrics", app.token("p1@net.example"), null).statusCode()).isEqualTo(403);
    }

    @Test
    void aReportIsKeptUntilTheTiesChange() {
        NetworkApi api = new NetworkApi(new NetworkSlices(app.jdbi()), app.jdbi(), org.convene.db.ChangeFeed.polling(app.jdbi()));
        Slice slice = Slice.parse("system");
        LocalDate day = LocalDate.now().plusDays(1);
        NetworkApi.Report first = api.report(slice, null, day, java.util.List.of());
        assertThat(api.report(slice, null, day, java.util.List.of())).as("computed once").isSameAs(first);
        tie(0, 4, "self", LocalDate.now().toString(), null);
        NetworkApi.Report after = api.report(slice, null, day, java.util.List.of());
        assertThat(after).isNotSameAs(first);
        assertThat(after.metrics().ties()).isEqualTo(first.metrics().ties() + 1);
        app.jdbi().useHandle(h -> h.execute("DELETE FROM ties WHERE source = 'self' AND started_on = current_date"));
        assertThat(api.report(slice, null, day, java.util.List.of()).metrics().ties()).isEqualTo(first.metrics().ties());
    }
}
