package org.convene.organisations;

import io.javalin.http.Context;
import java.util.Map;
import org.convene.directory.Reference;
import org.convene.web.Json;
import org.convene.web.Paged;
import org.convene.web.Params;

/** /api/v1/organisations. */
public final class OrganisationsApi {
    private final Organisations organisations;
    private final Reference reference;

    public OrganisationsApi(Organisations organisations, Reference reference) {
        this.organisations = organisations;
        this.reference = reference;
    }

    static Organisations.Filter filter(Context ctx) {
        String sector = Params.query(ctx, "sector");
        return new Organisations.Filter(Params.query(ctx, "q"), sector == null || sector.isEmpty() ? null : sector,
                Params.queryLong(ctx, "place"));
    }

    public void list(Context ctx) {
        Paged<Organisation> page = organisations.list(filter(ctx), Params.queryInt(ctx, "page", 1, 1, 1_000_000),
                Params.queryInt(ctx, "size", 50, 1, Paged.MAX_SIZE));
        ctx.json(Map.of("items", page.items(), "page", page.page(), "size", page.size(), "total", page.total()));
    }

    public void get(Context ctx) {
        ctx.json(organisations.get(Params.pathId(ctx, "id")));
    }

    public void create(Context ctx) {
        OrganisationInput input = Json.read(ctx, OrganisationInput.class).validated(reference);
        ctx.status(201).json(organisations.create(input));
    }

    public void update(Context ctx) {
        long id = Params.pathId(ctx, "id");
        organisations.get(id);
        ctx.json(organisations.update(id, Json.read(ctx, OrganisationInput.class).validated(reference)));
    }

    public void delete(Context ctx) {
        organisations.delete(Params.pathId(ctx, "id"));
        ctx.status(204);
    }
}
