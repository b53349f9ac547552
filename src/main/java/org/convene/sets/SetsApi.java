package org.convene.sets;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.convene.actions.Action;
import org.convene.actions.Actions;
import org.convene.errors.ValidationException;
import org.convene.groups.Group;
import org.convene.programmes.Cohort;
import org.convene.programmes.Programmes;
import org.convene.web.Json;
import org.convene.web.Params;
import org.convene.web.WebContext;

/**
 * /api/v1 for action learning sets: the programme team forms, moves, locks and publishes a
 * cohort's sets; members read their set and keep its meeting records; everyone marks their own
 * actions done.
 */
public final class SetsApi {
    private final Programmes programmes;
    private final Sets sets;
    private final SetFormation formation;
    private final SetMeetings meetings;
    private final Actions actions;
    private final SetAccess access;

    public SetsApi(Programmes programmes, Sets sets, SetFormation formation, SetMeetings meetings, Actions actions) {
        this.programmes = programmes;
        this.sets = sets;
        this.formation = formation;
        this.meetings = meetings;
        this.actions = actions;
        this.access = new SetAccess(sets);
    }

    /** POST /cohorts/{id}/sets. */
    public record FormInput(Integer size, Long seed, Boolean avoidPast) {
    }

    /** POST /cohorts/{id}/sets/moves. */
    public record MoveInput(Long person, Integer set) {
    }

    /** POST /cohorts/{id}/sets/locks. */
    public record LockInput(Long person, Boolean locked) {
    }

    /** PUT /cohorts/{id}/experience: one row per person; null means not known. */
    public record ExperienceInput(Long person, Integer years, Integer band) {
    }

    /** POST /actions/{id}/done. */
    public record DoneInput(Boolean done) {
    }

    /** A set with the engine's explanation: its mixes and diversity, and the members' mean years and band. */
    public record SetView(long id, int number, List<SetMember> members, long diversity, Map<String, Integer> sectors,
                          Map<String, Integer> professions, Map<String, Integer> organisations, Map<String, Integer> places,
                          Double meanYears, Double meanBand) {
        static SetView of(SetFormation.Explained e) {
            Group g = e.group();
            return new SetView(e.set().id(), e.set().number(), e.set().members(), g.diversity(), g.sectors(), g.professions(),
                    g.organisations(), g.places(), number(g.means(), 0), number(g.means(), 1));
        }

        private static Double number(List<Double> values, int k) {
            return k < values.size() && !values.get(k).isNaN() ? values.get(k) : null;
        }
    }

    /** GET /cohorts/{id}/sets. */
    public record Board(long cohortId, SetPlan plan, SetFigures figures, List<SetView> sets, List<SetMember> unplaced) {
    }

    public void board(Context ctx) {
        ctx.json(board(programmes.cohort(Params.pathId(ctx, "id"))));
    }

    private Board board(Cohort cohort) {
        SetFormation.Standing standing = formation.standing(cohort.id());
        return new Board(cohort.id(), sets.plan(cohort.id()).orElse(null), standing.figures(),
                standing.sets().stream().map(SetView::of).toList(),
                sets.members(cohort.id()).stream().filter(m -> m.set() == 0).toList());
    }

    public void form(Context ctx) {
        Cohort cohort = programmes.cohort(Params.pathId(ctx, "id"));
        FormInput in = Json.read(ctx, FormInput.class);
        if (in.size() == null) {
            throw new ValidationException("Give the set size", Map.of("size", "Give the number of people in a set"));
        }
        formation.form(cohort.id(), in.size(), in.seed() == null ? 1 : in.seed(), in.avoidPast() == null || in.avoidPast(),
                WebContext.viewer(ctx).accountId());
        ctx.status(201).json(board(cohort));
    }

    public void move(Context ctx) {
        Cohort cohort = programmes.cohort(Params.pathId(ctx, "id"));
        MoveInput in = Json.read(ctx, MoveInput.class);
        if (in.person() == null || in.set() == null) {
            throw new ValidationException("Give the person and the set", Map.of("person", "Give the person and the set number"));
        }
        sets.move(cohort.id(), in.person(), in.set(), WebContext.viewer(ctx).accountId());
        Board board = board(cohort);
        sets.updateFigures(cohort.id(), board.figures());
        ctx.json(board);
    }

    public void lock(Context ctx) {
        Cohort cohort = programmes.cohort(Params.pathId(ctx, "id"));
        LockInput in = Json.read(ctx, LockInput.class);
        if (in.person() == null || in.locked() == null) {
            throw new ValidationException("Give the person and locked", Map.of("person", "Give the person and whether they are locked"));
        }
        sets.lock(cohort.id(), in.person(), in.locked());
        ctx.json(board(cohort));
    }

    public void publish(Context ctx) {
        Cohort cohort = programmes.cohort(Params.pathId(ctx, "id"));
        sets.publish(cohort.id(), WebContext.viewer(ctx).accountId());
        ctx.json(board(cohort));
    }

    public void experience(Context ctx) {
        Cohort cohort = programmes.cohort(Params.pathId(ctx, "id"));
        ExperienceInput[] rows = Json.read(ctx, ExperienceInput[].class);
        List<Long> onCohort = sets.members(cohort.id()).stream().map(SetMember::personId).toList();
        Map<Long, String[]> values = new HashMap<>();
        for (ExperienceInput row : rows) {
            if (row == null || row.person() == null || !onCohort.contains(row.person())) {
                throw new ValidationException("Not on this cohort", Map.of("person", "Every row needs the id of someone on this cohort"));
            }
            values.put(row.person(), new String[] {row.years() == null ? "" : row.years().toString(),
                row.band() == null ? "" : row.band().toString()});
        }
        sets.saveExperience(cohort.id(), values);
        ctx.status(204);
    }

    // A set and its meetings

    /** GET /sets/{id}: members and meeting dates; the records only for members. */
    public record SetDetail(long id, long cohortId, int number, List<SetMember> members, List<SetMeeting> meetings) {
    }

    public void set(Context ctx) {
        LearningSet set = access.visible(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        boolean member = access.isMember(WebContext.viewer(ctx), set);
        List<SetMeeting> all = meetings.list(set.id()).stream()
                .map(m -> member ? m : new SetMeeting(m.id(), m.setId(), m.startsAt(), m.location(), null, null, "", "", "", "", List.of()))
                .toList();
        ctx.json(new SetDetail(set.id(), set.cohortId(), set.number(), set.members(), all));
    }

    public void createMeeting(Context ctx) {
        LearningSet set = access.forMembers(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        SetMeetingInput.Valid input = Json.read(ctx, SetMeetingInput.class).validated(set.memberIds());
        ctx.status(201).json(meetings.create(set.id(), input, WebContext.viewer(ctx).accountId()));
    }

    public void meeting(Context ctx) {
        SetMeeting m = meetings.get(Params.pathId(ctx, "id"));
        access.forMembers(WebContext.viewer(ctx), m.setId());
        ctx.json(m);
    }

    public void updateMeeting(Context ctx) {
        SetMeeting m = meetings.get(Params.pathId(ctx, "id"));
        LearningSet set = access.forMembers(WebContext.viewer(ctx), m.setId());
        SetMeetingInput.Valid input = Json.read(ctx, SetMeetingInput.class).validated(set.memberIds());
        ctx.json(meetings.update(m.id(), input, WebContext.viewer(ctx).accountId()));
    }

    // Actions

    public void myActions(Context ctx) {
        List<Action> open = actions.open(WebContext.ownPersonId(ctx));
        ctx.json(open);
    }

    public void actionDone(Context ctx) {
        DoneInput in = Json.read(ctx, DoneInput.class);
        actions.setDone(Params.pathId(ctx, "id"), WebContext.ownPersonId(ctx), in.done() == null || in.done());
        ctx.status(204);
    }
}
