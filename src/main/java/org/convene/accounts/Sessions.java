package org.convene.accounts;

import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.convene.db.ChangeFeed;
import org.jdbi.v3.core.Jdbi;

/**
 * Browser sessions stored in PostgreSQL, keyed by the hash of a random cookie value. A new token
 * is issued at every sign-in (no session fixation); sessions end after 12 idle hours or 14 days.
 *
 * <p>A session found in the database is remembered for up to a minute, and only while the
 * {@code auth} change version is the one it was read at: ending any session or changing any
 * account or token moves that version on every instance, so a sign-out or a disabled account
 * takes effect everywhere as soon as the change commits.
 */
public final class Sessions {
    public static final Duration IDLE_TIMEOUT = Duration.ofHours(12);
    public static final Duration ABSOLUTE_TIMEOUT = Duration.ofDays(14);
    /** Writing last_seen on every request would make every page view a write. */
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(5);

    public record Session(String token, Account account, String csrfToken) {
    }

    private final Jdbi jdbi;
    private final Remembered<Session> remembered;

    public Sessions(Jdbi jdbi, ChangeFeed changes) {
        this.jdbi = jdbi;
        this.remembered = new Remembered<>(changes, 50_000);
    }

    public Session start(Account account) {
        String token = Secrets.newToken();
        String csrf = Secrets.newToken();
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO sessions (token_hash, account_id, csrf_token, expires_at) "
                        + "VALUES (:hash, :account, :csrf, now() + make_interval(secs => :absolute))")
                .bind("hash", Secrets.sha256(token))
                .bind("account", account.id())
                .bind("csrf", csrf)
                .bind("absolute", (double) ABSOLUTE_TIMEOUT.toSeconds())
                .execute());
        return new Session(token, account, csrf);
    }

    /** The live session for this cookie value, refreshing its idle clock now and then. */
    public Optional<Session> find(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        byte[] hash = Secrets.sha256(token);
        return remembered.get(HexFormat.of().formatHex(hash), s -> true, () -> lookUp(token, hash));
    }

    private Optional<Session> lookUp(String token, byte[] hash) {
        return jdbi.withHandle(h -> {
            Optional<SessionRow> row = h.createQuery("SELECT s.csrf_token, "
                            + "s.last_seen_at < now() - make_interval(secs => :touch) AS stale, "
                            + "a.id, a.email, a.password_hash, a.roles, a.person_id, a.status, a.created_at, a.last_login_at "
                            + "FROM sessions s JOIN accounts a ON a.id = s.account_id "
                            + "WHERE s.token_hash = :hash AND s.expires_at > now() "
                            + "AND s.last_seen_at > now() - make_interval(secs => :idle) AND a.status = 'active'")
                    .bind("hash", hash)
                    .bind("touch", (double) TOUCH_INTERVAL.toSeconds())
                    .bind("idle", (double) IDLE_TIMEOUT.toSeconds())
                    .map((rs, ctx) -> new SessionRow(Accounts.map(rs), rs.getString("csrf_token"), rs.getBoolean("stale")))
                    .findOne();
            if (row.isEmpty()) {
                return Optional.<Session>empty();
            }
            if (row.get().stale()) {
                h.createUpdate("UPDATE sessions SET last_seen_at = now() WHERE token_hash = :hash").bind("hash", hash).execute();
            }
            return Optional.of(new Session(token, row.get().account(), row.get().csrf()));
        });
    }

    public void end(String token) {
        if (token == null) {
            return;
        }
        byte[] hash = Secrets.sha256(token);
        remembered.forget(HexFormat.of().formatHex(hash));
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM sessions WHERE token_hash = :hash").bind("hash", hash).execute());
    }

    /** Signs an account out everywhere, e.g. after a password reset. */
    public void endAll(long accountId) {
        remembered.forgetIf(s -> s.account().id() == accountId);
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM sessions WHERE account_id = :id").bind("id", accountId).execute());
    }

    public int purgeExpired() {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM sessions WHERE expires_at < now() "
                        + "OR last_seen_at < now() - make_interval(secs => :idle)")
                .bind("idle", (double) IDLE_TIMEOUT.toSeconds())
                .execute());
    }

    private record SessionRow(Account account, String csrf, boolean stale) {
    }
}
