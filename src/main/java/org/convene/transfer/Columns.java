package org.convene.transfer;

import java.util.List;

/**
 * The header an import accepts: the columns it reads, the ones it requires, and the ones an
 * export writes that an import accepts and ignores (ids from another database mean nothing here),
 * so that an exported file re-imports as it is.
 */
public record Columns(List<String> read, List<String> required, List<String> ignored) {

    boolean known(String column) {
        return read.contains(column) || ignored.contains(column);
    }

    String describe() {
        String text = String.join(", ", read);
        return ignored.isEmpty() ? text : text + " (" + String.join(" and ", ignored) + " from an export are accepted and ignored)";
    }
}
