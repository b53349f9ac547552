package org.convene.testing;

import org.convene.db.ChangeFeed;
import java.util.Set;
import org.convene.accounts.Accounts;
import org.convene.accounts.ApiTokens;
import org.convene.accounts.Passwords;
import org.convene.accounts.Role;
import org.convene.app.App;
import org.convene.app.Config;
import org.convene.people.People;
import org.convene.people.Person;
import org.convene.people.PersonInput;
import org.jdbi.v3.core.Jdbi;

/** The whole app on a fresh test database and a free port, with helpers to make accounts. */
public final class TestApp implements AutoCloseable {
    public static final String PASSWORD = "correct horse battery staple";
    private final App app;
    private final Config config;

    private TestApp(Config config) {
        this.config = config;
        this.app = App.start(config);
    }

    public static TestApp start() {
        return new TestApp(config(true, false));
    }

    /** An app whose background jobs do not run, for tests that run a job's work themselves. */
    public static TestApp startWithoutJobs() {
        return new TestApp(config(false, false));
    }

    /** An app (without jobs) that trusts X-Forwarded-For and X-Forwarded-Proto, as behind a reverse proxy. */
    public static TestApp startBehindProxy() {
        return new TestApp(config(false, true));
    }

    /** A fresh database with every migration, any free port, and a known administrator. */
    private static Config config(boolean jobs, boolean trustProxy) {
        Config config = TestDatabase.get().fresh();
        return new Config(0, config.dataDir(), config.databaseUrl(), config.databaseUser(),
                config.databasePassword(), 4, "admin@test.example", java.util.Optional.of("admin password 123"),
                config.baseUrl(), false, config.smtp(), "text", jobs, trustProxy);
    }

    /** A second app instance on the same database, as behind a load balancer. */
    public TestApp another() {
        return new TestApp(config);
    }

    public App app() {
        return app;
    }

    public Config config() {
        return config;
    }

    public Jdbi jdbi() {
        return app.database().jdbi();
    }

    public String url(String path) {
        return "http://localhost:" + app.port() + path;
    }

    public WebClient client() {
        return new WebClient(this);
    }

    /** A person in the directory (listed) with an account holding these roles; password {@link #PASSWORD}. */
    public Person person(String name, String email, String sector, Role... roles) {
        Person person = new People(jdbi(), ChangeFeed.polling(jdbi())).create(new PersonInput(name, email, "Job of " + name, "", null, sector, "Test Town",
                java.util.List.of("frailty"), "", "", "", "email", true));
        if (roles.length > 0) {
            long accountId = new Accounts(jdbi()).create(email, Passwords.hash(PASSWORD), Set.of(roles), person.id());
            assert accountId > 0;
        }
        return person;
    }

    public String token(String email) {
        long accountId = new Accounts(jdbi()).byEmail(email).orElseThrow().id();
        return new ApiTokens(jdbi(), ChangeFeed.polling(jdbi())).create(accountId, "test", null).token();
    }

    @Override
    public void close() {
        app.close();
    }
}
