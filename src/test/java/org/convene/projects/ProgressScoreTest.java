package org.convene.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.convene.runcharts.RunChart;
import org.junit.jupiter.api.Test;

/** The progress score suggested from a project's data, level by level, and the balancing-measure hold. */
class ProgressScoreTest {
    /** Baseline about 10, then below it: for a lower-is-better measure, an improving shift of {@code after} points. */
    private static RunChart droppingAfter(int after) {
        List<Double> values = new ArrayList<>(List.of(10.0, 11.0, 9.0, 10.0, 12.0, 10.0));
        for (int i = 0; i < after; i++) {
            values.add(i % 2 == 0 ? 6.0 : 7.0);
        }
        return RunChart.of(values, 6);
    }

    private static RunChart flat() {
        return RunChart.of(List.of(5.0, 6.0, 5.0, 6.0, 5.0, 6.0, 5.0, 6.0));
    }

    private static ProgressScore.MeasureFacts outcome(RunChart chart) {
        return new ProgressScore.MeasureFacts("Falls", MeasureKind.OUTCOME, Better.LOWER, chart);
    }

    private static ProgressScore.Facts facts(List<ProgressScore.MeasureFacts> measures, int planned, int done, int adopted,
                                             ProjectStatus status) {
        return new ProgressScore.Facts(true, 3, status, measures, planned, done, adopted);
    }

    @Test
    void theScaleHasTenLevelsFromIntentToOutstandingResults() {
        assertThat(ProgressScore.levels()).hasSize(10);
        assertThat(ProgressScore.label(0.5)).isEqualTo("Intent to participate");
        assertThat(ProgressScore.label(2.5)).isEqualTo("Changes tested, but no improvement");
        assertThat(ProgressScore.label(5.0)).isEqualTo("Outstanding sustainable results");
        assertThat(ProgressScore.isLevel(1.5)).isTrue();
        assertThat(ProgressScore.isLevel(1.25)).isFalse();
        assertThat(ProgressScore.isLevel(5.5)).isFalse();
        assertThatThrownBy(() -> ProgressScore.label(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachLevelNeedsTheOnesBelowIt() {
        assertThat(ProgressScore.suggest(new ProgressScore.Facts(false, 3, ProjectStatus.ACTIVE, List.of(), 0, 0, 0)).score()).isEqualTo(0.5);
        assertThat(ProgressScore.suggest(new ProgressScore.Facts(true, 1, ProjectStatus.ACTIVE, List.of(), 0, 0, 0)).score()).isEqualTo(0.5);
        assertThat(ProgressScore.suggest(facts(List.of(), 0, 0, 0, ProjectStatus.ACTIVE)).score()).isEqualTo(1.0);
        assertThat(ProgressScore.suggest(facts(List.of(), 1, 0, 0, ProjectStatus.ACTIVE)).score()).isEqualTo(1.5);
        assertThat(ProgressScore.suggest(facts(List.of(outcome(null)), 0, 0, 0, ProjectStatus.ACTIVE)).score()).isEqualTo(1.5);
        assertThat(ProgressScore.suggest(facts(List.of(outcome(flat())), 1, 0, 0, ProjectStatus.ACTIVE)).score()).isEqualTo(2.0);
        ProgressScore.Suggestion tested = ProgressScore.suggest(facts(List.of(outcome(flat())), 1, 1, 0, ProjectStatus.ACTIVE));
        assertThat(tested.score()).isEqualTo(2.5);
        assertThat(tested.next()).startsWith("3.0 needs");
    }

    @Test
    void improvementOnAProcessMeasureIsModestAndOnAnOutcomeMeasureMore() {
        var process = new ProgressScore.MeasureFacts("Assessed in 24 hours", MeasureKind.PROCESS, Better.LOWER, droppingAfter(6));
        assertThat(ProgressScore.suggest(facts(List.of(process), 1, 1, 0, ProjectStatus.ACTIVE)).score()).isEqualTo(3.0);
        ProgressScore.Suggestion outcome = ProgressScore.suggest(facts(List.of(outcome(droppingAfter(6))), 1, 1, 0, ProjectStatus.ACTIVE));
        assertThat(outcome.score()).isEqualTo(3.5);
        assertThat(outcome.reasons()).contains("Falls (outcome) shows a shift of 6 points below the median, its improving direction.");
        // The same shift, where higher is better, is getting worse: no improvement.
        var worse = new ProgressScore.MeasureFacts("Falls", MeasureKind.OUTCOME, Better.HIGHER, droppingAfter(6));
        assertThat(ProgressScore.suggest(facts(List.of(worse), 1, 1, 0, ProjectStatus.ACTIVE)).score()).isEqualTo(2.5);
    }

    @Test
    void significantSustainableAndOutstandingNeedAdoptedChangesTimeAndCompletion() {
        assertThat(ProgressScore.suggest(facts(List.of(outcome(droppingAfter(6))), 1, 1, 1, ProjectStatus.ACTIVE)).score()).isEqualTo(4.0);
        assertThat(ProgressScore.suggest(facts(List.of(outcome(droppingAfter(9))), 1, 1, 1, ProjectStatus.ACTIVE)).score()).isEqualTo(4.0);
        ProgressScore.Suggestion sustained = ProgressScore.suggest(facts(List.of(outcome(droppingAfter(10))), 1, 1, 1, ProjectStatus.ACTIVE));
        assertThat(sustained.score()).isEqualTo(4.5);
        assertThat(sustained.next()).contains("completed");
        assertThat(ProgressScore.suggest(facts(List.of(outcome(droppingAfter(10))), 1, 1, 1, ProjectStatus.COMPLETED)).score()).isEqualTo(5.0);
        // A second outcome measure without a sustained improvement keeps it at 4.5.
        var other = new ProgressScore.MeasureFacts("Harm", MeasureKind.OUTCOME, Better.LOWER, flat());
        assertThat(ProgressScore.suggest(facts(List.of(outcome(droppingAfter(10)), other), 1, 1, 1, ProjectStatus.COMPLETED)).score())
                .isEqualTo(4.5);
        // A shift that has stopped before the latest point is not sustained.
        List<Double> back = new ArrayList<>(droppingAfter(10).values());
        back.add(12.0);
        back.add(11.0);
        assertThat(ProgressScore.suggest(facts(List.of(outcome(RunChart.of(back, 6))), 1, 1, 1, ProjectStatus.ACTIVE)).score()).isEqualTo(4.0);
    }

    @Test
    void aBalancingMeasureGettingWorseHoldsTheSuggestionAtThree() {
        var overtime = new ProgressScore.MeasureFacts("Overtime", MeasureKind.BALANCING, Better.HIGHER, droppingAfter(6));
        ProgressScore.Suggestion held = ProgressScore.suggest(facts(List.of(outcome(droppingAfter(10)), overtime), 1, 1, 1, ProjectStatus.ACTIVE));
        assertThat(held.score()).isEqualTo(3.0);
        assertThat(held.reasons().get(held.reasons().size() - 1)).startsWith("Held at 3.0: Overtime (balancing) shows a shift");
        var fine = new ProgressScore.MeasureFacts("Overtime", MeasureKind.BALANCING, Better.LOWER, droppingAfter(6));
        assertThat(ProgressScore.suggest(facts(List.of(outcome(droppingAfter(10)), fine), 1, 1, 1, ProjectStatus.ACTIVE)).score()).isEqualTo(4.5);
        // Below the hold it changes nothing.
        assertThat(ProgressScore.suggest(facts(List.of(overtime), 1, 0, 0, ProjectStatus.ACTIVE)).score()).isEqualTo(2.0);
    }
}
