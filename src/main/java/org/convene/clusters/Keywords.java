package org.convene.clusters;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The keywords of an area's description, and whether a job title or profession contains one.
 * Words are runs of letters, lower-cased; both sides are compared after {@link #stem}.
 */
final class Keywords {

    /**
     * Words never taken as keywords. First English function words of four or more letters, then
     * words that appear in nearly every description or job title in health and social care and so
     * would make almost every role "match" (care, health, service, patient, improve, team, lead,
     * manager, ...). Domain words such as discharge, frailty, housing, dementia, social, nurse,
     * home are kept on purpose.
     */
    static final List<String> STOP_WORDS = List.of(
            // function words
            "about", "above", "across", "after", "again", "against", "along", "also", "among", "another", "around",
            "because", "been", "before", "being", "below", "between", "both", "could", "does", "doing", "down",
            "during", "each", "either", "even", "every", "fewer", "from", "further", "have", "having", "here", "into",
            "just", "less", "like", "made", "make", "many", "more", "most", "much", "must", "need", "only", "other",
            "over", "same", "should", "since", "some", "such", "than", "that", "their", "them", "then", "there",
            "these", "they", "this", "those", "though", "through", "under", "until", "upon", "very", "well", "were",
            "what", "when", "where", "whether", "which", "while", "whom", "whose", "will", "with", "within",
            "without", "would", "your", "year", "years", "month", "months", "week", "weeks",
            // too general in this field to show that a role fits an area
            "care", "health", "healthcare", "service", "services", "patient", "patients", "people", "person",
            "improve", "improved", "improvement", "improvements", "improving", "better", "saving", "savings",
            "save", "expected", "reduce", "reduced", "reducing", "reduction", "cost", "costs", "system", "systems",
            "work", "working", "team", "teams", "lead", "leads", "leader", "leaders", "leadership", "manager",
            "management", "support", "officer", "worker", "director", "senior", "chief", "head", "priority", "area");

    private static final Set<String> STOP_STEMS = stems(STOP_WORDS);

    private Keywords() {
    }

    /**
     * Tiny stemming: drop a trailing "s" (not "ss"), then a trailing "ing" or "ed", then a trailing
     * "e", each when at least four letters remain. "discharges", "discharged" -> "discharg",
     * "housing", "house" -> "hous", "delayed" -> "delay".
     */
    static String stem(String word) {
        String w = word;
        if (w.length() > 1 && w.endsWith("s") && !w.endsWith("ss")) {
            w = w.substring(0, w.length() - 1);
        }
        if (w.endsWith("ing") && w.length() - 3 >= 4) {
            w = w.substring(0, w.length() - 3);
        } else if (w.endsWith("ed") && w.length() - 2 >= 4) {
            w = w.substring(0, w.length() - 2);
        }
        if (w.endsWith("e") && w.length() - 1 >= 4) {
            w = w.substring(0, w.length() - 1);
        }
        return w;
    }

    /** The lower-case runs of letters in text (null: none). */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }

    /** Stems of the description's words of four or more letters that are not stop words. */
    static Set<String> of(String description) {
        Set<String> keys = new HashSet<>();
        for (String w : words(description)) {
            if (w.length() >= 4) {
                String s = stem(w);
                if (!STOP_STEMS.contains(s)) {
                    keys.add(s);
                }
            }
        }
        return keys;
    }

    /** Whether a word of text (any length), stemmed, is one of the keywords. */
    static boolean matches(Set<String> keywords, String text) {
        for (String w : words(text)) {
            if (keywords.contains(stem(w))) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> stems(List<String> words) {
        Set<String> s = new HashSet<>();
        for (String w : words) {
            s.add(stem(w));
        }
        return Set.copyOf(s);
    }
}
