package org.convene.inquiries;

import io.javalin.http.Context;
import org.convene.sets.LearningSet;
import org.convene.sets.SetAccess;
import org.convene.web.Json;
import org.convene.web.Params;
import org.convene.web.WebContext;

/** /api/v1/sets/{id}/inquiries and /api/v1/inquiries/{id}: Appreciative Inquiry sessions (the set's members and the team). */
public final class InquiriesApi {
    private final Inquiries inquiries;
    private final InquiryAccess access;

    public InquiriesApi(Inquiries inquiries, SetAccess sets) {
        this.inquiries = inquiries;
        this.access = new InquiryAccess(inquiries, sets);
    }

    public void list(Context ctx) {
        LearningSet set = access.set(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        ctx.json(inquiries.ofSet(set.id()));
    }

    public void create(Context ctx) {
        LearningSet set = access.set(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        InquiryInput.Valid input = Json.read(ctx, InquiryInput.class).validated(set.memberIds(), null);
        ctx.status(201).json(inquiries.create(set.id(), input, WebContext.viewer(ctx).accountId()));
    }

    public void get(Context ctx) {
        ctx.json(access.inquiry(WebContext.viewer(ctx), Params.pathId(ctx, "id")).inquiry());
    }

    public void update(Context ctx) {
        InquiryAccess.Visible visible = access.inquiry(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        Inquiry inquiry = visible.inquiry();
        InquiryInput.Valid input = Json.read(ctx, InquiryInput.class).validated(visible.set().memberIds(), inquiry);
        ctx.json(inquiries.update(inquiry.id(), input, WebContext.viewer(ctx).accountId()));
    }
}
