package org.convene.schemes;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.convene.accounts.AccountPages;
import org.convene.accounts.Viewer;
import org.convene.directory.Reference;
import org.convene.errors.BadRequestException;
import org.convene.errors.ConflictException;
import org.convene.errors.ForbiddenException;
import org.convene.errors.NotFoundException;
import org.convene.errors.ValidationException;
import org.convene.organisations.Organisations;
import org.convene.people.People;
import org.convene.people.Person;
import org.convene.people.PersonInput;
import org.convene.web.Form;
import org.convene.web.Option;
import org.convene.web.Params;
import org.convene.web.Templates;
import org.convene.web.WebContext;

/** Pages for matching schemes: browsing and joining, a member's own choices, matches and feedback, and the team's dashboard. */
public final class SchemePages {
    private final Templates templates;
    private final Schemes schemes;
    private final Rounds rounds;
    private final SchemesApi api;
    private final People people;
    private final Reference reference;
    private final Organisations organisations;

    public SchemePages(Templates templates, Schemes schemes, Rounds rounds, SchemesApi api, People people, Reference reference,
                       Organisations organisations) {
        this.templates = templates;
        this.schemes = schemes;
        this.rounds = rounds;
        this.api = api;
        this.people = people;
        this.reference = reference;
        this.organisations = organisations;
    }

    static final List<Option> CADENCES = java.util.Arrays.stream(Cadence.values()).map(c -> new Option(c.code(), c.label())).toList();
    static final List<Option> MODES = java.util.Arrays.stream(MeetingMode.values()).map(m -> new Option(m.code(), m.label())).toList();

    // Schemes

    public void list(Context ctx) {
        Viewer viewer = WebContext.viewer(ctx);
        List<Scheme> all = schemes.list().stream().filter(s -> viewer.inProgrammeTeam() || !Scheme.CLOSED.equals(s.status())).toList();
        List<Long> mine = viewer.personId() == null ? List.of() : schemes.schemesOf(viewer.personId()).stream().map(Scheme::id).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("schemes", all);
        model.put("mine", mine);
        templates.page(ctx, "schemes/list.jte", model);
    }

    public void show(Context ctx) {
        Viewer viewer = WebContext.viewer(ctx);
        Scheme scheme = visible(ctx, Params.pathId(ctx, "id"));
        Map<String, Object> model = new HashMap<>();
        model.put("scheme", scheme);
        model.put("membership", viewer.personId() == null ? null : schemes.membership(scheme.id(), viewer.personId()).orElse(null));
        model.put("dashboard", viewer.inProgrammeTeam() ? api.dashboard(scheme) : null);
        templates.page(ctx, "schemes/show.jte", model);
    }

    public void newForm(Context ctx) {
        schemeForm(ctx, null, Form.of(Map.of("cadence", "monthly", "meetingMode", "either")));
    }

    public void create(Context ctx) {
        try {
            Scheme s = schemes.create(schemeInput(ctx).validated(reference.places()), WebContext.viewer(ctx).accountId());
            WebContext.flash(ctx, s.name() + " has been created");
            ctx.redirect("/schemes/" + s.id());
        } catch (ValidationException e) {
            ctx.status(422);
            schemeForm(ctx, null, Form.submitted(ctx, e));
        } catch (ConflictException e) {
            ctx.status(409);
            schemeForm(ctx, null, Form.conflict(ctx, "name", e));
        }
    }

    public void editForm(Context ctx) {
        Scheme s = schemes.get(Params.pathId(ctx, "id"));
        Map<String, String> values = new HashMap<>();
        values.put("name", s.name());
        values.put("description", s.description());
        values.put("cadence", s.cadence().code());
        values.put("meetingMode", s.meetingMode().code());
        values.put("place", s.placeName() == null ? "" : s.placeName());
        values.put("firstStep", s.firstStep());
        values.put("nextRoundAt", s.nextRoundAt() == null ? ""
                : s.nextRoundAt().atZone(Cadence.ZONE).toLocalDateTime().withSecond(0).withNano(0).toString());
        values.put("status", s.status());
        schemeForm(ctx, s.id(), Form.of(values));
    }

    public void update(Context ctx) {
        long id = schemes.get(Params.pathId(ctx, "id")).id();
        try {
            schemes.update(id, schemeInput(ctx).validated(reference.places()));
            WebContext.flash(ctx, "Scheme saved");
            ctx.redirect("/schemes/" + id);
        } catch (ValidationException e) {
            ctx.status(422);
            schemeForm(ctx, id, Form.submitted(ctx, e));
        } catch (ConflictException e) {
            ctx.status(409);
            schemeForm(ctx, id, Form.conflict(ctx, "name", e));
        }
    }

    private static SchemeInput schemeInput(Context ctx) {
        return new SchemeInput(ctx.formParam("name"), ctx.formParam("description"), ctx.formParam("cadence"),
                ctx.formParam("meetingMode"), ctx.formParam("place"), ctx.formParam("firstStep"), ctx.formParam("nextRoundAt"),
                ctx.formParam("status"));
    }

    private void schemeForm(Context ctx, Long id, Form form) {
        Map<String, Object> model = new HashMap<>();
        model.put("schemeId", id);
        model.put("form", form);
        model.put("cadences", CADENCES);
        model.put("modes", MODES);
        model.put("places", reference.places().stream().map(p -> new Option(p.name(), p.name())).toList());
        templates.page(ctx, "schemes/edit.jte", model);
    }

    public void members(Context ctx) {
        Scheme scheme = schemes.get(Params.pathId(ctx, "id"));
        templates.page(ctx, "schemes/members.jte", Map.of("scheme", scheme, "members", schemes.members(scheme.id())));
    }

    // Joining and a member's own choices

    public void joinForm(Context ctx) {
        Scheme scheme = visible(ctx, Params.pathId(ctx, "id"));
        Person p = people.get(WebContext.ownPersonId(ctx));
        Map<String, String> values = new HashMap<>();
        values.put("organisationId", p.organisationId() == null ? "" : String.valueOf(p.organisationId()));
        values.put("sector", p.sectorCode());
        values.put("place", p.placeName() == null ? "" : p.placeName());
        values.put("offers", p.offers());
        values.put("asks", p.asks());
        List<String> topics = reference.topics();
        values.put("otherInterests", String.join(", ", p.interests().stream().filter(i -> !topics.contains(i)).toList()));
        Optional<Member> member = schemes.membership(scheme.id(), p.id());
        values.put("meetingMode", member.map(m -> m.meetingMode().code()).orElse(scheme.meetingMode().code()));
        joinPage(ctx, scheme, new Form(values, Map.of("interests", p.interests()), Map.of()));
    }

    public void join(Context ctx) {
        Scheme scheme = visible(ctx, Params.pathId(ctx, "id"));
        long personId = WebContext.ownPersonId(ctx);
        List<String> interests = new ArrayList<>(ctx.formParams("interests"));
        String other = ctx.formParam("otherInterests");
        if (other != null && !other.isBlank()) {
            interests.add(other);
        }
        Long organisationId = Params.formLong(ctx, "organisationId");
        MembershipInput input = new MembershipInput(ctx.formParam("meetingMode"), organisationId == null ? 0L : organisationId,
                ctx.formParam("sector"), ctx.formParam("place"), interests, ctx.formParam("offers"), ctx.formParam("asks"));
        try {
            MeetingMode mode = input.mode(scheme.meetingMode());
            PersonInput profile = input.profile(people.get(personId)).validated(reference, organisations, reference.topics());
            schemes.join(scheme.id(), personId, mode, profile);
            WebContext.flash(ctx, "You are in " + scheme.name() + ". You will get an email when you are matched.");
            ctx.redirect("/schemes/" + scheme.id());
        } catch (ValidationException e) {
            ctx.status(422);
            joinPage(ctx, scheme, Form.submitted(ctx, e));
        } catch (ConflictException e) {
            ctx.status(409);
            joinPage(ctx, scheme, Form.conflict(ctx, "meetingMode", e));
        }
    }

    private void joinPage(Context ctx, Scheme scheme, Form form) {
        Map<String, Object> model = new HashMap<>();
        model.put("scheme", scheme);
        model.put("form", form);
        model.put("modes", MODES.stream().filter(o -> scheme.meetingMode() == MeetingMode.EITHER
                || o.value().equals(scheme.meetingMode().code()) || o.value().equals(MeetingMode.EITHER.code())).toList());
        model.put("sectors", AccountPages.sectorOptions(reference));
        model.put("organisations", organisations.choices().stream().map(o -> new Option(String.valueOf(o.id()), o.name())).toList());
        model.put("topics", reference.topics());
        templates.page(ctx, "schemes/join.jte", model);
    }

    /** Skip the next round, take part again, pause, resume or leave. */
    public void membership(Context ctx) {
        Scheme scheme = visible(ctx, Params.pathId(ctx, "id"));
        long personId = WebContext.ownPersonId(ctx);
        String action = ctx.formParam("action");
        String message = switch (action == null ? "" : action) {
            case "skip" -> {
                schemes.skipNext(scheme.id(), personId, true);
                yield "You will not be matched in the next round";
            }
            case "unskip" -> {
                schemes.skipNext(scheme.id(), personId, false);
                yield "You will be matched in the next round";
            }
            case "pause" -> {
                schemes.setStatus(scheme.id(), personId, Member.PAUSED);
                yield "Paused: you will not be matched until you resume";
            }
            case "resume" -> {
                schemes.setStatus(scheme.id(), personId, Member.ACTIVE);
                yield "Welcome back: you will be matched in the next round";
            }
            case "leave" -> {
                schemes.setStatus(scheme.id(), personId, Member.LEFT);
                yield "You have left " + scheme.name();
            }
            default -> throw new BadRequestException("Unknown action '" + org.convene.web.Text.clip(action, 20)
                    + "': use skip, unskip, pause, resume or leave");
        };
        WebContext.flash(ctx, message);
        ctx.redirect("/schemes/" + scheme.id());
    }

    // Rounds

    public void runRound(Context ctx) {
        long id = schemes.get(Params.pathId(ctx, "id")).id();
        RoundSummary round = rounds.runNow(id);
        WebContext.flash(ctx, "Round " + round.number() + " matched " + round.pairs() + " pairs and " + round.trios() + " trios; "
                + round.unplaced() + " left out");
        ctx.redirect("/rounds/" + round.id());
    }

    public void round(Context ctx) {
        RoundSummary round = rounds.round(Params.pathId(ctx, "id"));
        Map<String, Object> model = new HashMap<>();
        model.put("scheme", schemes.get(round.schemeId()));
        model.put("round", round);
        model.put("groups", rounds.groups(round.id()));
        model.put("unplaced", rounds.unplaced(round.id()));
        templates.page(ctx, "schemes/round.jte", model);
    }

    // Matches

    public void matches(Context ctx) {
        long personId = WebContext.ownPersonId(ctx);
        Map<String, Object> model = new HashMap<>();
        model.put("matches", rounds.matchesOf(personId));
        model.put("blocked", schemes.blocked(personId));
        model.put("personId", personId);
        templates.page(ctx, "schemes/matches.jte", model);
    }

    public void match(Context ctx) {
        MatchGroup group = rounds.visibleTo(Params.pathId(ctx, "id"), WebContext.viewer(ctx));
        matchPage(ctx, group, outcomeForm(group, WebContext.viewer(ctx).personId()));
    }

    public void answer(Context ctx) {
        long personId = WebContext.ownPersonId(ctx);
        MatchGroup group = rounds.visibleTo(Params.pathId(ctx, "id"), WebContext.viewer(ctx));
        if (!group.includes(personId)) {
            throw new NotFoundException("No match " + group.id() + " of yours");
        }
        try {
            String met = ctx.formParam("met");
            String rating = ctx.formParam("rating");
            Integer stars = null;
            if (rating != null && !rating.isBlank()) {
                try {
                    stars = Integer.parseInt(rating.trim());
                } catch (NumberFormatException e) {
                    throw ValidationException.of(Map.of("rating", "Rating must be from 1 to 5"));
                }
            }
            OutcomeInput input = new OutcomeInput(met == null || met.isBlank() ? null : "yes".equals(met), stars, ctx.formParam("comment"))
                    .validated();
            rounds.answer(group.id(), personId, input, WebContext.viewer(ctx).accountId());
            WebContext.flash(ctx, "Thank you: your answer is saved");
            ctx.redirect("/matches/" + group.id());
        } catch (ValidationException e) {
            ctx.status(422);
            matchPage(ctx, group, Form.submitted(ctx, e));
        } catch (ConflictException e) {
            ctx.status(409);
            matchPage(ctx, group, Form.conflict(ctx, "met", e));
        }
    }

    public void block(Context ctx) {
        long personId = WebContext.ownPersonId(ctx);
        MatchGroup group = rounds.visibleTo(Params.pathId(ctx, "id"), WebContext.viewer(ctx));
        Long other = Params.formLong(ctx, "personId");
        if (!group.includes(personId)) {
            // The programme team sees every match, but only the people in it may block each other.
            throw new ForbiddenException("Only the people in a match can block someone from it");
        }
        if (other == null || other == personId || !group.includes(other)) {
            throw new BadRequestException("Choose someone from this match to block");
        }
        schemes.block(personId, other);
        WebContext.flash(ctx, group.member(other).name() + " will not be matched with you again");
        ctx.redirect("/matches");
    }

    public void unblock(Context ctx) {
        schemes.unblock(WebContext.ownPersonId(ctx), Params.pathId(ctx, "personId"));
        WebContext.flash(ctx, "Block removed");
        ctx.redirect("/matches");
    }

    private static Form outcomeForm(MatchGroup group, Long personId) {
        MatchGroup.Person me = personId == null ? null : group.member(personId);
        if (me == null || me.met() == null) {
            return Form.empty();
        }
        Map<String, String> values = new HashMap<>();
        values.put("met", me.met() ? "yes" : "no");
        values.put("rating", me.rating() == null ? "" : String.valueOf(me.rating()));
        values.put("comment", me.comment());
        return Form.of(values);
    }

    private void matchPage(Context ctx, MatchGroup group, Form form) {
        Map<String, Object> model = new HashMap<>();
        model.put("group", group);
        model.put("form", form);
        model.put("personId", WebContext.viewer(ctx).personId());
        templates.page(ctx, "schemes/match.jte", model);
    }

    private Scheme visible(Context ctx, long id) {
        return schemes.visibleTo(id, WebContext.viewer(ctx));
    }
}
