package org.convene.events;

import java.net.URI;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/** An event's time as people read it (in its own time zone), and as a calendar file. */
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

    /** The event as an iCalendar file (METHOD:PUBLISH, times in UTC), linking back to its page. */
    public static String calendar(Event e, String baseUrl) {
        VEvent event = new VEvent(e.startsAt(), e.endsAt(), e.title());
        String host = URI.create(baseUrl).getHost();
        event.add(new Uid("event-" + e.id() + "@" + (host == null ? "convene" : host)));
        String page = baseUrl + "/events/" + e.id();
        event.add(new Description((e.description().isEmpty() ? "" : e.description() + "\n\n") + page));
        String where = e.location().isEmpty() ? e.onlineUrl() : e.onlineUrl().isEmpty() ? e.location() : e.location() + " / " + e.onlineUrl();
        event.add(new Location(where));
        event.add(new Url(URI.create(page)));
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Convene//Events//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(event);
        return calendar.toString();
    }
}
