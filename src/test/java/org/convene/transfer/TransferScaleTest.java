package org.convene.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.convene.app.Config;
import org.convene.db.Database;
import org.convene.testing.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sizes a real directory reaches; slow, so tagged "bench" and left out of the normal build. */
@Tag("bench")
class TransferScaleTest {
    @TempDir
    Path dir;

    @Test
    void aMillionPeopleExportFromTheCommandLineIn64Megabytes() throws Exception {
        Config config = TestDatabase.get().fresh();
        try (Database db = Database.open(config)) {
            db.jdbi().useHandle(h -> {
                // The search document is irrelevant to an export and would triple the set-up time.
                h.execute("ALTER TABLE people DISABLE TRIGGER people_search_document");
                h.execute("INSERT INTO organisations (name, sector_code) SELECT 'Organisation ' || g, 'acute' FROM generate_series(1, 1000) g");
                h.execute("INSERT INTO people (full_name, email, job_title, organisation_id, sector_code, interests, bio, visibility) "
                        + "SELECT 'Person ' || g, 'person' || g || '@example.org', 'Job title ' || g, 1 + g % 1000, 'primary', "
                        + "ARRAY['frailty', 'topic ' || g % 50], repeat('A line of biography. ', 10), CASE WHEN g % 2 = 0 THEN 'everyone' ELSE 'nobody' END "
                        + "FROM generate_series(1, 1000000) g");
            });
        }
        Path out = dir.resolve("people.csv");
        // The real jar's entry point in a JVM far too small to hold a million rows, configured as in production.
        ProcessBuilder java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-cp", System.getProperty("java.class.path"), "org.convene.Main", "export", "--out", out.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("log.txt").toFile());
        java.environment().put("CONVENE_DATABASE_URL", config.databaseUrl().orElseThrow());
        java.environment().put("CONVENE_DATABASE_USER", config.databaseUser());
        java.environment().put("CONVENE_DATABASE_PASSWORD", config.databasePassword());
        long started = System.nanoTime();
        Process process = java.start();
        assertThat(process.waitFor(15, TimeUnit.MINUTES)).isTrue();
        String log = Files.readString(dir.resolve("log.txt"));
        assertThat(process.exitValue()).as(log).isZero();
        assertThat(log).contains("Exported 1,000,000 people");
        System.out.printf("Exported 1,000,000 people (%,d bytes) in %d s with -Xmx64m%n", Files.size(out),
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
        try (Stream<String> lines = Files.lines(out)) {
            assertThat(lines.count()).isEqualTo(1_000_001);
        }
    }

    @Test
    void theLargestFileAllowedImportsInOneTransaction() throws IOException {
        StringBuilder csv = new StringBuilder("full_name,email,sector,place,interests,listed\n");
        for (int i = 0; i < CsvImport.MAX_ROWS; i++) {
            csv.append("Person ").append(i).append(",p").append(i).append("@example.org,acute,Place ").append(i % 300)
                    .append(",frailty;dementia,yes\n");
        }
        try (Directory directory = new Directory()) {
            long started = System.nanoTime();
            ImportReport report = directory.people.run(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)));
            System.out.printf("Imported %,d people in %d s%n", report.imported(),
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
            assertThat(directory.count("people")).isEqualTo(CsvImport.MAX_ROWS);
            assertThat(directory.count("places")).isEqualTo(300);
            List<String> header = List.of(directory.export(DirectoryExport.What.PEOPLE).split("\r\n", 2)[0].split(","));
            assertThat(header).contains("full_name", "organisation_id");
        }
    }
}
