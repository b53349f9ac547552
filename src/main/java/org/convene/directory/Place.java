package org.convene.directory;

import java.util.List;
import org.convene.errors.Errors;
import org.convene.web.Text;

public record Place(long id, String name) {

    /**
     * The id of the place a form or request names (any case) among the directory's places; null
     * when the name is blank, and null with an error on {@code field} when no place has it.
     */
    public static Long idOf(Errors errors, String field, List<Place> places, String name) {
        String clean = Text.singleLine(name);
        if (clean.isEmpty()) {
            return null;
        }
        Long id = places.stream().filter(p -> p.name().equalsIgnoreCase(clean)).map(Place::id).findFirst().orElse(null);
        if (id == null) {
            errors.add(field, "Unknown place '" + Text.clip(clean, 60) + "': choose one of the directory's places, or leave it blank");
        }
        return id;
    }
}
