package org.convene.web;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Formatting helpers used by the templates. */
public final class Html {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' h:mma", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));

    private Html() {
    }

    /** The aria-describedby value for a field, or null (so the attribute is left out) when there is none. */
    public static String describedBy(String name, String hint, String error) {
        String ids = ((hint != null ? name + "-hint " : "") + (error != null ? name + "-error" : "")).trim();
        return ids.isEmpty() ? null : ids;
    }

    public static String date(LocalDate d) {
        return d == null ? "" : DATE.format(d);
    }

    public static String dateTime(Instant t) {
        return t == null ? "never" : DATE_TIME.format(t).replace("AM", "am").replace("PM", "pm");
    }

    public static String number(long n) {
        return NumberFormat.getIntegerInstance(Locale.UK).format(n);
    }

    /** A query-string value, percent-encoded. */
    public static String url(String value) {
        return java.net.URLEncoder.encode(value == null ? "" : value, java.nio.charset.StandardCharsets.UTF_8);
    }

    public static String orDash(String s) {
        return s == null || s.isBlank() ? "–" : s;
    }
}
