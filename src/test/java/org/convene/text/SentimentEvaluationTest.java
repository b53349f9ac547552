package org.convene.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The quality gate: accuracy and macro-F1 on the held-out comments, which were written before the
 * analyser and never used to adjust it. Prints the baseline and the product analyser side by side.
 */
class SentimentEvaluationTest {
    private final List<LabelledComments> all = LabelledComments.all();
    private final LexiconScorer baseline = new LexiconScorer();
    private final SentimentAnalyser product = SentimentAnalyser.standard();

    @Test
    void theDataSetHasEnoughVariedComments() {
        assertThat(all).hasSizeGreaterThanOrEqualTo(360);
        assertThat(all).extracting(LabelledComments::split).containsOnly("tune", "heldout");
        assertThat(all.stream().map(LabelledComments::comment).distinct().count()).isEqualTo(all.size());
        Map<Sentiment.Label, Long> labels = all.stream()
                .collect(Collectors.groupingBy(LabelledComments::label, Collectors.counting()));
        assertThat(labels.get(Sentiment.Label.POSITIVE)).isBetween(all.size() * 35L / 100, all.size() * 45L / 100);
        assertThat(labels.get(Sentiment.Label.NEGATIVE)).isBetween(all.size() * 25L / 100, all.size() * 35L / 100);
        assertThat(labels.get(Sentiment.Label.NEUTRAL)).isBetween(all.size() * 25L / 100, all.size() * 35L / 100);
        long heldout = all.stream().filter(c -> c.split().equals("heldout")).count();
        assertThat((double) heldout / all.size()).isBetween(0.35, 0.45);
    }

    @Test
    void theProductAnalyserMeetsTheGoalOnHeldOutComments() {
        List<LabelledComments> heldout = LabelledComments.split("heldout");
        List<LabelledComments> tune = LabelledComments.split("tune");
        Metrics base = Metrics.of(heldout, c -> baseline.score(c).label());
        Metrics ours = Metrics.of(heldout, c -> product.analyse(c).label());
        System.out.println("heldout baseline " + base.summary());
        System.out.println("heldout product  " + ours.summary());
        System.out.println("tune    baseline " + Metrics.of(tune, c -> baseline.score(c).label()).summary());
        System.out.println("tune    product  " + Metrics.of(tune, c -> product.analyse(c).label()).summary());
        System.out.println("heldout product confusion (rows true, columns predicted):\n" + ours.confusionTable());

        assertThat(ours.accuracy()).as("held-out accuracy").isGreaterThanOrEqualTo(0.80);
        assertThat(ours.macroF1()).as("held-out macro-F1").isGreaterThanOrEqualTo(0.78);
        assertThat(ours.accuracy()).as("better than the baseline").isGreaterThan(base.accuracy());
    }

    @Test
    void themesAgreeWithTheLabelledThemes() {
        Themes themes = Themes.standard();
        double tune = themeAccuracy(themes, LabelledComments.split("tune"));
        double heldout = themeAccuracy(themes, LabelledComments.split("heldout"));
        System.out.printf(java.util.Locale.ROOT, "theme accuracy: tune %.3f, heldout %.3f%n", tune, heldout);
        assertThat(heldout).as("held-out theme accuracy").isGreaterThanOrEqualTo(0.70);
    }

    private static double themeAccuracy(Themes themes, List<LabelledComments> rows) {
        return (double) rows.stream().filter(r -> themes.theme(r.comment()).equals(r.theme())).count() / rows.size();
    }
}
