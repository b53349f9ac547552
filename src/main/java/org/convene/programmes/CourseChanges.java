package org.convene.programmes;

import java.util.List;
import java.util.Map;
import org.convene.db.Rows;
import org.convene.errors.NotFoundException;
import org.convene.errors.ValidationException;
import org.convene.surveys.CommentRefs;
import org.convene.surveys.Results;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The cohort's PDSA log of changes to the course. Entries are kept; they are part of the record. */
public final class CourseChanges {
    private static final String SELECT = "SELECT c.id, c.cohort_id, c.title, c.plan_what, c.plan_why, c.prompted_by_module, "
            + "pm.position AS prompted_position, pm.title AS prompted_title, c.item_code, c.applied_in_module, "
            + "am.position AS applied_position, am.title AS applied_title, c.study_notes, c.decision, c.created_at, c.updated_at "
            + "FROM course_changes c LEFT JOIN modules pm ON pm.id = c.prompted_by_module "
            + "LEFT JOIN modules am ON am.id = c.applied_in_module ";

    private final Jdbi jdbi;

    public CourseChanges(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public List<CourseChange> list(long cohortId) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE c.cohort_id = :c ORDER BY c.created_at, c.id").bind("c", cohortId)
                .map((rs, ctx) -> rs.getLong("id")).list().stream().map(id -> get(h, id)).toList());
    }

    public CourseChange get(long id) {
        return jdbi.withHandle(h -> get(h, id));
    }

    private static CourseChange get(Handle h, long id) {
        Object[] row = h.createQuery(SELECT + "WHERE c.id = :id").bind("id", id)
                .map((rs, ctx) -> new Object[] {
                    rs.getLong("cohort_id"), rs.getString("title"), rs.getString("plan_what"), rs.getString("plan_why"),
                    Rows.nullableLong(rs, "prompted_by_module"), label(rs.getObject("prompted_position"), rs.getString("prompted_title")),
                    rs.getString("item_code"), Rows.nullableLong(rs, "applied_in_module"),
                    label(rs.getObject("applied_position"), rs.getString("applied_title")), rs.getString("study_notes"),
                    rs.getString("decision"), Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at")})
                .findOne().orElseThrow(() -> new NotFoundException("No course change with id " + id));
        List<String> comments = h.createQuery("SELECT a.text FROM course_change_comments cc JOIN survey_answers a "
                        + "ON a.response_id = cc.response_id AND a.question_id = cc.question_id WHERE cc.change_id = :id ORDER BY a.response_id")
                .bind("id", id).mapTo(String.class).list();
        String code = (String) row[6];
        Long prompted = (Long) row[4];
        Long applied = (Long) row[7];
        Double before = code == null || prompted == null ? null : Results.moduleItemMean(h, prompted, code);
        Double after = code == null || applied == null ? null : Results.moduleItemMean(h, applied, code);
        return new CourseChange(id, (Long) row[0], (String) row[1], (String) row[2], (String) row[3], prompted, (String) row[5],
                code, applied, (String) row[8], (String) row[9], (String) row[10], (java.time.Instant) row[11],
                (java.time.Instant) row[12], comments, before, after);
    }

    /** The opaque references of the comments linked to a change. */
    public List<String> commentRefs(long changeId) {
        return jdbi.withHandle(h -> {
            CommentRefs refs = CommentRefs.of(h);
            return h.createQuery("SELECT response_id, question_id FROM course_change_comments WHERE change_id = :id")
                    .bind("id", changeId).map((rs, ctx) -> refs.ref(rs.getLong(1), rs.getLong(2))).list();
        });
    }

    private static String label(Object position, String title) {
        return position == null ? null : "Module " + position + ": " + title;
    }

    public CourseChange create(long cohortId, CourseChangeInput.Valid input, Long recordedBy) {
        long id = jdbi.inTransaction(h -> {
            List<long[]> comments = check(h, cohortId, input);
            long changeId = h.createUpdate("INSERT INTO course_changes (cohort_id, title, plan_what, plan_why, prompted_by_module, "
                            + "item_code, applied_in_module, study_notes, decision, recorded_by) VALUES (:cohort, :title, :planWhat, "
                            + ":planWhy, :promptedByModule, :itemCode, :appliedInModule, :studyNotes, :decision, :by)")
                    .bind("cohort", cohortId).bindMethods(input).bind("by", recordedBy)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            linkComments(h, changeId, comments);
            return changeId;
        });
        return get(id);
    }

    public CourseChange update(long id, CourseChangeInput.Valid input) {
        CourseChange existing = get(id);
        jdbi.useTransaction(h -> {
            List<long[]> comments = check(h, existing.cohortId(), input);
            h.createUpdate("UPDATE course_changes SET title = :title, plan_what = :planWhat, plan_why = :planWhy, "
                            + "prompted_by_module = :promptedByModule, item_code = :itemCode, applied_in_module = :appliedInModule, "
                            + "study_notes = :studyNotes, decision = :decision, updated_at = now() WHERE id = :id")
                    .bindMethods(input).bind("id", id).execute();
            h.createUpdate("DELETE FROM course_change_comments WHERE change_id = :id").bind("id", id).execute();
            linkComments(h, id, comments);
        });
        return get(id);
    }

    /**
     * Modules must belong to the cohort; comments must be free-text answers in the prompting
     * module's feedback. Returns the comments as {responseId, questionId}.
     */
    private static List<long[]> check(Handle h, long cohortId, CourseChangeInput.Valid input) {
        checkModule(h, cohortId, "promptedByModule", input.promptedByModule());
        checkModule(h, cohortId, "appliedInModule", input.appliedInModule());
        if (input.comments().isEmpty()) {
            return List.of();
        }
        if (input.promptedByModule() == null) {
            throw new ValidationException("Comments need a module", Map.of("promptedByModule", "Choose the module whose feedback prompted this"));
        }
        CommentRefs refs = CommentRefs.of(h);
        Map<String, long[]> known = new java.util.HashMap<>();
        h.createQuery("SELECT a.response_id, a.question_id FROM survey_answers a JOIN survey_questions q ON q.id = a.question_id "
                        + "JOIN surveys s ON s.id = q.survey_id WHERE s.module_id = :m AND q.kind = 'text' AND a.text <> ''")
                .bind("m", input.promptedByModule())
                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .forEach(c -> known.put(refs.ref(c[0], c[1]), c));
        List<long[]> out = new java.util.ArrayList<>();
        for (String ref : input.comments()) {
            long[] c = known.get(ref);
            if (c == null) {
                throw new ValidationException("Unknown comment", Map.of("comments", "A linked comment is not from that module's feedback"));
            }
            out.add(c);
        }
        return out;
    }

    private static void checkModule(Handle h, long cohortId, String field, Long moduleId) {
        if (moduleId != null && h.createQuery("SELECT count(*) FROM modules WHERE id = :m AND cohort_id = :c")
                .bind("m", moduleId).bind("c", cohortId).mapTo(Integer.class).one() == 0) {
            throw new ValidationException("Unknown module", Map.of(field, "Choose a module of this cohort"));
        }
    }

    private static void linkComments(Handle h, long changeId, List<long[]> comments) {
        for (long[] c : comments) {
            h.createUpdate("INSERT INTO course_change_comments (change_id, response_id, question_id) VALUES (:c, :r, :q) ON CONFLICT DO NOTHING")
                    .bind("c", changeId).bind("r", c[0]).bind("q", c[1]).execute();
        }
    }
}
