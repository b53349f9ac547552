package org.convene.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.convene.app.Config;
import org.convene.cli.ConveneCommand;
import org.convene.db.Database;
import org.convene.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TransferCommandsTest {
    @TempDir
    Path dir;
    private final Config config = TestDatabase.get().fresh();
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

    record Run(int exit, String out, String err) {
    }

    /** The real command line, in this JVM, on the test database (commands otherwise read it from the environment). */
    private Run run(String... args) {
        CommandLine cli = ConveneCommand.commandLine();
        ((ImportCommand) cli.getSubcommands().get("import").getCommand()).config = config;
        ExportCommand export = (ExportCommand) cli.getSubcommands().get("export").getCommand();
        export.config = config;
        export.stdout = stdout;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private long count(String table) {
        try (Database db = Database.open(config)) {
            return db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM " + table).mapTo(Long.class).one());
        }
    }

    @Test
    void importsOrganisationsThenPeopleAndPrintsCounts() throws IOException {
        Run organisations = run("import", "organisations", file("o.csv", "name,sector,place\nAcme,acute,Leeds\nBeta,Housing,\n").toString());
        assertThat(organisations.exit()).as(organisations.err()).isZero();
        assertThat(organisations.out()).contains("Imported 2 organisations.");

        Run people = run("import", "people", file("p.csv", "full_name,organisation\nAnn,Acme\n").toString());
        assertThat(people.exit()).as(people.err()).isZero();
        assertThat(people.out()).contains("Imported 1 person.");
        assertThat(count("people")).isEqualTo(1);
    }

    @Test
    void aBadFilePrintsEachLineErrorExitsWith2AndWritesNothing() throws IOException {
        Run run = run("import", "people", file("p.csv", "full_name,sector,email\nAnn,acute,ann@example.org\n"
                + ",acute,\nCy,mars,\nDee,acute,ANN@example.org\n").toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("Nothing was imported. 3 rows have problems.")
                .contains("line 3: Enter a full name")
                .contains("line 4: Unknown sector 'mars'")
                .contains("line 5: The email ANN@example.org is also on line 2.");
        assertThat(run.out()).isEmpty();
        assertThat(count("people")).isZero();
    }

    @Test
    void unreadableFilesExitWith2() throws IOException {
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, "name,sector\nCaf\u00e9 Trust,acute\n".getBytes(StandardCharsets.ISO_8859_1));
        Run encoding = run("import", "organisations", latin1.toString());
        assertThat(encoding.exit()).isEqualTo(2);
        assertThat(encoding.err()).contains("line 2:").contains("not valid UTF-8");

        Run quotes = run("import", "organisations", file("q.csv", "name,sector\n\"Acme,acute\n").toString());
        assertThat(quotes.exit()).isEqualTo(2);
        assertThat(quotes.err()).contains("line 2:").contains("closing quote");

        Run missing = run("import", "people", dir.resolve("nope.csv").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("There is no file");
        assertThat(count("organisations")).isZero();
    }

    @Test
    void eachImportCommandHasHelp() {
        Run help = run("import", "people", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("FILE.csv").contains("full_name").contains("listed");
        assertThat(run("import", "organisations", "--help").out()).contains("name, sector");
        assertThat(run("import").out()).contains("people").contains("organisations");
    }

    @Test
    void exportsToAFileOrToStandardOutput() throws IOException {
        run("import", "organisations", file("o.csv", "name,sector\nAcme,acute\n").toString());
        Path out = dir.resolve("organisations.csv");
        Run toFile = run("export", "--what", "organisations", "--out", out.toString());
        assertThat(toFile.exit()).as(toFile.err()).isZero();
        assertThat(toFile.out()).contains("Exported 1 organisations to");
        assertThat(Files.readString(out)).startsWith("id,name,sector,place,people\r\n").contains(",Acme,acute,,0");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file left").doesNotContain(".organisations.csv");
        }

        Run toStdout = run("export");
        assertThat(toStdout.exit()).isZero();
        assertThat(stdout.toString(StandardCharsets.UTF_8)).startsWith("id,full_name,email,");
    }

    @Test
    void anUnknownExportOrFolderExitsWith2AndLeavesNoFile() {
        Run what = run("export", "--what", "accounts", "--out", dir.resolve("x.csv").toString());
        assertThat(what.exit()).isEqualTo(2);
        assertThat(what.err()).contains("people, organisations or ties");
        Run folder = run("export", "--out", dir.resolve("missing/x.csv").toString());
        assertThat(folder.exit()).isEqualTo(2);
        assertThat(folder.err()).contains("There is no folder");
        assertThat(dir.resolve("x.csv")).doesNotExist();
    }
}
