package org.convene.ops;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** /health: up only when the database answers. */
public final class Health {
    private final Jdbi jdbi;

    public Health(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void check(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        try {
            jdbi.useHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
            body.put("status", "ok");
            body.put("database", "ok");
            ctx.header("Cache-Control", "no-store").json(body);
        } catch (RuntimeException e) {
            body.put("status", "unavailable");
            body.put("database", "unreachable");
            ctx.status(503).json(body);
        }
    }
}
