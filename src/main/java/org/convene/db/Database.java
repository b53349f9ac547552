package org.convene.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.convene.app.Config;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one PostgreSQL database: an embedded server the app starts itself in the data folder, or an
 * external server named by CONVENE_DATABASE_URL. Owns the connection pool and the migrations.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);

    /** What this process's connections are called on the server (pg_stat_activity.application_name). */
    public static final String APPLICATION_NAME = "Convene (process " + ProcessHandle.current().pid() + ")";

    private final EmbeddedPostgres embedded;
    private final HikariDataSource pool;
    private final Jdbi jdbi;

    private Database(EmbeddedPostgres embedded, HikariDataSource pool) {
        this.embedded = embedded;
        this.pool = pool;
        this.jdbi = PostgresText.install(Jdbi.create(pool).installPlugin(new PostgresPlugin()));
    }

    public static Database open(Config config) {
        if (config.databaseUrl().isPresent()) {
            return new Database(null, pool(config.databaseUrl().get(), config.databaseUser(),
                    config.databasePassword(), config.databasePoolSize()));
        }
        EmbeddedPostgres embedded = startEmbedded(config.dataDir().resolve("postgres"));
        try {
            String url = embedded.getJdbcUrl("postgres", "postgres");
            return new Database(embedded, pool(url, "postgres", "", config.databasePoolSize()));
        } catch (RuntimeException e) {
            closeQuietly(embedded);
            throw e;
        }
    }

    private static EmbeddedPostgres startEmbedded(Path dir) {
        try {
            Files.createDirectories(dir);
            LeftoverServer.stopIfLeftOver(dir);
            log.info("Starting embedded PostgreSQL in {}", dir.toAbsolutePath());
            return EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("fsync", "on")
                    // The library's default is off, which acknowledges a commit before it is on disk:
                    // a crash of the server or the machine could then lose writes users were told were saved.
                    .setServerConfig("synchronous_commit", "on")
                    .start();
        } catch (IllegalStateException e) {
            // Another process holds the folder's lock ("could not lock"); the same process, an overlapping lock.
            if (e instanceof java.nio.channels.OverlappingFileLockException
                    || e.getMessage() != null && e.getMessage().startsWith("could not lock")) {
                throw new DataFolderInUseException(dir.getParent() == null ? dir : dir.getParent());
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir
                    + " (is another Convene using this data folder?)", e);
        }
    }

    /**
     * The database for a command that may run while the server does, such as a backup: as
     * {@link #open}, but when a running Convene holds the data folder, its embedded server is
     * joined through the local port it listens on (and left running on close).
     */
    public static Database openBesideServer(Config config) {
        try {
            return open(config);
        } catch (DataFolderInUseException inUse) {
            Path pidFile = config.dataDir().resolve("postgres").resolve("postmaster.pid");
            try {
                java.util.List<String> lines = Files.readAllLines(pidFile);
                String port = lines.size() > 3 ? lines.get(3).trim() : "";
                if (!port.matches("\\d+")) {
                    throw inUse;
                }
                return new Database(null, pool("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "", 2));
            } catch (IOException e) {
                throw inUse;
            }
        }
    }

    private static HikariDataSource pool(String url, String user, String password, int size) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(url);
        // Names this process's connections in pg_stat_activity; a restore tells other clients from its own by it.
        hc.addDataSourceProperty("ApplicationName", APPLICATION_NAME);
        hc.setUsername(user);
        hc.setPassword(password);
        hc.setMaximumPoolSize(size);
        hc.setPoolName("convene");
        hc.setConnectionTimeout(10_000);
        // JIT compilation pays off for long analytical queries, not for a web app's short ones,
        // where it added tens of milliseconds to any query the planner thought expensive. A generic
        // plan, which PostgreSQL adopts for a prepared statement after five runs, cannot know that
        // one interest matches 20 % of the directory and another 0.1 %: plan every run afresh.
        hc.addDataSourceProperty("options", "-c jit=off -c plan_cache_mode=force_custom_plan");
        return new HikariDataSource(hc);
    }

    /** Applies every pending Flyway migration; safe to call from several instances at once. */
    public void migrate() {
        Flyway.configure()
                .dataSource(pool)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    /** Publishes the connection pool's figures (active, idle, waiting, timings) with the other metrics. */
    public void bindMetrics(io.micrometer.core.instrument.MeterRegistry registry) {
        if (pool.getMetricsTrackerFactory() == null) {
            pool.setMetricsTrackerFactory(new com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory(registry));
        }
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
        if (embedded != null) {
            closeQuietly(embedded);
        }
    }

    private static void closeQuietly(EmbeddedPostgres pg) {
        try {
            pg.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
