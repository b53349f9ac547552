package org.convene.projects;

import com.fasterxml.jackson.annotation.JsonValue;
import org.convene.web.Coded;

/** What a PDSA cycle's Act step decided about the change it tested. */
public enum Decision implements Coded {
    ADOPT("adopt", "Adopt"),
    ADAPT("adapt", "Adapt"),
    ABANDON("abandon", "Abandon");

    private final String code;
    private final String label;

    Decision(String code, String label) {
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
