package org.convene.events;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.convene.accounts.Viewer;
import org.convene.communities.Communities;
import org.convene.errors.ValidationException;
import org.convene.web.Json;
import org.convene.web.Params;
import org.convene.web.WebContext;

/**
 * /api/v1/events: events with capacity, guests and a waitlist; registering, cancelling, check-in;
 * the reminder's lead time and the follow-up survey (for the people who run the event); and
 * /api/v1/my/calendar, the viewer's personal calendar feed.
 */
public final class EventsApi {
    /** An event as one viewer sees it: their registration (or null) and whether they run it. */
    public record Detail(Event event, String when, List<String> cohosts, Registration registration, boolean runs) {
    }

    public record Cancelled(int promoted) {
    }

    public record CheckIn(Boolean arrived) {
    }

    /** Whom to invite: a community's active members, or a cohort's participants (one of the two). */
    public record InviteInput(Long community, Long cohort) {
    }

    /** PUT /events/{id}/reminder: hours before the start (1 to 168), or 0 for no reminder. */
    public record ReminderInput(Integer hours) {
    }

    /** POST /events/{id}/survey: the follow-up's title (default "How was ...?") and whether it is anonymous (default true). */
    public record FollowUpInput(String title, Boolean anonymous) {
    }

    private final Events events;
    private final Invitations invitations;
    private final EventAccess access;
    private final EventSurveys surveys;
    private final CalendarFeeds feeds;

    public EventsApi(Events events, Invitations invitations, Communities communities, EventSurveys surveys, CalendarFeeds feeds) {
        this.events = events;
        this.invitations = invitations;
        this.access = new EventAccess(events, communities);
        this.surveys = surveys;
        this.feeds = feeds;
    }

    public void reminder(Context ctx) {
        Event e = access.run(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        ReminderInput input = Json.read(ctx, ReminderInput.class);
        if (input.hours() == null) {
            throw new ValidationException("How long before", Map.of("hours", "Give the hours before the event (1 to 168), or 0 for no reminder"));
        }
        ctx.json(setReminder(e, input.hours()));
    }

    Event setReminder(Event e, int hours) {
        org.convene.errors.Errors errors = new org.convene.errors.Errors();
        Integer stored = EventInput.reminder(hours, errors);
        errors.throwIfAny();
        return events.setReminder(e.id(), stored);
    }

    public void followUp(Context ctx) {
        Event e = access.run(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        ctx.json(surveys.detail(surveys.of(e.id())
                .orElseThrow(() -> new org.convene.errors.NotFoundException("Event " + e.id() + " has no follow-up survey"))));
    }

    public void addFollowUp(Context ctx) {
        FollowUpInput input = Json.read(ctx, FollowUpInput.class);
        ctx.status(201).json(surveys.detail(surveys.attach(WebContext.viewer(ctx), Params.pathId(ctx, "id"), input.title(),
                input.anonymous())));
    }

    public void myCalendar(Context ctx) {
        ctx.json(feeds.of(WebContext.ownPersonId(ctx)));
    }

    public void resetCalendar(Context ctx) {
        ctx.json(feeds.reset(WebContext.ownPersonId(ctx)));
    }

    /** A co-host to add, by person id. */
    public record CohostInput(Long person) {
    }

    public void addCohost(Context ctx) {
        Event e = access.run(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        CohostInput input = Json.read(ctx, CohostInput.class);
        if (input.person() == null) {
            throw new ValidationException("Who co-hosts", Map.of("person", "Choose the person who organises the event with you"));
        }
        ctx.status(201).json(events.addCohost(e, input.person(), WebContext.viewer(ctx).accountId()));
    }

    public void invite(Context ctx) {
        InviteInput input = Json.read(ctx, InviteInput.class);
        ctx.json(invite(WebContext.viewer(ctx), Params.pathId(ctx, "id"), input.community(), input.cohort()));
    }

    Invitations.Sent invite(Viewer viewer, long id, Long community, Long cohort) {
        Event e = access.invite(viewer, id, community, cohort);
        return community != null ? invitations.inviteCommunity(e, community, viewer.accountId())
                : invitations.inviteCohort(e, cohort, viewer.accountId());
    }

    public void list(Context ctx) {
        Viewer viewer = WebContext.viewer(ctx);
        ctx.json(events.upcoming(viewer.personId(), viewer.isAdmin()));
    }

    public void createSystemWide(Context ctx) {
        ctx.status(201).json(create(WebContext.viewer(ctx), null, WebContext.ownPersonId(ctx), Json.read(ctx, EventInput.class)));
    }

    public void createInCommunity(Context ctx) {
        long community = Params.pathId(ctx, "id");
        ctx.status(201).json(create(WebContext.viewer(ctx), community, WebContext.ownPersonId(ctx), Json.read(ctx, EventInput.class)));
    }

    Event create(Viewer viewer, Long community, long host, EventInput input) {
        access.mayCreate(viewer, community);
        return events.create(community, host, input.validated(), viewer.accountId());
    }

    public void get(Context ctx) {
        ctx.json(detail(WebContext.viewer(ctx), access.visible(WebContext.viewer(ctx), Params.pathId(ctx, "id"))));
    }

    Detail detail(Viewer viewer, Event e) {
        return new Detail(e, EventDates.when(e), events.cohostNames(e.id()), events.registration(e.id(), viewer.personId()).orElse(null),
                access.runs(viewer, e));
    }

    public void register(Context ctx) {
        Event e = access.visible(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        RegistrationInput.Valid input = Json.read(ctx, RegistrationInput.class).validated(e);
        ctx.status(201).json(events.register(e.id(), WebContext.ownPersonId(ctx), input));
    }

    public void cancel(Context ctx) {
        Event e = access.visible(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        ctx.json(new Cancelled(events.cancel(e.id(), WebContext.ownPersonId(ctx)).size()));
    }

    public void registrations(Context ctx) {
        Event e = access.run(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        ctx.json(events.registrations(e.id()));
    }

    public void checkIn(Context ctx) {
        Event e = access.run(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        CheckIn input = Json.read(ctx, CheckIn.class);
        if (input.arrived() == null) {
            throw new ValidationException("Say whether they arrived", Map.of("arrived", "Set arrived to true or false"));
        }
        ctx.json(events.checkIn(e.id(), Params.pathId(ctx, "personId"), input.arrived()));
    }

    List<Event> upcoming(Viewer viewer) {
        return events.upcoming(viewer.personId(), viewer.isAdmin());
    }
}
