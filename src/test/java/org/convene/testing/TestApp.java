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

    /**
     * An app (without background jobs) that offers single sign-on with this provider. Its port is
     * chosen before it starts, because the provider is told the callback address up front.
     */
    public static TestApp startWithSso(Config.Sso sso) {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new TestApp(config(false, false).withPort(port, "http://localhost:" + port).withSso(sso));
    }

    /** The whole app on an embedded database of its own in this data folder, as a default installation runs. */
    public static TestApp onDataFolder(java.nio.file.Path dir) {
        Config base = Config.from(java.util.Map.of("CONVENE_PORT", "0", "CONVENE_BASE_URL", "http://localhost",
                "CONVENE_DATA_DIR", dir.toString()));
        return new TestApp(new Config(0, base.dataDir(), java.util.Optional.empty(), "postgres", "", 4, "admin@test.example",
                java.util.Optional.of("admin password 123"), base.baseUrl(), false, base.smtp(), "text", true, Config.Sso.OFF));
    }

    /** A fresh database with every migration, any free port, and a known administrator. */
    private static Config config(boolean jobs, boolean trustProxy) {
        Config config = TestDatabase.get().fresh();
        return new Config(0, config.dataDir(), config.databaseUrl(), config.databaseUser(),
                config.databasePassword(), 4, "admin@test.example", java.util.Optional.of("admin password 123"),
                config.baseUrl(), false, config.smtp(), "text", jobs, Config.Sso.OFF, trustProxy);
    }

    /**
     * A second app instance on the same database, as behind a load balancer: on a port of its own,
     * with the same public address.
     */
    public TestApp another() {
        return new TestApp(config.withPort(0, config.baseUrl()));
    }

    /** A second instance on the same database whose single sign-on goes to another provider. */
    public TestApp another(Config.Sso sso) {
        return new TestApp(config.withPort(0, config.baseUrl()).withSso(sso));
    }

    /** A second instance on the same database that runs the background jobs, whether or not this one does. */
    public TestApp anotherWithJobs() {
        Config c = config;
        return new TestApp(new Config(c.port(), c.dataDir(), c.databaseUrl(), c.databaseUser(), c.databasePassword(),
                c.databasePoolSize(), c.adminEmail(), c.adminPassword(), c.baseUrl(), c.secureCookies(), c.smtp(), c.logFormat(), true,
                c.sso()));
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
                java.util.List.of("frailty"), "", "", "", "email", "everyone", "everyone"));
        if (roles.length > 0) {
            long accountId = new Accounts(jdbi()).create(email, Passwords.hash(PASSWORD), Set.of(roles), person.id());
            assert accountId > 0;
        }
        return person;
    }

    public String token(String email) {
        long accountId = new Accounts(jdbi()).byEmail(email).orElseThrow().id();
        return new ApiTokens(jdbi(), ChangeFeed.polling(jdbi())).create(org.convene.audit.Actor.SYSTEM, accountId, "test", null).token();
    }

    @Override
    public void close() {
        app.close();
    }
}
