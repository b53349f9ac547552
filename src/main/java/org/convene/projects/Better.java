package org.convene.projects;

import com.fasterxml.jackson.annotation.JsonValue;
import org.convene.runcharts.Direction;
import org.convene.web.Coded;

/** Which way a measure improves. */
public enum Better implements Coded {
    HIGHER("higher", "Higher is better"),
    LOWER("lower", "Lower is better");

    private final String code;
    private final String label;

    Better(String code, String label) {
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

    /** Whether a signal going this way (above the median, rising: UP) is an improvement. */
    public boolean improvedBy(Direction direction) {
        return (direction == Direction.UP) == (this == HIGHER);
    }
}
