package org.convene.ties;

import io.javalin.http.Context;
import java.util.Map;
import org.convene.accounts.Viewer;
import org.convene.errors.ForbiddenException;
import org.convene.web.Json;
import org.convene.web.Paged;
import org.convene.web.Params;
import org.convene.web.WebContext;

/** /api/v1/ties: the network of ties as JSON. */
public final class TiesApi {
    private final Ties ties;

    public TiesApi(Ties ties) {
        this.ties = ties;
    }

    public void list(Context ctx) {
        Ties.Filter filter = new Ties.Filter(Params.queryLong(ctx, "person"), Params.query(ctx, "source"),
                Params.query(ctx, "kind"), Params.queryDate(ctx, "since"));
        Paged<Tie> page = ties.list(filter, Params.queryInt(ctx, "page", 1, 1, 1_000_000),
                Params.queryInt(ctx, "size", 50, 1, Paged.MAX_SIZE));
        ctx.json(Map.of("items", page.items(), "page", page.page(), "size", page.size(), "total", page.total()));
    }

    public void get(Context ctx) {
        ctx.json(ties.get(Params.pathId(ctx, "id")));
    }

    /**
     * Records a tie. People record their own ties (source self_reported); administrators and
     * programme leads may record a tie between any two people from any source, e.g. an import.
     */
    public void create(Context ctx) {
        Viewer viewer = WebContext.viewer(ctx);
        TieInput input = Json.read(ctx, TieInput.class);
        if (!viewer.managesDirectory()) {
            if (viewer.personId() == null) {
                throw new ForbiddenException("Your account has no directory profile, so it cannot record ties");
            }
            Long personId = input.personId() == null ? viewer.personId() : input.personId();
            if (!viewer.isPerson(personId)) {
                throw new ForbiddenException("You can only record your own ties");
            }
            if (input.source() != null && !input.source().isBlank() && !TiePages.SELF_REPORTED.equals(input.source())) {
                throw new ForbiddenException("You can only record self_reported ties");
            }
            input = new TieInput(personId, input.otherPersonId(), input.kind(), TiePages.SELF_REPORTED,
                    input.sourceRef(), input.note(), input.startedOn());
        }
        Ties.Recorded recorded = ties.record(input.validated(TiePages.SELF_REPORTED), viewer.accountId());
        ctx.status(recorded.created() ? 201 : 200).json(recorded.tie());
    }

    public void end(Context ctx) {
        Tie tie = ties.get(Params.pathId(ctx, "id"));
        TiePages.requireCanEnd(WebContext.viewer(ctx), tie);
        ties.end(tie.id());
        ctx.status(204);
    }
}
