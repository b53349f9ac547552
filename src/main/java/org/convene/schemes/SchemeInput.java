package org.convene.schemes;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.convene.directory.Place;
import org.convene.errors.Errors;
import org.convene.web.Text;

/**
 * A new or changed scheme. {@code place} is a place name (blank: open to every place);
 * {@code nextRoundAt} is a UK local date and time like 2026-12-01T10:00 (or a date, meaning 10:00),
 * blank for rounds run only by hand; {@code status} is open, paused or closed.
 */
public record SchemeInput(String name, String description, String cadence, String meetingMode, String place,
                          String firstStep, String nextRoundAt, String status) {

    /** The cleaned input: codes resolved, the place matched to a known one, the time parsed. */
    public record Valid(String name, String description, Cadence cadence, MeetingMode meetingMode, Long placeId,
                        String firstStep, Instant nextRoundAt, String status) {
    }

    public Valid validated(List<Place> places) {
        Errors errors = new Errors();
        String cleanName = Text.singleLine(name);
        if (cleanName.isEmpty()) {
            errors.add("name", "Enter the scheme's name");
        } else if (cleanName.length() > 200) {
            errors.add("name", "Name must be 200 characters or fewer");
        }
        String cleanDescription = Text.multiLine(description);
        if (cleanDescription.length() > 4000) {
            errors.add("description", "Description must be 4,000 characters or fewer");
        }
        Cadence c = Cadence.fromCode(Text.singleLine(cadence).toLowerCase(Locale.ROOT)).orElse(null);
        if (c == null) {
            errors.add("cadence", "Choose how often rounds run: weekly, fortnightly or monthly");
        }
        String modeText = Text.singleLine(meetingMode);
        MeetingMode mode = modeText.isEmpty() ? MeetingMode.EITHER : MeetingMode.fromCode(modeText.toLowerCase(Locale.ROOT)).orElse(null);
        if (mode == null) {
            errors.add("meetingMode", "Choose how people meet: in_person, online or either");
        }
        Long placeId = Place.idOf(errors, "place", places, place);
        String cleanStep = Text.multiLine(firstStep);
        if (cleanStep.length() > 1000) {
            errors.add("firstStep", "Suggested first step must be 1,000 characters or fewer");
        }
        String cleanStatus = Text.singleLine(status).toLowerCase(Locale.ROOT);
        if (cleanStatus.isEmpty()) {
            cleanStatus = Scheme.OPEN;
        } else if (!List.of(Scheme.OPEN, Scheme.PAUSED, Scheme.CLOSED).contains(cleanStatus)) {
            errors.add("status", "Status must be open, paused or closed");
        }
        Instant next = null;
        String when = Text.singleLine(nextRoundAt);
        if (!when.isEmpty()) {
            try {
                LocalDateTime local = when.length() <= 10 ? LocalDate.parse(when).atTime(LocalTime.of(10, 0)) : LocalDateTime.parse(when);
                next = local.atZone(Cadence.ZONE).toInstant();
                if (local.getYear() < 2000 || local.getYear() > 2200) {
                    errors.add("nextRoundAt", "Enter a date between 2000 and 2200");
                }
            } catch (DateTimeParseException e) {
                errors.add("nextRoundAt", "Enter the next round's date and time like 2026-12-01T10:00, or leave it blank");
            }
        }
        errors.throwIfAny();
        return new Valid(cleanName, cleanDescription, c, mode, placeId, cleanStep, Scheme.OPEN.equals(cleanStatus) ? next : null,
                cleanStatus);
    }
}
