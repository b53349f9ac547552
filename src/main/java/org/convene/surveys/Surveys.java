package org.convene.surveys;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.convene.db.Rows;
import org.convene.errors.ConflictException;
import org.convene.errors.NotFoundException;
import org.convene.errors.ValidationException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Surveys and their items: the builder's data, and the survey's life from draft to closed. */
public final class Surveys {
    private static final String SURVEY = "SELECT s.id, s.cohort_id, s.event_id, ev.title AS event_title, s.module_id, "
            + "m.position AS module_position, m.title AS module_title, s.kind, s.title, s.intro, s.anonymous, s.status, s.opens_at, s.closes_at, s.remind_after_days, s.max_reminders, "
            + "(SELECT count(*) FROM survey_invitations i WHERE i.survey_id = s.id) AS invited, "
            + "(SELECT count(*) FROM survey_responses r WHERE r.survey_id = s.id AND r.submitted_at IS NOT NULL) AS submitted "
            + "FROM surveys s LEFT JOIN modules m ON m.id = s.module_id LEFT JOIN events ev ON ev.id = s.event_id ";
    private static final String QUESTION = "SELECT id, survey_id, position, code, kind, prompt, hint, options, required, then_test "
            + "FROM survey_questions ";

    private final Jdbi jdbi;

    public Surveys(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public List<Survey> list(long cohortId) {
        return jdbi.withHandle(h -> h.createQuery(SURVEY + "WHERE s.cohort_id = :id "
                        + "ORDER BY CASE s.kind WHEN 'baseline' THEN 0 WHEN 'module_feedback' THEN 1 WHEN 'custom' THEN 2 ELSE 3 END, "
                        + "m.position NULLS LAST, s.id")
                .bind("id", cohortId).map((rs, ctx) -> survey(rs)).list());
    }

    public Survey get(long id) {
        return jdbi.withHandle(h -> get(h, id));
    }

    static Survey get(Handle h, long id) {
        return h.createQuery(SURVEY + "WHERE s.id = :id").bind("id", id).map((rs, ctx) -> survey(rs)).findOne()
                .orElseThrow(() -> new NotFoundException("No survey with id " + id));
    }

    public List<Question> questions(long surveyId) {
        return jdbi.withHandle(h -> questions(h, surveyId));
    }

    /** The questions of a survey, in the caller's handle. */
    public static List<Question> questions(Handle h, long surveyId) {
        return h.createQuery(QUESTION + "WHERE survey_id = :id ORDER BY position").bind("id", surveyId)
                .map((rs, ctx) -> question(rs)).list();
    }

    /** A new survey for a cohort: a baseline or end survey from its template, or an empty one of the team's own. */
    public Survey create(long cohortId, SurveyKind kind, String title, boolean anonymous) {
        if (kind == SurveyKind.MODULE_FEEDBACK) {
            throw new ValidationException("Module feedback surveys are made with their module",
                    Map.of("kind", "Module feedback surveys are made when a module is added"));
        }
        if (kind == SurveyKind.EVENT_FOLLOWUP) {
            throw new ValidationException("Event follow-ups are made from their event",
                    Map.of("kind", "An event's follow-up survey is added on the event's page"));
        }
        long id = jdbi.inTransaction(h -> {
            if (kind != SurveyKind.CUSTOM && h.createQuery("SELECT EXISTS (SELECT 1 FROM surveys WHERE cohort_id = :c AND kind = :k)")
                    .bind("c", cohortId).bind("k", kind.code()).mapTo(Boolean.class).one()) {
                throw new ConflictException("This cohort already has a " + kind.label().toLowerCase() + " survey");
            }
            String t = title == null || title.isBlank() ? SurveyTemplates.title(kind, null, null) : title.trim();
            if (t.length() > 200) {
                throw new ValidationException("Title too long", Map.of("title", "The title must be 200 characters or fewer"));
            }
            return SurveyTemplates.create(h, cohortId, null, kind, t, anonymous, "draft", null, null);
        });
        return get(id);
    }

    /** An event's follow-up survey, if it has one. */
    public Optional<Survey> forEvent(long eventId) {
        return jdbi.withHandle(h -> h.createQuery(SURVEY + "WHERE s.event_id = :e").bind("e", eventId).map((rs, ctx) -> survey(rs)).findOne());
    }

    /**
     * Gives an event its follow-up survey from the template (a 1-5 rating of the event, whether
     * they would come again, what worked, what to change), scheduled to open when the event ends
     * (or now, for an event already over) and to close {@link SurveyTemplates#EVENT_FOLLOWUP_WINDOW}
     * later. It sends no reminders unless the hosts ask for them in its schedule, so each person
     * gets one email with their link. Its items can be edited until it opens.
     */
    public Survey createForEvent(long eventId, String eventTitle, Instant eventEndsAt, String title, boolean anonymous) {
        String t = title == null || title.isBlank()
                ? org.convene.web.Text.clip(SurveyTemplates.title(SurveyKind.EVENT_FOLLOWUP, null, eventTitle), 199) : title.trim();
        if (t.length() > 200) {
            throw new ValidationException("Title too long", Map.of("title", "The title must be 200 characters or fewer"));
        }
        long id = jdbi.inTransaction(h -> {
            // The event's row lock makes two hosts adding a follow-up at once a conflict, not an error.
            h.createQuery("SELECT id FROM events WHERE id = :e FOR UPDATE").bind("e", eventId).mapTo(Long.class).one();
            if (h.createQuery("SELECT EXISTS (SELECT 1 FROM surveys WHERE event_id = :e)").bind("e", eventId).mapTo(Boolean.class).one()) {
                throw new ConflictException("This event already has a follow-up survey");
            }
            Instant now = Instant.now();
            Instant opens = eventEndsAt.isAfter(now) ? eventEndsAt : now;
            long surveyId = h.createUpdate("INSERT INTO surveys (event_id, kind, title, anonymous, status, opens_at, closes_at, max_reminders) "
                            + "VALUES (:e, 'event_followup', :title, :anonymous, 'scheduled', :opens, :closes, 0)")
                    .bind("e", eventId).bind("title", t).bind("anonymous", anonymous).bind("opens", opens)
                    .bind("closes", opens.plus(SurveyTemplates.EVENT_FOLLOWUP_WINDOW))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            int position = 1;
            for (SurveyTemplates.Item item : SurveyTemplates.EVENT_FOLLOWUP) {
                insertQuestion(h, surveyId, position++, item);
            }
            return surveyId;
        });
        return get(id);
    }

    /** The numeric items asked in the cohort's module feedback, by code (a PDSA change can follow one). */
    public List<org.convene.web.Option> feedbackItems(long cohortId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT ON (q.code) q.code, q.prompt FROM survey_questions q "
                        + "JOIN surveys s ON s.id = q.survey_id WHERE s.cohort_id = :c AND s.kind = 'module_feedback' "
                        + "AND q.kind IN ('likert', 'rating') ORDER BY q.code, q.position")
                .bind("c", cohortId).map((rs, ctx) -> new org.convene.web.Option(rs.getString(1), rs.getString(2))).list());
    }

    // The builder

    public Question addQuestion(long surveyId, SurveyTemplates.Item item) {
        long id = jdbi.inTransaction(h -> {
            Survey survey = lockEditable(h, surveyId);
            int position = h.createQuery("SELECT coalesce(max(position), 0) + 1 FROM survey_questions WHERE survey_id = :id")
                    .bind("id", survey.id()).mapTo(Integer.class).one();
            codeFree(h, surveyId, item.code(), null);
            return insertQuestion(h, surveyId, position, item);
        });
        return question(id);
    }

    public Question updateQuestion(long questionId, SurveyTemplates.Item item) {
        Question existing = question(questionId);
        jdbi.useTransaction(h -> {
            lockEditable(h, existing.surveyId());
            codeFree(h, existing.surveyId(), item.code(), questionId);
            h.createUpdate("UPDATE survey_questions SET code = :code, kind = :kind, prompt = :prompt, hint = :hint, "
                            + "options = :options, required = :required, then_test = :then WHERE id = :id")
                    .bind("code", item.code()).bind("kind", item.kind().code()).bind("prompt", item.prompt())
                    .bind("hint", item.hint()).bind("options", item.options().toArray(String[]::new))
                    .bind("required", item.required()).bind("then", item.thenTest()).bind("id", questionId).execute();
        });
        return question(questionId);
    }

    public void deleteQuestion(long questionId) {
        Question existing = question(questionId);
        jdbi.useTransaction(h -> {
            lockEditable(h, existing.surveyId());
            h.createUpdate("DELETE FROM survey_questions WHERE id = :id").bind("id", questionId).execute();
            h.execute("SET CONSTRAINTS ALL DEFERRED");
            h.createUpdate("UPDATE survey_questions SET position = position - 1 WHERE survey_id = :s AND position > :p")
                    .bind("s", existing.surveyId()).bind("p", existing.position()).execute();
        });
    }

    /** Moves an item one place up (-1) or down (+1). */
    public void moveQuestion(long questionId, int direction) {
        Question existing = question(questionId);
        jdbi.useTransaction(h -> {
            lockEditable(h, existing.surveyId());
            int target = existing.position() + Integer.signum(direction);
            h.execute("SET CONSTRAINTS ALL DEFERRED");
            int swapped = h.createUpdate("UPDATE survey_questions SET position = :from WHERE survey_id = :s AND position = :to")
                    .bind("from", existing.position()).bind("to", target).bind("s", existing.surveyId()).execute();
            if (swapped == 1) {
                h.createUpdate("UPDATE survey_questions SET position = :to WHERE id = :id").bind("to", target).bind("id", questionId).execute();
            }
        });
    }

    public Question question(long id) {
        return jdbi.withHandle(h -> h.createQuery(QUESTION + "WHERE id = :id").bind("id", id).map((rs, ctx) -> question(rs)).findOne())
                .orElseThrow(() -> new NotFoundException("No question with id " + id));
    }

    static long insertQuestion(Handle h, long surveyId, int position, SurveyTemplates.Item item) {
        return h.createUpdate("INSERT INTO survey_questions (survey_id, position, code, kind, prompt, hint, options, required, then_test) "
                        + "VALUES (:survey, :position, :code, :kind, :prompt, :hint, :options, :required, :then)")
                .bind("survey", surveyId).bind("position", position).bind("code", item.code()).bind("kind", item.kind().code())
                .bind("prompt", item.prompt()).bind("hint", item.hint()).bind("options", item.options().toArray(String[]::new))
                .bind("required", item.required()).bind("then", item.thenTest())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    private static void codeFree(Handle h, long surveyId, String code, Long except) {
        h.createQuery("SELECT id FROM survey_questions WHERE survey_id = :s AND code = :c").bind("s", surveyId).bind("c", code)
                .mapTo(Long.class).findOne().filter(id -> !id.equals(except)).ifPresent(id -> {
                    throw new ValidationException("Item code taken", Map.of("code", "Another item in this survey already has the code '" + code + "'"));
                });
    }

    private static Survey lockEditable(Handle h, long surveyId) {
        h.createQuery("SELECT id FROM surveys WHERE id = :id FOR UPDATE").bind("id", surveyId).mapTo(Long.class).findOne()
                .orElseThrow(() -> new NotFoundException("No survey with id " + surveyId));
        Survey survey = get(h, surveyId);
        if (!survey.editable()) {
            throw new ConflictException("This survey has opened, so its questions can no longer change");
        }
        return survey;
    }

    // Its life

    /** Sets when the survey opens and closes and how reminders go; a draft becomes scheduled. */
    public Survey schedule(long surveyId, Instant opensAt, Instant closesAt, int remindAfterDays, int maxReminders) {
        if (opensAt == null) {
            throw new ValidationException("Opening time needed", Map.of("opensAt", "Enter when the survey opens"));
        }
        if (closesAt != null && !closesAt.isAfter(opensAt)) {
            throw new ValidationException("Closing before opening", Map.of("closesAt", "The survey must close after it opens"));
        }
        if (remindAfterDays < 1 || remindAfterDays > 60) {
            throw new ValidationException("Reminder interval", Map.of("remindAfterDays", "Remind after 1 to 60 days"));
        }
        if (maxReminders < 0 || maxReminders > 10) {
            throw new ValidationException("Reminders", Map.of("maxReminders", "Send 0 to 10 reminders"));
        }
        jdbi.useTransaction(h -> {
            Survey survey = get(h, surveyId);
            if ("closed".equals(survey.status())) {
                throw new ConflictException("This survey has closed");
            }
            if (survey.forEvent() && survey.editable()) {
                Instant ends = h.createQuery("SELECT ends_at FROM events WHERE id = :e").bind("e", survey.eventId()).mapTo(Instant.class).one();
                if (opensAt.isBefore(ends)) {
                    throw new ValidationException("Opening before the event ends", Map.of("opensAt",
                            "A follow-up survey opens when the event has ended, at " + org.convene.web.Html.dateTime(ends) + " or later"));
                }
            }
            boolean open = "open".equals(survey.status());
            if (open && closesAt != null && survey.opensAt() != null && !closesAt.isAfter(survey.opensAt())) {
                throw new ValidationException("Closing before opening", Map.of("closesAt", "The survey must close after it opened"));
            }
            h.createUpdate("UPDATE surveys SET opens_at = CASE WHEN :open THEN opens_at ELSE :opens END, closes_at = :closes, "
                            + "remind_after_days = :remind, max_reminders = :max, "
                            + "status = CASE WHEN status = 'draft' THEN 'scheduled' ELSE status END WHERE id = :id")
                    .bind("open", open).bind("opens", opensAt).bind("closes", closesAt).bind("remind", remindAfterDays)
                    .bind("max", maxReminders).bind("id", surveyId).execute();
        });
        return get(surveyId);
    }

    /** Closes a survey now: no more answers are accepted. */
    public Survey close(long surveyId) {
        jdbi.useHandle(h -> {
            Survey survey = get(h, surveyId);
            if (!"open".equals(survey.status()) && !"scheduled".equals(survey.status())) {
                throw new ConflictException("Only an open or scheduled survey can be closed");
            }
            // A scheduled survey closed before it opened gets an opening time just before its closing time (closes_at > opens_at).
            h.createUpdate("UPDATE surveys SET status = 'closed', closes_at = least(coalesce(closes_at, now()), now()), "
                            + "opens_at = least(coalesce(opens_at, now()), least(coalesce(closes_at, now()), now()) - interval '1 millisecond') "
                            + "WHERE id = :id")
                    .bind("id", surveyId).execute();
        });
        return get(surveyId);
    }

    static Survey survey(ResultSet rs) throws SQLException {
        Integer position = rs.getObject("module_position") == null ? null : rs.getInt("module_position");
        return new Survey(rs.getLong("id"), Rows.nullableLong(rs, "cohort_id"), Rows.nullableLong(rs, "event_id"), rs.getString("event_title"),
                Rows.nullableLong(rs, "module_id"), position,
                rs.getString("module_title"), SurveyKind.fromCode(rs.getString("kind")).orElseThrow(), rs.getString("title"),
                rs.getString("intro"), rs.getBoolean("anonymous"), rs.getString("status"), Rows.instant(rs, "opens_at"),
                Rows.instant(rs, "closes_at"), rs.getInt("remind_after_days"), rs.getInt("max_reminders"), rs.getInt("invited"),
                rs.getInt("submitted"));
    }

    static Question question(ResultSet rs) throws SQLException {
        return new Question(rs.getLong("id"), rs.getLong("survey_id"), rs.getInt("position"), rs.getString("code"),
                QuestionKind.fromCode(rs.getString("kind")).orElseThrow(), rs.getString("prompt"), rs.getString("hint"),
                Rows.textArray(rs, "options"), rs.getBoolean("required"), rs.getBoolean("then_test"));
    }
}
