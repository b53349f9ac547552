package org.convene.hostile;

import java.util.Random;

/**
 * Property runs without a library: each property runs a fixed number of tries, each try with its
 * own {@link Random} derived from the run's seed and the thing attacked, so a problem found once
 * is found again by running with the same seed ({@code -Dhostile.seed=...}; the default is fixed,
 * so runs repeat unless asked otherwise) and does not move when other routes are added.
 */
final class Tries {
    static final long DEFAULT_SEED = 20261123L;

    private Tries() {
    }

    static long seed() {
        return Long.getLong("hostile.seed", DEFAULT_SEED);
    }

    /** How many tries each route gets ({@code -Dhostile.tries=...}). */
    static int perRoute(int normally) {
        return Integer.getInteger("hostile.tries", normally);
    }

    /** The random source for one try on one target: the same for the same seed, target and try. */
    static Random random(String target, int attempt) {
        return new Random(seed() * 31 + target.hashCode() * 1_000_003L + attempt);
    }
}
