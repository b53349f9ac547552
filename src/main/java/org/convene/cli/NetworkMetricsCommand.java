package org.convene.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.convene.errors.BadRequestException;
import org.convene.network.Network;
import org.convene.network.NetworkMetrics;
import org.convene.network.NetworkMetrics.Metrics;
import org.convene.network.NetworkMetrics.Ranked;
import org.convene.transfer.AtomicFile;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "network-metrics", mixinStandardHelpOptions = true,
        description = {"Whole-network figures from files (issue 7): people, ties, density, components,",
                "average reach (people within two steps), cross-sector ties, Krackhardt's E-I index over sectors",
                "and the 20 people with the highest betweenness, normalised as NetworkX's",
                "betweenness_centrality(normalized=True). Betweenness is exact up to 20000 people and",
                "estimated from sampled sources above (--exact or --approximate to choose); the estimate's",
                "sample size k is the smallest for which, with probability at least 1 - delta, every score is",
                "within epsilon of the exact one (Hoeffding's inequality over all people).",
                "people.csv: id,sector; ties.csv: a,b (undirected; repeated ties and self-loops are ignored",
                "and counted). Writes JSON."})
public final class NetworkMetricsCommand implements Runnable {
    private static final List<String> PEOPLE_COLUMNS = List.of("id", "sector");
    private static final List<String> TIE_COLUMNS = List.of("a", "b");
    static final String REACH_DEFINITION = "the mean over all people of the number of other people within two steps "
            + "(a tie, or a tie of a tie)";
    static final String NORMALISATION = "as NetworkX betweenness_centrality(normalized=True) for an undirected graph: "
            + "the sum over pairs of other people of the share of their shortest paths through the person, "
            + "divided by (n-1)(n-2)/2";

    @Option(names = "--people", required = true, paramLabel = "FILE", description = "The people (CSV id,sector, UTF-8).")
    Path people;

    @Option(names = "--ties", required = true, paramLabel = "FILE", description = "The ties (CSV a,b of ids, UTF-8), undirected.")
    Path ties;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the figures (JSON).")
    Path out;

    @ArgGroup(exclusive = true)
    Choice choice;

    static final class Choice {
        @Option(names = "--exact", description = "Exact betweenness whatever the size (O(people x ties) time).")
        boolean exact;

        @Option(names = "--approximate", description = "Sampled betweenness whatever the size.")
        boolean approximate;
    }

    @Option(names = "--epsilon", paramLabel = "E", defaultValue = "" + NetworkMetrics.DEFAULT_EPSILON,
            description = "The approximation's error bound on each normalised score (default ${DEFAULT-VALUE}).")
    double epsilon;

    @Option(names = "--delta", paramLabel = "D", defaultValue = "" + NetworkMetrics.DEFAULT_DELTA,
            description = "The probability that the bound may fail (default ${DEFAULT-VALUE}).")
    double delta;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Seed of the sampled sources: the same seed gives the same figures (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "T", description = "Threads for betweenness and reach (default: the available cores).")
    Integer threads;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        long startNanos = System.nanoTime();
        if (!(epsilon > 0 && epsilon < 1)) {
            throw new BadRequestException("--epsilon must be between 0 and 1 (exclusive), not " + epsilon + ". Nothing was written.");
        }
        if (!(delta > 0 && delta < 1)) {
            throw new BadRequestException("--delta must be between 0 and 1 (exclusive), not " + delta + ". Nothing was written.");
        }
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (workers < 1) {
            throw new BadRequestException("--threads must be at least 1, not " + workers + ". Nothing was written.");
        }
        Network.Builder builder = new Network.Builder();
        readPeople(people, builder);
        readTies(ties, builder);
        Network network = builder.build();
        long readNanos = System.nanoTime();
        boolean approximate = choice != null && choice.approximate
                || (choice == null || !choice.exact) && network.people() > NetworkMetrics.EXACT_UP_TO;
        NetworkMetrics.Method method = approximate ? new NetworkMetrics.Approximate(epsilon, delta, seed) : new NetworkMetrics.Exact();
        Metrics metrics = NetworkMetrics.compute(network, method, workers);
        long computeNanos = System.nanoTime();
        try {
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            AtomicFile.write(out, stream -> {
                json.writeValue(stream, asJson(metrics));
                return null;
            });
        } catch (IOException e) {
            throw new BadRequestException("Could not write " + out + ": " + e.getMessage());
        }
        print(metrics, approximate, (readNanos - startNanos) / 1e9, (computeNanos - readNanos) / 1e9, (System.nanoTime() - startNanos) / 1e9);
    }

    static Map<String, Object> asJson(Metrics m) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("people", m.people());
        o.put("ties", m.ties());
        o.put("duplicate_ties_ignored", m.duplicateTies());
        o.put("self_loops_ignored", m.selfLoops());
        o.put("sectors", m.sectors());
        o.put("density", m.density());
        o.put("mean_degree", m.meanDegree());
        o.put("components", m.components());
        o.put("largest_component", m.largestComponent());
        o.put("people_without_ties", m.isolated());
        o.put("average_reach", m.averageReach());
        o.put("average_reach_definition", REACH_DEFINITION);
        o.put("internal_ties", m.internalTies());
        o.put("cross_sector_ties", m.crossSectorTies());
        o.put("ei_index", m.eiIndex());
        o.put("betweenness_method", m.betweenness().method());
        if (m.betweenness().approximate()) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("epsilon", m.betweenness().epsilon());
            a.put("delta", m.betweenness().delta());
            a.put("samples", m.betweenness().samples());
            a.put("seed", m.betweenness().seed());
            a.put("guarantee", guarantee(m));
            a.put("standard_errors", "each listed score's standard_error is the sample standard deviation of the sources' "
                    + "contributions over sqrt(k), times sqrt(1 - k/n): an estimate of its spread (about 95 % of scores within two), not a bound");
            o.put("betweenness_approximation", a);
        } else {
            o.put("betweenness_approximation", null);
        }
        o.put("betweenness_normalisation", NORMALISATION);
        List<Map<String, Object>> top = new ArrayList<>();
        for (Ranked r : m.betweennessTop()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", r.id());
            entry.put("score", r.score());
            if (r.standardError() != null) {
                entry.put("standard_error", r.standardError());
            }
            top.add(entry);
        }
        o.put("betweenness_top", top);
        return o;
    }

    private static String guarantee(Metrics m) {
        var b = m.betweenness();
        return String.format(Locale.ROOT, "from %d sources sampled without replacement (seed %d), scaled by n/k: with probability at least %s "
                        + "every normalised score is within %s of the exact one (Hoeffding's inequality and a union bound over the %d people: "
                        + "k >= (n/(n-1))^2 ln(2n/delta) / (2 epsilon^2))",
                b.samples(), b.seed(), plain(1 - b.delta()), plain(b.epsilon()), m.people());
    }

    private static String plain(double x) {
        return new java.math.BigDecimal(x).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }

    private void print(Metrics m, boolean approximateAsked, double readSeconds, double computeSeconds, double seconds) {
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "people: %d%n", m.people());
        o.printf(Locale.ROOT, "ties: %d (repeated ties ignored: %d, self-loops ignored: %d)%n", m.ties(), m.duplicateTies(), m.selfLoops());
        o.printf(Locale.ROOT, "density: %.6f%n", m.density());
        o.printf(Locale.ROOT, "components: %d (largest %d; people without ties %d)%n", m.components(), m.largestComponent(), m.isolated());
        o.printf(Locale.ROOT, "average reach (people within two steps): %.1f%n", m.averageReach());
        o.printf(Locale.ROOT, "cross-sector ties: %d of %d (%d sectors)%n", m.crossSectorTies(), m.ties(), m.sectors());
        o.printf(Locale.ROOT, "E-I index: %s%n", m.eiIndex() == null ? "none (no ties)" : String.format(Locale.ROOT, "%.4f", m.eiIndex()));
        var b = m.betweenness();
        if (b.approximate()) {
            o.printf(Locale.ROOT, "betweenness: approximate, %d of %d sources sampled (seed %d); with probability at least %s every score "
                    + "is within %s of the exact one%n", b.samples(), m.people(), b.seed(), plain(1 - b.delta()), plain(b.epsilon()));
        } else {
            o.printf(Locale.ROOT, "betweenness: exact%s%n",
                    approximateAsked ? " (the sample the bound needs is no smaller than the network)" : "");
        }
        List<Ranked> top = m.betweennessTop();
        for (int i = 0; i < Math.min(5, top.size()); i++) {
            Ranked r = top.get(i);
            o.printf(Locale.ROOT, "  %d. %s %.6f%s%n", i + 1, r.id(), r.score(),
                    r.standardError() == null ? "" : String.format(Locale.ROOT, " (standard error %.6f)", r.standardError()));
        }
        if (top.size() > 5) {
            o.printf("  ... %d more in the file%n", top.size() - 5);
        }
        o.printf(Locale.ROOT, "seconds: %.2f (reading %.2f, computing %.2f)%n", seconds, readSeconds, computeSeconds);
        o.flush();
    }

    private static void readPeople(Path file, Network.Builder builder) {
        long[][] lines = {new long[1024]};
        CsvFiles.read(file, PEOPLE_COLUMNS, (record, line, col) -> {
            String id = record.get(col.get("id")).strip();
            if (id.isEmpty()) {
                throw CsvFiles.bad(file, line, "the id is empty.");
            }
            String sector = record.get(col.get("sector")).strip();
            if (sector.isEmpty()) {
                throw CsvFiles.bad(file, line, "the sector is empty for '" + id + "' (write one, e.g. 'unknown').");
            }
            int earlier = builder.indexOf(id);
            if (earlier >= 0) {
                throw CsvFiles.bad(file, line, "the id '" + id + "' is already used on line " + lines[0][earlier] + ".");
            }
            int v = builder.addPerson(id, sector);
            if (v == lines[0].length) {
                lines[0] = java.util.Arrays.copyOf(lines[0], v * 2);
            }
            lines[0][v] = line;
        });
    }

    private static void readTies(Path file, Network.Builder builder) {
        CsvFiles.read(file, TIE_COLUMNS, (record, line, col) -> {
            String a = record.get(col.get("a")).strip();
            String b = record.get(col.get("b")).strip();
            int ia = index(file, line, "a", a, builder);
            int ib = index(file, line, "b", b, builder);
            builder.addTie(ia, ib);
        });
    }

    private static int index(Path file, long line, String column, String id, Network.Builder builder) {
        if (id.isEmpty()) {
            throw CsvFiles.bad(file, line, "the " + column + " is empty.");
        }
        int v = builder.indexOf(id);
        if (v < 0) {
            throw CsvFiles.bad(file, line, "unknown id '" + id + "' in " + column + " (not in the people file).");
        }
        return v;
    }
}
