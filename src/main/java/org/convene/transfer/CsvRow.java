package org.convene.transfer;

import java.util.Map;

/**
 * One data row of an import file: the line it starts on, its cells by (lower-case) column name,
 * and, when the row could not be split into the header's columns, what is wrong with it.
 */
public record CsvRow(long line, Map<String, String> cells, String problem) {

    /** The cell's text, with a spreadsheet-safety quote removed; "" when the column is absent. */
    public String get(String column) {
        String value = cells.get(column);
        return value == null ? "" : SpreadsheetSafe.restore(value);
    }
}
