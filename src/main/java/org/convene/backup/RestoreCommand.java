package org.convene.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import org.convene.app.Config;
import org.convene.db.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Replace the whole database with a file written by 'backup', then apply any newer migrations.",
                "Refused, with nothing changed: while Convene runs on the data folder (exit code 1); for a file that is "
                        + "missing, damaged or cut short (2); for a database that already has data unless --force is given, "
                        + "a backup from a newer Convene, or a database other clients are connected to (3)."})
public final class RestoreCommand implements Runnable {
    @Parameters(paramLabel = "FILE", description = "The backup file.")
    Path file;

    @Option(names = "--force", description = "Replace a database that already has people, accounts or organisations.")
    boolean force;

    @Spec
    CommandSpec spec;

    /** Where the database is; null means the environment, as for every command. Tests set it. */
    Config config;

    @Override
    public void run() {
        // The whole file is checked before the database is opened (or an embedded one created).
        BackupManifest manifest = Restore.verify(file);
        try (Database db = Database.open(config != null ? config : Config.fromEnvironment())) {
            Restore.Outcome outcome = Restore.run(db, file, manifest, force);
            spec.commandLine().getOut().printf("Restored %,d rows in %d tables from %s (backed up %s at database schema version %s); "
                            + "the database is now at version %s.%n", manifest.rows(), manifest.tables().size(), file,
                    manifest.createdAt(), manifest.schemaVersion(), outcome.schemaVersionNow());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the backup: " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("The restore failed: " + e.getMessage(), e);
        }
    }
}
