package org.convene.groups;

/**
 * How many groups: either a count ({@link #groups(int)}) or a size ({@link #size(int)}: as many
 * groups as needed so that none has more than that many people, i.e. ceil(N / size)). Group sizes
 * always differ by at most one.
 */
public record Sizing(int groupCount, int groupSize) {
    public Sizing {
        if ((groupCount > 0) == (groupSize > 0)) {
            throw new IllegalArgumentException("Give either a number of groups or a group size, at least 1");
        }
    }

    public static Sizing groups(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("The number of groups must be at least 1, not " + count);
        }
        return new Sizing(count, 0);
    }

    public static Sizing size(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("The group size must be at least 1, not " + size);
        }
        return new Sizing(0, size);
    }

    /** The number of groups for n people. */
    public int groupsFor(int n) {
        return groupCount > 0 ? groupCount : Math.max(1, (n + groupSize - 1) / groupSize);
    }
}
