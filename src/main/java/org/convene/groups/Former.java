package org.convene.groups;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Forms groups: splits people into groups whose sizes differ by at most one, each as diverse as
 * possible and alike, under the constraints of the {@link Problem} and the objective of the
 * {@link Rules} (lexicographic: clashes, then total diversity, then alike numbers, then the worst
 * group). A spread start, then local search (see {@link Search}); small problems are started
 * several times (the spread start and random ones), and the best of the starts that tie on
 * clashes and diversity is kept.
 * Deterministic: the same problem, rules and seed give the same formation.
 */
public final class Former {
    /** At most this many starts are finished (balanced and their worst group raised). */
    private static final int FINISHED = 2;

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
        // Phase 1 from every start; the rest only from the few starts tied at the best clashes and diversity.
        List<Search> tied = new ArrayList<>();
        long[] bestFirst = null;
        for (int r = 0, starts = starts(in.n); r < starts; r++) {
            SplittableRandom own = random.split();
            Search search = new Search(in, new State(in, r == 0 ? Start.spread(in, own) : Start.random(in, own)), own);
            search.diversity();
            long[] first = firstObjectives(search.state());
            int order = bestFirst == null ? -1 : compare(first, bestFirst);
            if (order < 0) {
                bestFirst = first;
                tied.clear();
            }
            if (order <= 0 && tied.size() < FINISHED) {
                tied.add(search);
            }
        }
        State best = null;
        Score bestScore = null;
        for (Search search : tied) {
            search.finish();
            Score score = Score.of(search.state());
            if (best == null || score.betterThan(bestScore)) {
                best = search.state();
                bestScore = score;
            }
        }
        return Explain.formation(in, best.assignment(), (System.nanoTime() - start) / 1e9);
    }

    /**
     * Explains a given assignment (person index to group index, as in {@link Formation#assignment()}),
     * for example after a facilitator moved people by hand: the same groups, figures and clashes as
     * a formation would report. Locks and together pairs are not enforced, and group sizes may
     * differ by more than one.
     *
     * @throws IllegalArgumentException if the assignment does not give every person one of the
     *     problem's groups
     */
    public Formation evaluate(Problem problem, int[] assignment) {
        Instance in = new Instance(problem.withLocked(java.util.Map.of()).withTogether(java.util.List.of()), rules);
        if (assignment.length != in.n) {
            throw new IllegalArgumentException("The assignment has " + assignment.length + " people, the problem " + in.n);
        }
        for (int g : assignment) {
            if (g < 0 || g >= in.k) {
                throw new IllegalArgumentException("Group " + g + " is not one of the " + in.k + " groups");
            }
        }
        return Explain.formation(in, assignment.clone(), 0);
    }

    /** Starts: many for small problems, where each is cheap and local optima are common; one from 200 people. */
    static int starts(int n) {
        if (n <= 50) {
            return 30;
        }
        return n < 200 ? 8 : 1;
    }

    /** Clashes of each kind (lower is better) and minus the diversity. */
    private static long[] firstObjectives(State s) {
        return new long[] {s.separateBroken, s.organisationClashes, s.teamClashes, s.repeats, -s.diversity};
    }

    private static int compare(long[] x, long[] y) {
        for (int i = 0; i < x.length; i++) {
            if (x[i] != y[i]) {
                return Long.compare(x[i], y[i]);
            }
        }
        return 0;
    }

    /** The objective of a finished search, for picking the best start: clashes, diversity, largest gap, worst group. */
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
