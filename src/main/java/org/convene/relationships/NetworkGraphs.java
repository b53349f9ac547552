package org.convene.relationships;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.convene.errors.ValidationException;
import org.jdbi.v3.core.Jdbi;

/**
 * A slice of the network as people and ties to draw or tabulate: everyone in the slice with their
 * sector, ties and ties across sectors, and each tied pair once with the sources of its standing
 * ties. A map of more than {@link #MAP_LIMIT} people is unreadable (and slow to lay out in a
 * browser), so the map keeps the most connected people up to that limit and says so; the table
 * always has everyone.
 */
public final class NetworkGraphs {
    /** The most people a map shows. Cytoscape lays out 1,500 nodes in a few seconds on a laptop. */
    public static final int MAP_LIMIT = 1_500;

    public record Node(long id, String name, String sector, String sectorName, int ties, int acrossSectors) {
    }

    public record Edge(long a, long b, List<String> sources) {
    }

    /** The graph; {@code people} and {@code ties} count the whole slice, the lists may be cut to the limit. */
    public record Graph(String slice, LocalDate to, List<String> sources, int people, long ties, boolean truncated,
                        List<Node> nodes, List<Edge> edges) {
    }

    private final Jdbi jdbi;
    private final NetworkSlices slices;

    public NetworkGraphs(Jdbi jdbi, NetworkSlices slices) {
        this.jdbi = jdbi;
        this.slices = slices;
    }

    /** The slice on {@code to} (today if null), from the sources named (all if none), cut to {@code limit} people. */
    public Graph graph(Slice slice, LocalDate to, List<String> sources, int limit) {
        if (!slices.exists(slice)) {
            throw new ValidationException("Unknown slice", Map.of("slice", "There is no " + slice.kind().name().toLowerCase() + " " + slice.id()));
        }
        List<String> clean = sources.stream().map(String::trim).filter(s -> !s.isEmpty()).sorted().distinct().toList();
        for (String s : clean) {
            if (!TieSources.LABELS.containsKey(s)) {
                throw new ValidationException("Unknown source", Map.of("source", "Choose sources from: " + String.join(", ", TieSources.LABELS.keySet())));
            }
        }
        LocalDate day = to == null ? LocalDate.now() : to;
        return jdbi.inTransaction(h -> {
            Map<Long, String> sectorOf = new HashMap<>();
            List<Long> order = new ArrayList<>();
            NetworkSlices.people(h, slice, (id, sector) -> {
                sectorOf.put(id, sector);
                order.add(id);
            });
            Map<Long, int[]> degree = new HashMap<>();
            List<Edge> edges = new ArrayList<>();
            NetworkSlices.pairs(h, slice, day, clean, true, (a, b, first, pairSources) -> {
                boolean across = !sectorOf.get(a).equals(sectorOf.get(b));
                for (long p : new long[] {a, b}) {
                    int[] d = degree.computeIfAbsent(p, k -> new int[2]);
                    d[0]++;
                    if (across) {
                        d[1]++;
                    }
                }
                edges.add(new Edge(a, b, List.of(pairSources)));
            });
            List<Long> shown = order;
            boolean truncated = order.size() > limit;
            if (truncated) {
                shown = order.stream().sorted(Comparator.comparingInt((Long p) -> -degree.getOrDefault(p, new int[2])[0])
                        .thenComparing(p -> p)).limit(limit).toList();
            }
            Set<Long> kept = new HashSet<>(shown);
            Map<Long, String[]> names = new HashMap<>();
            h.createQuery("SELECT p.id, p.full_name, s.name FROM people p JOIN sectors s ON s.code = p.sector_code WHERE p.id = ANY(:ids)")
                    .bind("ids", shown.toArray(Long[]::new))
                    .map((rs, ctx) -> names.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)})).forEach(v -> { });
            List<Node> nodes = shown.stream().sorted().map(p -> {
                int[] d = degree.getOrDefault(p, new int[2]);
                String[] n = names.get(p);
                return new Node(p, n[0], sectorOf.get(p), n[1], d[0], d[1]);
            }).toList();
            List<Edge> keptEdges = truncated ? edges.stream().filter(e -> kept.contains(e.a()) && kept.contains(e.b())).toList() : edges;
            return new Graph(slice.toString(), day, clean, order.size(), edges.size(), truncated, nodes, keptEdges);
        });
    }
}
