package org.convene.text;

import java.util.List;
import java.util.Locale;

/**
 * Development aid: metrics and the misclassified comments of the TUNING split only (never the
 * held-out split), for adjusting lexicons and settings. Run its main method on the test classpath
 * (from an IDE, or {@code java -cp target/classes:target/test-classes:...}).
 */
final class TuningReport {
    public static void main(String[] args) {
        List<LabelledComments> tune = LabelledComments.split("tune");
        LexiconScorer baseline = new LexiconScorer();
        SentimentAnalyser product = SentimentAnalyser.standard();
        System.out.println("baseline " + Metrics.of(tune, c -> baseline.score(c).label()).summary());
        System.out.println("product  " + Metrics.of(tune, c -> product.analyse(c).label()).summary());
        System.out.println(Metrics.of(tune, c -> product.analyse(c).label()).confusionTable());
        for (LabelledComments row : tune) {
            Sentiment s = product.analyse(row.comment());
            if (s.label() != row.label()) {
                System.out.printf(Locale.ROOT, "%-8s -> %-8s %6.3f  %s%n", row.label().code(), s.label().code(),
                        s.score(), row.comment());
            }
        }
    }
}
