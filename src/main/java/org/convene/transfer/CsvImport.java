package org.convene.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.convene.errors.ImportRejectedException;

/**
 * Reads an import file into rows, or refuses it with a message a person can act on: strict UTF-8
 * (a byte order mark is fine), RFC 4180 quoting, a header naming known columns, every row as wide
 * as the header, at most {@link #MAX_ROWS} rows. Rows carry the physical line they start on, so
 * errors point at the line a spreadsheet or text editor shows. Blank lines, and rows whose cells
 * are all empty (spreadsheets write those), are skipped.
 */
public final class CsvImport {
    public static final int MAX_ROWS = 100_000;
    // RFC 4180 as commons-csv reads it, but blank lines come through as records so that the
    // parser's line count and ours stay in step; they are skipped below.
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    /** The header as read (lower case, trimmed) and the data rows. */
    public record Sheet(List<String> columns, List<CsvRow> rows) {
    }

    private CsvImport() {
    }

    static Sheet read(InputStream in, Columns columns) {
        return read(in, columns, MAX_ROWS);
    }

    public static Sheet read(InputStream in, Columns columns, int maxRows) {
        try (CSVParser parser = FORMAT.parse(new StrictUtf8Reader(in))) {
            Records records = new Records(parser);
            CSVRecord headerRecord = records.next();
            if (headerRecord == null) {
                throw ImportRejectedException.file("The file is empty.");
            }
            List<String> header = header(headerRecord, records.line(), columns);
            List<CsvRow> rows = new ArrayList<>();
            for (CSVRecord record = records.next(); record != null; record = records.next()) {
                if (rows.size() == maxRows) {
                    throw ImportRejectedException.file(String.format(
                            "The file has more than %,d rows. Split it into smaller files and import them one by one.", maxRows));
                }
                rows.add(row(record, records.line(), header));
            }
            if (rows.isEmpty()) {
                throw ImportRejectedException.file("The file has a header but no rows to import.");
            }
            return new Sheet(header, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Walks the records, skipping blank ones, and knows the line each starts on. */
    private static final class Records {
        private final CSVParser parser;
        private final Iterator<CSVRecord> iterator;
        private long line;

        Records(CSVParser parser) {
            this.parser = parser;
            this.iterator = parser.iterator();
        }

        /** The next non-blank record, or null at the end of the file. */
        CSVRecord next() {
            while (true) {
                // The parser has consumed the previous record's line end, so the next record starts on the following line.
                long start = parser.getCurrentLineNumber() + 1;
                CSVRecord record;
                try {
                    if (!iterator.hasNext()) {
                        return null;
                    }
                    record = iterator.next();
                } catch (UncheckedIOException e) {
                    throw unreadable(e, start);
                }
                if (!blank(record)) {
                    line = start;
                    return record;
                }
            }
        }

        long line() {
            return line;
        }
    }

    private static boolean blank(CSVRecord record) {
        for (String value : record) {
            if (!value.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static RuntimeException unreadable(UncheckedIOException e, long line) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StrictUtf8Reader.NotUtf8Exception bad) {
                return ImportRejectedException.atLine(bad.line(),
                        "The file is not valid UTF-8 text from this line. Save it as \"CSV UTF-8\" and try again.");
            }
        }
        String problem = String.valueOf(e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
        if (problem.contains("EOF reached before encapsulated token finished")) {
            return ImportRejectedException.atLine(line,
                    "A quoted value starts here but its closing quote (\") is missing, so the rest of the file cannot be read.");
        }
        if (problem.contains("Invalid character between encapsulated token and delimiter")) {
            return ImportRejectedException.atLine(line,
                    "A quoted value is followed by more text before the next comma. Inside quotes, write a quote as two quotes (\"\").");
        }
        if (e.getCause() instanceof org.apache.commons.csv.CSVException) {
            return ImportRejectedException.atLine(line, "This is not valid CSV (" + problem + ").");
        }
        return e;
    }

    private static List<String> header(CSVRecord record, long line, Columns columns) {
        List<String> names = new ArrayList<>();
        Set<String> unknown = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < record.size(); i++) {
            String name = record.get(i).strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                throw ImportRejectedException.atLine(line, "Column " + (i + 1) + " of the header has no name. "
                        + "The first line must name the columns: " + columns.describe() + ".");
            }
            if (!seen.add(name)) {
                throw ImportRejectedException.atLine(line, "The column '" + name + "' appears twice in the header.");
            }
            if (!columns.known(name)) {
                unknown.add(name);
            }
            names.add(name);
        }
        if (unknown.size() == names.size()) {
            throw ImportRejectedException.atLine(line, "The first line must be a header naming the columns, but it names no known column. "
                    + "Known columns: " + columns.describe() + ".");
        }
        if (!unknown.isEmpty()) {
            throw ImportRejectedException.atLine(line, (unknown.size() == 1 ? "Unknown column '" : "Unknown columns '")
                    + String.join("', '", unknown) + "'. Known columns: " + columns.describe() + ".");
        }
        for (String required : columns.required()) {
            if (!names.contains(required)) {
                throw ImportRejectedException.atLine(line, "The header has no '" + required + "' column, which is required. "
                        + "Required columns: " + String.join(", ", columns.required()) + ".");
            }
        }
        return List.copyOf(names);
    }

    private static CsvRow row(CSVRecord record, long line, List<String> header) {
        if (record.size() != header.size()) {
            return new CsvRow(line, Map.of(), "This row has " + record.size() + " values, but the header has " + header.size()
                    + " columns. Check for a comma inside a value that is not in quotes.");
        }
        Map<String, String> cells = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            cells.put(header.get(i), record.get(i));
        }
        return new CsvRow(line, cells, null);
    }
}
