package org.convene.projects;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.convene.db.Rows;
import org.convene.errors.NotFoundException;
import org.convene.web.Coded;
import org.jdbi.v3.core.Jdbi;

/** Data access for a project's PDSA cycles. Cycles are kept: abandoned changes are part of what the team learnt. */
public final class Cycles {
    private static final String CYCLE = "SELECT id, project_id, title, plan, prediction, do_notes, study, act, starts_on, ends_on, "
            + "created_at, updated_at FROM pdsa_cycles ";

    private final Jdbi jdbi;

    public Cycles(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public List<Cycle> list(long projectId) {
        return jdbi.withHandle(h -> h.createQuery(CYCLE + "WHERE project_id = :p ORDER BY coalesce(starts_on, created_at::date), id")
                .bind("p", projectId).map((rs, ctx) -> cycle(rs)).list());
    }

    public Cycle get(long id) {
        return jdbi.withHandle(h -> h.createQuery(CYCLE + "WHERE id = :id").bind("id", id).map((rs, ctx) -> cycle(rs)).findOne())
                .orElseThrow(() -> new NotFoundException("No PDSA cycle with id " + id));
    }

    public Cycle create(long projectId, CycleInput.Valid input, Long recordedBy) {
        long id = jdbi.inTransaction(h -> {
            Projects.lock(h, projectId);
            long cycleId = h.createUpdate("INSERT INTO pdsa_cycles (project_id, title, plan, prediction, do_notes, study, act, starts_on, "
                            + "ends_on, recorded_by) VALUES (:p, :title, :plan, :prediction, :doNotes, :study, :act, :startsOn, :endsOn, :by)")
                    .bind("p", projectId).bindMethods(input).bind("act", input.act() == null ? null : input.act().code())
                    .bind("by", recordedBy).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            Projects.touch(h, projectId);
            return cycleId;
        });
        return get(id);
    }

    public Cycle update(long id, CycleInput.Valid input) {
        Cycle cycle = get(id);
        jdbi.useTransaction(h -> {
            Projects.lock(h, cycle.projectId());
            h.createUpdate("UPDATE pdsa_cycles SET title = :title, plan = :plan, prediction = :prediction, do_notes = :doNotes, "
                            + "study = :study, act = :act, starts_on = :startsOn, ends_on = :endsOn, updated_at = now() WHERE id = :id")
                    .bindMethods(input).bind("act", input.act() == null ? null : input.act().code()).bind("id", id).execute();
            Projects.touch(h, cycle.projectId());
        });
        return get(id);
    }

    private static Cycle cycle(ResultSet rs) throws SQLException {
        String act = rs.getString("act");
        return new Cycle(rs.getLong("id"), rs.getLong("project_id"), rs.getString("title"), rs.getString("plan"), rs.getString("prediction"),
                rs.getString("do_notes"), rs.getString("study"), act == null ? null : Coded.of(Decision.class, act),
                Rows.date(rs, "starts_on"), Rows.date(rs, "ends_on"), Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"));
    }
}
