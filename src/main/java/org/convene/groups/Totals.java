package org.convene.groups;

import java.util.List;

/**
 * The figures of a formation. {@code upperBound}: the diversity no formation of these group sizes
 * can exceed (each attribute's values spread as evenly as possible over the groups, attribute by
 * attribute); {@code ratio} = diversity / upperBound (1 when the bound is 0).
 * {@code minimumOrganisationClashes}: the fewest clashes any formation of these sizes can have;
 * organisation clashes above it were forced by other constraints or missed. {@code maxMeanGaps}
 * and {@code maxSdGaps}: per numeric attribute, the largest difference between two groups' means
 * (standard deviations), in units of the attribute's standard deviation over everyone (0 when it
 * has no spread). {@code broken} lists the clashes (must-separate pairs first), at most 1,000 of them; the counts
 * count them all.
 */
public record Totals(long diversity, long upperBound, double ratio, long organisationClashes, long minimumOrganisationClashes,
                     long teamClashes, long repeats, long separateBroken, List<Clash> broken,
                     List<Double> maxMeanGaps, List<Double> maxSdGaps, long worstGroupDiversity, double seconds) {
    public Totals {
        broken = List.copyOf(broken);
        maxMeanGaps = List.copyOf(maxMeanGaps);
        maxSdGaps = List.copyOf(maxSdGaps);
    }
}
