package org.convene.programmes;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.convene.errors.Errors;
import org.convene.web.Text;

/** A new or changed cohort. Dates are ISO (2026-03-01); feedback is anonymous unless said otherwise. */
public record CohortInput(String name, String startsOn, String endsOn, Boolean anonymous) {

    public record Valid(String name, LocalDate startsOn, LocalDate endsOn, boolean anonymous) {
    }

    public Valid validated() {
        Errors errors = new Errors();
        String cleanName = Text.singleLine(name);
        if (cleanName.isEmpty()) {
            errors.add("name", "Enter the cohort's name, for example 'Cohort 3, spring 2027'");
        } else if (cleanName.length() > 200) {
            errors.add("name", "Name must be 200 characters or fewer");
        }
        LocalDate start = date(startsOn, "startsOn", errors);
        LocalDate end = date(endsOn, "endsOn", errors);
        if (start != null && end != null && end.isBefore(start)) {
            errors.add("endsOn", "The end date must be on or after the start date");
        }
        errors.throwIfAny();
        return new Valid(cleanName, start, end, anonymous == null || anonymous);
    }

    static LocalDate date(String value, String field, Errors errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(value.trim());
            if (d.getYear() < 2000 || d.getYear() > 2100) {
                errors.add(field, "Enter a date between 2000 and 2100");
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            errors.add(field, "Enter a real date as year-month-day, for example 2027-03-01");
            return null;
        }
    }
}
