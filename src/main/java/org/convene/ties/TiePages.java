package org.convene.ties;

import io.javalin.http.Context;
import org.convene.accounts.Viewer;
import org.convene.errors.ForbiddenException;
import org.convene.web.Params;
import org.convene.web.WebContext;

/** Removing ties from profile pages (adding one is on the profile page itself, see PeoplePages). */
public final class TiePages {
    public static final String SELF_REPORTED = "self_reported";
    private final Ties ties;

    public TiePages(Ties ties) {
        this.ties = ties;
    }

    public void end(Context ctx) {
        Tie tie = ties.get(Params.pathId(ctx, "id"));
        Viewer viewer = WebContext.viewer(ctx);
        requireCanEnd(viewer, tie);
        ties.end(tie.id());
        WebContext.flash(ctx, "Connection removed");
        long back = viewer.personId() != null && (viewer.isPerson(tie.personA()) || viewer.isPerson(tie.personB()))
                ? viewer.personId() : tie.personA();
        ctx.redirect("/people/" + back + "#ties");
    }

    /** Either person, whoever recorded it, or the programme team may end a tie. */
    static void requireCanEnd(Viewer viewer, Tie tie) {
        boolean party = viewer.isPerson(tie.personA()) || viewer.isPerson(tie.personB());
        boolean recorder = tie.recordedBy() != null && tie.recordedBy() == viewer.accountId();
        if (!party && !recorder && !viewer.managesDirectory()) {
            throw new ForbiddenException("Only the two people in a connection, or the programme team, can remove it");
        }
    }
}
