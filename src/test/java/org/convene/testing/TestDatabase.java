package org.convene.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.convene.app.Config;
import org.flywaydb.core.Flyway;

/**
 * A real PostgreSQL for tests: one embedded server per test JVM, or the server named by
 * CONVENE_TEST_DATABASE_URL (with _USER and _PASSWORD), e.g. Debian's in CI. Each call to
 * {@link #fresh()} gives a new, migrated database cloned from a template, so tests never share data.
 */
public final class TestDatabase {
    private static final String TEMPLATE = "convene_test_template";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static TestDatabase instance;

    private final String serverUrl;
    private final String user;
    private final String password;
    private final String prefix = "t" + ProcessHandle.current().pid() + "_";

    private TestDatabase(String serverUrl, String user, String password) {
        this.serverUrl = serverUrl;
        this.user = user;
        this.password = password;
    }

    public static synchronized TestDatabase get() {
        if (instance == null) {
            String external = System.getenv("CONVENE_TEST_DATABASE_URL");
            if (external != null && !external.isBlank()) {
                instance = new TestDatabase(external, env("CONVENE_TEST_DATABASE_USER", "postgres"),
                        env("CONVENE_TEST_DATABASE_PASSWORD", ""));
            } else {
                try {
                    EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("max_connections", "300")
                            .setServerConfig("fsync", "off").start();
                    instance = new TestDatabase(pg.getJdbcUrl("postgres", "postgres"), "postgres", "");
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not start the embedded PostgreSQL for tests", e);
                }
            }
            instance.createTemplate();
        }
        return instance;
    }

    /** Which server the tests run on, for test reports. */
    public String describe() {
        return serverUrl;
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }

    private void createTemplate() {
        String name = TEMPLATE + "_" + ProcessHandle.current().pid();
        execute("DROP DATABASE IF EXISTS " + name);
        execute("CREATE DATABASE " + name);
        Flyway.configure().dataSource(urlFor(name), user, password).locations("classpath:db/migration").load().migrate();
        this.templateName = name;
    }

    private String templateName;

    /** A new database with every migration applied, as a Config for the app. */
    public Config fresh() {
        String name = prefix + COUNTER.incrementAndGet();
        execute("CREATE DATABASE " + name + " TEMPLATE " + templateName);
        return Config.from(Map.of("CONVENE_PORT", "0", "CONVENE_BASE_URL", "http://localhost"))
                .withDatabase(urlFor(name), user, password);
    }

    public String urlFor(String database) {
        int slash = serverUrl.lastIndexOf('/');
        int query = serverUrl.indexOf('?', slash);
        return serverUrl.substring(0, slash + 1) + database + (query >= 0 ? serverUrl.substring(query) : "");
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection(serverUrl, user, password); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Test database setup failed: " + sql + ": " + e.getMessage(), e);
        }
    }
}
