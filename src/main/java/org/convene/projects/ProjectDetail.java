package org.convene.projects;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Everything about a project, as its page and GET /api/v1/projects/{id} show it: the project, its
 * team, each measure with its data and run-chart analysis, the PDSA cycles, the progress scores the
 * team confirmed (newest first) and the score its data suggest now.
 */
public record ProjectDetail(Project project, List<TeamMember> team, List<MeasureDetail> measures, List<Cycle> cycles,
                            List<Score> scores, ProgressScore.Suggestion suggestion) {

    /** The latest confirmed score, null before any. */
    @JsonProperty
    public Score score() {
        return scores.isEmpty() ? null : scores.get(0);
    }

    /** What the progress score suggestion looks at. */
    static ProgressScore.Facts facts(Project project, List<TeamMember> team, List<MeasureDetail> measures, List<Cycle> cycles) {
        return new ProgressScore.Facts(!project.aim().isBlank(), (int) team.stream().filter(m -> m.role().runsProject()).count(),
                project.status(),
                measures.stream().map(m -> new ProgressScore.MeasureFacts(m.measure().name(), m.measure().kind(), m.measure().better(), m.chart()))
                        .toList(),
                cycles.size(), (int) cycles.stream().filter(c -> !c.doNotes().isBlank()).count(),
                (int) cycles.stream().filter(c -> c.act() == Decision.ADOPT).count());
    }
}
