package org.convene.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.Random;
import org.convene.accounts.Role;
import org.convene.testing.TestApp;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How long the network map takes to fetch and lay out a place at the map's limit of 1,500 people
 * (and a smaller one), in Chromium on this machine. Run with
 * {@code -Dtest=NetworkMapBenchmarkTest -Dtest.excludedGroups=none -Dbench.people=1500 -Dbench.ties=4000}.
 */
@Tag("bench")
@Tag("browser")
class NetworkMapBenchmarkTest {
    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @Test
    void layOutAPlace() {
        int people = Integer.getInteger("bench.people", 1500);
        int ties = Integer.getInteger("bench.ties", 4000);
        try (TestApp app = TestApp.startWithoutJobs()) {
            app.person("Map Lead", "lead@mapbench.example", "acute", Role.PROGRAMME_LEAD);
            long place = app.jdbi().withHandle(h -> {
                long id = h.createQuery("INSERT INTO places (name) VALUES ('Benchshire') RETURNING id").mapTo(Long.class).one();
                h.createUpdate("INSERT INTO people (full_name, email, sector_code, place_id, visibility) SELECT 'Person ' || g, "
                                + "'p' || g || '@mapbench.example', (ARRAY['acute','primary','housing','vcse','adult_social_care'])[1 + g % 5], :pl, 'everyone' "
                                + "FROM generate_series(1, :n) g").bind("pl", id).bind("n", people).execute();
                return id;
            });
            long[] ids = app.jdbi().withHandle(h -> h.createQuery("SELECT id FROM people WHERE place_id = :pl ORDER BY id").bind("pl", place)
                    .mapTo(Long.class).list()).stream().mapToLong(Long::longValue).toArray();
            Random random = new Random(1);
            app.jdbi().useHandle(h -> {
                var batch = h.prepareBatch("INSERT INTO ties (person_a, person_b, kind, source, source_ref, started_on) "
                        + "VALUES (:a, :b, 'know', 'self_reported', '', current_date - 10) ON CONFLICT DO NOTHING");
                for (int i = 0; i < ties; i++) {
                    long a = ids[random.nextInt(ids.length)];
                    long b = ids[random.nextInt(ids.length)];
                    if (a != b) {
                        batch.bind("a", Math.min(a, b)).bind("b", Math.max(a, b)).add();
                    }
                }
                batch.execute();
            });
            BrowserContext context = chromium.newContext(app, true);
            Page page = context.newPage();
            DemoSite.signIn(page, "lead@mapbench.example", TestApp.PASSWORD);
            for (int run = 1; run <= 3; run++) {
                long started = System.nanoTime();
                page.navigate("/network/map?slice=place:" + place);
                Locator map = page.locator("#network-map[data-nodes]");
                map.waitFor(new Locator.WaitForOptions().setTimeout(120_000));
                System.out.printf("network map, run %d: %s people, %s ties drawn; fetch and layout %s ms in the page, %d ms from navigation%n",
                        run, map.getAttribute("data-nodes"), map.getAttribute("data-edges"), map.getAttribute("data-millis"),
                        (System.nanoTime() - started) / 1_000_000);
            }
            context.close();
        }
    }
}
