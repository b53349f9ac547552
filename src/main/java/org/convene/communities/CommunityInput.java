package org.convene.communities;

import java.util.List;
import org.convene.directory.Place;
import org.convene.errors.Errors;
import org.convene.web.Text;

/**
 * A community as typed: its name, the common problem in a sentence, a longer description, its
 * place (a directory place name; empty: system-wide) and how people join ("open", the default, or
 * "request": convenors approve each request, and only members see the discussions).
 */
public record CommunityInput(String name, String problem, String description, String place, String joining) {

    public record Valid(String name, String problem, String description, Long placeId, String joining) {
    }

    public Valid validated(List<Place> places) {
        Errors errors = new Errors();
        String n = Text.singleLine(name);
        if (n.isEmpty()) {
            errors.add("name", "Enter a name for the community");
        } else if (n.length() > 120) {
            errors.add("name", "The name must be 120 characters or fewer");
        }
        String p = Text.singleLine(problem);
        if (p.isEmpty()) {
            errors.add("problem", "Say in a sentence the problem the community works on");
        } else if (p.length() > 500) {
            errors.add("problem", "The problem must be 500 characters or fewer");
        }
        String d = Text.multiLine(description);
        if (d.length() > 4000) {
            errors.add("description", "The description must be 4,000 characters or fewer");
        }
        Long placeId = Place.idOf(errors, "place", places, place);
        String j = joining == null || joining.isBlank() ? Community.OPEN : joining.trim();
        if (!j.equals(Community.OPEN) && !j.equals(Community.REQUEST)) {
            errors.add("joining", "How people join is open or request");
        }
        errors.throwIfAny();
        return new Valid(n, p, d, placeId, j);
    }
}
