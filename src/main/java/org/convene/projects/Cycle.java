package org.convene.projects;

import java.time.Instant;
import java.time.LocalDate;

/** One PDSA cycle: Plan (with a prediction), Do, Study (against the prediction), Act (the decision, null until made). */
public record Cycle(long id, long projectId, String title, String plan, String prediction, String doNotes, String study,
                    Decision act, LocalDate startsOn, LocalDate endsOn, Instant createdAt, Instant updatedAt) {

    /** The step the cycle has reached. */
    public String stage() {
        if (act != null) {
            return "Act: " + act.label();
        }
        if (!study.isBlank()) {
            return "Study";
        }
        return doNotes.isBlank() ? "Plan" : "Do";
    }
}
