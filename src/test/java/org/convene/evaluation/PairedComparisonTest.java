package org.convene.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.convene.evaluation.PairedComparison.Caveat;
import org.junit.jupiter.api.Test;

/**
 * Expected values were computed independently with SciPy 1.17.1:
 * {@code scipy.stats.ttest_rel(after, before)}, {@code t.ppf(0.975, n - 1)} for the interval,
 * {@code wilcoxon(after, before, zero_method="pratt", correction=True)} and the exact Hedges factor
 * {@code exp(gammaln(m/2) - gammaln((m-1)/2)) / sqrt(m/2)}.
 */
class PairedComparisonTest {
    private static final double NA = Double.NaN;

    @Test
    void likertConfidenceWithMissingAnswersTiesAndUnchangedPairs() {
        double[] pre = {2, 3, 3, 2, 4, 3, 2, 1, 3, 4, 2, 3, NA, 3};
        double[] post = {4, 4, 3, 3, 4, 5, 3, 2, 4, 4, 3, 4, 5, NA};

        PairedComparison c = PairedComparison.of(pre, post);

        assertThat(c.pairs()).isEqualTo(12);
        assertThat(c.dropped()).isEqualTo(2);
        assertThat(c.meanBefore()).isCloseTo(2.6666666666666665, within(1e-12));
        assertThat(c.meanAfter()).isCloseTo(3.5833333333333335, within(1e-12));
        assertThat(c.meanChange()).isCloseTo(0.9166666666666666, within(1e-12));
        assertThat(c.sdChange()).isCloseTo(0.6685579234215215, within(1e-12));
        assertThat(c.ciLower()).isCloseTo(0.4918852278999128, within(1e-9));
        assertThat(c.ciUpper()).isCloseTo(1.3414481054334204, within(1e-9));
        assertThat(c.cohensDz()).isCloseTo(1.371110317525493, within(1e-9));
        assertThat(c.hedgesGz()).isCloseTo(1.2750774903418367, within(1e-9));
        assertThat(c.tStatistic()).isCloseTo(4.7496654654721, within(1e-9));
        assertThat(c.degreesOfFreedom()).isEqualTo(11);
        assertThat(c.tTestP()).isCloseTo(0.0006000141749335778, within(1e-9));
        assertThat(c.wilcoxonW()).isEqualTo(72.0);
        assertThat(c.wilcoxonP()).isCloseTo(0.003969002157985251, within(1e-9));
        assertThat(c.wilcoxonExact()).isFalse();
        assertThat(c.increased()).isEqualTo(9);
        assertThat(c.unchanged()).isEqualTo(3);
        assertThat(c.decreased()).isZero();
        assertThat(c.caveats()).isEmpty();
        assertThat(c.change()).isEqualTo(new Estimate(c.meanChange(), c.ciLower(), c.ciUpper()));
    }

    @Test
    void wikipediaExampleWithTiesAndZerosGivesANegativeChange() {
        // The worked example of the Wikipedia article "Wilcoxon signed-rank test" (x2 before, x1 after).
        double[] before = {125, 115, 130, 140, 140, 115, 140, 125, 140, 135};
        double[] after = {110, 122, 125, 120, 140, 124, 123, 137, 135, 145};

        PairedComparison c = PairedComparison.of(before, after);

        assertThat(c.meanChange()).isCloseTo(-2.4, within(1e-12));
        assertThat(c.sdChange()).isCloseTo(11.927559124425528, within(1e-9));
        assertThat(c.ciLower()).isCloseTo(-10.932461791031216, within(1e-8));
        assertThat(c.ciUpper()).isCloseTo(6.132461791031215, within(1e-8));
        assertThat(c.cohensDz()).isCloseTo(-0.20121468063698172, within(1e-9));
        assertThat(c.hedgesGz()).isCloseTo(-0.18388504449419468, within(1e-9));
        assertThat(c.tTestP()).isCloseTo(0.5404255793265436, within(1e-9));
        assertThat(c.wilcoxonW()).isEqualTo(22.0);
        assertThat(c.wilcoxonP()).isCloseTo(0.645818701677725, within(1e-9));
        assertThat(c.unchanged()).isEqualTo(1);
    }

    @Test
    void smallSampleWithoutTiesUsesTheExactWilcoxonDistribution() {
        // Hollander & Wolfe (1973), p. 29: Hamilton depression scale before (x) and after (y) a
        // tranquilliser; R's wilcox.test(x, y, paired = TRUE) gives V = 40, p = 0.03906.
        double[] x = {1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30};
        double[] y = {0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29};

        PairedComparison c = PairedComparison.of(x, y);

        assertThat(c.wilcoxonExact()).isTrue();
        assertThat(c.wilcoxonW()).isEqualTo(5.0); // rises: 45 - 40
        assertThat(c.wilcoxonP()).isCloseTo(0.0390625, within(1e-12));
        assertThat(c.meanChange()).isCloseTo(-0.43188888888888893, within(1e-12));
        assertThat(c.ciLower()).isCloseTo(-0.7599990655056093, within(1e-9));
        assertThat(c.ciUpper()).isCloseTo(-0.10377871227216856, within(1e-9));
        assertThat(c.tStatistic()).isCloseTo(-3.0353754156485917, within(1e-9));
        assertThat(c.tTestP()).isCloseTo(0.016176627434908088, within(1e-9));
        assertThat(c.hedgesGz()).isCloseTo(-0.913347835555134, within(1e-9));
    }

    @Test
    void handWorkedThreePairs() {
        // Changes 1, 2, 0: mean 1, SD 1, t = 1 / (1 / sqrt 3) = sqrt 3 on 2 df,
        // two-sided p = 1 - 1/sqrt(2) ... for t(2): p = 1 - t/sqrt(t^2 + 2) = 1 - sqrt(3/5).
        PairedComparison c = PairedComparison.of(List.of(1, 2, 3), List.of(2, 4, 3));
        assertThat(c.meanChange()).isEqualTo(1.0);
        assertThat(c.sdChange()).isCloseTo(1.0, within(1e-15));
        assertThat(c.tStatistic()).isCloseTo(Math.sqrt(3), within(1e-12));
        assertThat(c.tTestP()).isCloseTo(1 - Math.sqrt(3.0 / 5.0), within(1e-12));
        // t(2) two-sided 95 % critical value is 4.302652729911275 (tables: 4.303).
        assertThat(c.ciUpper() - c.meanChange()).isCloseTo(4.302652729911275 / Math.sqrt(3), within(1e-9));
        // Hedges J(2) = Γ(1) / (1 · Γ(1/2)) = 1 / sqrt(pi).
        assertThat(c.hedgesGz()).isCloseTo(1 / Math.sqrt(Math.PI), within(1e-12));
    }

    @Test
    void listFormTreatsNullAsMissing() {
        PairedComparison c = PairedComparison.of(Arrays.asList(1, null, 3, 2), Arrays.asList(2, 5, null, 4));
        assertThat(c.pairs()).isEqualTo(2);
        assertThat(c.dropped()).isEqualTo(2);
        assertThat(c.meanChange()).isEqualTo(1.5);
    }

    @Test
    void noPairsLeavesEverythingUndefined() {
        PairedComparison c = PairedComparison.of(new double[] {NA, 3}, new double[] {4, NA});
        assertThat(c.pairs()).isZero();
        assertThat(c.dropped()).isEqualTo(2);
        assertThat(c.caveats()).containsExactly(Caveat.NO_PAIRS);
        assertThat(c.meanChange()).isNaN();
        assertThat(c.tTestP()).isNaN();
        assertThat(c.wilcoxonP()).isNaN();
        assertThat(c.hasInterval()).isFalse();

        assertThat(PairedComparison.of(new double[0], new double[0]).caveats()).containsExactly(Caveat.NO_PAIRS);
    }

    @Test
    void onePairGivesTheChangeButNoSpread() {
        PairedComparison c = PairedComparison.of(new double[] {2}, new double[] {4});
        assertThat(c.pairs()).isEqualTo(1);
        assertThat(c.meanChange()).isEqualTo(2.0);
        assertThat(c.caveats()).containsExactly(Caveat.TOO_FEW_PAIRS);
        assertThat(c.sdChange()).isNaN();
        assertThat(c.ciLower()).isNaN();
        assertThat(c.cohensDz()).isNaN();
        assertThat(c.hedgesGz()).isNaN();
        assertThat(c.tTestP()).isNaN();
        // The exact signed-rank distribution for one pair: p = 2 * 1/2 = 1.
        assertThat(c.wilcoxonP()).isEqualTo(1.0);
    }

    @Test
    void equalChangesHaveNoVariationButStillAWilcoxonTest() {
        PairedComparison c = PairedComparison.of(new double[] {1, 2, 3, 2, 1, 3}, new double[] {2, 3, 4, 3, 2, 4});
        assertThat(c.meanChange()).isEqualTo(1.0);
        assertThat(c.sdChange()).isZero();
        assertThat(c.caveats()).containsExactly(Caveat.NO_VARIATION);
        assertThat(c.ciLower()).isNaN();
        assertThat(c.ciUpper()).isNaN();
        assertThat(c.cohensDz()).isNaN();
        assertThat(c.tStatistic()).isNaN();
        assertThat(c.tTestP()).isNaN();
        // All six changes tie, so the normal approximation: W+ = 21,
        // z = (21 - 10.5 - 0.5) / sqrt((6*7*13 - (6^3 - 6)/2) / 24) = 10 / sqrt(18.375); scipy: p = 0.01965615725016987.
        double z = 10 / Math.sqrt(18.375);
        assertThat(c.wilcoxonW()).isEqualTo(21.0);
        assertThat(c.wilcoxonP()).isCloseTo(2 * upperNormalTail(z), within(1e-12));
        assertThat(c.wilcoxonP()).isCloseTo(0.01965615725016987, within(1e-12));
        assertThat(c.wilcoxonExact()).isFalse();
    }

    @Test
    void noChangeAtAllLeavesTheTestsUndefined() {
        PairedComparison c = PairedComparison.of(new double[] {3, 4, 2}, new double[] {3, 4, 2});
        assertThat(c.meanChange()).isZero();
        assertThat(c.unchanged()).isEqualTo(3);
        assertThat(c.caveats()).containsExactlyInAnyOrder(Caveat.NO_VARIATION, Caveat.ALL_UNCHANGED);
        assertThat(c.wilcoxonP()).isNaN();
        assertThat(c.tTestP()).isNaN();
    }

    @Test
    void rejectsMismatchedOrInfiniteInput() {
        assertThatThrownBy(() -> PairedComparison.of(new double[] {1, 2}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PairedComparison.of(new double[] {1}, new double[] {Double.POSITIVE_INFINITY}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PairedComparison.of(new double[] {1}, new double[] {2}, 1.0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void otherConfidenceLevels() {
        double[] pre = {2, 3, 3, 2, 4, 3, 2, 1, 3, 4, 2, 3};
        double[] post = {4, 4, 3, 3, 4, 5, 3, 2, 4, 4, 3, 4};
        PairedComparison c95 = PairedComparison.of(pre, post);
        PairedComparison c99 = PairedComparison.of(pre, post, 0.99);
        assertThat(c99.confidenceLevel()).isEqualTo(0.99);
        assertThat(c99.ciLower()).isLessThan(c95.ciLower());
        // t(11) 0.995 quantile = 3.105806516
        // scipy: t.ppf(0.995, 11) = 3.1058065155392804
        assertThat(c99.ciUpper() - c99.meanChange())
                .isCloseTo(3.1058065155392804 * c99.sdChange() / Math.sqrt(12), within(1e-9));
    }

    @Test
    void meanEstimate() {
        Estimate e = Estimate.mean(new double[] {2, 4, NA, 3});
        assertThat(e.value()).isEqualTo(3.0);
        // sd 1, n 3: 3 ± 4.302652729911275 / sqrt 3
        assertThat(e.lower()).isCloseTo(3 - 4.302652729911275 / Math.sqrt(3), within(1e-9));
        assertThat(Estimate.mean(new double[] {4}).hasInterval()).isFalse();
        assertThat(Estimate.mean(new double[] {4}).value()).isEqualTo(4.0);
        assertThat(Estimate.mean(new double[] {NA}).isDefined()).isFalse();
        assertThat(Estimate.mean(new double[] {2, 2}).lower()).isEqualTo(2.0);
    }

    /** 1 - Φ(z). */
    private static double upperNormalTail(double z) {
        return 0.5 * org.apache.commons.numbers.gamma.Erfc.value(z / Math.sqrt(2));
    }
}
