package org.convene.coaching;

import io.javalin.http.Context;
import org.convene.web.Json;
import org.convene.web.Params;
import org.convene.web.WebContext;

/** /api/v1/coaching: your GROW conversations, as coach or coachee; nobody else sees them. */
public final class CoachingApi {
    private final Conversations conversations;

    public CoachingApi(Conversations conversations) {
        this.conversations = conversations;
    }

    public void list(Context ctx) {
        ctx.json(conversations.of(WebContext.ownPersonId(ctx)));
    }

    public void create(Context ctx) {
        long me = WebContext.ownPersonId(ctx);
        ConversationInput.Valid input = Json.read(ctx, ConversationInput.class).validated(me);
        ctx.status(201).json(conversations.create(me, input, WebContext.viewer(ctx).accountId()));
    }

    public void get(Context ctx) {
        ctx.json(conversations.forPerson(Params.pathId(ctx, "id"), WebContext.ownPersonId(ctx)));
    }

    public void update(Context ctx) {
        long me = WebContext.ownPersonId(ctx);
        Conversation c = conversations.forPerson(Params.pathId(ctx, "id"), me);
        ConversationInput.Valid input = Json.read(ctx, ConversationInput.class).validated(c.coachId());
        ctx.json(conversations.update(c.id(), me, input, WebContext.viewer(ctx).accountId()));
    }
}
