package org.convene.programmes;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.convene.errors.Errors;
import org.convene.web.Text;

/**
 * A new or changed module. The date and times are local to the programme's region (UK time):
 * date 2027-03-01, starts 09:30, ends 16:00. Facilitators are directory person ids.
 */
public record ModuleInput(String title, String topic, String date, String startTime, String endTime, String location,
                          Boolean online, Boolean celebration, Boolean feedback, List<Long> facilitators) {
    public static final ZoneId ZONE = ZoneId.of("Europe/London");
    private static final String TIME = "Enter a time as hours and minutes, for example 09:30";

    public record Valid(String title, String topic, Instant startsAt, Instant endsAt, String location, boolean online,
                        boolean celebration, boolean feedback, List<Long> facilitators) {
    }

    public Valid validated() {
        Errors errors = new Errors();
        String cleanTitle = Text.singleLine(title);
        if (cleanTitle.isEmpty()) {
            errors.add("title", "Enter the module's title");
        } else if (cleanTitle.length() > 200) {
            errors.add("title", "Title must be 200 characters or fewer");
        }
        String cleanTopic = Text.singleLine(topic);
        if (cleanTopic.length() > 200) {
            errors.add("topic", "Topic must be 200 characters or fewer");
        }
        String cleanLocation = Text.singleLine(location);
        if (cleanLocation.length() > 300) {
            errors.add("location", "Location must be 300 characters or fewer");
        }
        LocalDate day = CohortInput.date(date, "date", errors);
        if (day == null && !errors.has("date")) {
            errors.add("date", "Enter the date of the module");
        }
        LocalTime start = errors.time(startTime, "startTime", "Enter the start time, for example 09:30", TIME);
        LocalTime end = errors.time(endTime, "endTime", "Enter the end time, for example 16:00", TIME);
        if (start != null && end != null && !end.isAfter(start)) {
            errors.add("endTime", "The end time must be after the start time");
        }
        List<Long> people = facilitators == null ? List.of() : facilitators.stream().distinct().toList();
        if (people.size() > 20) {
            errors.add("facilitators", "A module can have up to 20 facilitators");
        }
        errors.throwIfAny();
        return new Valid(cleanTitle, cleanTopic, day.atTime(start).atZone(ZONE).toInstant(),
                day.atTime(end).atZone(ZONE).toInstant(), cleanLocation, Boolean.TRUE.equals(online),
                Boolean.TRUE.equals(celebration), feedback == null || feedback, people);
    }
}
