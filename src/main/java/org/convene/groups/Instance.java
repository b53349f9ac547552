package org.convene.groups;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A checked problem as int arrays: attribute codes, constraint adjacency, the together-units and
 * the locks, and the numbers standardised. Throws {@link IllegalArgumentException} for a problem
 * that has no valid formation or refers to unknown people.
 */
final class Instance {
    static final int SECTOR = 0;
    static final int ORGANISATION = 1;
    static final int PROFESSION = 2;
    static final int PLACE = 3;
    static final int ATTRIBUTES = 4;

    final List<Person> people;
    final int n;
    final int k;
    /** Group sizes: {@code small} or {@code small + 1}; exactly {@code big} groups are large. */
    final int small;
    final int big;
    final int[] weight;
    final int[][] code = new int[ATTRIBUTES][];
    final int[] categories = new int[ATTRIBUTES];
    final List<List<String>> labels = new ArrayList<>();
    /** -1: no team. */
    final int[] team;
    final int teams;
    final int[] sepStart;
    final int[] sep;
    final int[] pastStart;
    final int[] past;
    /** Person -> together-unit; units[u] lists its members (ascending). */
    final int[] unitOf;
    final int[][] units;
    /** Person -> locked group, or -1. */
    final int[] lock;
    final int numbers;
    /** Standardised values (x - mean) / sd, 0 when missing or without spread; has = 1 when present. */
    final double[][] z;
    final int[][] has;
    final double[] mean;
    final double[] sd;

    Instance(Problem problem, Rules rules) {
        people = problem.people();
        n = people.size();
        if (n == 0) {
            throw new IllegalArgumentException("There is nobody to place in groups");
        }
        k = problem.sizing().groupsFor(n);
        if (k > n) {
            throw new IllegalArgumentException(k + " groups need at least " + k + " people; there are " + n);
        }
        small = n / k;
        big = n % k;
        weight = rules.weights();
        Map<String, Integer> index = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            Person p = people.get(i);
            if (index.put(p.id(), i) != null) {
                throw new IllegalArgumentException("The id " + p.id() + " appears twice");
            }
            if (p.numberCount() != rules.numbers().size()) {
                throw new IllegalArgumentException(p.id() + " has " + p.numberCount() + " numbers; the rules name "
                        + rules.numbers().size() + " " + rules.numbers());
            }
        }
        intern(SECTOR, p -> p.sectorKey(), Person::sector, false);
        intern(ORGANISATION, p -> p.organisationKey(), Person::organisation, true);
        intern(PROFESSION, p -> p.professionKey(), Person::profession, false);
        intern(PLACE, p -> p.placeKey(), Person::place, false);
        team = new int[n];
        Map<String, Integer> teamCodes = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String t = people.get(i).teamKey();
            team[i] = t.isEmpty() ? -1 : teamCodes.computeIfAbsent(t, x -> teamCodes.size());
        }
        teams = teamCodes.size();

        List<int[]> separatePairs = pairs(problem.separate(), index, "must-separate", true);
        List<int[]> pastPairs = pairs(problem.past(), index, "past", false);
        int[][] sepCsr = csr(separatePairs);
        sepStart = sepCsr[0];
        sep = sepCsr[1];
        int[][] pastCsr = csr(pastPairs);
        pastStart = pastCsr[0];
        past = pastCsr[1];

        unitOf = new int[n];
        units = units(pairs(problem.together(), index, "must-together", true));
        lock = new int[n];
        Arrays.fill(lock, -1);
        problem.locked().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            Integer i = index.get(e.getKey().strip());
            if (i == null) {
                throw new IllegalArgumentException("The locked person " + e.getKey() + " is not among the people");
            }
            int g = e.getValue();
            if (g < 0 || g >= k) {
                throw new IllegalArgumentException(e.getKey() + " is locked to group " + g + ", but the groups are 0 to " + (k - 1));
            }
            lock[i] = g;
        });
        checkUnits();
        for (int[] pair : separatePairs) {
            if (unitOf[pair[0]] == unitOf[pair[1]]) {
                throw new IllegalArgumentException(id(pair[0]) + " and " + id(pair[1]) + " must be both together and separate");
            }
            if (lock[pair[0]] >= 0 && lock[pair[0]] == lock[pair[1]]) {
                throw new IllegalArgumentException(id(pair[0]) + " and " + id(pair[1]) + " must be separate but are locked to the "
                        + "same group (" + lock[pair[0]] + ")");
            }
        }

        numbers = rules.numbers().size();
        z = new double[numbers][n];
        has = new int[numbers][n];
        mean = new double[numbers];
        sd = new double[numbers];
        for (int j = 0; j < numbers; j++) {
            standardise(j);
        }
    }

    String id(int i) {
        return people.get(i).id();
    }

    int capacityLimit() {
        return big > 0 ? small + 1 : small;
    }

    private void intern(int attribute, java.util.function.Function<Person, String> key,
                        java.util.function.Function<Person, String> label, boolean emptyIsUnique) {
        Map<String, Integer> codes = new HashMap<>();
        List<String> names = new ArrayList<>();
        int[] c = new int[n];
        for (int i = 0; i < n; i++) {
            Person p = people.get(i);
            String value = key.apply(p);
            if (emptyIsUnique && value.isEmpty()) {
                c[i] = names.size();
                names.add("");
                continue;
            }
            Integer existing = codes.get(value);
            if (existing == null) {
                existing = names.size();
                codes.put(value, existing);
                names.add(label.apply(p));
            }
            c[i] = existing;
        }
        code[attribute] = c;
        categories[attribute] = names.size();
        labels.add(names);
    }

    private List<int[]> pairs(List<Pair> pairs, Map<String, Integer> index, String what, boolean strict) {
        List<int[]> out = new ArrayList<>();
        for (Pair pair : pairs) {
            Integer a = index.get(pair.a());
            Integer b = index.get(pair.b());
            if (a == null || b == null) {
                if (strict) {
                    throw new IllegalArgumentException("The " + what + " pair " + pair.a() + ", " + pair.b()
                            + " names someone who is not among the people: " + (a == null ? pair.a() : pair.b()));
                }
                continue;
            }
            if (a.equals(b)) {
                if (strict) {
                    throw new IllegalArgumentException("The " + what + " pair " + pair.a() + ", " + pair.b() + " names one person twice");
                }
                continue;
            }
            out.add(new int[] {Math.min(a, b), Math.max(a, b)});
        }
        // One entry per pair, so counts of clashes are counts of distinct pairs.
        out.sort((x, y) -> x[0] != y[0] ? Integer.compare(x[0], y[0]) : Integer.compare(x[1], y[1]));
        List<int[]> distinct = new ArrayList<>();
        for (int[] p : out) {
            if (distinct.isEmpty() || !Arrays.equals(distinct.get(distinct.size() - 1), p)) {
                distinct.add(p);
            }
        }
        return distinct;
    }

    /** Adjacency in compressed rows: start[i] .. start[i + 1] in adj. */
    private int[][] csr(List<int[]> pairs) {
        int[] start = new int[n + 1];
        for (int[] p : pairs) {
            start[p[0] + 1]++;
            start[p[1] + 1]++;
        }
        for (int i = 0; i < n; i++) {
            start[i + 1] += start[i];
        }
        int[] fill = Arrays.copyOf(start, n);
        int[] adj = new int[start[n]];
        for (int[] p : pairs) {
            adj[fill[p[0]]++] = p[1];
            adj[fill[p[1]]++] = p[0];
        }
        return new int[][] {start, adj};
    }

    private int[][] units(List<int[]> together) {
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int[] p : together) {
            int a = find(parent, p[0]);
            int b = find(parent, p[1]);
            if (a != b) {
                parent[Math.max(a, b)] = Math.min(a, b);
            }
        }
        int[] unitIndex = new int[n];
        Arrays.fill(unitIndex, -1);
        int count = 0;
        int[] sizes = new int[n];
        for (int i = 0; i < n; i++) {
            int r = find(parent, i);
            if (unitIndex[r] < 0) {
                unitIndex[r] = count++;
            }
            unitOf[i] = unitIndex[r];
            sizes[unitOf[i]]++;
        }
        int[][] out = new int[count][];
        for (int u = 0; u < count; u++) {
            out[u] = new int[sizes[u]];
        }
        int[] fill = new int[count];
        for (int i = 0; i < n; i++) {
            out[unitOf[i]][fill[unitOf[i]]++] = i;
        }
        return out;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** Locks agree inside every unit, and units and locked people fit the group sizes. */
    private void checkUnits() {
        int limit = capacityLimit();
        int[] lockedIn = new int[k];
        for (int[] unit : units) {
            int g = -1;
            for (int i : unit) {
                if (lock[i] >= 0) {
                    if (g >= 0 && g != lock[i]) {
                        throw new IllegalArgumentException(id(unit[0]) + " and the people who must be with them are locked to "
                                + "different groups (" + g + " and " + lock[i] + ")");
                    }
                    g = lock[i];
                }
            }
            if (unit.length > limit) {
                throw new IllegalArgumentException(unit.length + " people must be together (" + id(unit[0]) + " and others), "
                        + "but groups have at most " + limit);
            }
            if (g >= 0) {
                for (int i : unit) {
                    lock[i] = g;
                }
                lockedIn[g] += unit.length;
            }
        }
        int needBig = 0;
        for (int g = 0; g < k; g++) {
            if (lockedIn[g] > limit) {
                throw new IllegalArgumentException(lockedIn[g] + " people are locked to group " + g + " (with those who must be "
                        + "with them), but groups have at most " + limit);
            }
            if (lockedIn[g] > small) {
                needBig++;
            }
        }
        if (needBig > big) {
            throw new IllegalArgumentException(needBig + " groups have " + (small + 1) + " locked people (with those who must be "
                    + "with them), but only " + big + " of the " + k + " groups can have " + (small + 1));
        }
    }

    private void standardise(int j) {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < n; i++) {
            double v = people.get(i).number(j);
            if (!Double.isNaN(v)) {
                sum += v;
                count++;
            }
        }
        double m = count == 0 ? 0 : sum / count;
        double ss = 0;
        for (int i = 0; i < n; i++) {
            double v = people.get(i).number(j);
            if (!Double.isNaN(v)) {
                ss += (v - m) * (v - m);
            }
        }
        double s = count == 0 ? 0 : Math.sqrt(ss / count);
        mean[j] = m;
        sd[j] = s;
        for (int i = 0; i < n; i++) {
            double v = people.get(i).number(j);
            boolean present = !Double.isNaN(v);
            has[j][i] = present ? 1 : 0;
            z[j][i] = present && s > 0 ? (v - m) / s : 0;
        }
    }
}
