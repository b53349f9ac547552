package org.convene.clusters;

import java.util.List;
import java.util.Locale;

/**
 * A candidate as the engine sees them: their individual relevance and clout, and what the reasons
 * need (the area's topics they cover, whether and where their role matches).
 *
 * @param candidate  as given
 * @param input      index in the input candidates list
 * @param topics     the area's topics among their interests, in the area's spelling, sorted
 * @param roleText   the job title (or else profession) that matches the area's keywords, or null
 * @param relevance  individual relevance, see {@link Suggester}
 * @param clout      individual clout, see {@link Suggester}
 */
record Person(Candidate candidate, int input, List<String> topics, String roleText, double relevance, double clout) {

    /** Their name for the reasons ("Candidate 7" when blank). */
    String name() {
        String n = candidate.name();
        return n == null || n.isBlank() ? "Candidate " + candidate.id() : n.strip();
    }

    /** Trimmed and lower-cased; null and blank give "" (unknown). */
    static String norm(String value) {
        return value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    }
}
