package org.convene.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One comment's sentiment and main theme. */
public record CommentAnalysis(String comment, Sentiment sentiment, String theme) {

    /** Analyses a comment with the standard sentiment analyser and themes. Thread-safe. */
    public static CommentAnalysis of(String comment) {
        return new CommentAnalysis(comment, SentimentAnalyser.standard().analyse(comment),
                Themes.standard().theme(comment));
    }

    public static List<CommentAnalysis> ofAll(List<String> comments) {
        List<CommentAnalysis> out = new ArrayList<>(comments.size());
        for (String comment : comments) {
            out.add(of(comment));
        }
        return out;
    }

    /** "positive", "negative" or "neutral". */
    public String label() {
        return sentiment.label().code();
    }

    public double score() {
        return sentiment.score();
    }

    /** {@code label<TAB>score<TAB>theme}, the score with three decimals. */
    public String line() {
        return String.format(Locale.ROOT, "%s\t%.3f\t%s", label(), score(), theme);
    }
}
