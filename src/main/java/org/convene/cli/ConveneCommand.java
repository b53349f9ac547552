package org.convene.cli;

import org.convene.errors.BadRequestException;
import org.convene.errors.ConflictException;
import org.convene.errors.ImportRejectedException;
import org.convene.errors.NotFoundException;
import org.convene.errors.ValidationException;
import org.convene.transfer.ExportCommand;
import org.convene.transfer.ImportCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command; each subcommand lives in its own class. */
@Command(name = "convene", mixinStandardHelpOptions = true, version = "Convene 0.1.0",
        description = "Collective leadership programmes and communities of practice for health and care.",
        subcommands = {ServeCommand.class, DemoCommand.class, MigrateCommand.class,
                TokenCommand.class, ImportCommand.class, ExportCommand.class, org.convene.reports.ReportCommand.class, MatchCommand.class, GroupsCommand.class, NetworkMetricsCommand.class, AnalyseCommentsCommand.class, org.convene.backup.BackupCommand.class,
                org.convene.backup.RestoreCommand.class, CommandLine.HelpCommand.class})
public final class ConveneCommand implements Runnable {

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new ConveneCommand());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            commandLine.getErr().println("convene: " + message);
            if (e instanceof ValidationException v && !v.fieldErrors().isEmpty()) {
                v.fieldErrors().forEach((field, problem) -> commandLine.getErr().println("  " + field + ": " + problem));
            }
            if (e instanceof ImportRejectedException rejected) {
                rejected.rows().forEach(row -> commandLine.getErr().println("  line " + row.line() + ": " + row.message()));
                if (rejected.more() > 0) {
                    commandLine.getErr().printf("  ... and %,d more%n", rejected.more());
                }
            }
            if (e instanceof ValidationException || e instanceof BadRequestException || e instanceof IllegalArgumentException) {
                return 2;
            }
            if (e instanceof NotFoundException || e instanceof ConflictException) {
                return 3;
            }
            if (e instanceof org.convene.db.DataFolderInUseException || e instanceof org.flywaydb.core.api.exception.FlywayValidateException
                    || org.convene.db.Outage.causedBy(e)) {
                // The message says it all: a folder in use, a database migrated by another version of
                // Convene, or a database out of reach. No stack trace.
                return 1;
            }
            org.slf4j.LoggerFactory.getLogger(ConveneCommand.class).error("Command failed", e);
            return 1;
        });
        return cli;
    }
}
