package org.convene.communities;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.convene.accounts.Viewer;
import org.convene.directory.Reference;
import org.convene.errors.ConflictException;
import org.convene.errors.ValidationException;
import org.convene.organisations.Organisations;
import org.convene.people.DirectoryQuery;
import org.convene.people.PeopleApi;
import org.convene.people.PeoplePages;
import org.convene.web.Form;
import org.convene.web.Option;
import org.convene.web.Paged;
import org.convene.web.Params;
import org.convene.web.Templates;
import org.convene.web.WebContext;

/**
 * Pages for communities of practice: the list, starting and changing one, a community's page
 * (joining, the convenors' requests, its people, events, ideas, projects, resources and
 * discussions), its members (with the directory's filters), and a discussion with its replies.
 */
public final class CommunityPages {
    private final Templates templates;
    private final Communities communities;
    private final Discussions discussions;
    private final CommunitiesApi api;
    private final Reference reference;
    private final Organisations organisations;
    private final CommunityAccess access;

    public CommunityPages(Templates templates, Communities communities, Discussions discussions, CommunitiesApi api, Reference reference,
                          Organisations organisations) {
        this.templates = templates;
        this.communities = communities;
        this.discussions = discussions;
        this.api = api;
        this.reference = reference;
        this.organisations = organisations;
        this.access = new CommunityAccess(communities, discussions);
    }

    public void list(Context ctx) {
        Viewer viewer = WebContext.viewer(ctx);
        Map<String, Object> model = new HashMap<>();
        model.put("mine", viewer.personId() == null ? java.util.List.of() : communities.list(viewer.personId()));
        model.put("all", communities.list(null));
        templates.page(ctx, "communities/list.jte", model);
    }

    public void newForm(Context ctx) {
        WebContext.ownPersonId(ctx);
        form(ctx, null, Form.of(Map.of("joining", Community.OPEN)));
    }

    public void create(Context ctx) {
        long me = WebContext.ownPersonId(ctx);
        save(ctx, null, input -> communities.create(input, me, WebContext.viewer(ctx).accountId()), "Community started: you are its convenor");
    }

    /** The start form filled in with the community as it is, for its convenors (and administrators). */
    public void editForm(Context ctx) {
        Community c = access.convened(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        form(ctx, c, Form.of(Map.of("name", c.name(), "problem", c.problem(), "description", c.description(),
                "place", c.place() == null ? "" : c.place(), "joining", c.joining())));
    }

    public void update(Context ctx) {
        Community c = access.convened(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        save(ctx, c, input -> communities.update(c.id(), input), "Community saved");
    }

    /** Starts or changes a community from the form; a mistake shows the form again (422), as does a name already taken (409). */
    private void save(Context ctx, Community existing, Function<CommunityInput.Valid, Community> action, String done) {
        try {
            CommunityInput.Valid input = new CommunityInput(ctx.formParam("name"), ctx.formParam("problem"), ctx.formParam("description"),
                    ctx.formParam("place"), ctx.formParam("joining")).validated(reference.places());
            Community c = action.apply(input);
            WebContext.flash(ctx, done);
            ctx.redirect("/communities/" + c.id());
        } catch (ValidationException e) {
            ctx.status(422);
            form(ctx, existing, Form.submitted(ctx, e));
        } catch (ConflictException e) {
            ctx.status(409);
            form(ctx, existing, Form.conflict(ctx, "name", e));
        }
    }

    /** The form to start a community ({@code existing} null) or to change one. */
    private void form(Context ctx, Community existing, Form form) {
        Map<String, Object> model = new HashMap<>();
        model.put("community", existing);
        model.put("form", form);
        model.put("places", reference.places().stream().map(p -> new Option(p.name(), p.name())).toList());
        model.put("joinings", java.util.List.of(new Option(Community.OPEN, "Open: anyone can join and read the discussions"),
                new Option(Community.REQUEST, "On request: convenors accept each member, and only members read the discussions")));
        templates.page(ctx, "communities/form.jte", model);
    }

    public void show(Context ctx) {
        showCommunity(ctx, communities.get(Params.pathId(ctx, "id")), Form.empty());
    }

    private void showCommunity(Context ctx, Community c, Form post) {
        Viewer viewer = WebContext.viewer(ctx);
        CommunitiesApi.Detail detail = api.detail(viewer, c);
        Map<String, Object> model = new HashMap<>();
        model.put("detail", detail);
        model.put("requests", detail.convenes() ? communities.requests(c.id()) : java.util.List.of());
        model.put("form", post);
        templates.page(ctx, "communities/community.jte", model);
    }

    public void join(Context ctx) {
        long id = Params.pathId(ctx, "id");
        Membership m = communities.join(id, WebContext.ownPersonId(ctx));
        WebContext.flash(ctx, m.active() ? "You have joined the community" : "Your request to join is with the convenors");
        ctx.redirect("/communities/" + id);
    }

    public void leave(Context ctx) {
        long id = Params.pathId(ctx, "id");
        communities.leave(id, WebContext.ownPersonId(ctx));
        WebContext.flash(ctx, "You have left the community");
        ctx.redirect("/communities/" + id);
    }

    /** The members, filtered as the directory is; htmx asks for the results alone when a filter changes. */
    public void members(Context ctx) {
        Community c = communities.get(Params.pathId(ctx, "id"));
        DirectoryQuery query = PeopleApi.query(ctx, CommunitiesApi.MEMBERS_PAGE);
        Map<String, Object> model = new HashMap<>();
        model.put("community", c);
        model.put("query", query);
        model.put("results", communities.members(c.id(), false, query));
        model.put("queryString", PeoplePages.queryString(query));
        model.put("convenes", access.convenes(WebContext.viewer(ctx), c));
        model.put("csrf", WebContext.csrfToken(ctx));
        if (PeoplePages.resultsOnly(ctx)) {
            ctx.contentType("text/html; charset=utf-8").result(templates.bytes("communities/memberResults.jte", model));
            return;
        }
        PeoplePages.putFilterChoices(model, reference, organisations, query);
        templates.page(ctx, "communities/members.jte", model);
    }

    /** A convenor's decision: accept or decline a request, make someone a convenor or a member again, or remove them. */
    public void decide(Context ctx) {
        Community c = access.convened(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        long person = Params.pathId(ctx, "personId");
        String decision = ctx.formParam("decision");
        switch (decision == null ? "" : decision) {
            case "accept" -> communities.setMember(c.id(), person, null, true);
            case "convenor" -> communities.setMember(c.id(), person, Membership.CONVENOR, false);
            case "member" -> communities.setMember(c.id(), person, Membership.MEMBER, false);
            case "decline", "remove" -> communities.remove(c.id(), person);
            default -> throw new ValidationException("Unknown decision", Map.of("decision", "Choose accept, decline, convenor, member or remove"));
        }
        WebContext.flash(ctx, "Saved");
        ctx.redirect(ctx.formParam("back") != null && ctx.formParam("back").equals("members") ? "/communities/" + c.id() + "/members"
                : "/communities/" + c.id());
    }

    public void startDiscussion(Context ctx) {
        Community c = access.asMember(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        try {
            Discussion d = discussions.start(c.id(), WebContext.ownPersonId(ctx),
                    new PostInput(ctx.formParam("title"), ctx.formParam("body")).validated(true));
            ctx.redirect("/discussions/" + d.id());
        } catch (ValidationException e) {
            ctx.status(422);
            showCommunity(ctx, c, Form.submitted(ctx, e));
        }
    }

    public void discussion(Context ctx) {
        showDiscussion(ctx, access.readable(WebContext.viewer(ctx), Params.pathId(ctx, "id")), Form.empty());
    }

    private void showDiscussion(Context ctx, Discussion d, Form reply) {
        Viewer viewer = WebContext.viewer(ctx);
        Community c = communities.get(d.communityId());
        Map<String, Object> model = new HashMap<>();
        model.put("community", c);
        model.put("discussion", d);
        int page = Params.queryInt(ctx, "page", 1, 1, Discussions.pages(d));
        model.put("posts", new Paged<>(discussions.posts(d.id(), page), page, Discussions.POSTS_PAGE, d.posts(), false));
        model.put("member", access.membership(viewer, c).map(Membership::active).orElse(false));
        model.put("convenes", access.convenes(viewer, c));
        model.put("following", discussions.follows(d.id(), viewer.personId()));
        model.put("form", reply);
        templates.page(ctx, "communities/discussion.jte", model);
    }

    /** A post by its id (as notifications and digests link to it): its discussion, on the page that shows it. */
    public void post(Context ctx) {
        long post = Params.pathId(ctx, "id");
        Discussion d;
        try {
            d = access.readable(WebContext.viewer(ctx), discussions.discussionOf(post));
        } catch (org.convene.errors.NotFoundException e) {
            throw new org.convene.errors.NotFoundException("No post with id " + post);
        }
        ctx.redirect("/discussions/" + d.id() + "?page=" + discussions.pageOf(d.id(), post) + "#post-" + post);
    }

    public void reply(Context ctx) {
        Discussion d = access.readable(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        access.asMember(WebContext.viewer(ctx), d.communityId());
        try {
            Post p = discussions.reply(d.id(), WebContext.ownPersonId(ctx), new PostInput(null, ctx.formParam("body")).validated(false));
            ctx.redirect("/discussions/" + d.id() + "?page=" + discussions.pageOf(d.id(), p.id()) + "#post-" + p.id());
        } catch (ValidationException e) {
            ctx.status(422);
            showDiscussion(ctx, d, Form.submitted(ctx, e));
        }
    }

    /** Follows the discussion (hear of its replies), or stops following it. */
    public void follow(Context ctx) {
        Discussion d = access.readable(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        boolean following = discussions.setFollowing(d.id(), WebContext.ownPersonId(ctx), "true".equals(ctx.formParam("follow")));
        WebContext.flash(ctx, following ? "You are following this discussion: you will hear of its replies" : "You no longer follow this discussion");
        ctx.redirect("/discussions/" + d.id());
    }

    public void pin(Context ctx) {
        Discussion d = access.readable(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        access.convened(WebContext.viewer(ctx), d.communityId());
        Discussion after = discussions.pin(d.id(), !d.pinned());
        WebContext.flash(ctx, after.pinned() ? "Discussion pinned" : "Discussion unpinned");
        ctx.redirect("/discussions/" + d.id());
    }
}
