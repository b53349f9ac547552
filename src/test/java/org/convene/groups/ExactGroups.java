package org.convene.groups;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The exact optimum of a small problem without locks or must-together pairs, by enumerating every
 * split into groups of the sizes the engine uses (sizes differ by at most one; groups of equal size
 * are interchangeable, so a person may open a new group only if every earlier group of that size
 * is already open). The objective is the engine's, lexicographically: fewest must-separate pairs
 * broken, organisation clashes, team clashes, repeats, then most diversity. Computed from the
 * people and pairs directly, so it shares nothing with the engine but {@link Rules#distance}.
 */
final class ExactGroups {
    /** The best values found: clashes of each kind and diversity, and one split reaching them. */
    record Optimum(long separate, long organisation, long team, long repeats, long diversity, int[] groupOf, long leaves) {
    }

    private final List<Person> people;
    private final int n;
    private final int k;
    private final int[] capacity;
    private final int[][] distance;
    private final boolean[][] separate;
    private final boolean[][] sameOrganisation;
    private final boolean[][] sameTeam;
    private final boolean[][] past;
    private final int[] groupOf;
    private final int[] size;
    private final int[][] members;
    private long[] best;
    private int[] bestGroupOf;
    private long leaves;

    private ExactGroups(Problem problem, Rules rules) {
        people = problem.people();
        n = people.size();
        k = problem.sizing().groupsFor(n);
        if (!problem.locked().isEmpty() || !problem.together().isEmpty()) {
            throw new IllegalArgumentException("The exact reference takes no locks or must-together pairs");
        }
        capacity = new int[k];
        for (int g = 0; g < k; g++) {
            capacity[g] = n / k + (g < n % k ? 1 : 0);
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(people.get(i).id(), i);
        }
        distance = new int[n][n];
        separate = new boolean[n][n];
        sameOrganisation = new boolean[n][n];
        sameTeam = new boolean[n][n];
        past = new boolean[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                Person a = people.get(i);
                Person b = people.get(j);
                distance[i][j] = rules.distance(a, b);
                sameOrganisation[i][j] = a.sameOrganisation(b);
                sameTeam[i][j] = !a.team().isEmpty() && a.team().equalsIgnoreCase(b.team());
            }
        }
        mark(problem.separate(), index, separate);
        mark(problem.past(), index, past);
        groupOf = new int[n];
        size = new int[k];
        members = new int[k][n];
    }

    private static void mark(List<Pair> pairs, Map<String, Integer> index, boolean[][] into) {
        Set<String> seen = new HashSet<>();
        for (Pair p : pairs) {
            Integer a = index.get(p.a());
            Integer b = index.get(p.b());
            if (a != null && b != null && seen.add(Math.min(a, b) + "," + Math.max(a, b))) {
                into[a][b] = true;
                into[b][a] = true;
            }
        }
    }

    static Optimum solve(Problem problem, Rules rules) {
        ExactGroups e = new ExactGroups(problem, rules);
        e.search(0, new long[5]);
        return new Optimum(e.best[0], e.best[1], e.best[2], e.best[3], -e.best[4], e.bestGroupOf, e.leaves);
    }

    /** values: separate, organisation, team, repeats, minus diversity (all lower is better). */
    private void search(int i, long[] values) {
        if (i == n) {
            leaves++;
            if (best == null || lower(values, best)) {
                best = values.clone();
                bestGroupOf = groupOf.clone();
            }
            return;
        }
        for (int g = 0; g < k; g++) {
            if (size[g] == capacity[g]) {
                continue;
            }
            if (size[g] == 0 && earlierEmptyOfSameSize(g)) {
                continue;
            }
            long[] next = values.clone();
            for (int x = 0; x < size[g]; x++) {
                int j = members[g][x];
                next[0] += separate[i][j] ? 1 : 0;
                next[1] += sameOrganisation[i][j] ? 1 : 0;
                next[2] += sameTeam[i][j] ? 1 : 0;
                next[3] += past[i][j] ? 1 : 0;
                next[4] -= distance[i][j];
            }
            groupOf[i] = g;
            members[g][size[g]++] = i;
            search(i + 1, next);
            size[g]--;
        }
    }

    private boolean earlierEmptyOfSameSize(int g) {
        for (int h = 0; h < g; h++) {
            if (size[h] == 0 && capacity[h] == capacity[g]) {
                return true;
            }
        }
        return false;
    }

    private static boolean lower(long[] x, long[] y) {
        for (int i = 0; i < x.length; i++) {
            if (x[i] != y[i]) {
                return x[i] < y[i];
            }
        }
        return false;
    }
}
