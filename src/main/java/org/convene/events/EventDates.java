package org.convene.events;

import java.net.URI;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/** An event's time as people read it (in its own time zone), and as a calendar file or feed. */
public final class EventDates {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    private EventDates() {
    }

    /** "Tuesday 3 March 2027, 18:30 to 20:00 (Europe/London)". */
    public static String when(Event e) {
        ZoneId zone = ZoneId.of(e.timeZone());
        var start = e.startsAt().atZone(zone);
        var end = e.endsAt().atZone(zone);
        String endText = end.toLocalDate().equals(start.toLocalDate()) ? TIME.format(end) : DAY.format(end) + ", " + TIME.format(end);
        return DAY.format(start) + ", " + TIME.format(start) + " to " + endText + " (" + zone.getId() + ")";
    }

    /** "Tuesday 3 March 2027, 18:30": the start in the event's time zone. */
    public static String day(Event e) {
        var start = e.startsAt().atZone(ZoneId.of(e.timeZone()));
        return DAY.format(start) + ", " + TIME.format(start);
    }

    /** The event as an iCalendar file (METHOD:PUBLISH, times in UTC), linking back to its page. */
    public static String calendar(Event e, String baseUrl) {
        Calendar calendar = published();
        calendar.add(vevent(e, baseUrl, e.title(), null, ""));
        return calendar.toString();
    }

    /**
     * A personal calendar feed: one VEVENT per entry, with the same UID as the event's own calendar
     * file (so a calendar app that has both keeps one), the waitlist marked in the title and as
     * TENTATIVE, and what the person's part is (registered, on the waitlist, host) in the
     * description. Apps are asked to refresh it hourly.
     */
    public static String feed(List<Events.Attending> entries, String baseUrl, String name) {
        Calendar calendar = published();
        calendar.add(new XProperty("X-WR-CALNAME", name));
        calendar.add(new XProperty("X-PUBLISHED-TTL", "PT1H"));
        for (Events.Attending a : entries) {
            boolean waitlisted = Registration.WAITLISTED.equals(a.status());
            StringBuilder note = new StringBuilder();
            if (a.hosts()) {
                note.append("You host this event. ");
            } else if (a.cohosts()) {
                note.append("You co-host this event. ");
            }
            if (Registration.CONFIRMED.equals(a.status())) {
                note.append("You are registered.");
            } else if (waitlisted) {
                note.append("You are on the waitlist: you will be emailed if a place comes up.");
            }
            calendar.add(vevent(a.event(), baseUrl, (waitlisted ? "Waitlist: " : "") + a.event().title(),
                    waitlisted ? ImmutableStatus.VEVENT_TENTATIVE : ImmutableStatus.VEVENT_CONFIRMED, note.toString().trim()));
        }
        return calendar.toString();
    }

    private static Calendar published() {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Convene//Events//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        return calendar;
    }

    private static VEvent vevent(Event e, String baseUrl, String summary, net.fortuna.ical4j.model.property.Status status, String note) {
        VEvent event = new VEvent(e.startsAt(), e.endsAt(), summary);
        String host = URI.create(baseUrl).getHost();
        event.add(new Uid("event-" + e.id() + "@" + (host == null ? "convene" : host)));
        String page = baseUrl + "/events/" + e.id();
        StringBuilder description = new StringBuilder();
        if (!note.isEmpty()) {
            description.append(note).append("\n\n");
        }
        if (!e.description().isEmpty()) {
            description.append(e.description()).append("\n\n");
        }
        event.add(new Description(description.append(page).toString()));
        String where = e.location().isEmpty() ? e.onlineUrl() : e.onlineUrl().isEmpty() ? e.location() : e.location() + " / " + e.onlineUrl();
        event.add(new Location(where));
        event.add(new Url(URI.create(page)));
        if (status != null) {
            event.add(status);
        }
        return event;
    }
}
