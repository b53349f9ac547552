package org.convene.transfer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.convene.app.Config;
import org.convene.db.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the directory as CSV: people (the people import's columns plus ids), organisations or ties.")
public final class ExportCommand implements Runnable {
    @Option(names = "--what", defaultValue = "people", paramLabel = "people|organisations|ties",
            description = "What to export (default ${DEFAULT-VALUE}).")
    String what;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write to this file; it is replaced only once the export is complete. Default: standard output.")
    Path out;

    @Spec
    CommandSpec spec;

    /** Where the database is; null means the environment, as for every command. Tests set it. */
    Config config;

    /** Raw bytes, so the CSV is UTF-8 whatever the console's encoding. Tests replace it. */
    OutputStream stdout = System.out;

    @Override
    public void run() {
        DirectoryExport.What kind = DirectoryExport.What.parse(what);
        if (out != null && !Files.isDirectory(out.toAbsolutePath().getParent())) {
            throw new IllegalArgumentException("There is no folder " + out.toAbsolutePath().getParent());
        }
        try (Database db = Database.open(config != null ? config : Config.fromEnvironment())) {
            db.migrate();
            DirectoryExport export = new DirectoryExport(db.jdbi());
            if (out == null) {
                export.write(kind, stdout);
                stdout.flush();
            } else {
                long rows = AtomicFile.write(out, stream -> export.write(kind, stream));
                spec.commandLine().getOut().printf("Exported %,d %s to %s%n", rows, kind.label(), out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the export: " + e.getMessage(), e);
        }
    }
}
