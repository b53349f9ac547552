package org.convene.inquiries;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import org.convene.actions.AgreedAction;
import org.convene.errors.ValidationException;
import org.convene.programmes.Programmes;
import org.convene.sets.LearningSet;
import org.convene.sets.SetAccess;
import org.convene.web.Form;
import org.convene.web.Params;
import org.convene.web.Templates;
import org.convene.web.WebContext;

/**
 * Pages for Appreciative Inquiry sessions of an action learning set: plan one (the prompts start
 * from sensible defaults), then record what the group produced and the actions agreed. The set's
 * members and the programme team see and edit them.
 */
public final class InquiryPages {
    private final Templates templates;
    private final Inquiries inquiries;
    private final InquiryAccess access;
    private final Programmes programmes;

    public InquiryPages(Templates templates, Inquiries inquiries, SetAccess sets, Programmes programmes) {
        this.templates = templates;
        this.inquiries = inquiries;
        this.access = new InquiryAccess(inquiries, sets);
        this.programmes = programmes;
    }

    public void list(Context ctx) {
        LearningSet set = access.set(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        Map<String, Object> model = new HashMap<>();
        model.put("set", set);
        model.put("cohort", programmes.cohort(set.cohortId()));
        model.put("inquiries", inquiries.ofSet(set.id()));
        templates.page(ctx, "inquiries/list.jte", model);
    }

    public void newForm(Context ctx) {
        LearningSet set = access.set(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        Map<String, String> values = new HashMap<>();
        for (Phase.Name name : Phase.Name.values()) {
            values.put(name.code() + "Prompts", name.defaultPrompts());
        }
        form(ctx, set, null, Form.of(values));
    }

    public void create(Context ctx) {
        LearningSet set = access.set(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        try {
            Inquiry created = inquiries.create(set.id(), input(ctx).validated(set.memberIds(), null),
                    WebContext.viewer(ctx).accountId());
            WebContext.flash(ctx, "Session planned");
            ctx.redirect("/inquiries/" + created.id());
        } catch (ValidationException e) {
            ctx.status(422);
            form(ctx, set, null, Form.submitted(ctx, e));
        }
    }

    public void show(Context ctx) {
        InquiryAccess.Visible visible = access.inquiry(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        Inquiry inquiry = visible.inquiry();
        LearningSet set = visible.set();
        Map<String, String> values = new HashMap<>();
        values.put("title", inquiry.title());
        values.put("topic", inquiry.topic());
        values.put("heldOn", inquiry.heldOn() == null ? "" : inquiry.heldOn().toString());
        for (Phase.Name name : Phase.Name.values()) {
            values.put(name.code() + "Prompts", inquiry.phase(name).prompts());
            values.put(name.code() + "Produced", inquiry.phase(name).produced());
        }
        form(ctx, set, inquiry, Form.of(values));
    }

    public void update(Context ctx) {
        InquiryAccess.Visible visible = access.inquiry(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        Inquiry inquiry = visible.inquiry();
        LearningSet set = visible.set();
        try {
            inquiries.update(inquiry.id(), input(ctx).validated(set.memberIds(), inquiry), WebContext.viewer(ctx).accountId());
            WebContext.flash(ctx, "Session saved");
            ctx.redirect("/inquiries/" + inquiry.id());
        } catch (ValidationException e) {
            ctx.status(422);
            form(ctx, set, inquiry, Form.submitted(ctx, e));
        }
    }

    private static InquiryInput input(Context ctx) {
        return new InquiryInput(ctx.formParam("title"), ctx.formParam("topic"), ctx.formParam("heldOn"),
                phase(ctx, Phase.Name.DISCOVER), phase(ctx, Phase.Name.DREAM), phase(ctx, Phase.Name.DESIGN),
                phase(ctx, Phase.Name.DELIVER), AgreedAction.fromForm(ctx));
    }

    private static Phase phase(Context ctx, Phase.Name name) {
        return new Phase(ctx.formParam(name.code() + "Prompts"), ctx.formParam(name.code() + "Produced"));
    }

    private void form(Context ctx, LearningSet set, Inquiry inquiry, Form form) {
        Map<String, Object> model = new HashMap<>();
        model.put("set", set);
        model.put("cohort", programmes.cohort(set.cohortId()));
        model.put("inquiry", inquiry);
        model.put("form", form);
        model.put("phases", Phase.Name.values());
        templates.page(ctx, "inquiries/inquiry.jte", model);
    }
}
