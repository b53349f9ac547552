package org.convene.text;

import java.util.Locale;

/**
 * The sentiment of one comment: a label and a compound score from -1 (most negative) to +1 (most
 * positive). The label comes from the score and the analyser's thresholds.
 */
public record Sentiment(Label label, double score) {
    public enum Label {
        POSITIVE, NEGATIVE, NEUTRAL;

        /** "positive", "negative" or "neutral", as printed by the command line. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Label fromCode(String code) {
            return valueOf(code.strip().toUpperCase(Locale.ROOT));
        }
    }

    public Sentiment {
        if (label == null) {
            throw new IllegalArgumentException("label is required");
        }
        if (!(score >= -1 && score <= 1)) {
            throw new IllegalArgumentException("score must be in [-1, 1]: " + score);
        }
    }

    /** Squashes an unbounded valence sum into (-1, 1), as lexicon scorers conventionally do. */
    static double normalise(double sum, double alpha) {
        double score = sum / Math.sqrt(sum * sum + alpha);
        return Math.max(-1, Math.min(1, score));
    }
}
