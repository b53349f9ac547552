package org.convene.text;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Word and phrase valences read from the text resources in this package (valence.txt, and for the
 * product analyser feedback.txt on top). Immutable once loaded, so safe to share between threads.
 */
final class Lexicon {
    /** What a matched word or phrase is. */
    enum Kind { VALENCE, MIXED, WISH }

    record Match(int length, double valence, Kind kind) {
    }

    private final Map<String, Match> entries;
    /** For each first token of a multi-token entry, the longest entry starting with it (in tokens). */
    private final Map<String, Integer> longestFrom;
    private final Map<String, Double> negatedOnly;

    private Lexicon(Map<String, Match> entries, Map<String, Double> negatedOnly) {
        this.entries = Map.copyOf(entries);
        this.negatedOnly = Map.copyOf(negatedOnly);
        Map<String, Integer> longest = new HashMap<>();
        entries.forEach((key, match) -> {
            if (match.length() > 1) {
                longest.merge(key.substring(0, key.indexOf(' ')), match.length(), Math::max);
            }
        });
        this.longestFrom = Map.copyOf(longest);
    }

    /** The general-purpose lexicon only. */
    static Lexicon general() {
        return load("valence.txt");
    }

    /** The general lexicon with the course-feedback entries on top. */
    static Lexicon feedback() {
        return load("valence.txt", "feedback.txt");
    }

    static Lexicon load(String... resources) {
        return load(key -> true, resources);
    }

    /** Loads the resources keeping only the entries of the last one whose key passes the filter. */
    static Lexicon load(java.util.function.Predicate<String> keepFromLast, String... resources) {
        Map<String, Match> entries = new HashMap<>();
        Map<String, Double> negatedOnly = new HashMap<>();
        for (int r = 0; r < resources.length; r++) {
            Map<String, Match> fromThisFile = new HashMap<>();
            Map<String, Double> negatedFromThisFile = new HashMap<>();
            read(resources[r], fromThisFile, negatedFromThisFile);
            if (r == resources.length - 1) {
                fromThisFile.keySet().removeIf(keepFromLast.negate());
                negatedFromThisFile.keySet().removeIf(keepFromLast.negate());
            }
            entries.putAll(fromThisFile);
            negatedOnly.putAll(negatedFromThisFile);
        }
        return new Lexicon(entries, negatedOnly);
    }

    /** The keys (words and space-separated phrases) listed in one resource. */
    static java.util.Set<String> keys(String resource) {
        Map<String, Match> entries = new HashMap<>();
        Map<String, Double> negatedOnly = new HashMap<>();
        read(resource, entries, negatedOnly);
        java.util.Set<String> keys = new java.util.HashSet<>(entries.keySet());
        keys.addAll(negatedOnly.keySet());
        return keys;
    }

    private static void read(String resource, Map<String, Match> entries, Map<String, Double> negatedOnly) {
        for (ResourceLines.Line numbered : ResourceLines.of(resource)) {
            int number = numbered.number();
            String line = numbered.text();
            int colon = line.indexOf(": ");
            if (colon < 0) {
                throw new IllegalStateException(resource + ":" + number + ": expected '<valence>: items'");
            }
            String head = line.substring(0, colon);
            Kind kind = Kind.VALENCE;
            boolean negated = false;
            double valence = 0;
            if ("mixed".equals(head)) {
                kind = Kind.MIXED;
            } else if (head.startsWith("wish ")) {
                kind = Kind.WISH;
                valence = Double.parseDouble(head.substring(5));
            } else {
                negated = head.startsWith("~");
                valence = Double.parseDouble(negated ? head.substring(1) : head);
            }
            for (String item : line.substring(colon + 2).split(",")) {
                List<String> tokens = Tokenizer.tokens(item.strip());
                if (tokens.isEmpty()) {
                    continue;
                }
                String key = String.join(" ", tokens);
                if (negated) {
                    if (tokens.size() != 1) {
                        throw new IllegalStateException(resource + ":" + number + ": '" + item
                                + "': only single words can have a negated-only valence");
                    }
                    negatedOnly.put(key, valence);
                } else if (entries.put(key, new Match(tokens.size(), valence, kind)) != null) {
                    throw new IllegalStateException(resource + ":" + number + ": '" + key + "' is listed twice");
                }
            }
        }
    }

    /** The longest entry starting at token {@code i}, or null. */
    Match longest(List<String> tokens, int i) {
        String first = tokens.get(i);
        Integer most = longestFrom.get(first);
        Match best = null;
        if (most != null) {
            StringBuilder key = new StringBuilder(first);
            int limit = Math.min(most, tokens.size() - i);
            for (int k = 1; k < limit; k++) {
                key.append(' ').append(tokens.get(i + k));
                Match m = entries.get(key.toString());
                if (m != null) {
                    best = m;
                }
            }
        }
        return best != null ? best : entries.get(first);
    }

    /** The valence of a single word, 0 if it has none. */
    double word(String token) {
        Match m = entries.get(token);
        return m == null || m.kind() == Kind.MIXED ? 0 : m.valence();
    }

    /** The valence a word without one of its own takes when negated ("couldn't hear"), or 0. */
    double negatedOnly(String token) {
        return negatedOnly.getOrDefault(token, 0.0);
    }

    int size() {
        return entries.size();
    }
}
