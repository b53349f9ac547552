package org.convene.reports;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.convene.app.Config;
import org.convene.db.Database;
import org.convene.programmes.CourseChanges;
import org.convene.programmes.Programmes;
import org.convene.surveys.Results;
import org.convene.surveys.Surveys;
import org.convene.transfer.AtomicFile;
import org.convene.web.Templates;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write a cohort's evaluation report as PDF or HTML (the same content), or the anonymised data behind it as CSV.")
public final class ReportCommand implements Runnable {
    @Option(names = "--cohort", required = true, paramLabel = "ID", description = "The cohort's id (shown in its page's address).")
    long cohort;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "Where to write; the file is replaced only once the report is complete.")
    Path out;

    @Option(names = "--format", paramLabel = "pdf|html|csv",
            description = "pdf, html or csv; by default taken from the file's extension, else pdf.")
    String format;

    @Spec
    CommandSpec spec;

    /** Where the database is; null means the environment. Tests set it. */
    Config config;

    @Override
    public void run() {
        String kind = format != null ? format.trim().toLowerCase(Locale.ROOT) : fromExtension(out);
        if (!kind.equals("pdf") && !kind.equals("html") && !kind.equals("csv")) {
            throw new IllegalArgumentException("--format must be pdf, html or csv, not '" + format + "'");
        }
        Path folder = out.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new IllegalArgumentException("There is no folder " + folder);
        }
        long started = System.nanoTime();
        try (Database db = Database.open(config != null ? config : Config.fromEnvironment())) {
            db.migrate();
            Programmes programmes = new Programmes(db.jdbi());
            programmes.cohort(cohort);
            Surveys surveys = new Surveys(db.jdbi());
            if (kind.equals("csv")) {
                AtomicFile.write(out, stream -> {
                    Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
                    new ReportData(db.jdbi(), surveys).write(cohort, writer);
                    return null;
                });
            } else {
                ReportRenderer renderer = new ReportRenderer(new Reports(db.jdbi(), programmes, surveys, new Results(db.jdbi()),
                        new CourseChanges(db.jdbi())), new Templates());
                ReportView view = renderer.view(cohort, true);
                byte[] bytes = kind.equals("pdf") ? renderer.pdf(view) : renderer.html(view).getBytes(StandardCharsets.UTF_8);
                AtomicFile.write(out, stream -> {
                    stream.write(bytes);
                    return null;
                });
            }
            spec.commandLine().getOut().printf(Locale.ROOT, "Wrote the %s report of cohort %d to %s in %.1f s%n", kind, cohort, out,
                    (System.nanoTime() - started) / 1e9);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the report: " + e.getMessage(), e);
        }
    }

    private static String fromExtension(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".html") || name.endsWith(".htm") ? "html" : name.endsWith(".csv") ? "csv" : "pdf";
    }
}
