package org.convene.groups;

import java.util.SplittableRandom;

/**
 * Forms groups: splits people into groups whose sizes differ by at most one, each as diverse as
 * possible and alike, under the constraints of the {@link Problem} and the objective of the
 * {@link Rules} (lexicographic: clashes, then total diversity, then alike numbers, then the worst
 * group). A spread start, then local search over swaps (see {@link Search}); small problems are
 * started several times (the spread start and random ones) and the best result is kept.
 * Deterministic: the same problem, rules and seed give the same formation.
 */
public final class Former {
    private final Rules rules;

    public Former() {
        this(Rules.DEFAULT);
    }

    public Former(Rules rules) {
        this.rules = java.util.Objects.requireNonNull(rules, "rules");
    }

    /**
     * Forms the groups.
     *
     * @throws IllegalArgumentException if the problem has no valid formation (fewer than one group
     *     or more groups than people, locks or must-together pairs that contradict each other or do
     *     not fit the group sizes, a pair both together and separate) or names unknown people
     */
    public Formation form(Problem problem) {
        long start = System.nanoTime();
        Instance in = new Instance(problem, rules);
        SplittableRandom random = new SplittableRandom(problem.seed());
        int starts = starts(in.n);
        State best = null;
        Score bestScore = null;
        for (int r = 0; r < starts; r++) {
            SplittableRandom own = random.split();
            State s = new State(in, r == 0 ? Start.spread(in, own) : Start.random(in, own));
            new Search(in, s, own).run();
            Score score = Score.of(s);
            if (best == null || score.betterThan(bestScore)) {
                best = s;
                bestScore = score;
            }
        }
        return Explain.formation(in, best.assignment(), (System.nanoTime() - start) / 1e9);
    }

    /** Starts: many for small problems, where each is cheap and local optima are common; one from 200 people. */
    static int starts(int n) {
        if (n <= 50) {
            return 30;
        }
        return n < 200 ? 8 : 1;
    }

    /** The objective of a finished search, for picking the best start. */
    private record Score(long sep, long org, long team, long rep, long diversity, double gap, long worst) {
        static Score of(State s) {
            long worst = Long.MAX_VALUE;
            for (int g = 0; g < s.k; g++) {
                worst = Math.min(worst, s.div[g]);
            }
            return new Score(s.separateBroken, s.organisationClashes, s.teamClashes, s.repeats, s.diversity, Gaps.of(s).max(), worst);
        }

        boolean betterThan(Score o) {
            if (sep != o.sep) {
                return sep < o.sep;
            }
            if (org != o.org) {
                return org < o.org;
            }
            if (team != o.team) {
                return team < o.team;
            }
            if (rep != o.rep) {
                return rep < o.rep;
            }
            if (diversity != o.diversity) {
                return diversity > o.diversity;
            }
            if (Math.abs(gap - o.gap) > 1e-9) {
                return gap < o.gap;
            }
            return worst > o.worst;
        }
    }
}
