package org.convene.communities;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import org.convene.accounts.Viewer;
import org.convene.errors.ValidationException;
import org.convene.web.Form;
import org.convene.web.Params;
import org.convene.web.Templates;
import org.convene.web.WebContext;

/** A community's resources page: the list (pinned first), adding a link or a file, deleting and pinning. */
public final class ResourcePages {
    private final Templates templates;
    private final Communities communities;
    private final Resources resources;
    private final ResourcesApi api;
    private final CommunityAccess access;

    public ResourcePages(Templates templates, Communities communities, Discussions discussions, Resources resources, ResourcesApi api) {
        this.templates = templates;
        this.communities = communities;
        this.resources = resources;
        this.api = api;
        this.access = new CommunityAccess(communities, discussions);
    }

    public void list(Context ctx) {
        show(ctx, access.reading(WebContext.viewer(ctx), Params.pathId(ctx, "id")), Form.empty());
    }

    private void show(Context ctx, Community c, Form form) {
        Viewer viewer = WebContext.viewer(ctx);
        Map<String, Object> model = new HashMap<>();
        model.put("community", c);
        model.put("resources", resources.ofCommunity(c.id(), null).items());
        model.put("member", access.membership(viewer, c).map(Membership::active).orElse(false));
        model.put("convenes", access.convenes(viewer, c));
        model.put("form", form);
        model.put("accept", FileType.acceptAttribute());
        templates.page(ctx, "communities/resources.jte", model);
    }

    public void add(Context ctx) {
        Community c = access.asMember(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        try {
            Resource r = resources.add(c.id(), WebContext.ownPersonId(ctx), ResourcesApi.formInput(ctx));
            WebContext.flash(ctx, r.hasFile() ? "File uploaded" : "Link added");
            ctx.redirect("/communities/" + c.id() + "/resources#resource-" + r.id());
        } catch (ValidationException e) {
            ctx.status(422);
            show(ctx, c, Form.submitted(ctx, e));
        }
    }

    public void delete(Context ctx) {
        Resource r = api.removable(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        resources.delete(r.id());
        WebContext.flash(ctx, "Resource deleted: " + r.title());
        ctx.redirect("/communities/" + r.communityId() + "/resources");
    }

    public void pin(Context ctx) {
        Resource r = api.pinnable(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        Resource after = resources.pin(r.id(), !r.pinned());
        WebContext.flash(ctx, after.pinned() ? "Resource pinned" : "Resource unpinned");
        ctx.redirect("/communities/" + r.communityId() + "/resources");
    }
}
