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
    /** Administrators only. */
    ADMIN;

    public boolean allows(Viewer viewer) {
        return switch (this) {
            case ANYONE -> true;
            case SIGNED_IN -> viewer.signedIn();
            case DIRECTORY_MANAGER -> viewer.managesDirectory();
            case ADMIN -> viewer.has(Role.ADMIN);
        };
    }
}
