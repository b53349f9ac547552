package org.convene.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.convene.app.Config;
import org.convene.db.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Write the whole database to one file: every table as of one moment, with a manifest of row counts "
                + "and checksums. Works while Convene runs (on the embedded database too) and changes nothing.",
                "The file holds personal data and password hashes: it is readable by its owner only. Keep it safe.",
                "Exit codes: 0 written, 1 failed (nothing written), 2 bad arguments."})
public final class BackupCommand implements Runnable {
    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "The backup file to write; an existing file is replaced only once the backup is complete.")
    Path out;

    @Spec
    CommandSpec spec;

    /** Where the database is; null means the environment, as for every command. Tests set it. */
    Config config;

    @Override
    public void run() {
        Path folder = out.toAbsolutePath().getParent();
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("There is no folder " + folder);
        }
        try (Database db = Database.openBesideServer(config != null ? config : Config.fromEnvironment())) {
            BackupManifest manifest = Backup.write(db.dataSource(), out);
            spec.commandLine().getOut().printf("Backed up %,d rows in %d tables (database schema version %s) to %s%n",
                    manifest.rows(), manifest.tables().size(), manifest.schemaVersion(), out);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the backup: " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the database: " + e.getMessage(), e);
        }
    }
}
