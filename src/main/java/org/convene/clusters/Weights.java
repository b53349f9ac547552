package org.convene.clusters;

/**
 * Weights of the four criteria of a cluster's score. Each is at least 0 and not all are 0; they are
 * normalised by their sum, so only their ratios matter.
 */
public record Weights(double relevance, double clout, double complementarity, double relationship) {

    /** Relevance 0.35, clout 0.20, complementarity 0.25, relationship 0.20. */
    public static final Weights DEFAULT = new Weights(0.35, 0.20, 0.25, 0.20);
}
