package org.convene.hostile;

import org.convene.web.Route;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Hostile input against every route in the route table (issue 8, "Input"): random and hostile
 * values from a fixed seed into every API body and query, every form and every CSV import, on the
 * demo region. Three properties hold for every answer: no 5xx and no internals in the body; a
 * refused request writes nothing; no page shows input as markup. New routes are attacked without
 * changing this test: API bodies come from openapi.json, forms from the pages that show them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputTest {
    private static HostileWorld world;
    private static Ids ids;
    private static Bodies bodies;
    /** The API's accepted valid requests and the forms' (found by the attacks, used to store markup). */
    private static java.util.Map<String, ?> apiBaselines = java.util.Map.of();
    private static FormAttacks formBaselines;

    @BeforeAll
    static void start() {
        world = HostileWorld.start();
        ids = new Ids(world.jdbi(), world.tokens);
        bodies = new Bodies(ids);
    }

    @AfterAll
    static void stop() {
        if (world != null) {
            world.close();
        }
    }

    @Test
    @Order(1)
    void apiWritesSurviveHostileBodies() {
        Attack attack = new Attack(world);
        ApiAttacks api = new ApiAttacks(world, attack, bodies, ids);
        long started = System.currentTimeMillis();
        for (Route route : world.app.app().routes().table()) {
            if (route.api() && (route.method().name().equals("POST") || route.method().name().equals("PUT"))) {
                api.write(route, Tries.perRoute(10));
            }
        }
        apiBaselines = api.baselines();
        System.out.printf("API writes: %d requests in %.1f s; no valid request accepted for:%n  %s%n%s", attack.sent(),
                (System.currentTimeMillis() - started) / 1000.0, String.join("\n  ", api.withoutBaseline), attack.coverage());
        attack.assertClean();
    }

    @Test
    @Order(2)
    void apiReadsSurviveHostileQueries() {
        Attack attack = new Attack(world);
        ApiAttacks api = new ApiAttacks(world, attack, bodies, ids);
        long started = System.currentTimeMillis();
        for (Route route : world.app.app().routes().table()) {
            if (route.api() && route.method().name().equals("GET")) {
                api.read(route, Tries.perRoute(10) / 2 + 1);
            }
        }
        System.out.printf("API reads: %d requests in %.1f s%n%s", attack.sent(), (System.currentTimeMillis() - started) / 1000.0,
                attack.coverage());
        attack.assertClean();
    }

    @Test
    @Order(3)
    void formsSurviveHostileValues() {
        Attack attack = new Attack(world);
        FormAttacks forms = new FormAttacks(world, attack, ids, new ApiAttacks(world, attack, bodies, ids));
        long started = System.currentTimeMillis();
        forms.crawl(world.app.app().routes().table());
        System.out.printf("Crawl: %d requests in %.1f s; POST routes without a form on any page: %s%n", attack.sent(),
                (System.currentTimeMillis() - started) / 1000.0, forms.withoutForm);
        for (boolean destructive : new boolean[] {false, true}) {
            for (Route route : world.app.app().routes().table()) {
                if (!route.api() && route.method().name().equals("POST") && FormAttacks.destructive(route) == destructive) {
                    forms.attack(route, Tries.perRoute(10) - 2);
                }
            }
        }
        forms.searches(Tries.perRoute(10) / 2 + 1);
        formBaselines = forms;
        System.out.printf("Forms: %d requests in %.1f s; no valid form accepted for:%n  %s%n%s", attack.sent(),
                (System.currentTimeMillis() - started) / 1000.0, String.join("\n  ", forms.withoutBaseline), attack.coverage());
        attack.assertClean();
    }

    /**
     * Property (c) on purpose: markup and script links stored through every API route and form
     * that takes text, then every page read (the rows the tests started with and the newest), and
     * no page may show any of it as markup.
     */
    @Test
    @Order(4)
    void storedMarkupIsNeverRenderedAsMarkup() {
        Attack attack = new Attack(world);
        long started = System.currentTimeMillis();
        ApiAttacks api = new ApiAttacks(world, attack, bodies, ids, apiBaselines);
        java.util.List<String> stored = new java.util.ArrayList<>();
        int n = 0;
        for (Route route : world.app.app().routes().table()) {
            boolean write = route.method().name().equals("POST") || route.method().name().equals("PUT");
            if (write && route.api() && api.storeMarkup(route, n++)) {
                stored.add(route.method() + " " + route.path());
            }
        }
        FormAttacks forms = formBaselines != null ? formBaselines.using(attack)
                : new FormAttacks(world, attack, ids, new ApiAttacks(world, attack, bodies, ids));
        for (Route route : world.app.app().routes().table()) {
            if (!route.api() && route.method().name().equals("POST") && forms.storeMarkup(route, n++)) {
                stored.add(route.method() + " " + route.path());
            }
        }
        int read = forms.readEverything(world.app.app().routes().table());
        System.out.printf("Markup stored through %d routes; %d pages read; %d requests in %.1f s%n  stored through: %s%n",
                stored.size(), read, attack.sent(), (System.currentTimeMillis() - started) / 1000.0, stored);
        org.assertj.core.api.Assertions.assertThat(stored).as("routes that stored markup").hasSizeGreaterThan(40);
        attack.assertClean();
    }
}
