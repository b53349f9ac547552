package org.convene.projects;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.convene.directory.Place;
import org.convene.errors.Errors;
import org.convene.web.Coded;
import org.convene.web.Text;

/**
 * A new or changed project. {@code place} is a place name (blank: none); dates are YYYY-MM-DD;
 * {@code ownerId} (a team member) is left out to keep the owner, or on creation to own it yourself;
 * {@code originKind} and {@code originId} name what the project grew from, both or neither.
 */
public record ProjectInput(String title, String summary, String aim, String place, String status, String startsOn,
                           String endsOn, Long cohortId, Long ownerId, String originKind, Long originId) {
    static final List<String> ORIGINS = List.of("community", "action_learning_set", "match", "event", "cluster", "idea");

    /** The cleaned input: the place matched to a known one, codes resolved, dates parsed. */
    public record Valid(String title, String summary, String aim, Long placeId, ProjectStatus status, LocalDate startsOn,
                        LocalDate endsOn, Long cohortId, Long ownerId, String originKind, Long originId) {
    }

    public Valid validated(List<Place> places) {
        Errors errors = new Errors();
        String cleanTitle = Text.singleLine(title);
        if (cleanTitle.isEmpty()) {
            errors.add("title", "Enter the project's title");
        } else if (cleanTitle.length() > 200) {
            errors.add("title", "Title must be 200 characters or fewer");
        }
        String cleanSummary = Text.multiLine(summary);
        if (cleanSummary.length() > 4000) {
            errors.add("summary", "The problem must be 4,000 characters or fewer");
        }
        String cleanAim = Text.multiLine(aim);
        if (cleanAim.length() > 1000) {
            errors.add("aim", "The aim must be 1,000 characters or fewer");
        }
        Long placeId = Place.idOf(errors, "place", places, place);
        String statusCode = Text.singleLine(status).toLowerCase(Locale.ROOT);
        ProjectStatus cleanStatus = statusCode.isEmpty() ? ProjectStatus.PLANNING
                : Coded.fromCode(ProjectStatus.class, statusCode).orElse(null);
        if (cleanStatus == null) {
            errors.add("status", "Status must be " + Coded.codes(ProjectStatus.class));
        }
        LocalDate starts = date(errors, "startsOn", startsOn);
        LocalDate ends = date(errors, "endsOn", endsOn);
        if (starts != null && ends != null && ends.isBefore(starts)) {
            errors.add("endsOn", "The end date must be on or after the start date");
        }
        String origin = Text.singleLine(originKind).toLowerCase(Locale.ROOT);
        if (origin.isEmpty() != (originId == null)) {
            errors.add(origin.isEmpty() ? "originKind" : "originId", "Give both what the project grew from and its id, or neither");
        } else if (!origin.isEmpty() && !ORIGINS.contains(origin)) {
            errors.add("originKind", "What the project grew from must be one of " + String.join(", ", ORIGINS));
        } else if (originId != null && originId <= 0) {
            errors.add("originId", "The id of what the project grew from must be a positive number");
        }
        errors.throwIfAny();
        return new Valid(cleanTitle, cleanSummary, cleanAim, placeId, cleanStatus, starts, ends, cohortId, ownerId,
                origin.isEmpty() ? null : origin, originId);
    }

    /** A date as YYYY-MM-DD between 2000 and 2200, or null when blank. */
    static LocalDate date(Errors errors, String field, String raw) {
        String text = Text.singleLine(raw);
        if (text.isEmpty()) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(text);
            if (d.getYear() < 2000 || d.getYear() > 2200) {
                errors.add(field, "Enter a date between 2000 and 2200");
            }
            return d;
        } catch (DateTimeParseException e) {
            errors.add(field, "Enter the date as YYYY-MM-DD, for example 2026-03-31");
            return null;
        }
    }
}
