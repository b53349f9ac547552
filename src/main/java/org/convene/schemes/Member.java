package org.convene.schemes;

import java.time.Instant;
import java.util.List;

/**
 * Someone in a scheme, with the directory details matching uses. {@code status} is active, paused
 * or left; {@code skipNext} leaves them out of the next round only.
 */
public record Member(long schemeId, long personId, String name, String email, Long organisationId, String organisationName,
                     String sectorCode, String sectorName, String placeName, List<String> interests, String offers,
                     String asks, String profession, MeetingMode meetingMode, String status, boolean skipNext,
                     Instant joinedAt) {
    public static final String ACTIVE = "active";
    public static final String PAUSED = "paused";
    public static final String LEFT = "left";
}
