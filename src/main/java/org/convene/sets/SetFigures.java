package org.convene.sets;

import java.util.List;

/**
 * The group engine's figures for a cohort's sets as they stand: total diversity against its upper
 * bound, hard-rule clashes it could not avoid, how alike the sets are on years and band (largest
 * gaps between set means and standard deviations, in units of the cohort's standard deviation),
 * and the diversity of the least diverse set.
 */
public record SetFigures(long diversity, long bound, int organisationClashes, int repeats, long worstSet,
                         Double yearsMeanGap, Double yearsSdGap, Double bandMeanGap, Double bandSdGap, List<String> notes) {
    public static final SetFigures NONE = new SetFigures(0, 0, 0, 0, 0, null, null, null, null, List.of());

    public double share() {
        return bound == 0 ? 1 : (double) diversity / bound;
    }
}
