package org.convene.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Expected p-values from SciPy 1.17.1: {@code scipy.stats.wilcoxon(d, zero_method="pratt", correction=True)}. */
class SignedRankTestTest {

    @Test
    void likertDifferencesWithManyZerosAndTies() {
        double[] d = {2, 1, 1, 0, -2, 0, 1, -2, -1, -3, -1, 3, 0, 0, -2, 1, 0, 3, -2, 2, 4, -1, -3, -1, -1, -3, 0,
            -1, 0, 0};
        SignedRankTest.Result r = SignedRankTest.test(d);
        assertThat(r.exact()).isFalse();
        assertThat(r.p()).isCloseTo(0.48999634608517295, within(1e-12));
    }

    @Test
    void moreThanFiftyDifferencesUseTheApproximation() {
        double[] d = {-1.23, -0.178, -0.679, -0.509, 1.361, -0.508, 0.267, 1.184, -0.284, 0.188, 0.41, 0.364, -0.925,
            0.376, 1.659, -1.247, 1.159, 0.419, -0.341, 2.3, 1.062, -0.899, 0.375, 0.877, 0.111, 0.983, 0.233, 0.967,
            1.739, -0.376, 0.503, -0.163, 0.427, -0.887, -0.279, 0.104, 1.199, 1.445, -1.024, -0.495, 0.947, -1.692,
            -0.163, 0.203, 1.557, 0.989, -0.027, -0.069, 0.05, 1.824, -0.128, -0.004, 0.653, 0.179, 0.103, -0.814,
            0.288, -0.144, 1.466, 0.953};
        SignedRankTest.Result r = SignedRankTest.test(d);
        assertThat(r.exact()).isFalse();
        assertThat(r.p()).isCloseTo(0.028785556677361584, within(1e-12));
    }

    @Test
    void exactForSmallSamplesWithoutTies() {
        // All five positive: P(W+ = 15) = 1/32, two-sided 2/32.
        SignedRankTest.Result all = SignedRankTest.test(new double[] {1, 2, 3, 4, 5});
        assertThat(all.exact()).isTrue();
        assertThat(all.wPlus()).isEqualTo(15.0);
        assertThat(all.p()).isEqualTo(0.0625);

        SignedRankTest.Result r = SignedRankTest.test(new double[] {-1.5, 2, 3.25, -4, 5, 6, 7.5, -8, 9, 10, 11, 12, 13});
        assertThat(r.exact()).isTrue();
        assertThat(r.p()).isCloseTo(0.021484375, within(1e-15));
    }

    @Test
    void exactDistributionIsSymmetricAndAddsUp() {
        // P(W <= w) + P(W <= total - w - 1) = 1 for the signed-rank distribution.
        for (int n = 1; n <= 12; n++) {
            int total = n * (n + 1) / 2;
            assertThat(SignedRankTest.exactP(total / 2, n)).isEqualTo(1.0);
            assertThat(SignedRankTest.exactP(0, n)).isEqualTo(Math.min(1, 2 * Math.scalb(1.0, -n)));
            assertThat(SignedRankTest.exactP(total, n)).isEqualTo(SignedRankTest.exactP(0, n));
        }
    }

    @Test
    void allZerosIsUndefined() {
        SignedRankTest.Result r = SignedRankTest.test(new double[] {0, 0, 0});
        assertThat(r.p()).isNaN();
        assertThat(r.wPlus()).isNaN();
    }
}
