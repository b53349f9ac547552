package org.convene.ties;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.convene.errors.Errors;
import org.convene.web.Text;

/** A request to record a tie. Sources are lower-case words naming the feature that recorded it. */
public record TieInput(Long personId, Long otherPersonId, String kind, String source, String sourceRef,
                       String note, String startedOn) {
    private static final Pattern SOURCE = Pattern.compile("^[a-z][a-z_]{1,39}$");

    public record Valid(long personA, long personB, TieKind kind, String source, String sourceRef, String note,
                        LocalDate startedOn) {
    }

    public Valid validated(String defaultSource) {
        Errors errors = new Errors();
        if (personId == null) {
            errors.add("personId", "Say whose tie this is");
        }
        if (otherPersonId == null) {
            errors.add("otherPersonId", "Choose the person you know");
        }
        if (personId != null && personId.equals(otherPersonId)) {
            errors.add("otherPersonId", "A tie needs two different people");
        }
        TieKind tieKind = kind == null || kind.isBlank() ? TieKind.KNOW : TieKind.fromCode(kind.trim()).orElse(null);
        if (tieKind == null) {
            errors.add("kind", "Unknown kind of tie '" + Text.clip(kind, 40) + "'");
        }
        String src = source == null || source.isBlank() ? defaultSource : source.trim();
        if (!SOURCE.matcher(src).matches()) {
            errors.add("source", "Source must be a lower-case word such as self_reported");
        }
        String ref = Text.singleLine(sourceRef);
        if (ref.length() > 200) {
            errors.add("sourceRef", "Source reference must be 200 characters or fewer");
        }
        String cleanNote = Text.singleLine(note);
        if (cleanNote.length() > 500) {
            errors.add("note", "Note must be 500 characters or fewer");
        }
        LocalDate started = LocalDate.now();
        if (startedOn != null && !startedOn.isBlank()) {
            try {
                started = LocalDate.parse(startedOn.trim());
                if (started.isAfter(LocalDate.now().plusDays(1))) {
                    errors.add("startedOn", "The date a tie started cannot be in the future");
                } else if (started.isBefore(LocalDate.of(1900, 1, 1))) {
                    errors.add("startedOn", "Enter a date after 1900");
                }
            } catch (DateTimeParseException e) {
                errors.add("startedOn", "Enter the date as YYYY-MM-DD");
            }
        }
        errors.throwIfAny();
        long a = Math.min(personId, otherPersonId);
        long b = Math.max(personId, otherPersonId);
        return new Valid(a, b, tieKind, src, ref, cleanNote, started);
    }
}
