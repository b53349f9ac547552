package org.convene.home;

import io.javalin.http.Context;
import java.util.HashMap;
import java.time.LocalDate;
import java.util.List;
import org.convene.actions.Actions;
import org.convene.sets.SetMeetingInput;
import org.convene.sets.Sets;
import org.convene.web.Templates;
import org.convene.web.WebContext;
import org.jdbi.v3.core.Jdbi;

/** The start page: what Convene is, and for signed-in people, the size of the network so far. */
public final class HomePage {
    private final Templates templates;
    private final Jdbi jdbi;
    private final NetworkFigures networkFigures;
    private final Actions actions;
    private final Sets sets;

    public HomePage(Templates templates, Jdbi jdbi, NetworkFigures networkFigures, Actions actions, Sets sets) {
        this.templates = templates;
        this.jdbi = jdbi;
        this.networkFigures = networkFigures;
        this.actions = actions;
        this.sets = sets;
    }

    public void show(Context ctx) {
        boolean signedIn = WebContext.viewer(ctx).signedIn();
        NetworkFigures.Figures figures = signedIn ? networkFigures.current() : null;
        Long personId = WebContext.viewer(ctx).personId();
        long surveysToAnswer = personId == null ? 0 : jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM survey_invitations i "
                        + "JOIN surveys s ON s.id = i.survey_id WHERE i.person_id = :p AND s.status = 'open' "
                        + "AND (s.closes_at IS NULL OR s.closes_at > now()) AND NOT EXISTS (SELECT 1 FROM survey_responses r "
                        + "WHERE r.invitation_id = i.id AND r.submitted_at IS NOT NULL)")
                .bind("p", personId).mapTo(Long.class).one());
        HashMap<String, Object> model = new HashMap<>();
        model.put("signedIn", signedIn);
        model.put("figures", figures);
        model.put("surveysToAnswer", surveysToAnswer);
        model.put("actions", personId == null ? List.of() : actions.open(personId));
        model.put("mySets", personId == null ? List.of() : sets.setsOfPerson(personId));
        model.put("today", LocalDate.now(SetMeetingInput.ZONE));
        templates.page(ctx, "home.jte", model);
    }

}
