package org.convene.groups;

import java.util.SplittableRandom;

/**
 * Local search from a start, in the order of the objective: {@link DiversityPhase} (clashes, then
 * diversity), then {@link #finish}: {@link BalancePhase} (alike numbers, keeping clashes and
 * diversity) and {@link WorstGroupPhase} (the worst group, keeping everything before). Each phase
 * accepts only moves that are no worse on everything the phases before it optimised.
 */
final class Search {
    private final Moves moves;

    Search(Instance in, State state, SplittableRandom random) {
        moves = new Moves(in, state, random);
    }

    State state() {
        return moves.s;
    }

    private boolean fixed() {
        return moves.movable.length == 0 && moves.in.units.length == moves.in.n;
    }

    /** Fewest clashes, then most diversity. */
    void diversity() {
        if (!fixed()) {
            new DiversityPhase(moves).run();
        }
    }

    /** Alike numbers, then the worst group. */
    void finish() {
        if (fixed()) {
            return;
        }
        if (moves.in.numbers > 0) {
            new BalancePhase(moves).run();
        }
        new WorstGroupPhase(moves).run();
    }
}
