package org.convene.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Throughput in comments per second on one thread, after warm-up: 50,000 comments made by cycling
 * through the labelled set. Excluded from the normal run; run with
 * {@code mvn -o test -Dtest='org.convene.text.SentimentThroughputBenchmarkTest' -Dtest.excludedGroups=none}.
 */
@Tag("bench")
class SentimentThroughputBenchmarkTest {
    private static final int COMMENTS = 50_000;

    @Test
    void reportsCommentsPerSecond() {
        List<String> labelled = LabelledComments.all().stream().map(LabelledComments::comment).toList();
        List<String> comments = new ArrayList<>(COMMENTS);
        for (int i = 0; i < COMMENTS; i++) {
            comments.add(labelled.get(i % labelled.size()));
        }
        double mean = comments.stream().mapToInt(String::length).average().orElse(0);
        System.out.printf(Locale.ROOT, "%,d comments, mean length %.0f characters, 1 thread%n", COMMENTS, mean);

        LexiconScorer baseline = new LexiconScorer();
        SentimentAnalyser product = SentimentAnalyser.standard();
        Themes themes = Themes.standard();
        double baselineRate = measure("baseline LexiconScorer", comments, c -> baseline.score(c).score());
        double productRate = measure("SentimentAnalyser", comments, c -> product.analyse(c).score());
        measure("Themes.theme", comments, c -> themes.theme(c).length());
        measure("CommentAnalysis (sentiment + theme)", comments, c -> CommentAnalysis.of(c).score());
        assertThat(baselineRate).isPositive();
        assertThat(productRate).isPositive();
    }

    private static double measure(String name, List<String> comments, ToDoubleFunction<String> work) {
        double sink = 0;
        for (int round = 0; round < 3; round++) { // warm-up
            for (String c : comments) {
                sink += work.applyAsDouble(c);
            }
        }
        double best = 0;
        for (int round = 0; round < 5; round++) {
            long start = System.nanoTime();
            for (String c : comments) {
                sink += work.applyAsDouble(c);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            best = Math.max(best, comments.size() / seconds);
        }
        System.out.printf(Locale.ROOT, "%-38s %,10.0f comments/s (best of 5 after 3 warm-up passes; checksum %.1f)%n",
                name, best, sink);
        return best;
    }
}
