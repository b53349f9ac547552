package org.convene.cli;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.convene.errors.BadRequestException;
import org.convene.errors.NotFoundException;

/**
 * Reading the input files of the file-based commands ({@code match}, {@code groups}): strict
 * UTF-8 CSV with a header naming the required columns (any order, any case, others ignored), each
 * problem reported with the file's name and line number, and "Nothing was written.".
 */
final class CsvFiles {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private CsvFiles() {
    }

    interface RowHandler {
        void row(CSVRecord record, long line, Map<String, Integer> columns);
    }

    static BadRequestException bad(Path file, long line, String problem) {
        return new BadRequestException(file.getFileName() + " line " + line + ": " + problem + " Nothing was written.");
    }

    static void read(Path file, List<String> required, RowHandler handler) {
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
