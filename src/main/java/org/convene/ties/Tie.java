package org.convene.ties;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One tie between two people, as evidence from one source. {@code source} names the feature that
 * recorded it ("self_reported", "import", later "action_learning_set", "match", "project"...) and
 * {@code sourceRef} the record within it, so the same evidence is never stored twice.
 */
public record Tie(long id, long personA, String personAName, long personB, String personBName, String kind,
                  String source, String sourceRef, String note, LocalDate startedOn, LocalDate endedOn,
                  Long recordedBy, Instant createdAt) {

    public long otherThan(long personId) {
        return personA == personId ? personB : personA;
    }

    public String nameOfOtherThan(long personId) {
        return personA == personId ? personBName : personAName;
    }
}
