package org.convene.clusters;

/**
 * What the network knows of two candidates. The order of {@code a} and {@code b} does not matter.
 * When a pair has several ties, the strongest counts for the score and all their descriptions
 * (deduplicated) are given in the reasons. A tie naming someone who is not a candidate is ignored.
 *
 * @param a           one candidate's id
 * @param b           the other candidate's id
 * @param strength    in (0, 1]
 * @param description short, for the explanation, e.g. "worked together on a project team"
 */
public record Tie(long a, long b, double strength, String description) {
}
