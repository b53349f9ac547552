package org.convene.groups;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The formation's groups and totals, computed afresh from the assignment (not from the search's
 * running counts, so a slip in those would show as a difference in the tests).
 */
final class Explain {
    /** At most this many clashes are listed (all are counted). */
    static final int LISTED = 1_000;

    private Explain() {
    }

    static Formation formation(Instance in, int[] groupOf, double seconds) {
        List<List<Integer>> members = new ArrayList<>();
        for (int g = 0; g < in.k; g++) {
            members.add(new ArrayList<>());
        }
        for (int p = 0; p < in.n; p++) {
            members.get(groupOf[p]).add(p);
        }
        List<Group> groups = new ArrayList<>();
        long diversity = 0;
        long worst = Long.MAX_VALUE;
        List<List<Clash>> byKind = new ArrayList<>();
        for (int i = 0; i < Clash.Kind.values().length; i++) {
            byKind.add(new ArrayList<>());
        }
        long[] clashCounts = new long[Clash.Kind.values().length];
        double[][] means = new double[in.numbers][in.k];
        double[][] sds = new double[in.numbers][in.k];
        for (int g = 0; g < in.k; g++) {
            List<Integer> m = members.get(g);
            long d = groupDiversity(in, m);
            diversity += d;
            worst = Math.min(worst, d);
            List<Double> groupMeans = new ArrayList<>();
            List<Double> groupSds = new ArrayList<>();
            for (int j = 0; j < in.numbers; j++) {
                double[] ms = meanAndSd(in, m, j);
                means[j][g] = ms[0];
                sds[j][g] = ms[1];
                groupMeans.add(ms[0]);
                groupSds.add(ms[1]);
            }
            groups.add(new Group(g, m, m.stream().map(in::id).toList(), mix(in, m, Instance.SECTOR), mix(in, m, Instance.PROFESSION),
                    mix(in, m, Instance.ORGANISATION), mix(in, m, Instance.PLACE), d, groupMeans, groupSds));
            clashes(in, g, m, clashCounts, byKind, groupOf);
        }
        List<Double> meanGaps = new ArrayList<>();
        List<Double> sdGaps = new ArrayList<>();
        for (int j = 0; j < in.numbers; j++) {
            meanGaps.add(gap(means[j], in.sd[j]));
            sdGaps.add(gap(sds[j], in.sd[j]));
        }
        List<Clash> broken = new ArrayList<>();
        byKind.forEach(list -> broken.addAll(list.subList(0, Math.min(list.size(), LISTED - broken.size()))));
        long bound = Bound.of(in);
        Totals totals = new Totals(diversity, bound, bound == 0 ? 1.0 : (double) diversity / bound,
                clashCounts[Clash.Kind.ORGANISATION.ordinal()], Bound.fewestOrganisationClashes(in),
                clashCounts[Clash.Kind.TEAM.ordinal()], clashCounts[Clash.Kind.REPEAT.ordinal()],
                clashCounts[Clash.Kind.SEPARATE.ordinal()], broken, meanGaps, sdGaps, worst, seconds);
        return new Formation(groupOf, groups, totals);
    }

    static long groupDiversity(Instance in, List<Integer> m) {
        long pairs = Bound.choose2(m.size());
        long d = 0;
        for (int t = 0; t < Instance.ATTRIBUTES; t++) {
            Map<Integer, Integer> counts = new HashMap<>();
            for (int p : m) {
                counts.merge(in.code[t][p], 1, Integer::sum);
            }
            long same = 0;
            for (int c : counts.values()) {
                same += Bound.choose2(c);
            }
            d += in.weight[t] * (pairs - same);
        }
        return d;
    }

    private static double[] meanAndSd(Instance in, List<Integer> m, int j) {
        double sum = 0;
        int count = 0;
        for (int p : m) {
            double v = in.people.get(p).number(j);
            if (!Double.isNaN(v)) {
                sum += v;
                count++;
            }
        }
        if (count == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double mean = sum / count;
        double ss = 0;
        for (int p : m) {
            double v = in.people.get(p).number(j);
            if (!Double.isNaN(v)) {
                ss += (v - mean) * (v - mean);
            }
        }
        return new double[] {mean, Math.sqrt(ss / count)};
    }

    private static double gap(double[] values, double sd) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return hi > lo && sd > 0 ? (hi - lo) / sd : 0;
    }

    private static Map<String, Integer> mix(Instance in, List<Integer> m, int attribute) {
        Map<String, Integer> counts = new HashMap<>();
        for (int p : m) {
            String label = in.labels.get(attribute).get(in.code[attribute][p]);
            counts.merge(label.isEmpty() ? (attribute == Instance.ORGANISATION ? "(none)" : "(unknown)") : label, 1, Integer::sum);
        }
        Map<String, Integer> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    private static void clashes(Instance in, int g, List<Integer> m, long[] counts, List<List<Clash>> broken, int[] groupOf) {
        for (int x = 0; x < m.size(); x++) {
            int p = m.get(x);
            for (int e = in.sepStart[p]; e < in.sepStart[p + 1]; e++) {
                if (in.sep[e] > p && groupOf[in.sep[e]] == g) {
                    add(counts, broken, new Clash(Clash.Kind.SEPARATE, g, in.id(p), in.id(in.sep[e])));
                }
            }
        }
        sameValuePairs(in, g, m, in.code[Instance.ORGANISATION], Clash.Kind.ORGANISATION, counts, broken);
        sameValuePairs(in, g, m, in.team, Clash.Kind.TEAM, counts, broken);
        for (int x = 0; x < m.size(); x++) {
            int p = m.get(x);
            for (int e = in.pastStart[p]; e < in.pastStart[p + 1]; e++) {
                if (in.past[e] > p && groupOf[in.past[e]] == g) {
                    add(counts, broken, new Clash(Clash.Kind.REPEAT, g, in.id(p), in.id(in.past[e])));
                }
            }
        }
    }

    /** Counts (and lists, up to the limit) the pairs of members with the same value; value -1 is none. */
    private static void sameValuePairs(Instance in, int g, List<Integer> m, int[] value, Clash.Kind kind, long[] counts,
                                       List<List<Clash>> lists) {
        List<Clash> broken = lists.get(kind.ordinal());
        Map<Integer, List<Integer>> byValue = new LinkedHashMap<>();
        for (int p : m) {
            if (value[p] >= 0) {
                byValue.computeIfAbsent(value[p], v -> new ArrayList<>()).add(p);
            }
        }
        for (List<Integer> same : byValue.values()) {
            counts[kind.ordinal()] += Bound.choose2(same.size());
            for (int x = 0; x < same.size() && broken.size() < LISTED; x++) {
                for (int y = x + 1; y < same.size() && broken.size() < LISTED; y++) {
                    broken.add(new Clash(kind, g, in.id(same.get(x)), in.id(same.get(y))));
                }
            }
        }
    }

    private static void add(long[] counts, List<List<Clash>> lists, Clash clash) {
        counts[clash.kind().ordinal()]++;
        List<Clash> broken = lists.get(clash.kind().ordinal());
        if (broken.size() < LISTED) {
            broken.add(clash);
        }
    }
}
