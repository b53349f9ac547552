package org.convene.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DistributionTest {

    @Test
    void likertCountsSharesMeanAndMedian() {
        Distribution d = Distribution.likert5(Arrays.asList(5, 4, 4, null, 3, 5, 4, 2, null));

        assertThat(d.options()).containsExactly("1", "2", "3", "4", "5");
        assertThat(d.counts()).containsExactly(0, 1, 1, 3, 2);
        assertThat(d.responses()).isEqualTo(7);
        assertThat(d.missing()).isEqualTo(2);
        assertThat(d.share(3)).isCloseTo(3.0 / 7, within(1e-15));
        assertThat(d.mean()).hasValueCloseTo(27.0 / 7, within(1e-12));
        assertThat(d.median()).hasValue(4.0);
        assertThat(d.values()).containsExactly(2, 3, 4, 4, 4, 5, 5);
        assertThat(d.isScale()).isTrue();
    }

    @Test
    void medianOfAnEvenCountIsHalfwayBetweenTheMiddleAnswers() {
        assertThat(Distribution.likert5(List.of(1, 3, 4, 5)).median()).hasValue(3.5);
        assertThat(Distribution.likert5(List.of(2, 2, 2, 5)).median()).hasValue(2.0);
    }

    @Test
    void zeroToTen() {
        Distribution d = Distribution.zeroToTen(List.of(0, 10, 10, 7));
        assertThat(d.options()).hasSize(11).startsWith("0").endsWith("10");
        assertThat(d.count(0)).isEqualTo(1);
        assertThat(d.count(10)).isEqualTo(2);
        assertThat(d.mean()).hasValue(6.75);
        assertThat(d.median()).hasValue(8.5);
    }

    @Test
    void percentagesAddUpToOneHundred() {
        // 1/3 each: 33.3 % three times; the first option takes the spare point.
        assertThat(Distribution.ofScaleCounts(1, List.of(1, 1, 1), 0).percentages()).containsExactly(34, 33, 33);
        // 7 answers: 14.29, 28.57, 57.14 -> 14, 29, 57
        assertThat(Distribution.ofScaleCounts(1, List.of(1, 2, 4), 0).percentages()).containsExactly(14, 29, 57);
        Distribution many = Distribution.ofScaleCounts(0, List.of(3, 1, 1, 1, 1, 1, 2, 3, 5, 8, 4), 0);
        assertThat(many.percentages().stream().mapToInt(Integer::intValue).sum()).isEqualTo(100);
        assertThat(Distribution.likert5(List.of()).percentages()).containsOnly(0);
    }

    @Test
    void emptyDistributionHasNoMeanAndNaNShares() {
        Distribution d = Distribution.likert5(Arrays.asList(null, null));
        assertThat(d.responses()).isZero();
        assertThat(d.missing()).isEqualTo(2);
        assertThat(d.mean()).isEmpty();
        assertThat(d.median()).isEmpty();
        assertThat(d.share(0)).isNaN();
    }

    @Test
    void singleChoice() {
        List<String> sectors = List.of("NHS", "Local authority", "Voluntary", "Independent");
        Distribution d = Distribution.ofChoices(sectors, Arrays.asList("NHS", "NHS", "Voluntary", null));
        assertThat(d.counts()).containsExactly(2, 0, 1, 0);
        assertThat(d.responses()).isEqualTo(3);
        assertThat(d.share(0)).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(d.mean()).isEmpty();
        assertThat(d.isScale()).isFalse();
        assertThat(d.values()).isEmpty();
        assertThatThrownBy(() -> Distribution.ofChoices(sectors, List.of("Police")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void multipleChoiceSharesAreOfPeopleAndMayExceedOneInTotal() {
        List<String> options = List.of("Coaching", "Action learning", "Networking");
        Distribution d = Distribution.ofMultipleChoices(options, Arrays.asList(
                Set.of("Coaching", "Networking"), List.of("Coaching", "Coaching"), List.of(), null,
                List.of("Action learning")));
        assertThat(d.counts()).containsExactly(2, 1, 1);
        assertThat(d.responses()).isEqualTo(3);
        assertThat(d.missing()).isEqualTo(2);
        assertThat(d.share(0)).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(d.percentages()).containsExactly(67, 33, 33);
        assertThat(d.isMultipleChoice()).isTrue();
    }

    @Test
    void rejectsAnswersOffTheScaleAndBadOptions() {
        assertThatThrownBy(() -> Distribution.likert5(List.of(6))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Distribution.zeroToTen(List.of(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Distribution.ofChoices(List.of("a", "a"), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Distribution.ofScaleCounts(1, List.of(1, -1), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void countsFromTheDatabase() {
        Distribution d = Distribution.ofChoiceCounts(List.of("Positive", "Neutral", "Negative"), List.of(12, 5, 3), 4);
        assertThat(d.responses()).isEqualTo(20);
        assertThat(d.missing()).isEqualTo(4);
        assertThat(d.percentages()).containsExactly(60, 25, 15);
    }
}
