package org.convene.groups;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The search's running counts against a fresh computation, after many swaps and moves. */
class StateTest {

    @Test
    void smallGroupsScanningTheirMembers() {
        check(GroupInstances.of(GroupInstances.Kind.HARD, 400, 6, 3), 5_000);
    }

    @Test
    void largeGroupsCountingInTables() {
        // Two groups of 60: more places than a scan is used for.
        Problem problem = GroupInstances.of(GroupInstances.Kind.HARD, 120, 60, 4);
        assertThat(new Instance(problem, Rules.DEFAULT).capacityLimit()).isGreaterThan(State.SCAN_LIMIT);
        check(problem, 2_000);
    }

    private static void check(Problem problem, int steps) {
        Problem withPast = problem.withPast(pastPairs(problem));
        Instance in = new Instance(withPast, Rules.DEFAULT);
        SplittableRandom r = new SplittableRandom(7);
        State s = new State(in, Start.random(in, r));
        for (int step = 0; step < steps; step++) {
            int p = r.nextInt(in.n);
            int q = r.nextInt(in.n);
            if (s.group[p] == s.group[q]) {
                continue;
            }
            s.evalSwap(p, q);
            long[] before = {s.separateBroken, s.organisationClashes, s.teamClashes, s.repeats, s.diversity};
            int a = s.group[p];
            int b = s.group[q];
            long divA = s.div[a];
            long divB = s.div[b];
            long[] expected = {s.dSep, s.dOrg, s.dTeam, s.dRep, s.dDiv};
            long ea = s.dDivA;
            long eb = s.dDivB;
            s.swap(p, q);
            long[] after = {s.separateBroken, s.organisationClashes, s.teamClashes, s.repeats, s.diversity};
            for (int i = 0; i < 5; i++) {
                assertThat(after[i] - before[i]).as("step %d, quantity %d", step, i).isEqualTo(expected[i]);
            }
            assertThat(s.div[a] - divA).isEqualTo(ea);
            assertThat(s.div[b] - divB).isEqualTo(eb);
        }
        Formation fresh = Explain.formation(in, s.assignment(), 0);
        Totals t = fresh.totals();
        assertThat(s.diversity).isEqualTo(t.diversity());
        assertThat(s.organisationClashes).isEqualTo(t.organisationClashes());
        assertThat(s.teamClashes).isEqualTo(t.teamClashes());
        assertThat(s.separateBroken).isEqualTo(t.separateBroken());
        assertThat(s.repeats).isEqualTo(t.repeats());
        for (Group g : fresh.groups()) {
            assertThat(s.div[g.index()]).isEqualTo(g.diversity());
            for (int j = 0; j < in.numbers; j++) {
                double mean = g.means().get(j);
                if (!Double.isNaN(mean)) {
                    assertThat(in.mean[j] + in.sd[j] * s.groupMean(j, g.index())).isCloseTo(mean, org.assertj.core.api.Assertions.within(1e-9));
                }
            }
        }
    }

    /** Some pairs, as if from an earlier cohort. */
    private static List<Pair> pastPairs(Problem problem) {
        List<Pair> past = new ArrayList<>();
        List<Person> people = problem.people();
        for (int i = 0; i + 3 < people.size(); i += 3) {
            past.add(new Pair(people.get(i).id(), people.get(i + 1).id()));
            past.add(new Pair(people.get(i).id(), people.get(i + 3).id()));
        }
        return past;
    }
}
