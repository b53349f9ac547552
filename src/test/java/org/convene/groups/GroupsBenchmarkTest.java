package org.convene.groups;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The group formation engine against random balanced groups, the anticlust exchange method
 * ({@link ExchangeBaseline}), the exact optimum on small instances ({@link ExactGroups}) and the
 * upper bound on diversity, on instances made from the demo region ({@link GroupInstances}).
 *
 * <pre>
 * mvn -q test -Dtest='org.convene.groups.GroupsBenchmarkTest' -Dtest.excludedGroups=none -DargLine=-Xmx6g \
 *     -Dbench.sizes=100,1000,10000,100000 -Dbench.kinds=DEMO,HARD -Dbench.out=/tmp/groups.md
 * </pre>
 * Other properties: bench.groupSize (6), bench.seed (1), bench.exchangeUpTo (10000: the exchange
 * method is O(N^2) per pass), bench.cohortsUpTo (10000: three cohorts per method), bench.exact
 * (true: the small exact instances), bench.exactPeople (16), bench.exactInstances (12).
 *
 * <p>The SD-gap lower bound, per attribute: over everyone the values are standardised (mean 0,
 * SD 1). In any formation whose group means lie within a range of D, every group mean m is in
 * [-D, D] (the count-weighted mean of group means is 0). The group of the person with the most
 * extreme value z has SD at least |z - m| / sqrt(c - 1) >= (|z| - D) / sqrt(c - 1), c its size
 * (c values with that one fixed: the SD is least with the others equal), while some group has SD
 * at most 1 (the count-weighted mean of squared group SDs is 1 minus that of squared means). So
 * the SD gap is at least (|z| - D) / sqrt(cmax - 1) - 1, with D our mean gap: no formation whose
 * means are as alike as ours can have SDs more alike than this.
 * Asserts only that our formations keep the hard constraints that can be kept.
 */
@Tag("bench")
class GroupsBenchmarkTest {

    /** One method's formation measured. */
    private record Row(String method, Totals totals, long locksBroken, long togetherBroken, String seconds, String repeats) {
    }

    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    /** Wall and CPU seconds of a method's run (the machine is shared: CPU time is what the run itself used). */
    private static String seconds(long wallStart, long cpuStart) {
        return String.format(Locale.ROOT, "%.2f (CPU %.2f)", (System.nanoTime() - wallStart) / 1e9, (CPU.getCurrentThreadCpuTime() - cpuStart) / 1e9);
    }

    @Test
    void againstRandomTheExchangeMethodTheOptimumAndTheBound() {
        int groupSize = Integer.getInteger("bench.groupSize", 6);
        long seed = Long.getLong("bench.seed", 1);
        int exchangeUpTo = Integer.getInteger("bench.exchangeUpTo", 10_000);
        int cohortsUpTo = Integer.getInteger("bench.cohortsUpTo", 10_000);
        out("");
        out(String.format(Locale.ROOT, "Group formation benchmark, groups of %d, seed %d, started with load average %s", groupSize, seed, load()));
        if (Boolean.parseBoolean(System.getProperty("bench.exact", "true"))) {
            exact(Integer.getInteger("bench.exactPeople", 16), Integer.getInteger("bench.exactInstances", 12), seed);
        }
        for (String kindName : System.getProperty("bench.kinds", "DEMO,HARD").split(",")) {
            GroupInstances.Kind kind = GroupInstances.Kind.valueOf(kindName.strip());
            out("");
            out("### " + kind);
            out("");
            out("| people | method | sep. broken / org. clashes (fewest) / team clashes / locks broken / together broken | diversity / bound (/ tightened) | "
                    + "max mean gap: years, band | max SD gap: years, band (lower bound) | worst group | repeats in cohort 3 | seconds | load |");
            out("|---|---|---|---|---|---|---|---|---|---|");
            for (String size : System.getProperty("bench.sizes", "100,1000").split(",")) {
                int n = Integer.parseInt(size.strip());
                run(kind, n, groupSize, seed, n <= exchangeUpTo, n <= cohortsUpTo);
            }
        }
    }

    private static void run(GroupInstances.Kind kind, int n, int groupSize, long seed, boolean exchange, boolean cohorts) {
        Problem problem = GroupInstances.of(kind, n, groupSize, seed);
        Instance in = new Instance(problem, Rules.DEFAULT);
        Former former = new Former();
        if (n <= 1_000) {
            former.form(problem.withSeed(seed + 1_000)); // warm-up, untimed: the JIT compiles the hot loops
        }
        List<Row> rows = new ArrayList<>();
        long t0 = System.nanoTime();
        long c0 = CPU.getCurrentThreadCpuTime();
        Formation ours = former.form(problem);
        String ourSeconds = seconds(t0, c0);
        String ourRepeats = cohorts ? share(cohortThree(problem, p -> former.form(p).assignment())) : "-";
        rows.add(row("ours", in, ours.assignment(), ourSeconds, ourRepeats));
        Totals t = ours.totals();
        if (t.separateBroken() > 0 || t.organisationClashes() > t.minimumOrganisationClashes() && kind == GroupInstances.Kind.DEMO
                || rows.get(0).locksBroken() > 0 || rows.get(0).togetherBroken() > 0) {
            throw new AssertionError(kind + " " + n + ": our formation breaks constraints: " + rows.get(0));
        }
        t0 = System.nanoTime();
        c0 = CPU.getCurrentThreadCpuTime();
        int[] random = ExchangeBaseline.random(n, in.k, seed);
        rows.add(row("random", in, random, seconds(t0, c0),
                cohorts ? share(cohortThree(problem, p -> ExchangeBaseline.random(n, in.k, p.seed()))) : "-"));
        if (exchange) {
            t0 = System.nanoTime();
            c0 = CPU.getCurrentThreadCpuTime();
            int[] exchanged = ExchangeBaseline.exchange(in, seed);
            String exchangeSeconds = seconds(t0, c0);
            boolean exchangeCohorts = cohorts && n <= 1_000;
            rows.add(row("exchange (anticlust)", in, exchanged, exchangeSeconds,
                    exchangeCohorts ? share(cohortThree(problem, p -> ExchangeBaseline.exchange(new Instance(p, Rules.DEFAULT), p.seed()))) : "-"));
        }
        for (Row r : rows) {
            Totals x = r.totals();
            long tightened = x.upperBound() - unitLoss(in);
            String share = tightened == x.upperBound() ? String.format(Locale.ROOT, "%.4f", x.ratio())
                    : String.format(Locale.ROOT, "%.4f (%.4f)", x.ratio(), (double) x.diversity() / tightened);
            out(String.format(Locale.ROOT, "| %,d | %s | %d / %,d (%,d) / %d / %d / %d | %s | %.3f, %.3f | %.3f, %.3f (%.3f, %.3f) | %d | %s | %s | %s |",
                    n, r.method(), x.separateBroken(), x.organisationClashes(), x.minimumOrganisationClashes(), x.teamClashes(),
                    r.locksBroken(), r.togetherBroken(), share, x.maxMeanGaps().get(0), x.maxMeanGaps().get(1),
                    x.maxSdGaps().get(0), x.maxSdGaps().get(1), sdGapBound(in, 0, x.maxMeanGaps().get(0)),
                    sdGapBound(in, 1, x.maxMeanGaps().get(1)), x.worstGroupDiversity(), r.repeats(), r.seconds(), load()));
        }
    }

    /**
     * What must-together units cost the bound at least: a value held by at most k people is spread
     * at most one per group, so a unit holding c > 1 of them adds c(c - 1)/2 same-value pairs.
     */
    static long unitLoss(Instance in) {
        long loss = 0;
        for (int t = 0; t < Instance.ATTRIBUTES; t++) {
            int[] total = new int[in.categories[t]];
            for (int p = 0; p < in.n; p++) {
                total[in.code[t][p]]++;
            }
            for (int[] unit : in.units) {
                Map<Integer, Integer> same = new HashMap<>();
                for (int p : unit) {
                    same.merge(in.code[t][p], 1, Integer::sum);
                }
                for (Map.Entry<Integer, Integer> e : same.entrySet()) {
                    if (e.getValue() > 1 && total[e.getKey()] <= in.k) {
                        loss += (long) in.weight[t] * e.getValue() * (e.getValue() - 1) / 2;
                    }
                }
            }
        }
        return loss;
    }

    private static Row row(String method, Instance in, int[] groupOf, String seconds, String repeats) {
        Totals totals = Explain.formation(in, groupOf, 0).totals();
        long locks = 0;
        for (int p = 0; p < in.n; p++) {
            if (in.lock[p] >= 0 && groupOf[p] != in.lock[p]) {
                locks++;
            }
        }
        long together = 0;
        for (int[] unit : in.units) {
            for (int i = 1; i < unit.length; i++) {
                if (groupOf[unit[i]] != groupOf[unit[0]]) {
                    together++;
                }
            }
        }
        return new Row(method, totals, locks, together, seconds, repeats);
    }

    /** The SD-gap lower bound of attribute j for formations with mean gap at most meanGap (see the class comment). */
    static double sdGapBound(Instance in, int j, double meanGap) {
        double most = 0;
        for (int p = 0; p < in.n; p++) {
            if (in.has[j][p] == 1) {
                most = Math.max(most, Math.abs(in.z[j][p]));
            }
        }
        int largest = in.capacityLimit();
        return largest < 2 ? 0 : Math.max(0, (most - meanGap) / Math.sqrt(largest - 1) - 1);
    }

    /**
     * Cohorts 1, 2 (avoiding cohort 1's pairs) and 3 (avoiding both): {pairs in cohort 3 together
     * before, pairs in cohort 3, of those the pairs inside must-together units (forced to repeat)}.
     */
    private static long[] cohortThree(Problem problem, java.util.function.Function<Problem, int[]> form) {
        List<Person> people = problem.people();
        Instance in = new Instance(problem, Rules.DEFAULT);
        Set<Long> before = new HashSet<>();
        List<Pair> past = new ArrayList<>();
        long repeated = 0;
        long pairs = 0;
        long forced = 0;
        for (int cohort = 1; cohort <= 3; cohort++) {
            int[] groupOf = form.apply(problem.withPast(List.copyOf(past)).withSeed(problem.seed() + cohort * 7919L));
            Map<Integer, List<Integer>> groups = new HashMap<>();
            for (int p = 0; p < groupOf.length; p++) {
                groups.computeIfAbsent(groupOf[p], g -> new ArrayList<>()).add(p);
            }
            for (List<Integer> members : groups.values()) {
                for (int x = 0; x < members.size(); x++) {
                    for (int y = x + 1; y < members.size(); y++) {
                        long key = (long) members.get(x) * people.size() + members.get(y);
                        if (cohort == 3) {
                            pairs++;
                            boolean again = before.contains(key);
                            repeated += again ? 1 : 0;
                            forced += again && in.unitOf[members.get(x)] == in.unitOf[members.get(y)] ? 1 : 0;
                        } else if (before.add(key)) {
                            past.add(new Pair(people.get(members.get(x)).id(), people.get(members.get(y)).id()));
                        }
                    }
                }
            }
        }
        return new long[] {repeated, pairs, forced};
    }

    private static String share(long[] counts) {
        String forced = counts[2] == 0 ? "" : String.format(Locale.ROOT, ", %d of them must-together pairs", counts[2]);
        return String.format(Locale.ROOT, "%.2f %% (%,d of %,d%s)", 100.0 * counts[0] / counts[1], counts[0], counts[1], forced);
    }

    /**
     * Small instances against the exact optimum: people drawn from the demo region, half of them
     * with must-separate and past pairs, into groups of 4 and of 6.
     */
    private static void exact(int people, int instances, long seed) {
        out("");
        out(String.format(Locale.ROOT, "### Exact optimum, %d people per instance", people));
        out("");
        out("| instance | groups | clashes and diversity: exact | ours | exchange (anticlust) | random | ours / exact | exchange / exact | random / exact | exact (s) | ours (s) |");
        out("|---|---|---|---|---|---|---|---|---|---|---|");
        Former former = new Former();
        int reached = 0;
        for (int i = 0; i < instances; i++) {
            List<Person> all = GroupInstances.people(GroupInstances.Kind.DEMO, 1_000, seed + i);
            SplittableRandom r = new SplittableRandom(seed * 31 + i);
            List<Person> chosen = new ArrayList<>();
            Set<Integer> used = new HashSet<>();
            while (chosen.size() < people) {
                int p = r.nextInt(all.size());
                if (used.add(p)) {
                    chosen.add(all.get(p));
                }
            }
            Sizing sizing = Sizing.size(i % 2 == 0 ? 4 : 6);
            Problem problem = Problem.of(chosen, sizing).withSeed(seed + i);
            if (i % 4 >= 2) {
                List<Pair> separate = new ArrayList<>();
                List<Pair> past = new ArrayList<>();
                for (int x = 0; x < people / 4; x++) {
                    separate.add(new Pair(chosen.get(r.nextInt(people)).id(), chosen.get(r.nextInt(people)).id()));
                    past.add(new Pair(chosen.get(r.nextInt(people)).id(), chosen.get(r.nextInt(people)).id()));
                }
                separate.removeIf(p -> p.a().equals(p.b()));
                problem = problem.withSeparate(separate).withPast(past);
            }
            long t0 = System.nanoTime();
            ExactGroups.Optimum best = ExactGroups.solve(problem, Rules.DEFAULT);
            double exactSeconds = (System.nanoTime() - t0) / 1e9;
            Formation ours = former.form(problem);
            Instance in = new Instance(problem, Rules.DEFAULT);
            Totals ex = Explain.formation(in, ExchangeBaseline.exchange(in, seed + i), 0).totals();
            Totals rnd = Explain.formation(in, ExchangeBaseline.random(in.n, in.k, seed + i), 0).totals();
            Totals o = ours.totals();
            boolean same = o.separateBroken() == best.separate() && o.organisationClashes() == best.organisation()
                    && o.teamClashes() == best.team() && o.repeats() == best.repeats() && o.diversity() == best.diversity();
            reached += same ? 1 : 0;
            out(String.format(Locale.ROOT, "| %d%s | %d | %s | %s | %s | %s | %.4f%s | %.4f | %.4f | %.2f | %.3f |",
                    i + 1, i % 4 >= 2 ? " (separate and past pairs)" : "", in.k,
                    describe(best.separate(), best.organisation(), best.team(), best.repeats(), best.diversity()),
                    describe(o), describe(ex), describe(rnd), (double) o.diversity() / best.diversity(), same ? "" : " (differs)",
                    (double) ex.diversity() / best.diversity(), (double) rnd.diversity() / best.diversity(), exactSeconds, o.seconds()));
        }
        out("");
        out(String.format(Locale.ROOT, "Ours equal to the exact optimum (every clash count and the diversity) on %d of %d instances.", reached, instances));
    }

    private static String describe(Totals t) {
        return describe(t.separateBroken(), t.organisationClashes(), t.teamClashes(), t.repeats(), t.diversity());
    }

    private static String describe(long sep, long org, long team, long rep, long diversity) {
        return String.format(Locale.ROOT, "%d/%d/%d/%d, %d", sep, org, team, rep, diversity);
    }

    private static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static void out(String line) {
        System.out.println(line);
        String file = System.getProperty("bench.out");
        if (file != null && !file.isBlank()) {
            try {
                Files.writeString(Path.of(file), line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
