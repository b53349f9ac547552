package org.convene.projects;

import java.time.LocalDate;
import org.convene.errors.Errors;
import org.convene.web.Text;

/** One value of a measure: its date (YYYY-MM-DD), the value, and an optional note. */
public record PointInput(String date, Double value, String note) {
    /** Values above this size are refused: no measure of a service needs them, and they would flatten a chart. */
    static final double LARGEST = 1e12;

    public record Valid(LocalDate date, double value, String note) {
    }

    public Valid validated() {
        Errors errors = new Errors();
        Valid valid = check(errors);
        errors.throwIfAny();
        return valid;
    }

    /** Checks into {@code errors} (so a file's rows can report every problem); null fields where something is wrong. */
    Valid check(Errors errors) {
        LocalDate d = null;
        if (Text.singleLine(date).isEmpty()) {
            errors.add("date", "Enter the date the value is for, as YYYY-MM-DD");
        } else {
            d = ProjectInput.date(errors, "date", date);
        }
        if (value == null) {
            errors.add("value", "Enter the value, a number such as 12 or 0.85");
        } else if (!Double.isFinite(value) || Math.abs(value) > LARGEST) {
            errors.add("value", "The value must be a number between -1,000,000,000,000 and 1,000,000,000,000");
        }
        String cleanNote = Text.singleLine(note);
        if (cleanNote.length() > 500) {
            errors.add("note", "Note must be 500 characters or fewer");
        }
        return d == null || value == null ? null : new Valid(d, value, cleanNote);
    }

    /** A value typed into a form or a file: a plain number (a decimal point, no thousands separators); null when blank. */
    static Double number(Errors errors, String field, String raw) {
        String text = Text.singleLine(raw);
        if (text.isEmpty()) {
            return null;
        }
        if (!text.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
            errors.add(field, "The value must be a number such as 12 or 0.85, not '" + Text.clip(text, 30) + "'");
            return Double.NaN;
        }
        return Double.parseDouble(text);
    }
}
