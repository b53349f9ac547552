package org.convene.people;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A directory search: free text plus any of the filters, and the page wanted. Free text becomes
 * a prefix-matching full-text query built from letters and digits only, so no user input ever
 * reaches the tsquery parser as syntax.
 */
public record DirectoryQuery(String text, String sector, Long placeId, Long organisationId, String interest,
                             String profession, int page, int size) {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    public static final int MAX_WORDS = 8;

    public DirectoryQuery {
        text = text == null ? "" : text.trim();
        sector = blankToNull(sector);
        interest = blankToNull(interest);
        profession = blankToNull(profession);
        page = Math.max(1, page);
        size = Math.min(100, Math.max(1, size));
    }

    /**
     * e.g. "hospital disch" becomes 'hospital' &amp; 'disch':*; empty when there are no words. Only
     * the last word, the one still being typed, matches as a prefix: a prefix reads many more
     * index entries than a word ("hous" also finds house, household, housebound...).
     */
    public String tsQuery() {
        List<String> terms = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find() && terms.size() < MAX_WORDS) {
            String word = m.group();
            if (word.length() > 60) {
                word = word.substring(0, 60);
            }
            terms.add("'" + word + "'");
        }
        if (!terms.isEmpty()) {
            terms.set(terms.size() - 1, terms.get(terms.size() - 1) + ":*");
        }
        return String.join(" & ", terms);
    }

    public boolean filtered() {
        return !tsQuery().isEmpty() || sector != null || placeId != null || organisationId != null
                || interest != null || profession != null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
