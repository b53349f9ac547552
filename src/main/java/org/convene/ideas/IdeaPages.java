package org.convene.ideas;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import org.convene.accounts.Viewer;
import org.convene.communities.Communities;
import org.convene.errors.ValidationException;
import org.convene.events.Events;
import org.convene.people.People;
import org.convene.web.Form;
import org.convene.web.Params;
import org.convene.web.Templates;
import org.convene.web.WebContext;

/** Pages for the ideas boards: a board with its results and the propose form, an idea with votes and comments, the CSV. */
public final class IdeaPages {
    private final Templates templates;
    private final Ideas ideas;
    private final IdeasApi api;
    private final Communities communities;
    private final Events events;
    private final People people;

    public IdeaPages(Templates templates, Ideas ideas, IdeasApi api, Communities communities, Events events, People people) {
        this.templates = templates;
        this.ideas = ideas;
        this.api = api;
        this.communities = communities;
        this.events = events;
        this.people = people;
    }

    public void board(Context ctx) {
        Long community = IdeasApi.community(ctx);
        api.seesBoard(WebContext.viewer(ctx), community);
        showBoard(ctx, community, Form.empty());
    }

    private void showBoard(Context ctx, Long community, Form form) {
        Map<String, Object> model = new HashMap<>();
        model.put("community", community == null ? null : communities.get(community));
        model.put("ideas", ideas.board(community));
        model.put("form", form);
        templates.page(ctx, "ideas/board.jte", model);
    }

    public void propose(Context ctx) {
        Long community = IdeasApi.community(ctx);
        try {
            Idea idea = api.propose(WebContext.viewer(ctx), community, WebContext.ownPersonId(ctx),
                    new IdeaInput(ctx.formParam("title"), ctx.formParam("description"), "true".equals(ctx.formParam("secretBallot"))));
            WebContext.flash(ctx, "Idea proposed");
            ctx.redirect("/ideas/" + idea.id());
        } catch (ValidationException e) {
            ctx.status(422);
            showBoard(ctx, community, Form.submitted(ctx, e));
        }
    }

    public void show(Context ctx) {
        showIdea(ctx, Params.pathId(ctx, "id"), Form.empty());
    }

    private void showIdea(Context ctx, long id, Form form) {
        Viewer viewer = WebContext.viewer(ctx);
        IdeasApi.Detail detail = api.detail(viewer, id);
        Map<String, Object> model = new HashMap<>();
        model.put("detail", detail);
        model.put("events", detail.convenes() && detail.idea().communityId() != null ? events.ofCommunity(detail.idea().communityId())
                : detail.convenes() ? events.upcoming(null, true) : java.util.List.of());
        model.put("form", form);
        templates.page(ctx, "ideas/idea.jte", model);
    }

    public void vote(Context ctx) {
        Idea idea = api.usable(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        ideas.vote(idea.id(), WebContext.ownPersonId(ctx), !"false".equals(ctx.formParam("inFavour")));
        ctx.redirect("/ideas/" + idea.id());
    }

    public void comment(Context ctx) {
        Idea idea = api.usable(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        try {
            ideas.comment(idea.id(), WebContext.ownPersonId(ctx), ctx.formParam("body"));
            ctx.redirect("/ideas/" + idea.id() + "#comments");
        } catch (ValidationException e) {
            ctx.status(422);
            showIdea(ctx, idea.id(), Form.submitted(ctx, e));
        }
    }

    public void becameEvent(Context ctx) {
        Idea idea = api.visible(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        String value = ctx.formParam("eventId");
        Long eventId;
        try {
            eventId = value == null || value.isBlank() ? null : Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            eventId = -1L;
        }
        try {
            api.link(WebContext.viewer(ctx), idea, eventId);
            WebContext.flash(ctx, "Recorded: its supporters are told");
            ctx.redirect("/ideas/" + idea.id());
        } catch (ValidationException e) {
            ctx.status(422);
            showIdea(ctx, idea.id(), Form.submitted(ctx, e));
        }
    }

    public void becameProject(Context ctx) {
        Idea idea = api.visible(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        String value = ctx.formParam("projectId");
        Long projectId;
        try {
            projectId = value == null || value.isBlank() ? null : Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            projectId = -1L;
        }
        try {
            api.linkProject(WebContext.viewer(ctx), idea, projectId);
            WebContext.flash(ctx, "Recorded: its supporters are told");
            ctx.redirect("/ideas/" + idea.id());
        } catch (ValidationException e) {
            ctx.status(422);
            showIdea(ctx, idea.id(), Form.submitted(ctx, e));
        }
    }

    /** Adds a co-author by email (the idea's writers and convenors). */
    public void addCoauthor(Context ctx) {
        Idea idea = api.visible(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        String email = ctx.formParam("email");
        try {
            long person = people.idByEmail(email).orElseThrow(() -> new ValidationException("Unknown person", Map.of("email",
                    email == null || email.isBlank() ? "Enter the email address of the co-author"
                            : "Nobody in the directory has the email address " + email.trim())));
            api.addCoauthor(WebContext.viewer(ctx), idea.id(), person);
            WebContext.flash(ctx, "Co-author added");
            ctx.redirect("/ideas/" + idea.id());
        } catch (ValidationException e) {
            ctx.status(422);
            // The API names the person; the form asks for their email address.
            String problem = e.fieldErrors().getOrDefault("person", e.fieldErrors().get("email"));
            showIdea(ctx, idea.id(), Form.submitted(ctx, new ValidationException(e.getMessage(), Map.of("email", problem))));
        } catch (org.convene.errors.ConflictException e) {
            ctx.status(409);
            showIdea(ctx, idea.id(), Form.conflict(ctx, "email", e));
        }
    }

    public void csv(Context ctx) {
        Long community = IdeasApi.community(ctx);
        api.seesBoard(WebContext.viewer(ctx), community);
        ctx.header("Content-Disposition", "attachment; filename=\"ideas" + (community == null ? "" : "-community-" + community) + ".csv\"")
                .contentType("text/csv; charset=utf-8").result(ideas.csv(community));
    }
}
