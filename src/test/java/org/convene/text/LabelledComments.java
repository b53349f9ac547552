package org.convene.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The labelled comments in src/test/resources/text/feedback-labelled.tsv. */
record LabelledComments(String split, Sentiment.Label label, String theme, String comment) {
    static final String RESOURCE = "/text/feedback-labelled.tsv";

    static List<LabelledComments> all() {
        InputStream in = LabelledComments.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("Missing " + RESOURCE);
        }
        List<LabelledComments> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            if (!"split\tlabel\ttheme\tcomment".equals(header)) {
                throw new IllegalStateException("Unexpected header: " + header);
            }
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 4) {
                    throw new IllegalStateException("Expected 4 columns: " + line);
                }
                rows.add(new LabelledComments(f[0], Sentiment.Label.fromCode(f[1]), f[2], f[3]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    static List<LabelledComments> split(String split) {
        return all().stream().filter(c -> c.split().equals(split)).toList();
    }
}
