package org.convene.coaching;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.convene.actions.Actions;
import org.convene.actions.AgreedAction;
import org.convene.errors.NotFoundException;
import org.convene.errors.ValidationException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Data access for GROW conversations. A conversation exists only for its coach and coachee:
 * everyone else, administrators included, is told there is no such conversation.
 */
public final class Conversations {
    private static final String SELECT = "SELECT c.id, c.coach_id, a.full_name AS coach_name, c.coachee_id, b.full_name AS coachee_name, "
            + "c.held_on, c.goal, c.reality, c.options, c.will, c.review_on FROM coaching_conversations c "
            + "JOIN people a ON a.id = c.coach_id JOIN people b ON b.id = c.coachee_id ";

    private final Jdbi jdbi;

    public Conversations(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The person's conversations as coach or coachee, newest first. */
    public List<Conversation> of(long personId) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE c.coach_id = :p OR c.coachee_id = :p ORDER BY c.held_on DESC, c.id DESC")
                .bind("p", personId).map((rs, ctx) -> map(h, rs)).list());
    }

    /** The conversation, if the person is its coach or coachee. */
    public Conversation forPerson(long id, long personId) {
        return jdbi.withHandle(h -> find(h, id)).filter(c -> c.involves(personId))
                .orElseThrow(() -> new NotFoundException("No coaching conversation with id " + id));
    }

    private static Optional<Conversation> find(Handle h, long id) {
        return h.createQuery(SELECT + "WHERE c.id = :id").bind("id", id).map((rs, ctx) -> map(h, rs)).findOne();
    }

    public Conversation create(long coach, ConversationInput.Valid input, Long by) {
        long id = jdbi.inTransaction(h -> {
            coacheeExists(h, input.coachee());
            long created = h.createUpdate("INSERT INTO coaching_conversations (coach_id, coachee_id, held_on, goal, reality, options, "
                            + "will, review_on) VALUES (:coach, :coachee, :held, :goal, :reality, :options, :will, :review)")
                    .bind("coach", coach).bindMap(params(input)).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            addActions(h, created, input, by);
            return created;
        });
        return forPerson(id, coach);
    }

    /** Saves the record (coach or coachee); actions given are added to those agreed before. The coachee stays the same. */
    public Conversation update(long id, long personId, ConversationInput.Valid input, Long by) {
        Conversation existing = forPerson(id, personId);
        if (existing.coacheeId() != input.coachee() && existing.coachId() != input.coachee()) {
            throw new ValidationException("The coachee cannot change", Map.of("coachee", "A conversation keeps its coachee"));
        }
        jdbi.useTransaction(h -> {
            h.createUpdate("UPDATE coaching_conversations SET held_on = :held, goal = :goal, reality = :reality, options = :options, "
                            + "will = :will, review_on = :review, updated_at = now() WHERE id = :id")
                    .bind("id", id).bindMap(params(input)).execute();
            addActions(h, id, input, by);
        });
        return forPerson(id, personId);
    }

    private static Map<String, Object> params(ConversationInput.Valid input) {
        java.util.HashMap<String, Object> p = new java.util.HashMap<>();
        p.put("coachee", input.coachee());
        p.put("held", input.heldOn());
        p.put("goal", input.goal());
        p.put("reality", input.reality());
        p.put("options", input.options());
        p.put("will", input.will());
        p.put("review", input.reviewOn());
        return p;
    }

    private static void coacheeExists(Handle h, long coachee) {
        boolean known = h.createQuery("SELECT EXISTS (SELECT 1 FROM people WHERE id = :p)").bind("p", coachee).mapTo(Boolean.class).one();
        if (!known) {
            throw new ValidationException("Unknown person", Map.of("coachee", "No person with id " + coachee));
        }
    }

    private static void addActions(Handle h, long conversation, ConversationInput.Valid input, Long by) {
        for (AgreedAction.Valid a : input.actions()) {
            Actions.add(h, a.person(), a.description(), a.dueOn(), Actions.COACHING, conversation, by);
        }
    }

    private static Conversation map(Handle h, ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        return new Conversation(id, rs.getLong("coach_id"), rs.getString("coach_name"), rs.getLong("coachee_id"),
                rs.getString("coachee_name"), rs.getObject("held_on", LocalDate.class), rs.getString("goal"), rs.getString("reality"),
                rs.getString("options"), rs.getString("will"), rs.getObject("review_on", LocalDate.class),
                Actions.of(h, Actions.COACHING, id));
    }
}
