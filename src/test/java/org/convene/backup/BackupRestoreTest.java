package org.convene.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.convene.app.Config;
import org.convene.cli.ConveneCommand;
import org.convene.db.Database;
import org.convene.demo.DemoData;
import org.convene.testing.TestApp;
import org.convene.testing.TestDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * backup and restore through the real command line: a backup of the demo region (on the test
 * PostgreSQL, as with CONVENE_DATABASE_URL) restored into a fresh data folder (the embedded
 * server) holds every table row for row and every sequence where it was; a damaged file, a newer
 * backup, a database with data (without --force), other connections and a running server are
 * refused, and each refusal changes nothing.
 */
@Tag("db")
class BackupRestoreTest {
    @TempDir
    static Path dir;
    private static Config source;
    private static Path backup;
    private static BackupManifest manifest;

    record Run(int exit, String out, String err) {
    }

    @BeforeAll
    static void backUpTheDemoRegion() throws Exception {
        source = TestDatabase.get().fresh();
        try (Database db = Database.open(source)) {
            assertThat(DemoData.load(db.jdbi(), 20240611L, 100, false)).isNotNull();
            db.jdbi().useHandle(h -> h.execute("INSERT INTO outbox (recipient, subject, body) VALUES ('a@test.example', 'Tab\there', "
                    + "'Line one\nline two \\\\ and a backslash')"));
        }
        backup = dir.resolve("demo.convene-backup");
        Run run = run(source, "backup", "--out", backup.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Backed up ").contains(backup.toString());
        manifest = Restore.verify(backup);
    }

    @Test
    void aBackupOfTheDemoRegionRestoresIntoAFreshDataFolderTableForTable() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup))).isEqualTo("rw-------");
        assertThat(manifest.tables()).extracting(BackupManifest.Table::name).contains("people", "accounts", "ties", "outbox")
                .doesNotContain("flyway_schema_history", "scheduled_tasks");

        Config fresh = folder("fresh");
        Run run = run(fresh, "restore", backup.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Restored ").contains("version " + manifest.schemaVersion());

        try (Database before = Database.open(source); Database after = Database.open(fresh)) {
            for (BackupManifest.Table table : manifest.tables()) {
                assertThat(fingerprint(after.jdbi(), table.name())).as(table.name())
                        .isEqualTo(fingerprint(before.jdbi(), table.name()));
            }
            for (BackupManifest.Sequence sequence : manifest.sequences()) {
                assertThat(sequence(after.jdbi(), sequence.name())).as(sequence.name()).isEqualTo(sequence(before.jdbi(), sequence.name()));
            }
            long peopleInBackup = manifest.tables().stream().filter(t -> t.name().equals("people")).findFirst().orElseThrow().rows();
            assertThat(peopleInBackup).isGreaterThanOrEqualTo(100);
            // A new row after the restore takes the next id, not one already used.
            long nextPerson = after.jdbi().withHandle(h -> h.createQuery("INSERT INTO people (full_name, sector_code) "
                    + "VALUES ('After Restore', 'acute') RETURNING id").mapTo(Long.class).one());
            long highest = before.jdbi().withHandle(h -> h.createQuery("SELECT max(id) FROM people").mapTo(Long.class).one());
            assertThat(nextPerson).isGreaterThan(highest);
        }

        // The restored folder serves; while it does, a backup of it works and a restore into it is refused.
        Path restoredBackup = dir.resolve("while-serving.convene-backup");
        try (TestApp running = TestApp.onDataFolder(fresh.dataDir())) {
            assertThat(running.client().get("/health").statusCode()).isEqualTo(200);
            Run refused = run(fresh, "restore", "--force", backup.toString());
            assertThat(refused.exit()).isEqualTo(1);
            assertThat(refused.err()).contains("in use by another Convene").doesNotContain("\tat ");
            Run online = run(fresh, "backup", "--out", restoredBackup.toString());
            assertThat(online.exit()).as(online.err()).isZero();
        }
        assertThat(Restore.verify(restoredBackup).tables()).extracting(BackupManifest.Table::name)
                .containsExactlyElementsOf(manifest.tables().stream().map(BackupManifest.Table::name).toList());
    }

    @Test
    void aDamagedTruncatedOrForeignFileIsRefusedAndNothingChanges() throws Exception {
        Config target = withOnePerson();
        byte[] bytes = Files.readAllBytes(backup);

        Path truncated = Files.write(dir.resolve("truncated.zip"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Path flipped = dir.resolve("flipped.zip");
        byte[] changed = bytes.clone();
        long offset = dataOffset(backup, "data/people.copy");
        changed[(int) offset + 40] ^= 0x5a;
        Files.write(flipped, changed);
        Path foreign = Files.writeString(dir.resolve("notes.zip"), "not a backup at all", StandardCharsets.UTF_8);

        for (Path bad : List.of(truncated, flipped, foreign)) {
            Run run = run(target, "restore", "--force", bad.toString());
            assertThat(run.exit()).as(bad + ": " + run.err()).isEqualTo(2);
            assertThat(run.err()).startsWith("convene: The backup file " + bad + " is damaged or incomplete")
                    .contains("Nothing was restored").doesNotContain("\tat ");
        }
        Run missing = run(target, "restore", dir.resolve("no-such-file").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("There is no file");
        assertThat(people(target)).containsExactly("Only Person");
    }

    @Test
    void refusalsChangeNothingAndForceReplacesTheData() throws Exception {
        Config target = withOnePerson();

        Run withoutForce = run(target, "restore", backup.toString());
        assertThat(withoutForce.exit()).isEqualTo(3);
        assertThat(withoutForce.err()).contains("already has data (1 people, 0 accounts, 0 organisations)").contains("--force");

        Path newer = rewriteManifest(backup, dir.resolve("newer.zip"), "\"schemaVersion\" : \"" + manifest.schemaVersion() + "\"",
                "\"schemaVersion\" : \"999\"");
        Run fromTheFuture = run(target, "restore", "--force", newer.toString());
        assertThat(fromTheFuture.exit()).isEqualTo(3);
        assertThat(fromTheFuture.err()).contains("from a newer Convene (database schema version 999");

        try (Connection other = DriverManager.getConnection(target.databaseUrl().orElseThrow(), target.databaseUser(), target.databasePassword())) {
            assertThat(other.isValid(5)).isTrue();
            Run busy = run(target, "restore", "--force", backup.toString());
            assertThat(busy.exit()).isEqualTo(3);
            assertThat(busy.err()).contains("1 other connection is open to the database");
        }
        assertThat(people(target)).containsExactly("Only Person");

        Run forced = run(target, "restore", "--force", backup.toString());
        assertThat(forced.exit()).as(forced.err()).isZero();
        try (Database before = Database.open(source); Database after = Database.open(target)) {
            for (String table : List.of("people", "accounts", "ties", "survey_answers", "outbox", "change_versions")) {
                assertThat(fingerprint(after.jdbi(), table)).as(table).isEqualTo(fingerprint(before.jdbi(), table));
            }
            int staging = after.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM pg_namespace WHERE nspname = 'convene_restore'")
                    .mapTo(Integer.class).one());
            assertThat(staging).as("no staging schema left").isZero();
        }
    }

    /** A backup from an older schema is restored at its own version, then brought to this one by the migrations since. */
    @Test
    void aBackupFromAnOlderSchemaIsMigratedOnAfterTheRestore() throws Exception {
        Config older = TestDatabase.get().fresh();
        try (Database db = Database.open(older)) {
            db.jdbi().useHandle(h -> h.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public"));
            org.flywaydb.core.Flyway.configure().dataSource(db.dataSource()).locations("classpath:db/migration").target("50").load().migrate();
            db.jdbi().useHandle(h -> {
                h.execute("INSERT INTO people (full_name, sector_code) VALUES ('From Version 50', 'housing')");
                h.execute("INSERT INTO outbox (recipient, subject, body) VALUES ('old@test.example', 'Queued at 50', 'Body')");
            });
        }
        Path old = dir.resolve("version-50.convene-backup");
        assertThat(run(older, "backup", "--out", old.toString()).exit()).isZero();
        assertThat(Restore.verify(old).schemaVersion()).isEqualTo("50");

        Config target = TestDatabase.get().fresh();
        Run restored = run(target, "restore", old.toString());
        assertThat(restored.exit()).as(restored.err()).isZero();
        assertThat(restored.out()).contains("schema version 50").contains("now at version " + manifest.schemaVersion());
        try (Database db = Database.open(target)) {
            List<String> names = db.jdbi().withHandle(h -> h.createQuery("SELECT full_name FROM people").mapTo(String.class).list());
            assertThat(names).containsExactly("From Version 50");
            String messageId = db.jdbi().withHandle(h -> h.createQuery("SELECT message_id::text FROM outbox").mapTo(String.class).one());
            assertThat(messageId).as("a migration since version 50 ran on the restored rows").isNotBlank();
        }
    }

    // Helpers

    private static Run run(Config config, String... args) {
        CommandLine cli = ConveneCommand.commandLine();
        ((BackupCommand) cli.getSubcommands().get("backup").getCommand()).config = config;
        ((RestoreCommand) cli.getSubcommands().get("restore").getCommand()).config = config;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static Config folder(String name) {
        return Config.from(Map.of("CONVENE_DATA_DIR", dir.resolve(name).toString()));
    }

    /** A migrated test database with one person in it. */
    private static Config withOnePerson() {
        Config target = TestDatabase.get().fresh();
        try (Database db = Database.open(target)) {
            db.jdbi().useHandle(h -> h.execute("INSERT INTO people (full_name, sector_code) VALUES ('Only Person', 'acute')"));
        }
        return target;
    }

    private static List<String> people(Config config) {
        try (Database db = Database.open(config)) {
            return db.jdbi().withHandle(h -> h.createQuery("SELECT full_name FROM people ORDER BY id").mapTo(String.class).list());
        }
    }

    /** Row count and a digest of every row's text, in a fixed order and time zone. */
    private static Map<String, Object> fingerprint(Jdbi jdbi, String table) {
        return jdbi.withHandle(h -> {
            h.execute("SET TIME ZONE 'UTC'");
            Map<String, Object> print = new LinkedHashMap<>();
            print.put("rows", h.createQuery("SELECT count(*) FROM \"" + table + "\"").mapTo(Long.class).one());
            print.put("md5", h.createQuery("SELECT md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) FROM \"" + table + "\" t")
                    .mapTo(String.class).one());
            return print;
        });
    }

    private static String sequence(Jdbi jdbi, String name) {
        return jdbi.withHandle(h -> h.createQuery("SELECT last_value || ' ' || is_called FROM \"" + name + "\"").mapTo(String.class).one());
    }

    /** Where an entry's data starts in the file: after its local header. */
    private static long dataOffset(Path zip, String entry) throws IOException {
        byte[] bytes = Files.readAllBytes(zip);
        byte[] name = entry.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + 30 + name.length < bytes.length; i++) {
            if (bytes[i] == 0x50 && bytes[i + 1] == 0x4b && bytes[i + 2] == 3 && bytes[i + 3] == 4) {
                int nameLength = (bytes[i + 26] & 0xff) | (bytes[i + 27] & 0xff) << 8;
                int extraLength = (bytes[i + 28] & 0xff) | (bytes[i + 29] & 0xff) << 8;
                if (nameLength == name.length && java.util.Arrays.equals(bytes, i + 30, i + 30 + nameLength, name, 0, name.length)) {
                    return i + 30L + nameLength + extraLength;
                }
            }
        }
        throw new IllegalStateException("No entry " + entry);
    }

    /** The same backup with one change to its manifest text. */
    private static Path rewriteManifest(Path from, Path to, String find, String replace) throws IOException {
        try (ZipFile in = new ZipFile(from.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            for (ZipEntry entry : java.util.Collections.list(in.entries())) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                byte[] content = in.getInputStream(entry).readAllBytes();
                if (entry.getName().equals(Backup.MANIFEST)) {
                    String text = new String(content, StandardCharsets.UTF_8);
                    assertThat(text).contains(find);
                    content = text.replace(find, replace).getBytes(StandardCharsets.UTF_8);
                }
                out.write(content);
                out.closeEntry();
            }
        }
        return to;
    }
}
