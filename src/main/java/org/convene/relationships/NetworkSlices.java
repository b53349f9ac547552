package org.convene.relationships;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.convene.network.Network;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads a slice of the relationship network from the tie store as it stood on a date: the slice's
 * people with their sectors, and the ties between them that had begun by that date and not ended
 * (from any source, or the sources named), each pair once however many sources record it. It also
 * counts the pairs first tied within a period, and those of them across sectors.
 */
public final class NetworkSlices {
    /** The network on {@code to}, and the ties new in the period (overall and across sectors). */
    public record Loaded(Network network, long newTies, long newCrossSectorTies) {
    }

    private final Jdbi jdbi;

    public NetworkSlices(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Loaded load(Slice slice, LocalDate from, LocalDate to, List<String> sources) {
        return jdbi.inTransaction(h -> {
            Network.Builder builder = new Network.Builder();
            Map<Long, String> sectorOf = new HashMap<>();
            var people = h.createQuery("WITH slice AS (" + slice.people() + ") SELECT p.id, p.sector_code FROM people p "
                    + "JOIN slice s ON s.person_id = p.id ORDER BY p.id");
            bindSlice(people, slice).map((rs, ctx) -> {
                long id = rs.getLong(1);
                sectorOf.put(id, rs.getString(2));
                return builder.addPerson(String.valueOf(id), rs.getString(2));
            }).forEach(v -> { });
            long[] counts = new long[2];
            // A pair is in the network if one of its ties stood on the date; it is new if its first tie began in the period.
            var ties = h.createQuery("WITH slice AS (" + slice.people() + ") SELECT t.person_a, t.person_b, min(t.started_on) AS first "
                            + "FROM ties t JOIN slice a ON a.person_id = t.person_a JOIN slice b ON b.person_id = t.person_b "
                            + "WHERE t.started_on <= :to AND (CAST(:sources AS text[]) IS NULL OR t.source = ANY(CAST(:sources AS text[]))) "
                            + "GROUP BY 1, 2 HAVING bool_or(t.ended_on IS NULL OR t.ended_on > :to)")
                    .bind("to", to).bind("sources", sources == null || sources.isEmpty() ? null : sources.toArray(String[]::new));
            bindSlice(ties, slice).map((rs, ctx) -> {
                long a = rs.getLong(1);
                long b = rs.getLong(2);
                builder.addTie(builder.indexOf(String.valueOf(a)), builder.indexOf(String.valueOf(b)));
                LocalDate first = rs.getDate(3).toLocalDate();
                if (from != null && !first.isBefore(from)) {
                    counts[0]++;
                    if (!sectorOf.get(a).equals(sectorOf.get(b))) {
                        counts[1]++;
                    }
                }
                return a;
            }).forEach(v -> { });
            return new Loaded(builder.build(), counts[0], counts[1]);
        });
    }

    private static org.jdbi.v3.core.statement.Query bindSlice(org.jdbi.v3.core.statement.Query q, Slice slice) {
        return slice.kind() == Slice.Kind.SYSTEM ? q : q.bind("slice", slice.id());
    }
}
