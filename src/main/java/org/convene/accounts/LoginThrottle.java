package org.convene.accounts;

import java.time.Duration;
import org.convene.errors.TooManyRequestsException;
import org.jdbi.v3.core.Jdbi;

/**
 * Slows password guessing: at most 5 failed sign-ins per email and 30 per address in 15 minutes.
 * Counted in the database so the limit holds across all app instances.
 */
public final class LoginThrottle {
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final int PER_EMAIL = 5;
    static final int PER_ADDRESS = 30;
    private final Jdbi jdbi;

    public LoginThrottle(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void check(String email, String ip) {
        long[] counts = jdbi.withHandle(h -> h.createQuery("SELECT "
                        + "count(*) FILTER (WHERE lower(email) = lower(:email)), count(*) FILTER (WHERE ip = :ip) "
                        + "FROM login_attempts WHERE attempted_at > now() - make_interval(secs => :window) "
                        + "AND (lower(email) = lower(:email) OR ip = :ip)")
                .bind("email", email)
                .bind("ip", ip)
                .bind("window", (double) WINDOW.toSeconds())
                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .one());
        if (counts[0] >= PER_EMAIL || counts[1] >= PER_ADDRESS) {
            throw new TooManyRequestsException("Too many failed sign-in attempts. Wait 15 minutes and try again, "
                    + "or reset your password.", WINDOW.toSeconds());
        }
    }

    public void recordFailure(String email, String ip) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO login_attempts (email, ip) VALUES (:email, :ip)")
                .bind("email", email.length() > 254 ? email.substring(0, 254) : email)
                .bind("ip", ip)
                .execute());
    }

    public void clear(String email) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM login_attempts WHERE lower(email) = lower(:email)")
                .bind("email", email).execute());
    }

    public int purgeOld() {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM login_attempts WHERE attempted_at < now() - make_interval(secs => :window)")
                .bind("window", (double) WINDOW.toSeconds()).execute());
    }
}
