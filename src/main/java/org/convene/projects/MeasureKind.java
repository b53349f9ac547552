package org.convene.projects;

import com.fasterxml.jackson.annotation.JsonValue;
import org.convene.web.Coded;

/** The three kinds of measure of the Model for Improvement. */
public enum MeasureKind implements Coded {
    OUTCOME("outcome", "Outcome"),
    PROCESS("process", "Process"),
    BALANCING("balancing", "Balancing");

    private final String code;
    private final String label;

    MeasureKind(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    @Override
    public String label() {
        return label;
    }
}
