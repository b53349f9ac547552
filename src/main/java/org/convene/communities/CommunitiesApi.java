package org.convene.communities;

import io.javalin.http.Context;
import java.util.List;
import org.convene.accounts.Viewer;
import org.convene.directory.Reference;
import org.convene.errors.ValidationException;
import org.convene.people.PeopleApi;
import org.convene.web.Json;
import org.convene.web.Params;
import org.convene.web.WebContext;

/** /api/v1/communities and /api/v1/discussions: communities of practice, their members and discussions. */
public final class CommunitiesApi {
    /**
     * A community as one viewer sees it: their membership (or null), whether they may read and
     * manage, its discussions and its people, events, ideas, projects and resources in brief.
     */
    public record Detail(Community community, Membership membership, boolean readsDiscussions, boolean convenes,
                         List<Discussion> discussions, Overview overview) {
    }

    /** A convenor's decision about a member: accept their request, and/or set their role. */
    public record MemberInput(String status, String role) {
    }

    public record DiscussionDetail(Discussion discussion, List<Post> posts, boolean following) {
    }

    public record PinInput(Boolean pinned) {
    }

    public record Following(long discussionId, boolean following) {
    }

    /** Members listed per page unless the caller asks for another size (up to 100). */
    static final int MEMBERS_PAGE = 50;

    private final Communities communities;
    private final Discussions discussions;
    private final Reference reference;
    private final Overviews overviews;
    private final CommunityAccess access;

    public CommunitiesApi(Communities communities, Discussions discussions, Reference reference, Overviews overviews) {
        this.communities = communities;
        this.discussions = discussions;
        this.reference = reference;
        this.overviews = overviews;
        this.access = new CommunityAccess(communities, discussions);
    }

    public void list(Context ctx) {
        boolean mine = "true".equals(ctx.queryParam("mine"));
        ctx.json(communities.list(mine ? WebContext.ownPersonId(ctx) : null));
    }

    public void create(Context ctx) {
        long me = WebContext.ownPersonId(ctx);
        CommunityInput.Valid input = Json.read(ctx, CommunityInput.class).validated(reference.places());
        ctx.status(201).json(communities.create(input, me, WebContext.viewer(ctx).accountId()));
    }

    public void get(Context ctx) {
        ctx.json(detail(WebContext.viewer(ctx), communities.get(Params.pathId(ctx, "id"))));
    }

    Detail detail(Viewer viewer, Community c) {
        boolean reads = access.readsDiscussions(viewer, c);
        return new Detail(c, access.membership(viewer, c).orElse(null), reads, access.convenes(viewer, c),
                reads ? discussions.ofCommunity(c.id()) : List.of(), overviews.of(c.id(), reads));
    }

    public void update(Context ctx) {
        Community c = access.convened(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        ctx.json(communities.update(c.id(), Json.read(ctx, CommunityInput.class).validated(reference.places())));
    }

    public void join(Context ctx) {
        ctx.status(201).json(communities.join(Params.pathId(ctx, "id"), WebContext.ownPersonId(ctx)));
    }

    public void leave(Context ctx) {
        communities.leave(Params.pathId(ctx, "id"), WebContext.ownPersonId(ctx));
        ctx.status(204);
    }

    public void members(Context ctx) {
        Community c = communities.get(Params.pathId(ctx, "id"));
        boolean withRequests = access.convenes(WebContext.viewer(ctx), c);
        ctx.json(PeopleApi.pageJson(communities.members(c.id(), withRequests, PeopleApi.query(ctx, MEMBERS_PAGE))));
    }

    public void setMember(Context ctx) {
        Community c = access.convened(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        MemberInput input = Json.read(ctx, MemberInput.class);
        boolean accept = input.status() != null && input.status().equals(Membership.ACTIVE);
        if (input.status() != null && !accept) {
            throw new ValidationException("Unknown status", java.util.Map.of("status", "Set status to active to accept a request"));
        }
        if (input.role() != null && !input.role().equals(Membership.MEMBER) && !input.role().equals(Membership.CONVENOR)) {
            throw new ValidationException("Unknown role", java.util.Map.of("role", "The role is member or convenor"));
        }
        ctx.json(communities.setMember(c.id(), Params.pathId(ctx, "personId"), input.role(), accept));
    }

    public void removeMember(Context ctx) {
        Community c = access.convened(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        communities.remove(c.id(), Params.pathId(ctx, "personId"));
        ctx.status(204);
    }

    public void discussions(Context ctx) {
        Community c = access.reading(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        ctx.json(discussions.ofCommunity(c.id()));
    }

    public void startDiscussion(Context ctx) {
        Community c = access.asMember(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        PostInput.Valid input = Json.read(ctx, PostInput.class).validated(true);
        Discussion d = discussions.start(c.id(), WebContext.ownPersonId(ctx), input);
        ctx.status(201).json(new DiscussionDetail(d, discussions.posts(d.id()), true));
    }

    public void discussion(Context ctx) {
        Discussion d = access.readable(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        ctx.json(new DiscussionDetail(d, discussions.posts(d.id(), Params.queryInt(ctx, "page", 1, 1, Discussions.pages(d))),
                discussions.follows(d.id(), WebContext.viewer(ctx).personId())));
    }

    public void reply(Context ctx) {
        Discussion d = access.readable(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        access.asMember(WebContext.viewer(ctx), d.communityId());
        PostInput given = Json.read(ctx, PostInput.class);
        ctx.status(201).json(discussions.reply(d.id(), WebContext.ownPersonId(ctx), new PostInput(null, given.body()).validated(false)));
    }

    /** PUT (follow) or DELETE (stop following) /api/v1/discussions/{id}/follow. */
    public void follow(Context ctx) {
        Discussion d = access.readable(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        boolean follow = !"DELETE".equals(ctx.method().name());
        ctx.json(new Following(d.id(), discussions.setFollowing(d.id(), WebContext.ownPersonId(ctx), follow)));
    }

    public void pin(Context ctx) {
        Discussion d = access.readable(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        access.convened(WebContext.viewer(ctx), d.communityId());
        PinInput input = Json.read(ctx, PinInput.class);
        if (input.pinned() == null) {
            throw new ValidationException("Say whether to pin", java.util.Map.of("pinned", "Set pinned to true or false"));
        }
        ctx.json(discussions.pin(d.id(), input.pinned()));
    }
}
