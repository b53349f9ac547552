package org.convene.runcharts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** The table of expected runs (Perla, Provost and Murray 2011, table 1): its edges, and a check of its transcription. */
class RunsTableTest {

    @Test
    void theRuleStartsAtTenUsefulObservations() {
        assertThat(RunsTable.limits(9)).isEmpty();
        assertThat(RunsTable.limits(0)).isEmpty();
        assertThat(RunsTable.limits(10)).contains(new RunsTable.Limits(3, 9));
    }

    @Test
    void theTableEdgesAndSomeRowsInBetween() {
        assertThat(RunsTable.limits(20)).contains(new RunsTable.Limits(6, 16));
        assertThat(RunsTable.limits(30)).contains(new RunsTable.Limits(11, 21));
        assertThat(RunsTable.limits(40)).contains(new RunsTable.Limits(15, 27));
        assertThat(RunsTable.limits(50)).contains(new RunsTable.Limits(19, 33));
        assertThat(RunsTable.limits(60)).contains(new RunsTable.Limits(24, 38));
    }

    @Test
    void aboveSixtyTheNormalApproximationTakesOverAndAgreesWithTheTableAtSixty() {
        // n = 61: mean 31.5, sd sqrt(61 * 59 / 240) = 3.872; 31.5 -/+ 7.590 gives 24 to 39.
        assertThat(RunsTable.limits(61)).contains(new RunsTable.Limits(24, 39));
        // n = 100: mean 51, sd sqrt(100 * 98 / 396) = 4.975; 51 -/+ 9.751 gives 42 to 60.
        assertThat(RunsTable.limits(100)).contains(new RunsTable.Limits(42, 60));
        double mean = 31;
        double sd = Math.sqrt(60 * 58 / (4.0 * 59));
        assertThat(new RunsTable.Limits((int) Math.ceil(mean - 1.96 * sd), (int) Math.floor(mean + 1.96 * sd)))
                .isEqualTo(RunsTable.limits(60).orElseThrow());
    }

    @Test
    void limitsNeverNarrowAsObservationsGrowAndTheExpectedRunsLieBetween() {
        RunsTable.Limits previous = RunsTable.limits(10).orElseThrow();
        for (int n = 11; n <= 200; n++) {
            RunsTable.Limits limits = RunsTable.limits(n).orElseThrow();
            assertThat(limits.fewest()).as("n = %d", n).isGreaterThanOrEqualTo(previous.fewest());
            assertThat(limits.most()).as("n = %d", n).isGreaterThanOrEqualTo(previous.most());
            assertThat(limits.fewest()).as("n = %d", n).isLessThan(n / 2 + 1).isLessThan(limits.most());
            assertThat(limits.most()).as("n = %d", n).isGreaterThan(n / 2 + 1).isLessThanOrEqualTo(n);
            previous = limits;
        }
    }

    /**
     * A transcription check: every row of the printed table lies within one run of the exact 5 %
     * two-sided limits of the runs distribution (Swed and Eisenhart) for an even split of the
     * points above and below the median. The printed table follows the older tables, which differ
     * from the exact limits by at most one here and there, so a typo of more than one shows.
     */
    @Test
    void everyRowIsWithinOneRunOfTheExactSwedEisenhartLimits() {
        for (int n = RunsTable.SMALLEST; n <= RunsTable.LARGEST_IN_TABLE; n++) {
            int above = n / 2;
            int below = n - above;
            double[] p = runsDistribution(above, below);
            int fewest = 2;
            double tail = p[2];
            while (tail <= 0.025) {
                fewest++;
                tail += p[fewest];
            }
            int most = n;
            tail = p[n];
            while (tail <= 0.025) {
                most--;
                tail += p[most];
            }
            RunsTable.Limits limits = RunsTable.limits(n).orElseThrow();
            assertThat(limits.fewest()).as("fewest runs for n = %d (exact %d)", n, fewest).isBetween(fewest - 1, fewest + 1);
            assertThat(limits.most()).as("most runs for n = %d (exact %d)", n, most).isBetween(most - 1, most + 1);
        }
    }

    /** P(R = r) for r = 0..n1 + n2 runs of n1 and n2 points in random order. */
    private static double[] runsDistribution(int n1, int n2) {
        int n = n1 + n2;
        BigInteger total = binomial(n, n1);
        double[] p = new double[n + 1];
        for (int r = 2; r <= n; r++) {
            BigInteger ways;
            if (r % 2 == 0) {
                int k = r / 2;
                ways = BigInteger.TWO.multiply(binomial(n1 - 1, k - 1)).multiply(binomial(n2 - 1, k - 1));
            } else {
                int k = (r - 1) / 2;
                ways = binomial(n1 - 1, k).multiply(binomial(n2 - 1, k - 1)).add(binomial(n1 - 1, k - 1).multiply(binomial(n2 - 1, k)));
            }
            p[r] = new java.math.BigDecimal(ways).divide(new java.math.BigDecimal(total), java.math.MathContext.DECIMAL64).doubleValue();
        }
        return p;
    }

    private static BigInteger binomial(int n, int k) {
        if (k < 0 || k > n) {
            return BigInteger.ZERO;
        }
        BigInteger b = BigInteger.ONE;
        for (int i = 1; i <= k; i++) {
            b = b.multiply(BigInteger.valueOf(n - k + i)).divide(BigInteger.valueOf(i));
        }
        return b;
    }
}
