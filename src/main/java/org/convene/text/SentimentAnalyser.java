package org.convene.text;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sentiment of module-feedback comments, as used by the product.
 *
 * <p>It starts from the same general lexicon as the {@link LexiconScorer} baseline and adds what
 * course feedback needs (feedback.txt):
 * <ul>
 *   <li>complaints made without strong words: "difficult to get to", "too many acronyms", "ran
 *       over", "felt rushed", "hard to hear", "would have liked more", "more time for", "could be
 *       improved"; any "too" + word ("too long", "far too little time"), except "too soon to say";
 *       words that only carry meaning when negated ("couldn't hear", "didn't work", "never sent");</li>
 *   <li>health and care words that are not sentiment ("trusts", "social care", "wicked problems",
 *       "difficult conversations", "improvement project");</li>
 *   <li>lukewarm verdicts ("ok", "fine", "decent") that are neutral on their own, and markers of a
 *       deliberately balanced comment ("mixed bag", "good in parts");</li>
 *   <li>the WWW / EBI ("what went well" / "even better if") convention: an EBI part counts as a
 *       complaint unless it says there is nothing to improve, a WWW part as praise;</li>
 *   <li>clause-aware negation and intensifiers (they stop at punctuation and conjunctions),
 *       multiplicative intensifiers and dampeners ("a bit long" is milder than "long"), "less" before
 *       praise ("less engaging"), and "rather than" (what follows is what the writer did not get);</li>
 *   <li>contrast per sentence: after "but" / "however" the clause after counts more; an opening
 *       "although" / "despite" clause counts less than the main clause that follows it.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe; one shared instance is enough ({@link #standard()}).
 */
public final class SentimentAnalyser {

    /** The numbers that shape the score; the defaults were chosen on the tuning split only. */
    record Settings(double negation, double boost, double dampen, double tooValence, double butBefore,
                    double butAfter, double concessionBefore, double concessionAfter, double wwwMinimum,
                    double ebiMinimum, double ebiNothing, double mixed, double exclamation, double alpha,
                    double positiveThreshold, double negativeThreshold) {
        static final Settings DEFAULT = new Settings(-0.74, 0.3, 0.55, -1.6, 0.5, 1.0, 0.75, 1.25, 1.2, 1.2, 1.0,
                0.35, 0.25, 15, 0.2, 0.2);
    }

    private static final Set<String> NEGATORS = LexiconScorer.NEGATORS;
    private static final Set<String> SCOPE_ENDS = Set.of("but", "however", "although", "though", "and",
            "because", "while", "whilst", "if", "otherwise", "except");
    private static final Map<String, Double> BOOSTERS = Map.ofEntries(
            Map.entry("very", 1.0), Map.entry("really", 1.0), Map.entry("extremely", 1.2), Map.entry("so", 1.0),
            Map.entry("incredibly", 1.2), Map.entry("absolutely", 1.2), Map.entry("completely", 1.0),
            Map.entry("totally", 1.0), Map.entry("utterly", 1.2), Map.entry("highly", 1.0), Map.entry("hugely", 1.0),
            Map.entry("massively", 1.0), Map.entry("particularly", 0.8), Map.entry("especially", 0.8),
            Map.entry("truly", 1.0), Map.entry("genuinely", 1.0), Map.entry("thoroughly", 1.0),
            Map.entry("deeply", 1.0), Map.entry("exceptionally", 1.2), Map.entry("remarkably", 1.0),
            Map.entry("super", 1.0), Map.entry("most", 0.8), Map.entry("such", 0.8), Map.entry("enormously", 1.0),
            Map.entry("seriously", 1.0), Map.entry("properly", 0.8), Map.entry("even", 0.5),
            Map.entry("ever", 0.5), Map.entry("all", 0.3));
    /** Intensifiers that only intensify a comparative or "too": "far too", "way more", "much better". */
    private static final Set<String> COMPARATIVE_BOOSTERS = Set.of("far", "way", "much", "even", "a lot", "lot");
    private static final Set<String> COMPARATIVES = Set.of("too", "more", "less", "better", "worse", "fewer",
            "longer", "shorter", "clearer");
    private static final Set<String> DAMPENERS = Set.of("slightly", "somewhat", "fairly", "rather", "quite",
            "partly", "marginally", "mildly", "bit", "little", "kinda", "sorta", "generally", "mostly", "maybe",
            "perhaps", "possibly", "probably", "occasionally", "sometimes", "almost", "largely", "relatively");
    private static final Set<String> CONTRASTS = Set.of("but", "however", "yet", "although", "though", "despite",
            "whilst");
    private static final Set<String> TOO_QUANTITIES = Set.of("much", "many", "little", "few");
    private static final Set<String> EBI_NOTHING = Set.of("nothing", "none", "n", "can", "keep", "no");

    private static final SentimentAnalyser STANDARD = new SentimentAnalyser(Lexicon.feedback(), Settings.DEFAULT);

    private final Lexicon lexicon;
    private final Settings settings;

    SentimentAnalyser(Lexicon lexicon, Settings settings) {
        this.lexicon = lexicon;
        this.settings = settings;
    }

    /** The shared instance with the built-in lexicons. */
    public static SentimentAnalyser standard() {
        return STANDARD;
    }

    public Sentiment analyse(String comment) {
        double score = Sentiment.normalise(valence(comment), settings.alpha());
        Sentiment.Label label = score >= settings.positiveThreshold() ? Sentiment.Label.POSITIVE
                : score <= -settings.negativeThreshold() ? Sentiment.Label.NEGATIVE : Sentiment.Label.NEUTRAL;
        return new Sentiment(label, score);
    }

    /** The unbounded valence sum, before squashing into a score. */
    double valence(String comment) {
        List<String> t = Tokenizer.tokens(comment == null ? "" : comment);
        int n = t.size();
        double[] v = new double[n];
        boolean[] inPhrase = new boolean[n];
        int[] marker = new int[n]; // +1 WWW, -1 EBI at the marker's first token
        boolean mixed = false;
        boolean suppressed = false; // after "rather than", until the end of the clause
        boolean wishing = false; // after "would have liked", until the end of the clause
        int exclamations = 0;

        int i = 0;
        while (i < n) {
            String token = t.get(i);
            if (Tokenizer.isPunctuation(token)) {
                if ("!".equals(token)) {
                    exclamations++;
                }
                if (Tokenizer.isClauseBreak(token)) {
                    suppressed = false;
                    wishing = false;
                }
                i++;
                continue;
            }
            int condition = condition(t, i);
            if (condition > 0) {
                // "rather than X", "as long as X", "depending on X": X is not what the writer got
                suppressed = true;
                i += condition;
                continue;
            }
            if (!mixed && balances(t, i)) {
                mixed = true;
            }
            int markerLength = marker(t, i);
            if (markerLength != 0) {
                marker[i] = markerLength > 0 ? 1 : -1;
                i += Math.abs(markerLength);
                continue;
            }
            Lexicon.Match match = lexicon.longest(t, i);
            if (match != null && match.kind() == Lexicon.Kind.MIXED) {
                mixed = true;
                markPhrase(inPhrase, i, match.length());
                i += match.length();
                continue;
            }
            double value;
            int length;
            boolean isPhrase;
            if ("too".equals(token) && (match == null || match.length() == 1) && i + 1 < n
                    && !Tokenizer.isPunctuation(t.get(i + 1))) {
                // "too long", "far too little time", "too many acronyms": a complaint whatever the word
                value = settings.tooValence();
                length = 2;
                double next = lexicon.word(t.get(i + 1));
                if (TOO_QUANTITIES.contains(t.get(i + 1)) && i + 2 < n && !Tokenizer.isPunctuation(t.get(i + 2))) {
                    next = Math.min(next, lexicon.word(t.get(i + 2)));
                    length = 3;
                }
                if (next < 0) {
                    value += 0.5 * next;
                }
                isPhrase = true;
            } else if (match != null) {
                value = match.valence();
                length = match.length();
                isPhrase = length > 1;
            } else {
                value = 0;
                length = 1;
                isPhrase = false;
            }
            if (suppressed) {
                i += length;
                continue;
            }
            if (wishing && value > 0) {
                value = 0; // "would have liked more PRACTICAL examples": wished for, not had
            }
            if (match != null && match.kind() == Lexicon.Kind.WISH && length == match.length()) {
                wishing = true;
            }
            value = modify(t, i, value, inPhrase);
            v[i] = value;
            if (isPhrase) {
                markPhrase(inPhrase, i, length);
            }
            i += length;
        }

        weighContrasts(t, v);
        double sum = markedSum(t, v, marker);
        if (mixed) {
            sum *= settings.mixed();
        }
        if (sum != 0) {
            sum += Math.signum(sum) * Math.min(exclamations, 3) * settings.exclamation();
        }
        return sum;
    }

    private static void markPhrase(boolean[] inPhrase, int start, int length) {
        for (int k = start; k < start + length && k < inPhrase.length; k++) {
            inPhrase[k] = true;
        }
    }

    /** Length of a "rather than" / "as long as" / "depending on" / "provided (that)" at i, else 0. */
    private static int condition(List<String> t, int i) {
        String token = t.get(i);
        String next = i + 1 < t.size() ? t.get(i + 1) : "";
        switch (token) {
            case "rather":
                return "than".equals(next) ? 2 : 0;
            case "depending":
                return "on".equals(next) ? 2 : 0;
            case "provided":
                return "that".equals(next) ? 2 : 1;
            case "as":
                return "long".equals(next) && i + 2 < t.size() && "as".equals(t.get(i + 2)) ? 3 : 0;
            default:
                return 0;
        }
    }

    /**
     * A comment that weighs parts against each other: "some ..., others ...", "some ..., some ...",
     * "one ..., the other ...".
     */
    private static boolean balances(List<String> t, int i) {
        String token = t.get(i);
        boolean some = "some".equals(token);
        boolean one = "one".equals(token);
        if (!some && !one || i > 0 && !Tokenizer.isPunctuation(t.get(i - 1)) && !"mixed".equals(t.get(i - 1))) {
            return false; // only at the start of a clause
        }
        for (int k = i + 2; k < t.size(); k++) {
            String later = t.get(k);
            boolean clauseStart = Tokenizer.isPunctuation(t.get(k - 1)) || SCOPE_ENDS.contains(t.get(k - 1));
            if (some && clauseStart && ("some".equals(later) || "others".equals(later) || "other".equals(later))) {
                return true;
            }
            if (one && "other".equals(later) && "the".equals(t.get(k - 1))) {
                return true;
            }
        }
        return false;
    }

    /** Length of a WWW marker (positive) or EBI marker (negative) at i, 0 if none. */
    private static int marker(List<String> t, int i) {
        String token = t.get(i);
        if ("www".equals(token)) {
            return 1;
        }
        if ("ebi".equals(token)) {
            return -1;
        }
        if (i + 2 < t.size()) {
            String a = t.get(i + 1);
            String b = t.get(i + 2);
            if ("what".equals(token) && "went".equals(a) && "well".equals(b)) {
                return 3;
            }
            if ("even".equals(token) && "better".equals(a) && "if".equals(b)) {
                return -3;
            }
        }
        return 0;
    }

    /** Applies intensifiers, dampeners, "less" and negation found before position i, within its clause. */
    private double modify(List<String> t, int i, double value, boolean[] inPhrase) {
        boolean negated = false;
        double factor = 1;
        for (int back = 1; back <= 3 && i - back >= 0; back++) {
            int j = i - back;
            String before = t.get(j);
            if (Tokenizer.isClauseBreak(before) || SCOPE_ENDS.contains(before)) {
                break;
            }
            if (inPhrase[j]) {
                continue;
            }
            double decay = 1 - 0.1 * (back - 1);
            Double boost = BOOSTERS.get(before);
            if (boost != null) {
                factor *= 1 + settings.boost() * boost * decay;
            } else if (COMPARATIVE_BOOSTERS.contains(before) && back == 1 && COMPARATIVES.contains(t.get(i))) {
                factor *= 1 + settings.boost() * decay;
            } else if (DAMPENERS.contains(before)) {
                factor *= settings.dampen();
            } else if ("less".equals(before) && back == 1 && value > 0) {
                factor *= -0.5;
            } else if (NEGATORS.contains(before)) {
                negated = true;
            }
        }
        if (value == 0) {
            return negated ? lexicon.negatedOnly(t.get(i)) : 0;
        }
        value *= factor;
        return negated ? value * settings.negation() : value;
    }

    /**
     * Within each sentence, the clause after "but" / "however" weighs more than the one before; a
     * sentence-initial "however" / "but" weighs the whole text before it down. An opening "although" /
     * "though" / "despite" clause (up to its comma) is the concession and weighs less than the main
     * clause; a "though" / "although" later in a sentence introduces a reservation.
     */
    private void weighContrasts(List<String> t, double[] v) {
        int n = t.size();
        int sentenceStart = 0;
        for (int i = 0; i < n; i++) {
            String token = t.get(i);
            if (".".equals(token) || "!".equals(token) || "?".equals(token)) {
                sentenceStart = i + 1;
                continue;
            }
            if (!CONTRASTS.contains(token)) {
                continue;
            }
            int end = sentenceEnd(t, i);
            boolean opens = firstWord(t, sentenceStart) == i;
            switch (token) {
                case "but", "however", "yet" -> {
                    if ("yet".equals(token) && !(i > 0 && (",".equals(t.get(i - 1)) || "and".equals(t.get(i - 1))))) {
                        continue;
                    }
                    int from = opens ? 0 : sentenceStart;
                    scale(v, from, i, settings.butBefore());
                    scale(v, i, end, settings.butAfter());
                }
                case "although", "though", "despite", "whilst" -> {
                    if (opens) {
                        int comma = i;
                        while (comma < end && !",".equals(t.get(comma))) {
                            comma++;
                        }
                        if (comma < end) {
                            scale(v, i, comma, settings.butBefore());
                            scale(v, comma, end, settings.butAfter());
                        }
                    } else if (!"despite".equals(token)) {
                        scale(v, sentenceStart, i, settings.concessionBefore());
                        scale(v, i, end, settings.concessionAfter());
                    }
                }
                default -> {
                }
            }
        }
    }

    private static int sentenceEnd(List<String> t, int from) {
        int k = from;
        while (k < t.size() && !".".equals(t.get(k)) && !"!".equals(t.get(k)) && !"?".equals(t.get(k))) {
            k++;
        }
        return k;
    }

    private static int firstWord(List<String> t, int from) {
        int k = from;
        while (k < t.size() && Tokenizer.isPunctuation(t.get(k))) {
            k++;
        }
        return k;
    }

    private static void scale(double[] v, int from, int to, double factor) {
        for (int k = from; k < to; k++) {
            v[k] *= factor;
        }
    }

    /** Sums the valences, treating WWW parts as praise and EBI parts as complaints. */
    private double markedSum(List<String> t, double[] v, int[] marker) {
        double sum = 0;
        int k = 0;
        int n = v.length;
        while (k < n && marker[k] == 0) {
            sum += v[k++];
        }
        while (k < n) {
            int kind = marker[k];
            int start = k++;
            double positive = 0;
            double negative = 0;
            while (k < n && marker[k] == 0) {
                if (v[k] > 0) {
                    positive += v[k];
                } else {
                    negative += v[k];
                }
                k++;
            }
            if (kind > 0) {
                sum += Math.max(positive + negative, settings.wwwMinimum());
            } else if (saysNothingToImprove(t, start, k)) {
                sum += settings.ebiNothing();
            } else {
                sum += Math.min(negative, -settings.ebiMinimum());
            }
        }
        return sum;
    }

    /** "EBI: nothing", "EBI - can't think of anything", "EBI: keep doing what you're doing", "EBI: n/a". */
    private static boolean saysNothingToImprove(List<String> t, int start, int end) {
        int seen = 0;
        for (int k = start + 1; k < end && seen < 4; k++) {
            String token = t.get(k);
            if (Tokenizer.isPunctuation(token) || "ebi".equals(token) || "if".equals(token)
                    || "honestly".equals(token) || "really".equals(token)) {
                continue;
            }
            seen++;
            if (EBI_NOTHING.contains(token)) {
                if ("can".equals(token)) {
                    return k + 2 < end && "not".equals(t.get(k + 1)) && "think".equals(t.get(k + 2));
                }
                if ("keep".equals(token)) {
                    return k + 1 < end && "doing".equals(t.get(k + 1));
                }
                if ("n".equals(token)) {
                    return k + 2 < end && "/".equals(t.get(k + 1));
                }
                return true;
            }
        }
        return false;
    }
}
