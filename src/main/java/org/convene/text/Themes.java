package org.convene.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Groups module-feedback comments into a handful of named themes (themes.txt): online and
 * technology, venue and logistics, pace and timing, speakers and facilitators, networking with
 * peers, interactivity and group work, content and models, applying learning at work; "other" when
 * nothing points anywhere.
 *
 * <p>Each word or phrase of a theme adds its weight; words in the clause after "but" / "however"
 * count more, since that is usually what the comment is about ("good speakers, but far too little
 * time" is about time). The highest total wins; ties go to the theme listed first.
 *
 * <p>Immutable and thread-safe.
 */
public final class Themes {
    public static final String OTHER = "other";

    /** One theme across a set of comments. */
    public record Summary(String theme, String name, int count, double share, int positive, int negative,
                          int neutral, List<String> quotes) {
        public Summary {
            quotes = List.copyOf(quotes);
        }
    }

    /** A theme's code and display name. */
    public record Theme(String code, String name) {
    }

    private record Weight(int theme, double weight) {
    }

    private record Scored(String comment, String theme, Sentiment.Label label, double quality) {
    }

    private static final Pattern TEAMS_APP = Pattern.compile("(?<!^)(?<![.!?]\\s)\\bTeams\\b");
    private static final Set<String> EMPHASIS = Set.of("but", "however");

    private static final Themes STANDARD = new Themes(SentimentAnalyser.standard());

    private final List<Theme> themes = new ArrayList<>();
    private final Map<String, List<Weight>> entries = new HashMap<>();
    private final Map<String, List<Weight>> stems = new HashMap<>();
    private final Map<String, Integer> longestFrom = new HashMap<>();
    private final int online;
    private final SentimentAnalyser sentiment;

    Themes(SentimentAnalyser sentiment) {
        this.sentiment = sentiment;
        read("themes.txt");
        this.online = index("online");
    }

    /** The shared instance with the built-in theme words and the standard sentiment analyser. */
    public static Themes standard() {
        return STANDARD;
    }

    /** The themes in tie-break order, without "other". */
    public List<Theme> themes() {
        return List.copyOf(themes);
    }

    /** The display name of a theme code ("pace" is "Pace and timing"), "Other" for "other". */
    public String name(String code) {
        return themes.stream().filter(t -> t.code().equals(code)).map(Theme::name).findFirst().orElse("Other");
    }

    /** The code of the comment's main theme, or "other". */
    public String theme(String comment) {
        double[] scores = scores(comment);
        int best = best(scores);
        return best < 0 ? OTHER : themes.get(best).code();
    }

    double[] scores(String comment) {
        String text = comment == null ? "" : comment;
        List<String> t = Tokenizer.tokens(text);
        double[] scores = new double[themes.size()];
        double emphasis = 1;
        int i = 0;
        while (i < t.size()) {
            String token = t.get(i);
            if (".".equals(token) || "!".equals(token) || "?".equals(token)) {
                emphasis = 1;
            } else if (EMPHASIS.contains(token)) {
                emphasis = 1.5;
                for (int k = 0; k < scores.length; k++) {
                    scores[k] *= 0.75;
                }
            }
            int length = 1;
            List<Weight> found = null;
            Integer most = longestFrom.get(token);
            if (most != null) {
                StringBuilder key = new StringBuilder(token);
                for (int k = 1; k < most && i + k < t.size(); k++) {
                    key.append(' ').append(t.get(i + k));
                    List<Weight> w = entries.get(key.toString());
                    if (w != null) {
                        found = w;
                        length = k + 1;
                    }
                }
            }
            if (found == null) {
                found = entries.get(token);
            }
            if (found == null) {
                found = stem(token);
            }
            if (found != null) {
                for (Weight w : found) {
                    scores[w.theme()] += w.weight() * emphasis;
                }
            }
            i += length;
        }
        if (TEAMS_APP.matcher(text).find()) {
            scores[online] += 3;
        }
        return scores;
    }

    private List<Weight> stem(String token) {
        for (int end = token.length() - 1; end >= 3; end--) {
            List<Weight> w = stems.get(token.substring(0, end));
            if (w != null) {
                return w;
            }
        }
        return null;
    }

    private static int best(double[] scores) {
        int best = -1;
        double top = 1.5; // below this nothing clearly points to a theme
        for (int k = 0; k < scores.length; k++) {
            if (scores[k] >= top && (best < 0 || scores[k] > scores[best])) {
                best = k;
            }
        }
        return best;
    }

    /**
     * The themes of a set of comments, most frequent first, each with its count, share of all
     * (non-blank) comments, sentiment split and up to {@code quotesPerTheme} representative quotes.
     * Quotes are the clearest examples of the theme (the theme well ahead of the others), of a
     * readable length, without near-duplicates, and spread over the theme's sentiments in
     * proportion (the most common sentiment first).
     */
    public List<Summary> summarise(List<String> comments, int quotesPerTheme) {
        return summarise(comments, null, quotesPerTheme);
    }

    /**
     * As {@link #summarise(List, int)}, with each comment's sentiment label already known (from
     * {@link SentimentAnalyser#standard()}, as {@link #standard()} uses), so a caller that has
     * analysed the comments for other figures need not analyse them again. {@code labels} is
     * parallel to {@code comments}.
     */
    public List<Summary> summarise(List<String> comments, List<Sentiment.Label> labels, int quotesPerTheme) {
        if (quotesPerTheme < 0) {
            throw new IllegalArgumentException("quotesPerTheme must not be negative");
        }
        if (labels != null && labels.size() != comments.size()) {
            throw new IllegalArgumentException("One label per comment: " + labels.size() + " labels, " + comments.size() + " comments");
        }
        Map<String, List<Scored>> byTheme = new LinkedHashMap<>();
        int total = 0;
        for (int k = 0; k < comments.size(); k++) {
            String raw = comments.get(k);
            if (raw == null || raw.isBlank()) {
                continue;
            }
            String comment = raw.strip();
            total++;
            double[] scores = scores(comment);
            int best = best(scores);
            String code = best < 0 ? OTHER : themes.get(best).code();
            double quality = best < 0 ? 0 : quality(comment, scores, best);
            // Stripping changes no token, so the label of the comment as given is the label of the stripped one.
            Sentiment.Label label = labels == null ? sentiment.analyse(comment).label() : labels.get(k);
            byTheme.computeIfAbsent(code, k2 -> new ArrayList<>()).add(new Scored(comment, code, label, quality));
        }
        List<Summary> out = new ArrayList<>();
        for (Map.Entry<String, List<Scored>> e : byTheme.entrySet()) {
            List<Scored> members = e.getValue();
            int[] split = new int[3];
            for (Scored s : members) {
                split[s.label().ordinal()]++;
            }
            List<Scored> ranked = new ArrayList<>(members);
            ranked.sort(Comparator.comparingDouble(Scored::quality).reversed());
            List<String> quotes = new ArrayList<>();
            List<Set<String>> chosenWords = new ArrayList<>();
            int[] taken = new int[3];
            while (quotes.size() < quotesPerTheme) {
                // the sentiment that is most under-represented among the quotes so far (D'Hondt)
                int label = -1;
                for (int l = 0; l < 3; l++) {
                    if (split[l] > taken[l] && available(ranked, l, chosenWords)
                            && (label < 0 || (double) split[l] / (taken[l] + 1) > (double) split[label] / (taken[label] + 1))) {
                        label = l;
                    }
                }
                if (label < 0) {
                    break;
                }
                for (Scored s : ranked) {
                    if (s.label().ordinal() == label && !nearDuplicate(s.comment(), chosenWords)) {
                        quotes.add(s.comment());
                        chosenWords.add(words(s.comment()));
                        break;
                    }
                }
                taken[label]++;
            }
            out.add(new Summary(e.getKey(), name(e.getKey()), members.size(), (double) members.size() / total,
                    split[Sentiment.Label.POSITIVE.ordinal()], split[Sentiment.Label.NEGATIVE.ordinal()],
                    split[Sentiment.Label.NEUTRAL.ordinal()], quotes));
        }
        out.sort(Comparator.comparingInt(Summary::count).reversed()
                .thenComparing(s -> OTHER.equals(s.theme()) ? 1 : 0)
                .thenComparing(Summary::theme));
        return out;
    }

    private static boolean available(List<Scored> ranked, int label, List<Set<String>> chosen) {
        for (Scored s : ranked) {
            if (s.label().ordinal() == label && !nearDuplicate(s.comment(), chosen)) {
                return true;
            }
        }
        return false;
    }

    /** Clear and typical: the theme well ahead of the runner-up, 40 to 160 characters. */
    private static double quality(String comment, double[] scores, int best) {
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        double second = sorted.length > 1 ? sorted[sorted.length - 2] : 0;
        double clarity = (scores[best] - second) / scores[best];
        int length = comment.length();
        double readable = length < 25 ? 0.3 : length < 40 ? 0.7 : length <= 160 ? 1 : length <= 240 ? 0.6 : 0.3;
        return clarity * 0.6 + readable * 0.4 + Math.min(scores[best], 9) / 90;
    }

    private static Set<String> words(String comment) {
        Set<String> words = new HashSet<>();
        for (String t : Tokenizer.tokens(comment)) {
            if (!Tokenizer.isPunctuation(t)) {
                words.add(t);
            }
        }
        return words;
    }

    /** Same words, more or less: a Jaccard overlap of at least 0.6 with a quote already chosen. */
    private static boolean nearDuplicate(String comment, List<Set<String>> chosen) {
        Set<String> words = words(comment);
        for (Set<String> other : chosen) {
            Set<String> union = new HashSet<>(words);
            union.addAll(other);
            Set<String> both = new HashSet<>(words);
            both.retainAll(other);
            if (!union.isEmpty() && (double) both.size() / union.size() >= 0.6) {
                return true;
            }
        }
        return false;
    }

    private int index(String code) {
        for (int k = 0; k < themes.size(); k++) {
            if (themes.get(k).code().equals(code)) {
                return k;
            }
        }
        throw new IllegalStateException("No theme " + code);
    }

    private void read(String resource) {
        for (ResourceLines.Line numbered : ResourceLines.of(resource)) {
            int number = numbered.number();
            String line = numbered.text();
            if (line.startsWith("[")) {
                int close = line.indexOf(']');
                themes.add(new Theme(line.substring(1, close).strip(), line.substring(close + 1).strip()));
                continue;
            }
            int colon = line.indexOf(": ");
            if (colon < 0 || themes.isEmpty()) {
                throw new IllegalStateException(resource + ":" + number + ": expected '[theme] Name' or '<weight>: items'");
            }
            double weight = Double.parseDouble(line.substring(0, colon));
            int theme = themes.size() - 1;
            for (String item : line.substring(colon + 2).split(",")) {
                String text = item.strip().toLowerCase(Locale.ROOT);
                if (text.isEmpty()) {
                    continue;
                }
                if (text.endsWith("*")) {
                    add(stems, text.substring(0, text.length() - 1), theme, weight);
                    continue;
                }
                List<String> tokens = Tokenizer.tokens(text);
                String key = String.join(" ", tokens);
                add(entries, key, theme, weight);
                if (tokens.size() > 1) {
                    longestFrom.merge(tokens.get(0), tokens.size(), Math::max);
                }
            }
        }
    }

    private static void add(Map<String, List<Weight>> map, String key, int theme, double weight) {
        List<Weight> list = map.computeIfAbsent(key, k -> new ArrayList<>());
        for (int k = 0; k < list.size(); k++) {
            if (list.get(k).theme() == theme) {
                list.set(k, new Weight(theme, Math.max(weight, list.get(k).weight())));
                return;
            }
        }
        list.add(new Weight(theme, weight));
    }
}
