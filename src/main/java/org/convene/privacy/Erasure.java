package org.convene.privacy;

import java.util.List;
import java.util.Map;
import org.convene.audit.Actor;
import org.convene.audit.AuditAction;
import org.convene.audit.AuditLog;
import org.convene.errors.ConflictException;
import org.convene.errors.NotFoundException;
import org.convene.errors.ValidationException;
import org.convene.events.Events;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Erases a person on request (UK GDPR article 17). In one transaction: their account and
 * everything that only served them go; free text they wrote is blanked; their directory entry
 * stays as "Erased person" with only its sector and place, so memberships, attendance, survey
 * responses, votes and ties still count towards every total and network figure; emails to them
 * and failed sign-ins under their address go; the audit log forgets their name as an actor; and
 * the erasure itself is logged. Their places at future events are given up first, so the
 * waitlist moves on as it would for any cancellation.
 */
public final class Erasure {
    public static final String ERASED_NAME = "Erased person";
    private final Jdbi jdbi;
    private final Events events;

    public Erasure(Jdbi jdbi, Events events) {
        this.jdbi = jdbi;
        this.events = events;
    }

    /** What an erasure did: rows deleted and rows whose free text was blanked, per holding title. */
    public record Result(long personId, int deleted, int blanked, int cancelledRegistrations, Map<String, Integer> byHolding) {
    }

    public Result erase(long personId, Actor actor, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 500) {
            throw ValidationException.of(Map.of("reason", "Give the request's reference or reason, up to 500 characters "
                    + "(not the person's name: it stays in the audit log)"));
        }
        PersonState state = state(personId);
        if (state.erased()) {
            throw new ConflictException("This person was erased on " + state.erasedAt());
        }
        if (state.accountId() != null && actor.accountId() != null && state.accountId().equals(actor.accountId())) {
            throw new ConflictException("You cannot erase yourself; ask another administrator");
        }
        List<Long> future = jdbi.withHandle(h -> h.createQuery("SELECT r.event_id FROM registrations r JOIN events e ON e.id = r.event_id "
                        + "WHERE r.person_id = :p AND r.status <> 'cancelled' AND e.starts_at > now()")
                .bind("p", personId).mapTo(Long.class).list());
        for (long eventId : future) {
            events.cancel(eventId, personId);
        }
        return jdbi.inTransaction(h -> {
            h.execute("SET LOCAL convene.audit_redaction = 'on'");
            PersonState locked = h.createQuery("SELECT p.email, p.erased_at, a.id AS account_id, a.email AS account_email "
                            + "FROM people p LEFT JOIN accounts a ON a.person_id = p.id WHERE p.id = :p FOR UPDATE OF p")
                    .bind("p", personId)
                    .map((rs, ctx) -> new PersonState(rs.getString("email"), (Long) rs.getObject("account_id"),
                            rs.getString("account_email"), rs.getObject("erased_at") != null, String.valueOf(rs.getObject("erased_at"))))
                    .findOne().orElseThrow(() -> new NotFoundException("No person with id " + personId));
            if (locked.erased()) {
                throw new ConflictException("This person was erased on " + locked.erasedAt());
            }
            Map<String, Integer> counts = new java.util.LinkedHashMap<>();
            int deleted = 0;
            int blanked = 0;
            for (PersonalData.Holding holding : PersonalData.HOLDINGS) {
                Long key = holding.link() == PersonalData.Link.PERSON ? Long.valueOf(personId) : locked.accountId();
                if (key == null || holding.erase() == PersonalData.Erase.KEEP) {
                    continue;
                }
                int n = apply(h, holding, key);
                if (holding.erase() == PersonalData.Erase.DELETE) {
                    deleted += n;
                } else {
                    blanked += n;
                }
                if (n > 0) {
                    counts.merge(holding.title(), n, Integer::sum);
                }
            }
            int answers = h.createUpdate("UPDATE survey_answers a SET text = '' FROM survey_responses r "
                            + "JOIN survey_invitations i ON i.id = r.invitation_id "
                            + "WHERE a.response_id = r.id AND i.person_id = :p AND a.text <> ''")
                    .bind("p", personId).execute();
            blanked += answers;
            if (answers > 0) {
                counts.put("Survey answers (free text)", answers);
            }
            h.createUpdate("UPDATE scheme_members SET status = 'left', updated_at = now() WHERE person_id = :p AND status <> 'left'")
                    .bind("p", personId).execute();
            String[] addresses = java.util.stream.Stream.of(locked.email(), locked.accountEmail())
                    .filter(java.util.Objects::nonNull).map(String::toLowerCase).distinct().toArray(String[]::new);
            int emails = h.createUpdate("DELETE FROM outbox WHERE lower(recipient) = ANY(:a)").bind("a", addresses).execute();
            int attempts = h.createUpdate("DELETE FROM login_attempts WHERE lower(email) = ANY(:a)").bind("a", addresses).execute();
            deleted += emails + attempts;
            if (emails > 0) {
                counts.put("Emails", emails);
            }
            if (locked.accountId() != null) {
                AuditLog.forgetActor(h, locked.accountId());
                h.createUpdate("DELETE FROM accounts WHERE id = :a").bind("a", locked.accountId()).execute();
                deleted++;
                counts.put("Account", 1);
            }
            h.createUpdate("UPDATE people SET full_name = :name, email = NULL, job_title = '', profession = '', organisation_id = NULL, "
                            + "interests = '{}', offers = '', asks = '', bio = '', contact_preference = 'no contact', "
                            + "visibility = 'nobody', email_visibility = 'nobody', erased_at = now(), updated_at = now() WHERE id = :p")
                    .bind("name", ERASED_NAME).bind("p", personId).execute();
            AuditLog.record(h, actor, AuditAction.ERASURE, "person:" + personId, "Erased on request (" + why + "): "
                    + deleted + " records deleted, " + blanked + " blanked, " + future.size() + " future event places given up");
            return new Result(personId, deleted, blanked, future.size(), counts);
        });
    }

    /**
     * Deletes a directory entry added by mistake: one with no account and no records that count
     * towards any total. Anyone else must be erased instead, or the totals they count in would change.
     */
    public void deleteUnused(long personId, Actor actor) {
        jdbi.useTransaction(h -> {
            h.createQuery("SELECT id FROM people WHERE id = :p FOR UPDATE").bind("p", personId).mapTo(Long.class).findOne()
                    .orElseThrow(() -> new NotFoundException("No person with id " + personId));
            long records = h.createQuery("SELECT count(*) FROM accounts WHERE person_id = :p").bind("p", personId).mapTo(Long.class).one();
            for (PersonalData.Holding holding : PersonalData.HOLDINGS) {
                if (holding.link() == PersonalData.Link.PERSON && holding.erase() != PersonalData.Erase.DELETE) {
                    records += h.createQuery("SELECT count(*) FROM (SELECT 1 FROM " + holding.table() + " WHERE " + holding.column()
                            + " = :p LIMIT 1) x").bind("p", personId).mapTo(Long.class).one();
                }
            }
            if (records > 0) {
                throw new ConflictException("This person has an account or records that count towards totals (memberships, "
                        + "attendance, survey responses, relationships...). Erase them instead, so the totals stay right: "
                        + "POST /api/v1/people/" + personId + "/erasure");
            }
            h.createUpdate("DELETE FROM people WHERE id = :p").bind("p", personId).execute();
            AuditLog.record(h, actor, AuditAction.PERSON_DELETED, "person:" + personId, "Deleted a directory entry with no records");
        });
    }

    private static int apply(Handle h, PersonalData.Holding holding, long key) {
        if (holding.erase() == PersonalData.Erase.DELETE) {
            return h.createUpdate("DELETE FROM " + holding.table() + " WHERE " + holding.column() + " = :k").bind("k", key).execute();
        }
        StringBuilder set = new StringBuilder();
        StringBuilder changed = new StringBuilder();
        holding.blank().forEach((column, replacement) -> {
            set.append(set.length() == 0 ? "" : ", ").append(column).append(" = ").append(replacement);
            changed.append(changed.length() == 0 ? "" : " OR ").append(column).append(" IS DISTINCT FROM ").append(replacement);
        });
        return h.createUpdate("UPDATE " + holding.table() + " SET " + set + " WHERE " + holding.column() + " = :k AND (" + changed + ")")
                .bind("k", key).execute();
    }

    private PersonState state(long personId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT p.email, p.erased_at, a.id AS account_id, a.email AS account_email "
                        + "FROM people p LEFT JOIN accounts a ON a.person_id = p.id WHERE p.id = :p")
                .bind("p", personId)
                .map((rs, ctx) -> new PersonState(rs.getString("email"), (Long) rs.getObject("account_id"), rs.getString("account_email"),
                        rs.getObject("erased_at") != null, String.valueOf(rs.getObject("erased_at"))))
                .findOne().orElseThrow(() -> new NotFoundException("No person with id " + personId)));
    }

    private record PersonState(String email, Long accountId, String accountEmail, boolean erased, String erasedAt) {
    }
}
