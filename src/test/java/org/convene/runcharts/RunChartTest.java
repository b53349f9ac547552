package org.convene.runcharts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;

/** The run-chart rules on constructed textbook series, each firing and just not firing. */
class RunChartTest {

    private static List<Double> series(double... values) {
        return DoubleStream.of(values).boxed().toList();
    }

    /** 2 for each '+', 1 for each '-': with as many of each, the median is 1.5 and no point is on it. */
    private static List<Double> signs(String pattern) {
        List<Double> out = new ArrayList<>();
        for (char c : pattern.toCharArray()) {
            out.add(c == '+' ? 2.0 : 1.0);
        }
        return out;
    }

    @Test
    void theMedianIsOfTheBaselineAndExtendsAcrossLaterPoints() {
        RunChart all = RunChart.of(series(1, 2, 3, 4, 5, 6, 100, 200));
        assertThat(all.median()).isEqualTo(4.5);
        assertThat(all.baseline()).isEqualTo(8);
        RunChart frozen = RunChart.of(series(1, 2, 3, 4, 5, 6, 100, 200), 6);
        assertThat(frozen.median()).isEqualTo(3.5);
        assertThat(frozen.baseline()).isEqualTo(6);
        assertThat(RunChart.of(series(4, 1, 9), 99).median()).as("a baseline longer than the series is all of it").isEqualTo(4);
    }

    @Test
    void sixPointsBelowTheMedianAreAShift() {
        // Baseline alternates about 11; then six points below it.
        RunChart chart = RunChart.of(series(10, 12, 10, 12, 10, 12, 9, 8, 9, 8, 9, 8), 6);
        assertThat(chart.median()).isEqualTo(11);
        assertThat(chart.signals(Rule.SHIFT)).containsExactly(new Signal(Rule.SHIFT, 6, 11, Direction.DOWN));
        assertThat(chart.rulesAt(6)).contains(Rule.SHIFT);
        assertThat(chart.rulesAt(5)).doesNotContain(Rule.SHIFT);
    }

    @Test
    void fivePointsOnOneSideAreNotAShift() {
        RunChart chart = RunChart.of(series(10, 12, 10, 12, 10, 12, 9, 8, 9, 8, 9), 6);
        assertThat(chart.fires(Rule.SHIFT)).isFalse();
        RunChart above = RunChart.of(series(10, 12, 10, 12, 10, 12, 13, 14, 13, 14, 13, 10), 6);
        assertThat(above.signals(Rule.SHIFT)).as("the baseline's last point joins five more above: six")
                .containsExactly(new Signal(Rule.SHIFT, 5, 10, Direction.UP));
    }

    @Test
    void pointsOnTheMedianNeitherBreakNorAddToAShift() {
        // Five below, with two on the median among them: not a shift.
        RunChart five = RunChart.of(series(10, 12, 10, 12, 10, 12, 9, 11, 8, 9, 11, 8, 9, 12), 6);
        assertThat(five.median()).isEqualTo(11);
        assertThat(five.fires(Rule.SHIFT)).isFalse();
        // One more below makes six: the shift runs from the first to the last of them, across the points on the median.
        RunChart six = RunChart.of(series(10, 12, 10, 12, 10, 12, 9, 11, 8, 9, 11, 8, 9, 8, 12), 6);
        assertThat(six.signals(Rule.SHIFT)).containsExactly(new Signal(Rule.SHIFT, 6, 13, Direction.DOWN));
        assertThat(six.useful()).isEqualTo(13);
    }

    @Test
    void fivePointsGoingUpAreATrendAndFourAreNot() {
        assertThat(RunChart.of(series(10, 9, 11, 12, 13, 14, 12)).signals(Rule.TREND))
                .containsExactly(new Signal(Rule.TREND, 1, 5, Direction.UP));
        assertThat(RunChart.of(series(10, 9, 11, 12, 13, 10)).fires(Rule.TREND)).isFalse();
        assertThat(RunChart.of(series(20, 18, 17, 15, 12, 16)).signals(Rule.TREND))
                .containsExactly(new Signal(Rule.TREND, 0, 4, Direction.DOWN));
    }

    @Test
    void likeValuesNeitherMakeNorBreakATrend() {
        // 1, 2, 2, 3, 4 is only four distinct steps' worth of points: no trend.
        assertThat(RunChart.of(series(1, 2, 2, 3, 4, 0)).fires(Rule.TREND)).isFalse();
        // One more rise makes five; the repeated 2 sits inside it and does not break it.
        assertThat(RunChart.of(series(1, 2, 2, 3, 4, 5, 0)).signals(Rule.TREND))
                .containsExactly(new Signal(Rule.TREND, 0, 5, Direction.UP));
    }

    @Test
    void aTrendUpThenDownShareTheirTurningPoint() {
        RunChart chart = RunChart.of(series(1, 2, 3, 4, 5, 4, 3, 2, 1));
        assertThat(chart.signals(Rule.TREND)).containsExactly(
                new Signal(Rule.TREND, 0, 4, Direction.UP), new Signal(Rule.TREND, 4, 8, Direction.DOWN));
    }

    @Test
    void runsAreCountedOnThePointsNotOnTheMedian() {
        assertThat(RunChart.of(signs("++--+-")).runs()).isEqualTo(4);
        RunChart withMedianPoints = RunChart.of(series(1, 3, 2, 3, 2, 1, 2, 1, 3));
        assertThat(withMedianPoints.median()).isEqualTo(2);
        assertThat(withMedianPoints.useful()).isEqualTo(6);
        // -, +, (on), +, (on), -, (on), -, +: the points on the median do not end a run.
        assertThat(withMedianPoints.runs()).isEqualTo(4);
    }

    @Test
    void tenUsefulPointsAllowThreeToNineRuns() {
        RunChart two = RunChart.of(signs("+++++-----"));
        assertThat(two.runs()).isEqualTo(2);
        assertThat(two.signals(Rule.TOO_FEW_RUNS)).containsExactly(new Signal(Rule.TOO_FEW_RUNS, 0, 9, null));
        RunChart three = RunChart.of(signs("++++-----+"));
        assertThat(three.runs()).isEqualTo(3);
        assertThat(three.fires(Rule.TOO_FEW_RUNS)).isFalse();
        RunChart nine = RunChart.of(signs("+-+-+-+--+"));
        assertThat(nine.runs()).isEqualTo(9);
        assertThat(nine.fires(Rule.TOO_MANY_RUNS)).isFalse();
        RunChart ten = RunChart.of(signs("+-+-+-+-+-"));
        assertThat(ten.runs()).isEqualTo(10);
        assertThat(ten.fires(Rule.TOO_MANY_RUNS)).isTrue();
        assertThat(ten.rulesAt(3)).contains(Rule.TOO_MANY_RUNS);
    }

    @Test
    void theRunsRuleDoesNotApplyBelowTenUsefulPoints() {
        RunChart chart = RunChart.of(signs("++++----"));
        assertThat(chart.runs()).isEqualTo(2);
        assertThat(chart.runsLimits()).isEmpty();
        assertThat(chart.fires(Rule.TOO_FEW_RUNS)).isFalse();
    }

    @Test
    void twentyAlternatingPointsAreTooManyRunsAndTwentyInTwoBlocksTooFew() {
        assertThat(RunChart.of(signs("+-".repeat(10))).fires(Rule.TOO_MANY_RUNS)).isTrue();
        RunChart blocks = RunChart.of(signs("+".repeat(10) + "-".repeat(10)));
        assertThat(blocks.fires(Rule.TOO_FEW_RUNS)).isTrue();
        assertThat(blocks.signals(Rule.SHIFT)).hasSize(2);
        // 16 runs is the most chance gives for 20 points (Perla et al., table 1); 6 the fewest.
        RunChart sixteen = RunChart.of(signs("+-+-+-+-+-+--++--++-"));
        assertThat(sixteen.runs()).isEqualTo(16);
        assertThat(sixteen.fires(Rule.TOO_MANY_RUNS)).isFalse();
        RunChart seventeen = RunChart.of(signs("+-+-+-+-+-+-+--++--+"));
        assertThat(seventeen.runs()).isEqualTo(17);
        assertThat(seventeen.fires(Rule.TOO_MANY_RUNS)).isTrue();
        RunChart six = RunChart.of(signs("+++++---++-----+++--"));
        assertThat(six.runs()).isEqualTo(6);
        assertThat(six.fires(Rule.TOO_FEW_RUNS)).isFalse();
        RunChart five = RunChart.of(signs("+++++-----+++-----++"));
        assertThat(five.runs()).isEqualTo(5);
        assertThat(five.fires(Rule.TOO_FEW_RUNS)).isTrue();
        assertThat(five.fires(Rule.SHIFT)).as("no run is 6 long").isFalse();
    }

    @Test
    void aSpikeFarFromBothNeighboursIsAnAstronomicalPoint() {
        RunChart chart = RunChart.of(series(10, 11, 10, 12, 11, 10, 30, 11, 10, 12));
        assertThat(chart.sigma()).hasValueSatisfying(s -> assertThat(s).isEqualTo(1 / 0.954));
        assertThat(chart.signals(Rule.ASTRONOMICAL_POINT)).containsExactly(new Signal(Rule.ASTRONOMICAL_POINT, 6, 6, Direction.UP));
        RunChart low = RunChart.of(series(10, 11, 10, 12, 11, 10, 2, 11, 10, 12));
        assertThat(low.signals(Rule.ASTRONOMICAL_POINT)).containsExactly(new Signal(Rule.ASTRONOMICAL_POINT, 6, 6, Direction.DOWN));
    }

    @Test
    void aPointJustInsideTheLimitIsNotAstronomical() {
        // sigma = 1 / 0.954; the limit is 3 * sqrt(2) * sigma = 4.447 from each neighbour.
        double limit = RunChart.ASTRONOMICAL_SIGMAS / 0.954;
        RunChart inside = RunChart.of(series(10, 11, 10, 11, 10, 11, 11 + limit - 0.01, 11, 10, 11));
        assertThat(inside.fires(Rule.ASTRONOMICAL_POINT)).isFalse();
        RunChart outside = RunChart.of(series(10, 11, 10, 11, 10, 11, 11 + limit + 0.01, 11, 10, 11));
        assertThat(outside.fires(Rule.ASTRONOMICAL_POINT)).isTrue();
    }

    @Test
    void theJumpToANewLevelIsAShiftNotAnAstronomicalPoint() {
        RunChart chart = RunChart.of(series(10, 11, 10, 12, 11, 10, 20, 21, 20, 22, 21, 20));
        assertThat(chart.fires(Rule.ASTRONOMICAL_POINT)).isFalse();
        assertThat(chart.fires(Rule.SHIFT)).isTrue();
    }

    @Test
    void theLatestPointIsFlaggedWhenItJumpsAwayUntilTheNextConfirmsANewLevel() {
        assertThat(RunChart.of(series(10, 11, 10, 12, 11, 10, 11, 10, 25)).signals(Rule.ASTRONOMICAL_POINT))
                .containsExactly(new Signal(Rule.ASTRONOMICAL_POINT, 8, 8, Direction.UP));
        assertThat(RunChart.of(series(10, 11, 10, 12, 11, 10, 11, 10, 25, 24)).fires(Rule.ASTRONOMICAL_POINT)).isFalse();
    }

    @Test
    void astronomicalPointsNeedEightPointsAndSomeVariation() {
        assertThat(RunChart.of(series(10, 11, 10, 30, 11, 10, 12)).fires(Rule.ASTRONOMICAL_POINT)).isFalse();
        assertThat(RunChart.of(series(10, 11, 10, 30, 11, 10, 12)).sigma()).isEmpty();
        RunChart flat = RunChart.of(series(5, 5, 5, 5, 5, 5, 5, 5, 5, 5));
        assertThat(flat.sigma()).isEmpty();
        assertThat(flat.useful()).isZero();
        assertThat(flat.runs()).isZero();
        assertThat(flat.signals()).isEmpty();
        // Mostly zeros (counts of rare events): the median moving range is 0, so the mean moving range is used.
        RunChart rare = RunChart.of(series(0, 0, 0, 1, 0, 0, 0, 0, 0, 9, 0, 0));
        assertThat(rare.sigma()).hasValueSatisfying(s -> assertThat(s).isEqualTo(20.0 / 11 / 1.128));
        assertThat(rare.signals(Rule.ASTRONOMICAL_POINT)).containsExactly(new Signal(Rule.ASTRONOMICAL_POINT, 9, 9, Direction.UP));
    }

    @Test
    void randomLookingDataFireNothing() {
        RunChart chart = RunChart.of(series(12, 15, 11, 14, 13, 16, 12, 10, 14, 13, 15, 11, 13, 16, 12, 14, 11, 15, 13, 12));
        assertThat(chart.signals()).isEmpty();
        assertThat(chart.runsLimits()).isPresent();
    }

    @Test
    void badSeriesAreRefused() {
        assertThatThrownBy(() -> RunChart.of(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RunChart.of(series(1, Double.NaN))).hasMessageContaining("point 2");
        assertThatThrownBy(() -> RunChart.of(series(1, 2), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
