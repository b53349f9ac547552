package org.convene.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * @mentions in what people write. A mention is an {@code @} at the start of the text or after a
 * character that is not part of a word (so e-mail addresses are not mentions), followed by a
 * person's name as it appears in the directory: "@Sam Patel", "@Siobhán O'Neill-Hart". Names have
 * spaces, so each {@code @} offers its first one to {@value #MAX_WORDS} words as candidates; the
 * caller looks the candidates up among the people who could be meant, and {@link #resolve} keeps,
 * for each {@code @}, the longest candidate that is somebody's name.
 */
public final class Mentions {
    /** The longest name, in words, that a mention can carry. */
    public static final int MAX_WORDS = 4;
    private static final Pattern AT = Pattern.compile("(?<![\\p{L}\\p{N}_.@])@(\\p{L}[\\p{L}\\p{M}'’-]*(?: \\p{L}[\\p{L}\\p{M}'’-]*){0,"
            + (MAX_WORDS - 1) + "})");

    private Mentions() {
    }

    /** Every candidate name (lower case) that the text's mentions could mean, for one lookup. */
    public static Set<String> candidates(String text) {
        Set<String> names = new LinkedHashSet<>();
        for (List<String> options : options(text)) {
            names.addAll(options);
        }
        return names;
    }

    /**
     * The people mentioned: for each {@code @}, the longest candidate that is a known name.
     * {@code known} maps a lower-case name to the people with that name (more than one when names
     * are shared, and then each of them is mentioned).
     */
    public static Set<Long> resolve(String text, Map<String, List<Long>> known) {
        Set<Long> people = new LinkedHashSet<>();
        for (List<String> options : options(text)) {
            for (int i = options.size() - 1; i >= 0; i--) {
                List<Long> ids = known.get(options.get(i));
                if (ids != null) {
                    people.addAll(ids);
                    break;
                }
            }
        }
        return people;
    }

    /** Per {@code @}, its candidates from one word up, in lower case; a possessive or trailing apostrophe or hyphen ends the name. */
    private static List<List<String>> options(String text) {
        List<List<String>> all = new ArrayList<>();
        if (text == null) {
            return all;
        }
        Matcher m = AT.matcher(text);
        while (m.find()) {
            String[] words = m.group(1).split(" ");
            List<String> options = new ArrayList<>(words.length);
            StringBuilder name = new StringBuilder();
            for (String word : words) {
                String trimmed = word.replaceAll("(['’]s)?['’-]*$", "");
                if (trimmed.isEmpty()) {
                    break;
                }
                if (!name.isEmpty()) {
                    name.append(' ');
                }
                name.append(trimmed.toLowerCase(Locale.ROOT));
                options.add(name.toString());
                if (trimmed.length() != word.length()) {
                    break; // "@Sam's idea": the name ends at the apostrophe
                }
            }
            all.add(options);
        }
        return all;
    }
}
