package org.convene.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.convene.errors.BadRequestException;
import org.convene.errors.NotFoundException;
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
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
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
        read(file, PEOPLE_COLUMNS, (record, line, col) -> {
            String id = record.get(col.get("id")).strip();
            if (id.isEmpty()) {
                throw bad(file, line, "the id is empty.");
            }
            Long first = lines.putIfAbsent(id, line);
            if (first != null) {
                throw bad(file, line, "the id '" + id + "' is already used on line " + first + ".");
            }
            String sector = record.get(col.get("sector")).strip();
            String organisation = record.get(col.get("organisation")).strip();
            if (sector.isEmpty() || organisation.isEmpty()) {
                throw bad(file, line, "'" + id + "' needs a sector and an organisation.");
            }
            Set<String> interests = new LinkedHashSet<>(Arrays.asList(record.get(col.get("interests")).split(";")));
            list.add(new Participant(id, record.get(col.get("name")), organisation, sector, record.get(col.get("place")), interests));
        });
        return list;
    }

    private static void readHistory(Path file, List<Participant> people, History met) {
        Set<String> ids = new java.util.HashSet<>();
        people.forEach(p -> ids.add(p.id()));
        read(file, HISTORY_COLUMNS, (record, line, col) -> {
            String a = record.get(col.get("a")).strip();
            String b = record.get(col.get("b")).strip();
            for (String id : List.of(a, b)) {
                if (!ids.contains(id)) {
                    throw bad(file, line, "unknown id '" + id + "' (not in the people file).");
                }
            }
            if (a.equals(b)) {
                throw bad(file, line, "'" + a + "' is paired with themselves.");
            }
            met.add(a, b);
        });
    }

    private interface RowHandler {
        void row(CSVRecord record, long line, Map<String, Integer> columns);
    }

    private static BadRequestException bad(Path file, long line, String problem) {
        return new BadRequestException(file.getFileName() + " line " + line + ": " + problem + " Nothing was written.");
    }

    private static void read(Path file, List<String> required, RowHandler handler) {
        String text = decode(file);
        try (CSVParser parser = FORMAT.parse(new StringReader(text))) {
            var iterator = parser.iterator();
            Map<String, Integer> columns = null;
            while (true) {
                long line = parser.getCurrentLineNumber() + 1;
                CSVRecord record;
                try {
                    if (!iterator.hasNext()) {
                        break;
                    }
                    record = iterator.next();
                } catch (UncheckedIOException e) {
                    throw bad(file, line, "this is not valid CSV (a quoted value is not closed, or text follows a closing quote: "
                            + "inside quotes, write a quote as two quotes).");
                }
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue;
                }
                if (columns == null) {
                    columns = new HashMap<>();
                    for (int i = 0; i < record.size(); i++) {
                        columns.put(record.get(i).strip().toLowerCase(Locale.ROOT), i);
                    }
                    for (String name : required) {
                        if (!columns.containsKey(name)) {
                            throw bad(file, line, "the header has no '" + name + "' column; the columns are " + String.join(",", required) + ".");
                        }
                    }
                    continue;
                }
                if (record.size() != columns.size()) {
                    throw bad(file, line, "this row has " + record.size() + " values, but the header has " + columns.size()
                            + " columns (a comma inside a value needs quotes).");
                }
                handler.row(record, line, columns);
            }
            if (columns == null) {
                throw new BadRequestException(file.getFileName() + " is empty; the first line must be the header "
                        + String.join(",", required) + ". Nothing was written.");
            }
        } catch (IOException e) {
            throw new BadRequestException("Could not read " + file + ": " + e.getMessage());
        }
    }

    /** Strict UTF-8 (a byte order mark is dropped); a bad byte is reported with its line. */
    private static String decode(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new NotFoundException("No file " + file + ".");
        } catch (IOException e) {
            throw new BadRequestException("Could not read " + file + ": " + e.getMessage());
        }
        int offset = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        CharBuffer chars = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, chars, true);
        if (result.isError()) {
            long line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw bad(file, line, "the file is not UTF-8 text from this line (save it as \"CSV UTF-8\").");
        }
        decoder.flush(chars);
        chars.flip();
        return chars.toString();
    }
}
