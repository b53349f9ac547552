package org.convene.events;

import java.util.List;
import java.util.Map;
import org.convene.errors.ValidationException;
import org.convene.mail.Email;
import org.convene.mail.Outbox;
import org.jdbi.v3.core.Jdbi;

/**
 * Inviting a whole community (its active members) or a cohort (everyone enrolled and not
 * withdrawn) to an event at once: one email each through the outbox, in the same transaction that
 * records the invitation, skipping anyone already invited, registered, or without an email address.
 */
public final class Invitations {
    /** What an invitation did: how many were emailed, and how many were skipped (already invited or registered, or no email). */
    public record Sent(int invited, int skipped) {
    }

    private final Jdbi jdbi;
    private final String baseUrl;

    public Invitations(Jdbi jdbi, String baseUrl) {
        this.jdbi = jdbi;
        this.baseUrl = baseUrl;
    }

    public Sent inviteCommunity(Event event, long community, Long by) {
        return invite(event, "SELECT m.person_id FROM community_members m WHERE m.community_id = :g AND m.status = 'active'", community, by);
    }

    public Sent inviteCohort(Event event, long cohort, Long by) {
        boolean exists = jdbi.withHandle(h -> h.createQuery("SELECT EXISTS (SELECT 1 FROM cohorts WHERE id = :c)").bind("c", cohort)
                .mapTo(Boolean.class).one());
        if (!exists) {
            throw new ValidationException("Unknown cohort", Map.of("cohort", "No cohort with id " + cohort));
        }
        return invite(event, "SELECT e.person_id FROM enrolments e WHERE e.cohort_id = :g AND e.status <> 'withdrawn'", cohort, by);
    }

    private Sent invite(Event event, String group, long groupId, Long by) {
        return jdbi.inTransaction(h -> {
            List<Map<String, Object>> everyone = h.createQuery("SELECT p.id, p.full_name, p.email, "
                            + "EXISTS (SELECT 1 FROM event_invitations i WHERE i.event_id = :e AND i.person_id = p.id) AS invited, "
                            + "EXISTS (SELECT 1 FROM registrations r WHERE r.event_id = :e AND r.person_id = p.id AND r.status <> 'cancelled') AS registered "
                            + "FROM people p WHERE p.id IN (" + group + ") ORDER BY p.id")
                    .bind("e", event.id()).bind("g", groupId).mapToMap().list();
            int invited = 0;
            for (Map<String, Object> p : everyone) {
                if (Boolean.TRUE.equals(p.get("invited")) || Boolean.TRUE.equals(p.get("registered")) || p.get("email") == null) {
                    continue;
                }
                h.createUpdate("INSERT INTO event_invitations (event_id, person_id, invited_by) VALUES (:e, :p, :by)")
                        .bind("e", event.id()).bind("p", ((Number) p.get("id")).longValue()).bind("by", by).execute();
                Outbox.enqueue(h, new Email((String) p.get("email"), "You are invited: " + event.title(),
                        "Hello " + p.get("full_name") + ",\n\nYou are invited to " + event.title() + ", " + EventDates.when(event)
                                + (event.location().isEmpty() ? "" : ", at " + event.location()) + ".\n\n"
                                + (event.capacity() == null ? "" : "Places are limited (" + event.places() + " taken). ")
                                + "Register here: " + baseUrl + "/events/" + event.id() + "\n",
                        new Email.Attachment("event.ics", "text/calendar; method=PUBLISH", EventDates.calendar(event, baseUrl))));
                invited++;
            }
            return new Sent(invited, everyone.size() - invited);
        });
    }
}
