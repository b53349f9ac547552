package org.convene.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GroupsCommandTest {
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

    private static final String HEADER = "id,name,organisation,team,sector,profession,place,years,band\n";

    /** 14 people; Leeds Trust has three, two of them on Ward 7. */
    private static final String PEOPLE = HEADER + """
            a,Ann,Leeds Trust,Ward 7,acute,nurse,Leeds,12,6
            b,Bob,Leeds Trust,Ward 7,acute,doctor,Leeds,25,8
            c,Cat,Leeds Trust,,acute,pharmacist,Leeds,,7
            d,Dan,York Council,,local authority,commissioner,York,8,
            e,Eve,Hull Housing,,housing,housing officer,Hull,3,4
            f,Fay,Carers Hull,,vcse,carer support worker,Hull,15,3
            g,Gus,York Surgery,,primary,GP,York,20,8
            h,Hal,Leeds Council,,adult social care,social worker,Leeds,6,5
            i,Ivy,Hull Trust,,mental health,psychologist,Hull,18,7
            j,Jo,York Police,,other,police officer,York,10,5
            k,Kit,Leeds Uni,,education,researcher,Leeds,4,6
            l,Lu,Carers York,,vcse,befriender,York,2,3
            m,Mo,Hull Ambulance,,ambulance,paramedic,Hull,9,6
            n,Ned,York Trust,,community,district nurse,York,30,6
            """;

    @Test
    void writesGroupsAndPrintsASummary() throws Exception {
        Path people = file("people.csv", PEOPLE);
        Path separate = file("separate.csv", "a,b\na,b\nd,g\ne,f\n");
        Path groups = dir.resolve("groups.csv");
        int exit = run("groups", "--people", people.toString(), "--groups", "4", "--separate", separate.toString(), "--seed", "3",
                "--out", groups.toString());
        assertThat(exit).as(err.toString()).isZero();
        List<String> lines = Files.readAllLines(groups);
        assertThat(lines.get(0)).isEqualTo("group,id");
        Map<String, String> groupOf = new HashMap<>();
        Map<String, Integer> sizes = new HashMap<>();
        for (String row : lines.subList(1, lines.size())) {
            String[] cells = row.split(",");
            assertThat(groupOf.put(cells[1], cells[0])).as(row).isNull();
            sizes.merge(cells[0], 1, Integer::sum);
        }
        assertThat(groupOf).hasSize(14);
        assertThat(sizes.keySet()).containsExactlyInAnyOrder("1", "2", "3", "4");
        assertThat(sizes.values()).allMatch(s -> s == 3 || s == 4);
        assertThat(groupOf.get("d")).isNotEqualTo(groupOf.get("g"));
        assertThat(groupOf.get("e")).isNotEqualTo(groupOf.get("f"));
        // Leeds Trust (a, b, c) spread over three groups.
        assertThat(List.of(groupOf.get("a"), groupOf.get("b"), groupOf.get("c"))).doesNotHaveDuplicates();
        assertThat(out.toString()).contains("people: 14", "groups: 4 (2 of 4, 2 of 3)", "diversity: ", "upper bound: ", "ratio: ",
                "organisation clashes: 0 (fewest possible: 0)", "team clashes: 0", "separate pairs broken: 0",
                "largest gap between group means, in SDs: years ", "largest gap between group SDs, in SDs: years ",
                "worst group diversity: ", "seconds: ", "group 1 (", "sectors ", "professions ", "organisations ", "places ");
        // Same seed, same file.
        Path again = dir.resolve("again.csv");
        run("groups", "--people", people.toString(), "--groups", "4", "--separate", separate.toString(), "--seed", "3",
                "--out", again.toString());
        assertThat(Files.readAllLines(again)).isEqualTo(lines);
    }

    @Test
    void aGroupSizeGivesGroupsNoLargerThanIt() throws Exception {
        Path people = file("people.csv", PEOPLE);
        Path groups = dir.resolve("groups.csv");
        assertThat(run("groups", "--people", people.toString(), "--size", "5", "--out", groups.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("groups: 3 (2 of 5, 1 of 4)");
        assertThat(Files.readAllLines(groups)).hasSize(15);
    }

    @Test
    void unavoidableClashesAreReported() throws Exception {
        StringBuilder text = new StringBuilder(HEADER);
        for (int i = 0; i < 6; i++) {
            text.append("p").append(i).append(",P,One Trust,,acute,nurse,Leeds,").append(i).append(",5\n");
        }
        Path groups = dir.resolve("groups.csv");
        assertThat(run("groups", "--people", file("people.csv", text.toString()).toString(), "--groups", "2", "--out", groups.toString()))
                .as(err.toString()).isZero();
        assertThat(out.toString()).contains("organisation clashes: 6 (fewest possible: 6)", "are from the same organisation");
    }

    private void assertRefused(String people, String separate, String[] extra, String... expected) throws Exception {
        Path p = file("people.csv", people);
        Path groups = dir.resolve("groups.csv");
        List<String> args = new ArrayList<>(List.of("groups", "--people", p.toString(), "--out", groups.toString()));
        if (separate != null) {
            args.addAll(List.of("--separate", file("separate.csv", separate).toString()));
        }
        args.addAll(List.of(extra));
        if (args.stream().noneMatch(a -> a.equals("--size") || a.equals("--groups"))) {
            args.addAll(List.of("--groups", "3"));
        }
        int exit = run(args.toArray(String[]::new));
        assertThat(exit).isNotZero();
        assertThat(err.toString()).contains(expected);
        assertThat(groups).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).allMatch(n -> n.equals("people.csv") || n.equals("separate.csv"));
        }
    }

    @Test
    void missingColumn() throws Exception {
        assertRefused("id,name,organisation,sector,profession,place,years,band\na,A,o,s,p,x,1,2\n", null, new String[0],
                "people.csv line 1", "'team'");
    }

    @Test
    void duplicateId() throws Exception {
        assertRefused(PEOPLE + "b,Again,Org,,acute,nurse,Leeds,1,2\n", null, new String[0], "people.csv line 16", "'b' is already used on line 3");
    }

    @Test
    void emptyRequiredValue() throws Exception {
        assertRefused(PEOPLE + "z,Zed,Org,,,nurse,Leeds,1,2\n", null, new String[0], "people.csv line 16", "the sector is empty for 'z'");
    }

    @Test
    void yearsNotANumber() throws Exception {
        assertRefused(PEOPLE + "z,Zed,Org,,acute,nurse,Leeds,ten,2\n", null, new String[0], "people.csv line 16", "years 'ten' is not a number");
    }

    @Test
    void negativeBand() throws Exception {
        assertRefused(PEOPLE + "z,Zed,Org,,acute,nurse,Leeds,1,-3\n", null, new String[0], "people.csv line 16", "band must be a number of 0 or more");
    }

    @Test
    void unknownIdInSeparatePairs() throws Exception {
        assertRefused(PEOPLE, "a,b\na,b\nc,d\ne,zed\n", new String[0], "separate.csv line 4", "unknown id 'zed'");
    }

    @Test
    void personSeparatedFromThemselves() throws Exception {
        assertRefused(PEOPLE, "a,b\na,b\nc,c\n", new String[0], "separate.csv line 3", "'c' is paired with themselves");
    }

    @Test
    void unclosedQuote() throws Exception {
        assertRefused(PEOPLE + "z,\"Zed,Org,,acute,nurse,Leeds,1,2\n", null, new String[0], "people.csv line 16", "not valid CSV");
    }

    @Test
    void wrongNumberOfValues() throws Exception {
        assertRefused(PEOPLE + "z,Zed,Org,acute\n", null, new String[0], "people.csv line 16", "4 values");
    }

    @Test
    void moreGroupsThanPeople() throws Exception {
        assertRefused(PEOPLE, null, new String[] {"--groups", "15"}, "15 groups need at least 15 people");
    }

    @Test
    void groupSizeBelowOne() throws Exception {
        assertRefused(PEOPLE, null, new String[] {"--size", "0"}, "--size must be at least 1");
    }

    @Test
    void bothSizeAndGroups() throws Exception {
        assertRefused(PEOPLE, null, new String[] {"--size", "4", "--groups", "3"}, "mutually exclusive");
    }

    @Test
    void notUtf8() throws Exception {
        byte[] head = (PEOPLE + "z,Z").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ",Org,,acute,nurse,Leeds,1,2\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + 1 + tail.length];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xE9; // Latin-1 e-acute
        System.arraycopy(tail, 0, bytes, head.length + 1, tail.length);
        Path p = dir.resolve("people.csv");
        Files.write(p, bytes);
        Path groups = dir.resolve("groups.csv");
        assertThat(run("groups", "--people", p.toString(), "--groups", "3", "--out", groups.toString())).isNotZero();
        assertThat(err.toString()).contains("people.csv line 16", "not UTF-8");
        assertThat(groups).doesNotExist();
    }
}
