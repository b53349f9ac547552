package org.convene.accounts;

import java.util.Set;

/**
 * Who is making the request: an account (with its roles and own directory entry, if any), or
 * nobody. Every handler decides from this, never from raw cookies or headers.
 */
public record Viewer(long accountId, String email, Set<Role> roles, Long personId) {
    public static final Viewer ANONYMOUS = new Viewer(0, "", Set.of(), null);

    public boolean signedIn() {
        return accountId != 0;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return has(Role.ADMIN);
    }

    /** Admins and programme leads manage the directory: organisations, imports, exports. */
    public boolean managesDirectory() {
        return has(Role.ADMIN) || has(Role.PROGRAMME_LEAD);
    }

    /** Admins, programme leads and facilitators run programmes: attendance, results, the PDSA log. */
    public boolean inProgrammeTeam() {
        return managesDirectory() || has(Role.FACILITATOR);
    }

    /** Admins and programme leads set programmes up. */
    public boolean leadsProgrammes() {
        return managesDirectory();
    }

    public boolean isPerson(long id) {
        return personId != null && personId == id;
    }
}
