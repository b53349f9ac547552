package org.convene.runcharts;

import java.util.Optional;

/**
 * How many runs a run chart should have if only chance is at work, for its number of useful
 * observations (points not on the median): Table 1 of Perla, Provost and Murray, "The run chart:
 * a simple analytical tool for learning from variation in healthcare processes", BMJ Qual Saf
 * 2011;20:46-51 (from Swed and Eisenhart's tables, about a 5 % risk of a false signal). Fewer runs
 * than {@link Limits#fewest()} are too few; more than {@link Limits#most()} too many.
 *
 * <p>The paper's table stops at 60 useful observations. Above 60 the limits come from the normal
 * approximation to the same distribution of runs (mean n/2 + 1, variance n(n - 2) / (4(n - 1)), 1.96
 * standard deviations either side), which gives the table's own limits at 60. Below 10 the rule
 * does not apply: too few points to tell chance from a signal.
 */
public final class RunsTable {
    public static final int SMALLEST = 10;
    public static final int LARGEST_IN_TABLE = 60;

    /** Rows for 10 to 60 useful observations: {lower limit, upper limit}. */
    private static final int[][] TABLE = {
        {3, 9}, {3, 10}, {3, 11}, {4, 11}, {4, 12}, {5, 12}, {5, 13}, {5, 13}, {6, 14}, {6, 15}, // 10-19
        {6, 16}, {7, 16}, {7, 17}, {7, 17}, {8, 18}, {8, 18}, {9, 19}, {10, 19}, {10, 20}, {10, 20}, // 20-29
        {11, 21}, {11, 22}, {11, 23}, {12, 23}, {12, 24}, {13, 24}, {13, 25}, {13, 25}, {14, 26}, {14, 26}, // 30-39
        {15, 27}, {16, 27}, {16, 28}, {17, 28}, {17, 29}, {17, 30}, {17, 31}, {18, 31}, {18, 32}, {19, 32}, // 40-49
        {19, 33}, {20, 33}, {20, 34}, {21, 34}, {21, 35}, {22, 35}, {22, 36}, {23, 36}, {23, 37}, {24, 37}, // 50-59
        {24, 38}, // 60
    };

    /** The expected range: {@code fewest} to {@code most} runs, both inclusive, are what chance gives. */
    public record Limits(int fewest, int most) {
        public boolean tooFew(int runs) {
            return runs < fewest;
        }

        public boolean tooMany(int runs) {
            return runs > most;
        }
    }

    private RunsTable() {
    }

    /** The limits for this many useful observations; empty below {@link #SMALLEST}. */
    public static Optional<Limits> limits(int useful) {
        if (useful < SMALLEST) {
            return Optional.empty();
        }
        if (useful <= LARGEST_IN_TABLE) {
            int[] row = TABLE[useful - SMALLEST];
            return Optional.of(new Limits(row[0], row[1]));
        }
        double mean = useful / 2.0 + 1;
        double sd = Math.sqrt(useful * (useful - 2.0) / (4.0 * (useful - 1)));
        return Optional.of(new Limits((int) Math.ceil(mean - 1.96 * sd), (int) Math.floor(mean + 1.96 * sd)));
    }
}
