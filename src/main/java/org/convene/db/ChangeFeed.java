package org.convene.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The version of each cached topic (table {@code change_versions}), pushed to this instance by
 * PostgreSQL's LISTEN/NOTIFY so a cache can check it without a query. While the listening
 * connection is down, {@link #version} reads the table instead: slower, never stale.
 *
 * <p>A change made on another instance reaches this one when the other's transaction commits plus
 * the time the notification takes to arrive (well under a millisecond on one machine). In silence
 * the feed re-reads every version every few seconds, which also proves the connection is alive.
 */
public final class ChangeFeed implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);
    static final String CHANNEL = "convene_changes";
    private static final long POLL_MILLIS = 1_000;
    private static final long REREAD_NANOS = 10_000_000_000L;

    public enum Topic {
        DIRECTORY, AUTH, NETWORK;

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final DataSource dataSource;
    private final Jdbi jdbi;
    private final Map<Topic, AtomicLong> versions = new EnumMap<>(Topic.class);
    private volatile boolean listening;
    private volatile boolean running = true;
    private final Thread thread;

    public ChangeFeed(DataSource dataSource, Jdbi jdbi) {
        this.dataSource = dataSource;
        this.jdbi = jdbi;
        for (Topic topic : Topic.values()) {
            versions.put(topic, new AtomicLong());
        }
        this.thread = new Thread(this::listen, "convene-change-feed");
        this.thread.setDaemon(true);
    }

    /** A feed that never listens: every version is read from the database (commands, tests). */
    public static ChangeFeed polling(Jdbi jdbi) {
        return new ChangeFeed(null, jdbi);
    }

    public ChangeFeed start() {
        thread.start();
        return this;
    }

    /** The topic's current version: from memory while listening, otherwise read from the database. */
    public long version(Topic topic) {
        if (listening) {
            return versions.get(topic).get();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT version FROM change_versions WHERE topic = :topic")
                .bind("topic", topic.code()).mapTo(Long.class).one());
    }

    /** Whether versions are arriving by notification (so reading one costs nothing). */
    public boolean listening() {
        return listening;
    }

    private void listen() {
        long backoff = 500;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                // Read after LISTEN: a change committed in between is both read and notified.
                readAll(connection);
                listening = true;
                backoff = 500;
                PGConnection pg = connection.unwrap(PGConnection.class);
                long lastHeard = System.nanoTime();
                while (running) {
                    PGNotification[] notifications = pg.getNotifications((int) POLL_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        for (PGNotification n : notifications) {
                            apply(n.getParameter());
                        }
                        lastHeard = System.nanoTime();
                    } else if (System.nanoTime() - lastHeard > REREAD_NANOS) {
                        readAll(connection);
                        lastHeard = System.nanoTime();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("Change notifications interrupted ({}); caches check the database until they resume", e.getMessage());
                }
            } finally {
                listening = false;
            }
            sleep(backoff);
            backoff = Math.min(backoff * 2, 10_000);
        }
    }

    private void readAll(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT topic, version FROM change_versions")) {
            while (rs.next()) {
                long version = rs.getLong(2);
                topic(rs.getString(1)).ifPresent(t -> raise(t, version));
            }
        }
    }

    /** Applies a payload "topic:version"; anything else is ignored. */
    void apply(String payload) {
        int colon = payload == null ? -1 : payload.indexOf(':');
        if (colon < 0) {
            return;
        }
        try {
            long version = Long.parseLong(payload.substring(colon + 1));
            topic(payload.substring(0, colon)).ifPresent(t -> raise(t, version));
        } catch (NumberFormatException e) {
            log.debug("Ignoring change notification {}", payload);
        }
    }

    private void raise(Topic topic, long version) {
        versions.get(topic).accumulateAndGet(version, Math::max);
    }

    private static Optional<Topic> topic(String code) {
        for (Topic t : Topic.values()) {
            if (t.code().equals(code)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        listening = false;
        thread.interrupt();
        try {
            thread.join(POLL_MILLIS * 3);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
