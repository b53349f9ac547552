package org.convene.relationships;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.convene.network.Network;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * Reads a slice of the relationship network from the tie store as it stood on a date: the slice's
 * people with their sectors, and the ties between them that had begun by that date and not ended
 * (from any source, or the sources named), each pair once however many sources record it. It also
 * counts the pairs first tied within a period, and those of them across sectors.
 *
 * <p>The two reads ({@link #people} and {@link #pairs}) are shared by the figures ({@link #load})
 * and the map ({@link NetworkGraphs}), so both see exactly the same network.
 */
public final class NetworkSlices {
    /** The network on {@code to}, and the ties new in the period (overall and across sectors). */
    public record Loaded(Network network, long newTies, long newCrossSectorTies) {
    }

    /** Receives the slice's people in increasing id order. */
    @FunctionalInterface
    public interface PersonSink {
        void person(long id, String sectorCode);
    }

    /**
     * Receives each tied pair once ({@code a < b}): the day its first tie (from the sources asked
     * for) began, and, when asked for, the sources of its ties that stood on the date (sorted).
     */
    @FunctionalInterface
    public interface PairSink {
        void pair(long a, long b, LocalDate first, String[] sources);
    }

    private final Jdbi jdbi;

    public NetworkSlices(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Loaded load(Slice slice, LocalDate from, LocalDate to, List<String> sources) {
        return jdbi.inTransaction(h -> {
            Network.Builder builder = new Network.Builder();
            Map<Long, String> sectorOf = new HashMap<>();
            people(h, slice, (id, sector) -> {
                sectorOf.put(id, sector);
                builder.addPerson(String.valueOf(id), sector);
            });
            long[] counts = new long[2];
            pairs(h, slice, to, sources, false, (a, b, first, ignored) -> {
                builder.addTie(builder.indexOf(String.valueOf(a)), builder.indexOf(String.valueOf(b)));
                if (from != null && !first.isBefore(from)) {
                    counts[0]++;
                    if (!sectorOf.get(a).equals(sectorOf.get(b))) {
                        counts[1]++;
                    }
                }
            });
            return new Loaded(builder.build(), counts[0], counts[1]);
        });
    }

    /** Whether the place, community, cohort or programme a slice names exists (the whole system always does). */
    public boolean exists(Slice slice) {
        String table = switch (slice.kind()) {
            case SYSTEM -> null;
            case PLACE -> "places";
            case COMMUNITY -> "communities";
            case COHORT -> "cohorts";
            case PROGRAMME -> "programmes";
        };
        return table == null || jdbi.withHandle(h -> h.createQuery("SELECT EXISTS (SELECT 1 FROM " + table + " WHERE id = :id)")
                .bind("id", slice.id()).mapTo(Boolean.class).one());
    }

    /** The slice's people with their sectors, in increasing id order. */
    public static void people(Handle h, Slice slice, PersonSink sink) {
        Query q = h.createQuery("WITH slice AS (" + slice.people() + ") SELECT p.id, p.sector_code FROM people p "
                + "JOIN slice s ON s.person_id = p.id ORDER BY p.id");
        bindSlice(q, slice).map((rs, ctx) -> {
            sink.person(rs.getLong(1), rs.getString(2));
            return Boolean.TRUE;
        }).forEach(v -> { });
    }

    /**
     * The pairs of the slice's people tied on {@code to}: a pair is in the network if one of its
     * ties (from the sources named, or any) had begun by then and not ended. With {@code withSources}
     * each pair also carries the sources of its standing ties (the figures do not need them, and
     * collecting them costs a sort per pair).
     */
    public static void pairs(Handle h, Slice slice, LocalDate to, List<String> sources, boolean withSources, PairSink sink) {
        String sourcesColumn = withSources
                ? ", array_agg(DISTINCT t.source ORDER BY t.source) FILTER (WHERE t.ended_on IS NULL OR t.ended_on > :to) AS sources"
                : "";
        Query q = h.createQuery("WITH slice AS (" + slice.people() + ") SELECT t.person_a, t.person_b, min(t.started_on) AS first"
                        + sourcesColumn + " FROM ties t JOIN slice a ON a.person_id = t.person_a JOIN slice b ON b.person_id = t.person_b "
                        + "WHERE t.started_on <= :to AND (CAST(:sources AS text[]) IS NULL OR t.source = ANY(CAST(:sources AS text[]))) "
                        + "GROUP BY 1, 2 HAVING bool_or(t.ended_on IS NULL OR t.ended_on > :to)")
                .bind("to", to).bind("sources", sources == null || sources.isEmpty() ? null : sources.toArray(String[]::new));
        bindSlice(q, slice).map((rs, ctx) -> {
            String[] pairSources = withSources ? (String[]) rs.getArray(4).getArray() : null;
            sink.pair(rs.getLong(1), rs.getLong(2), rs.getDate(3).toLocalDate(), pairSources);
            return Boolean.TRUE;
        }).forEach(v -> { });
    }

    private static Query bindSlice(Query q, Slice slice) {
        return slice.kind() == Slice.Kind.SYSTEM ? q : q.bind("slice", slice.id());
    }
}
