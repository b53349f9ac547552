package org.convene.sets;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.convene.errors.Errors;
import org.convene.web.Text;

/**
 * A set meeting in the action learning structure: when and where, who presents, the problem they
 * bring, the questions the set asked, what was followed up from last time, notes, and the actions
 * agreed (each with its owner, a member of the set). Date and time are UK local time.
 */
public record SetMeetingInput(String date, String time, String location, Long presenter, String problem, String questions,
                              String followUp, String notes, List<ActionInput> actions) {
    public static final ZoneId ZONE = ZoneId.of("Europe/London");
    public static final int MAX_ACTIONS = 20;

    /** An agreed action; rows with no description are ignored (empty rows of the form). */
    public record ActionInput(Long person, String description, String dueOn) {
    }

    public record Valid(Instant startsAt, String location, Long presenter, String problem, String questions, String followUp,
                        String notes, List<ValidAction> actions) {
    }

    public record ValidAction(long person, String description, LocalDate dueOn) {
    }

    /** @param members the set's members (presenter and action owners must be among them) */
    public Valid validated(List<Long> members) {
        Errors errors = new Errors();
        LocalDate day = null;
        if (date == null || date.isBlank()) {
            errors.add("date", "Enter the date of the meeting");
        } else {
            try {
                day = LocalDate.parse(date.trim());
            } catch (DateTimeParseException e) {
                errors.add("date", "Enter a date as year-month-day, for example 2027-03-01");
            }
        }
        LocalTime at = null;
        if (time == null || time.isBlank()) {
            errors.add("time", "Enter the start time, for example 14:00");
        } else {
            try {
                at = LocalTime.parse(time.trim().length() == 4 ? "0" + time.trim() : time.trim());
            } catch (DateTimeParseException e) {
                errors.add("time", "Enter a time as hours and minutes, for example 14:00");
            }
        }
        String where = Text.singleLine(location);
        if (where.length() > 300) {
            errors.add("location", "Location must be 300 characters or fewer");
        }
        if (presenter != null && !members.contains(presenter)) {
            errors.add("presenter", "Choose a member of the set to present");
        }
        String cleanProblem = limit(problem, 4000, "problem", "The problem", errors);
        String cleanQuestions = limit(questions, 8000, "questions", "The questions", errors);
        String cleanFollowUp = limit(followUp, 4000, "followUp", "The follow-up", errors);
        String cleanNotes = limit(notes, 8000, "notes", "Notes", errors);
        List<ValidAction> agreed = new ArrayList<>();
        List<ActionInput> rows = actions == null ? List.of() : actions;
        for (int i = 0; i < rows.size(); i++) {
            ActionInput a = rows.get(i);
            String text = Text.singleLine(a.description());
            if (text.isEmpty()) {
                continue;
            }
            String field = "action-" + i;
            LocalDate due = null;
            if (text.length() > 1000) {
                errors.add(field, "An action can be at most 1,000 characters");
            }
            if (a.person() == null || !members.contains(a.person())) {
                errors.add(field, "Choose who in the set will do \"" + Text.clip(text, 40) + "\"");
            }
            if (a.dueOn() != null && !a.dueOn().isBlank()) {
                try {
                    due = LocalDate.parse(a.dueOn().trim());
                } catch (DateTimeParseException e) {
                    errors.add(field, "Enter the due date as year-month-day, for example 2027-03-15");
                }
            }
            agreed.add(new ValidAction(a.person() == null ? 0 : a.person(), text, due));
        }
        if (agreed.size() > MAX_ACTIONS) {
            errors.add("actions", "Record at most " + MAX_ACTIONS + " actions per meeting");
        }
        errors.throwIfAny();
        return new Valid(day.atTime(at).atZone(ZONE).toInstant(), where, presenter, cleanProblem, cleanQuestions,
                cleanFollowUp, cleanNotes, List.copyOf(agreed));
    }

    private static String limit(String value, int max, String field, String label, Errors errors) {
        String clean = Text.multiLine(value);
        if (clean.length() > max) {
            errors.add(field, label + " must be " + String.format("%,d", max) + " characters or fewer");
        }
        return clean;
    }
}
