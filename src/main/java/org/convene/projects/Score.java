package org.convene.projects;

import java.time.Instant;

/** A progress score the team confirmed, beside what the data suggested then and why. */
public record Score(long id, double score, String label, double suggested, String reason, String note, Long confirmedBy,
                   String confirmedByName, Instant confirmedAt) {
}
