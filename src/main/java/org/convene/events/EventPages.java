package org.convene.events;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.convene.accounts.Viewer;
import org.convene.communities.Communities;
import org.convene.errors.ConflictException;
import org.convene.errors.ValidationException;
import org.convene.web.Form;
import org.convene.web.Option;
import org.convene.web.Params;
import org.convene.web.Templates;
import org.convene.web.WebContext;

/**
 * Pages for events: upcoming events with their places ("19/50"), creating one (in a community or
 * system-wide), an event with registering, the waitlist and cancelling, and for its host the
 * registrations with check-in, the CSV export, the calendar file, the reminder's lead time and the
 * follow-up survey; and the viewer's personal calendar feed (its page, and the feed itself).
 */
public final class EventPages {
    private final Templates templates;
    private final Events events;
    private final EventsApi api;
    private final Communities communities;
    private final EventAccess access;
    private final String baseUrl;
    private final java.util.function.Supplier<List<Option>> cohorts;
    private final org.convene.people.People people;
    private final EventSurveys surveys;
    private final CalendarFeeds feeds;

    /** @param cohorts the cohorts the programme team may invite (value: id, label: programme and cohort) */
    private final org.convene.audit.AuditLog audit;

    public EventPages(Templates templates, Events events, EventsApi api, Communities communities, String baseUrl,
                      java.util.function.Supplier<List<Option>> cohorts, org.convene.people.People people, EventSurveys surveys,
                      CalendarFeeds feeds, org.convene.audit.AuditLog audit) {
        this.templates = templates;
        this.audit = audit;
        this.events = events;
        this.api = api;
        this.communities = communities;
        this.access = new EventAccess(events, communities);
        this.baseUrl = baseUrl;
        this.cohorts = cohorts;
        this.people = people;
        this.surveys = surveys;
        this.feeds = feeds;
    }

    /** The lead times the forms offer, as options (value: hours, 0 for none). */
    static List<Option> reminderChoices() {
        return EventInput.REMINDER_CHOICES.stream().map(h -> new Option(String.valueOf(h), h == 0 ? "No reminder"
                : EventInput.reminderLabel(h).replace(" before it starts", " before"))).toList();
    }

    /** Adds a co-host named by the email address in their directory entry. */
    public void addCohost(Context ctx) {
        Event e = access.run(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        String email = ctx.formParam("email");
        try {
            long person = people.idByEmail(email).orElseThrow(() -> new ValidationException("Unknown person", Map.of("email",
                    email == null || email.isBlank() ? "Enter the email address of the co-host" : "Nobody in the directory has the email address " + email.trim())));
            events.addCohost(e, person, WebContext.viewer(ctx).accountId());
            WebContext.flash(ctx, "Co-host added");
            ctx.redirect("/events/" + e.id());
        } catch (ValidationException ex) {
            ctx.status(422);
            showEvent(ctx, e, Form.empty(), Form.submitted(ctx, ex));
        } catch (ConflictException ex) {
            ctx.status(409);
            showEvent(ctx, e, Form.empty(), Form.conflict(ctx, "email", ex));
        }
    }

    public void list(Context ctx) {
        Long community = community(ctx);
        Map<String, Object> model = new HashMap<>();
        model.put("events", community == null ? api.upcoming(WebContext.viewer(ctx))
                : api.upcoming(WebContext.viewer(ctx)).stream().filter(e -> community.equals(e.communityId())).toList());
        model.put("community", community == null ? null : communities.get(community));
        templates.page(ctx, "events/list.jte", model);
    }

    public void newForm(Context ctx) {
        Long community = community(ctx);
        access.mayCreate(WebContext.viewer(ctx), community);
        form(ctx, community, Form.of(Map.of("kind", "workshop", "timeZone", "Europe/London", "maxGuests", "0",
                "reminderHours", String.valueOf(EventInput.DEFAULT_REMINDER_HOURS))));
    }

    public void create(Context ctx) {
        Long community = community(ctx);
        try {
            Event e = api.create(WebContext.viewer(ctx), community, WebContext.ownPersonId(ctx), input(ctx));
            WebContext.flash(ctx, "Event created");
            ctx.redirect("/events/" + e.id());
        } catch (ValidationException e) {
            ctx.status(422);
            form(ctx, community, Form.submitted(ctx, e));
        }
    }

    private static Long community(Context ctx) {
        String value = ctx.queryParam("community") != null ? ctx.queryParam("community") : ctx.formParam("community");
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new ValidationException("Unknown community", Map.of("community", "No community '" + value + "'"));
        }
    }

    private static EventInput input(Context ctx) {
        return new EventInput(ctx.formParam("title"), ctx.formParam("kind"), ctx.formParam("description"), ctx.formParam("date"),
                ctx.formParam("startTime"), ctx.formParam("endTime"), ctx.formParam("timeZone"), ctx.formParam("location"),
                ctx.formParam("onlineUrl"), number(ctx.formParam("capacity")), number(ctx.formParam("maxGuests")), ctx.formParam("question"),
                number(ctx.formParam("reminderHours")));
    }

    /** A whole number typed into a form; something else becomes -1, which validation refuses with its message. */
    private static Integer number(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void form(Context ctx, Long community, Form form) {
        Map<String, Object> model = new HashMap<>();
        model.put("community", community == null ? null : communities.get(community));
        model.put("form", form);
        model.put("kinds", List.of(new Option("workshop", "Workshop"), new Option("meeting", "Meeting"), new Option("social", "Social (a party)"),
                new Option("film_club", "Film club"), new Option("other", "Other")));
        model.put("reminders", reminderChoices());
        templates.page(ctx, "events/new.jte", model);
    }

    public void show(Context ctx) {
        showEvent(ctx, access.visible(WebContext.viewer(ctx), Params.pathId(ctx, "id")), Form.empty(), Form.empty());
    }

    private void showEvent(Context ctx, Event e, Form form, Form cohost) {
        showEvent(ctx, e, form, cohost, Form.of(Map.of("reminderHours", String.valueOf(e.reminderHours() == null ? 0 : e.reminderHours()))));
    }

    private void showEvent(Context ctx, Event e, Form form, Form cohost, Form reminder) {
        Viewer viewer = WebContext.viewer(ctx);
        EventsApi.Detail detail = api.detail(viewer, e);
        Map<String, Object> model = new HashMap<>();
        model.put("detail", detail);
        model.put("registrations", detail.runs() ? events.registrations(e.id()) : List.of());
        model.put("cohorts", detail.runs() && viewer.inProgrammeTeam() ? cohorts.get() : List.of());
        model.put("form", form);
        model.put("cohost", cohost);
        model.put("reminder", reminder);
        model.put("reminders", reminderChoices());
        model.put("survey", detail.runs() ? surveys.of(e.id()).orElse(null) : null);
        templates.page(ctx, "events/event.jte", model);
    }

    /** Changes the reminder's lead time (the people who run the event). */
    public void reminder(Context ctx) {
        Event e = access.run(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        try {
            Integer hours = number(ctx.formParam("reminderHours"));
            Event changed = api.setReminder(e, hours == null ? 0 : hours);
            WebContext.flash(ctx, changed.reminderHours() == null ? "No reminder will be sent"
                    : "Reminders will go " + changed.reminderText());
            ctx.redirect("/events/" + e.id() + "#reminder");
        } catch (ValidationException ex) {
            ctx.status(422);
            showEvent(ctx, e, Form.empty(), Form.empty(), Form.submitted(ctx, ex));
        }
    }

    /** Adds the follow-up survey from the template and opens its builder. */
    public void addFollowUp(Context ctx) {
        long id = Params.pathId(ctx, "id");
        try {
            org.convene.surveys.Survey survey = surveys.attach(WebContext.viewer(ctx), id, null, "true".equals(ctx.formParam("anonymous")));
            WebContext.flash(ctx, "Follow-up survey added: it opens when the event ends. You can change its questions until then.");
            ctx.redirect("/surveys/" + survey.id());
        } catch (ConflictException ex) {
            WebContext.flash(ctx, ex.getMessage());
            ctx.redirect("/events/" + id + "#follow-up");
        }
    }

    // The personal calendar feed

    /** The viewer's feed address, how to subscribe to it, and resetting it. */
    public void calendar(Context ctx) {
        Long person = WebContext.viewer(ctx).personId();
        Map<String, Object> model = new HashMap<>();
        model.put("feed", person == null ? null : feeds.of(person));
        model.put("pastDays", CalendarFeeds.PAST_DAYS);
        templates.page(ctx, "events/calendar.jte", model);
    }

    public void resetCalendar(Context ctx) {
        feeds.reset(WebContext.ownPersonId(ctx));
        WebContext.flash(ctx, "Your calendar address has changed: the old one no longer works. Subscribe to the new one below.");
        ctx.redirect("/events/calendar");
    }

    /**
     * The feed itself, for calendar apps, which cannot sign in: it answers only to a current token
     * and, to anything else, 404 with a plain message (nothing says whose it was or that it existed).
     */
    public void feed(Context ctx) {
        String token = ctx.pathParam("token");
        java.util.Optional<Long> person = feeds.owner(token);
        ctx.header("Referrer-Policy", "no-referrer");
        if (person.isEmpty()) {
            ctx.status(404).contentType("text/plain; charset=utf-8")
                    .result("This calendar address is not valid: it may have been reset. Get the current one from the Calendar feed page in Convene.\n");
            return;
        }
        ctx.header("Cache-Control", "private, no-store");
        ctx.header("Content-Disposition", "inline; filename=\"convene.ics\"");
        ctx.contentType("text/calendar; charset=utf-8").result(feeds.calendar(person.get()));
    }

    public void register(Context ctx) {
        Event e = access.visible(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        try {
            Registration r = events.register(e.id(), WebContext.ownPersonId(ctx),
                    new RegistrationInput(number(ctx.formParam("guests")), ctx.formParam("answer")).validated(e));
            WebContext.flash(ctx, Registration.CONFIRMED.equals(r.status()) ? "You are registered"
                    : "The event is full: you are on the waitlist, and we will email you if a place comes up");
            ctx.redirect("/events/" + e.id());
        } catch (ValidationException ex) {
            ctx.status(422);
            showEvent(ctx, e, Form.submitted(ctx, ex), Form.empty());
        } catch (ConflictException ex) {
            ctx.status(409);
            showEvent(ctx, e, Form.conflict(ctx, "guests", ex), Form.empty());
        }
    }

    public void invite(Context ctx) {
        Long community = community(ctx);
        Long cohort = null;
        String value = ctx.formParam("cohort");
        if (value != null && !value.isBlank()) {
            try {
                cohort = Long.valueOf(value.trim());
            } catch (NumberFormatException e) {
                cohort = -1L;
            }
        }
        Invitations.Sent sent = api.invite(WebContext.viewer(ctx), Params.pathId(ctx, "id"), community, cohort);
        WebContext.flash(ctx, sent.invited() + (sent.invited() == 1 ? " person invited" : " people invited")
                + (sent.skipped() > 0 ? "; " + sent.skipped() + " already invited, registered or without an email address" : ""));
        ctx.redirect("/events/" + Params.pathId(ctx, "id") + "#invite");
    }

    public void cancel(Context ctx) {
        Event e = access.visible(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        events.cancel(e.id(), WebContext.ownPersonId(ctx));
        WebContext.flash(ctx, "Your registration is cancelled");
        ctx.redirect("/events/" + e.id());
    }

    public void checkIn(Context ctx) {
        Event e = access.run(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        events.checkIn(e.id(), Params.pathId(ctx, "personId"), !"false".equals(ctx.formParam("arrived")));
        ctx.redirect("/events/" + e.id() + "#registrations");
    }

    public void csv(Context ctx) {
        Event e = access.run(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        audit.record(org.convene.audit.Actor.of(ctx), org.convene.audit.AuditAction.EXPORT, "event:" + e.id(),
                "Downloaded the event's registrations (names and answers)");
        ctx.header("Content-Disposition", "attachment; filename=\"event-" + e.id() + "-registrations.csv\"")
                .contentType("text/csv; charset=utf-8").result(events.csv(e.id(), WebContext.viewer(ctx)));
    }

    public void ics(Context ctx) {
        Event e = access.visible(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        ctx.header("Content-Disposition", "attachment; filename=\"event-" + e.id() + ".ics\"")
                .contentType("text/calendar; charset=utf-8").result(EventDates.calendar(e, baseUrl));
    }
}
