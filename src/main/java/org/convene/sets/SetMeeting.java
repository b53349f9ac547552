package org.convene.sets;

import java.time.Instant;
import java.util.List;
import org.convene.actions.Action;

/** A meeting of an action learning set, with what the set recorded; seen by the set's members only. */
public record SetMeeting(long id, long setId, Instant startsAt, String location, Long presenterId, String presenterName,
                         String problem, String questions, String followUp, String notes, List<Action> actions) {
}
