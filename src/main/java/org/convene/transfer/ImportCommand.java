package org.convene.transfer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiFunction;
import org.convene.app.Config;
import org.convene.db.Database;
import org.convene.directory.Reference;
import org.convene.organisations.Organisations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import people or organisations from a CSV file, all or nothing.",
        subcommands = {ImportCommand.PeopleFile.class, ImportCommand.OrganisationsFile.class})
public final class ImportCommand implements Runnable {
    /** Where the database is; null means the environment, as for every command. Tests set it. */
    Config config;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    Config config() {
        return config != null ? config : Config.fromEnvironment();
    }

    void importFile(Path file, CommandSpec command, BiFunction<Database, InputStream, ImportReport> importer) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("There is no file " + file);
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file)); Database db = Database.open(config())) {
            db.migrate();
            command.commandLine().getOut().println(importer.apply(db, in).summary());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file + ": " + e.getMessage(), e);
        }
    }

    @Command(name = "people", mixinStandardHelpOptions = true,
            description = {"Import directory entries. Columns (only full_name is required, and sector unless the "
                    + "organisation gives it; the others may be left out): full_name, email, job_title, profession, "
                    + "organisation (an existing organisation's name), sector (code or name), place, interests "
                    + "(separated by ;), offers, asks, bio, contact_preference, visibility and email_visibility "
                    + "(everyone, communities or nobody; an older file's listed yes/no is read when visibility is empty).",
                    "If any row has a problem, nothing is imported, each problem is printed with its line number "
                            + "and the exit code is 2."})
    static final class PeopleFile implements Runnable {
        @ParentCommand
        ImportCommand parent;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE.csv", description = "The CSV file (UTF-8, first line naming the columns).")
        Path file;

        @Override
        public void run() {
            parent.importFile(file, spec, (db, in) -> new PeopleImport(db.jdbi(), new Reference(db.jdbi())).run(in));
        }
    }

    @Command(name = "organisations", mixinStandardHelpOptions = true,
            description = {"Import organisations. Columns: name, sector (code or name), place (optional).",
                    "If any row has a problem, nothing is imported, each problem is printed with its line number "
                            + "and the exit code is 2."})
    static final class OrganisationsFile implements Runnable {
        @ParentCommand
        ImportCommand parent;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE.csv", description = "The CSV file (UTF-8, first line naming the columns).")
        Path file;

        @Override
        public void run() {
            parent.importFile(file, spec, (db, in) -> new OrganisationsImport(db.jdbi(), new Reference(db.jdbi()),
                    new Organisations(db.jdbi())).run(in));
        }
    }
}
