package org.convene.schemes;

import java.time.Instant;

/**
 * A cross-sector matching scheme. {@code placeId} is null when the scheme is open to every place;
 * {@code nextRoundAt} is null when rounds only run by hand (or the scheme is paused or closed).
 */
public record Scheme(long id, String name, String description, Cadence cadence, MeetingMode meetingMode, Long placeId,
                     String placeName, String firstStep, Instant nextRoundAt, String status, int members, int rounds,
                     Instant createdAt) {
    public static final String OPEN = "open";
    public static final String PAUSED = "paused";
    public static final String CLOSED = "closed";

    public boolean open() {
        return OPEN.equals(status);
    }
}
