package org.convene.backup;

import static org.convene.backup.Backup.names;
import static org.convene.backup.Backup.quote;
import static org.convene.backup.Backup.text;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import org.convene.db.Database;
import org.convene.errors.ConflictException;
import org.convene.web.Json;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Puts a backup made by {@link Backup} in place of the whole database, or changes nothing.
 *
 * <ol>
 *   <li>The file is checked entry by entry against its manifest (SHA-256 and row count of every
 *       table) before the database is touched: a damaged or cut-short file is refused.
 *   <li>Refused too: a backup from a newer schema than this Convene knows, a database other clients
 *       are connected to, and one that already has data unless asked to replace it.
 *   <li>A schema of its own ({@value #STAGING}) is built by the migrations up to the backup's
 *       version, and in one transaction every table is loaded into it (referenced tables first,
 *       user triggers off so nothing is recounted or stamped anew), its sequences set, its row
 *       counts and checksums compared with the manifest, and then it takes the place of the
 *       live schema. Until that commit the live schema is as it was; a failure drops the staging
 *       schema and leaves everything else alone.
 *   <li>Then the migrations since the backup's version run, as at any start.
 * </ol>
 */
public final class Restore {
    static final String STAGING = "convene_restore";
    private static final String MIGRATIONS = "classpath:db/migration";
    private static final ObjectReader MANIFEST_READER = Json.MAPPER.readerFor(BackupManifest.class)
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** What a restore did. */
    public record Outcome(BackupManifest manifest, String schemaVersionNow) {
    }

    private Restore() {
    }

    /**
     * Reads the whole file and checks it against its manifest; returns the manifest. A file that is
     * missing, not a Convene backup, cut short or changed is refused with IllegalArgumentException.
     */
    public static BackupManifest verify(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("There is no file " + file);
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry manifestEntry = zip.getEntry(Backup.MANIFEST);
            if (manifestEntry == null) {
                throw damaged(file, "it has no manifest, so it is not a Convene backup or it was cut short");
            }
            BackupManifest manifest;
            try (InputStream in = zip.getInputStream(manifestEntry)) {
                manifest = MANIFEST_READER.readValue(in);
            } catch (com.fasterxml.jackson.core.JacksonException e) {
                throw damaged(file, "its manifest cannot be read");
            }
            if (!BackupManifest.FORMAT.equals(manifest.format()) || manifest.tables() == null || manifest.sequences() == null
                    || manifest.schemaVersion() == null) {
                throw damaged(file, "its manifest is not a Convene backup's");
            }
            if (manifest.formatVersion() > BackupManifest.FORMAT_VERSION) {
                throw new IllegalArgumentException("The backup file " + file + " was written by a newer Convene (backup format "
                        + manifest.formatVersion() + "); restore it with that version. Nothing was restored.");
            }
            Set<String> expected = new HashSet<>();
            for (BackupManifest.Table table : manifest.tables()) {
                expected.add(table.entry());
                ZipEntry entry = zip.getEntry(table.entry());
                if (entry == null) {
                    throw damaged(file, "the data of table " + table.name() + " is missing");
                }
                Tally tally = new Tally();
                try (InputStream in = tally.counting(zip.getInputStream(entry))) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                }
                if (tally.lines() != table.rows() || !tally.sha256().equals(table.sha256())) {
                    throw damaged(file, "the data of table " + table.name() + " does not match its checksum");
                }
            }
            Set<String> extra = new TreeSet<>();
            zip.stream().map(ZipEntry::getName).filter(name -> !name.equals(Backup.MANIFEST) && !expected.contains(name)).forEach(extra::add);
            if (!extra.isEmpty()) {
                throw damaged(file, "it holds entries its manifest does not list (" + String.join(", ", extra) + ")");
            }
            return manifest;
        } catch (ZipException | java.io.EOFException e) {
            throw damaged(file, "it is not a complete zip archive (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw damaged(file, "reading it failed (" + e.getMessage() + ")");
        }
    }

    private static IllegalArgumentException damaged(Path file, String why) {
        return new IllegalArgumentException("The backup file " + file + " is damaged or incomplete: " + why + ". Nothing was restored.");
    }

    /** Restores a file {@link #verify} has accepted into {@code db}; see the class comment for the steps. */
    public static Outcome run(Database db, Path file, BackupManifest manifest, boolean replace) throws IOException, SQLException {
        DataSource dataSource = db.dataSource();
        MigrationVersion backupVersion = MigrationVersion.fromVersion(manifest.schemaVersion());
        MigrationVersion known = latestKnown(dataSource);
        if (backupVersion.isNewerThan(known)) {
            throw new ConflictException("The backup is from a newer Convene (database schema version " + backupVersion
                    + "; this Convene knows versions up to " + known + "). Restore it with that version or a later one. Nothing was restored.");
        }
        String live;
        try (Connection c = dataSource.getConnection()) {
            String current = text(c, "SELECT current_schema()");
            live = current == null ? "public" : current;
            refuseIfOthersConnected(c);
            if (!replace) {
                refuseIfItHasData(c, live);
            }
            try (Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + quote(STAGING) + " CASCADE");
                s.execute("CREATE SCHEMA " + quote(STAGING));
            }
        }
        try {
            Flyway.configure().dataSource(dataSource).locations(MIGRATIONS).schemas(STAGING).createSchemas(false)
                    .target(backupVersion).load().migrate();
            load(dataSource, file, manifest, live);
        } catch (IOException | SQLException | RuntimeException e) {
            dropStaging(dataSource);
            throw e;
        }
        db.migrate();
        String now;
        try (Connection c = dataSource.getConnection()) {
            now = Backup.schemaVersion(c);
        }
        return new Outcome(manifest, now);
    }

    /** The newest migration this Convene has. */
    static MigrationVersion latestKnown(DataSource dataSource) {
        MigrationVersion latest = MigrationVersion.EMPTY;
        for (MigrationInfo info : Flyway.configure().dataSource(dataSource).locations(MIGRATIONS).load().info().all()) {
            if (info.getVersion() != null && info.getState().isResolved() && info.getVersion().isNewerThan(latest)) {
                latest = info.getVersion();
            }
        }
        return latest;
    }

    private static void refuseIfOthersConnected(Connection c) throws SQLException {
        long others = othersConnected(c);
        if (others > 0) {
            // A connection this process's pool is still opening shows no name yet for a moment: look again.
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            others = othersConnected(c);
        }
        if (others > 0) {
            throw new ConflictException(others + (others == 1 ? " other connection is" : " other connections are")
                    + " open to the database. Stop every Convene instance (and any other client) first. Nothing was restored.");
        }
    }

    /** Client connections to this database other than this process's (told apart by the name they carry). */
    private static long othersConnected(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                + "AND pid <> pg_backend_pid() AND backend_type = 'client backend' "
                + "AND coalesce(application_name, '') <> current_setting('application_name')");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void refuseIfItHasData(Connection c, String schema) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("people", "accounts", "organisations")) {
            if (text(c, "SELECT to_regclass('" + quote(schema).replace("'", "''") + "." + table + "')::text") != null) {
                counts.put(table, Long.parseLong(text(c, "SELECT count(*) FROM " + quote(schema) + "." + table)));
            }
        }
        if (counts.values().stream().anyMatch(n -> n > 0)) {
            StringBuilder what = new StringBuilder();
            counts.forEach((table, n) -> what.append(what.length() == 0 ? "" : ", ").append(String.format("%,d %s", n, table)));
            throw new ConflictException("The database already has data (" + what + "). Restoring replaces all of it: "
                    + "add --force to do that. Nothing was restored.");
        }
    }

    /** One transaction: load the staging schema, check it, and swap it in for the live one. */
    private static void load(DataSource dataSource, Path file, BackupManifest manifest, String live) throws IOException, SQLException {
        try (Connection c = dataSource.getConnection(); ZipFile zip = new ZipFile(file.toFile())) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                loadAndSwap(c, s, zip, manifest, live);
                c.commit();
            } catch (IOException | SQLException | RuntimeException e) {
                Backup.rollbackQuietly(c);
                throw e;
            }
        }
    }

    private static void loadAndSwap(Connection c, Statement s, ZipFile zip, BackupManifest manifest, String live)
            throws IOException, SQLException {
        List<String> staged = names(c, "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = '" + STAGING + "' AND c.relkind IN ('r', 'p') AND NOT c.relispartition "
                + "AND c.relname <> 'flyway_schema_history' ORDER BY c.relname");
        Map<String, BackupManifest.Table> byName = new LinkedHashMap<>();
        manifest.tables().forEach(t -> byName.put(t.name(), t));
        for (String table : byName.keySet()) {
            if (!staged.contains(table)) {
                throw new IllegalStateException("The backup has a table " + table + " that schema version "
                        + manifest.schemaVersion() + " does not have. Nothing was restored.");
            }
        }
        for (String table : staged) {
            s.execute("ALTER TABLE " + staging(table) + " DISABLE TRIGGER USER");
        }
        if (!staged.isEmpty()) {
            // Rows the migrations themselves put in (reference lists, counters) give way to the backup's.
            s.execute("TRUNCATE " + String.join(", ", staged.stream().map(Restore::staging).toList()));
        }
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        for (String table : referencedFirst(c, byName.keySet())) {
            BackupManifest.Table entry = byName.get(table);
            Tally tally = new Tally();
            long rows;
            try (InputStream in = tally.counting(zip.getInputStream(zip.getEntry(entry.entry())))) {
                rows = copy.copyIn("COPY " + staging(table) + " (" + String.join(", ", entry.columns().stream().map(Backup::quote).toList())
                        + ") FROM STDIN", in);
            }
            if (rows != entry.rows() || !tally.sha256().equals(entry.sha256())) {
                throw new IllegalStateException("Table " + table + " did not load as its manifest says (" + rows + " rows loaded, "
                        + entry.rows() + " listed): the file changed while it was read. Nothing was restored.");
            }
        }
        try (PreparedStatement setval = c.prepareStatement("SELECT setval(format('%I.%I', ?, ?)::regclass, ?, ?)")) {
            for (BackupManifest.Sequence sequence : manifest.sequences()) {
                setval.setString(1, STAGING);
                setval.setString(2, sequence.name());
                setval.setLong(3, sequence.lastValue());
                setval.setBoolean(4, sequence.isCalled());
                setval.execute();
            }
        }
        for (String table : staged) {
            s.execute("ALTER TABLE " + staging(table) + " ENABLE TRIGGER USER");
        }
        s.execute("DROP SCHEMA IF EXISTS " + quote(live) + " CASCADE");
        s.execute("ALTER SCHEMA " + quote(STAGING) + " RENAME TO " + quote(live));
        s.execute("GRANT USAGE ON SCHEMA " + quote(live) + " TO PUBLIC"); // as PostgreSQL's own public schema has
    }

    private static String staging(String table) {
        return quote(STAGING) + "." + quote(table);
    }

    /**
     * The tables in an order that loads every referenced table before the tables that refer to it
     * (a table may refer to itself). A cycle between tables cannot be ordered and is reported.
     */
    static List<String> referencedFirst(Connection c, Set<String> tables) throws SQLException {
        Map<String, Set<String>> needs = new HashMap<>();
        tables.forEach(t -> needs.put(t, new HashSet<>()));
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT child.relname, parent.relname FROM pg_constraint k "
                + "JOIN pg_class child ON child.oid = k.conrelid JOIN pg_namespace n ON n.oid = child.relnamespace "
                + "JOIN pg_class parent ON parent.oid = k.confrelid WHERE k.contype = 'f' AND n.nspname = '" + STAGING + "'")) {
            while (rs.next()) {
                String child = rs.getString(1);
                String parent = rs.getString(2);
                if (!child.equals(parent) && needs.containsKey(child) && tables.contains(parent)) {
                    needs.get(child).add(parent);
                }
            }
        }
        List<String> order = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        Set<String> left = new TreeSet<>(tables);
        while (!left.isEmpty()) {
            String next = left.stream().filter(t -> placed.containsAll(needs.get(t))).findFirst()
                    .orElseThrow(() -> new IllegalStateException("The tables " + left + " refer to each other in a cycle, so a restore "
                            + "cannot order them. Nothing was restored."));
            order.add(next);
            placed.add(next);
            left.remove(next);
        }
        return order;
    }

    private static void dropStaging(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + quote(STAGING) + " CASCADE");
        } catch (SQLException e) {
            org.slf4j.LoggerFactory.getLogger(Restore.class).warn("Could not drop the staging schema {}: {}", STAGING, e.getMessage());
        }
    }
}
