package org.convene.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class NetworkMetricsCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = ConveneCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    private Path file(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    /** Two triangles joined by the bridge c-d; a and b in health, c and d in housing, e and f in police; g alone. */
    private static final String PEOPLE = """
            id,sector
            a,health
            b,health
            c,housing
            d,housing
            e,police
            f,police
            g,health
            """;
    /** The first line is the header; one repeated tie (b,a) and one self-loop (e,e), ignored. */
    private static final String TIES = """
            a,b
            a,b
            b,c
            a,c
            d,e
            e,f
            d,f
            c,d
            b,a
            e,e
            """;

    private JsonNode json(Path p) throws Exception {
        return new ObjectMapper().readTree(p.toFile());
    }

    @Test
    void writesTheFiguresAndPrintsASummary() throws Exception {
        Path metrics = dir.resolve("metrics.json");
        int exit = run("network-metrics", "--people", file("people.csv", PEOPLE).toString(), "--ties", file("ties.csv", TIES).toString(),
                "--out", metrics.toString());
        assertThat(exit).as(err.toString()).isZero();
        JsonNode m = json(metrics);
        // n = 7, m = 7 distinct ties: density 14 / 42.
        assertThat(m.get("people").asInt()).isEqualTo(7);
        assertThat(m.get("ties").asLong()).isEqualTo(7);
        assertThat(m.get("duplicate_ties_ignored").asLong()).isEqualTo(1);
        assertThat(m.get("self_loops_ignored").asLong()).isEqualTo(1);
        assertThat(m.get("density").asDouble()).isCloseTo(14.0 / 42, within(1e-12));
        assertThat(m.get("components").asInt()).isEqualTo(2);
        assertThat(m.get("largest_component").asInt()).isEqualTo(6);
        assertThat(m.get("people_without_ties").asInt()).isEqualTo(1);
        // Ties inside a sector: a-b (health), e-f (police), c-d (housing); across: b-c, a-c, d-e, d-f.
        // E-I = (4 - 3) / 7.
        assertThat(m.get("cross_sector_ties").asLong()).isEqualTo(4);
        assertThat(m.get("internal_ties").asLong()).isEqualTo(3);
        assertThat(m.get("ei_index").asDouble()).isCloseTo(1.0 / 7, within(1e-12));
        // Within two steps: a, b, e, f reach 3 each (their triangle and the bridge's near end), c and d
        // 5 each (their triangle and the far triangle's two others); g 0: 22 / 7.
        assertThat(m.get("average_reach").asDouble()).isCloseTo(22.0 / 7, within(1e-12));
        assertThat(m.get("average_reach_definition").asText()).contains("within two steps");
        assertThat(m.get("betweenness_method").asText()).isEqualTo("exact");
        assertThat(m.get("betweenness_approximation").isNull()).isTrue();
        // c and d each carry 6 pairs; n = 7, divisor 6 x 5 / 2 = 15: 0.4.
        JsonNode top = m.get("betweenness_top");
        assertThat(top).hasSize(7);
        assertThat(top.get(0).get("id").asText()).isEqualTo("c");
        assertThat(top.get(0).get("score").asDouble()).isCloseTo(0.4, within(1e-12));
        assertThat(top.get(1).get("id").asText()).isEqualTo("d");
        assertThat(top.get(2).get("id").asText()).isEqualTo("a");
        assertThat(top.get(2).get("score").asDouble()).isZero();
        assertThat(top.get(0).has("standard_error")).isFalse();
        assertThat(out.toString()).contains("people: 7", "ties: 7 (repeated ties ignored: 1, self-loops ignored: 1)", "density: 0.333333",
                "components: 2 (largest 6; people without ties 1)", "average reach (people within two steps): 3.1",
                "cross-sector ties: 4 of 7 (3 sectors)", "E-I index: 0.1429", "betweenness: exact", "1. c 0.400000", "seconds: ");
    }

    @Test
    void theApproximationStatesItsParameters() throws Exception {
        StringBuilder people = new StringBuilder("id,sector\n");
        StringBuilder ties = new StringBuilder("a,b\n");
        int n = 3000;
        for (int i = 0; i < n; i++) {
            people.append("p").append(i).append(',').append(i % 2 == 0 ? "health" : "housing").append('\n');
            ties.append("p").append(i).append(",p").append((i + 1) % n).append('\n');
            ties.append("p").append(i).append(",p").append((i * 7 + 3) % n).append('\n');
        }
        Path metrics = dir.resolve("metrics.json");
        String[] args = {"network-metrics", "--people", file("people.csv", people.toString()).toString(), "--ties",
            file("ties.csv", ties.toString()).toString(), "--out", metrics.toString(), "--approximate", "--epsilon", "0.2", "--delta", "0.05",
            "--seed", "9", "--threads", "2"};
        assertThat(run(args)).as(err.toString()).isZero();
        JsonNode m = json(metrics);
        assertThat(m.get("betweenness_method").asText()).isEqualTo("approximate");
        JsonNode a = m.get("betweenness_approximation");
        assertThat(a.get("epsilon").asDouble()).isEqualTo(0.2);
        assertThat(a.get("delta").asDouble()).isEqualTo(0.05);
        assertThat(a.get("seed").asLong()).isEqualTo(9);
        // k = ceil((3000/2999)^2 ln(6000 / 0.05) / (2 x 0.04)) = ceil(146.2...) = 147.
        assertThat(a.get("samples").asLong()).isEqualTo(147);
        assertThat(a.get("guarantee").asText()).contains("with probability at least 0.95", "within 0.2");
        assertThat(m.get("betweenness_top")).hasSize(20);
        assertThat(m.get("betweenness_top").get(0).get("standard_error").asDouble()).isPositive();
        assertThat(a.get("standard_errors").asText()).contains("not a bound");
        assertThat(out.toString()).contains("betweenness: approximate, 147 of 3000 sources sampled (seed 9)");
        // The same seed gives the same file, on any number of threads.
        String first = Files.readString(metrics);
        args[args.length - 1] = "1";
        assertThat(run(args)).isZero();
        assertThat(Files.readString(metrics)).isEqualTo(first);
    }

    @Test
    void exactOnRequest() throws Exception {
        Path metrics = dir.resolve("metrics.json");
        assertThat(run("network-metrics", "--people", file("people.csv", PEOPLE).toString(), "--ties", file("ties.csv", TIES).toString(),
                "--out", metrics.toString(), "--exact", "--threads", "1")).as(err.toString()).isZero();
        assertThat(json(metrics).get("betweenness_method").asText()).isEqualTo("exact");
    }

    @Test
    void noTiesGiveANullEiIndex() throws Exception {
        Path metrics = dir.resolve("metrics.json");
        assertThat(run("network-metrics", "--people", file("people.csv", PEOPLE).toString(), "--ties", file("ties.csv", "a,b\n").toString(),
                "--out", metrics.toString())).as(err.toString()).isZero();
        assertThat(json(metrics).get("ei_index").isNull()).isTrue();
        assertThat(out.toString()).contains("E-I index: none (no ties)");
    }

    private void assertRefused(String people, String ties, List<String> extra, String... expected) throws Exception {
        Path metrics = dir.resolve("metrics.json");
        List<String> args = new ArrayList<>(List.of("network-metrics", "--people", file("people.csv", people).toString(),
                "--ties", file("ties.csv", ties).toString(), "--out", metrics.toString()));
        args.addAll(extra);
        assertThat(run(args.toArray(String[]::new))).isNotZero();
        assertThat(err.toString()).contains(expected);
        assertThat(metrics).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).allMatch(n -> n.equals("people.csv") || n.equals("ties.csv"));
        }
    }

    @Test
    void missingColumn() throws Exception {
        assertRefused("id,group\na,x\n", TIES, List.of(), "people.csv line 1", "no 'sector' column");
        assertRefused(PEOPLE, "from,to\na,b\n", List.of(), "ties.csv line 1", "no 'a' column");
    }

    @Test
    void repeatedId() throws Exception {
        assertRefused(PEOPLE + "c,police\n", TIES, List.of(), "people.csv line 9", "'c' is already used on line 4");
    }

    @Test
    void emptyIdOrSector() throws Exception {
        assertRefused(PEOPLE + ",police\n", TIES, List.of(), "people.csv line 9", "the id is empty");
        assertRefused(PEOPLE + "h, \n", TIES, List.of(), "people.csv line 9", "the sector is empty for 'h'");
    }

    @Test
    void unknownPersonInTies() throws Exception {
        assertRefused(PEOPLE, TIES.replace("e,f", "e,zed"), List.of(), "ties.csv line 6", "unknown id 'zed' in b");
    }

    @Test
    void emptyEndOfATie() throws Exception {
        assertRefused(PEOPLE, TIES + "a,\n", List.of(), "ties.csv line 11", "the b is empty");
    }

    @Test
    void wrongNumberOfValues() throws Exception {
        assertRefused(PEOPLE, TIES + "a,b,c\n", List.of(), "ties.csv line 11", "3 values");
    }

    @Test
    void unclosedQuote() throws Exception {
        assertRefused(PEOPLE, "a,b\na,\"b\nc,d\n", List.of(), "ties.csv line 2", "not valid CSV");
    }

    @Test
    void emptyFile() throws Exception {
        assertRefused("", TIES, List.of(), "people.csv is empty");
    }

    @Test
    void notUtf8() throws Exception {
        Path people = file("people.csv", PEOPLE);
        byte[] bytes = (TIES + "a,").getBytes(StandardCharsets.UTF_8);
        byte[] withBad = java.util.Arrays.copyOf(bytes, bytes.length + 2);
        withBad[bytes.length] = (byte) 0xE9;
        withBad[bytes.length + 1] = '\n';
        Path ties = dir.resolve("ties.csv");
        Files.write(ties, withBad);
        Path metrics = dir.resolve("metrics.json");
        assertThat(run("network-metrics", "--people", people.toString(), "--ties", ties.toString(), "--out", metrics.toString())).isNotZero();
        assertThat(err.toString()).contains("ties.csv line 11", "not UTF-8");
        assertThat(metrics).doesNotExist();
    }

    @Test
    void missingFile() throws Exception {
        Path metrics = dir.resolve("metrics.json");
        assertThat(run("network-metrics", "--people", dir.resolve("nobody.csv").toString(), "--ties", file("ties.csv", TIES).toString(),
                "--out", metrics.toString())).isEqualTo(3);
        assertThat(err.toString()).contains("No file");
        assertThat(metrics).doesNotExist();
    }

    @Test
    void badOptions() throws Exception {
        assertRefused(PEOPLE, TIES, List.of("--epsilon", "0"), "--epsilon must be between 0 and 1");
        assertRefused(PEOPLE, TIES, List.of("--delta", "1.5"), "--delta must be between 0 and 1");
        assertRefused(PEOPLE, TIES, List.of("--threads", "0"), "--threads must be at least 1");
        assertRefused(PEOPLE, TIES, List.of("--exact", "--approximate"), "mutually exclusive");
    }

    @Test
    void anExistingOutputIsLeftAloneOnError() throws Exception {
        Path metrics = file("metrics.json", "{\"old\": true}");
        assertThat(run("network-metrics", "--people", file("people.csv", PEOPLE).toString(), "--ties",
                file("ties.csv", TIES + "a,nobody\n").toString(), "--out", metrics.toString())).isEqualTo(2);
        assertThat(Files.readString(metrics)).isEqualTo("{\"old\": true}");
    }
}
