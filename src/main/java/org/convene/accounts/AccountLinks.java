package org.convene.accounts;

import java.time.Duration;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** One-time links for invitations (valid 7 days) and password resets (valid 1 hour). */
public final class AccountLinks {
    public enum Purpose {
        INVITE("invite", Duration.ofDays(7)),
        RESET("reset", Duration.ofHours(1));

        final String code;
        final Duration lifetime;

        Purpose(String code, Duration lifetime) {
            this.code = code;
            this.lifetime = lifetime;
        }
    }

    private AccountLinks() {
    }

    public static String issue(Handle h, long accountId, Purpose purpose) {
        String token = Secrets.newToken();
        h.createUpdate("INSERT INTO account_links (token_hash, account_id, purpose, expires_at) "
                        + "VALUES (:hash, :account, :purpose, now() + make_interval(secs => :secs))")
                .bind("hash", Secrets.sha256(token))
                .bind("account", accountId)
                .bind("purpose", purpose.code)
                .bind("secs", (double) purpose.lifetime.toSeconds())
                .execute();
        return token;
    }

    /** The account a live, unused link belongs to, without using it up. */
    public static Optional<Long> peek(Handle h, String token, Purpose purpose) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return h.createQuery("SELECT account_id FROM account_links WHERE token_hash = :hash AND purpose = :purpose "
                        + "AND used_at IS NULL AND expires_at > now()")
                .bind("hash", Secrets.sha256(token))
                .bind("purpose", purpose.code)
                .mapTo(Long.class).findOne();
    }

    /** Uses the link up, in the caller's transaction, so it works at most once. */
    public static Optional<Long> redeem(Handle h, String token, Purpose purpose) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return h.createQuery("UPDATE account_links SET used_at = now() WHERE token_hash = :hash AND purpose = :purpose "
                        + "AND used_at IS NULL AND expires_at > now() RETURNING account_id")
                .bind("hash", Secrets.sha256(token))
                .bind("purpose", purpose.code)
                .mapTo(Long.class).findOne();
    }
}
