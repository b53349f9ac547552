package org.convene.groups;

import java.util.List;

/** The groups formed for a {@link Problem}: who is in which group, each group explained, and the totals. */
public final class Formation {
    private final int[] groupOf;
    private final List<Group> groups;
    private final Totals totals;

    Formation(int[] groupOf, List<Group> groups, Totals totals) {
        this.groupOf = groupOf.clone();
        this.groups = List.copyOf(groups);
        this.totals = totals;
    }

    /** The group index (0-based) of the person at this index of the problem's people. */
    public int groupOf(int person) {
        return groupOf[person];
    }

    /** Every person's group index, in the order of the problem's people (a copy). */
    public int[] assignment() {
        return groupOf.clone();
    }

    /** The groups in index order. */
    public List<Group> groups() {
        return groups;
    }

    public Totals totals() {
        return totals;
    }
}
