package org.convene.accounts;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.convene.audit.Actor;
import org.convene.audit.AuditAction;
import org.convene.audit.AuditLog;
import org.convene.db.ChangeFeed;
import org.convene.db.Rows;
import org.convene.errors.NotFoundException;
import org.jdbi.v3.core.Jdbi;

/**
 * Personal access tokens for the JSON API. The plain token is returned once and never stored.
 * A token found live is remembered for up to a minute while the {@code auth} change version
 * stands (revoking any token or changing any account moves it on every instance).
 */
public final class ApiTokens {
    public static final String PREFIX = "cvn_";

    public record TokenInfo(long id, String name, String prefix, Instant createdAt, Instant lastUsedAt,
                            Instant expiresAt, Instant revokedAt) {
        public boolean live() {
            return revokedAt == null && (expiresAt == null || expiresAt.isAfter(Instant.now()));
        }
    }

    public record Created(long id, String token) {
    }

    private final Jdbi jdbi;
    private final Remembered<TokenRow> remembered;

    public ApiTokens(Jdbi jdbi, ChangeFeed changes) {
        this.jdbi = jdbi;
        this.remembered = new Remembered<>(changes, 10_000);
    }

    /** A new token for the account; the audit log records who made it (never the token itself). */
    public Created create(Actor actor, long accountId, String name, Integer expiresInDays) {
        String token = PREFIX + Secrets.newToken();
        long id = jdbi.inTransaction(h -> {
            long made = h.createUpdate("INSERT INTO api_tokens (account_id, name, token_hash, prefix, expires_at) "
                        + "VALUES (:account, :name, :hash, :prefix, CASE WHEN :days::int IS NULL THEN NULL ELSE now() + make_interval(days => :days::int) END)")
                .bind("account", accountId)
                .bind("name", name)
                .bind("hash", Secrets.sha256(token))
                .bind("prefix", token.substring(0, 10))
                .bind("days", expiresInDays)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            AuditLog.record(h, actor, AuditAction.TOKEN, "account:" + accountId, "Created API token '" + name + "' ("
                    + token.substring(0, 10) + "…, " + (expiresInDays == null ? "no expiry" : "expires in " + expiresInDays + " days") + ")");
            return made;
        });
        return new Created(id, token);
    }

    /** The active account this token belongs to, if the token is live; one query on the usual path. */
    public Optional<Account> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        byte[] hash = Secrets.sha256(token);
        return remembered.get(HexFormat.of().formatHex(hash),
                        row -> row.expiresAt() == null || row.expiresAt().isAfter(Instant.now()), () -> lookUp(hash))
                .map(TokenRow::account);
    }

    private Optional<TokenRow> lookUp(byte[] hash) {
        return jdbi.withHandle(h -> {
            Optional<TokenRow> row = h.createQuery("SELECT t.id AS token_id, t.expires_at AS token_expires_at, "
                            + "t.last_used_at IS NULL OR t.last_used_at < now() - interval '5 minutes' AS stale, "
                            + "a.id, a.email, a.password_hash, a.roles, a.person_id, a.status, a.created_at, a.last_login_at "
                            + "FROM api_tokens t JOIN accounts a ON a.id = t.account_id "
                            + "WHERE t.token_hash = :hash AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now()) "
                            + "AND a.status = 'active'")
                    .bind("hash", hash)
                    .map((rs, ctx) -> new TokenRow(rs.getLong("token_id"), rs.getBoolean("stale"),
                            Rows.instant(rs, "token_expires_at"), Accounts.map(rs)))
                    .findOne();
            // Recording every use would turn each API read into a write; to the nearest five minutes is enough.
            row.filter(TokenRow::stale).ifPresent(r -> h.createUpdate("UPDATE api_tokens SET last_used_at = now() WHERE id = :id")
                    .bind("id", r.tokenId()).execute());
            return row;
        });
    }

    private record TokenRow(long tokenId, boolean stale, Instant expiresAt, Account account) {
    }

    public List<TokenInfo> list(long accountId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, name, prefix, created_at, last_used_at, expires_at, revoked_at "
                        + "FROM api_tokens WHERE account_id = :account ORDER BY created_at DESC")
                .bind("account", accountId)
                .map((rs, ctx) -> new TokenInfo(rs.getLong("id"), rs.getString("name"), rs.getString("prefix"),
                        Rows.instant(rs, "created_at"), Rows.instant(rs, "last_used_at"),
                        Rows.instant(rs, "expires_at"), Rows.instant(rs, "revoked_at")))
                .list());
    }

    public void revoke(Actor actor, long accountId, long tokenId) {
        jdbi.useTransaction(h -> {
            Optional<String> name = h.createQuery("UPDATE api_tokens SET revoked_at = now() "
                            + "WHERE id = :id AND account_id = :account AND revoked_at IS NULL RETURNING '''' || name || ''' (' || prefix || '…)'")
                    .bind("id", tokenId).bind("account", accountId).mapTo(String.class).findOne();
            if (name.isPresent()) {
                AuditLog.record(h, actor, AuditAction.TOKEN, "account:" + accountId, "Revoked API token " + name.get());
            } else if (h.createQuery("SELECT count(*) FROM api_tokens WHERE id = :id AND account_id = :account")
                    .bind("id", tokenId).bind("account", accountId).mapTo(Long.class).one() == 0) {
                throw new NotFoundException("No token with id " + tokenId);
            }
        });
        remembered.forgetIf(row -> row.tokenId() == tokenId);
    }
}
