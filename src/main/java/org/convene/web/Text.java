package org.convene.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Normalising user text before it is validated and stored. */
public final class Text {
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]|[\\p{Cf}&&[^\\u200d]]");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");

    private Text() {
    }

    /** Trimmed, whitespace collapsed, control characters removed; null becomes "". */
    public static String singleLine(String s) {
        if (s == null) {
            return "";
        }
        return CONTROL.matcher(s).replaceAll("").replaceAll("\\s+", " ").trim();
    }

    /** Trimmed, Windows line ends normalised, control characters (other than newline and tab) removed. */
    public static String multiLine(String s) {
        if (s == null) {
            return "";
        }
        return CONTROL.matcher(s.replace("\r\n", "\n").replace('\r', '\n')).replaceAll("").trim();
    }

    public static boolean isEmail(String s) {
        return s != null && s.length() <= 254 && EMAIL.matcher(s).matches();
    }

    public static String clip(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max) + "…";
    }

    /** Splits "a, b; c" into distinct, cleaned items. */
    public static List<String> splitList(String s) {
        if (s == null || s.isBlank()) {
            return List.of();
        }
        Set<String> items = new LinkedHashSet<>();
        for (String part : s.split("[,;\\n]")) {
            String clean = singleLine(part);
            if (!clean.isEmpty()) {
                items.add(clean);
            }
        }
        return new ArrayList<>(items);
    }

    /** Interests are compared without regard to case or spacing. */
    public static String interestKey(String s) {
        return singleLine(s).toLowerCase(Locale.ROOT);
    }
}
