package org.convene.relationships;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.convene.db.ChangeFeed;
import org.convene.errors.ValidationException;
import org.convene.network.NetworkMetrics;
import org.convene.web.Params;
import org.jdbi.v3.core.Jdbi;

/**
 * /api/v1/network/metrics: the relationship network of a slice (the whole system, a place, a
 * community, a cohort or a programme) as it stood on a date, with the ties that were new in a
 * period. For the programme team: the people who bridge sectors most are named.
 */
public final class NetworkApi {
    /** One of the people who bridge most, named. */
    public record Bridge(long personId, String name, double score) {
    }

    public record Report(String slice, LocalDate from, LocalDate to, List<String> sources, NetworkMetrics.Metrics metrics,
                         long newTies, long newCrossSectorTies, List<Bridge> bridges) {
    }

    /** What a report depends on besides the data: the slice, the period and the sources. */
    private record Key(String slice, LocalDate from, LocalDate to, List<String> sources) {
    }

    /** A report and the versions of the data it was computed from. */
    private record Cached(Report report, long network, long directory) {
    }

    /** How many reports are kept: the most recently used. */
    static final int CACHE_SIZE = 64;

    private final NetworkSlices slices;
    private final Jdbi jdbi;
    private final ChangeFeed changes;
    private final Map<Key, Cached> cache = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Cached> eldest) {
            return size() > CACHE_SIZE;
        }
    });

    public NetworkApi(NetworkSlices slices, Jdbi jdbi, ChangeFeed changes) {
        this.slices = slices;
        this.jdbi = jdbi;
        this.changes = changes;
    }

    public void metrics(Context ctx) {
        ctx.json(report(Slice.parse(ctx.queryParam("slice")), Params.queryDate(ctx, "from"), Params.queryDate(ctx, "to"),
                ctx.queryParams("source")));
    }

    /**
     * The report for a slice; {@code to} defaults to today, {@code from} to a year before it. A
     * report is computed once and kept while the ties, the slices' memberships and the directory
     * (people's sectors) stand unchanged on every instance (versions PostgreSQL pushes to each).
     */
    Report report(Slice slice, LocalDate from, LocalDate to, List<String> sources) {
        LocalDate end = to == null ? LocalDate.now() : to;
        LocalDate start = from == null ? end.minusYears(1) : from;
        if (start.isAfter(end)) {
            throw new ValidationException("Check the dates", Map.of("from", "The period must start on or before its end"));
        }
        List<String> cleanSources = sources.stream().map(String::trim).filter(s -> !s.isEmpty()).sorted().distinct().toList();
        Key key = new Key(slice.toString(), start, end, cleanSources);
        long network = changes.version(ChangeFeed.Topic.NETWORK);
        long directory = changes.version(ChangeFeed.Topic.DIRECTORY);
        Cached cached = cache.get(key);
        if (cached != null && cached.network() == network && cached.directory() == directory) {
            return cached.report();
        }
        Report report = compute(slice, start, end, cleanSources);
        cache.put(key, new Cached(report, network, directory));
        return report;
    }

    private Report compute(Slice slice, LocalDate start, LocalDate end, List<String> cleanSources) {
        NetworkSlices.Loaded loaded = slices.load(slice, start, end, cleanSources);
        NetworkMetrics.Metrics m = NetworkMetrics.compute(loaded.network(), NetworkMetrics.Method.automatic(loaded.network().people(), 1),
                Runtime.getRuntime().availableProcessors());
        return new Report(slice.toString(), start, end, cleanSources, m, loaded.newTies(), loaded.newCrossSectorTies(), bridges(m));
    }

    private List<Bridge> bridges(NetworkMetrics.Metrics m) {
        Long[] ids = m.betweennessTop().stream().map(r -> Long.valueOf(r.id())).toArray(Long[]::new);
        Map<Long, String> names = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT id, full_name FROM people WHERE id = ANY(:ids)").bind("ids", ids)
                .map((rs, c) -> names.put(rs.getLong(1), rs.getString(2))).list());
        return m.betweennessTop().stream().map(r -> new Bridge(Long.parseLong(r.id()), names.getOrDefault(Long.valueOf(r.id()), ""),
                r.score())).toList();
    }
}
