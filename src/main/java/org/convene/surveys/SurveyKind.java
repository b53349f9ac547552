package org.convene.surveys;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** What a survey is for. */
public enum SurveyKind {
    MODULE_FEEDBACK("module_feedback", "Module feedback"),
    BASELINE("baseline", "Baseline (start of programme)"),
    END("end", "End of programme"),
    CUSTOM("custom", "Other survey"),
    /** An event's follow-up: belongs to the event (not a cohort), opens when the event ends. */
    EVENT_FOLLOWUP("event_followup", "Event follow-up");

    private final String code;
    private final String label;

    SurveyKind(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The code used in the database and in the API's JSON. */
    @JsonValue
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<SurveyKind> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }
}
