package org.convene.groups;

import java.util.SplittableRandom;

/**
 * Local search from a start, in the order of the objective: {@link DiversityPhase} (clashes, then
 * diversity), {@link BalancePhase} (alike numbers, keeping clashes and diversity), then
 * {@link WorstGroupPhase} (the worst group, keeping everything before). Each phase accepts only
 * moves that are no worse on everything the phases before it optimised.
 */
final class Search {
    private final Moves moves;

    Search(Instance in, State state, SplittableRandom random) {
        moves = new Moves(in, state, random);
    }

    void run() {
        if (moves.movable.length == 0 && moves.in.units.length == moves.in.n) {
            return;
        }
        new DiversityPhase(moves).run();
        if (moves.in.numbers > 0) {
            new BalancePhase(moves).run();
        }
        new WorstGroupPhase(moves).run();
    }
}
