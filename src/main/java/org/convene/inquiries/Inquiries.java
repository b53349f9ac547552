package org.convene.inquiries;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.convene.actions.Actions;
import org.convene.actions.AgreedAction;
import org.convene.errors.NotFoundException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Data access for Appreciative Inquiry sessions and the actions agreed in them. Who may see one is the caller's check. */
public final class Inquiries {
    private static final String SELECT = "SELECT id, set_id, title, topic, held_on, discover_prompts, discover_produced, "
            + "dream_prompts, dream_produced, design_prompts, design_produced, deliver_prompts, deliver_produced FROM inquiry_sessions ";

    private final Jdbi jdbi;

    public Inquiries(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A set's sessions: planned ones (no date) first, then the latest held first. */
    public List<Inquiry> ofSet(long setId) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE set_id = :s ORDER BY held_on DESC NULLS FIRST, id DESC")
                .bind("s", setId).map((rs, ctx) -> map(h, rs)).list());
    }

    public Inquiry get(long id) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE id = :id").bind("id", id).map((rs, ctx) -> map(h, rs)).findOne())
                .orElseThrow(() -> new NotFoundException("No Appreciative Inquiry session with id " + id));
    }

    public Inquiry create(long setId, InquiryInput.Valid input, Long by) {
        long id = jdbi.inTransaction(h -> {
            long created = h.createUpdate("INSERT INTO inquiry_sessions (set_id, title, topic, held_on, discover_prompts, "
                            + "discover_produced, dream_prompts, dream_produced, design_prompts, design_produced, deliver_prompts, "
                            + "deliver_produced, created_by) VALUES (:set, :title, :topic, :held, :discover_prompts, :discover_produced, "
                            + ":dream_prompts, :dream_produced, :design_prompts, :design_produced, :deliver_prompts, :deliver_produced, :by)")
                    .bind("set", setId).bind("by", by).bindMap(params(input))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            addActions(h, created, input, by);
            return created;
        });
        return get(id);
    }

    /** Saves the session; actions given are added to those agreed before. */
    public Inquiry update(long id, InquiryInput.Valid input, Long by) {
        jdbi.useTransaction(h -> {
            int changed = h.createUpdate("UPDATE inquiry_sessions SET title = :title, topic = :topic, held_on = :held, "
                            + "discover_prompts = :discover_prompts, discover_produced = :discover_produced, dream_prompts = :dream_prompts, "
                            + "dream_produced = :dream_produced, design_prompts = :design_prompts, design_produced = :design_produced, "
                            + "deliver_prompts = :deliver_prompts, deliver_produced = :deliver_produced, updated_at = now() WHERE id = :id")
                    .bind("id", id).bindMap(params(input)).execute();
            if (changed == 0) {
                throw new NotFoundException("No Appreciative Inquiry session with id " + id);
            }
            addActions(h, id, input, by);
        });
        return get(id);
    }

    private static Map<String, Object> params(InquiryInput.Valid input) {
        Map<String, Object> p = new HashMap<>();
        p.put("title", input.title());
        p.put("topic", input.topic());
        p.put("held", input.heldOn());
        input.phases().forEach((name, phase) -> {
            p.put(name.code() + "_prompts", phase.prompts());
            p.put(name.code() + "_produced", phase.produced());
        });
        return p;
    }

    private static void addActions(Handle h, long inquiry, InquiryInput.Valid input, Long by) {
        for (AgreedAction.Valid a : input.actions()) {
            Actions.add(h, a.person(), a.description(), a.dueOn(), Actions.INQUIRY, inquiry, by);
        }
    }

    private static Inquiry map(Handle h, ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        return new Inquiry(id, rs.getLong("set_id"), rs.getString("title"), rs.getString("topic"),
                rs.getObject("held_on", LocalDate.class), phase(rs, Phase.Name.DISCOVER), phase(rs, Phase.Name.DREAM),
                phase(rs, Phase.Name.DESIGN), phase(rs, Phase.Name.DELIVER), Actions.of(h, Actions.INQUIRY, id));
    }

    private static Phase phase(ResultSet rs, Phase.Name name) throws SQLException {
        return new Phase(rs.getString(name.code() + "_prompts"), rs.getString(name.code() + "_produced"));
    }
}
