package org.convene.surveys;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.convene.db.Rows;
import org.convene.errors.ConflictException;
import org.convene.errors.Errors;
import org.convene.errors.ForbiddenException;
import org.convene.errors.NotFoundException;
import org.convene.ties.TieInput;
import org.convene.ties.TieKind;
import org.convene.ties.Ties;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Answering a survey: one response per invitation, saved as the person goes and submitted once.
 * Every save is one transaction that commits before the answer is acknowledged, so an answer is
 * either stored whole or not at all. Submitting again changes nothing. New working connections
 * become ties in the network when the response is submitted.
 */
public final class Responses {
    private final Jdbi jdbi;

    public Responses(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Someone invited to a survey. */
    public record Invitation(long id, long surveyId, long personId, String personName) {
    }

    /** One answer; which parts are used depends on the item's kind. */
    public record Answer(long questionId, Integer number, Integer before, List<String> choices, String text, List<Long> people) {
        public static Answer empty(long questionId) {
            return new Answer(questionId, null, null, List.of(), "", List.of());
        }

        boolean isBlank() {
            return number == null && before == null && choices.isEmpty() && text.isBlank() && people.isEmpty();
        }
    }

    /** A person's response so far. */
    public record Draft(Long responseId, Instant submittedAt, Map<Long, Answer> answers) {
        public boolean submitted() {
            return submittedAt != null;
        }

        public Answer answer(long questionId) {
            return answers.getOrDefault(questionId, Answer.empty(questionId));
        }
    }

    public Optional<Invitation> invitation(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT i.id, i.survey_id, i.person_id, p.full_name FROM survey_invitations i "
                        + "JOIN people p ON p.id = i.person_id WHERE i.id = :id").bind("id", id)
                .map((rs, ctx) -> new Invitation(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4))).findOne());
    }

    public Optional<Invitation> invitationFor(long surveyId, long personId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT i.id, i.survey_id, i.person_id, p.full_name FROM survey_invitations i "
                        + "JOIN people p ON p.id = i.person_id WHERE i.survey_id = :s AND i.person_id = :p")
                .bind("s", surveyId).bind("p", personId)
                .map((rs, ctx) -> new Invitation(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4))).findOne());
    }

    /** Directory people by email (lower case), for naming connections by email address. */
    public Map<String, Long> peopleByEmail(List<String> emails) {
        Map<String, Long> found = new LinkedHashMap<>();
        if (emails.isEmpty()) {
            return found;
        }
        jdbi.useHandle(h -> h.createQuery("SELECT lower(email), id FROM people WHERE lower(email) = ANY(:emails)")
                .bind("emails", emails.toArray(String[]::new))
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2))).forEach(e -> found.put(e.getKey(), e.getValue())));
        return found;
    }

    /** The surveys a person has been invited to, newest first, with whether they have answered and what they are from (a cohort or an event). */
    public record Invited(Survey survey, long invitationId, Instant submittedAt, String cohort) {
    }

    public List<Invited> invitedSurveys(long personId) {
        return jdbi.withHandle(h -> {
            List<long[]> rows = h.createQuery("SELECT i.id, i.survey_id FROM survey_invitations i WHERE i.person_id = :p ORDER BY i.id DESC")
                    .bind("p", personId).map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
            List<Invited> result = new ArrayList<>();
            for (long[] row : rows) {
                Instant submitted = h.createQuery("SELECT submitted_at FROM survey_responses WHERE invitation_id = :i")
                        .bind("i", row[0]).map((rs, ctx) -> Rows.instant(rs, "submitted_at")).findOne().orElse(null);
                Survey survey = Surveys.get(h, row[1]);
                String cohort = survey.forEvent() ? "Event: " + survey.eventTitle()
                        : h.createQuery("SELECT p.title || ': ' || c.name FROM cohorts c JOIN programmes p ON p.id = c.programme_id "
                                + "WHERE c.id = :c").bind("c", survey.cohortId()).mapTo(String.class).one();
                result.add(new Invited(survey, row[0], submitted, cohort));
            }
            return result;
        });
    }

    public Draft draft(long invitationId) {
        return jdbi.withHandle(h -> draft(h, invitationId));
    }

    private static Draft draft(Handle h, long invitationId) {
        Optional<Object[]> response = h.createQuery("SELECT id, submitted_at FROM survey_responses WHERE invitation_id = :i")
                .bind("i", invitationId).map((rs, ctx) -> new Object[] {rs.getLong(1), Rows.instant(rs, "submitted_at")}).findOne();
        if (response.isEmpty()) {
            return new Draft(null, null, Map.of());
        }
        long responseId = (Long) response.get()[0];
        Map<Long, Answer> answers = new LinkedHashMap<>();
        h.createQuery("SELECT question_id, number, before, choices, text, people FROM survey_answers WHERE response_id = :r")
                .bind("r", responseId)
                .map((rs, ctx) -> new Answer(rs.getLong("question_id"), (Integer) rs.getObject("number", Integer.class),
                        (Integer) rs.getObject("before", Integer.class), Rows.textArray(rs, "choices"), rs.getString("text"),
                        longs(rs.getArray("people"))))
                .forEach(a -> answers.put(a.questionId(), a));
        return new Draft(responseId, (Instant) response.get()[1], answers);
    }

    private static List<Long> longs(java.sql.Array array) throws java.sql.SQLException {
        if (array == null) {
            return List.of();
        }
        Object[] values = (Object[]) array.getArray();
        List<Long> out = new ArrayList<>(values.length);
        for (Object v : values) {
            out.add(((Number) v).longValue());
        }
        return out;
    }

    /** What saving did. */
    public enum Outcome { SAVED, SUBMITTED, ALREADY_SUBMITTED }

    /**
     * Saves the answers (replacing earlier ones) and, if asked, submits them. Answers are checked
     * against their items; on submit, required items must be answered. A response already
     * submitted is left exactly as it was, whatever is sent.
     */
    public Outcome save(long invitationId, Map<Long, Answer> answers, boolean submit, Long accountId) {
        return jdbi.inTransaction(h -> {
            Invitation inv = h.createQuery("SELECT i.id, i.survey_id, i.person_id, '' FROM survey_invitations i WHERE i.id = :id FOR UPDATE")
                    .bind("id", invitationId)
                    .map((rs, ctx) -> new Invitation(rs.getLong(1), rs.getLong(2), rs.getLong(3), ""))
                    .findOne().orElseThrow(() -> new NotFoundException("No such survey invitation"));
            Draft existing = draft(h, invitationId);
            if (existing.submitted()) {
                return Outcome.ALREADY_SUBMITTED;
            }
            Survey survey = Surveys.get(h, inv.surveyId());
            if (!survey.isOpen()) {
                throw new ConflictException("This survey is closed, so it no longer accepts answers");
            }
            List<Question> questions = Surveys.questions(h, inv.surveyId());
            Map<Long, Answer> clean = validate(h, questions, answers, submit, inv.personId());
            long responseId = existing.responseId() != null ? existing.responseId()
                    : h.createUpdate("INSERT INTO survey_responses (invitation_id, survey_id) VALUES (:i, :s)")
                            .bind("i", invitationId).bind("s", inv.surveyId())
                            .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            h.createUpdate("DELETE FROM survey_answers WHERE response_id = :r").bind("r", responseId).execute();
            for (Answer a : clean.values()) {
                h.createUpdate("INSERT INTO survey_answers (response_id, question_id, number, before, choices, text, people) "
                                + "VALUES (:r, :q, :number, :before, :choices, :text, :people)")
                        .bind("r", responseId).bind("q", a.questionId()).bind("number", a.number()).bind("before", a.before())
                        .bind("choices", a.choices().toArray(String[]::new)).bind("text", a.text())
                        .bind("people", a.people().toArray(Long[]::new)).execute();
            }
            h.createUpdate("UPDATE survey_responses SET updated_at = now(), submitted_at = CASE WHEN :submit THEN now() END WHERE id = :r")
                    .bind("submit", submit).bind("r", responseId).execute();
            if (submit) {
                recordConnections(h, survey, inv.personId(), clean.values(), accountId);
                return Outcome.SUBMITTED;
            }
            return Outcome.SAVED;
        });
    }

    private static Map<Long, Answer> validate(Handle h, List<Question> questions, Map<Long, Answer> answers, boolean submit, long self) {
        Errors errors = new Errors();
        Map<Long, Question> byId = new LinkedHashMap<>();
        questions.forEach(q -> byId.put(q.id(), q));
        for (Long id : answers.keySet()) {
            if (!byId.containsKey(id)) {
                errors.add("q" + id, "There is no question " + id + " in this survey");
            }
        }
        Map<Long, Answer> clean = new LinkedHashMap<>();
        for (Question q : questions) {
            Answer a = answers.getOrDefault(q.id(), Answer.empty(q.id()));
            String field = "q" + q.id();
            Answer c = clean(h, q, a, field, errors, self);
            if (c != null && !c.isBlank()) {
                clean.put(q.id(), c);
            }
            if (submit && q.required() && (c == null || c.isBlank()) && !errors.has(field)) {
                errors.add(field, "Answer this question: " + q.prompt());
            }
            if (submit && q.thenTest() && c != null && c.number() != null && c.before() == null && !errors.has(field + "-before")) {
                errors.add(field + "-before", "Say how you would have rated yourself before the programme");
            }
        }
        errors.throwIfAny();
        return clean;
    }

    private static Answer clean(Handle h, Question q, Answer a, String field, Errors errors, long self) {
        List<String> choices = a.choices() == null ? List.of() : a.choices();
        String text = a.text() == null ? "" : a.text().strip();
        List<Long> people = a.people() == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(a.people()));
        switch (q.kind()) {
            case LIKERT, RATING -> {
                if (a.number() != null && (a.number() < q.kind().min() || a.number() > q.kind().max())) {
                    errors.add(field, "Choose a value from " + q.kind().min() + " to " + q.kind().max());
                    return null;
                }
                if (a.before() != null && (!q.thenTest() || a.before() < 1 || a.before() > 5)) {
                    errors.add(field + "-before", q.thenTest() ? "Choose a value from 1 to 5" : "This question has no 'before' rating");
                    return null;
                }
                return new Answer(q.id(), a.number(), a.before(), List.of(), "", List.of());
            }
            case SINGLE, MULTIPLE -> {
                if (choices.size() > 1 && q.kind() == QuestionKind.SINGLE) {
                    errors.add(field, "Choose one option");
                    return null;
                }
                for (String choice : choices) {
                    if (!q.options().contains(choice)) {
                        errors.add(field, "'" + org.convene.web.Text.clip(choice, 60) + "' is not one of the options");
                        return null;
                    }
                }
                return new Answer(q.id(), null, null, List.copyOf(new LinkedHashSet<>(choices)), "", List.of());
            }
            case TEXT -> {
                if (text.length() > 4000) {
                    errors.add(field, "Your answer must be 4,000 characters or fewer");
                    return null;
                }
                return new Answer(q.id(), null, null, List.of(), text, List.of());
            }
            case CONNECTIONS -> {
                people.remove(Long.valueOf(self));
                if (people.size() > 50) {
                    errors.add(field, "Choose up to 50 people");
                    return null;
                }
                if (!people.isEmpty()) {
                    List<Long> known = h.createQuery("SELECT id FROM people WHERE id = ANY(:ids)").bind("ids", people.toArray(Long[]::new))
                            .mapTo(Long.class).list();
                    if (known.size() != people.size()) {
                        errors.add(field, "Some of the people chosen are not in the directory");
                        return null;
                    }
                }
                return new Answer(q.id(), null, null, List.of(), "", List.copyOf(people));
            }
            default -> throw new IllegalStateException("Unknown kind " + q.kind());
        }
    }

    private static void recordConnections(Handle h, Survey survey, long personId, Iterable<Answer> answers, Long accountId) {
        for (Answer a : answers) {
            for (Long other : a.people()) {
                TieInput.Valid tie = new TieInput(personId, other, TieKind.MET_THROUGH.code(), "survey", "survey:" + survey.id(),
                        "New working connection reported in \"" + org.convene.web.Text.clip(survey.title(), 120) + "\"", null)
                        .validated("survey");
                Ties.record(h, tie, accountId);
            }
        }
    }

    /** Throws unless this person may answer through this invitation. */
    public static void requireOwn(Invitation invitation, Long personId) {
        if (personId == null || invitation.personId() != personId) {
            throw new ForbiddenException("This survey was sent to someone else");
        }
    }
}
