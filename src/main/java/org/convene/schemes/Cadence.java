package org.convene.schemes;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;

/** How often a scheme's rounds run. */
public enum Cadence {
    WEEKLY("weekly", "Every week"),
    FORTNIGHTLY("fortnightly", "Every two weeks"),
    MONTHLY("monthly", "Every month");

    /** Rounds, meeting dates and calendar invitations are in UK time. */
    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    private final String code;
    private final String label;

    Cadence(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** The round after one at {@code from}, at the same local time of day. */
    public Instant after(Instant from) {
        var local = from.atZone(ZONE);
        return switch (this) {
            case WEEKLY -> local.plusWeeks(1).toInstant();
            case FORTNIGHTLY -> local.plusWeeks(2).toInstant();
            case MONTHLY -> local.plusMonths(1).toInstant();
        };
    }

    public static Optional<Cadence> fromCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }
}
