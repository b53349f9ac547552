package org.convene.events;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.convene.mail.Email;
import org.convene.mail.Outbox;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reminders before an event, sent by the background job: each confirmed registration (not the
 * waitlist, not a cancelled one) gets one email when the event's lead time before the start has
 * come, with when and where, the online link, the event's page and the calendar file.
 *
 * <p>Exactly once: due registrations are claimed with {@code FOR UPDATE SKIP LOCKED} and marked
 * reminded in the same transaction that queues their emails in the outbox, so two instances
 * running the job at once never take the same row, and a crash before the commit leaves the row
 * to be claimed again with nothing sent.
 *
 * <p>Who is not reminded: anyone whose place was confirmed within the lead time (registered, or
 * promoted from the waitlist, after the reminder time): they have just registered, and a promoted
 * person has just had the "a place for you" email. Nobody is reminded once the event has started
 * (for example after the job was down), and a registration is reminded at most once, even if the
 * host changes the lead time afterwards.
 */
public final class Reminders {
    private static final Logger log = LoggerFactory.getLogger(Reminders.class);
    private static final int BATCH = 500;

    private final Jdbi jdbi;
    private final String baseUrl;

    public Reminders(Jdbi jdbi, String baseUrl) {
        this.jdbi = jdbi;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    private record Due(long registration, long eventId, String name, String email, int guests) {
    }

    /** Queues every reminder that is due, a batch per transaction; returns how many emails were queued. */
    public int sendDue() {
        int queued = 0;
        while (true) {
            int[] batch = jdbi.inTransaction(h -> {
                List<Due> due = h.createQuery("WITH due AS (SELECT r.id FROM registrations r JOIN events e ON e.id = r.event_id "
                                + "WHERE r.status = 'confirmed' AND r.reminded_at IS NULL AND e.reminder_hours IS NOT NULL "
                                + "AND e.starts_at > now() AND e.starts_at <= now() + interval '168 hours' "
                                + "AND e.starts_at - make_interval(hours => e.reminder_hours) <= now() "
                                + "AND coalesce(r.promoted_at, r.registered_at) < e.starts_at - make_interval(hours => e.reminder_hours) "
                                + "ORDER BY e.starts_at, r.id LIMIT :batch FOR UPDATE OF r SKIP LOCKED) "
                                + "UPDATE registrations r SET reminded_at = now() FROM due, people p WHERE r.id = due.id AND p.id = r.person_id "
                                + "RETURNING r.id, r.event_id, p.full_name, p.email, r.guests")
                        .bind("batch", BATCH)
                        .map((rs, ctx) -> new Due(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5))).list();
                Map<Long, Event> events = new HashMap<>();
                int emailed = 0;
                for (Due d : due) {
                    if (d.email() == null || d.email().isBlank()) {
                        continue;
                    }
                    Event e = events.computeIfAbsent(d.eventId(), id -> Events.find(h, id).orElseThrow());
                    Outbox.enqueue(h, email(e, d));
                    emailed++;
                }
                return new int[] {due.size(), emailed};
            });
            queued += batch[1];
            if (batch[0] < BATCH) {
                if (queued > 0) {
                    log.info("Events: {} reminders queued", queued);
                }
                return queued;
            }
        }
    }

    private Email email(Event e, Due d) {
        String page = baseUrl + "/events/" + e.id();
        StringBuilder body = new StringBuilder("Hello ").append(d.name()).append(",\n\n")
                .append("A reminder that you are registered for ").append(e.title())
                .append(d.guests() > 0 ? " with " + d.guests() + (d.guests() == 1 ? " guest" : " guests") : "").append(".\n\n")
                .append("When: ").append(EventDates.when(e)).append('\n');
        if (!e.location().isEmpty()) {
            body.append("Where: ").append(e.location()).append('\n');
        }
        if (!e.onlineUrl().isEmpty()) {
            body.append("Online: ").append(e.onlineUrl()).append('\n');
        }
        body.append("\nThe event's page: ").append(page).append("\n\n")
                .append("If you can no longer come, please cancel there, so that someone on the waitlist can have your place.\n");
        return new Email(d.email(), "Reminder: " + e.title() + ", " + EventDates.day(e), body.toString(),
                new Email.Attachment("event.ics", "text/calendar; method=PUBLISH", EventDates.calendar(e, baseUrl)));
    }
}
