package org.convene.errors;

import java.util.List;

/**
 * An import refused as a whole: the file could not be read, or some of its rows are wrong.
 * Nothing was stored. Each problem names the physical line of the file (the header is line 1);
 * only the first {@link #MAX_ROWS_SHOWN} are kept, {@link #more()} says how many were left out.
 */
public class ImportRejectedException extends ValidationException {
    public static final int MAX_ROWS_SHOWN = 100;
    private final List<Row> rows;
    private final int more;

    /** One problem: the line it starts on and what is wrong with it. */
    public record Row(long line, String message) {
    }

    private ImportRejectedException(String message, List<Row> all) {
        super(message);
        this.rows = List.copyOf(all.subList(0, Math.min(MAX_ROWS_SHOWN, all.size())));
        this.more = all.size() - rows.size();
    }

    /** The file as a whole is unusable (empty, too many rows) and no single line is to blame. */
    public static ImportRejectedException file(String reason) {
        return new ImportRejectedException("Nothing was imported. " + reason, List.of());
    }

    /** The file cannot be read past this line (bad encoding, unclosed quote, bad header). */
    public static ImportRejectedException atLine(long line, String reason) {
        return new ImportRejectedException("Nothing was imported. Line " + line + ": " + reason, List.of(new Row(line, reason)));
    }

    /** Some rows are wrong; the others were fine but are not stored either. {@code all} is in line order. */
    public static ImportRejectedException rows(List<Row> all) {
        String count = all.size() == 1 ? "1 row has a problem" : String.format("%,d rows have problems", all.size());
        String shown = all.size() > MAX_ROWS_SHOWN ? " (the first " + MAX_ROWS_SHOWN + " are listed)" : "";
        return new ImportRejectedException("Nothing was imported. " + count + shown + ".", all);
    }

    public List<Row> rows() {
        return rows;
    }

    /** How many problems were found beyond those in {@link #rows()}. */
    public int more() {
        return more;
    }
}
