package org.convene.transfer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.convene.errors.ImportRejectedException;
import org.convene.errors.ValidationException;

/** The problems found while checking an import's rows, reported together in line order. */
final class RowErrors {
    private final List<ImportRejectedException.Row> rows = new ArrayList<>();

    void add(long line, String message) {
        rows.add(new ImportRejectedException.Row(line, message));
    }

    void add(long line, ValidationException e) {
        add(line, message(e));
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    void throwIfAny() {
        if (!rows.isEmpty()) {
            rows.sort(Comparator.comparingLong(ImportRejectedException.Row::line));
            throw ImportRejectedException.rows(rows);
        }
    }

    /** Every field's problem, not just the first, so one pass over the file finds them all. */
    static String message(ValidationException e) {
        return e.fieldErrors().isEmpty() ? e.getMessage()
                : e.fieldErrors().values().stream().collect(Collectors.joining("; "));
    }
}
