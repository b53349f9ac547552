package org.convene.ops;

import io.javalin.http.Context;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Prometheus metrics at /metrics, and the request log: one structured line per request. */
public final class Metrics {
    private static final Logger requests = LoggerFactory.getLogger("convene.requests");
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    public Metrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public void scrape(Context ctx) {
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape());
    }

    /** Called by Javalin after every request. */
    /**
     * The path as the request log shows it: a route whose path carries a secret (a survey link, a
     * password reset, an invitation, a calendar feed: {@code {token}}) is logged by its pattern, so
     * the log never holds a working link.
     */
    static String loggedPath(String route, String path) {
        return route.contains("{token}") ? route : path;
    }

    public void record(Context ctx, Float millis) {
        String route;
        try {
            route = ctx.endpoints().matchedHttpEndpoint().path;
        } catch (RuntimeException e) {
            route = ctx.path().startsWith("/webjars/") || ctx.path().startsWith("/assets/") ? "static" : "unmatched";
        }
        int status = ctx.statusCode();
        Timer.builder("http.server.requests")
                .tag("method", ctx.method().name())
                .tag("route", route)
                .tag("status", String.valueOf(status))
                .register(registry)
                .record((long) (millis * 1_000_000), TimeUnit.NANOSECONDS);
        if (!"static".equals(route) && requests.isInfoEnabled()) {
            requests.atInfo().setMessage("request")
                    .addKeyValue("method", ctx.method().name())
                    .addKeyValue("path", loggedPath(route, ctx.path()))
                    .addKeyValue("route", route)
                    .addKeyValue("status", status)
                    .addKeyValue("ms", String.format("%.1f", millis))
                    .log();
        }
    }
}
