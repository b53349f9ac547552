package org.convene.web;

import org.convene.accounts.Viewer;

/** What every page needs besides its own data: who is looking, the form token, where they are, their unread notifications. */
public record PageContext(Viewer viewer, String csrfToken, String path, String flash, int unread) {

    PageContext withUnread(int count) {
        return new PageContext(viewer, csrfToken, path, flash, count);
    }

    /** The unread count as the header shows it: up to 99, then "99+". */
    public String unreadLabel() {
        return unread > 99 ? "99+" : String.valueOf(unread);
    }

    public boolean signedIn() {
        return viewer.signedIn();
    }

    /** True for the navigation item covering the current page. */
    public boolean in(String section) {
        return path.equals(section) || path.startsWith(section + "/");
    }

    /**
     * The aria-current value for a navigation link to a section: "page" on the section's own page,
     * "true" elsewhere in the section, null (attribute left out) outside it.
     */
    public String current(String section) {
        return !in(section) ? null : path.equals(section) ? "page" : "true";
    }
}
