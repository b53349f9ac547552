package org.convene.notifications;

import org.jdbi.v3.core.Handle;

/**
 * Records an activity in the caller's transaction, so it exists exactly when what it describes
 * does; {@link Notifications#fanOutDue} later tells the people it concerns.
 */
public final class Activities {
    private Activities() {
    }

    public static long record(Handle h, Activity a) {
        return h.createUpdate("INSERT INTO activities (kind, community_id, thread_id, post_id, event_id, idea_id, actor_id, title, summary) "
                        + "VALUES (:kind, :community, :thread, :post, :event, :idea, :actor, :title, :summary)")
                .bind("kind", a.kind().code()).bind("community", a.communityId()).bind("thread", a.threadId()).bind("post", a.postId())
                .bind("event", a.eventId()).bind("idea", a.ideaId()).bind("actor", a.actorId()).bind("title", a.title())
                .bind("summary", a.summary()).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }
}
