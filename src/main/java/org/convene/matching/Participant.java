package org.convene.matching;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Someone taking part in a round. Sector, organisation and place are compared exactly after
 * trimming (case-insensitive); interests are trimmed and lower-cased, empty ones dropped. An empty
 * place is unknown and never counts as "same place".
 */
public record Participant(String id, String name, String organisation, String sector, String place, Set<String> interests) {
    public Participant {
        Objects.requireNonNull(id, "id");
        id = id.strip();
        if (id.isEmpty()) {
            throw new IllegalArgumentException("A participant needs an id");
        }
        name = name == null ? "" : name.strip();
        organisation = norm(organisation);
        sector = norm(sector);
        place = norm(place);
        TreeSet<String> clean = new TreeSet<>();
        if (interests != null) {
            for (String interest : interests) {
                if (interest != null && !interest.isBlank()) {
                    clean.add(interest.strip().toLowerCase(Locale.ROOT));
                }
            }
        }
        interests = java.util.Collections.unmodifiableSortedSet(clean);
    }

    private static String norm(String value) {
        return value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    }
}
