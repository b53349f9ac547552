package org.convene.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The lines of a word-list resource that carry content: stripped, without blanks and # comments. */
final class ResourceLines {
    /** A line and its number in the file, for messages about a bad entry. */
    record Line(int number, String text) {
    }

    private ResourceLines() {
    }

    static List<Line> of(String resource) {
        InputStream in = ResourceLines.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Missing text resource " + resource);
        }
        List<Line> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    lines.add(new Line(number, line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }
}
