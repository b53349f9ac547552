package org.convene.ideas;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.convene.accounts.Viewer;
import org.convene.communities.Communities;
import org.convene.errors.ForbiddenException;
import org.convene.errors.ValidationException;
import org.convene.web.Json;
import org.convene.web.Params;
import org.convene.web.WebContext;

/** /api/v1/ideas: the ideas boards (a community's, or the whole system's), votes, comments and what ideas became. */
public final class IdeasApi {
    public record Detail(Idea idea, List<String> coauthors, boolean voted, List<String> voters, List<Ideas.Comment> comments, boolean convenes,
                         boolean wrote) {
    }

    public record CoauthorInput(Long person) {
    }

    public record VoteInput(Boolean inFavour) {
    }

    public record CommentInput(String body) {
    }

    public record EventLink(Long eventId) {
    }

    public record ProjectLink(Long projectId) {
    }

    public void becameProject(Context ctx) {
        Idea idea = visible(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        ctx.json(linkProject(WebContext.viewer(ctx), idea, Json.read(ctx, ProjectLink.class).projectId()));
    }

    Idea linkProject(Viewer viewer, Idea idea, Long projectId) {
        if (!access.convenes(viewer, idea.communityId())) {
            throw new ForbiddenException("Only the community's convenors record what an idea became");
        }
        if (projectId == null) {
            throw new ValidationException("Which project", Map.of("projectId", "Enter the number of the project the idea became"));
        }
        return ideas.becameProject(idea.id(), projectId);
    }

    private final Ideas ideas;
    private final IdeaAccess access;

    public IdeasApi(Ideas ideas, Communities communities) {
        this.ideas = ideas;
        this.access = new IdeaAccess(communities);
    }

    public void board(Context ctx) {
        Long community = community(ctx);
        access.sees(WebContext.viewer(ctx), community);
        ctx.json(ideas.board(community));
    }

    static Long community(Context ctx) {
        String value = ctx.queryParam("community") != null ? ctx.queryParam("community") : ctx.formParam("community");
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new ValidationException("Unknown community", Map.of("community", "No community '" + value + "'"));
        }
    }

    public void proposeSystemWide(Context ctx) {
        ctx.status(201).json(propose(WebContext.viewer(ctx), null, WebContext.ownPersonId(ctx), Json.read(ctx, IdeaInput.class)));
    }

    public void proposeInCommunity(Context ctx) {
        ctx.status(201).json(propose(WebContext.viewer(ctx), Params.pathId(ctx, "id"), WebContext.ownPersonId(ctx),
                Json.read(ctx, IdeaInput.class)));
    }

    Idea propose(Viewer viewer, Long community, long author, IdeaInput input) {
        access.uses(viewer, community);
        return ideas.propose(community, author, input.validated());
    }

    public void get(Context ctx) {
        ctx.json(detail(WebContext.viewer(ctx), Params.pathId(ctx, "id")));
    }

    Detail detail(Viewer viewer, long id) {
        Idea idea = visible(viewer, id);
        return new Detail(idea, ideas.coauthorNames(id), ideas.voted(id, viewer.personId()), ideas.voters(idea), ideas.comments(id),
                access.convenes(viewer, idea.communityId()), ideas.wrote(idea, viewer.personId()));
    }

    public void addCoauthor(Context ctx) {
        CoauthorInput input = Json.read(ctx, CoauthorInput.class);
        if (input.person() == null) {
            throw new ValidationException("Who co-authors", Map.of("person", "Choose the person who wrote the idea with you"));
        }
        ctx.status(201).json(addCoauthor(WebContext.viewer(ctx), Params.pathId(ctx, "id"), input.person()));
    }

    /** The idea's writers and its convenors add co-authors; in a community, only its members can be one. */
    List<String> addCoauthor(Viewer viewer, long id, long person) {
        Idea idea = usable(viewer, id);
        if (!ideas.wrote(idea, viewer.personId()) && !access.convenes(viewer, idea.communityId())) {
            throw new ForbiddenException("Only the idea's authors and the convenors add co-authors");
        }
        if (!access.member(person, idea.communityId())) {
            throw new ValidationException("Not a member", Map.of("person", "Only members of the community can co-author its ideas"));
        }
        return ideas.addCoauthor(idea, person, viewer.accountId());
    }

    Idea visible(Viewer viewer, long id) {
        Idea idea = ideas.get(id);
        try {
            access.sees(viewer, idea.communityId());
        } catch (org.convene.errors.NotFoundException e) {
            throw new org.convene.errors.NotFoundException("No idea with id " + id);
        }
        return idea;
    }

    Idea usable(Viewer viewer, long id) {
        Idea idea = visible(viewer, id);
        access.uses(viewer, idea.communityId());
        return idea;
    }

    public void vote(Context ctx) {
        Idea idea = usable(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        VoteInput input = Json.read(ctx, VoteInput.class);
        if (input.inFavour() == null) {
            throw new ValidationException("Say how you vote", Map.of("inFavour", "Set inFavour to true (vote) or false (take the vote back)"));
        }
        ctx.json(ideas.vote(idea.id(), WebContext.ownPersonId(ctx), input.inFavour()));
    }

    public void comment(Context ctx) {
        Idea idea = usable(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        ctx.status(201).json(ideas.comment(idea.id(), WebContext.ownPersonId(ctx), Json.read(ctx, CommentInput.class).body()));
    }

    public void becameEvent(Context ctx) {
        Idea idea = visible(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        EventLink input = Json.read(ctx, EventLink.class);
        ctx.json(link(WebContext.viewer(ctx), idea, input.eventId()));
    }

    Idea link(Viewer viewer, Idea idea, Long eventId) {
        if (!access.convenes(viewer, idea.communityId())) {
            throw new ForbiddenException("Only the community's convenors record what an idea became");
        }
        if (eventId == null) {
            throw new ValidationException("Which event", Map.of("eventId", "Choose the event the idea became"));
        }
        return ideas.becameEvent(idea.id(), eventId);
    }

    void seesBoard(Viewer viewer, Long community) {
        access.sees(viewer, community);
    }

    boolean convenes(Viewer viewer, Long community) {
        return access.convenes(viewer, community);
    }
}
