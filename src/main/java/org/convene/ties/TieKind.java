package org.convene.ties;

import java.util.Arrays;
import java.util.Optional;

/** What kind of relationship a tie records. */
public enum TieKind {
    WORK_TOGETHER("work_together", "We work together"),
    MET_THROUGH("met_through", "We met through…"),
    COLLABORATE("collaborate", "We collaborate on a project"),
    MENTOR("mentor", "Mentoring"),
    KNOW("know", "We know each other");

    private final String code;
    private final String label;

    TieKind(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<TieKind> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }
}
