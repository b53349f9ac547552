package org.convene.people;

import io.javalin.http.Context;
import java.util.Map;
import org.convene.accounts.Viewer;
import org.convene.directory.Reference;
import org.convene.errors.ForbiddenException;
import org.convene.organisations.Organisations;
import org.convene.web.Json;
import org.convene.web.Paged;
import org.convene.web.Params;
import org.convene.web.WebContext;

/** /api/v1/people: the directory as JSON. */
public final class PeopleApi {
    private final People people;
    private final Organisations organisations;
    private final Reference reference;

    public PeopleApi(People people, Organisations organisations, Reference reference) {
        this.people = people;
        this.organisations = organisations;
        this.reference = reference;
    }

    /** The directory's filters and page from the query string: q, sector, place, organisation, interest, profession, page, size. */
    public static DirectoryQuery query(Context ctx, int defaultSize) {
        return new DirectoryQuery(Params.query(ctx, "q"), Params.query(ctx, "sector"), Params.queryLong(ctx, "place"),
                Params.queryLong(ctx, "organisation"), Params.query(ctx, "interest"), Params.query(ctx, "profession"),
                Params.queryInt(ctx, "page", 1, 1, 100_000), Params.queryInt(ctx, "size", defaultSize, 1, Paged.MAX_SIZE));
    }

    public void list(Context ctx) {
        ctx.json(pageJson(people.search(query(ctx, 20), WebContext.viewer(ctx))));
    }

    /** A page of people as the API gives it: items, page, size, total and whether the total is only a lower bound. */
    public static Map<String, Object> pageJson(Paged<?> page) {
        return Map.of("items", page.items(), "page", page.page(), "size", page.size(),
                "total", page.total(), "totalIsLowerBound", page.totalCapped());
    }

    public void get(Context ctx) {
        ctx.json(people.visibleTo(Params.pathId(ctx, "id"), WebContext.viewer(ctx)));
    }

    public void create(Context ctx) {
        PersonInput input = Json.read(ctx, PersonInput.class).validated(reference, organisations, reference.topics());
        ctx.status(201).json(people.create(input));
    }

    public void update(Context ctx) {
        long id = Params.pathId(ctx, "id");
        Viewer viewer = WebContext.viewer(ctx);
        if (!viewer.isPerson(id) && !viewer.managesDirectory()) {
            throw new ForbiddenException("You can only change your own directory entry");
        }
        people.get(id);
        PersonInput input = Json.read(ctx, PersonInput.class).validated(reference, organisations, reference.topics());
        ctx.json(people.update(id, input));
    }
}
