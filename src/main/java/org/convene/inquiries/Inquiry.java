package org.convene.inquiries;

import java.time.LocalDate;
import java.util.List;
import org.convene.actions.Action;

/**
 * An Appreciative Inquiry session plan for an action learning set: its affirmative topic, the four
 * phases with their prompts and what the group produced, and the actions agreed when delivering.
 */
public record Inquiry(long id, long setId, String title, String topic, LocalDate heldOn, Phase discover, Phase dream,
                      Phase design, Phase deliver, List<Action> actions) {

    public Phase phase(Phase.Name name) {
        return switch (name) {
            case DISCOVER -> discover;
            case DREAM -> dream;
            case DESIGN -> design;
            case DELIVER -> deliver;
        };
    }

    /** Whether the group has recorded anything it produced yet (a plan before the session has not). */
    public boolean held() {
        return !(discover.produced().isEmpty() && dream.produced().isEmpty() && design.produced().isEmpty()
                && deliver.produced().isEmpty());
    }
}
