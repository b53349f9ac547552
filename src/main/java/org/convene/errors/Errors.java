package org.convene.errors;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Collects field errors while validating input, then throws them together. */
public final class Errors {
    private final Map<String, String> fields = new LinkedHashMap<>();

    public Errors add(String field, String message) {
        fields.putIfAbsent(field, message);
        return this;
    }

    /**
     * The date typed into a field (year-month-day), or null when the field is empty (adding
     * {@code missing}, unless that is null) or not a date (adding {@code invalid}).
     */
    public LocalDate date(String value, String field, String missing, String invalid) {
        if (value == null || value.isBlank()) {
            if (missing != null) {
                add(field, missing);
            }
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            add(field, invalid);
            return null;
        }
    }

    /** As {@link #date}, for a time of day as hours and minutes ("9:30" or "09:30"). */
    public LocalTime time(String value, String field, String missing, String invalid) {
        if (value == null || value.isBlank()) {
            if (missing != null) {
                add(field, missing);
            }
            return null;
        }
        String t = value.trim();
        try {
            return LocalTime.parse(t.length() == 4 ? "0" + t : t);
        } catch (DateTimeParseException e) {
            add(field, invalid);
            return null;
        }
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    public void throwIfAny() {
        if (!fields.isEmpty()) {
            throw ValidationException.of(fields);
        }
    }
}
