package org.convene.transfer;

import java.util.regex.Pattern;

/**
 * Keeps exported cells from running as spreadsheet formulas (CSV injection): a cell that starts
 * with = + - @ tab or CR gets a leading apostrophe. Imports take that apostrophe off again, so an
 * export re-imports unchanged; text that already starts with apostrophes before such a character
 * gets one more, so the two steps undo each other exactly.
 */
public final class SpreadsheetSafe {
    private static final Pattern NEEDS_QUOTE = Pattern.compile("^'*[=+\\-@\\t\\r]");
    private static final Pattern QUOTED = Pattern.compile("^'+[=+\\-@\\t\\r]");

    private SpreadsheetSafe() {
    }

    public static String neutralise(String cell) {
        return cell != null && NEEDS_QUOTE.matcher(cell).lookingAt() ? "'" + cell : cell;
    }

    static String restore(String cell) {
        return cell != null && QUOTED.matcher(cell).lookingAt() ? cell.substring(1) : cell;
    }
}
