package org.convene.events;

import org.convene.accounts.Viewer;
import org.convene.communities.Communities;
import org.convene.communities.Community;
import org.convene.communities.Membership;
import org.convene.errors.ForbiddenException;

/**
 * Who sees and runs events. A system-wide event or an open community's is for everyone signed in;
 * a request-to-join community's for its members only (to others it does not exist). Members of a
 * community create its events; the programme team creates system-wide ones. The host, the
 * community's convenors and administrators see registrations and check people in.
 */
final class EventAccess {
    private final Events events;
    private final Communities communities;

    EventAccess(Events events, Communities communities) {
        this.events = events;
        this.communities = communities;
    }

    Event visible(Viewer viewer, long id) {
        Event e = events.get(id);
        if (e.communityId() == null || viewer.isAdmin()) {
            return e;
        }
        Community c = communities.get(e.communityId());
        if (c.open() || member(viewer, c.id())) {
            return e;
        }
        throw Events.missing(id);
    }

    boolean runs(Viewer viewer, Event e) {
        if (viewer.isAdmin() || (viewer.personId() != null && viewer.personId().equals(e.hostId())) || events.cohosts(e.id(), viewer.personId())) {
            return true;
        }
        if (e.communityId() == null) {
            return viewer.inProgrammeTeam();
        }
        return communities.membership(e.communityId(), viewer.personId()).map(Membership::convenor).orElse(false);
    }

    Event run(Viewer viewer, long id) {
        Event e = visible(viewer, id);
        if (!runs(viewer, e)) {
            throw new ForbiddenException("Only the event's host and the community's convenors can do this");
        }
        return e;
    }

    /**
     * The event, if the viewer may invite this group to it: they run the event, and convene the
     * community (or it is the event's own); cohorts are invited by the programme team.
     */
    Event invite(Viewer viewer, long id, Long community, Long cohort) {
        Event e = run(viewer, id);
        if ((community == null) == (cohort == null)) {
            throw new org.convene.errors.ValidationException("Whom to invite", java.util.Map.of("community",
                    "Invite either a community or a cohort"));
        }
        if (cohort != null && !viewer.inProgrammeTeam()) {
            throw new ForbiddenException("Cohorts are invited by the programme team");
        }
        if (community != null && !viewer.isAdmin() && !community.equals(e.communityId())
                && !communities.membership(community, viewer.personId()).map(Membership::convenor).orElse(false)) {
            throw new ForbiddenException("You can invite the event's own community, or one you convene");
        }
        if (community != null) {
            communities.get(community);
        }
        return e;
    }

    /** Whether the viewer may create an event in this community (null: system-wide). */
    void mayCreate(Viewer viewer, Long community) {
        if (community == null) {
            if (!viewer.inProgrammeTeam()) {
                throw new ForbiddenException("System-wide events are created by the programme team; create yours in a community");
            }
            return;
        }
        communities.get(community);
        if (!viewer.isAdmin() && !member(viewer, community)) {
            throw new ForbiddenException("Join the community to create its events");
        }
    }

    private boolean member(Viewer viewer, long community) {
        return communities.membership(community, viewer.personId()).map(Membership::active).orElse(false);
    }
}
