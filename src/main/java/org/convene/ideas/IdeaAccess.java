package org.convene.ideas;

import org.convene.accounts.Viewer;
import org.convene.communities.Communities;
import org.convene.communities.Community;
import org.convene.communities.Membership;
import org.convene.errors.ForbiddenException;
import org.convene.errors.NotFoundException;

/**
 * Who sees and uses a board. The whole system's board is for everyone signed in; a community's
 * board is seen as its discussions are (open: everyone; on request: members only) and used by its
 * members. Convenors (the programme team, for the system's board) record what an idea became.
 */
final class IdeaAccess {
    private final Communities communities;

    IdeaAccess(Communities communities) {
        this.communities = communities;
    }

    void sees(Viewer viewer, Long community) {
        if (community == null || viewer.isAdmin()) {
            return;
        }
        Community c = communities.get(community);
        if (!c.open() && !member(viewer, community)) {
            throw new NotFoundException("No ideas board for community " + community);
        }
    }

    void uses(Viewer viewer, Long community) {
        sees(viewer, community);
        if (community != null && !member(viewer, community)) {
            throw new ForbiddenException("Join the community to propose, vote and comment on its ideas");
        }
    }

    boolean convenes(Viewer viewer, Long community) {
        if (community == null) {
            return viewer.inProgrammeTeam();
        }
        return viewer.isAdmin() || communities.membership(community, viewer.personId()).map(Membership::convenor).orElse(false);
    }

    private boolean member(Viewer viewer, long community) {
        return member(viewer.personId(), community);
    }

    /** Whether the person may take part in the board: anyone for the whole system's, active members for a community's. */
    boolean member(Long person, Long community) {
        return community == null || communities.membership(community, person).map(Membership::active).orElse(false);
    }
}
