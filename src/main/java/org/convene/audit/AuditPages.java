package org.convene.audit;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convene.errors.ValidationException;
import org.convene.web.Paged;
import org.convene.web.Params;
import org.convene.web.Templates;

/** {@code /admin/audit} and {@code /api/v1/audit}: the audit log for administrators, newest first, 50 a page. */
public final class AuditPages {
    static final int PAGE_SIZE = 50;
    private final Templates templates;
    private final AuditLog log;

    public AuditPages(Templates templates, AuditLog log) {
        this.templates = templates;
        this.log = log;
    }

    public void page(Context ctx) {
        AuditQuery q = query(ctx);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("q", q);
        model.put("lines", log.search(q));
        model.put("actions", List.of(AuditAction.values()));
        templates.page(ctx, "audit/log.jte", model);
    }

    public void api(Context ctx) {
        Paged<AuditLog.Line> lines = log.search(query(ctx));
        List<Map<String, Object>> items = lines.items().stream().map(AuditPages::json).toList();
        ctx.json(Map.of("items", items, "page", lines.page(), "size", lines.size(), "total", lines.total(),
                "totalIsLowerBound", lines.totalCapped()));
    }

    private static Map<String, Object> json(AuditLog.Line line) {
        AuditEntry e = line.entry();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("at", e.at());
        m.put("actor", e.actor());
        m.put("actorAccountId", e.actorId());
        m.put("ip", e.ip());
        m.put("action", e.action());
        m.put("subject", e.subject());
        m.put("subjectName", line.subjectName());
        m.put("summary", e.summary());
        return m;
    }

    static AuditQuery query(Context ctx) {
        String code = Params.query(ctx, "action");
        AuditAction action = null;
        if (code != null && !code.isBlank()) {
            action = AuditAction.fromCode(code.trim()).orElseThrow(() -> ValidationException.of(Map.of("action",
                    "Unknown action; choose one of " + String.join(", ", List.of(AuditAction.values()).stream().map(AuditAction::code).toList()))));
        }
        return new AuditQuery(action, Params.query(ctx, "actor"), Params.query(ctx, "subject"), Params.queryDate(ctx, "from"),
                Params.queryDate(ctx, "to"), Params.queryInt(ctx, "page", 1, 1, 100_000), PAGE_SIZE);
    }
}
