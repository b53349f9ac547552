package org.convene.surveys;

import java.util.List;
import org.convene.mail.Outbox;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens surveys when they are due, invites the cohort (for an event's follow-up, the people who
 * came to the event) by email with a personal link, reminds
 * people who have not answered, and closes surveys at their closing time. Each step is one
 * transaction with its emails queued in the outbox, so a crash sends nothing twice and loses
 * nothing; rows are claimed with SKIP LOCKED, so several instances can run it at once.
 */
public final class Distribution {
    private static final Logger log = LoggerFactory.getLogger(Distribution.class);
    private static final int BATCH = 500;

    private final Jdbi jdbi;
    private final SurveyLinks links;
    private final String baseUrl;

    public Distribution(Jdbi jdbi, SurveyLinks links, String baseUrl) {
        this.jdbi = jdbi;
        this.links = links;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** Runs every due step; returns how many emails were queued. */
    public int run() {
        int opened = openDue() + inviteLate();
        int reminded = remindDue();
        int closed = closeDue();
        if (opened + reminded + closed > 0) {
            log.info("Surveys: {} invitations and {} reminders queued, {} surveys closed", opened, reminded, closed);
        }
        return opened + reminded;
    }

    /** Opens every scheduled survey whose time has come; returns how many invitations were emailed. */
    public int openDue() {
        int emailed = 0;
        while (true) {
            Integer sent = jdbi.inTransaction(h -> {
                List<Long> due = h.createQuery("SELECT id FROM surveys WHERE status = 'scheduled' AND opens_at <= now() "
                        + "ORDER BY opens_at LIMIT 1 FOR UPDATE SKIP LOCKED").mapTo(Long.class).list();
                if (due.isEmpty()) {
                    return null;
                }
                return open(h, due.get(0));
            });
            if (sent == null) {
                return emailed;
            }
            emailed += sent;
        }
    }

    /** Opens one survey now, whatever its schedule said; returns how many invitations were emailed. */
    public int openNow(long surveyId) {
        return jdbi.inTransaction(h -> {
            Survey survey = Surveys.get(h, surveyId);
            if (!survey.editable()) {
                throw new org.convene.errors.ConflictException("This survey is already " + survey.statusLabel().toLowerCase());
            }
            if (survey.forEvent() && h.createQuery("SELECT ends_at > now() FROM events WHERE id = :e").bind("e", survey.eventId())
                    .mapTo(Boolean.class).one()) {
                throw new org.convene.errors.ConflictException("A follow-up survey opens when the event has ended");
            }
            h.createQuery("SELECT id FROM surveys WHERE id = :id FOR UPDATE").bind("id", surveyId).mapTo(Long.class).one();
            h.createUpdate("UPDATE surveys SET opens_at = now(), status = 'scheduled', "
                            + "closes_at = CASE WHEN closes_at IS NOT NULL AND closes_at <= now() THEN NULL ELSE closes_at END WHERE id = :id")
                    .bind("id", surveyId).execute();
            return open(h, surveyId);
        });
    }

    /**
     * Invites people who became eligible after their survey opened: enrolled later, or marked
     * present when attendance was taken after the module's feedback had opened.
     */
    public int inviteLate() {
        List<Long> open = jdbi.withHandle(h -> h.createQuery("SELECT id FROM surveys WHERE status = 'open' "
                + "AND (closes_at IS NULL OR closes_at > now())").mapTo(Long.class).list());
        int emailed = 0;
        for (Long id : open) {
            emailed += jdbi.inTransaction(h -> {
                if (h.createQuery("SELECT id FROM surveys WHERE id = :id AND status = 'open' FOR UPDATE SKIP LOCKED")
                        .bind("id", id).mapTo(Long.class).findOne().isEmpty()) {
                    return 0;
                }
                return invite(h, Surveys.get(h, id));
            });
        }
        return emailed;
    }

    private int open(Handle h, long surveyId) {
        h.createUpdate("UPDATE surveys SET status = 'open' WHERE id = :id").bind("id", surveyId).execute();
        return invite(h, Surveys.get(h, surveyId));
    }

    /**
     * Invites everyone eligible who has no invitation yet: for a module's feedback, the people
     * marked present when attendance was taken (everyone enrolled when it was not); for other
     * surveys, everyone enrolled. Returns how many invitations were emailed.
     */
    private int invite(Handle h, Survey survey) {
        if (survey.forEvent()) {
            return inviteAttendees(h, survey);
        }
        long surveyId = survey.id();
        boolean attendanceTaken = survey.moduleId() != null && h.createQuery("SELECT EXISTS (SELECT 1 FROM attendance WHERE module_id = :m)")
                .bind("m", survey.moduleId()).mapTo(Boolean.class).one();
        List<Invitee> invited = h.createQuery("INSERT INTO survey_invitations (survey_id, person_id, last_emailed_at) "
                        + "SELECT :survey, e.person_id, now() FROM enrolments e WHERE e.cohort_id = :cohort AND e.status <> 'withdrawn' "
                        + "AND (NOT :attendance OR EXISTS (SELECT 1 FROM attendance a WHERE a.module_id = :module "
                        + "AND a.person_id = e.person_id AND a.status = 'present')) "
                        + "ON CONFLICT (survey_id, person_id) DO NOTHING "
                        + "RETURNING id, (SELECT p.email FROM people p WHERE p.id = person_id), "
                        + "(SELECT p.full_name FROM people p WHERE p.id = person_id)")
                .bind("survey", surveyId).bind("cohort", survey.cohortId()).bind("attendance", attendanceTaken)
                .bind("module", survey.moduleId())
                .map((rs, ctx) -> new Invitee(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
        int emailed = 0;
        for (Invitee person : invited) {
            if (person.email() != null && !person.email().isBlank()) {
                Outbox.enqueue(h, person.email(), survey.title(), invitation(survey, person, false));
                emailed++;
            }
        }
        return emailed;
    }

    /**
     * Invites the people who came to an event and have no invitation yet: those checked in, or,
     * when nobody was checked in, everyone with a confirmed place (never the waitlist or those who
     * cancelled). The invitation's unique key makes it once per person, whoever runs this.
     */
    private int inviteAttendees(Handle h, Survey survey) {
        boolean checkedIn = h.createQuery("SELECT EXISTS (SELECT 1 FROM registrations WHERE event_id = :e AND status = 'confirmed' "
                + "AND checked_in_at IS NOT NULL)").bind("e", survey.eventId()).mapTo(Boolean.class).one();
        List<Invitee> invited = h.createQuery("INSERT INTO survey_invitations (survey_id, person_id, last_emailed_at) "
                        + "SELECT :survey, r.person_id, now() FROM registrations r WHERE r.event_id = :event AND r.status = 'confirmed' "
                        + "AND (NOT :checkedIn OR r.checked_in_at IS NOT NULL) "
                        + "ON CONFLICT (survey_id, person_id) DO NOTHING "
                        + "RETURNING id, (SELECT p.email FROM people p WHERE p.id = person_id), "
                        + "(SELECT p.full_name FROM people p WHERE p.id = person_id)")
                .bind("survey", survey.id()).bind("event", survey.eventId()).bind("checkedIn", checkedIn)
                .map((rs, ctx) -> new Invitee(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
        int emailed = 0;
        for (Invitee person : invited) {
            if (person.email() != null && !person.email().isBlank()) {
                Outbox.enqueue(h, person.email(), survey.title(), invitation(survey, person, false));
                emailed++;
            }
        }
        return emailed;
    }

    /** Reminds people who have not submitted, at the survey's interval, up to its number of reminders. */
    public int remindDue() {
        return jdbi.inTransaction(h -> {
            List<Reminder> due = h.createQuery("SELECT i.id, i.survey_id, p.email, p.full_name FROM survey_invitations i "
                            + "JOIN surveys s ON s.id = i.survey_id JOIN people p ON p.id = i.person_id "
                            + "WHERE s.status = 'open' AND (s.closes_at IS NULL OR s.closes_at > now()) "
                            + "AND i.reminders < s.max_reminders "
                            + "AND i.last_emailed_at < now() - make_interval(days => s.remind_after_days) "
                            + "AND NOT EXISTS (SELECT 1 FROM survey_responses r WHERE r.invitation_id = i.id AND r.submitted_at IS NOT NULL) "
                            + "AND p.email IS NOT NULL AND p.email <> '' "
                            + "ORDER BY i.id LIMIT :batch FOR UPDATE OF i SKIP LOCKED")
                    .bind("batch", BATCH)
                    .map((rs, ctx) -> new Reminder(rs.getLong(2), new Invitee(rs.getLong(1), rs.getString(3), rs.getString(4)))).list();
            for (Reminder r : due) {
                Survey survey = Surveys.get(h, r.surveyId());
                Outbox.enqueue(h, r.person().email(), "Reminder: " + survey.title(), invitation(survey, r.person(), true));
                h.createUpdate("UPDATE survey_invitations SET reminders = reminders + 1, last_emailed_at = now() WHERE id = :id")
                        .bind("id", r.person().invitationId()).execute();
            }
            return due.size();
        });
    }

    public int closeDue() {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE surveys SET status = 'closed' WHERE status = 'open' AND closes_at <= now()").execute());
    }

    public String link(long invitationId) {
        return baseUrl + "/s/" + links.token(invitationId);
    }

    private String invitation(Survey survey, Invitee person, boolean reminder) {
        String closes = survey.closesAt() == null ? "" : "It closes on " + org.convene.web.Html.dateTime(survey.closesAt()) + ".\n\n";
        String audience = survey.audience();
        String privacy = survey.anonymous()
                ? "Your answers are anonymous: " + audience + " see" + (survey.forEvent() ? "" : "s")
                        + " only totals from five or more people, never your own answers.\n\n"
                : Character.toUpperCase(audience.charAt(0)) + audience.substring(1) + " can see your answers with your name.\n\n";
        return "Dear " + person.name() + ",\n\n"
                + (reminder ? "We have not had your answers yet. " : "")
                + (survey.forEvent() ? "Thank you for coming to " + survey.eventTitle() + ". " : "")
                + "Please tell us what you think: \"" + survey.title() + "\". It takes about five minutes, "
                + "and you can save your answers and come back to them.\n\n"
                + "Your personal link (please do not share it):\n" + link(person.invitationId()) + "\n\n"
                + closes + privacy
                + "Thank you,\n" + (survey.forEvent() ? "The hosts of " + survey.eventTitle() : "The programme team");
    }

    private record Invitee(long invitationId, String email, String name) {
    }

    private record Reminder(long surveyId, Invitee person) {
    }
}
