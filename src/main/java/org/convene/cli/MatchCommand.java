package org.convene.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.convene.errors.BadRequestException;
import org.convene.matching.Group;
import org.convene.matching.History;
import org.convene.matching.Matcher;
import org.convene.matching.Participant;
import org.convene.matching.Round;
import org.convene.matching.Unplaced;
import org.convene.transfer.AtomicFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "match", mixinStandardHelpOptions = true,
        description = {"One round of cross-sector matching from files (issue 4).",
                "Pairs people from different sectors and organisations who have not met, pairing as many as possible,",
                "then maximising 1 + 3 x shared interests + 1 x same place; whoever is left joins a pair as a trio if allowed.",
                "people.csv: id,name,organisation,sector,place,interests (interests separated by ';');",
                "history.csv: a,b (ids of people who met before). Writes a,b,c,score (c only for a trio)."})
public final class MatchCommand implements Runnable {
    private static final List<String> PEOPLE_COLUMNS = List.of("id", "name", "organisation", "sector", "place", "interests");
    private static final List<String> HISTORY_COLUMNS = List.of("a", "b");

    @Option(names = "--people", required = true, paramLabel = "FILE", description = "The people taking part (CSV, UTF-8).")
    Path people;

    @Option(names = "--history", paramLabel = "FILE", description = "Pairs who met before (CSV with columns a,b).")
    Path history;

    @Option(names = "--seed", defaultValue = "1", description = "Results are the same for the same seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the groups (CSV a,b,c,score).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        long start = System.nanoTime();
        List<Participant> list = readPeople(people);
        History met = new History();
        if (history != null) {
            readHistory(history, list, met);
        }
        Round round = new Matcher().match(list, met, Set.of(), Set.of(), seed);
        try {
            AtomicFile.write(out, stream -> {
                Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
                try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader("a", "b", "c", "score").get())) {
                    for (Group g : round.groups()) {
                        var m = g.members();
                        csv.printRecord(m.get(0).id(), m.get(1).id(), m.size() == 3 ? m.get(2).id() : "", g.score());
                    }
                }
                return null;
            });
        } catch (IOException e) {
            throw new BadRequestException("Could not write " + out + ": " + e.getMessage());
        }
        Round.Stats s = round.stats();
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "people: %d%npairs: %d%ntrios: %d%nunplaced: %d%ncross-sector share: %.3f%n"
                        + "mean shared interests: %.3f%ntotal score: %d%nseconds: %.2f%n",
                s.people(), s.pairs(), s.trios(), s.unplaced(), s.crossSectorShare(), s.meanSharedInterests(), s.totalScore(),
                (System.nanoTime() - start) / 1e9);
        int shown = 0;
        for (Unplaced u : round.unplaced()) {
            if (shown++ == 20) {
                o.printf("  ... and %d more%n", round.unplaced().size() - 20);
                break;
            }
            o.printf("  unplaced %s: %s%n", u.participant().id(), u.reason());
        }
        o.flush();
    }

    private static List<Participant> readPeople(Path file) {
        List<Participant> list = new ArrayList<>();
        Map<String, Long> lines = new HashMap<>();
        CsvFiles.read(file, PEOPLE_COLUMNS, (record, line, col) -> {
            String id = record.get(col.get("id")).strip();
            if (id.isEmpty()) {
                throw CsvFiles.bad(file, line, "the id is empty.");
            }
            Long first = lines.putIfAbsent(id, line);
            if (first != null) {
                throw CsvFiles.bad(file, line, "the id '" + id + "' is already used on line " + first + ".");
            }
            String sector = record.get(col.get("sector")).strip();
            String organisation = record.get(col.get("organisation")).strip();
            if (sector.isEmpty() || organisation.isEmpty()) {
                throw CsvFiles.bad(file, line, "'" + id + "' needs a sector and an organisation.");
            }
            Set<String> interests = new LinkedHashSet<>(Arrays.asList(record.get(col.get("interests")).split(";")));
            list.add(new Participant(id, record.get(col.get("name")), organisation, sector, record.get(col.get("place")), interests));
        });
        return list;
    }

    private static void readHistory(Path file, List<Participant> people, History met) {
        Set<String> ids = new java.util.HashSet<>();
        people.forEach(p -> ids.add(p.id()));
        CsvFiles.read(file, HISTORY_COLUMNS, (record, line, col) -> {
            String a = record.get(col.get("a")).strip();
            String b = record.get(col.get("b")).strip();
            for (String id : List.of(a, b)) {
                if (!ids.contains(id)) {
                    throw CsvFiles.bad(file, line, "unknown id '" + id + "' (not in the people file).");
                }
            }
            if (a.equals(b)) {
                throw CsvFiles.bad(file, line, "'" + a + "' is paired with themselves.");
            }
            met.add(a, b);
        });
    }
}
