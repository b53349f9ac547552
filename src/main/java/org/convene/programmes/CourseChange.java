package org.convene.programmes;

import java.time.Instant;
import java.util.List;

/**
 * One entry in a cohort's PDSA log of course changes. Plan: what and why, prompted by an item and
 * comments from a module's feedback. Do: the module where it was applied. Study: the item's mean
 * in the prompting module beside the module where it was applied (null where withheld). Act: the
 * decision.
 */
public record CourseChange(long id, long cohortId, String title, String planWhat, String planWhy, Long promptedByModule,
                           String promptedByLabel, String itemCode, Long appliedInModule, String appliedInLabel,
                           String studyNotes, String decision, Instant createdAt, Instant updatedAt,
                           List<String> comments, Double before, Double after) {

    public String stage() {
        if (decision != null) {
            return "Act: " + decisionLabel();
        }
        if (!studyNotes.isBlank() || (before != null && after != null)) {
            return "Study";
        }
        return appliedInModule != null ? "Do" : "Plan";
    }

    public String decisionLabel() {
        return decision == null ? "Not decided" : switch (decision) {
            case "adopt" -> "Adopt";
            case "adapt" -> "Adapt";
            default -> "Abandon";
        };
    }

    public Double change() {
        return before == null || after == null ? null : after - before;
    }
}
