package org.convene.schemes;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One round's figures. {@code groupsMet} counts groups where at least two members confirmed they
 * met; {@code groupsAnswered} those where anyone answered; {@code meanRating} is over all ratings
 * given (null when none).
 */
public record RoundSummary(long id, long schemeId, int number, String trigger, Instant ranAt, LocalDate meetBy, int people,
                           int pairs, int trios, int unplaced, long totalScore, double crossSectorShare, double meanSharedInterests,
                           boolean exact, long millis, int groupsMet, int groupsAnswered, Double meanRating, int ratings) {

    public int groups() {
        return pairs + trios;
    }

    /** Share of groups that met, of all groups in the round. */
    public double metRate() {
        return groups() == 0 ? 0 : (double) groupsMet / groups();
    }
}
