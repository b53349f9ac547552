package org.convene.coaching;

import java.time.LocalDate;
import java.util.List;
import org.convene.actions.Action;

/** A GROW coaching conversation with its agreed actions and review date. */
public record Conversation(long id, long coachId, String coachName, long coacheeId, String coacheeName, LocalDate heldOn,
                           String goal, String reality, String options, String will, LocalDate reviewOn, List<Action> actions) {
    public boolean involves(long personId) {
        return coachId == personId || coacheeId == personId;
    }
}
