package org.convene.sets;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.convene.actions.Actions;
import org.convene.errors.NotFoundException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Data access for set meetings and the actions agreed at them. */
public final class SetMeetings {
    private static final String SELECT = "SELECT m.id, m.set_id, m.starts_at, m.location, m.presenter, p.full_name AS presenter_name, "
            + "m.problem, m.questions, m.follow_up, m.notes FROM set_meetings m LEFT JOIN people p ON p.id = m.presenter ";

    private final Jdbi jdbi;

    public SetMeetings(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A set's meetings, the earliest first. */
    public List<SetMeeting> list(long setId) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE m.set_id = :s ORDER BY m.starts_at, m.id").bind("s", setId)
                .map((rs, ctx) -> map(h, rs)).list());
    }

    public Optional<SetMeeting> find(long id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    private static Optional<SetMeeting> find(Handle h, long id) {
        return h.createQuery(SELECT + "WHERE m.id = :id").bind("id", id).map((rs, ctx) -> map(h, rs)).findOne();
    }

    public SetMeeting get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("No set meeting with id " + id));
    }

    public SetMeeting create(long setId, SetMeetingInput.Valid input, Long by) {
        long id = jdbi.inTransaction(h -> {
            long meeting = h.createUpdate("INSERT INTO set_meetings (set_id, starts_at, location, presenter, problem, questions, "
                            + "follow_up, notes, created_by) VALUES (:s, :at, :loc, :presenter, :problem, :questions, :follow, :notes, :by)")
                    .bind("s", setId).bind("at", Timestamp.from(input.startsAt())).bind("loc", input.location())
                    .bind("presenter", input.presenter()).bind("problem", input.problem()).bind("questions", input.questions())
                    .bind("follow", input.followUp()).bind("notes", input.notes()).bind("by", by)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            addActions(h, meeting, input, by);
            return meeting;
        });
        return get(id);
    }

    /** Saves the record; actions in the input are added to those already agreed. */
    public SetMeeting update(long id, SetMeetingInput.Valid input, Long by) {
        jdbi.useTransaction(h -> {
            int changed = h.createUpdate("UPDATE set_meetings SET starts_at = :at, location = :loc, presenter = :presenter, "
                            + "problem = :problem, questions = :questions, follow_up = :follow, notes = :notes, updated_at = now() "
                            + "WHERE id = :id")
                    .bind("id", id).bind("at", Timestamp.from(input.startsAt())).bind("loc", input.location())
                    .bind("presenter", input.presenter()).bind("problem", input.problem()).bind("questions", input.questions())
                    .bind("follow", input.followUp()).bind("notes", input.notes()).execute();
            if (changed == 0) {
                throw new NotFoundException("No set meeting with id " + id);
            }
            addActions(h, id, input, by);
        });
        return get(id);
    }

    private static void addActions(Handle h, long meeting, SetMeetingInput.Valid input, Long by) {
        for (org.convene.actions.AgreedAction.Valid a : input.actions()) {
            Actions.add(h, a.person(), a.description(), a.dueOn(), Actions.SET_MEETING, meeting, by);
        }
    }

    private static SetMeeting map(Handle h, ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        return new SetMeeting(id, rs.getLong("set_id"), rs.getTimestamp("starts_at").toInstant(), rs.getString("location"),
                (Long) rs.getObject("presenter"), rs.getString("presenter_name"), rs.getString("problem"), rs.getString("questions"),
                rs.getString("follow_up"), rs.getString("notes"), Actions.of(h, Actions.SET_MEETING, id));
    }
}
