package org.convene.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Bulk loading with PostgreSQL's COPY ... FROM STDIN (FORMAT csv), in the caller's transaction:
 * rows are written as quoted CSV into a 1 MB buffer that is sent whenever it fills.
 */
public final class CsvCopy {
    private static final int BUFFER = 1 << 20;

    /** Receives one row's values; null is an SQL NULL, anything else is written as its text. */
    public interface RowWriter {
        void row(Object... values);
    }

    /** Writes the rows to copy. */
    public interface Body {
        void write(RowWriter out);
    }

    private CsvCopy() {
    }

    /** Runs {@code sql} (a COPY ... FROM STDIN WITH (FORMAT csv)) with the rows the body writes. */
    public static void copy(Handle h, String sql, Body body) {
        try {
            CopyIn copy = h.getConnection().unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
            try {
                StringBuilder buffer = new StringBuilder(BUFFER);
                body.write(values -> {
                    appendCsv(buffer, values);
                    if (buffer.length() > BUFFER - 8192) {
                        flush(copy, buffer);
                    }
                });
                flush(copy, buffer);
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Bulk load failed: " + e.getMessage(), e);
        }
    }

    private static void flush(CopyIn copy, StringBuilder buffer) {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        try {
            copy.writeToCopy(bytes, 0, bytes.length);
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException(e.getMessage(), e));
        }
        buffer.setLength(0);
    }

    static void appendCsv(StringBuilder sb, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            Object v = values[i];
            if (v != null) {
                sb.append('"').append(v.toString().replace("\"", "\"\"")).append('"');
            }
        }
        sb.append('\n');
    }

    /** A PostgreSQL array literal of these values as text, e.g. {"a","b \"c\""}. */
    public static String arrayLiteral(Iterable<?> items) {
        StringBuilder sb = new StringBuilder("{");
        boolean first = true;
        for (Object item : items) {
            sb.append(first ? "" : ",").append('"').append(item.toString().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            first = false;
        }
        return sb.append('}').toString();
    }
}
