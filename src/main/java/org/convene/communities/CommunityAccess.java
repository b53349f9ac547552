package org.convene.communities;

import java.util.Optional;
import org.convene.accounts.Viewer;
import org.convene.errors.ForbiddenException;
import org.convene.errors.NotFoundException;

/**
 * Who may do what in a community. Anyone signed in sees that a community exists and its members;
 * an open community's discussions and resources are for everyone signed in, a request-to-join
 * community's for its members only (to others they do not exist). Members post and add resources;
 * convenors (and administrators) manage members, pin discussions and resources and change the community.
 */
final class CommunityAccess {
    private final Communities communities;
    private final Discussions discussions;

    CommunityAccess(Communities communities, Discussions discussions) {
        this.communities = communities;
        this.discussions = discussions;
    }

    Optional<Membership> membership(Viewer viewer, Community c) {
        return communities.membership(c.id(), viewer.personId());
    }

    boolean readsDiscussions(Viewer viewer, Community c) {
        return c.open() || viewer.isAdmin() || membership(viewer, c).map(Membership::active).orElse(false);
    }

    boolean convenes(Viewer viewer, Community c) {
        return viewer.isAdmin() || membership(viewer, c).map(Membership::convenor).orElse(false);
    }

    /** The community, if the viewer may read its discussions and resources; to anyone else they do not exist. */
    Community reading(Viewer viewer, long id) {
        Community c = communities.get(id);
        if (!readsDiscussions(viewer, c)) {
            throw hidden(id);
        }
        return c;
    }

    /** The community, if the viewer convenes it. */
    Community convened(Viewer viewer, long id) {
        Community c = communities.get(id);
        if (!convenes(viewer, c)) {
            throw new ForbiddenException("Only the community's convenors can do this");
        }
        return c;
    }

    /** The community, if the viewer is an active member (to post). */
    Community asMember(Viewer viewer, long id) {
        Community c = communities.get(id);
        if (!membership(viewer, c).map(Membership::active).orElse(false)) {
            throw new ForbiddenException("Join the community to take part in its discussions");
        }
        return c;
    }

    /** A discussion and its community, if the viewer may read it; otherwise it does not exist for them. */
    Discussion readable(Viewer viewer, long discussion) {
        Discussion d = discussions.get(discussion);
        if (!readsDiscussions(viewer, communities.get(d.communityId()))) {
            throw Discussions.missing(discussion);
        }
        return d;
    }

    private static NotFoundException hidden(long community) {
        return new NotFoundException("Community " + community + "'s discussions and resources are for its members");
    }
}
