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

    @BeforeAll
    static void start() {
        world = HostileWorld.start();
        ids = new Ids(world.jdbi());
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
                api.write(route, Tries.perRoute(12));
            }
        }
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
                api.read(route, Tries.perRoute(12) / 2);
            }
        }
        System.out.printf("API reads: %d requests in %.1f s%n%s", attack.sent(), (System.currentTimeMillis() - started) / 1000.0,
                attack.coverage());
        attack.assertClean();
    }
}
