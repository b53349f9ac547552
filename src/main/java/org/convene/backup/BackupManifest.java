package org.convene.backup;

import java.util.List;

/**
 * What a backup file holds, written as its last entry ({@code manifest.json}): the database schema
 * version the data belongs to, and for every table its columns, row count and the SHA-256 of its
 * data entry, and every sequence's position. A restore checks the whole file against it before it
 * changes anything, and the rows it loaded against it before it commits.
 */
public record BackupManifest(
        String format,
        int formatVersion,
        String createdAt,
        String schemaVersion,
        String postgresVersion,
        List<Table> tables,
        List<Sequence> sequences) {

    /** The value of {@link #format}: a zip with this in its manifest is a Convene backup. */
    public static final String FORMAT = "convene-backup";
    /** The version of the file layout this Convene writes and the newest it reads. */
    public static final int FORMAT_VERSION = 1;

    /** One table: its data is the entry {@link #entry()}, in PostgreSQL's COPY text format, one line a row. */
    public record Table(String name, List<String> columns, long rows, String sha256) {
        public String entry() {
            return "data/" + name + ".copy";
        }
    }

    /** A sequence as {@code setval(name, lastValue, isCalled)} restores it. */
    public record Sequence(String name, long lastValue, boolean isCalled) {
    }

    public long rows() {
        return tables.stream().mapToLong(Table::rows).sum();
    }
}
