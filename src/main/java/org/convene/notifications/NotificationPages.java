package org.convene.notifications;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convene.errors.NotFoundException;
import org.convene.errors.ValidationException;
import org.convene.web.Form;
import org.convene.web.Option;
import org.convene.web.Params;
import org.convene.web.Templates;
import org.convene.web.WebContext;

/** Pages for a person's notifications: the list, opening one, marking them read, and their settings. */
public final class NotificationPages {
    static final List<Option> DIGESTS = List.of(new Option(Settings.DAILY, "Daily"), new Option(Settings.WEEKLY, "Weekly"),
            new Option(Settings.OFF, "No digest"));
    static final List<Option> LEVELS = List.of(new Option("all", "Everything, every reply included"),
            new Option("highlights", "Highlights: new discussions, events and ideas"),
            new Option("mentions", "Only when I am mentioned or follow the discussion"), new Option("off", "Nothing"));

    private final Templates templates;
    private final Notifications notifications;

    public NotificationPages(Templates templates, Notifications notifications) {
        this.templates = templates;
        this.notifications = notifications;
    }

    public void list(Context ctx) {
        long me = WebContext.ownPersonId(ctx);
        Long before = Params.queryLong(ctx, "before");
        List<Notice> notices = notifications.list(me, before, false);
        Map<String, Object> model = new HashMap<>();
        model.put("notices", notices);
        model.put("older", notices.size() == Notifications.PAGE ? notices.get(notices.size() - 1).id() : null);
        templates.page(ctx, "notifications/list.jte", model);
    }

    /** Opens a notification: marks it read and goes to what it is about. */
    public void open(Context ctx) {
        Notice n = notifications.open(WebContext.ownPersonId(ctx), Params.pathId(ctx, "id"))
                .orElseThrow(() -> new NotFoundException("You have no notification with id " + ctx.pathParam("id")));
        ctx.redirect(n.path());
    }

    public void markAllRead(Context ctx) {
        int marked = notifications.markRead(WebContext.ownPersonId(ctx), null);
        WebContext.flash(ctx, marked == 1 ? "1 notification marked as read" : marked + " notifications marked as read");
        ctx.redirect("/notifications");
    }

    public void settingsForm(Context ctx) {
        Settings s = notifications.settings(WebContext.ownPersonId(ctx));
        Map<String, String> values = new HashMap<>();
        values.put("digest", s.digest());
        values.put("instant", String.valueOf(s.instant()));
        s.communities().forEach(c -> values.put("level-" + c.communityId(), c.level()));
        settingsPage(ctx, s, Form.of(values));
    }

    public void saveSettings(Context ctx) {
        long me = WebContext.ownPersonId(ctx);
        Settings current = notifications.settings(me);
        Map<Long, String> levels = new LinkedHashMap<>();
        current.communities().forEach(c -> levels.put(c.communityId(), ctx.formParam("level-" + c.communityId())));
        try {
            notifications.saveSettings(me, new Settings.Input(ctx.formParam("digest"), "true".equals(ctx.formParam("instant")), levels).validated());
            WebContext.flash(ctx, "Your notification settings are saved");
            ctx.redirect("/notifications/settings");
        } catch (ValidationException e) {
            ctx.status(422);
            settingsPage(ctx, current, Form.submitted(ctx, e));
        }
    }

    private void settingsPage(Context ctx, Settings settings, Form form) {
        Map<String, Object> model = new HashMap<>();
        model.put("settings", settings);
        model.put("form", form);
        model.put("digests", DIGESTS);
        model.put("levels", LEVELS);
        templates.page(ctx, "notifications/settings.jte", model);
    }
}
