package org.convene.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.convene.errors.BadRequestException;
import org.convene.errors.NotFoundException;
import org.convene.text.CommentAnalysis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "analyse-comments", mixinStandardHelpOptions = true,
        description = {"Sentiment and theme of module-feedback comments, offline.",
                "Reads one comment per line (UTF-8; blank lines are skipped) and prints one line per comment:",
                "label<TAB>score<TAB>theme, where label is positive, negative or neutral and score is from -1 to 1."})
public final class AnalyseCommentsCommand implements Runnable {
    @Option(names = "--in", required = true, paramLabel = "FILE",
            description = "The comments, one per line; '-' reads standard input.")
    String in;

    @Spec
    CommandSpec spec;

    /** Standard input, replaceable in tests. */
    InputStream stdin = System.in;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        try (BufferedReader reader = open()) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    out.println(CommentAnalysis.of(line.strip()).line());
                }
            }
        } catch (CharacterCodingException e) {
            throw new BadRequestException(source() + " is not UTF-8 text.");
        } catch (IOException e) {
            throw new BadRequestException("Could not read " + source() + ": " + e.getMessage());
        } finally {
            out.flush();
        }
    }

    private String source() {
        return "-".equals(in) ? "standard input" : "the file " + in;
    }

    private BufferedReader open() {
        InputStream stream;
        if ("-".equals(in)) {
            stream = stdin;
        } else {
            Path path = Path.of(in);
            if (Files.isDirectory(path)) {
                throw new BadRequestException("The file " + in + " is a folder; give a text file with one comment per line.");
            }
            try {
                stream = Files.newInputStream(path);
            } catch (NoSuchFileException e) {
                throw new NotFoundException("No file " + in + " (give a text file with one comment per line).");
            } catch (IOException e) {
                throw new BadRequestException("Could not read the file " + in + ": " + e.getMessage());
            }
        }
        return new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
    }
}
