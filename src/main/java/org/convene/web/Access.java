package org.convene.web;

import io.javalin.security.RouteRole;
import org.convene.accounts.Role;
import org.convene.accounts.Viewer;

/** The access rule beside every route in the route table. */
public enum Access implements RouteRole {
    /** Anyone, signed in or not (sign-in page, health, assets). */
    ANYONE,
    /** Any signed-in account. */
    SIGNED_IN,
    /** Administrators and programme leads. */
    DIRECTORY_MANAGER,
    /** Administrators and programme leads: set up programmes, cohorts, modules and surveys. */
    PROGRAMME_LEAD,
    /** The programme team: administrators, programme leads and facilitators (attendance, results, PDSA log). */
    PROGRAMME_TEAM,
    /** The programme team and sponsors: evaluation reports. */
    REPORT_READER,
    /** Administrators only. */
    ADMIN;

    public boolean allows(Viewer viewer) {
        return switch (this) {
            case ANYONE -> true;
            case SIGNED_IN -> viewer.signedIn();
            case DIRECTORY_MANAGER, PROGRAMME_LEAD -> viewer.managesDirectory();
            case PROGRAMME_TEAM -> viewer.inProgrammeTeam();
            case REPORT_READER -> viewer.inProgrammeTeam() || viewer.has(Role.SPONSOR);
            case ADMIN -> viewer.has(Role.ADMIN);
        };
    }
}
