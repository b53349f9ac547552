package org.convene.people;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.convene.accounts.AccountPages;
import org.convene.accounts.Viewer;
import org.convene.directory.Reference;
import org.convene.errors.ConflictException;
import org.convene.errors.ForbiddenException;
import org.convene.errors.ValidationException;
import org.convene.organisations.Organisations;
import org.convene.ties.TieInput;
import org.convene.ties.TieKind;
import org.convene.ties.TiePages;
import org.convene.ties.Ties;
import org.convene.web.Form;
import org.convene.web.Option;
import org.convene.web.Params;
import org.convene.web.Templates;
import org.convene.web.WebContext;

/** The directory pages: search, profiles, editing a profile, adding a person. */
public final class PeoplePages {
    private final Templates templates;
    private final People people;
    private final Organisations organisations;
    private final Reference reference;
    private final Ties ties;

    public PeoplePages(Templates templates, People people, Organisations organisations, Reference reference, Ties ties) {
        this.templates = templates;
        this.people = people;
        this.organisations = organisations;
        this.reference = reference;
        this.ties = ties;
    }

    public void directory(Context ctx) {
        DirectoryQuery query = PeopleApi.query(ctx, 20);
        Map<String, Object> model = new HashMap<>();
        model.put("query", query);
        model.put("results", people.search(query, WebContext.viewer(ctx)));
        model.put("queryString", queryString(query));
        if (resultsOnly(ctx)) {
            ctx.contentType("text/html; charset=utf-8").result(templates.bytes("people/results.jte", model));
            return;
        }
        putFilterChoices(model, reference, organisations, query);
        templates.page(ctx, "people/directory.jte", model);
    }

    /** Whether htmx asks for the results alone (the filters changed), not the whole page (nor a history restore). */
    public static boolean resultsOnly(Context ctx) {
        if ("true".equals(ctx.header("HX-Request")) && !"true".equals(ctx.header("HX-History-Restore-Request"))) {
            ctx.header("Vary", "HX-Request");
            return true;
        }
        return false;
    }

    /** The choices of the directory's filter form (people/filters.jte): sectors, places, topics and the organisation filtered by. */
    public static void putFilterChoices(Map<String, Object> model, Reference reference, Organisations organisations, DirectoryQuery query) {
        model.put("sectors", AccountPages.sectorOptions(reference));
        model.put("places", reference.places().stream().map(p -> new Option(String.valueOf(p.id()), p.name())).toList());
        model.put("topics", reference.topics().stream().map(t -> new Option(t, t)).toList());
        model.put("organisationName", query.organisationId() == null ? null
                : organisations.find(query.organisationId()).map(o -> o.name()).orElse(null));
    }

    public void profile(Context ctx) {
        showProfile(ctx, Params.pathId(ctx, "id"), Form.of(Map.of("kind", "know")));
    }

    /** "I know this person", from the other person's profile page. */
    public void addTie(Context ctx) {
        long other = Params.pathId(ctx, "id");
        long self = WebContext.ownPersonId(ctx);
        people.visibleTo(other, WebContext.viewer(ctx));
        try {
            TieInput.Valid tie = new TieInput(self, other, ctx.formParam("kind"), TiePages.SELF_REPORTED, "",
                    ctx.formParam("note"), ctx.formParam("startedOn")).validated(TiePages.SELF_REPORTED);
            Ties.Recorded recorded = ties.record(tie, WebContext.viewer(ctx).accountId());
            WebContext.flash(ctx, recorded.created() ? "Connection added" : "You had already recorded this connection");
            ctx.redirect("/people/" + other + "#ties");
        } catch (ValidationException e) {
            ctx.status(422);
            showProfile(ctx, other, Form.submitted(ctx, e));
        }
    }

    private void showProfile(Context ctx, long id, Form form) {
        Viewer viewer = WebContext.viewer(ctx);
        Person person = people.visibleTo(id, viewer);
        Map<String, Object> model = new HashMap<>();
        model.put("person", person);
        model.put("ties", ties.ofPerson(id));
        model.put("canEdit", viewer.isPerson(id) || viewer.managesDirectory());
        model.put("canAddTie", viewer.personId() != null && !viewer.isPerson(id));
        model.put("tieKinds", tieKindOptions());
        model.put("form", form);
        templates.page(ctx, "people/profile.jte", model);
    }

    public void editForm(Context ctx) {
        long id = Params.pathId(ctx, "id");
        requireCanEdit(ctx, id);
        Person p = people.get(id);
        Map<String, String> values = new HashMap<>();
        values.put("fullName", p.fullName());
        values.put("email", p.email() == null ? "" : p.email());
        values.put("jobTitle", p.jobTitle());
        values.put("profession", p.profession());
        values.put("organisationId", p.organisationId() == null ? "" : String.valueOf(p.organisationId()));
        values.put("sector", p.sectorCode());
        values.put("place", p.placeName() == null ? "" : p.placeName());
        values.put("offers", p.offers());
        values.put("asks", p.asks());
        values.put("bio", p.bio());
        values.put("contactPreference", p.contactPreference());
        values.put("visibility", p.visibility().code());
        values.put("emailVisibility", p.emailVisibility().code());
        List<String> topics = reference.topics();
        List<String> otherInterests = p.interests().stream().filter(i -> !topics.contains(i)).toList();
        values.put("otherInterests", String.join(", ", otherInterests));
        Map<String, List<String>> multi = new HashMap<>();
        multi.put("interests", p.interests());
        showEdit(ctx, id, new Form(values, multi, Map.of()));
    }

    public void update(Context ctx) {
        long id = Params.pathId(ctx, "id");
        requireCanEdit(ctx, id);
        try {
            PersonInput input = formInput(ctx).validated(reference, organisations, reference.topics());
            people.update(id, input);
            WebContext.flash(ctx, "Profile saved");
            ctx.redirect("/people/" + id);
        } catch (ValidationException e) {
            ctx.status(422);
            showEdit(ctx, id, Form.submitted(ctx, e));
        } catch (ConflictException e) {
            ctx.status(409);
            showEdit(ctx, id, Form.conflict(ctx, "email", e));
        }
    }

    public void newForm(Context ctx) {
        showEdit(ctx, null, Form.of(Map.of("contactPreference", "email", "visibility", "nobody", "emailVisibility", "nobody")));
    }

    public void create(Context ctx) {
        try {
            PersonInput input = formInput(ctx).validated(reference, organisations, reference.topics());
            Person created = people.create(input);
            WebContext.flash(ctx, created.fullName() + " has been added to the directory");
            ctx.redirect("/people/" + created.id());
        } catch (ValidationException e) {
            ctx.status(422);
            showEdit(ctx, null, Form.submitted(ctx, e));
        } catch (ConflictException e) {
            ctx.status(409);
            showEdit(ctx, null, Form.conflict(ctx, "email", e));
        }
    }

    private PersonInput formInput(Context ctx) {
        List<String> interests = new ArrayList<>(ctx.formParams("interests"));
        String other = ctx.formParam("otherInterests");
        if (other != null && !other.isBlank()) {
            interests.add(other);
        }
        return new PersonInput(ctx.formParam("fullName"), ctx.formParam("email"), ctx.formParam("jobTitle"),
                ctx.formParam("profession"), Params.formLong(ctx, "organisationId"), ctx.formParam("sector"),
                ctx.formParam("place"), interests, ctx.formParam("offers"), ctx.formParam("asks"), ctx.formParam("bio"),
                ctx.formParam("contactPreference"), ctx.formParam("visibility"), ctx.formParam("emailVisibility"));
    }

    private void showEdit(Context ctx, Long id, Form form) {
        Map<String, Object> model = new HashMap<>();
        model.put("personId", id);
        model.put("form", form);
        model.put("sectors", AccountPages.sectorOptions(reference));
        model.put("organisations", organisations.choices().stream().map(o -> new Option(String.valueOf(o.id()), o.name())).toList());
        model.put("topics", reference.topics());
        model.put("contactPreferences", ContactPreference.ALL);
        model.put("visibilities", List.of(Visibility.values()));
        model.put("own", id != null && WebContext.viewer(ctx).isPerson(id));
        templates.page(ctx, "people/edit.jte", model);
    }

    private static void requireCanEdit(Context ctx, long id) {
        Viewer viewer = WebContext.viewer(ctx);
        if (!viewer.isPerson(id) && !viewer.managesDirectory()) {
            throw new ForbiddenException("You can only edit your own profile");
        }
    }

    public static List<Option> tieKindOptions() {
        List<Option> options = new ArrayList<>();
        for (TieKind k : TieKind.values()) {
            options.add(new Option(k.code(), k.label()));
        }
        return options;
    }

    /** The filters as query parameters, each as {@code &name=value}, for paging links. */
    public static String queryString(DirectoryQuery q) {
        StringBuilder sb = new StringBuilder();
        append(sb, "q", q.text());
        append(sb, "sector", q.sector());
        append(sb, "place", q.placeId() == null ? null : String.valueOf(q.placeId()));
        append(sb, "organisation", q.organisationId() == null ? null : String.valueOf(q.organisationId()));
        append(sb, "interest", q.interest());
        append(sb, "profession", q.profession());
        return sb.toString();
    }

    private static void append(StringBuilder sb, String name, String value) {
        if (value != null && !value.isEmpty()) {
            sb.append('&').append(name).append('=').append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
