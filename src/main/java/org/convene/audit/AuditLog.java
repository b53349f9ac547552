package org.convene.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.convene.db.Rows;
import org.convene.web.Paged;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * The audit log: administrative and sensitive actions, appended in the same transaction as the
 * action where there is one, so an action is never without its entry. Summaries name people and
 * accounts only through the subject ({@code person:42}, {@code account:7}); the page shows the
 * subject's current name, so erasing a person leaves no name behind in the log.
 */
public final class AuditLog {
    /** Counting a long history on every page costs more than it tells. */
    static final int COUNT_CAP = 10_000;
    private static final String SELECT = "SELECT l.id, l.at, l.actor_id, l.actor, l.ip, l.action, l.subject, l.summary, "
            + "CASE split_part(l.subject, ':', 1) WHEN 'person' THEN pe.full_name WHEN 'account' THEN ac.email END AS subject_name "
            + "FROM (SELECT a.*, CASE WHEN split_part(a.subject, ':', 2) ~ '^[0-9]{1,18}$' "
            + "THEN CAST(split_part(a.subject, ':', 2) AS bigint) END AS subject_id FROM audit_log a) l "
            + "LEFT JOIN people pe ON split_part(l.subject, ':', 1) = 'person' AND pe.id = l.subject_id "
            + "LEFT JOIN accounts ac ON split_part(l.subject, ':', 1) = 'account' AND ac.id = l.subject_id ";
    private final Jdbi jdbi;

    public AuditLog(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A line as the log page shows it: the entry and the current name of its subject (empty when it has none or it is gone). */
    public record Line(AuditEntry entry, String subjectName) {
    }

    public void record(Actor actor, AuditAction action, String subject, String summary) {
        jdbi.useHandle(h -> record(h, actor, action, subject, summary));
    }

    /** Appends an entry in the caller's transaction: it commits or rolls back with the action. */
    public static void record(Handle h, Actor actor, AuditAction action, String subject, String summary) {
        h.createUpdate("INSERT INTO audit_log (actor_id, actor, ip, action, subject, summary) "
                        + "VALUES (:actorId, :actor, :ip, :action, :subject, :summary)")
                .bind("actorId", actor.accountId() == null || actor.accountId() == 0 ? null : actor.accountId())
                .bind("actor", actor.label() == null || actor.label().isEmpty() ? "Unknown" : actor.label())
                .bind("ip", actor.ip())
                .bind("action", action.code())
                .bind("subject", subject)
                .bind("summary", summary)
                .execute();
    }

    public Paged<Line> search(AuditQuery q) {
        return jdbi.withHandle(h -> {
            String where = q.conditions();
            long total = bind(h.createQuery("SELECT count(*) FROM (SELECT 1 FROM audit_log l " + where + "LIMIT "
                    + (COUNT_CAP + 1) + ") n"), q).mapTo(Long.class).one();
            List<Line> lines = bind(h.createQuery(SELECT + where + "ORDER BY l.at DESC, l.id DESC LIMIT :limit OFFSET :offset"), q)
                    .bind("limit", q.size())
                    .bind("offset", (long) (q.page() - 1) * q.size())
                    .map((rs, ctx) -> new Line(map(rs), rs.getString("subject_name")))
                    .list();
            boolean capped = total > COUNT_CAP;
            return new Paged<>(lines, q.page(), q.size(), capped ? COUNT_CAP : total, capped);
        });
    }

    /**
     * Blanks the name and address recorded for an account as the actor of its entries, in the
     * erasure's transaction. The entries stay, so the log still shows that something was done.
     * Redaction stays allowed until that transaction ends (the account's deletion then empties
     * the entries' account ids).
     */
    public static int forgetActor(Handle h, long accountId) {
        h.execute("SET LOCAL convene.audit_redaction = 'on'");
        int n = h.createUpdate("UPDATE audit_log SET actor = 'Erased person', ip = NULL WHERE actor_id = :id")
                .bind("id", accountId).execute();
        return n;
    }

    private static Query bind(Query query, AuditQuery q) {
        if (q.action() != null) {
            query.bind("action", q.action().code());
        }
        if (q.actor() != null) {
            query.bind("actor", q.actor());
        }
        if (q.subject() != null) {
            query.bind("subject", q.subject());
        }
        if (q.from() != null) {
            query.bind("from", q.from());
        }
        if (q.to() != null) {
            query.bind("to", q.to());
        }
        return query;
    }

    private static AuditEntry map(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong("id"), Rows.instant(rs, "at"), Rows.nullableLong(rs, "actor_id"),
                rs.getString("actor"), rs.getString("ip"), AuditAction.fromCode(rs.getString("action")).orElseThrow(),
                rs.getString("subject"), rs.getString("summary"));
    }
}
