package org.convene.events;

import java.time.Instant;

/** Someone's registration: confirmed, waitlisted or cancelled, with guests, their answer and check-in. */
public record Registration(long eventId, long personId, String name, String email, int guests, String answer, String status,
                           Instant registeredAt, Instant promotedAt, Instant checkedInAt) {
    public static final String CONFIRMED = "confirmed";
    public static final String WAITLISTED = "waitlisted";
    public static final String CANCELLED = "cancelled";
}
