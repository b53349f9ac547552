package org.convene.projects;

import com.fasterxml.jackson.annotation.JsonValue;
import org.convene.web.Coded;

/** What stage a project is at. */
public enum ProjectStatus implements Coded {
    PLANNING("planning", "Planning"),
    ACTIVE("active", "Active"),
    PAUSED("paused", "Paused"),
    COMPLETED("completed", "Completed"),
    STOPPED("stopped", "Stopped");

    private final String code;
    private final String label;

    ProjectStatus(String code, String label) {
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
