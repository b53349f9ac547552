package org.convene.ops;

import io.javalin.http.Context;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jdbi.v3.core.Jdbi;

/**
 * /health: up only when the database answers. While the database is down, asking for a connection
 * waits for the pool's timeout (10 s), longer than a load balancer waits for a health check; so
 * the check waits at most {@link #ANSWER_WITHIN} and reports the database unreachable after that.
 * At most one check is in flight: health requests arriving meanwhile wait for the same answer.
 */
public final class Health {
    static final Duration ANSWER_WITHIN = Duration.ofSeconds(2);
    private final Jdbi jdbi;
    /** Its own thread: a check may block for the pool's whole timeout, which the shared pools should not see. */
    private final java.util.concurrent.Executor prober = new java.util.concurrent.ThreadPoolExecutor(0, 1, 30, TimeUnit.SECONDS,
            new java.util.concurrent.LinkedBlockingQueue<>(), task -> {
                Thread thread = new Thread(task, "convene-health");
                thread.setDaemon(true);
                return thread;
            });
    private CompletableFuture<Boolean> inFlight;

    public Health(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void check(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        ctx.header("Cache-Control", "no-store");
        if (databaseAnswers()) {
            body.put("status", "ok");
            body.put("database", "ok");
            ctx.json(body);
        } else {
            body.put("status", "unavailable");
            body.put("database", "unreachable");
            ctx.status(503).json(body);
        }
    }

    private boolean databaseAnswers() {
        CompletableFuture<Boolean> probe;
        synchronized (this) {
            if (inFlight == null || inFlight.isDone()) {
                inFlight = CompletableFuture.supplyAsync(this::ping, prober);
            }
            probe = inFlight;
        }
        try {
            return probe.get(ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean ping() {
        try {
            return jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
