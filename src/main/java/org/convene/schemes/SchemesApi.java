package org.convene.schemes;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.convene.directory.Reference;
import org.convene.errors.NotFoundException;
import org.convene.organisations.Organisations;
import org.convene.people.People;
import org.convene.people.PersonInput;
import org.convene.web.Json;
import org.convene.web.Params;
import org.convene.web.WebContext;

/**
 * /api/v1/schemes and the matches they make. Everyone signed in sees open and paused schemes and
 * manages their own membership, matches and blocks; the programme team sees members, rounds and
 * the dashboard; programme leads create schemes and run rounds by hand.
 */
public final class SchemesApi {
    private final Schemes schemes;
    private final Rounds rounds;
    private final People people;
    private final Reference reference;
    private final Organisations organisations;

    public SchemesApi(Schemes schemes, Rounds rounds, People people, Reference reference, Organisations organisations) {
        this.schemes = schemes;
        this.rounds = rounds;
        this.people = people;
        this.reference = reference;
        this.organisations = organisations;
    }

    /** PUT /schemes/{id}/membership/status. */
    public record StatusInput(String status) {
    }

    /** PUT /schemes/{id}/membership/skip. */
    public record SkipInput(Boolean skipNext) {
    }

    /** POST /blocks. */
    public record BlockInput(Long personId) {
    }

    /** GET /rounds/{id}: the figures, the groups and who was left out. */
    public record RoundDetail(RoundSummary round, List<MatchGroup> groups, List<Rounds.Left> unplaced) {
    }

    /** GET /schemes/{id}/dashboard. */
    public record Dashboard(Scheme scheme, Map<String, Long> members, List<RoundSummary> rounds, List<Rounds.LeftOut> leftOut,
                            List<Rounds.Feedback> feedback) {
    }

    // Schemes

    public void list(Context ctx) {
        boolean team = WebContext.viewer(ctx).inProgrammeTeam();
        ctx.json(schemes.list().stream().filter(s -> team || !Scheme.CLOSED.equals(s.status())).toList());
    }

    public void get(Context ctx) {
        ctx.json(visible(ctx, Params.pathId(ctx, "id")));
    }

    public void create(Context ctx) {
        SchemeInput.Valid input = Json.read(ctx, SchemeInput.class).validated(reference.places());
        ctx.status(201).json(schemes.create(input, WebContext.viewer(ctx).accountId()));
    }

    public void update(Context ctx) {
        long id = Params.pathId(ctx, "id");
        schemes.get(id);
        ctx.json(schemes.update(id, Json.read(ctx, SchemeInput.class).validated(reference.places())));
    }

    public void members(Context ctx) {
        ctx.json(schemes.members(schemes.get(Params.pathId(ctx, "id")).id()));
    }

    public void dashboard(Context ctx) {
        ctx.json(dashboard(schemes.get(Params.pathId(ctx, "id"))));
    }

    Dashboard dashboard(Scheme scheme) {
        return new Dashboard(scheme, schemes.memberCounts(scheme.id()), rounds.rounds(scheme.id()), rounds.leftOut(scheme.id()),
                rounds.feedback(scheme.id(), 20));
    }

    // Membership (your own)

    public void membership(Context ctx) {
        long id = visible(ctx, Params.pathId(ctx, "id")).id();
        ctx.json(schemes.membership(id, WebContext.ownPersonId(ctx))
                .orElseThrow(() -> new NotFoundException("You are not in this scheme")));
    }

    public void join(Context ctx) {
        Scheme scheme = visible(ctx, Params.pathId(ctx, "id"));
        long personId = WebContext.ownPersonId(ctx);
        MembershipInput input = Json.read(ctx, MembershipInput.class);
        MeetingMode mode = input.mode(scheme.meetingMode());
        PersonInput profile = input.changesProfile()
                ? input.profile(people.get(personId)).validated(reference, organisations, reference.topics()) : null;
        boolean existed = schemes.membership(scheme.id(), personId).isPresent();
        ctx.status(existed ? 200 : 201).json(schemes.join(scheme.id(), personId, mode, profile));
    }

    public void leave(Context ctx) {
        long id = visible(ctx, Params.pathId(ctx, "id")).id();
        ctx.json(schemes.setStatus(id, WebContext.ownPersonId(ctx), Member.LEFT));
    }

    public void status(Context ctx) {
        long id = visible(ctx, Params.pathId(ctx, "id")).id();
        StatusInput input = Json.read(ctx, StatusInput.class);
        ctx.json(schemes.setStatus(id, WebContext.ownPersonId(ctx), input.status() == null ? "" : input.status().trim()));
    }

    public void skip(Context ctx) {
        long id = visible(ctx, Params.pathId(ctx, "id")).id();
        SkipInput input = Json.read(ctx, SkipInput.class);
        if (input.skipNext() == null) {
            throw org.convene.errors.ValidationException.of(Map.of("skipNext", "Say true to skip the next round, false to take part"));
        }
        ctx.json(schemes.skipNext(id, WebContext.ownPersonId(ctx), input.skipNext()));
    }

    // Rounds

    public void rounds(Context ctx) {
        ctx.json(rounds.rounds(schemes.get(Params.pathId(ctx, "id")).id()));
    }

    public void runRound(Context ctx) {
        long id = schemes.get(Params.pathId(ctx, "id")).id();
        RoundSummary round = rounds.runNow(id);
        ctx.status(201).json(new RoundDetail(round, rounds.groups(round.id()), rounds.unplaced(round.id())));
    }

    public void round(Context ctx) {
        RoundSummary round = rounds.round(Params.pathId(ctx, "id"));
        ctx.json(new RoundDetail(round, rounds.groups(round.id()), rounds.unplaced(round.id())));
    }

    // Matches (your own; the team sees any)

    public void matches(Context ctx) {
        ctx.json(rounds.matchesOf(WebContext.ownPersonId(ctx)));
    }

    public void match(Context ctx) {
        ctx.json(visibleMatch(ctx, Params.pathId(ctx, "id")));
    }

    public void outcome(Context ctx) {
        long id = Params.pathId(ctx, "id");
        OutcomeInput input = Json.read(ctx, OutcomeInput.class).validated();
        ctx.json(rounds.answer(id, WebContext.ownPersonId(ctx), input, WebContext.viewer(ctx).accountId()));
    }

    // Blocks

    public void blocks(Context ctx) {
        ctx.json(schemes.blocked(WebContext.ownPersonId(ctx)));
    }

    public void block(Context ctx) {
        BlockInput input = Json.read(ctx, BlockInput.class);
        if (input.personId() == null) {
            throw org.convene.errors.ValidationException.of(Map.of("personId", "Say whom to block"));
        }
        long own = WebContext.ownPersonId(ctx);
        schemes.block(own, input.personId());
        ctx.status(201).json(schemes.blocked(own));
    }

    public void unblock(Context ctx) {
        schemes.unblock(WebContext.ownPersonId(ctx), Params.pathId(ctx, "personId"));
        ctx.status(204);
    }

    private Scheme visible(Context ctx, long id) {
        return schemes.visibleTo(id, WebContext.viewer(ctx));
    }

    private MatchGroup visibleMatch(Context ctx, long id) {
        return rounds.visibleTo(id, WebContext.viewer(ctx));
    }
}
