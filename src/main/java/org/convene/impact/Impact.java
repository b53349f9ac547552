package org.convene.impact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.convene.web.Json;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The impact figures: read fresh where that is quick, kept as snapshots where it is not.
 *
 * <p>Figures that take under {@link #FRESH_BELOW} to read (any installation of a few thousand
 * people) are read on every request and never kept, so they always show the latest activity.
 * Slower ones (a region of a million people takes seconds) are kept in {@code impact_snapshots},
 * shared by every app instance and surviving restarts: a request is answered from the snapshot,
 * which shows when it was read, and a background job ({@link #refreshDue}) reads again every
 * snapshot someone has looked at in the past week once it is older than {@link #REFRESH_AFTER}
 * and than {@link #REFRESH_SPACING} times its last read.
 * The job also prepares the default view (the past year) of the whole system and of every place,
 * so those open at once even the first time each day. Only a period nobody has asked for before
 * is read while the person waits.
 */
public final class Impact {
    private static final Logger log = LoggerFactory.getLogger(Impact.class);
    static final Duration FRESH_BELOW = Duration.ofMillis(250);
    static final Duration REFRESH_AFTER = Duration.ofMinutes(5);
    /**
     * A view is read again no sooner than this many times as long as its last read took, so each
     * kept view costs the database at most 1/60 of a core. At a million people the whole system's
     * view takes 40-60 s and a place's 6-20 s; refreshing all fourteen every 5 minutes kept
     * PostgreSQL about 70% busy on a 2-core machine (docs/benchmarks.md, region scale).
     */
    static final int REFRESH_SPACING = 60;
    /** When a kept snapshot is due to be read again: {@link #REFRESH_AFTER} and {@link #REFRESH_SPACING} reads. */
    private static final String DUE = "computed_at < now() - greatest(" + REFRESH_AFTER.toSeconds() + " * interval '1 second', "
            + "millis * interval '1 millisecond' * " + REFRESH_SPACING + ")";
    /**
     * The shape of the figures kept; raise it whenever {@link ImpactFigures} changes. 3: a place's
     * confidence withholds cohorts whose place group could be worked out from the whole cohort's.
     */
    static final int FORMAT = 3;
    private static final String FORMAT_FIELD = "snapshotFormat";
    private static final ObjectMapper SNAPSHOTS = Json.MAPPER.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Jdbi jdbi;
    private final ImpactStore store;
    private final long freshBelowMillis;
    /** Snapshots already parsed on this instance, the most recently used. */
    private final java.util.Map<ImpactQuery, ImpactFigures> recent = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<ImpactQuery, ImpactFigures> eldest) {
                    return size() > 64;
                }
            });

    public Impact(Jdbi jdbi) {
        this(jdbi, FRESH_BELOW);
    }

    /** With another threshold: {@code Duration.ZERO} keeps every read (as a slow installation would). */
    Impact(Jdbi jdbi, Duration freshBelow) {
        this.jdbi = jdbi;
        this.store = new ImpactStore(jdbi);
        this.freshBelowMillis = freshBelow.toMillis();
    }

    /** The figures for a scope and period: the kept snapshot if there is one, otherwise read now. */
    public ImpactFigures figures(ImpactQuery query) {
        Optional<ImpactFigures> kept = snapshot(query);
        return kept.orElseGet(() -> read(query));
    }

    /** Reads the figures now; slow ones are kept (or their snapshot replaced), quick ones leave none behind. */
    public ImpactFigures read(ImpactQuery query) {
        ImpactFigures figures = store.figures(query);
        jdbi.useHandle(h -> {
            if (figures.millis() >= freshBelowMillis) {
                h.createUpdate("INSERT INTO impact_snapshots (scope, from_day, to_day, figures, computed_at, millis) "
                                + "VALUES (:scope, :from, :to, CAST(:figures AS jsonb), :at, :millis) "
                                + "ON CONFLICT (scope, from_day, to_day) DO UPDATE SET figures = excluded.figures, "
                                + "computed_at = excluded.computed_at, millis = excluded.millis")
                        .bind("scope", query.scope()).bind("from", query.from()).bind("to", query.to())
                        .bind("figures", write(figures)).bind("at", OffsetDateTime.ofInstant(figures.computedAt(), ZoneOffset.UTC))
                        .bind("millis", (int) Math.min(Integer.MAX_VALUE, figures.millis())).execute();
            } else {
                h.createUpdate("DELETE FROM impact_snapshots WHERE scope = :scope AND from_day = :from AND to_day = :to")
                        .bind("scope", query.scope()).bind("from", query.from()).bind("to", query.to()).execute();
            }
        });
        return figures;
    }

    /**
     * One page of the rows behind a figure, read now. Where the dashboard's figures are kept (slow
     * to read), the list's total is the kept figure, so a page does not count them all again.
     */
    public ImpactList list(Figure figure, ImpactQuery query, String only, int page) {
        return store.list(figure, query, only, page, snapshot(query).orElse(null));
    }

    /**
     * The background job (one instance at a time): reads again the snapshots looked at in the past
     * week that are older than {@link #REFRESH_AFTER}, prepares today's default views, and drops
     * snapshots nobody has looked at for 30 days. Returns how many it read.
     */
    public int refreshDue() {
        jdbi.useHandle(h -> h.execute("DELETE FROM impact_snapshots WHERE viewed_at < now() - interval '30 days'"));
        int read = 0;
        ImpactQuery system = ImpactQuery.of("system", null, LocalDate.now(ImpactQuery.ZONE));
        if (stale(system)) {
            read++;
            if (read(system).millis() >= freshBelowMillis) {
                // Slow for the whole system, so perhaps for a place too: prepare each place's default view.
                List<Long> places = jdbi.withHandle(h -> h.createQuery("SELECT id FROM places ORDER BY id").mapTo(Long.class).list());
                for (long place : places) {
                    read += refresh(new ImpactQuery(place, system.from(), system.to()));
                }
            }
        }
        List<ImpactQuery> viewed = jdbi.withHandle(h -> h.createQuery("SELECT scope, from_day, to_day FROM impact_snapshots "
                        + "WHERE viewed_at > now() - interval '7 days' AND " + DUE + " ORDER BY computed_at")
                .map((rs, ctx) -> new ImpactQuery(rs.getString(1).equals("system") ? null : Long.valueOf(rs.getString(1).substring(6)),
                        rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class))).list());
        for (ImpactQuery q : viewed) {
            read += refresh(q);
        }
        return read;
    }

    /** Reads a view again if it is stale; 1 if it did. A failure is logged and the job goes on to the next. */
    private int refresh(ImpactQuery q) {
        if (!stale(q)) {
            return 0;
        }
        try {
            read(q);
            return 1;
        } catch (RuntimeException e) {
            log.warn("event=impact_refresh_failed scope={} from={} to={} error={}", q.scope(), q.from(), q.to(), e.toString());
            return 0;
        }
    }

    /** Whether a view has no snapshot, or one older than both {@link #REFRESH_AFTER} and {@link #REFRESH_SPACING} reads. */
    private boolean stale(ImpactQuery q) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + DUE + " FROM impact_snapshots "
                        + "WHERE scope = :scope AND from_day = :from AND to_day = :to")
                .bind("scope", q.scope()).bind("from", q.from()).bind("to", q.to())
                .mapTo(Boolean.class).findOne().orElse(true));
    }

    /**
     * The kept snapshot of a view, if any. Its time is read on every call (so every instance serves
     * the latest); the figures themselves are parsed once per snapshot and then served from memory.
     */
    private Optional<ImpactFigures> snapshot(ImpactQuery q) {
        return jdbi.withHandle(h -> {
            Optional<Object[]> row = h.createQuery("SELECT computed_at, viewed_at < now() - interval '1 hour' FROM impact_snapshots "
                            + "WHERE scope = :scope AND from_day = :from AND to_day = :to")
                    .bind("scope", q.scope()).bind("from", q.from()).bind("to", q.to())
                    .map((rs, ctx) -> new Object[] {rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getBoolean(2)}).findOne();
            if (row.isEmpty()) {
                return Optional.<ImpactFigures>empty();
            }
            if ((Boolean) row.get()[1]) {
                h.createUpdate("UPDATE impact_snapshots SET viewed_at = now() WHERE scope = :scope AND from_day = :from AND to_day = :to")
                        .bind("scope", q.scope()).bind("from", q.from()).bind("to", q.to()).execute();
            }
            ImpactFigures known = recent.get(q);
            if (known != null && known.computedAt().equals(row.get()[0])) {
                return Optional.of(known);
            }
            Optional<ImpactFigures> parsed = h.createQuery("SELECT figures::text FROM impact_snapshots WHERE scope = :scope "
                            + "AND from_day = :from AND to_day = :to").bind("scope", q.scope()).bind("from", q.from()).bind("to", q.to())
                    .mapTo(String.class).findOne().flatMap(Impact::parse);
            parsed.ifPresent(f -> recent.put(q, f));
            return parsed;
        });
    }

    private static String write(ImpactFigures figures) {
        try {
            com.fasterxml.jackson.databind.node.ObjectNode tree = SNAPSHOTS.valueToTree(figures);
            tree.put(FORMAT_FIELD, FORMAT);
            return SNAPSHOTS.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Impact figures could not be written as JSON", e);
        }
    }

    /** A snapshot written by an older version of the figures is not used: the figures are read again. */
    private static Optional<ImpactFigures> parse(String json) {
        try {
            com.fasterxml.jackson.databind.JsonNode tree = SNAPSHOTS.readTree(json);
            if (tree.path(FORMAT_FIELD).asInt() != FORMAT) {
                return Optional.empty();
            }
            return Optional.of(SNAPSHOTS.treeToValue(tree, ImpactFigures.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A kept impact snapshot could not be read", e);
        }
    }
}
