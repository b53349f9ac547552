package org.convene.sets;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.convene.accounts.Viewer;
import org.convene.actions.Actions;
import org.convene.errors.ValidationException;
import org.convene.programmes.Cohort;
import org.convene.programmes.Programmes;
import org.convene.web.Form;
import org.convene.web.Params;
import org.convene.web.Templates;
import org.convene.web.WebContext;

/**
 * Pages for action learning sets: the facilitator's board (form, move, lock, form again around the
 * locks, publish), a set's own page for its members, and set meetings in the action learning
 * structure with their agreed actions.
 */
public final class SetPages {
    private final Templates templates;
    private final Programmes programmes;
    private final Sets sets;
    private final SetFormation formation;
    private final SetMeetings meetings;
    private final Actions actions;
    private final SetAccess access;

    public SetPages(Templates templates, Programmes programmes, Sets sets, SetFormation formation, SetMeetings meetings,
                    Actions actions) {
        this.templates = templates;
        this.programmes = programmes;
        this.sets = sets;
        this.formation = formation;
        this.meetings = meetings;
        this.actions = actions;
        this.access = new SetAccess(sets);
    }

    // The facilitator's board

    public void board(Context ctx) {
        Cohort cohort = programmes.cohort(Params.pathId(ctx, "id"));
        showBoard(ctx, cohort, Form.empty(), Form.empty());
    }

    private void showBoard(Context ctx, Cohort cohort, Form form, Form experience) {
        Map<String, Object> model = boardModel(cohort);
        SetPlan plan = (SetPlan) model.get("plan");
        Map<String, String> values = new HashMap<>();
        values.put("size", String.valueOf(plan == null ? 6 : plan.setSize()));
        values.put("seed", String.valueOf(plan == null ? 1 : plan.seed() + 1));
        values.put("avoidPast", String.valueOf(plan == null || plan.avoidPast()));
        model.put("form", form.values().isEmpty() && form.errors().isEmpty() ? Form.of(values) : form);
        model.put("experience", experience);
        templates.page(ctx, "sets/board.jte", model);
    }

    private Map<String, Object> boardModel(Cohort cohort) {
        Map<String, Object> model = new HashMap<>();
        model.put("cohort", cohort);
        model.put("plan", sets.plan(cohort.id()).orElse(null));
        SetFormation.Standing standing = formation.standing(cohort.id());
        model.put("standing", standing);
        List<SetMember> members = sets.members(cohort.id());
        model.put("members", members);
        model.put("unplaced", members.stream().filter(m -> m.set() == 0).toList());
        return model;
    }

    public void form(Context ctx) {
        Cohort cohort = programmes.cohort(Params.pathId(ctx, "id"));
        try {
            int size = intParam(ctx, "size", "Enter the number of people in a set, for example 6");
            long seed = ctx.formParam("seed") == null || ctx.formParam("seed").isBlank() ? 1
                    : longParam(ctx, "seed", "The seed is a whole number");
            SetFigures f = formation.form(cohort.id(), size, seed, "true".equals(ctx.formParam("avoidPast")),
                    WebContext.viewer(ctx).accountId());
            WebContext.flash(ctx, "Sets formed: diversity " + f.diversity() + " of at most " + f.bound() + ". Check them, then publish.");
            ctx.redirect("/cohorts/" + cohort.id() + "/sets");
        } catch (ValidationException e) {
            ctx.status(422);
            showBoard(ctx, cohort, Form.submitted(ctx, e), Form.empty());
        }
    }

    /** Moves someone to another set; with htmx only the board is sent back. */
    public void move(Context ctx) {
        Cohort cohort = programmes.cohort(Params.pathId(ctx, "id"));
        long person = longParam(ctx, "person", "Choose someone to move");
        int number = intParam(ctx, "set", "Choose a set");
        String name = sets.move(cohort.id(), person, number, WebContext.viewer(ctx).accountId());
        sets.updateFigures(cohort.id(), formation.standing(cohort.id()).figures());
        afterChange(ctx, cohort, name + " moved to set " + number + " and locked there");
    }

    public void lock(Context ctx) {
        Cohort cohort = programmes.cohort(Params.pathId(ctx, "id"));
        long person = longParam(ctx, "person", "Choose someone");
        boolean locked = "true".equals(ctx.formParam("locked"));
        sets.lock(cohort.id(), person, locked);
        afterChange(ctx, cohort, locked ? "Locked in their set" : "Unlocked");
    }

    private void afterChange(Context ctx, Cohort cohort, String message) {
        if ("true".equals(ctx.header("HX-Request"))) {
            Map<String, Object> model = boardModel(cohort);
            model.put("message", message);
            model.put("page", WebContext.page(ctx));
            ctx.header("Vary", "HX-Request");
            ctx.contentType("text/html; charset=utf-8").result(templates.bytes("sets/sets.jte", model));
            return;
        }
        WebContext.flash(ctx, message);
        ctx.redirect("/cohorts/" + cohort.id() + "/sets");
    }

    public void publish(Context ctx) {
        Cohort cohort = programmes.cohort(Params.pathId(ctx, "id"));
        sets.publish(cohort.id(), WebContext.viewer(ctx).accountId());
        WebContext.flash(ctx, "Sets published: members can now see their set");
        ctx.redirect("/cohorts/" + cohort.id() + "/sets");
    }

    /** Saves years of experience and band for everyone on the cohort (fields years-ID and band-ID). */
    public void experience(Context ctx) {
        Cohort cohort = programmes.cohort(Params.pathId(ctx, "id"));
        Map<Long, String[]> values = new HashMap<>();
        for (SetMember m : sets.members(cohort.id())) {
            values.put(m.personId(), new String[] {ctx.formParam("years-" + m.personId()), ctx.formParam("band-" + m.personId())});
        }
        try {
            sets.saveExperience(cohort.id(), values);
            WebContext.flash(ctx, "Years and bands saved");
            ctx.redirect("/cohorts/" + cohort.id() + "/sets#experience");
        } catch (ValidationException e) {
            ctx.status(422);
            showBoard(ctx, cohort, Form.empty(), Form.submitted(ctx, e));
        }
    }

    // A set's own page and its meetings

    public void set(Context ctx) {
        LearningSet set = visibleSet(ctx, Params.pathId(ctx, "id"));
        Viewer viewer = WebContext.viewer(ctx);
        Map<String, Object> model = new HashMap<>();
        model.put("set", set);
        model.put("cohort", programmes.cohort(set.cohortId()));
        model.put("member", isMember(viewer, set));
        model.put("meetings", meetings.list(set.id()));
        templates.page(ctx, "sets/set.jte", model);
    }

    public void newMeeting(Context ctx) {
        LearningSet set = memberSet(ctx, Params.pathId(ctx, "id"));
        meetingForm(ctx, set, null, Form.empty());
    }

    public void createMeeting(Context ctx) {
        LearningSet set = memberSet(ctx, Params.pathId(ctx, "id"));
        try {
            SetMeeting m = meetings.create(set.id(), meetingInput(ctx).validated(set.memberIds()), WebContext.viewer(ctx).accountId());
            WebContext.flash(ctx, "Meeting recorded");
            ctx.redirect("/set-meetings/" + m.id());
        } catch (ValidationException e) {
            ctx.status(422);
            meetingForm(ctx, set, null, Form.submitted(ctx, e));
        }
    }

    public void meeting(Context ctx) {
        SetMeeting m = meetings.get(Params.pathId(ctx, "id"));
        LearningSet set = memberSet(ctx, m.setId());
        meetingForm(ctx, set, m, Form.of(values(m)));
    }

    public void updateMeeting(Context ctx) {
        SetMeeting m = meetings.get(Params.pathId(ctx, "id"));
        LearningSet set = memberSet(ctx, m.setId());
        try {
            meetings.update(m.id(), meetingInput(ctx).validated(set.memberIds()), WebContext.viewer(ctx).accountId());
            WebContext.flash(ctx, "Meeting saved");
            ctx.redirect("/set-meetings/" + m.id());
        } catch (ValidationException e) {
            ctx.status(422);
            meetingForm(ctx, set, m, Form.submitted(ctx, e));
        }
    }

    /** Marks one of the viewer's own actions done (or not), then back to where they were. */
    public void actionDone(Context ctx) {
        long id = Params.pathId(ctx, "id");
        actions.setDone(id, WebContext.ownPersonId(ctx), !"false".equals(ctx.formParam("done")));
        String back = ctx.formParam("back");
        WebContext.flash(ctx, "false".equals(ctx.formParam("done")) ? "Action reopened" : "Action done");
        ctx.redirect(WebContext.localPath(back, "/"));
    }

    private void meetingForm(Context ctx, LearningSet set, SetMeeting meeting, Form form) {
        Map<String, Object> model = new HashMap<>();
        model.put("set", set);
        model.put("cohort", programmes.cohort(set.cohortId()));
        model.put("meeting", meeting);
        model.put("form", form);
        templates.page(ctx, "sets/meeting.jte", model);
    }

    static SetMeetingInput meetingInput(Context ctx) {
        List<org.convene.actions.AgreedAction> rows = org.convene.actions.AgreedAction.fromForm(ctx);
        String presenter = ctx.formParam("presenter");
        return new SetMeetingInput(ctx.formParam("date"), ctx.formParam("time"), ctx.formParam("location"),
                presenter == null || presenter.isBlank() ? null : parseLong(presenter), ctx.formParam("problem"),
                ctx.formParam("questions"), ctx.formParam("followUp"), ctx.formParam("notes"), rows);
    }

    private static Map<String, String> values(SetMeeting m) {
        var local = m.startsAt().atZone(SetMeetingInput.ZONE);
        Map<String, String> v = new HashMap<>();
        v.put("date", local.toLocalDate().toString());
        v.put("time", local.toLocalTime().toString());
        v.put("location", m.location());
        v.put("presenter", m.presenterId() == null ? "" : String.valueOf(m.presenterId()));
        v.put("problem", m.problem());
        v.put("questions", m.questions());
        v.put("followUp", m.followUp());
        v.put("notes", m.notes());
        return v;
    }

    private LearningSet visibleSet(Context ctx, long id) {
        return access.visible(WebContext.viewer(ctx), id);
    }

    private LearningSet memberSet(Context ctx, long id) {
        return access.forMembers(WebContext.viewer(ctx), id);
    }

    private boolean isMember(Viewer viewer, LearningSet set) {
        return access.isMember(viewer, set);
    }

    private static int intParam(Context ctx, String name, String message) {
        long v = longParam(ctx, name, message);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new ValidationException(message, Map.of(name, message));
        }
        return (int) v;
    }

    private static long longParam(Context ctx, String name, String message) {
        String raw = ctx.formParam(name);
        try {
            return Long.parseLong(raw == null ? "" : raw.trim());
        } catch (NumberFormatException e) {
            throw new ValidationException(message, Map.of(name, message));
        }
    }

    private static long parseLong(String raw) {
        try {
            return Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw new ValidationException("Choose a member of the set", Map.of("presenter", "Choose a member of the set"));
        }
    }
}
