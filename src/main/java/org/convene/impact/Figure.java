package org.convene.impact;

import java.util.Arrays;
import java.util.Optional;

/** The figures of the impact dashboard that have a list behind them, named in their list's address. */
public enum Figure {
    PEOPLE("people", "People taking part"),
    EVENTS("events", "Events held"),
    MATCHES("matches", "Matches made"),
    SETS("sets", "Action learning sets formed"),
    CLUSTERS("clusters", "Leader clusters formed"),
    PROJECTS("projects", "Projects started"),
    TIES("ties", "New relationships"),
    CONFIDENCE("confidence", "Confidence before and after");

    private final String code;
    private final String title;

    Figure(String code, String title) {
        this.code = code;
        this.title = title;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public static Optional<Figure> fromCode(String code) {
        return Arrays.stream(values()).filter(f -> f.code.equals(code)).findFirst();
    }
}
