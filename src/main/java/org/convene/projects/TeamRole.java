package org.convene.projects;

import com.fasterxml.jackson.annotation.JsonValue;
import org.convene.web.Coded;

/** A team member's part in a project. Sponsors follow a project; the others run it and may change it. */
public enum TeamRole implements Coded {
    LEAD("lead", "Lead"),
    MEMBER("member", "Team member"),
    COACH("coach", "Improvement coach"),
    SPONSOR("sponsor", "Sponsor");

    private final String code;
    private final String label;

    TeamRole(String code, String label) {
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

    /** Leads, members and coaches run the project and may change it; sponsors follow it. */
    public boolean runsProject() {
        return this != SPONSOR;
    }
}
