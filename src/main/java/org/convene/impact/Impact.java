package org.convene.impact;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The impact figures, fresh where reading them is quick and kept briefly where it is not. Figures
 * that took under {@link #FRESH_BELOW} to read are read again on every request, so a small
 * installation always sees its latest activity. Slower ones (a region of a million people) are
 * kept: a request gets the kept figures at once, with the time they were read, and if they are
 * older than {@link #REFRESH_AFTER} one background read on this instance replaces them. Nothing is
 * kept across a restart; the first request for a scope and period always reads the database.
 */
public final class Impact implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Impact.class);
    static final Duration FRESH_BELOW = Duration.ofMillis(200);
    static final Duration REFRESH_AFTER = Duration.ofMinutes(2);
    static final int CACHE_SIZE = 64;

    private final ImpactStore store;
    private final Map<ImpactQuery, ImpactFigures> kept = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ImpactQuery, ImpactFigures> eldest) {
            return size() > CACHE_SIZE;
        }
    });
    private final Map<ImpactQuery, CompletableFuture<ImpactFigures>> refreshing = new ConcurrentHashMap<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "convene-impact-refresh");
        t.setDaemon(true);
        return t;
    });

    public Impact(Jdbi jdbi) {
        this.store = new ImpactStore(jdbi);
    }

    /** The figures for a scope and period: read now, or kept from a slow read (see the class comment). */
    public ImpactFigures figures(ImpactQuery query) {
        ImpactFigures known = kept.get(query);
        if (known == null) {
            return read(query);
        }
        if (Duration.between(known.computedAt(), Instant.now()).compareTo(REFRESH_AFTER) > 0) {
            refreshing.computeIfAbsent(query, q -> CompletableFuture.supplyAsync(() -> read(q), background)
                    .whenComplete((f, e) -> {
                        refreshing.remove(q);
                        if (e != null) {
                            log.warn("event=impact_refresh_failed scope={} error={}", q.scope(), e.toString());
                        }
                    }));
        }
        return known;
    }

    /** Reads the figures now, whatever is kept; a slow read is kept for the next requests. */
    public ImpactFigures read(ImpactQuery query) {
        ImpactFigures figures = store.figures(query);
        if (figures.millis() >= FRESH_BELOW.toMillis()) {
            kept.put(query, figures);
        } else {
            kept.remove(query);
        }
        return figures;
    }

    /** One page of the rows behind a figure (always read now: a page of 50 rows is quick). */
    public ImpactList list(Figure figure, ImpactQuery query, String only, int page) {
        return store.list(figure, query, only, page);
    }

    @Override
    public void close() {
        background.shutdownNow();
    }
}
