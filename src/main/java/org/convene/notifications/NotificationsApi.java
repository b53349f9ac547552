package org.convene.notifications;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.convene.errors.ValidationException;
import org.convene.web.Json;
import org.convene.web.Params;
import org.convene.web.WebContext;

/** /api/v1/notifications: a person's notifications, marking them read, and their settings. */
public final class NotificationsApi {
    /** Which notifications to mark read: the ids, or all of them when {@code all} is true. */
    public record ReadInput(List<Long> ids, Boolean all) {
    }

    public record Marked(int marked, int unread) {
    }

    public record LevelInput(String level) {
    }

    private final Notifications notifications;

    public NotificationsApi(Notifications notifications) {
        this.notifications = notifications;
    }

    public void list(Context ctx) {
        long me = WebContext.ownPersonId(ctx);
        ctx.json(notifications.list(me, Params.queryLong(ctx, "before"), "true".equals(ctx.queryParam("unread"))));
    }

    public void markRead(Context ctx) {
        long me = WebContext.ownPersonId(ctx);
        ReadInput input = Json.read(ctx, ReadInput.class);
        boolean all = Boolean.TRUE.equals(input.all());
        if (all == (input.ids() != null)) {
            throw new ValidationException("Say which notifications", Map.of("ids", "Give the ids to mark read, or set all to true"));
        }
        int marked = notifications.markRead(me, all ? null : input.ids());
        ctx.json(new Marked(marked, notifications.unread(me)));
    }

    public void settings(Context ctx) {
        ctx.json(notifications.settings(WebContext.ownPersonId(ctx)));
    }

    public void saveSettings(Context ctx) {
        long me = WebContext.ownPersonId(ctx);
        ctx.json(notifications.saveSettings(me, Json.read(ctx, Settings.Input.class).validated()));
    }

    /** PUT /api/v1/communities/{id}/notifications: what the member hears of one community. */
    public void setLevel(Context ctx) {
        long me = WebContext.ownPersonId(ctx);
        ctx.json(notifications.setLevel(Params.pathId(ctx, "id"), me, Json.read(ctx, LevelInput.class).level()));
    }
}
