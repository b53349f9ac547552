package org.convene.groups;

/** A constraint broken in a formation: two people in one group who should not be. */
public record Clash(Kind kind, int group, String a, String b) {
    public enum Kind {
        /** A must-separate pair. */
        SEPARATE,
        /** Two people from the same organisation (unavoidable when this one is in the totals' minimum). */
        ORGANISATION,
        /** Two people from the same team. */
        TEAM,
        /** Two people who were in a group together before. */
        REPEAT
    }

    @Override
    public String toString() {
        return switch (kind) {
            case SEPARATE -> a + " and " + b + " must be separate but are both in group " + group;
            case ORGANISATION -> a + " and " + b + " are from the same organisation in group " + group;
            case TEAM -> a + " and " + b + " are from the same team in group " + group;
            case REPEAT -> a + " and " + b + " were in a group together before and are again in group " + group;
        };
    }
}
