package org.convene.events;

import java.time.Instant;

/**
 * An event: its kind, when (stored as instants, shown in its time zone), where (a place and/or an
 * online link), its capacity in places (null: unlimited), how many guests one registration may
 * bring, the registration question, its host, how many places are taken and waiting, and how many
 * hours before it starts its confirmed registrants are reminded (null: no reminder).
 */
public record Event(long id, Long communityId, String communityName, String title, String kind, String description, Instant startsAt,
                    Instant endsAt, String timeZone, String location, String onlineUrl, Integer capacity, int maxGuests,
                    String question, Long hostId, String hostName, int taken, int waiting, Integer reminderHours) {

    /** "19/50", or "19" when the event has no limit. */
    public String places() {
        return capacity == null ? String.valueOf(taken) : taken + "/" + capacity;
    }

    public boolean full() {
        return capacity != null && taken >= capacity;
    }

    /** Whether the event is over (nobody registers for it any more; its follow-up survey is due). */
    public boolean over() {
        return !endsAt.isAfter(Instant.now());
    }

    /** "24 hours before it starts", or "No reminder". */
    public String reminderText() {
        return EventInput.reminderLabel(reminderHours);
    }
}
