package org.convene.relationships;

import java.util.Locale;
import java.util.Map;
import org.convene.errors.ValidationException;

/**
 * A part of the network to measure: the whole system, or the people of one place, community,
 * cohort or programme. Written {@code system} or {@code kind:id}, for example {@code place:3}.
 */
public record Slice(Kind kind, Long id) {
    public static final Slice SYSTEM = new Slice(Kind.SYSTEM, null);

    public enum Kind {
        SYSTEM, PLACE, COMMUNITY, COHORT, PROGRAMME
    }

    public static Slice parse(String text) {
        if (text == null || text.isBlank() || text.trim().equalsIgnoreCase("system")) {
            return SYSTEM;
        }
        String[] parts = text.trim().split(":", 2);
        try {
            Kind kind = Kind.valueOf(parts[0].toUpperCase(Locale.ROOT));
            if (kind != Kind.SYSTEM && parts.length == 2) {
                long id = Long.parseLong(parts[1].trim());
                if (id > 0) {
                    return new Slice(kind, id);
                }
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new ValidationException("Unknown slice", Map.of("slice",
                "Write system, or place:ID, community:ID, cohort:ID or programme:ID (for example place:3)"));
    }

    /** The SQL that lists the slice's people (column person_id); binds {@code :slice} unless the whole system. */
    String people() {
        return switch (kind) {
            case SYSTEM -> "SELECT id AS person_id FROM people";
            case PLACE -> "SELECT id AS person_id FROM people WHERE place_id = :slice";
            case COMMUNITY -> "SELECT person_id FROM community_members WHERE community_id = :slice AND status = 'active'";
            case COHORT -> "SELECT person_id FROM enrolments WHERE cohort_id = :slice AND status <> 'withdrawn'";
            case PROGRAMME -> "SELECT DISTINCT e.person_id FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id "
                    + "WHERE c.programme_id = :slice AND e.status <> 'withdrawn'";
        };
    }

    @Override
    public String toString() {
        return kind == Kind.SYSTEM ? "system" : kind.name().toLowerCase(Locale.ROOT) + ":" + id;
    }
}
