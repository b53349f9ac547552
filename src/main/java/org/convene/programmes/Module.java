package org.convene.programmes;

import java.time.Instant;
import java.util.List;

/** One meeting of a cohort: a taught day, a workshop, or the closing celebration. */
public record Module(long id, long cohortId, int position, String title, String topic, Instant startsAt,
                     Instant endsAt, String location, boolean online, boolean celebration, boolean feedback,
                     List<Facilitator> facilitators) {

    public record Facilitator(long personId, String name) {
    }

    public String label() {
        return "Module " + position + ": " + title;
    }

    public String where() {
        if (online) {
            return location.isBlank() ? "Online" : "Online (" + location + ")";
        }
        return location.isBlank() ? "To be confirmed" : location;
    }
}
