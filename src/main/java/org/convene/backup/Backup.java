package org.convene.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.convene.errors.ConflictException;
import org.convene.transfer.AtomicFile;
import org.convene.web.Json;
import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * A logical backup of the whole database in one file, written in Java because the embedded
 * PostgreSQL comes without pg_dump. Every table is read in one REPEATABLE READ, read-only
 * transaction, so the file is one consistent moment even while the app keeps writing. Each
 * table's rows go out through COPY into their own zip entry, and a manifest (schema version,
 * row counts, SHA-256 of every entry, sequence positions) is the last entry. The file appears
 * under its name only once complete, readable by its owner alone: it holds personal data and
 * password hashes.
 *
 * <p>Left out: Flyway's history (the schema version stands for it; a restore migrates to that
 * version) and db-scheduler's table (each instance schedules its jobs again when it starts, and
 * a restored copy would show runs as held by instances that no longer exist).
 */
public final class Backup {
    static final String MANIFEST = "manifest.json";
    static final Set<String> LEFT_OUT = Set.of("flyway_schema_history", "scheduled_tasks");

    private Backup() {
    }

    /** Writes the backup to {@code out}, replacing it only once complete; returns what it holds. */
    public static BackupManifest write(DataSource dataSource, Path out) throws IOException, SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                // The snapshot is taken by the first statement; everything below reads that one moment.
                String schemaVersion = schemaVersion(c);
                String postgres = text(c, "SHOW server_version");
                List<String> tables = names(c, "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                        + "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY c.relname");
                tables.removeAll(LEFT_OUT);
                CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                BackupManifest manifest = AtomicFile.writePrivate(out, stream -> {
                    try {
                        return writeZip(c, copy, stream, tables, schemaVersion, postgres);
                    } catch (SQLException e) {
                        throw new IOException("Reading the database failed: " + e.getMessage(), e);
                    }
                });
                c.commit();
                return manifest;
            } catch (IOException | SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            }
        }
    }

    private static BackupManifest writeZip(Connection c, CopyManager copy, OutputStream stream, List<String> tables,
                                           String schemaVersion, String postgres) throws IOException, SQLException {
        ZipOutputStream zip = new ZipOutputStream(stream);
        List<BackupManifest.Table> written = new ArrayList<>();
        for (String table : tables) {
            List<String> columns = columns(c, table);
            BackupManifest.Table entry = new BackupManifest.Table(table, columns, 0, "");
            zip.putNextEntry(new ZipEntry(entry.entry()));
            Tally tally = new Tally();
            try (OutputStream counted = tally.counting(zip)) {
                copy.copyOut("COPY (SELECT " + String.join(", ", columns.stream().map(Backup::quote).toList()) + " FROM "
                        + quote(table) + ") TO STDOUT", counted);
            }
            zip.closeEntry();
            written.add(new BackupManifest.Table(table, columns, tally.lines(), tally.sha256()));
        }
        List<BackupManifest.Sequence> sequences = new ArrayList<>();
        for (String sequence : names(c, "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = current_schema() AND c.relkind = 'S' ORDER BY c.relname")) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT last_value, is_called FROM " + quote(sequence))) {
                rs.next();
                sequences.add(new BackupManifest.Sequence(sequence, rs.getLong(1), rs.getBoolean(2)));
            }
        }
        BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, BackupManifest.FORMAT_VERSION, Instant.now().toString(),
                schemaVersion, postgres, written, sequences);
        zip.putNextEntry(new ZipEntry(MANIFEST));
        zip.write(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(manifest).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.finish();
        return manifest;
    }

    /** The highest migration applied, as Flyway numbers it; a database without one has nothing of Convene's to back up. */
    static String schemaVersion(Connection c) throws SQLException {
        if (text(c, "SELECT to_regclass('flyway_schema_history')::text") == null) {
            throw new ConflictException("This database has no Convene tables to back up");
        }
        MigrationVersion highest = null;
        for (String version : names(c, "SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL")) {
            MigrationVersion v = MigrationVersion.fromVersion(version);
            if (highest == null || v.isNewerThan(highest)) {
                highest = v;
            }
        }
        if (highest == null) {
            throw new ConflictException("This database has no Convene tables to back up");
        }
        return highest.getVersion();
    }

    /** The columns a backup copies: every stored column in table order (generated ones are computed again). */
    static List<String> columns(Connection c, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT a.attname FROM pg_attribute a JOIN pg_class t ON t.oid = a.attrelid "
                + "JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = current_schema() AND t.relname = ? "
                + "AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '' ORDER BY a.attnum")) {
            s.setString(1, table);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        return columns;
    }

    static List<String> names(Connection c, String sql) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    static String text(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            // the connection is gone, and its transaction with it
        }
    }

    /** An SQL identifier in double quotes. */
    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
