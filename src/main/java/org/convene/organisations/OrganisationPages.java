package org.convene.organisations;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import org.convene.accounts.AccountPages;
import org.convene.directory.Reference;
import org.convene.errors.ConflictException;
import org.convene.errors.ValidationException;
import org.convene.web.Form;
import org.convene.web.Option;
import org.convene.web.Paged;
import org.convene.web.Params;
import org.convene.web.Templates;
import org.convene.web.WebContext;

/** Browsing organisations, and adding or changing them (programme team). */
public final class OrganisationPages {
    private final Templates templates;
    private final Organisations organisations;
    private final Reference reference;

    public OrganisationPages(Templates templates, Organisations organisations, Reference reference) {
        this.templates = templates;
        this.organisations = organisations;
        this.reference = reference;
    }

    public void list(Context ctx) {
        Organisations.Filter filter = OrganisationsApi.filter(ctx);
        Paged<Organisation> results = organisations.list(filter, Params.queryInt(ctx, "page", 1, 1, 100_000), 25);
        Map<String, Object> model = new HashMap<>();
        model.put("results", results);
        model.put("form", Form.of(Map.of("q", filter.q() == null ? "" : filter.q(),
                "sector", filter.sector() == null ? "" : filter.sector(),
                "place", filter.placeId() == null ? "" : String.valueOf(filter.placeId()))));
        model.put("sectors", AccountPages.sectorOptions(reference));
        model.put("places", reference.places().stream().map(p -> new Option(String.valueOf(p.id()), p.name())).toList());
        model.put("queryString", queryString(filter));
        templates.page(ctx, "organisations/list.jte", model);
    }

    public void show(Context ctx) {
        templates.page(ctx, "organisations/show.jte", Map.of("organisation", organisations.get(Params.pathId(ctx, "id"))));
    }

    public void newForm(Context ctx) {
        showForm(ctx, null, Form.empty());
    }

    public void create(Context ctx) {
        try {
            Organisation created = organisations.create(input(ctx).validated(reference));
            WebContext.flash(ctx, created.name() + " has been added");
            ctx.redirect("/organisations/" + created.id());
        } catch (ValidationException e) {
            ctx.status(422);
            showForm(ctx, null, Form.submitted(ctx, e));
        } catch (ConflictException e) {
            ctx.status(409);
            showForm(ctx, null, Form.conflict(ctx, "name", e));
        }
    }

    public void editForm(Context ctx) {
        Organisation o = organisations.get(Params.pathId(ctx, "id"));
        showForm(ctx, o.id(), Form.of(Map.of("name", o.name(), "sector", o.sectorCode(),
                "place", o.placeName() == null ? "" : o.placeName())));
    }

    public void update(Context ctx) {
        long id = Params.pathId(ctx, "id");
        organisations.get(id);
        try {
            organisations.update(id, input(ctx).validated(reference));
            WebContext.flash(ctx, "Organisation saved");
            ctx.redirect("/organisations/" + id);
        } catch (ValidationException e) {
            ctx.status(422);
            showForm(ctx, id, Form.submitted(ctx, e));
        } catch (ConflictException e) {
            ctx.status(409);
            showForm(ctx, id, Form.conflict(ctx, "name", e));
        }
    }

    private static OrganisationInput input(Context ctx) {
        return new OrganisationInput(ctx.formParam("name"), ctx.formParam("sector"), ctx.formParam("place"));
    }

    private void showForm(Context ctx, Long id, Form form) {
        Map<String, Object> model = new HashMap<>();
        model.put("organisationId", id);
        model.put("form", form);
        model.put("sectors", AccountPages.sectorOptions(reference));
        templates.page(ctx, "organisations/edit.jte", model);
    }

    private static String queryString(Organisations.Filter f) {
        StringBuilder sb = new StringBuilder();
        if (f.q() != null && !f.q().isEmpty()) {
            sb.append("&q=").append(org.convene.web.Html.url(f.q()));
        }
        if (f.sector() != null) {
            sb.append("&sector=").append(org.convene.web.Html.url(f.sector()));
        }
        if (f.placeId() != null) {
            sb.append("&place=").append(f.placeId());
        }
        return sb.toString();
    }
}
