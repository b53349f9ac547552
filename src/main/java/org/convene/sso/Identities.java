package org.convene.sso;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Which provider identity (issuer, subject) belongs to which account: the account_identities table. */
public final class Identities {
    private final Jdbi jdbi;

    public Identities(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The account this identity was linked to, if any. */
    public Optional<Long> accountOf(String issuer, String subject) {
        return jdbi.withHandle(h -> h.createQuery("SELECT account_id FROM account_identities WHERE issuer = :issuer AND subject = :subject")
                .bind("issuer", issuer)
                .bind("subject", subject)
                .mapTo(Long.class)
                .findOne());
    }

    /** The subject this account is linked to at this issuer, if any. */
    public Optional<String> subjectOf(long accountId, String issuer) {
        return jdbi.withHandle(h -> h.createQuery("SELECT subject FROM account_identities WHERE account_id = :account AND issuer = :issuer")
                .bind("account", accountId)
                .bind("issuer", issuer)
                .mapTo(String.class)
                .findOne());
    }

    /**
     * Links the identity to the account unless either is linked already (a sign-in at the same
     * moment may have done it); the caller reads back which link stands.
     */
    public void link(long accountId, String issuer, String subject, String email) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO account_identities (issuer, subject, account_id, email) "
                        + "VALUES (:issuer, :subject, :account, :email) ON CONFLICT DO NOTHING")
                .bind("issuer", issuer)
                .bind("subject", subject)
                .bind("account", accountId)
                .bind("email", email)
                .execute());
    }

    /** Notes a sign-in through this identity, and the email address the provider gave this time (if any). */
    public void recordLogin(String issuer, String subject, String email) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE account_identities SET last_login_at = now(), email = COALESCE(:email, email) "
                        + "WHERE issuer = :issuer AND subject = :subject")
                .bind("issuer", issuer)
                .bind("subject", subject)
                .bind("email", email)
                .execute());
    }
}
