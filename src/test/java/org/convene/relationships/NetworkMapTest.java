package org.convene.relationships;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.convene.accounts.Role;
import org.convene.testing.TestApp;
import org.convene.testing.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The network map's data and its table view: a place's people and ties on a date, each pair once
 * with its sources, the source filter, the cut to the most connected people, and refusals.
 */
class NetworkMapTest {
    private static TestApp app;
    private static long place;
    private static long[] p;
    private static String lead;

    @BeforeAll
    static void start() {
        app = TestApp.startWithoutJobs();
        place = app.jdbi().withHandle(h -> h.createQuery("INSERT INTO places (name) VALUES ('Mapshire') RETURNING id").mapTo(Long.class).one());
        String[] sectors = {"acute", "housing", "vcse", "acute"};
        p = new long[sectors.length];
        for (int i = 0; i < sectors.length; i++) {
            p[i] = app.person("Map Person " + i, "m" + i + "@map.example", sectors[i], i == 0 ? Role.PROGRAMME_LEAD : Role.PARTICIPANT).id();
            long id = p[i];
            app.jdbi().useHandle(h -> h.createUpdate("UPDATE people SET place_id = :pl WHERE id = :id").bind("pl", place).bind("id", id).execute());
        }
        lead = app.token("m0@map.example");
        tie(0, 1, "matching", LocalDate.now().minusMonths(2), null);
        tie(0, 1, "project", LocalDate.now().minusMonths(1), null);
        tie(1, 2, "self_reported", LocalDate.now().minusYears(1), null);
        tie(2, 3, "event", LocalDate.now().minusYears(1), LocalDate.now().minusDays(10));
    }

    private static void tie(int a, int b, String source, LocalDate started, LocalDate ended) {
        app.jdbi().useHandle(h -> h.createUpdate("INSERT INTO ties (person_a, person_b, kind, source, source_ref, started_on, ended_on) "
                        + "VALUES (:a, :b, 'know', :s, :ref, :st, :en)")
                .bind("a", Math.min(p[a], p[b])).bind("b", Math.max(p[a], p[b])).bind("s", source).bind("ref", source + ":map")
                .bind("st", started).bind("en", ended).execute());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static JsonNode graph(String query) throws Exception {
        return WebClient.json(WebClient.api(app, "GET", "/api/v1/network/graph?slice=place:" + place + query, lead, null), 200);
    }

    @Test
    void aPlacesPeopleAndTiesOnADate() throws Exception {
        JsonNode g = graph("");
        assertThat(g.get("people").asInt()).isEqualTo(4);
        assertThat(g.get("ties").asLong()).as("0-1 once, 1-2; 2-3 has ended").isEqualTo(2);
        assertThat(g.get("truncated").asBoolean()).isFalse();
        List<String> sources = new ArrayList<>();
        g.get("edges").forEach(e -> {
            if (e.get("a").asLong() == Math.min(p[0], p[1])) {
                e.get("sources").forEach(s -> sources.add(s.asText()));
            }
        });
        assertThat(sources).containsExactly("matching", "project");
        JsonNode first = g.get("nodes").get(0);
        assertThat(first.get("name").asText()).isEqualTo("Map Person 0");
        assertThat(first.get("sectorName").asText()).isEqualTo("Acute care");
        assertThat(first.get("acrossSectors").asInt()).isEqualTo(1);

        assertThat(graph("&source=matching").get("ties").asLong()).isEqualTo(1);
        assertThat(graph("&to=" + LocalDate.now().minusMonths(6)).get("ties").asLong()).as("1-2 and 2-3 stood then").isEqualTo(2);

        NetworkGraphs.Graph cut = new NetworkGraphs(app.jdbi(), new NetworkSlices(app.jdbi()))
                .graph(Slice.parse("place:" + place), null, List.of(), 2);
        assertThat(cut.truncated()).isTrue();
        assertThat(cut.nodes()).extracting(NetworkGraphs.Node::name).containsExactly("Map Person 0", "Map Person 1");
        assertThat(cut.edges()).hasSize(1);
        assertThat(cut.people()).isEqualTo(4);
    }

    @Test
    void theTableViewSaysTheSame() throws Exception {
        WebClient web = app.client();
        web.signIn("m0@map.example", TestApp.PASSWORD);
        String table = web.get("/network/map?view=table&slice=place:" + place).body();
        assertThat(table).contains("The network as a table", "4 people and 2 ties", "Map Person 1", "Map Person 0, Map Person 2");
        String found = web.get("/network/map?view=table&slice=place:" + place + "&q=person+2").body();
        assertThat(found).contains("People (1)").doesNotContain(">Map Person 3</a>");
        String map = web.get("/network/map?slice=place:" + place + "&source=matching").body();
        assertThat(map).contains("data-graph=\"/network/graph.json?slice=place%3A" + place, "source=matching", "Show as a table");
        assertThat(web.get("/network/graph.json?slice=place:" + place).body()).contains("\"nodes\"");
    }

    @Test
    void refusals() throws Exception {
        assertThat(WebClient.api(app, "GET", "/api/v1/network/graph?slice=place:999999", lead, null).statusCode()).isEqualTo(422);
        assertThat(WebClient.api(app, "GET", "/api/v1/network/graph?slice=moon:1", lead, null).statusCode()).isEqualTo(422);
        assertThat(WebClient.api(app, "GET", "/api/v1/network/graph?source=gossip", lead, null).statusCode()).isEqualTo(422);
        assertThat(WebClient.api(app, "GET", "/api/v1/network/graph?to=soon", lead, null).statusCode()).isEqualTo(400);
        assertThat(WebClient.api(app, "GET", "/api/v1/network/graph", app.token("m1@map.example"), null).statusCode()).isEqualTo(403);
    }
}
