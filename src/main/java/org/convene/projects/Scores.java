package org.convene.projects;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.convene.db.Rows;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads a project whole (for its page and the API) and keeps its IHI progress score: the team
 * confirms a score, stored with what the data suggested at that moment and why, and who confirmed it.
 */
public final class Scores {
    private static final String SCORE = "SELECT s.id, s.score, s.suggested, s.reason, s.note, s.confirmed_by, p.full_name, s.confirmed_at "
            + "FROM project_scores s LEFT JOIN people p ON p.id = s.confirmed_by ";

    private final Jdbi jdbi;
    private final Projects projects;
    private final Measures measures;
    private final Cycles cycles;

    public Scores(Jdbi jdbi, Projects projects, Measures measures, Cycles cycles) {
        this.jdbi = jdbi;
        this.projects = projects;
        this.measures = measures;
        this.cycles = cycles;
    }

    public ProjectDetail detail(long projectId) {
        Project project = projects.get(projectId);
        List<TeamMember> team = projects.team(projectId);
        List<MeasureDetail> details = measures.list(projectId).stream().map(this::measure).toList();
        List<Cycle> pdsa = cycles.list(projectId);
        ProgressScore.Suggestion suggestion = ProgressScore.suggest(ProjectDetail.facts(project, team, details, pdsa));
        return new ProjectDetail(project, team, details, pdsa, history(projectId), suggestion);
    }

    public MeasureDetail measure(Measure measure) {
        return MeasureDetail.of(measure, measures.points(measure.id()));
    }

    /** Confirmed scores, newest first. */
    public List<Score> history(long projectId) {
        return jdbi.withHandle(h -> h.createQuery(SCORE + "WHERE s.project_id = :p ORDER BY s.confirmed_at DESC, s.id DESC")
                .bind("p", projectId).map((rs, ctx) -> score(rs)).list());
    }

    /** Records the score a team member confirmed, beside the suggestion as it stands now. */
    public Score confirm(long projectId, ScoreInput.Valid input, long personId) {
        ProgressScore.Suggestion suggestion = detail(projectId).suggestion();
        String reason = String.join(" ", suggestion.reasons());
        long id = jdbi.inTransaction(h -> {
            Projects.lock(h, projectId);
            long scoreId = h.createUpdate("INSERT INTO project_scores (project_id, score, suggested, reason, note, confirmed_by) "
                            + "VALUES (:p, :score, :suggested, :reason, :note, :by)")
                    .bind("p", projectId).bind("score", input.score()).bind("suggested", suggestion.score())
                    .bind("reason", reason.length() > 2000 ? reason.substring(0, 2000) : reason).bind("note", input.note())
                    .bind("by", personId).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            Projects.touch(h, projectId);
            return scoreId;
        });
        return history(projectId).stream().filter(s -> s.id() == id).findFirst().orElseThrow();
    }

    private static Score score(ResultSet rs) throws SQLException {
        double score = rs.getBigDecimal("score").doubleValue();
        return new Score(rs.getLong("id"), score, ProgressScore.label(score), rs.getBigDecimal("suggested").doubleValue(),
                rs.getString("reason"), rs.getString("note"), Rows.nullableLong(rs, "confirmed_by"), rs.getString("full_name"),
                Rows.instant(rs, "confirmed_at"));
    }
}
