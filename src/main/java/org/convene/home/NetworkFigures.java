package org.convene.home;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.convene.db.ChangeFeed;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The home page's figures for the whole network: people in the directory, organisations, places,
 * connections and connections across sectors. Counting them means reading every current tie (each
 * pair once, with both people's sectors): milliseconds for a few thousand people, tens of seconds
 * for a region of a million, far too long for the page every signed-in person lands on.
 *
 * <p>So the count runs off the request, one at a time per instance, and the figures are kept with
 * the {@code directory} and {@code network} versions they were counted at. A request waits up to
 * {@link #WAIT} for a count it started (so a small installation always shows its figures as they
 * are now) and otherwise shows the figures kept, or none yet. When the last count took longer than
 * {@link #SLOW}, nobody waits for the next, and changes are counted again at most every
 * {@link #SLOW_REFRESH}, so a busy region does not keep the database counting.
 */
public final class NetworkFigures implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(NetworkFigures.class);
    static final Duration WAIT = Duration.ofMillis(250);
    static final Duration SLOW = Duration.ofSeconds(1);
    static final Duration SLOW_REFRESH = Duration.ofMinutes(5);

    /** The figures, as the page shows them. */
    public record Figures(long people, long organisations, long ties, long crossSectorTies, long places) {
    }

    private record Kept(Figures figures, long directory, long network, long countedAt, long tookNanos) {
    }

    private final Jdbi jdbi;
    private final ChangeFeed changes;
    private final LongSupplier clock;
    private final AtomicReference<Kept> kept = new AtomicReference<>();
    private final AtomicReference<CompletableFuture<Kept>> counting = new AtomicReference<>();
    private final ExecutorService counter = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "convene-network-figures");
        t.setDaemon(true);
        return t;
    });

    public NetworkFigures(Jdbi jdbi, ChangeFeed changes) {
        this(jdbi, changes, System::nanoTime);
    }

    NetworkFigures(Jdbi jdbi, ChangeFeed changes, LongSupplier clock) {
        this.jdbi = jdbi;
        this.changes = changes;
        this.clock = clock;
    }

    /** The figures as they are now, or as last counted while a new count runs; null before the first count ends. */
    public Figures current() {
        long directory = changes.version(ChangeFeed.Topic.DIRECTORY);
        long network = changes.version(ChangeFeed.Topic.NETWORK);
        Kept last = kept.get();
        if (last != null && last.directory() == directory && last.network() == network) {
            return last.figures();
        }
        if (last != null && last.tookNanos() > SLOW.toNanos() && clock.getAsLong() - last.countedAt() < SLOW_REFRESH.toNanos()) {
            return last.figures();
        }
        CompletableFuture<Kept> count = startCount(directory, network);
        if (last != null && last.tookNanos() > SLOW.toNanos()) {
            return last.figures();
        }
        try {
            return count.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).figures();
        } catch (TimeoutException e) {
            return last == null ? null : last.figures();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return last == null ? null : last.figures();
        } catch (ExecutionException e) {
            log.warn("Could not count the network's figures", e.getCause());
            return last == null ? null : last.figures();
        }
    }

    /** The count under way, or a new one; versions are read before counting, so kept figures are never newer than they say. */
    private CompletableFuture<Kept> startCount(long directory, long network) {
        while (true) {
            CompletableFuture<Kept> running = counting.get();
            if (running != null && !running.isDone()) {
                return running;
            }
            CompletableFuture<Kept> next = new CompletableFuture<>();
            if (counting.compareAndSet(running, next)) {
                counter.execute(() -> {
                    try {
                        long started = clock.getAsLong();
                        Figures figures = count();
                        long ended = clock.getAsLong();
                        Kept k = new Kept(figures, directory, network, ended, ended - started);
                        kept.set(k);
                        next.complete(k);
                    } catch (RuntimeException e) {
                        next.completeExceptionally(e);
                    }
                });
                return next;
            }
        }
    }

    /**
     * One pass over the current ties in pair order, each pair once, with both people's sectors from
     * the narrow index, without parallel workers: 31 s for 5,000,000 ties on 2 busy cores, where
     * two workers each walked every tie again (37 s, three times the CPU). The page's statement
     * before this class (two separate distinct counts, one of them joined) ran for over 14 minutes.
     */
    Figures count() {
        return jdbi.inTransaction(h -> {
            h.execute("SET LOCAL max_parallel_workers_per_gather = 0");
            return h.createQuery("WITH pairs AS (SELECT person_a, person_b FROM ties WHERE ended_on IS NULL "
                            + "GROUP BY person_a, person_b), "
                            + "counted AS (SELECT count(*) AS ties, count(*) FILTER (WHERE a.sector_code <> b.sector_code) AS across "
                            + "FROM pairs p JOIN people a ON a.id = p.person_a JOIN people b ON b.id = p.person_b) "
                            + "SELECT (SELECT count(*) FROM people WHERE listed), (SELECT count(*) FROM organisations), "
                            + "counted.ties, counted.across, (SELECT count(*) FROM places) FROM counted")
                    .map((rs, c) -> new Figures(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
                    .one();
        });
    }

    @Override
    public void close() {
        counter.shutdownNow();
    }
}
