package org.convene.people;

import java.util.List;

/** How a person would like to be contacted; stored as the label itself. */
public final class ContactPreference {
    public static final List<String> ALL = List.of("email", "phone", "video call", "in person", "no contact");

    private ContactPreference() {
    }
}
