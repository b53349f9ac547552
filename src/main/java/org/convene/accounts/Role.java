package org.convene.accounts;

import java.util.Arrays;
import java.util.Optional;

/** What an account may do. An account holds one or more roles. */
public enum Role {
    ADMIN("admin", "Administrator"),
    PROGRAMME_LEAD("programme_lead", "Programme lead"),
    FACILITATOR("facilitator", "Facilitator"),
    PARTICIPANT("participant", "Participant"),
    SPONSOR("sponsor", "Sponsor");

    private final String code;
    private final String label;

    Role(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<Role> fromCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }
}
