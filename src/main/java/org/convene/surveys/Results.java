package org.convene.surveys;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * What a survey's submitted responses add up to. Every figure is an aggregate; for an anonymous
 * survey nothing at all is shown from fewer than {@link #MIN_GROUP} responses (no distribution,
 * no mean, no comment), here, so pages, API and exports cannot show it either.
 */
public final class Results {
    /** The smallest group whose answers may be shown for an anonymous survey. */
    public static final int MIN_GROUP = 5;

    private final Jdbi jdbi;

    public Results(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * One item's answers: counts per choice (in the item's order), the mean for numeric items. In an
     * anonymous survey an item answered by fewer than {@link #MIN_GROUP} people (an optional question)
     * is {@code withheld}: its counts are empty and its means null, though the survey has enough
     * responses; so are the "before" counts and mean of a then-test item with too few of those.
     */
    public record ItemResult(Question question, int answered, Map<String, Integer> counts, Double mean, Double meanBefore,
                             Map<String, Integer> countsBefore, boolean withheld) {

        /** This item as an anonymous survey may show it. */
        ItemResult anonymised(int beforeAnswered) {
            if (answered < MIN_GROUP) {
                return new ItemResult(question, answered, Map.of(), null, null, Map.of(), true);
            }
            if (question.thenTest() && beforeAnswered < MIN_GROUP) {
                return new ItemResult(question, answered, counts, mean, null, Map.of(), false);
            }
            return this;
        }
    }

    /**
     * A free-text answer, without its author. {@code ref} is opaque (see {@link CommentRefs}); the
     * response's id stays inside the server, so comments by one person cannot be matched up.
     */
    public record Comment(@JsonIgnore long responseId, @JsonIgnore long questionId, String ref, String code, String prompt, String text) {
    }

    /** A survey's results, or only its response counts when they are withheld. */
    public record SurveyResults(Survey survey, boolean withheld, List<ItemResult> items, List<Comment> comments,
                                int connections) {
        public int responses() {
            return survey.submitted();
        }
    }

    public SurveyResults of(long surveyId) {
        return jdbi.withHandle(h -> of(h, Surveys.get(h, surveyId)));
    }

    public static boolean withheld(Survey survey) {
        return survey.anonymous() && survey.submitted() < MIN_GROUP;
    }

    static SurveyResults of(Handle h, Survey survey) {
        if (withheld(survey)) {
            return new SurveyResults(survey, true, List.of(), List.of(), 0);
        }
        List<Question> questions = Surveys.questions(h, survey.id());
        CommentRefs refs = CommentRefs.of(h);
        List<ItemResult> items = new ArrayList<>();
        List<Comment> comments = new ArrayList<>();
        int connections = 0;
        for (Question q : questions) {
            switch (q.kind()) {
                case LIKERT, RATING -> items.add(shown(survey, numeric(h, q)));
                case SINGLE, MULTIPLE -> items.add(shown(survey, choices(h, q)));
                case TEXT -> comments.addAll(h.createQuery("SELECT a.response_id, a.text FROM survey_answers a "
                                + "JOIN survey_responses r ON r.id = a.response_id "
                                + "WHERE a.question_id = :q AND r.submitted_at IS NOT NULL AND a.text <> ''")
                        .bind("q", q.id())
                        .map((rs, ctx) -> new Comment(rs.getLong(1), q.id(), refs.ref(rs.getLong(1), q.id()), q.code(), q.prompt(),
                                rs.getString(2)))
                        .list().stream().sorted(java.util.Comparator.comparing(Comment::ref)).toList());
                case CONNECTIONS -> connections += h.createQuery("SELECT coalesce(sum(cardinality(a.people)), 0) FROM survey_answers a "
                                + "JOIN survey_responses r ON r.id = a.response_id WHERE a.question_id = :q AND r.submitted_at IS NOT NULL")
                        .bind("q", q.id()).mapTo(Integer.class).one();
                default -> {
                }
            }
        }
        return new SurveyResults(survey, false, items, comments, connections);
    }

    /** The item as this survey may show it: whole when named, else without groups below the minimum. */
    private static ItemResult shown(Survey survey, ItemResult item) {
        if (!survey.anonymous()) {
            return item;
        }
        int before = item.countsBefore().values().stream().mapToInt(Integer::intValue).sum();
        return item.anonymised(before);
    }

    private static ItemResult numeric(Handle h, Question q) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, Integer> before = new LinkedHashMap<>();
        for (int v = q.kind().min(); v <= q.kind().max(); v++) {
            counts.put(String.valueOf(v), 0);
            if (q.thenTest()) {
                before.put(String.valueOf(v), 0);
            }
        }
        int[] answered = {0};
        double[] sums = {0, 0};
        int[] beforeN = {0};
        h.createQuery("SELECT a.number, a.before FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id "
                        + "WHERE a.question_id = :q AND r.submitted_at IS NOT NULL")
                .bind("q", q.id())
                .map((rs, ctx) -> new Integer[] {(Integer) rs.getObject(1, Integer.class), (Integer) rs.getObject(2, Integer.class)})
                .forEach(row -> {
                    if (row[0] != null) {
                        counts.merge(String.valueOf(row[0]), 1, Integer::sum);
                        answered[0]++;
                        sums[0] += row[0];
                    }
                    if (row[1] != null && q.thenTest()) {
                        before.merge(String.valueOf(row[1]), 1, Integer::sum);
                        beforeN[0]++;
                        sums[1] += row[1];
                    }
                });
        return new ItemResult(q, answered[0], counts, answered[0] == 0 ? null : sums[0] / answered[0],
                beforeN[0] == 0 ? null : sums[1] / beforeN[0], before, false);
    }

    private static ItemResult choices(Handle h, Question q) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        q.options().forEach(o -> counts.put(o, 0));
        int[] answered = {0};
        h.createQuery("SELECT a.choices FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id "
                        + "WHERE a.question_id = :q AND r.submitted_at IS NOT NULL AND cardinality(a.choices) > 0")
                .bind("q", q.id())
                .map((rs, ctx) -> org.convene.db.Rows.textArray(rs, "choices"))
                .forEach(chosen -> {
                    answered[0]++;
                    chosen.forEach(c -> counts.merge(c, 1, Integer::sum));
                });
        return new ItemResult(q, answered[0], counts, null, null, Map.of(), false);
    }

    /** The free-text answers to a module's feedback, or none while its results are withheld. */
    public List<Comment> moduleComments(long moduleId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM surveys WHERE module_id = :m AND kind = 'module_feedback'")
                .bind("m", moduleId).mapTo(Long.class).findOne()
                .map(id -> of(h, Surveys.get(h, id)).comments()).orElse(List.of()));
    }

    /**
     * One point of an item's trend: the module's mean, or null where the module's results are
     * withheld or missing, or (anonymous) fewer than the minimum answered the item.
     */
    public record TrendPoint(int modulePosition, String moduleTitle, long surveyId, int responses, Double mean) {
    }

    /** The mean of every numeric module-feedback item, module by module. */
    public Map<String, List<TrendPoint>> trends(long cohortId) {
        return jdbi.withHandle(h -> {
            Map<String, List<TrendPoint>> trends = new LinkedHashMap<>();
            List<Survey> feedback = h.createQuery("SELECT id FROM surveys WHERE cohort_id = :c AND kind = 'module_feedback'")
                    .bind("c", cohortId).mapTo(Long.class).list().stream().map(id -> Surveys.get(h, id))
                    .filter(s -> s.modulePosition() != null)
                    .sorted(java.util.Comparator.comparingInt(Survey::modulePosition)).toList();
            for (Survey s : feedback) {
                boolean hidden = withheld(s) || s.submitted() == 0;
                for (Question q : Surveys.questions(h, s.id())) {
                    if (!q.kind().numeric()) {
                        continue;
                    }
                    Double mean = hidden ? null : shown(s, numeric(h, q)).mean();
                    trends.computeIfAbsent(q.code(), k -> new ArrayList<>())
                            .add(new TrendPoint(s.modulePosition(), s.moduleTitle(), s.id(), s.submitted(), mean));
                }
            }
            return trends;
        });
    }

    /** The mean of one item in one module's feedback, or null if withheld, missing or unanswered. */
    public static Double moduleItemMean(Handle h, long moduleId, String code) {
        Long surveyId = h.createQuery("SELECT id FROM surveys WHERE module_id = :m AND kind = 'module_feedback'").bind("m", moduleId)
                .mapTo(Long.class).findOne().orElse(null);
        if (surveyId == null) {
            return null;
        }
        Survey s = Surveys.get(h, surveyId);
        if (withheld(s)) {
            return null;
        }
        return Surveys.questions(h, surveyId).stream().filter(q -> q.code().equals(code) && q.kind().numeric()).findFirst()
                .map(q -> shown(s, numeric(h, q)).mean()).orElse(null);
    }
}
