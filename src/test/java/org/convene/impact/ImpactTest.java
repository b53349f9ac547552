package org.convene.impact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.convene.accounts.Role;
import org.convene.demo.DemoData;
import org.convene.testing.TestApp;
import org.convene.testing.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The impact dashboard on the demo region: every figure equals the length of its list, places add
 * up to the whole system, new (cross-sector) relationships counted on a hand-made network, the
 * page and its HTML and PDF downloads, and clear refusals of bad input and of people outside the
 * programme team.
 */
class ImpactTest {
    private static TestApp app;
    private static String lead;
    private static final LocalDate TODAY = LocalDate.now(ImpactQuery.ZONE);
    private static final String WIDE = "from=" + TODAY.minusYears(3) + "&to=" + TODAY;

    @BeforeAll
    static void start() {
        app = TestApp.startWithoutJobs();
        assertThat(DemoData.load(app.jdbi(), 20240611L, 300, false)).isNotNull();
        app.person("Impact Lead", "lead@impact.example", "acute", Role.PROGRAMME_LEAD);
        app.person("Impact Participant", "participant@impact.example", "housing", Role.PARTICIPANT);
        lead = app.token("lead@impact.example");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static JsonNode get(String path) throws Exception {
        return WebClient.json(WebClient.api(app, "GET", path, lead, null), 200);
    }

    private static long total(String figure, String query) throws Exception {
        return get("/api/v1/impact/" + figure + "?" + query).get("total").asLong();
    }

    @Test
    void everyFigureIsTheLengthOfItsList() throws Exception {
        JsonNode f = get("/api/v1/impact?" + WIDE);
        assertThat(f.get("scopeName").asText()).isEqualTo("The whole system");
        long people = f.get("people").get("total").asLong();
        assertThat(people).as("the demo's cohort, matches, sets, projects and communities").isGreaterThan(100);
        assertThat(total("people", WIDE)).isEqualTo(people);
        long bySector = 0;
        for (JsonNode s : f.get("people").get("bySector")) {
            bySector += s.get("people").asLong();
            if (s.get("people").asLong() > 0) {
                assertThat(total("people", WIDE + "&only=" + s.get("code").asText())).isEqualTo(s.get("people").asLong());
            }
        }
        assertThat(bySector).isEqualTo(people);

        assertThat(f.get("matches").get("made").asLong()).isPositive();
        assertThat(total("matches", WIDE)).isEqualTo(f.get("matches").get("made").asLong());
        assertThat(total("matches", WIDE + "&only=met")).isEqualTo(f.get("matches").get("met").asLong());
        assertThat(total("events", WIDE)).isEqualTo(f.get("events").get("held").asLong());
        assertThat(f.get("groups").get("sets").asLong()).isPositive();
        assertThat(total("sets", WIDE)).isEqualTo(f.get("groups").get("sets").asLong());
        assertThat(total("clusters", WIDE)).isEqualTo(f.get("groups").get("clusters").asLong());
        assertThat(f.get("projects").get("started").asLong()).isPositive();
        assertThat(total("projects", WIDE)).isEqualTo(f.get("projects").get("started").asLong());
        for (JsonNode s : f.get("projects").get("byStatus")) {
            assertThat(total("projects", WIDE + "&only=" + s.get("status").asText())).isEqualTo(s.get("projects").asLong());
        }
        assertThat(f.get("ties").get("newTies").asLong()).isPositive();
        assertThat(total("ties", WIDE)).isEqualTo(f.get("ties").get("newTies").asLong());
        assertThat(total("ties", WIDE + "&only=across")).isEqualTo(f.get("ties").get("newCrossSectorTies").asLong());
        assertThat(f.get("confidence").get("pairs").asInt()).as("the demo cohort's baseline and end surveys").isGreaterThanOrEqualTo(5);
        assertThat(f.get("confidence").get("overall").get("meanAfter").asDouble())
                .isGreaterThan(f.get("confidence").get("overall").get("meanBefore").asDouble());
        assertThat(total("confidence", WIDE)).isEqualTo(f.get("confidence").get("cohorts").size());

        JsonNode page = get("/api/v1/impact/people?" + WIDE + "&page=2");
        assertThat(page.get("rows").size()).isEqualTo((int) Math.min(50, people - 50));
        assertThat(page.get("rows").get(0).get("cells").get(0).get("href").asText()).startsWith("/people/");
    }

    @Test
    void thePlacesAddUpToTheWholeSystem() throws Exception {
        JsonNode system = get("/api/v1/impact?" + WIDE);
        List<Long> places = app.jdbi().withHandle(h -> h.createQuery("SELECT id FROM places ORDER BY id").mapTo(Long.class).list());
        long people = 0;
        long projects = 0;
        for (long place : places) {
            JsonNode f = get("/api/v1/impact?scope=place:" + place + "&" + WIDE);
            people += f.get("people").get("total").asLong();
            projects += f.get("projects").get("started").asLong();
            assertThat(f.get("ties").get("newTies").asLong()).isLessThanOrEqualTo(system.get("ties").get("newTies").asLong());
            assertThat(total("people", "scope=place:" + place + "&" + WIDE)).isEqualTo(f.get("people").get("total").asLong());
        }
        long withoutPlace = app.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM people WHERE place_id IS NULL").mapTo(Long.class).one());
        assertThat(people).as("everyone taking part has one place or none").isLessThanOrEqualTo(system.get("people").get("total").asLong())
                .isGreaterThanOrEqualTo(system.get("people").get("total").asLong() - withoutPlace);
        assertThat(projects).isLessThanOrEqualTo(system.get("projects").get("started").asLong());
    }

    @Test
    void newRelationshipsAreFirstTiesInThePeriodThatStillStand() throws Exception {
        long place = app.jdbi().withHandle(h -> h.createQuery("INSERT INTO places (name) VALUES ('Testshire') RETURNING id").mapTo(Long.class).one());
        long[] p = new long[5];
        String[] sectors = {"acute", "housing", "acute", "vcse", "primary"};
        for (int i = 0; i < p.length; i++) {
            p[i] = app.person("Testshire " + i, "t" + i + "@impact.example", sectors[i], Role.PARTICIPANT).id();
            long id = p[i];
            app.jdbi().useHandle(h -> h.createUpdate("UPDATE people SET place_id = :pl WHERE id = :id").bind("pl", place).bind("id", id).execute());
        }
        LocalDate from = TODAY.minusMonths(6);
        tie(p[0], p[1], "self_reported", TODAY.minusMonths(1), null);        // new, across
        tie(p[0], p[1], "matching", TODAY.minusMonths(2), null);             // the same pair again: counted once
        tie(p[0], p[2], "project", TODAY.minusMonths(3), null);              // new, within acute
        tie(p[1], p[3], "self_reported", TODAY.minusYears(2), null);         // old
        tie(p[1], p[3], "event", TODAY.minusMonths(1), null);                // ... so not new
        tie(p[3], p[4], "event", TODAY.minusMonths(4), TODAY.minusDays(3));  // began in the period but has ended
        String q = "scope=place:" + place + "&from=" + from + "&to=" + TODAY;
        JsonNode ties = get("/api/v1/impact?" + q).get("ties");
        assertThat(ties.get("newTies").asLong()).isEqualTo(2);
        assertThat(ties.get("newCrossSectorTies").asLong()).isEqualTo(1);
        JsonNode across = get("/api/v1/impact/ties?" + q + "&only=across");
        List<String> cells = new java.util.ArrayList<>();
        across.get("rows").get(0).get("cells").forEach(c -> cells.add(c.get("text").asText()));
        assertThat(cells).containsExactly("Testshire 0", "Acute care", "Testshire 1", "Housing", org.convene.web.Html.date(TODAY.minusMonths(2)),
                "matching, self reported");
        JsonNode asOfThen = get("/api/v1/impact?scope=place:" + place + "&from=" + from + "&to=" + TODAY.minusDays(5)).get("ties");
        assertThat(asOfThen.get("newTies").asLong()).as("3-4 still stood five days ago").isEqualTo(3);
        assertThat(asOfThen.get("newCrossSectorTies").asLong()).isEqualTo(2);

        // A new tie shows at once: reading these figures is quick, so nothing is kept.
        tie(p[2], p[4], "idea", TODAY, null);
        assertThat(get("/api/v1/impact?" + q).get("ties").get("newCrossSectorTies").asLong()).isEqualTo(2);
        JsonNode people = get("/api/v1/impact?" + q).get("people");
        assertThat(people.get("total").asLong()).as("ties alone are not taking part").isZero();
    }

    private static void tie(long a, long b, String source, LocalDate started, LocalDate ended) {
        app.jdbi().useHandle(h -> h.createUpdate("INSERT INTO ties (person_a, person_b, kind, source, source_ref, started_on, ended_on) "
                        + "VALUES (:a, :b, 'know', :s, :ref, :st, :en)")
                .bind("a", Math.min(a, b)).bind("b", Math.max(a, b)).bind("s", source).bind("ref", source + ":test")
                .bind("st", started).bind("en", ended).execute());
    }

    @Test
    void thePageAndItsDownloads() throws Exception {
        WebClient web = app.client();
        web.signIn("lead@impact.example", TestApp.PASSWORD);
        HttpResponse<String> page = web.get("/impact?" + WIDE);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Impact: The whole system", "People taking part", "<svg", "/impact/people?scope=system");
        assertThat(web.get("/impact/people?" + WIDE).body()).contains("People taking part", "/people/");
        assertThat(web.get("/impact?scope=place:999999").statusCode()).isEqualTo(422);
        assertThat(web.get("/impact?from=2026-05-01&to=2026-01-01").body()).contains("The period must start on or before its end");

        HttpResponse<byte[]> html = WebClient.download(app, "/impact/report.html?" + WIDE, null);
        assertThat(html.statusCode()).as("downloads need a session").isIn(302, 401, 303);
        HttpResponse<String> file = web.get("/impact/report.html?" + WIDE);
        assertThat(file.headers().firstValue("Content-Disposition").orElse("")).contains("attachment", "impact-the-whole-system-");
        assertThat(file.body()).startsWith("<!DOCTYPE html>").contains("<style>", "<svg", app.config().baseUrl() + "/impact/people?");
        HttpResponse<String> pdf = web.get("/impact/report.pdf?" + WIDE);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
        assertThat(pdf.body().getBytes(StandardCharsets.ISO_8859_1).length).isGreaterThan(5000);
        assertThat(pdf.body()).startsWith("%PDF");
    }

    @Test
    void slowFiguresAreKeptForEveryInstanceAndRefreshedInTheBackground() throws Exception {
        Impact slow = new Impact(app.jdbi(), java.time.Duration.ZERO);
        ImpactQuery q = ImpactQuery.of("system", TODAY.minusMonths(3), TODAY);
        ImpactFigures first = slow.figures(q);
        assertThat(slow.figures(q)).as("read back from its snapshot, whole").isEqualTo(first);
        assertThat(new Impact(app.jdbi()).figures(q)).as("another instance sees the same snapshot").isEqualTo(first);

        long a = app.person("Kept A", "kept.a@impact.example", "acute", Role.PARTICIPANT).id();
        long b = app.person("Kept B", "kept.b@impact.example", "housing", Role.PARTICIPANT).id();
        tie(a, b, "self_reported", TODAY, null);
        assertThat(slow.figures(q).ties().newTies()).as("kept until refreshed").isEqualTo(first.ties().newTies());
        ImpactList keptList = slow.list(Figure.TIES, q, null, 1);
        assertThat(keptList.total()).as("a list counted with the kept figures").isEqualTo(first.ties().newTies());
        assertThat(keptList.countedAt()).isEqualTo(first.computedAt());
        assertThat(keptList.rows()).as("its rows read now").hasSize((int) Math.min(50, first.ties().newTies() + 1));
        long places = app.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM places").mapTo(Long.class).one());
        assertThat(slow.refreshDue()).as("today's default views of the system and of every place, prepared").isEqualTo(1 + places);
        assertThat(slow.refreshDue()).as("fresh snapshots are left alone").isZero();
        app.jdbi().useHandle(h -> h.execute("UPDATE impact_snapshots SET computed_at = now() - interval '10 minutes'"));
        assertThat(slow.refreshDue()).isEqualTo(2 + places);
        assertThat(slow.figures(q).ties().newTies()).isEqualTo(first.ties().newTies() + 1);
        // A view whose read took 20 s waits 60 times that (20 minutes) before it is read again.
        app.jdbi().useHandle(h -> h.execute("UPDATE impact_snapshots SET millis = 20000, computed_at = now() - interval '10 minutes'"));
        assertThat(slow.refreshDue()).as("slow views refreshed no more than once per 60 reads' time").isZero();
        app.jdbi().useHandle(h -> h.execute("UPDATE impact_snapshots SET computed_at = now() - interval '21 minutes'"));
        assertThat(slow.refreshDue()).isEqualTo(2 + places);

        app.jdbi().useHandle(h -> h.execute("UPDATE impact_snapshots SET viewed_at = now() - interval '31 days'"));
        slow.refreshDue();
        assertThat(snapshots()).as("unviewed for 30 days: gone (and today's defaults prepared again)").isEqualTo(1 + places);
        // A snapshot of an older shape is read again rather than shown half-empty.
        app.jdbi().useHandle(h -> h.execute("UPDATE impact_snapshots SET figures = figures - 'snapshotFormat' - 'confidence'"));
        assertThat(slow.figures(q).confidence()).isNotNull();
        // Quick figures leave no snapshot behind.
        app.jdbi().useHandle(h -> h.execute("DELETE FROM impact_snapshots"));
        new Impact(app.jdbi(), java.time.Duration.ofHours(1)).figures(q);
        assertThat(snapshots()).isZero();
    }

    private static long snapshots() {
        return app.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM impact_snapshots").mapTo(Long.class).one());
    }

    @Test
    void badInputAndOutsidersAreRefused() throws Exception {
        assertThat(WebClient.api(app, "GET", "/api/v1/impact?scope=community:1", lead, null).statusCode()).isEqualTo(422);
        assertThat(WebClient.api(app, "GET", "/api/v1/impact?scope=place:999999", lead, null).statusCode()).isEqualTo(422);
        assertThat(WebClient.api(app, "GET", "/api/v1/impact?from=2026-05-01&to=2026-01-01", lead, null).statusCode()).isEqualTo(422);
        assertThat(WebClient.api(app, "GET", "/api/v1/impact?from=2001-01-01&to=2026-01-01", lead, null).statusCode()).isEqualTo(422);
        assertThat(WebClient.api(app, "GET", "/api/v1/impact?from=yesterday", lead, null).statusCode()).isEqualTo(400);
        assertThat(WebClient.api(app, "GET", "/api/v1/impact/galaxies", lead, null).statusCode()).isEqualTo(404);
        HttpResponse<String> badFilter = WebClient.api(app, "GET", "/api/v1/impact/people?only=astronauts", lead, null);
        assertThat(badFilter.statusCode()).isEqualTo(422);
        assertThat(badFilter.body()).contains("Choose a sector");
        assertThat(WebClient.api(app, "GET", "/api/v1/impact/events?only=met", lead, null).statusCode()).isEqualTo(422);
        assertThat(WebClient.api(app, "GET", "/api/v1/impact/people?page=0", lead, null).statusCode()).isEqualTo(400);
        String participant = app.token("participant@impact.example");
        assertThat(WebClient.api(app, "GET", "/api/v1/impact", participant, null).statusCode()).isEqualTo(403);
        assertThat(WebClient.api(app, "GET", "/api/v1/impact/people", participant, null).statusCode()).isEqualTo(403);
    }
}
