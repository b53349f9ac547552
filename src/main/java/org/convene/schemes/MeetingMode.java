package org.convene.schemes;

import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;

/** How people meet: in person, online, or either. */
public enum MeetingMode {
    IN_PERSON("in_person", "In person"),
    ONLINE("online", "Online"),
    EITHER("either", "In person or online");

    private final String code;
    private final String label;

    MeetingMode(String code, String label) {
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

    public boolean allowsInPerson() {
        return this != ONLINE;
    }

    public boolean allowsOnline() {
        return this != IN_PERSON;
    }

    /**
     * How a group should meet: the scheme's format if it fixes one; otherwise what every member
     * accepts, preferring what someone asked for. When one wants only in person and another only
     * online, it stays {@link #EITHER} and the introduction says so (preferences are not a rule).
     */
    public static MeetingMode forGroup(MeetingMode scheme, Collection<MeetingMode> members) {
        if (scheme != EITHER) {
            return scheme;
        }
        boolean allInPerson = members.stream().allMatch(MeetingMode::allowsInPerson);
        boolean allOnline = members.stream().allMatch(MeetingMode::allowsOnline);
        if (allInPerson && members.contains(IN_PERSON)) {
            return IN_PERSON;
        }
        if (allOnline && members.contains(ONLINE)) {
            return ONLINE;
        }
        return EITHER;
    }

    public static Optional<MeetingMode> fromCode(String code) {
        return Arrays.stream(values()).filter(m -> m.code.equals(code)).findFirst();
    }
}
