package org.convene.matching;

import java.util.List;

/** The outcome of one round: groups, the people left out (with reasons) and figures. */
public record Round(List<Group> groups, List<Unplaced> unplaced, Stats stats) {
    public Round {
        groups = List.copyOf(groups);
        unplaced = List.copyOf(unplaced);
    }

    /**
     * Figures of a round. {@code crossSectorShare} and {@code meanSharedInterests} are over the
     * pairs inside groups (a trio has three); {@code exact} says the pairs were proven optimal.
     */
    public record Stats(int people, int pairs, int trios, int unplaced, long totalScore,
                        double crossSectorShare, double meanSharedInterests, boolean exact, long nanos) {
    }

    public int peoplePlaced() {
        return groups.stream().mapToInt(g -> g.members().size()).sum();
    }
}
