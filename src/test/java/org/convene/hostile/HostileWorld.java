package org.convene.hostile;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convene.accounts.Role;
import org.convene.demo.DemoData;
import org.convene.testing.TestApp;
import org.convene.testing.WebClient;
import org.jdbi.v3.core.Jdbi;

/**
 * The app the hostile-input tests attack: the demo region (people, a finished cohort with survey
 * responses, sets, a matching scheme, projects, priority areas, communities with events and ideas),
 * and one account per role to act as, each with an API token and, on demand, a signed-in browser.
 */
final class HostileWorld implements AutoCloseable {
    static final long SEED = 20240611L;
    static final String ADA = "ada.admin@test.example";

    /** Someone to act as: an email, a password, an API token; a browser once asked for. */
    static final class Actor {
        final String name;
        final String email;
        final String password;
        final String token;
        private WebClient browser;

        Actor(String name, String email, String password, String token) {
            this.name = name;
            this.email = email;
            this.password = password;
            this.token = token;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    final TestApp app;
    final DemoData.Result demo;
    final List<Actor> actors = new ArrayList<>();
    final WriteLog writes;

    private HostileWorld(TestApp app, DemoData.Result demo) {
        this.app = app;
        this.demo = demo;
        app.person("Ada Admin", ADA, "acute", Role.ADMIN, Role.PROGRAMME_LEAD);
        actors.add(new Actor("administrator and programme lead", ADA, TestApp.PASSWORD, app.token(ADA)));
        for (DemoData.DemoAccount a : demo.accounts()) {
            actors.add(new Actor(a.role().label().toLowerCase(java.util.Locale.ROOT), a.email(), demo.password(), app.token(a.email())));
        }
        actors.add(new Actor("administrator without a profile", "admin@test.example", "admin password 123",
                app.token("admin@test.example")));
        this.writes = new WriteLog(app.jdbi());
    }

    static HostileWorld start() {
        TestApp app = TestApp.startWithoutJobs();
        try {
            DemoData.Result demo = DemoData.load(app.jdbi(), SEED, 300, false);
            return new HostileWorld(app, demo);
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
    }

    Jdbi jdbi() {
        return app.jdbi();
    }

    Actor actor(String email) {
        return actors.stream().filter(a -> a.email.equals(email)).findFirst().orElseThrow();
    }

    /** This actor's browser, signed in (again, if a hostile form signed it out). */
    WebClient browser(Actor actor) {
        if (actor.browser == null) {
            actor.browser = app.client();
            signIn(actor);
        }
        return actor.browser;
    }

    void signIn(Actor actor) {
        HttpResponse<String> r = actor.browser.signIn(actor.email, actor.password);
        if (r.statusCode() != 302 && r.statusCode() != 303) {
            throw new IllegalStateException("Could not sign in as " + actor + ": " + r.statusCode());
        }
    }

    /** Row counts of every table, for reports. */
    Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String t : jdbi().withHandle(h -> h.createQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")
                .mapTo(String.class).list())) {
            counts.put(t, jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM \"" + t + "\"").mapTo(Long.class).one()));
        }
        return counts;
    }

    @Override
    public void close() {
        app.close();
    }
}
