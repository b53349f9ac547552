package org.convene.hostile;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convene.accounts.AccountLinks;
import org.convene.accounts.Accounts;
import org.convene.accounts.ApiTokens;
import org.convene.accounts.Role;
import org.convene.db.ChangeFeed;
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
    static final String SPARE = "spare@test.example";

    /** Someone to act as: an email, a password, an API token; a browser once asked for. */
    static final class Actor {
        final String name;
        final String email;
        final String password;
        final String token;
        private WebClient browser;
        private String csrf;

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
    /** Working /invite/ and /reset/ tokens (for the spare account). */
    final Map<String, String> tokens = new LinkedHashMap<>();
    /** Every account as it was at the start, to put back after forms that change them. */
    private final List<Map<String, Object>> accounts;

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
        // Targets for the forms that act on accounts and tokens, so the actors keep theirs
        app.person("Spare Person", SPARE, "vcse", Role.PARTICIPANT);
        long ada = new Accounts(jdbi()).byEmail(ADA).orElseThrow().id();
        new ApiTokens(jdbi(), ChangeFeed.polling(jdbi())).create(org.convene.audit.Actor.SYSTEM, ada, "spare", null);
        long spare = new Accounts(jdbi()).byEmail(SPARE).orElseThrow().id();
        jdbi().useHandle(h -> {
            tokens.put("invite", AccountLinks.issue(h, spare, AccountLinks.Purpose.INVITE));
            tokens.put("reset", AccountLinks.issue(h, spare, AccountLinks.Purpose.RESET));
            // A material to show (and remove), and the registration form open to attack
            h.execute("INSERT INTO module_materials (module_id, title, url) SELECT m.id, 'Slides', 'https://example.org/slides' "
                    + "FROM modules m JOIN enrolments e ON e.cohort_id = m.cohort_id AND e.person_id = 3 ORDER BY m.id LIMIT 1");
        });
        openRegistration();
        this.accounts = jdbi().withHandle(h -> h.createQuery("SELECT id, roles::text AS roles, password_hash, status FROM accounts")
                .mapToMap().list());
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
            HttpResponse<String> r = actor.browser.signIn(actor.email, actor.password);
            if (r.statusCode() != 302 && r.statusCode() != 303) {
                throw new IllegalStateException("Could not sign in as " + actor + ": " + r.statusCode() + " " + r.body());
            }
        }
        return actor.browser;
    }

    /** Signs this actor's browser in, unless it still is (with the actor's own password, put back first). */
    void signIn(Actor actor) {
        actor.csrf = null;
        if (actor.browser.get("/account").statusCode() == 200) {
            return;
        }
        restore();
        actor.browser = app.client(); // a fresh browser: no cookies left over from what was sent before
        HttpResponse<String> r = actor.browser.signIn(actor.email, actor.password);
        if (r.statusCode() != 302 && r.statusCode() != 303) {
            throw new IllegalStateException("Could not sign in as " + actor + ": " + r.statusCode() + " " + r.body());
        }
    }

    /** The CSRF token of this actor's session (the same on every page of it). */
    String csrf(Actor actor) {
        if (actor.csrf == null) {
            actor.csrf = csrf(actor, "/account");
        }
        return actor.csrf;
    }

    /** The CSRF token on this page, as this actor. */
    String csrf(Actor actor, String page) {
        HttpResponse<String> r = browser(actor).get(page);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(r.body());
        return m.find() ? m.group(1) : "";
    }

    /**
     * Puts back what a hostile form may have changed that the test itself relies on: the actors'
     * accounts (roles, password, status), their API tokens, the sign-in attempts that would slow
     * down signing in again, and self-registration being open (so its form can be attacked).
     */
    void restore() {
        jdbi().useTransaction(h -> {
            for (Map<String, Object> a : accounts) {
                h.createUpdate("UPDATE accounts SET roles = CAST(:roles AS text[]), password_hash = :hash, status = :status "
                                + "WHERE id = :id AND (roles <> CAST(:roles AS text[]) OR password_hash <> :hash OR status <> :status)")
                        .bind("roles", (String) a.get("roles")).bind("hash", (String) a.get("password_hash"))
                        .bind("status", (String) a.get("status")).bind("id", ((Number) a.get("id")).longValue()).execute();
            }
            h.execute("UPDATE api_tokens SET revoked_at = NULL WHERE revoked_at IS NOT NULL AND name = 'test'");
            h.execute("DELETE FROM login_attempts");
        });
        openRegistration();
    }

    private void openRegistration() {
        jdbi().useHandle(h -> h.execute("INSERT INTO settings (name, value) VALUES ('registration', 'open') "
                + "ON CONFLICT (name) DO UPDATE SET value = excluded.value WHERE settings.value <> 'open'"));
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
