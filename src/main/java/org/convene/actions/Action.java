package org.convene.actions;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Something a person agreed to do, in a set meeting or a coaching conversation. {@code link} is
 * where it was agreed, for the owner to go back to.
 */
public record Action(long id, long personId, String personName, String description, LocalDate dueOn, String origin,
                     long originId, Instant doneAt, String link) {
    public boolean done() {
        return doneAt != null;
    }

    public boolean overdue(LocalDate today) {
        return !done() && dueOn != null && dueOn.isBefore(today);
    }
}
