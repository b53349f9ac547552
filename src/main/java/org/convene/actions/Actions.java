package org.convene.actions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.convene.errors.NotFoundException;
import org.convene.errors.ValidationException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Agreed actions: recorded where they were agreed, listed on their owner's home page until done. */
public final class Actions {
    public static final String SET_MEETING = "set_meeting";
    public static final String COACHING = "coaching";
    public static final String INQUIRY = "inquiry";
    private static final String SELECT = "SELECT a.id, a.person_id, p.full_name, a.description, a.due_on, a.origin, a.origin_id, "
            + "a.done_at, CASE a.origin WHEN 'set_meeting' THEN '/set-meetings/' || a.origin_id "
            + "WHEN 'inquiry' THEN '/inquiries/' || a.origin_id ELSE '/coaching/' || a.origin_id END AS link FROM actions a JOIN people p ON p.id = a.person_id ";

    private final Jdbi jdbi;

    public Actions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A person's actions not yet done, the soonest due first (undated last). */
    public List<Action> open(long personId) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE a.person_id = :p AND a.done_at IS NULL "
                        + "ORDER BY a.due_on NULLS LAST, a.id").bind("p", personId).map((rs, ctx) -> map(rs)).list());
    }

    /** The actions agreed at one meeting or conversation, in the order they were recorded. */
    public static List<Action> of(Handle h, String origin, long originId) {
        return h.createQuery(SELECT + "WHERE a.origin = :o AND a.origin_id = :id ORDER BY a.id")
                .bind("o", origin).bind("id", originId).map((rs, ctx) -> map(rs)).list();
    }

    public List<Action> of(String origin, long originId) {
        return jdbi.withHandle(h -> of(h, origin, originId));
    }

    /** Records an action; the description must say what will be done (1-1,000 characters). */
    public static long add(Handle h, long personId, String description, LocalDate dueOn, String origin, long originId, Long by) {
        String text = description == null ? "" : description.strip();
        if (text.isEmpty() || text.length() > 1000) {
            throw new ValidationException("Describe the action", Map.of("action", text.isEmpty()
                    ? "Say what will be done" : "An action can be at most 1,000 characters"));
        }
        return h.createUpdate("INSERT INTO actions (person_id, description, due_on, origin, origin_id, created_by) "
                        + "VALUES (:p, :d, :due, :o, :oid, :by)")
                .bind("p", personId).bind("d", text).bind("due", dueOn).bind("o", origin).bind("oid", originId).bind("by", by)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** Marks one of the person's own actions done (or not done again). */
    public void setDone(long actionId, long personId, boolean done) {
        int changed = jdbi.withHandle(h -> h.createUpdate("UPDATE actions SET done_at = CASE WHEN :done THEN now() END "
                        + "WHERE id = :id AND person_id = :p")
                .bind("done", done).bind("id", actionId).bind("p", personId).execute());
        if (changed == 0) {
            throw new NotFoundException("No action " + actionId + " of yours");
        }
    }

    private static Action map(ResultSet rs) throws SQLException {
        return new Action(rs.getLong("id"), rs.getLong("person_id"), rs.getString("full_name"), rs.getString("description"),
                rs.getObject("due_on", LocalDate.class), rs.getString("origin"), rs.getLong("origin_id"),
                rs.getTimestamp("done_at") == null ? null : rs.getTimestamp("done_at").toInstant(), rs.getString("link"));
    }
}
