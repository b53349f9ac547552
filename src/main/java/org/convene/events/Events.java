package org.convene.events;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.convene.db.Rows;
import org.convene.errors.ConflictException;
import org.convene.errors.NotFoundException;
import org.convene.mail.Outbox;
import org.convene.notifications.Activities;
import org.convene.notifications.Activity;
import org.convene.transfer.SpreadsheetSafe;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Data access for events and registrations. Registering and cancelling lock the event's row, so
 * places are never given twice: a registration is confirmed when its places (one plus guests) fit,
 * otherwise waitlisted; when places free up the waitlist is promoted in order (anyone whose places
 * fit), and each promoted person is emailed through the outbox in the same transaction.
 */
public final class Events {
    private static final String SELECT = "SELECT e.*, c.name AS community_name, h.full_name AS host_name, "
            + "coalesce((SELECT sum(1 + r.guests) FROM registrations r WHERE r.event_id = e.id AND r.status = 'confirmed'), 0) AS taken, "
            + "(SELECT count(*) FROM registrations r WHERE r.event_id = e.id AND r.status = 'waitlisted') AS waiting "
            + "FROM events e LEFT JOIN communities c ON c.id = e.community_id LEFT JOIN people h ON h.id = e.host_id ";
    /** Events anyone signed in may see: system-wide ones, open communities' ones, and those of the person's own communities. */
    static final String VISIBLE = "(e.community_id IS NULL OR c.joining = 'open' OR EXISTS (SELECT 1 FROM community_members m "
            + "WHERE m.community_id = e.community_id AND m.person_id = :viewer AND m.status = 'active'))";

    private final Jdbi jdbi;
    private final String baseUrl;

    public Events(Jdbi jdbi, String baseUrl) {
        this.jdbi = jdbi;
        this.baseUrl = baseUrl;
    }

    /** Events not yet over that the person may see (all of them for an administrator), the soonest first. */
    public List<Event> upcoming(Long viewer, boolean everything) {
        // The 200 events are chosen first, then only they are joined to hosts and counted: a
        // region plans about a thousand events ahead, and counting every one cost 190 ms.
        String chosen = "SELECT e.id FROM events e LEFT JOIN communities c ON c.id = e.community_id WHERE e.ends_at > now()"
                + (everything ? "" : " AND " + VISIBLE) + " ORDER BY e.starts_at, e.id LIMIT 200";
        return jdbi.withHandle(h -> {
            var q = h.createQuery(SELECT + "WHERE e.id IN (" + chosen + ") ORDER BY e.starts_at, e.id");
            if (!everything) {
                q.bind("viewer", viewer == null ? -1L : viewer);
            }
            return q.map((rs, ctx) -> event(rs)).list();
        });
    }

    public List<Event> ofCommunity(long community) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE e.community_id = :c AND e.ends_at > now() ORDER BY e.starts_at, e.id")
                .bind("c", community).map((rs, ctx) -> event(rs)).list());
    }

    public Optional<Event> find(long id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    static Optional<Event> find(Handle h, long id) {
        return h.createQuery(SELECT + "WHERE e.id = :id").bind("id", id).map((rs, ctx) -> event(rs)).findOne();
    }

    public Event get(long id) {
        return find(id).orElseThrow(() -> missing(id));
    }

    public Event create(Long community, long host, EventInput.Valid input, Long by) {
        long id = jdbi.inTransaction(h -> {
            long created = h.createUpdate("INSERT INTO events (community_id, title, kind, description, starts_at, ends_at, "
                        + "time_zone, location, online_url, capacity, max_guests, question, host_id, created_by, reminder_hours) VALUES (:c, "
                        + ":title, :kind, :description, :starts, :ends, :zone, :location, :url, :capacity, :guests, :question, :host, :by, :remind)")
                .bind("c", community).bind("title", input.title()).bind("kind", input.kind()).bind("description", input.description())
                .bind("starts", input.startsAt().toOffsetDateTime()).bind("ends", input.endsAt().toOffsetDateTime())
                .bind("zone", input.timeZone()).bind("location", input.location()).bind("url", input.onlineUrl())
                .bind("capacity", input.capacity()).bind("guests", input.maxGuests()).bind("question", input.question())
                .bind("host", host).bind("by", by).bind("remind", input.reminderHours())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            Activities.record(h, Activity.event(community, created, host, input.title(), input.description()));
            return created;
        });
        return get(id);
    }

    /**
     * Changes how long before the start confirmed registrants are reminded (null: no reminder).
     * Registrations already reminded are not reminded again.
     */
    public Event setReminder(long eventId, Integer hours) {
        int changed = jdbi.withHandle(h -> h.createUpdate("UPDATE events SET reminder_hours = :hours WHERE id = :e")
                .bind("hours", hours).bind("e", eventId).execute());
        if (changed == 0) {
            throw missing(eventId);
        }
        return get(eventId);
    }

    /** Registers (or registers again after cancelling): confirmed if the places fit, else on the waitlist. */
    public Registration register(long eventId, long person, RegistrationInput.Valid input) {
        return jdbi.inTransaction(h -> {
            Event e = lock(h, eventId);
            if (e.over()) {
                throw new ConflictException("This event is over, so it no longer takes registrations");
            }
            Optional<Registration> existing = registration(h, eventId, person);
            if (existing.isPresent() && !Registration.CANCELLED.equals(existing.get().status())) {
                throw new ConflictException("You are already registered for this event (" + existing.get().status() + ")");
            }
            boolean fits = e.capacity() == null || (e.waiting() == 0 && e.taken() + 1 + input.guests() <= e.capacity());
            String status = fits ? Registration.CONFIRMED : Registration.WAITLISTED;
            h.createUpdate("INSERT INTO registrations (event_id, person_id, guests, answer, status) VALUES (:e, :p, :g, :a, :s) "
                            + "ON CONFLICT (event_id, person_id) DO UPDATE SET guests = EXCLUDED.guests, answer = EXCLUDED.answer, "
                            + "status = EXCLUDED.status, registered_at = now(), promoted_at = NULL, checked_in_at = NULL")
                    .bind("e", eventId).bind("p", person).bind("g", input.guests()).bind("a", input.answer()).bind("s", status).execute();
            return registration(h, eventId, person).orElseThrow();
        });
    }

    /** Cancels a registration and promotes whoever now fits from the waitlist; returns those promoted. */
    public List<Registration> cancel(long eventId, long person) {
        return jdbi.inTransaction(h -> {
            lock(h, eventId);
            int changed = h.createUpdate("UPDATE registrations SET status = 'cancelled' WHERE event_id = :e AND person_id = :p "
                    + "AND status <> 'cancelled'").bind("e", eventId).bind("p", person).execute();
            if (changed == 0) {
                throw new NotFoundException("You have no registration for event " + eventId);
            }
            return promote(h, eventId);
        });
    }

    private List<Registration> promote(Handle h, long eventId) {
        Event e = find(h, eventId).orElseThrow();
        List<Registration> promoted = new ArrayList<>();
        if (e.capacity() == null) {
            return promoted;
        }
        int free = e.capacity() - e.taken();
        for (Registration r : h.createQuery(REGISTRATIONS + "WHERE r.event_id = :e AND r.status = 'waitlisted' ORDER BY r.registered_at, r.id")
                .bind("e", eventId).map((rs, ctx) -> registration(rs)).list()) {
            if (1 + r.guests() > free) {
                continue;
            }
            h.createUpdate("UPDATE registrations SET status = 'confirmed', promoted_at = now() WHERE event_id = :e AND person_id = :p")
                    .bind("e", eventId).bind("p", r.personId()).execute();
            free -= 1 + r.guests();
            promoted.add(r);
            if (r.email() != null) {
                Outbox.enqueue(h, r.email(), "A place for you: " + e.title(), "Hello " + r.name() + ",\n\nA place has come up at "
                        + e.title() + " on " + EventDates.when(e) + ", and it is yours: you were on the waitlist and are now registered"
                        + (r.guests() > 0 ? " with " + r.guests() + (r.guests() == 1 ? " guest" : " guests") : "") + ".\n\n"
                        + "If you can no longer come, cancel so the next person can have it: " + baseUrl + "/events/" + eventId + "\n");
            }
        }
        return promoted;
    }

    /** An event in someone's calendar: their registration's status (or null) and whether they host or co-host it. */
    public record Attending(Event event, String status, boolean hosts, boolean cohosts) {
    }

    /**
     * The events in a person's calendar: those they are registered for (confirmed or waitlisted;
     * cancelled ones drop out), host or co-host, that ended at most {@code pastDays} days ago and
     * that they may still see (a request-to-join community's, while they are a member), the soonest
     * first (at most 1,000).
     */
    public List<Attending> calendarOf(long person, int pastDays) {
        return jdbi.withHandle(h -> {
            List<Event> list = h.createQuery(SELECT + "WHERE e.ends_at > now() - make_interval(days => :days) AND (e.host_id = :p "
                            + "OR EXISTS (SELECT 1 FROM registrations r WHERE r.event_id = e.id AND r.person_id = :p AND r.status <> 'cancelled') "
                            + "OR EXISTS (SELECT 1 FROM event_cohosts k WHERE k.event_id = e.id AND k.person_id = :p)) AND " + VISIBLE
                            + " ORDER BY e.starts_at, e.id LIMIT 1000")
                    .bind("p", person).bind("viewer", person).bind("days", pastDays).map((rs, ctx) -> event(rs)).list();
            if (list.isEmpty()) {
                return List.of();
            }
            Long[] ids = list.stream().map(Event::id).toArray(Long[]::new);
            java.util.Map<Long, String> status = new java.util.HashMap<>();
            h.createQuery("SELECT event_id, status FROM registrations WHERE person_id = :p AND status <> 'cancelled' AND event_id = ANY(:ids)")
                    .bind("p", person).bind("ids", ids).map((rs, ctx) -> java.util.Map.entry(rs.getLong(1), rs.getString(2)))
                    .forEach(en -> status.put(en.getKey(), en.getValue()));
            java.util.Set<Long> cohosted = new java.util.HashSet<>(h.createQuery("SELECT event_id FROM event_cohosts WHERE person_id = :p "
                    + "AND event_id = ANY(:ids)").bind("p", person).bind("ids", ids).mapTo(Long.class).list());
            return list.stream().map(e -> new Attending(e, status.get(e.id()), Long.valueOf(person).equals(e.hostId()),
                    cohosted.contains(e.id()))).toList();
        });
    }

    private static final String REGISTRATIONS = "SELECT r.*, p.full_name, p.email FROM registrations r JOIN people p ON p.id = r.person_id ";

    public List<Registration> registrations(long eventId) {
        return jdbi.withHandle(h -> h.createQuery(REGISTRATIONS + "WHERE r.event_id = :e ORDER BY r.status, r.registered_at, r.id")
                .bind("e", eventId).map((rs, ctx) -> registration(rs)).list());
    }

    public Optional<Registration> registration(long eventId, Long person) {
        return person == null ? Optional.empty() : jdbi.withHandle(h -> registration(h, eventId, person));
    }

    private static Optional<Registration> registration(Handle h, long eventId, long person) {
        return h.createQuery(REGISTRATIONS + "WHERE r.event_id = :e AND r.person_id = :p").bind("e", eventId).bind("p", person)
                .map((rs, ctx) -> registration(rs)).findOne();
    }

    /** The event's co-hosts, by name. */
    public List<String> cohostNames(long eventId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT p.full_name FROM event_cohosts c JOIN people p ON p.id = c.person_id "
                + "WHERE c.event_id = :e ORDER BY c.added_at, p.id").bind("e", eventId).mapTo(String.class).list());
    }

    public boolean cohosts(long eventId, Long person) {
        return person != null && jdbi.withHandle(h -> h.createQuery("SELECT EXISTS (SELECT 1 FROM event_cohosts WHERE event_id = :e "
                + "AND person_id = :p)").bind("e", eventId).bind("p", person).mapTo(Boolean.class).one());
    }

    /**
     * Adds a co-host. Co-organising is a tie: the co-host collaborates with the host and with every
     * earlier co-host (source "event", one per event), recorded in the same transaction.
     */
    public List<String> addCohost(Event event, long person, Long by) {
        jdbi.useTransaction(h -> {
            if (!h.createQuery("SELECT EXISTS (SELECT 1 FROM people WHERE id = :p)").bind("p", person).mapTo(Boolean.class).one()) {
                throw new org.convene.errors.ValidationException("Unknown person", java.util.Map.of("person", "No person with id " + person));
            }
            if (event.hostId() != null && event.hostId() == person) {
                throw new ConflictException("They already host this event");
            }
            List<Long> organisers = new ArrayList<>(h.createQuery("SELECT person_id FROM event_cohosts WHERE event_id = :e")
                    .bind("e", event.id()).mapTo(Long.class).list());
            if (organisers.contains(person)) {
                throw new ConflictException("They already co-host this event");
            }
            if (event.hostId() != null) {
                organisers.add(event.hostId());
            }
            h.createUpdate("INSERT INTO event_cohosts (event_id, person_id) VALUES (:e, :p)").bind("e", event.id()).bind("p", person).execute();
            org.convene.ties.Ties.collaborated(h, person, organisers, "event", "event:" + event.id(), "Organised " + event.title() + " together", by);
        });
        return cohostNames(event.id());
    }

    /** Marks a confirmed registration as arrived (or not). */
    public Registration checkIn(long eventId, long person, boolean arrived) {
        int changed = jdbi.withHandle(h -> h.createUpdate("UPDATE registrations SET checked_in_at = CASE WHEN :in THEN now() END "
                + "WHERE event_id = :e AND person_id = :p AND status = 'confirmed'").bind("in", arrived).bind("e", eventId).bind("p", person)
                .execute());
        if (changed == 0) {
            throw new NotFoundException("Person " + person + " has no confirmed place at event " + eventId);
        }
        return registration(eventId, person).orElseThrow();
    }

    /** The registrations as CSV (one row each; cells that a spreadsheet would run as formulas are neutralised). */
    /**
     * The registrations as CSV for a host or convenor. An email address is included only where its
     * owner shows it to this viewer (or the viewer runs the directory); names are always there.
     */
    public String csv(long eventId, org.convene.accounts.Viewer viewer) {
        java.util.Set<Long> emailShown = viewer.managesDirectory() ? null : new java.util.HashSet<>(jdbi.withHandle(h -> h.createQuery(
                        "SELECT r.person_id FROM registrations r JOIN people p ON p.id = r.person_id "
                                + "WHERE r.event_id = :e AND visible_to(p.email_visibility, p.id, CAST(:me AS bigint))")
                .bind("e", eventId)
                .bind("me", viewer.personId())
                .mapTo(Long.class).list()));
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader("name", "email", "status", "guests", "answer", "registered_at", "checked_in_at").get())) {
            for (Registration r : registrations(eventId)) {
                boolean shown = r.email() != null && (emailShown == null || emailShown.contains(r.personId()));
                csv.printRecord(SpreadsheetSafe.neutralise(r.name()), shown ? SpreadsheetSafe.neutralise(r.email()) : "", r.status(),
                        r.guests(), SpreadsheetSafe.neutralise(r.answer()), DateTimeFormatter.ISO_INSTANT.format(r.registeredAt()),
                        r.checkedInAt() == null ? "" : DateTimeFormatter.ISO_INSTANT.format(r.checkedInAt()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static Event lock(Handle h, long eventId) {
        h.createQuery("SELECT id FROM events WHERE id = :e FOR UPDATE").bind("e", eventId).mapTo(Long.class).findOne()
                .orElseThrow(() -> missing(eventId));
        return find(h, eventId).orElseThrow();
    }

    private static Event event(ResultSet rs) throws SQLException {
        Integer capacity = rs.getObject("capacity") == null ? null : rs.getInt("capacity");
        return new Event(rs.getLong("id"), Rows.nullableLong(rs, "community_id"), rs.getString("community_name"), rs.getString("title"),
                rs.getString("kind"), rs.getString("description"), Rows.instant(rs, "starts_at"), Rows.instant(rs, "ends_at"),
                rs.getString("time_zone"), rs.getString("location"), rs.getString("online_url"), capacity, rs.getInt("max_guests"),
                rs.getString("question"), Rows.nullableLong(rs, "host_id"), rs.getString("host_name"), rs.getInt("taken"), rs.getInt("waiting"),
                rs.getObject("reminder_hours") == null ? null : rs.getInt("reminder_hours"));
    }

    private static Registration registration(ResultSet rs) throws SQLException {
        return new Registration(rs.getLong("event_id"), rs.getLong("person_id"), rs.getString("full_name"), rs.getString("email"),
                rs.getInt("guests"), rs.getString("answer"), rs.getString("status"), Rows.instant(rs, "registered_at"),
                Rows.instant(rs, "promoted_at"), Rows.instant(rs, "checked_in_at"));
    }

    static NotFoundException missing(long id) {
        return new NotFoundException("No event with id " + id);
    }
}
