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
    private final Actions actions;
    private final Sets sets;

    public HomePage(Templates templates, Jdbi jdbi, Actions actions, Sets sets) {
        this.templates = templates;
        this.jdbi = jdbi;
        this.actions = actions;
        this.sets = sets;
    }

    public record Figures(long people, long organisations, long ties, long crossSectorTies, long places) {
    }

    public void show(Context ctx) {
        Figures figures = null;
        if (WebContext.viewer(ctx).signedIn()) {
            figures = jdbi.withHandle(h -> h.createQuery("SELECT "
                            + "(SELECT count(*) FROM people WHERE listed) AS people, "
                            + "(SELECT count(*) FROM organisations) AS organisations, "
                            + "(SELECT count(*) FROM (SELECT DISTINCT person_a, person_b FROM ties WHERE ended_on IS NULL) t) AS ties, "
                            + "(SELECT count(*) FROM (SELECT DISTINCT t.person_a, t.person_b FROM ties t JOIN people a ON a.id = t.person_a "
                            + "  JOIN people b ON b.id = t.person_b WHERE t.ended_on IS NULL AND a.sector_code <> b.sector_code) c) AS cross_sector, "
                            + "(SELECT count(*) FROM places) AS places")
                    .map((rs, c) -> new Figures(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
                    .one());
        }
        Long personId = WebContext.viewer(ctx).personId();
        long surveysToAnswer = personId == null ? 0 : jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM survey_invitations i "
                        + "JOIN surveys s ON s.id = i.survey_id WHERE i.person_id = :p AND s.status = 'open' "
                        + "AND (s.closes_at IS NULL OR s.closes_at > now()) AND NOT EXISTS (SELECT 1 FROM survey_responses r "
                        + "WHERE r.invitation_id = i.id AND r.submitted_at IS NOT NULL)")
                .bind("p", personId).mapTo(Long.class).one());
        HashMap<String, Object> model = new HashMap<>();
        model.put("figures", figures);
        model.put("surveysToAnswer", surveysToAnswer);
        model.put("actions", personId == null ? List.of() : actions.open(personId));
        model.put("mySets", personId == null ? List.of() : sets.setsOfPerson(personId));
        model.put("today", LocalDate.now(SetMeetingInput.ZONE));
        templates.page(ctx, "home.jte", model);
    }

}
