package org.convene.leadership;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convene.directory.Place;
import org.convene.errors.Errors;
import org.convene.web.Text;

/**
 * A priority area as typed: what it is, the care improvement and the savings expected (in words,
 * and as pounds a year if known), the topics it is about, its place (a directory place name), the
 * board sponsor (a person id), why they sponsor it, and what we know of the relationships.
 */
public record AreaInput(String title, String improvement, String savings, String savingsPerYear, List<String> topics, String place,
                        Long sponsor, String sponsorNotes, String relationshipNotes) {
    static final int MAX_TOPICS = 10;

    public record Valid(String title, String improvement, String savings, Long savingsPerYear, List<String> topics, Long placeId,
                        Long sponsor, String sponsorNotes, String relationshipNotes) {
    }

    /** @param knownTopics the directory's topics: a topic typed in another case files under the known one */
    public Valid validated(List<Place> places, List<String> knownTopics) {
        Errors errors = new Errors();
        String t = Text.singleLine(title);
        if (t.isEmpty()) {
            errors.add("title", "Enter the priority area");
        } else if (t.length() > 200) {
            errors.add("title", "The priority area must be 200 characters or fewer");
        }
        String improve = limited(errors, "improvement", "The care improvement", Text.multiLine(improvement), 2000);
        String save = limited(errors, "savings", "The savings expected", Text.multiLine(savings), 1000);
        Long perYear = pounds(errors, savingsPerYear);
        List<String> cleanTopics = topics(errors, knownTopics);
        Long placeId = Place.idOf(errors, "place", places, place);
        String sponsorWhy = limited(errors, "sponsorNotes", "Why they sponsor it", Text.multiLine(sponsorNotes), 2000);
        String relations = limited(errors, "relationshipNotes", "What we know of the relationships", Text.multiLine(relationshipNotes), 2000);
        errors.throwIfAny();
        return new Valid(t, improve, save, perYear, cleanTopics, placeId, sponsor, sponsorWhy, relations);
    }

    private static Long pounds(Errors errors, String value) {
        String clean = value == null ? "" : value.replaceAll("[£,\\s]", "");
        if (clean.isEmpty()) {
            return null;
        }
        try {
            long pounds = Long.parseLong(clean);
            if (pounds < 0 || pounds > 100_000_000_000L) {
                throw new NumberFormatException();
            }
            return pounds;
        } catch (NumberFormatException e) {
            errors.add("savingsPerYear", "Enter the savings a year as a whole number of pounds, for example 250000");
            return null;
        }
    }

    private List<String> topics(Errors errors, List<String> knownTopics) {
        Map<String, String> known = new LinkedHashMap<>();
        knownTopics.forEach(k -> known.put(Text.interestKey(k), k));
        Map<String, String> chosen = new LinkedHashMap<>();
        for (String raw : topics == null ? List.<String>of() : topics) {
            String clean = Text.singleLine(raw);
            if (clean.isEmpty()) {
                continue;
            }
            if (clean.length() > 80) {
                errors.add("topics", "Each topic must be 80 characters or fewer");
            }
            chosen.putIfAbsent(Text.interestKey(clean), known.getOrDefault(Text.interestKey(clean), clean));
        }
        if (chosen.size() > MAX_TOPICS) {
            errors.add("topics", "Choose at most " + MAX_TOPICS + " topics");
        }
        return new ArrayList<>(chosen.values());
    }

    static String limited(Errors errors, String field, String label, String text, int max) {
        if (text.length() > max) {
            errors.add(field, label + " must be " + String.format("%,d", max) + " characters or fewer");
        }
        return text;
    }
}
