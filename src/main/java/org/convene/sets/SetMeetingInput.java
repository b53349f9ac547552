package org.convene.sets;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.convene.errors.Errors;
import org.convene.actions.AgreedAction;
import org.convene.web.Text;

/**
 * A set meeting in the action learning structure: when and where, who presents, the problem they
 * bring, the questions the set asked, what was followed up from last time, notes, and the actions
 * agreed (each with its owner, a member of the set). Date and time are UK local time.
 */
public record SetMeetingInput(String date, String time, String location, Long presenter, String problem, String questions,
                              String followUp, String notes, List<AgreedAction> actions) {
    public static final ZoneId ZONE = org.convene.programmes.ModuleInput.ZONE;

    public record Valid(Instant startsAt, String location, Long presenter, String problem, String questions, String followUp,
                        String notes, List<AgreedAction.Valid> actions) {
    }

    /** @param members the set's members (presenter and action owners must be among them) */
    public Valid validated(List<Long> members) {
        Errors errors = new Errors();
        LocalDate day = errors.date(date, "date", "Enter the date of the meeting",
                "Enter a date as year-month-day, for example 2027-03-01");
        LocalTime at = errors.time(time, "time", "Enter the start time, for example 14:00",
                "Enter a time as hours and minutes, for example 14:00");
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
        List<AgreedAction.Valid> agreed = AgreedAction.validate(actions, members, "Choose who in the set will do", errors);
        errors.throwIfAny();
        return new Valid(day.atTime(at).atZone(ZONE).toInstant(), where, presenter, cleanProblem, cleanQuestions,
                cleanFollowUp, cleanNotes, agreed);
    }

    private static String limit(String value, int max, String field, String label, Errors errors) {
        String clean = Text.multiLine(value);
        if (clean.length() > max) {
            errors.add(field, label + " must be " + String.format("%,d", max) + " characters or fewer");
        }
        return clean;
    }
}
