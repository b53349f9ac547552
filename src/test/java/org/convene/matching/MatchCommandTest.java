package org.convene.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.convene.cli.ConveneCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MatchCommandTest {
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

    private static final String PEOPLE = """
            id,name,organisation,sector,place,interests
            a,Ann,Trust A,health,Leeds,discharge;frailty
            b,Bob,Housing B,housing,Leeds,Discharge
            c,Cat,Council C,social care,York,frailty
            d,Dan,Charity D,voluntary,York,loneliness
            e,Eve,Police E,police,Hull,
            """;

    @Test
    void writesPairsAndPrintsASummary() throws Exception {
        Path people = file("people.csv", PEOPLE);
        Path history = file("history.csv", "a,b\na,b\nc,a\n");
        Path pairs = dir.resolve("pairs.csv");
        int exit = run("match", "--people", people.toString(), "--history", history.toString(), "--seed", "7", "--out", pairs.toString());
        assertThat(exit).as(err.toString()).isZero();
        List<String> lines = Files.readAllLines(pairs);
        assertThat(lines.get(0)).isEqualTo("a,b,c,score");
        assertThat(lines).hasSize(3); // one pair and one trio out of five people
        for (String row : lines.subList(1, lines.size())) {
            List<String> ids = List.of(row.split(",", -1)).subList(0, 3);
            assertThat(ids.contains("a") && (ids.contains("b") || ids.contains("c"))).as(row).isFalse();
        }
        assertThat(out.toString()).contains("people: 5", "pairs: 1", "trios: 1", "unplaced: 0", "cross-sector share: 1.000",
                "mean shared interests:", "total score:", "seconds:");
        // Same seed, same file.
        Path again = dir.resolve("again.csv");
        run("match", "--people", people.toString(), "--history", history.toString(), "--seed", "7", "--out", again.toString());
        assertThat(Files.readAllLines(again)).isEqualTo(lines);
    }

    private void assertRefused(String people, String history, String... expected) throws Exception {
        Path p = file("people.csv", people);
        Path pairs = dir.resolve("pairs.csv");
        String[] args = history == null
                ? new String[] {"match", "--people", p.toString(), "--out", pairs.toString()}
                : new String[] {"match", "--people", p.toString(), "--history", file("history.csv", history).toString(), "--out", pairs.toString()};
        int exit = run(args);
        assertThat(exit).isNotZero();
        assertThat(err.toString()).contains(expected);
        assertThat(pairs).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).allMatch(n -> n.equals("people.csv") || n.equals("history.csv"));
        }
    }

    @Test
    void missingColumn() throws Exception {
        assertRefused("id,name,organisation,sector,interests\na,A,o,s,x\n", null, "people.csv line 1", "'place'");
    }

    @Test
    void duplicateId() throws Exception {
        assertRefused(PEOPLE + "b,Again,Org,health,,\n", null, "people.csv line 7", "'b' is already used on line 3");
    }

    @Test
    void unknownIdInHistory() throws Exception {
        assertRefused(PEOPLE, "a,b\na,b\nc,zed\n", "history.csv line 3", "unknown id 'zed'");
    }

    @Test
    void unclosedQuote() throws Exception {
        assertRefused(PEOPLE + "f,\"Fay,Org F,health,,\n", null, "people.csv line 7", "not valid CSV");
    }

    @Test
    void wrongNumberOfValues() throws Exception {
        assertRefused(PEOPLE + "f,Fay,Org F,health\n", null, "people.csv line 7", "4 values");
    }

    @Test
    void notUtf8() throws Exception {
        Path p = dir.resolve("people.csv");
        byte[] head = (PEOPLE + "f,F").getBytes(StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(head, head.length + 20);
        bytes[head.length] = (byte) 0xE9; // Latin-1 e-acute
        System.arraycopy(",Org F,health,,\n".getBytes(StandardCharsets.UTF_8), 0, bytes, head.length + 1, 16);
        Files.write(p, java.util.Arrays.copyOf(bytes, head.length + 17));
        Path pairs = dir.resolve("pairs.csv");
        assertThat(run("match", "--people", p.toString(), "--out", pairs.toString())).isNotZero();
        assertThat(err.toString()).contains("people.csv line 7", "not UTF-8");
        assertThat(pairs).doesNotExist();
    }
}
