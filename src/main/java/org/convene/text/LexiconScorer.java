package org.convene.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The baseline: a general-purpose lexicon scorer in the style of VADER (Hutto and Gilbert, 2014),
 * with Convene's own word list (valence.txt) and no knowledge of course feedback.
 *
 * <p>Each word or phrase in the lexicon contributes its valence, adjusted by
 * <ul>
 *   <li>intensifiers and dampeners in the three words before it ("very", "extremely", "slightly",
 *       "a bit"), each adding or taking away a fixed amount, less the further away it is;</li>
 *   <li>negation in the three words before it ("not", "n't", "never", "no", "hardly", "lack of"),
 *       which flips and shrinks the valence;</li>
 *   <li>contrast: at the first "but", "however", "although" or "though" the words before count half
 *       and the words after one and a half times;</li>
 *   <li>exclamation marks, which push the total further from zero.</li>
 * </ul>
 * The sum is squashed into (-1, 1); scores of at least 0.05 are positive, at most -0.05 negative.
 *
 * <p>Immutable and thread-safe.
 */
public final class LexiconScorer {
    static final double NEGATION = -0.74;
    static final double BOOST = 0.3;
    static final double ALPHA = 15;
    static final double EXCLAMATION = 0.29;
    static final double THRESHOLD = 0.05;

    static final Set<String> NEGATORS = Set.of("not", "no", "never", "none", "nobody", "nothing", "neither",
            "nor", "without", "hardly", "barely", "scarcely", "rarely", "seldom", "lack", "lacked", "lacking",
            "nowhere");

    /** Intensifiers (positive) and dampeners (negative), as multiples of {@link #BOOST}. */
    static final Map<String, Double> BOOSTERS = Map.ofEntries(
            Map.entry("very", 1.0), Map.entry("really", 1.0), Map.entry("extremely", 1.0), Map.entry("so", 1.0),
            Map.entry("incredibly", 1.0), Map.entry("absolutely", 1.0), Map.entry("completely", 1.0),
            Map.entry("totally", 1.0), Map.entry("utterly", 1.0), Map.entry("highly", 1.0), Map.entry("hugely", 1.0),
            Map.entry("massively", 1.0), Map.entry("particularly", 1.0), Map.entry("especially", 1.0),
            Map.entry("truly", 1.0), Map.entry("genuinely", 1.0), Map.entry("thoroughly", 1.0),
            Map.entry("deeply", 1.0), Map.entry("exceptionally", 1.0), Map.entry("remarkably", 1.0),
            Map.entry("super", 1.0), Map.entry("most", 1.0), Map.entry("such", 1.0), Map.entry("enormously", 1.0),
            Map.entry("tremendously", 1.0), Map.entry("seriously", 1.0), Map.entry("properly", 1.0),
            Map.entry("far", 1.0), Map.entry("way", 1.0), Map.entry("much", 1.0), Map.entry("even", 0.5),
            Map.entry("slightly", -1.0), Map.entry("somewhat", -1.0), Map.entry("fairly", -1.0),
            Map.entry("rather", -1.0), Map.entry("quite", -0.5), Map.entry("partly", -1.0),
            Map.entry("marginally", -1.0), Map.entry("mildly", -1.0), Map.entry("bit", -1.0),
            Map.entry("little", -1.0), Map.entry("kinda", -1.0), Map.entry("sorta", -1.0));

    static final Set<String> CONTRASTS = Set.of("but", "however", "although", "though");

    private final Lexicon lexicon;

    public LexiconScorer() {
        this(Lexicon.general());
    }

    LexiconScorer(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    public Sentiment score(String text) {
        double score = compound(text);
        Sentiment.Label label = score >= THRESHOLD ? Sentiment.Label.POSITIVE
                : score <= -THRESHOLD ? Sentiment.Label.NEGATIVE : Sentiment.Label.NEUTRAL;
        return new Sentiment(label, score);
    }

    /** The compound score in [-1, 1]. */
    public double compound(String text) {
        List<String> all = Tokenizer.tokens(text == null ? "" : text);
        List<String> words = new ArrayList<>(all.size());
        int exclamations = 0;
        for (String token : all) {
            if ("!".equals(token)) {
                exclamations++;
            } else if (!Tokenizer.isPunctuation(token) || token.length() > 1) {
                words.add(token);
            }
        }
        int n = words.size();
        double[] valence = new double[n];
        int i = 0;
        while (i < n) {
            Lexicon.Match match = lexicon.longest(words, i);
            if (match == null || match.kind() != Lexicon.Kind.VALENCE || match.valence() == 0) {
                i++;
                continue;
            }
            double v = match.valence();
            double sign = Math.signum(v);
            boolean negated = false;
            for (int back = 1; back <= 3 && i - back >= 0; back++) {
                String before = words.get(i - back);
                Double boost = BOOSTERS.get(before);
                if (boost != null && !("little".equals(before) || "bit".equals(before))
                        || boost != null && i - back - 1 >= 0 && "a".equals(words.get(i - back - 1))) {
                    v += sign * boost * BOOST * (1 - 0.05 * (back - 1));
                }
                if (NEGATORS.contains(before)) {
                    negated = true;
                }
            }
            if (negated) {
                v *= NEGATION;
            }
            valence[i] = v;
            i += match.length();
        }
        for (int c = 0; c < n; c++) {
            if (CONTRASTS.contains(words.get(c))) {
                for (int k = 0; k < n; k++) {
                    valence[k] *= k < c ? 0.5 : 1.5;
                }
                break;
            }
        }
        double sum = 0;
        for (double v : valence) {
            sum += v;
        }
        if (sum != 0) {
            sum += Math.signum(sum) * Math.min(exclamations, 4) * EXCLAMATION;
        }
        return Sentiment.normalise(sum, ALPHA);
    }
}
