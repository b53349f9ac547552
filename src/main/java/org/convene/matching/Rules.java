package org.convene.matching;

/**
 * The default rules. A pair (a, b) is allowed only if a and b are in different sectors and
 * different organisations, have not been paired before (either order, any earlier round) and
 * neither has blocked the other. score(a, b) = 1 + 3 x shared interests + 1 x same place.
 */
public final class Rules {
    private Rules() {
    }

    public static int score(int sharedInterests, boolean samePlace) {
        return 1 + 3 * sharedInterests + (samePlace ? 1 : 0);
    }

    /** The score of two participants (whether or not the pair is allowed). */
    public static int score(Participant a, Participant b) {
        int shared = 0;
        for (String interest : a.interests()) {
            if (b.interests().contains(interest)) {
                shared++;
            }
        }
        return score(shared, !a.place().isEmpty() && a.place().equals(b.place()));
    }

    /** Whether the pair is allowed, given who has met and who blocked whom. */
    public static boolean allowed(Participant a, Participant b, History history, java.util.Set<Pair> blocked) {
        return !a.id().equals(b.id()) && !a.sector().equals(b.sector()) && !a.organisation().equals(b.organisation())
                && !history.contains(a.id(), b.id()) && !blocked.contains(new Pair(a.id(), b.id()));
    }
}
