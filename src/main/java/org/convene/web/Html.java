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
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mma", Locale.UK).withZone(ZoneId.of("Europe/London"));

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

    /** The time of day, UK time, e.g. 4:00pm. */
    public static String time(Instant t) {
        return t == null ? "" : TIME.format(t).replace("AM", "am").replace("PM", "pm");
    }

    /** A file size in kB or MB. */
    public static String bytes(long n) {
        return n < 1_000_000 ? Math.max(1, Math.round(n / 1000.0)) + " kB" : String.format(Locale.UK, "%.1f MB", n / 1_000_000.0);
    }

    public static String number(long n) {
        return NumberFormat.getIntegerInstance(Locale.UK).format(n);
    }

    /** A mean or other measure to two decimal places, or a dash when there is none (withheld or missing). */
    public static String decimal(Double d) {
        return d == null || d.isNaN() ? "–" : String.format(Locale.UK, "%.2f", d);
    }

    /** A share as a whole percentage. */
    public static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    /** A query-string value, percent-encoded. */
    public static String url(String value) {
        return java.net.URLEncoder.encode(value == null ? "" : value, java.nio.charset.StandardCharsets.UTF_8);
    }

    public static String orDash(String s) {
        return s == null || s.isBlank() ? "–" : s;
    }
}
