package org.convene.coaching;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import org.convene.actions.AgreedAction;
import org.convene.errors.ValidationException;
import org.convene.web.Form;
import org.convene.web.Params;
import org.convene.web.Templates;
import org.convene.web.WebContext;
import org.convene.people.People;

/** Pages for GROW coaching conversations: your conversations, a new record, and one record (coach and coachee only). */
public final class CoachingPages {
    private final Templates templates;
    private final Conversations conversations;
    private final People people;

    public CoachingPages(Templates templates, Conversations conversations, People people) {
        this.templates = templates;
        this.conversations = conversations;
        this.people = people;
    }

    public void list(Context ctx) {
        long me = WebContext.ownPersonId(ctx);
        Map<String, Object> model = new HashMap<>();
        model.put("conversations", conversations.of(me));
        model.put("me", me);
        templates.page(ctx, "coaching/list.jte", model);
    }

    public void newForm(Context ctx) {
        WebContext.ownPersonId(ctx);
        form(ctx, null, Form.empty());
    }

    public void create(Context ctx) {
        long me = WebContext.ownPersonId(ctx);
        try {
            Conversation c = conversations.create(me, validNew(ctx, me), WebContext.viewer(ctx).accountId());
            WebContext.flash(ctx, "Conversation recorded");
            ctx.redirect("/coaching/" + c.id());
        } catch (ValidationException e) {
            ctx.status(422);
            form(ctx, null, Form.submitted(ctx, e));
        }
    }

    public void show(Context ctx) {
        long me = WebContext.ownPersonId(ctx);
        Conversation c = conversations.forPerson(Params.pathId(ctx, "id"), me);
        Map<String, String> values = new HashMap<>();
        values.put("heldOn", c.heldOn().toString());
        values.put("goal", c.goal());
        values.put("reality", c.reality());
        values.put("options", c.options());
        values.put("will", c.will());
        values.put("reviewOn", c.reviewOn() == null ? "" : c.reviewOn().toString());
        form(ctx, c, Form.of(values));
    }

    public void update(Context ctx) {
        long me = WebContext.ownPersonId(ctx);
        Conversation c = conversations.forPerson(Params.pathId(ctx, "id"), me);
        try {
            conversations.update(c.id(), me, input(ctx, c.coacheeId(), Map.of()).validated(c.coachId()), WebContext.viewer(ctx).accountId());
            WebContext.flash(ctx, "Conversation saved");
            ctx.redirect("/coaching/" + c.id());
        } catch (ValidationException e) {
            ctx.status(422);
            form(ctx, c, Form.submitted(ctx, e));
        }
    }

    /** The new record, with every mistake reported at once, the coachee's email included. */
    private ConversationInput.Valid validNew(Context ctx, long me) {
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        Long coachee = null;
        try {
            coachee = coacheeByEmail(ctx.formParam("coacheeEmail"));
        } catch (ValidationException e) {
            errors.putAll(e.fieldErrors());
        }
        Map<String, Long> aliases = coachee == null ? Map.of() : Map.of("coachee", coachee);
        try {
            ConversationInput.Valid valid = input(ctx, coachee == null ? -1L : coachee, aliases).validated(me);
            if (errors.isEmpty()) {
                return valid;
            }
        } catch (ValidationException e) {
            e.fieldErrors().forEach((field, message) -> errors.putIfAbsent(field.equals("coachee") ? "coacheeEmail" : field, message));
        }
        throw new ValidationException("The conversation could not be saved", errors);
    }

    private static ConversationInput input(Context ctx, Long coachee, Map<String, Long> aliases) {
        return new ConversationInput(coachee, ctx.formParam("heldOn"), ctx.formParam("goal"), ctx.formParam("reality"),
                ctx.formParam("options"), ctx.formParam("will"), ctx.formParam("reviewOn"), AgreedAction.fromForm(ctx, aliases));
    }

    /** The coachee named on the form by the email in their directory entry. */
    private Long coacheeByEmail(String email) {
        if (email == null || email.isBlank()) {
            throw new ValidationException("Who was coached", Map.of("coacheeEmail", "Enter the email address of the person you coached"));
        }
        return people.idByEmail(email)
                .orElseThrow(() -> new ValidationException("Unknown person",
                        Map.of("coacheeEmail", "Nobody in the directory has the email address " + email.trim())));
    }

    private void form(Context ctx, Conversation c, Form form) {
        Map<String, Object> model = new HashMap<>();
        model.put("conversation", c);
        model.put("form", form);
        templates.page(ctx, "coaching/conversation.jte", model);
    }
}
