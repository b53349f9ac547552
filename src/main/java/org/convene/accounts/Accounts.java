package org.convene.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.convene.audit.Actor;
import org.convene.audit.AuditAction;
import org.convene.audit.AuditLog;
import org.convene.db.Rows;
import org.convene.errors.ConflictException;
import org.convene.errors.NotFoundException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Data access for sign-in accounts. */
public final class Accounts {
    private static final String COLUMNS = "id, email, password_hash, roles, person_id, status, created_at, last_login_at";
    private final Jdbi jdbi;

    public Accounts(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<Account> byEmail(String email) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM accounts WHERE lower(email) = lower(:email)")
                .bind("email", email.trim())
                .map((rs, ctx) -> map(rs))
                .findOne());
    }

    public Optional<Account> byId(long id) {
        return jdbi.withHandle(h -> byId(h, id));
    }

    static Optional<Account> byId(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM accounts WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> map(rs))
                .findOne();
    }

    /** The name in the account's directory entry, for the password rule; null when it has none. */
    public String nameOf(Account account) {
        if (account.personId() == null) {
            return null;
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT full_name FROM people WHERE id = :id").bind("id", account.personId())
                .mapTo(String.class).findOne().orElse(null));
    }

    public Account get(long id) {
        return byId(id).orElseThrow(() -> new NotFoundException("No account with id " + id));
    }

    public List<Account> list(int limit, int offset) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM accounts ORDER BY lower(email) LIMIT :limit OFFSET :offset")
                .bind("limit", limit)
                .bind("offset", offset)
                .map((rs, ctx) -> map(rs))
                .list());
    }

    /** The address each of these accounts was last given by the single sign-on provider, for those linked to it. */
    public Map<Long, String> singleSignOnEmails(List<Long> accountIds) {
        Map<Long, String> linked = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT account_id, email FROM account_identities WHERE account_id = ANY(:ids)")
                .bind("ids", accountIds.toArray(new Long[0]))
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .forEach(e -> linked.merge(e.getKey(), e.getValue(), (a, b) -> a + ", " + b)));
        return linked;
    }

    /**
     * Removes the account's links to the single sign-on provider (and logs it), so that its next
     * sign-in there links afresh by verified email: for someone whose identity at the provider has
     * changed. Returns the addresses the links were made with; none when there were none.
     */
    public List<String> removeSingleSignOnLinks(Actor actor, long accountId) {
        return jdbi.inTransaction(h -> {
            List<String> removed = h.createQuery("DELETE FROM account_identities WHERE account_id = :id RETURNING email")
                    .bind("id", accountId).mapTo(String.class).list();
            if (!removed.isEmpty()) {
                AuditLog.record(h, actor, AuditAction.SSO_LINK, "account:" + accountId,
                        "Removed the single sign-on link made with " + String.join(", ", removed));
            }
            return removed;
        });
    }

    public boolean anyAdmin() {
        return jdbi.withHandle(h -> h.createQuery("SELECT EXISTS (SELECT 1 FROM accounts WHERE 'admin' = ANY(roles))")
                .mapTo(Boolean.class).one());
    }

    public long count() {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM accounts").mapTo(Long.class).one());
    }

    /** Creates an account inside the caller's transaction; a taken email is a conflict. */
    public static long create(Handle h, String email, String passwordHash, Set<Role> roles, Long personId, String status) {
        boolean taken = h.createQuery("SELECT EXISTS (SELECT 1 FROM accounts WHERE lower(email) = lower(:email))")
                .bind("email", email)
                .mapTo(Boolean.class).one();
        if (taken) {
            throw new ConflictException("An account with the email " + email + " already exists");
        }
        return h.createUpdate("INSERT INTO accounts (email, password_hash, roles, person_id, status) "
                        + "VALUES (:email, :hash, :roles, :person, :status)")
                .bind("email", email)
                .bind("hash", passwordHash)
                .bind("roles", codes(roles))
                .bind("person", personId)
                .bind("status", status)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class).one();
    }

    public long create(String email, String passwordHash, Set<Role> roles, Long personId) {
        return jdbi.inTransaction(h -> create(h, email, passwordHash, roles, personId, "active"));
    }

    public void setPassword(Handle h, long accountId, String passwordHash) {
        h.createUpdate("UPDATE accounts SET password_hash = :hash, status = CASE WHEN status = 'invited' THEN 'active' ELSE status END WHERE id = :id")
                .bind("hash", passwordHash)
                .bind("id", accountId)
                .execute();
    }

    public void setPassword(long accountId, String passwordHash) {
        jdbi.useTransaction(h -> setPassword(h, accountId, passwordHash));
    }

    public void setRoles(long accountId, Set<Role> roles) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE accounts SET roles = :roles WHERE id = :id")
                .bind("roles", codes(roles))
                .bind("id", accountId)
                .execute());
    }

    public void setStatus(long accountId, String status) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE accounts SET status = :status WHERE id = :id")
                .bind("status", status)
                .bind("id", accountId)
                .execute());
    }

    public void linkPerson(Handle h, long accountId, long personId) {
        h.createUpdate("UPDATE accounts SET person_id = :person WHERE id = :id")
                .bind("person", personId)
                .bind("id", accountId)
                .execute();
    }

    public void recordLogin(long accountId) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE accounts SET last_login_at = now() WHERE id = :id")
                .bind("id", accountId)
                .execute());
    }

    static String[] codes(Set<Role> roles) {
        return roles.stream().map(Role::code).sorted().toArray(String[]::new);
    }

    static Account map(ResultSet rs) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String code : Rows.textArray(rs, "roles")) {
            Role.fromCode(code).ifPresent(roles::add);
        }
        return new Account(rs.getLong("id"), rs.getString("email"), rs.getString("password_hash"),
                Set.copyOf(roles), Rows.nullableLong(rs, "person_id"), rs.getString("status"),
                Rows.instant(rs, "created_at"), Rows.instant(rs, "last_login_at"));
    }
}
