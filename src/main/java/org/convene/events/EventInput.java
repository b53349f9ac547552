package org.convene.events;

import java.net.URI;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.convene.errors.Errors;
import org.convene.web.Text;

/**
 * An event as typed: title, kind (workshop, meeting, social, film_club, other), description, the
 * date with start and end times in its time zone (default Europe/London), a place and/or an online
 * link (https), the capacity in places (empty: no limit), guests one registration may bring (0-10),
 * an optional registration question (for example, access needs) and how many hours before the
 * start confirmed registrants are reminded (1 to 168; 0 for no reminder; left out: 24).
 */
public record EventInput(String title, String kind, String description, String date, String startTime, String endTime,
                         String timeZone, String location, String onlineUrl, Integer capacity, Integer maxGuests, String question,
                         Integer reminderHours) {
    public static final List<String> KINDS = List.of("workshop", "meeting", "social", "film_club", "other");
    /** Hours before the start that a reminder goes when the host does not say. */
    public static final int DEFAULT_REMINDER_HOURS = 24;
    /** The longest lead time: a week. */
    public static final int MAX_REMINDER_HOURS = 168;
    /** The lead times the forms offer (0: no reminder); the API takes any whole number of hours from 1 to 168. */
    public static final List<Integer> REMINDER_CHOICES = List.of(0, 1, 2, 3, 6, 12, 24, 48, 72, 168);

    public record Valid(String title, String kind, String description, ZonedDateTime startsAt, ZonedDateTime endsAt, String timeZone,
                        String location, String onlineUrl, Integer capacity, int maxGuests, String question, Integer reminderHours) {
    }

    /**
     * A reminder lead time as given (null: the default, 0: none) checked and made what is stored
     * (null: no reminder).
     */
    public static Integer reminder(Integer hours, Errors errors) {
        if (hours == null) {
            return DEFAULT_REMINDER_HOURS;
        }
        if (hours == 0) {
            return null;
        }
        if (hours < 1 || hours > MAX_REMINDER_HOURS) {
            errors.add("reminderHours", "Remind people from 1 to 168 hours (a week) before the event, or choose no reminder");
            return null;
        }
        return hours;
    }

    /** "24 hours before it starts", "1 week before it starts", or "No reminder". */
    public static String reminderLabel(Integer hours) {
        if (hours == null || hours == 0) {
            return "No reminder";
        }
        if (hours % 24 == 0) {
            int days = hours / 24;
            return (days == 7 ? "1 week" : days == 1 ? "24 hours" : days + " days") + " before it starts";
        }
        return hours + (hours == 1 ? " hour" : " hours") + " before it starts";
    }

    public Valid validated() {
        Errors errors = new Errors();
        String t = Text.singleLine(title);
        if (t.isEmpty()) {
            errors.add("title", "Enter a title for the event");
        } else if (t.length() > 200) {
            errors.add("title", "The title must be 200 characters or fewer");
        }
        String k = kind == null || kind.isBlank() ? "other" : kind.trim();
        if (!KINDS.contains(k)) {
            errors.add("kind", "The kind is one of: " + String.join(", ", KINDS));
        }
        String d = Text.multiLine(description);
        if (d.length() > 4000) {
            errors.add("description", "The description must be 4,000 characters or fewer");
        }
        ZoneId zone = zone(errors);
        LocalDate day = errors.date(date, "date", "Enter the date of the event", "Enter the date as year-month-day, for example 2027-03-01");
        LocalTime from = errors.time(startTime, "startTime", "Enter the start time", "Enter the start time as hours and minutes, for example 18:30");
        LocalTime to = errors.time(endTime, "endTime", "Enter the end time", "Enter the end time as hours and minutes, for example 20:00");
        ZonedDateTime starts = day == null || from == null || zone == null ? null : ZonedDateTime.of(day, from, zone);
        ZonedDateTime ends = day == null || to == null || zone == null ? null : ZonedDateTime.of(day, to, zone);
        if (starts != null && ends != null && !ends.isAfter(starts)) {
            errors.add("endTime", "The event must end after it starts");
        }
        String where = Text.singleLine(location);
        if (where.length() > 300) {
            errors.add("location", "The place must be 300 characters or fewer");
        }
        String url = Text.singleLine(onlineUrl);
        if (!url.isEmpty() && !validLink(url)) {
            errors.add("onlineUrl", "Enter the online link as a full https:// address");
        }
        if (where.isEmpty() && url.isEmpty()) {
            errors.add("location", "Say where the event is, or give its online link");
        }
        if (capacity != null && (capacity < 1 || capacity > 100_000)) {
            errors.add("capacity", "The capacity is a whole number from 1 to 100,000, or empty for no limit");
        }
        int guests = maxGuests == null ? 0 : maxGuests;
        if (guests < 0 || guests > 10) {
            errors.add("maxGuests", "Guests per registration are from 0 to 10");
        }
        String q = Text.singleLine(question);
        if (q.length() > 300) {
            errors.add("question", "The question must be 300 characters or fewer");
        }
        Integer remind = reminder(reminderHours, errors);
        errors.throwIfAny();
        return new Valid(t, k, d, starts, ends, zone.getId(), where, url, capacity, guests, q, remind);
    }

    private ZoneId zone(Errors errors) {
        String z = timeZone == null || timeZone.isBlank() ? "Europe/London" : timeZone.trim();
        try {
            return ZoneId.of(z);
        } catch (RuntimeException e) {
            errors.add("timeZone", "Unknown time zone '" + Text.clip(z, 40) + "': use a name such as Europe/London");
            return null;
        }
    }

    private static boolean validLink(String url) {
        if (url.length() > 500) {
            return false;
        }
        try {
            URI u = URI.create(url);
            return "https".equalsIgnoreCase(u.getScheme()) && u.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
