package org.convene.transfer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.convene.db.Rows;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.result.IteratorCallback;

/**
 * Writes the directory as CSV (RFC 4180, UTF-8), row by row as PostgreSQL sends them: a
 * cursor inside a read-only transaction fetches {@link #FETCH_SIZE} rows at a time, so a million
 * people take no more memory than a thousand. The people file has the people import's columns
 * (plus ids), so it re-imports as it is. Text cells are made safe to open in a spreadsheet.
 */
public final class DirectoryExport {
    static final int FETCH_SIZE = 1_000;
    private static final CSVFormat FORMAT = CSVFormat.RFC4180;
    private final Jdbi jdbi;

    /** What can be exported. */
    public enum What {
        PEOPLE(List.of("id", "full_name", "email", "job_title", "profession", "organisation_id", "organisation", "sector",
                "place", "interests", "offers", "asks", "bio", "contact_preference", "visibility", "email_visibility"),
                "SELECT p.id, p.full_name, p.email, p.job_title, p.profession, p.organisation_id, o.name AS organisation, "
                        + "p.sector_code, pl.name AS place, p.interests, p.offers, p.asks, p.bio, p.contact_preference, p.visibility, p.email_visibility "
                        + "FROM people p LEFT JOIN organisations o ON o.id = p.organisation_id "
                        + "LEFT JOIN places pl ON pl.id = p.place_id ORDER BY p.id"),
        ORGANISATIONS(List.of("id", "name", "sector", "place", "people"),
                "SELECT o.id, o.name, o.sector_code, pl.name AS place, coalesce(c.people, 0) AS people "
                        + "FROM organisations o LEFT JOIN places pl ON pl.id = o.place_id "
                        + "LEFT JOIN (SELECT organisation_id, count(*) AS people FROM people "
                        + "WHERE organisation_id IS NOT NULL GROUP BY organisation_id) c ON c.organisation_id = o.id ORDER BY o.id"),
        TIES(List.of("id", "person_a", "person_a_name", "person_b", "person_b_name", "kind", "source", "source_ref", "note",
                "started_on", "ended_on"),
                "SELECT t.id, t.person_a, pa.full_name AS person_a_name, t.person_b, pb.full_name AS person_b_name, t.kind, "
                        + "t.source, t.source_ref, t.note, t.started_on, t.ended_on FROM ties t "
                        + "JOIN people pa ON pa.id = t.person_a JOIN people pb ON pb.id = t.person_b ORDER BY t.id");

        private final List<String> columns;
        private final String sql;

        What(List<String> columns, String sql) {
            this.columns = columns;
            this.sql = sql;
        }

        public List<String> columns() {
            return columns;
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        public String fileName(LocalDate day) {
            return "convene-" + label() + "-" + day + ".csv";
        }

        /** people, organisations or ties, in any case. */
        public static What parse(String value) {
            for (What w : values()) {
                if (w.label().equalsIgnoreCase(value == null ? "" : value.strip())) {
                    return w;
                }
            }
            throw new IllegalArgumentException("Choose what to export: people, organisations or ties (not '" + value + "')");
        }
    }

    public DirectoryExport(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Writes the header and every row to {@code out} (flushed, not closed) and returns the number of rows. */
    public long write(What what, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        CSVPrinter printer = new CSVPrinter(writer, FORMAT);
        printer.printRecord(what.columns());
        long rows = jdbi.inTransaction((HandleCallback<Long, IOException>) h -> {
            h.execute("SET TRANSACTION READ ONLY");
            return h.createQuery(what.sql)
                    .setFetchSize(FETCH_SIZE)
                    .map((rs, ctx) -> cells(what, rs))
                    .withIterator((IteratorCallback<List<String>, Long, IOException>) iterator -> print(iterator, printer));
        });
        printer.flush();
        return rows;
    }

    private static long print(java.util.Iterator<List<String>> rows, CSVPrinter printer) throws IOException {
        long n = 0;
        while (rows.hasNext()) {
            printer.printRecord(rows.next());
            n++;
        }
        return n;
    }

    private static List<String> cells(What what, ResultSet rs) throws SQLException {
        List<String> cells = new ArrayList<>(what.columns.size());
        switch (what) {
            case PEOPLE -> {
                cells.add(rs.getString("id"));
                text(cells, rs.getString("full_name"), rs.getString("email"), rs.getString("job_title"), rs.getString("profession"));
                cells.add(rs.getString("organisation_id"));
                text(cells, rs.getString("organisation"), rs.getString("sector_code"), rs.getString("place"),
                        String.join("; ", Rows.textArray(rs, "interests")), rs.getString("offers"), rs.getString("asks"),
                        rs.getString("bio"), rs.getString("contact_preference"));
                cells.add(rs.getString("visibility"));
                cells.add(rs.getString("email_visibility"));
            }
            case ORGANISATIONS -> {
                cells.add(rs.getString("id"));
                text(cells, rs.getString("name"), rs.getString("sector_code"), rs.getString("place"));
                cells.add(rs.getString("people"));
            }
            case TIES -> {
                cells.add(rs.getString("id"));
                cells.add(rs.getString("person_a"));
                text(cells, rs.getString("person_a_name"));
                cells.add(rs.getString("person_b"));
                text(cells, rs.getString("person_b_name"), rs.getString("kind"), rs.getString("source"),
                        rs.getString("source_ref"), rs.getString("note"));
                cells.add(String.valueOf(Rows.date(rs, "started_on")));
                LocalDate ended = Rows.date(rs, "ended_on");
                cells.add(ended == null ? "" : ended.toString());
            }
        }
        return cells;
    }

    private static void text(List<String> cells, String... values) {
        for (String v : values) {
            cells.add(v == null ? "" : SpreadsheetSafe.neutralise(v));
        }
    }
}
