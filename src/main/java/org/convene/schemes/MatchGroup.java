package org.convene.schemes;

import java.time.LocalDate;
import java.util.List;

/** A pair or trio of a round, with why they were matched, the first step and each member's answer. */
public record MatchGroup(long id, long roundId, long schemeId, String schemeName, int roundNumber, LocalDate meetBy, int score,
                         MeetingMode meetingMode, String reason, String firstStep, List<Person> members) {

    /** A member and what they said: {@code met} is null until they answer. */
    public record Person(long personId, String name, String email, String organisationName, String sectorName, String placeName,
                         Boolean met, Integer rating, String comment) {
    }

    public boolean includes(long personId) {
        return members.stream().anyMatch(m -> m.personId() == personId);
    }

    public Person member(long personId) {
        return members.stream().filter(m -> m.personId() == personId).findFirst().orElse(null);
    }

    /** The group met when at least two of its members say so. */
    public boolean met() {
        return members.stream().filter(m -> Boolean.TRUE.equals(m.met())).count() >= 2;
    }
}
