package org.convene.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AnalyseCommentsCommandTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    private Run run(byte[] stdin, String... args) {
        CommandLine cli = ConveneCommand.commandLine();
        if (stdin != null) {
            ((AnalyseCommentsCommand) cli.getSubcommands().get("analyse-comments").getCommand()).stdin =
                    new ByteArrayInputStream(stdin);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void printsLabelScoreAndThemePerCommentSkippingBlankLines() throws IOException {
        Path file = Files.writeString(dir.resolve("comments.txt"), """
                The speakers were brilliant and really inspiring!

                the venue was difficult to get to
                  \t
                good speakers, but far too little time
                We covered the GROW model and Appreciative Inquiry – café au lait
                """, StandardCharsets.UTF_8);
        Run run = run(null, "analyse-comments", "--in", file.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        String[] lines = run.out().split("\\R");
        assertThat(lines).hasSize(4);
        for (String line : lines) {
            assertThat(line).matches("(positive|negative|neutral)\t-?[01]\\.\\d{3}\t[a-z]+");
        }
        assertThat(lines[0]).startsWith("positive\t").endsWith("\tspeakers");
        assertThat(lines[1]).startsWith("negative\t").endsWith("\tvenue");
        assertThat(lines[2]).startsWith("negative\t").endsWith("\tpace");
        assertThat(lines[3]).startsWith("neutral\t0.000\t").endsWith("\tcontent");
    }

    @Test
    void readsStandardInputForADash() {
        Run run = run("Too many acronyms\nLoved it\n".getBytes(StandardCharsets.UTF_8), "analyse-comments", "--in", "-");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out().split("\\R")).hasSize(2);
        assertThat(run.out()).startsWith("negative\t");
    }

    @Test
    void aMissingFileGivesAClearMessageAndANonZeroExit() {
        Run run = run(null, "analyse-comments", "--in", dir.resolve("nope.txt").toString());
        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.err()).contains("No file").contains("nope.txt");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aFolderOrNonUtf8FileIsRejected() throws IOException {
        Run folder = run(null, "analyse-comments", "--in", dir.toString());
        assertThat(folder.exit()).isEqualTo(2);
        assertThat(folder.err()).contains("is a folder");

        Path latin1 = Files.write(dir.resolve("latin1.txt"), "Caf\u00e9 was great\n".getBytes(StandardCharsets.ISO_8859_1));
        Run run = run(null, "analyse-comments", "--in", latin1.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("is not UTF-8 text");
    }

    @Test
    void requiresTheInputOption() {
        Run run = run(null, "analyse-comments");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--in");
    }
}
