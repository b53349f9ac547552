package org.convene.relationships;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.convene.communities.Communities;
import org.convene.directory.Reference;
import org.convene.errors.ValidationException;
import org.convene.programmes.Programmes;
import org.convene.web.Form;
import org.convene.web.Option;
import org.convene.web.Params;
import org.convene.web.Templates;

/** The relationship network's figures for a slice and a period, as a page for the programme team. */
public final class NetworkPages {
    private final Templates templates;
    private final NetworkApi api;
    private final Reference reference;
    private final Communities communities;
    private final Programmes programmes;

    public NetworkPages(Templates templates, NetworkApi api, Reference reference, Communities communities, Programmes programmes) {
        this.templates = templates;
        this.api = api;
        this.reference = reference;
        this.communities = communities;
        this.programmes = programmes;
    }

    public void show(Context ctx) {
        Map<String, String> values = new HashMap<>();
        for (String name : List.of("slice", "from", "to")) {
            String v = Params.query(ctx, name);
            values.put(name, v == null ? "" : v);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("slices", slices());
        try {
            model.put("report", api.report(Slice.parse(values.get("slice")), Params.queryDate(ctx, "from"), Params.queryDate(ctx, "to"),
                    ctx.queryParams("source")));
            model.put("form", Form.of(values));
        } catch (ValidationException e) {
            ctx.status(422);
            model.put("report", null);
            model.put("form", new Form(values, Map.of(), e.fieldErrors()));
        }
        templates.page(ctx, "relationships/network.jte", model);
    }

    /** The slices to choose from: the system, each place, community, programme and cohort. */
    List<Option> slices() {
        List<Option> options = new ArrayList<>();
        options.add(new Option("system", "The whole system"));
        reference.places().forEach(p -> options.add(new Option("place:" + p.id(), "Place: " + p.name())));
        communities.list(null).forEach(c -> options.add(new Option("community:" + c.id(), "Community: " + c.name())));
        programmes.list().forEach(p -> options.add(new Option("programme:" + p.id(), "Programme: " + p.title())));
        programmes.cohortLabels().forEach(c -> options.add(new Option("cohort:" + c.id(), "Cohort: " + c.programmeTitle() + ", " + c.name())));
        return options;
    }
}
