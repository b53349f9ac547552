package org.convene.matching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The matching engine's quality, round after round on the same people, against the exact optimum
 * (all allowed pairs up to {@code bench.allPairsUpTo} people, else the union of everyone's
 * {@code bench.k} best allowed pairs), against the upper bound (half the sum over people of their
 * best allowed score over all allowed pairs) and against random pairing as Donut does it.
 *
 * <pre>
 * mvn -q test -Dtest='org.convene.matching.MatchingQualityBenchmarkTest' -Dtest.excludedGroups=none \
 *     -DargLine=-Xmx4g -Dbench.sizes=2000,10000 -Dbench.kinds=DEMO,DOMINANT_SECTOR,FEW_INTERESTS,LONG_HISTORY
 * </pre>
 * Other properties: bench.rounds (6), bench.seed (1), bench.k (50), bench.allPairsUpTo (2000),
 * bench.earlierRounds (20, for LONG_HISTORY), bench.exact (true; false skips the reference),
 * bench.exactSeconds (0: no limit; else the reference gives up on a round after that long),
 * bench.out (a file the Markdown tables are appended to), bench.debug (reference solver steps).
 * Prints a table per instance; asserts only that our rounds keep the rules.
 */
@Tag("bench")
class MatchingQualityBenchmarkTest {

    private record Figures(long links, long cross, long shared, long score, long repeats, long broken) {
        static Figures of(PairSpace space, List<int[]> groups) {
            long links = 0;
            long cross = 0;
            long shared = 0;
            long score = 0;
            long repeats = 0;
            long broken = 0;
            for (int[] g : groups) {
                for (int x = 0; x < g.length; x++) {
                    for (int y = x + 1; y < g.length; y++) {
                        int a = g[x];
                        int b = g[y];
                        links++;
                        if (space.sector[a] != space.sector[b]) {
                            cross++;
                        }
                        shared += space.shared(a, b);
                        score += space.score(a, b);
                        if (space.met(a, b)) {
                            repeats++;
                        }
                        if (!space.allowed(a, b)) {
                            broken++;
                        }
                    }
                }
            }
            return new Figures(links, cross, shared, score, repeats, broken);
        }

        double crossShare() {
            return links == 0 ? 0 : (double) cross / links;
        }

        double meanShared() {
            return links == 0 ? 0 : (double) shared / links;
        }
    }

    @Test
    void againstTheOptimumTheBoundAndRandomPairing() {
        int rounds = Integer.getInteger("bench.rounds", 6);
        long seed = Long.getLong("bench.seed", 1);
        int k = Integer.getInteger("bench.k", 50);
        int allPairsUpTo = Integer.getInteger("bench.allPairsUpTo", 2000);
        int earlier = Integer.getInteger("bench.earlierRounds", 20);
        boolean exact = Boolean.parseBoolean(System.getProperty("bench.exact", "true"));
        double exactLimit = Double.parseDouble(System.getProperty("bench.exactSeconds", "0"));
        for (String kindName : System.getProperty("bench.kinds", "DEMO").split(",")) {
            DemoInstances.Kind kind = DemoInstances.Kind.valueOf(kindName.strip());
            for (String size : System.getProperty("bench.sizes", "2000").split(",")) {
                int n = Integer.parseInt(size.strip());
                run(kind, n, rounds, seed, n <= allPairsUpTo ? 0 : k, kind == DemoInstances.Kind.LONG_HISTORY ? earlier : 0, exact, exactLimit);
            }
        }
    }

    private static void run(DemoInstances.Kind kind, int n, int rounds, long seed, int k, int earlier, boolean exact, double exactLimit) {
        long t0 = System.nanoTime();
        List<Participant> people = DemoInstances.of(kind, n, seed);
        PairSpace ours = new PairSpace(people);
        PairSpace donut = new PairSpace(people);
        History history = new History();
        for (int e = 0; e < earlier; e++) {
            List<int[]> groups = DonutPairing.round(donut, seed * 1000 + 500 + e);
            DonutPairing.remember(donut, groups);
            for (int[] g : groups) {
                for (int x = 0; x < g.length; x++) {
                    for (int y = x + 1; y < g.length; y++) {
                        ours.addMet(g[x], g[y]);
                        history.add(people.get(g[x]).id(), people.get(g[y]).id());
                    }
                }
            }
        }
        out("");
        out(String.format(Locale.ROOT, "%s, %,d people, seed %d%s (instance %.1f s); reference: %s",
                kind, n, seed, earlier > 0 ? ", " + earlier + " earlier random rounds in the history" : "",
                (System.nanoTime() - t0) / 1e9, k == 0 ? "exact over all allowed pairs" : "exact over each person's " + k + " best allowed pairs"));
        out("");
        out("| round | ours: people paired / score (s) | exact: people paired / score (s) | ours / exact score | LP bound over the reference's pairs: people / score (s) | ours / LP bound score | bound: people / score | ours / bound score |");
        out("|---|---|---|---|---|---|---|---|");
        Matcher matcher = new Matcher();
        List<String> baseline = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            long roundSeed = seed * 100 + round;
            long ts = System.nanoTime();
            PairSpace.Scan scan = ours.scan(k, roundSeed, true);
            double scanSeconds = (System.nanoTime() - ts) / 1e9;
            ExactReference.Result ref = null;
            String refCell = "-";
            if (exact) {
                try {
                    ref = ExactReference.solve(n, scan.eu, scan.ev, scan.score, 6, true, exactLimit);
                    refCell = String.format(Locale.ROOT, "%,d / %,d (%.2f s)", 2 * ref.pairs(), ref.score(), ref.seconds());
                } catch (ReferenceBlossom.TimedOut e) {
                    refCell = String.format(Locale.ROOT, "not finished in %.0f s", exactLimit);
                }
            }
            LpBound lp = LpBound.of(n, scan.eu, scan.ev, scan.score);
            Round r = matcher.match(people, history, Set.of(), Set.of(), roundSeed);
            // our matching: one pair per group; in a trio the best pair inside it (all its pairs are allowed)
            List<int[]> groups = new ArrayList<>();
            long pairs = r.groups().size();
            long matchedScore = 0;
            for (Group g : r.groups()) {
                int[] idx = g.members().stream().mapToInt(p -> ours.indexOf(p.id())).toArray();
                groups.add(idx);
                int best = 0;
                for (int x = 0; x < idx.length; x++) {
                    for (int y = x + 1; y < idx.length; y++) {
                        best = Math.max(best, ours.score(idx[x], idx[y]));
                    }
                }
                matchedScore += best;
            }
            Figures f = Figures.of(ours, groups);
            if (f.broken() > 0) {
                throw new AssertionError(f.broken() + " pairs in round " + round + " break the rules");
            }
            List<int[]> donutGroups = DonutPairing.round(donut, roundSeed);
            Figures d = Figures.of(donut, donutGroups);
            DonutPairing.remember(donut, donutGroups);
            ours.addRound(r.groups());
            history.addRound(r);

            double bound = scan.scoreBound();
            double lpScore = lp.score();
            out(String.format(Locale.ROOT, "| %d | %,d / %,d (%.2f s; %,d placed, %,d unplaced) | %s | %s | %,d / %,.1f (%.2f s) | %s | %,d / %,.1f | %.4f |",
                    round, 2 * pairs, matchedScore, r.stats().nanos() / 1e9, r.peoplePlaced(), r.stats().unplaced(),
                    refCell,
                    ref == null ? "-" : String.format(Locale.ROOT, "%.4f%s", (double) matchedScore / ref.score(),
                            pairs == ref.pairs() ? "" : pairs > ref.pairs() ? " (ours pairs more)" : " (ours pairs fewer)"),
                    2 * lp.maxPairs(), lpScore, lp.seconds(),
                    String.format(Locale.ROOT, "%.4f%s", matchedScore / lpScore, pairs == lp.maxPairs() ? "" : pairs < lp.maxPairs() ? " (the LP allows more pairs)" : " (ours pairs more than E allows)"),
                    ours.peopleBound(scan), bound, matchedScore / bound));
            if (Boolean.getBoolean("bench.debug")) {
                System.out.printf("  scan %.1f s, %,d reference edges, %d solves%n", scanSeconds, scan.edges(), ref == null ? 0 : ref.solves());
            }
            baseline.add(String.format(Locale.ROOT, "| %d | %.3f / %.3f | %.2f / %.2f | %.2f / %.2f | %d / %,d |",
                    round, f.crossShare(), d.crossShare(), f.meanShared(), d.meanShared(),
                    (double) f.score() / f.links(), (double) d.score() / d.links(), f.repeats(), d.repeats()));
        }
        out("");
        out("| round | cross-sector share: ours / Donut | mean shared interests | mean pair score | repeats |");
        out("|---|---|---|---|---|");
        baseline.forEach(MatchingQualityBenchmarkTest::out);
    }

    /**
     * Upper bounds on the reference's optimum over the same pairs E, from LP duality, computed by
     * the engine's {@link FractionalMatching} (the double-cover assignment) but checked here: its
     * dual objective is recomputed from the prices alone, and any prices give a valid bound, so
     * the bounds do not rest on the solver being right. People: with each pair weighing B + score
     * (B = (n/2) x max score + 1, more than any total score), a matching of E with K pairs has
     * K B <= U, so K <= floor(U / B). Score: with each pair weighing its score, U bounds the score
     * of every matching of E, the reference's included, whatever its number of pairs.
     */
    private record LpBound(long maxPairs, double score, double seconds) {
        static LpBound of(int n, int[] eu, int[] ev, int[] score) {
            long t = System.nanoTime();
            int maxScore = 1;
            for (int s : score) {
                maxScore = Math.max(maxScore, s);
            }
            long big = (long) (n / 2) * maxScore + 1;
            long maxPairs = (long) Math.floor(upper(n, eu, ev, score, big) / big);
            return new LpBound(maxPairs, upper(n, eu, ev, score, 0), (System.nanoTime() - t) / 1e9);
        }

        private static double upper(int n, int[] eu, int[] ev, int[] score, long big) {
            int[] start = new int[n + 1];
            for (int e = 0; e < eu.length; e++) {
                start[eu[e] + 1]++;
                start[ev[e] + 1]++;
            }
            for (int i = 0; i < n; i++) {
                start[i + 1] += start[i];
            }
            int[] fill = java.util.Arrays.copyOf(start, n);
            int[] adj = new int[start[n]];
            long[] weight = new long[start[n]];
            for (int e = 0; e < eu.length; e++) {
                adj[fill[eu[e]]] = ev[e];
                weight[fill[eu[e]]++] = big + score[e];
                adj[fill[ev[e]]] = eu[e];
                weight[fill[ev[e]]++] = big + score[e];
            }
            FractionalMatching.Result r = FractionalMatching.solve(n, start, adj, weight);
            long[] price = r.price();
            long scale = r.scale();
            java.math.BigInteger dual = java.math.BigInteger.ZERO;
            for (int i = 0; i < n; i++) {
                long best = -price[i];
                for (int p = start[i]; p < start[i + 1]; p++) {
                    best = Math.max(best, weight[p] * scale - price[adj[p]]);
                }
                dual = dual.add(java.math.BigInteger.valueOf(best)).add(java.math.BigInteger.valueOf(price[i]));
            }
            // The assignment's weight is twice the fractional matching's.
            return dual.doubleValue() / 2.0 / scale;
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
