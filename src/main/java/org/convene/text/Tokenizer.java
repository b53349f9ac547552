package org.convene.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits a comment into lower-case word tokens and punctuation tokens, for the sentiment scorers
 * and the theme classifier.
 *
 * <ul>
 *   <li>Curly quotes and dashes are normalised; a hyphen inside a word splits it ("like-minded" is
 *       "like", "minded"), a free-standing dash is a clause break "-".</li>
 *   <li>Contractions are expanded so rules see whole words: "didn't" is "did not", "cant" and
 *       "couldnt" (common typos) likewise, "I'd" is "i would", "we've" is "we have", "'s" is dropped.</li>
 *   <li>Punctuation tokens are {@code . , ; : ! ? - ( ) /}; "..." and "…" become ".".</li>
 *   <li>The emoticons :) :-) :( :-( :D are kept as tokens.</li>
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
final class Tokenizer {
    private Tokenizer() {
    }

    /** Contractions written without the apostrophe, as people type them in a hurry. */
    private static final Map<String, String> BARE_NEGATIONS = Map.ofEntries(
            Map.entry("didnt", "did"), Map.entry("doesnt", "does"), Map.entry("dont", "do"),
            Map.entry("cant", "can"), Map.entry("couldnt", "could"), Map.entry("wouldnt", "would"),
            Map.entry("shouldnt", "should"), Map.entry("wasnt", "was"), Map.entry("werent", "were"),
            Map.entry("isnt", "is"), Map.entry("arent", "are"), Map.entry("havent", "have"),
            Map.entry("hasnt", "has"), Map.entry("hadnt", "had"), Map.entry("wont", "will"),
            Map.entry("cannot", "can"), Map.entry("mustnt", "must"), Map.entry("neednt", "need"));

    static boolean isPunctuation(String token) {
        return token.length() == 1 && !Character.isLetterOrDigit(token.charAt(0));
    }

    /** Ends a clause: negation and intensifiers do not reach across it. */
    static boolean isClauseBreak(String token) {
        return isPunctuation(token) && !"/".equals(token);
    }

    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>(Math.max(8, text.length() / 4));
        int n = text.length();
        StringBuilder word = new StringBuilder(16);
        int i = 0;
        while (i < n) {
            char c = normalise(text.charAt(i));
            if (Character.isLetterOrDigit(c)) {
                word.setLength(0);
                while (i < n) {
                    char d = normalise(text.charAt(i));
                    if (Character.isLetterOrDigit(d)) {
                        word.append(Character.toLowerCase(d));
                        i++;
                    } else if (d == '\'' && i + 1 < n && Character.isLetter(normalise(text.charAt(i + 1)))
                            && word.length() > 0) {
                        word.append('\'');
                        i++;
                    } else {
                        break;
                    }
                }
                addWord(out, word.toString());
                continue;
            }
            if (c == ':' && i + 1 < n) {
                String face = face(text, i);
                if (face != null) {
                    out.add(face);
                    i += face.length();
                    continue;
                }
            }
            if (c == '(' && i + 1 < n && text.charAt(i + 1) == ':') {
                out.add("(:");
                i += 2;
                continue;
            }
            switch (c) {
                case '.', '…' -> {
                    if (out.isEmpty() || !".".equals(out.get(out.size() - 1))) {
                        out.add(".");
                    }
                }
                case '-' -> {
                    boolean joinsWords = i > 0 && i + 1 < n && Character.isLetterOrDigit(text.charAt(i - 1))
                            && Character.isLetterOrDigit(text.charAt(i + 1));
                    if (!joinsWords) {
                        out.add("-");
                    }
                }
                case ',', ';', ':', '!', '?', '(', ')', '/' -> out.add(String.valueOf(c));
                default -> {
                    // other symbols and whitespace separate words and are otherwise ignored
                }
            }
            i++;
        }
        return out;
    }

    private static String face(String text, int i) {
        char a = text.charAt(i + 1);
        if (a == ')' || a == '(' || a == 'D' || a == 'd') {
            boolean letterAfter = i + 2 < text.length() && Character.isLetter(text.charAt(i + 2));
            return a == ')' ? ":)" : a == '(' ? ":(" : letterAfter ? null : ":d";
        }
        if (a == '-' && i + 2 < text.length()) {
            char b = text.charAt(i + 2);
            if (b == ')') {
                return ":-)";
            }
            if (b == '(') {
                return ":-(";
            }
        }
        return null;
    }

    private static char normalise(char c) {
        return switch (c) {
            case '\u2019', '\u2018', '`', '\u00B4', '\u02BC' -> '\'';
            case '\u2013', '\u2014', '\u2212' -> '-';
            default -> c;
        };
    }

    private static void addWord(List<String> out, String w) {
        String bare = BARE_NEGATIONS.get(w);
        if (bare != null) {
            out.add(bare);
            out.add("not");
            return;
        }
        int apostrophe = w.indexOf('\'');
        if (apostrophe < 0) {
            out.add(w);
            return;
        }
        if (w.endsWith("n't")) {
            String stem = w.substring(0, w.length() - 3);
            switch (stem) {
                case "wo" -> out.add("will");
                case "ca" -> out.add("can");
                case "sha" -> out.add("shall");
                default -> out.add(stem);
            }
            out.add("not");
            return;
        }
        String stem = w.substring(0, apostrophe);
        String suffix = w.substring(apostrophe);
        switch (suffix) {
            case "'d" -> {
                out.add(stem);
                out.add("would");
            }
            case "'ve" -> {
                out.add(stem);
                out.add("have");
            }
            case "'ll" -> {
                out.add(stem);
                out.add("will");
            }
            case "'re" -> {
                out.add(stem);
                out.add("are");
            }
            case "'m" -> {
                out.add(stem);
                out.add("am");
            }
            case "'s" -> out.add(stem);
            default -> out.add(w.replace("'", ""));
        }
    }
}
