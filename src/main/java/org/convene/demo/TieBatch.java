package org.convene.demo;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.convene.db.CsvCopy;
import org.convene.ties.TieKind;
import org.convene.web.Text;
import org.jdbi.v3.core.Handle;

/**
 * The ties the generated activity implies, gathered and then copied in one go. As in
 * {@code Ties.record}, the same pair, kind, source and reference is one tie (the earliest is
 * kept), and a tie is stored with the lower person id first.
 */
final class TieBatch {
    private record Key(long a, long b, String kind, String source, String ref) {
    }

    private record Row(String note, LocalDate startedOn) {
    }

    private final Map<Key, Row> rows = new LinkedHashMap<>();

    /** Adds a tie between two people (ids) unless it is the same person twice; keeps the earlier start of a repeat. */
    void add(long person, long other, TieKind kind, String source, String ref, String note, LocalDate startedOn) {
        if (person == other) {
            return;
        }
        Key key = new Key(Math.min(person, other), Math.max(person, other), kind.code(), source, ref);
        String clean = Text.singleLine(note);
        Row row = new Row(clean.length() > 500 ? clean.substring(0, 500) : clean, startedOn);
        rows.merge(key, row, (old, added) -> added.startedOn().isBefore(old.startedOn()) ? added : old);
    }

    int size() {
        return rows.size();
    }

    /** How many ties of each source. */
    Map<String, Long> bySource() {
        Map<String, Long> counts = new TreeMap<>();
        rows.keySet().forEach(k -> counts.merge(k.source(), 1L, Long::sum));
        return counts;
    }

    void copy(Handle h) {
        CsvCopy.copy(h, "COPY ties (person_a, person_b, kind, source, source_ref, note, started_on, created_at) FROM STDIN WITH (FORMAT csv)",
                out -> rows.forEach((k, r) -> out.row(k.a(), k.b(), k.kind(), k.source(), k.ref(), r.note(), r.startedOn(),
                        r.startedOn().atTime(12, 0).atZone(ActivityDemo.ZONE).toInstant())));
    }
}
