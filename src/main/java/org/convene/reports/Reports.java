package org.convene.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.convene.evaluation.AnonymityRule;
import org.convene.evaluation.PairedComparison;
import org.convene.network.NetworkMetrics;
import org.convene.relationships.NetworkSlices;
import org.convene.relationships.Slice;
import org.convene.programmes.Cohort;
import org.convene.programmes.CourseChanges;
import org.convene.programmes.Module;
import org.convene.programmes.ModuleInput;
import org.convene.programmes.Programmes;
import org.convene.surveys.Question;
import org.convene.surveys.QuestionKind;
import org.convene.surveys.Results;
import org.convene.surveys.Survey;
import org.convene.surveys.SurveyKind;
import org.convene.surveys.Surveys;
import org.convene.text.Sentiment;
import org.convene.text.SentimentAnalyser;
import org.convene.text.Themes;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Builds a cohort's evaluation report from its data. */
public final class Reports {
    static final int QUOTES_PER_THEME = 3;
    /** The row that stands for the sectors too small to show on their own. */
    static final String OTHER_SECTORS = "Other sectors together";

    private final Jdbi jdbi;
    private final Programmes programmes;
    private final Surveys surveys;
    private final Results results;
    private final CourseChanges changes;
    private final SentimentAnalyser sentiment = SentimentAnalyser.standard();
    private final Themes themes = Themes.standard();
    private final NetworkSlices networks;

    public Reports(Jdbi jdbi, Programmes programmes, Surveys surveys, Results results, CourseChanges changes) {
        this.jdbi = jdbi;
        this.programmes = programmes;
        this.surveys = surveys;
        this.results = results;
        this.changes = changes;
        this.networks = new NetworkSlices(jdbi);
    }

    public EvaluationReport build(long cohortId) {
        Cohort cohort = programmes.cohort(cohortId);
        List<Module> modules = programmes.modules(cohortId);
        List<Survey> all = surveys.list(cohortId);
        return jdbi.withHandle(h -> {
            EvaluationReport.Header header = new EvaluationReport.Header(cohort.programmeId(), cohort.programmeTitle(), cohort.id(),
                    cohort.name(), cohort.startsOn(), cohort.endsOn(), cohort.anonymous(), Instant.now());
            List<EvaluationReport.SurveyRate> rates = all.stream().map(s -> new EvaluationReport.SurveyRate(s.id(), s.title(),
                    s.kind().code(), s.modulePosition(), s.invited(), s.submitted(), Results.withheld(s))).toList();
            List<Survey> shown = all.stream().filter(s -> !Results.withheld(s) && s.submitted() > 0).toList();
            Comments comments = comments(h, shown);
            return new EvaluationReport(header, participation(h, cohortId, modules), rates, confidence(h, all), trends(cohortId, all),
                    split("All comments", comments.labels()), comments.byModule(),
                    themes.summarise(comments.all(), comments.labels(), QUOTES_PER_THEME),
                    connections(h, shown), network(cohort), changes.list(cohortId), List.of(), Results.MIN_GROUP);
        });
    }

    /** The cohort's network at its start and at its end (or today, if sooner), with the ties made in between. */
    private EvaluationReport.CohortNetwork network(Cohort cohort) {
        LocalDate today = LocalDate.now();
        LocalDate end = cohort.endsOn() == null || cohort.endsOn().isAfter(today) ? today : cohort.endsOn();
        LocalDate start = cohort.startsOn() == null || cohort.startsOn().isAfter(end) ? end : cohort.startsOn();
        Slice slice = new Slice(Slice.Kind.COHORT, cohort.id());
        NetworkSlices.Loaded before = networks.load(slice, null, start.minusDays(1), List.of());
        NetworkSlices.Loaded after = networks.load(slice, start, end, List.of());
        return new EvaluationReport.CohortNetwork(start, end, figures(before), figures(after), after.newTies(), after.newCrossSectorTies());
    }

    private static EvaluationReport.NetworkFigures figures(NetworkSlices.Loaded loaded) {
        NetworkMetrics.Metrics m = NetworkMetrics.compute(loaded.network(), new NetworkMetrics.Exact(), 1);
        return new EvaluationReport.NetworkFigures(m.people(), m.ties(), m.crossSectorTies(), m.density(), m.eiIndex(), m.components());
    }

    private static EvaluationReport.Participation participation(Handle h, long cohortId, List<Module> modules) {
        Map<String, Integer> statuses = new HashMap<>();
        h.createQuery("SELECT status, count(*) FROM enrolments WHERE cohort_id = :c GROUP BY status").bind("c", cohortId)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2))).forEach(e -> statuses.put(e.getKey(), e.getValue()));
        int enrolled = statuses.getOrDefault("enrolled", 0) + statuses.getOrDefault("completed", 0);
        List<EvaluationReport.ModuleAttendance> attendance = new ArrayList<>();
        double rateSum = 0;
        int recordedModules = 0;
        for (Module m : modules) {
            Map<String, Integer> counts = new HashMap<>();
            h.createQuery("SELECT status, count(*) FROM attendance WHERE module_id = :m GROUP BY status").bind("m", m.id())
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2))).forEach(e -> counts.put(e.getKey(), e.getValue()));
            boolean recorded = !counts.isEmpty();
            EvaluationReport.ModuleAttendance a = new EvaluationReport.ModuleAttendance(m.id(), m.position(), m.title(), m.celebration(),
                    m.startsAt().atZone(ModuleInput.ZONE).toLocalDate(), counts.getOrDefault("present", 0),
                    counts.getOrDefault("apologies", 0), counts.getOrDefault("absent", 0), recorded);
            attendance.add(a);
            if (recorded) {
                rateSum += a.rate(enrolled);
                recordedModules++;
            }
        }
        return new EvaluationReport.Participation(enrolled, statuses.getOrDefault("withdrawn", 0), attendance,
                recordedModules == 0 ? 0 : rateSum / recordedModules);
    }

    /** Confidence items paired by person: baseline with end (pre/post), and end "before" with end "now" (then-test). */
    private static List<EvaluationReport.ConfidenceItem> confidence(Handle h, List<Survey> all) {
        Survey baseline = all.stream().filter(s -> s.kind() == SurveyKind.BASELINE).findFirst().orElse(null);
        Survey end = all.stream().filter(s -> s.kind() == SurveyKind.END).findFirst().orElse(null);
        if (end == null && baseline == null) {
            return List.of();
        }
        Map<String, String> prompts = new LinkedHashMap<>();
        for (Survey s : java.util.stream.Stream.of(baseline, end).filter(java.util.Objects::nonNull).toList()) {
            for (Question q : Surveys.questions(h, s.id())) {
                if (q.kind() == QuestionKind.LIKERT && (q.code().startsWith("conf_") || q.thenTest())) {
                    prompts.putIfAbsent(q.code(), q.prompt());
                }
            }
        }
        List<EvaluationReport.ConfidenceItem> items = new ArrayList<>();
        for (Map.Entry<String, String> item : prompts.entrySet()) {
            Map<Long, Integer[]> pre = baseline == null ? Map.of() : answersByPerson(h, baseline.id(), item.getKey());
            Map<Long, Integer[]> post = end == null ? Map.of() : answersByPerson(h, end.id(), item.getKey());
            List<Double> before = new ArrayList<>();
            List<Double> after = new ArrayList<>();
            for (Map.Entry<Long, Integer[]> e : pre.entrySet()) {
                Integer[] p = post.get(e.getKey());
                if (e.getValue()[0] != null && p != null && p[0] != null) {
                    before.add(e.getValue()[0].doubleValue());
                    after.add(p[0].doubleValue());
                }
            }
            List<Double> then = new ArrayList<>();
            List<Double> now = new ArrayList<>();
            for (Integer[] p : post.values()) {
                if (p[0] != null && p[1] != null) {
                    then.add(p[1].doubleValue());
                    now.add(p[0].doubleValue());
                }
            }
            PairedComparison prePost = before.size() >= Results.MIN_GROUP ? PairedComparison.of(before, after) : null;
            PairedComparison thenTest = then.size() >= Results.MIN_GROUP ? PairedComparison.of(then, now) : null;
            items.add(new EvaluationReport.ConfidenceItem(item.getKey(), item.getValue(), prePost, thenTest, before.size(), then.size()));
        }
        return items;
    }

    /** Person id to {now, before} for one item of one survey, submitted responses only. */
    private static Map<Long, Integer[]> answersByPerson(Handle h, long surveyId, String code) {
        Map<Long, Integer[]> out = new LinkedHashMap<>();
        h.createQuery("SELECT i.person_id, a.number, a.before FROM survey_answers a JOIN survey_questions q ON q.id = a.question_id "
                        + "JOIN survey_responses r ON r.id = a.response_id JOIN survey_invitations i ON i.id = r.invitation_id "
                        + "WHERE q.survey_id = :s AND q.code = :code AND r.submitted_at IS NOT NULL ORDER BY i.person_id")
                .bind("s", surveyId).bind("code", code)
                .map((rs, ctx) -> Map.entry(rs.getLong(1), new Integer[] {
                    (Integer) rs.getObject(2, Integer.class), (Integer) rs.getObject(3, Integer.class)}))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private List<EvaluationReport.Trend> trends(long cohortId, List<Survey> all) {
        Map<String, String> prompts = new HashMap<>();
        for (Survey s : all) {
            if (s.kind() == SurveyKind.MODULE_FEEDBACK) {
                surveys.questions(s.id()).forEach(q -> prompts.putIfAbsent(q.code(), q.prompt()));
            }
        }
        List<EvaluationReport.Trend> out = new ArrayList<>();
        results.trends(cohortId).forEach((code, points) -> out.add(new EvaluationReport.Trend(code, prompts.getOrDefault(code, code), points)));
        return out;
    }

    /** The comments of the surveys shown, each with its sentiment label (analysed once, for every figure that needs it). */
    private record Comments(List<String> all, List<Sentiment.Label> labels, List<EvaluationReport.SentimentSplit> byModule) {
    }

    private Comments comments(Handle h, List<Survey> shown) {
        List<String> all = new ArrayList<>();
        List<Sentiment.Label> labels = new ArrayList<>();
        List<EvaluationReport.SentimentSplit> byModule = new ArrayList<>();
        for (Survey s : shown) {
            List<String> texts = h.createQuery("SELECT a.text FROM survey_answers a JOIN survey_questions q ON q.id = a.question_id "
                            + "JOIN survey_responses r ON r.id = a.response_id WHERE q.survey_id = :s AND q.kind = 'text' "
                            + "AND r.submitted_at IS NOT NULL AND a.text <> '' ORDER BY a.response_id, q.position")
                    .bind("s", s.id()).mapTo(String.class).list();
            List<Sentiment.Label> these = new ArrayList<>(texts.size());
            for (String text : texts) {
                these.add(sentiment.analyse(text).label());
            }
            all.addAll(texts);
            labels.addAll(these);
            if (s.kind() == SurveyKind.MODULE_FEEDBACK && s.modulePosition() != null) {
                byModule.add(split("Module " + s.modulePosition(), these));
            }
        }
        return new Comments(all, labels, byModule);
    }

    private static EvaluationReport.SentimentSplit split(String source, List<Sentiment.Label> labels) {
        int positive = 0;
        int negative = 0;
        for (Sentiment.Label label : labels) {
            if (label == Sentiment.Label.POSITIVE) {
                positive++;
            } else if (label == Sentiment.Label.NEGATIVE) {
                negative++;
            }
        }
        return new EvaluationReport.SentimentSplit(source, labels.size(), positive, negative, labels.size() - positive - negative);
    }

    /** Connections named in the cohort's surveys: distinct pairs, and how many join people from different sectors. */
    private static EvaluationReport.Connections connections(Handle h, List<Survey> shown) {
        if (shown.isEmpty()) {
            return new EvaluationReport.Connections(0, 0, 0, 0, Map.of());
        }
        List<long[]> named = new ArrayList<>();
        h.createQuery("SELECT i.person_id, unnest(a.people) FROM survey_answers a JOIN survey_questions q ON q.id = a.question_id "
                        + "JOIN survey_responses r ON r.id = a.response_id JOIN survey_invitations i ON i.id = r.invitation_id "
                        + "WHERE q.survey_id = ANY(:s) AND q.kind = 'connections' AND r.submitted_at IS NOT NULL")
                .bind("s", shown.stream().map(Survey::id).toArray(Long[]::new))
                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).forEach(named::add);
        Set<Long> people = new HashSet<>();
        named.forEach(p -> {
            people.add(p[0]);
            people.add(p[1]);
        });
        Map<Long, String> sectors = new HashMap<>();
        if (!people.isEmpty()) {
            h.createQuery("SELECT p.id, s.name FROM people p JOIN sectors s ON s.code = p.sector_code WHERE p.id = ANY(:ids)")
                    .bind("ids", people.toArray(Long[]::new))
                    .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2))).forEach(e -> sectors.put(e.getKey(), e.getValue()));
        }
        Set<String> pairs = new HashSet<>();
        int cross = 0;
        for (long[] p : named) {
            String key = Math.min(p[0], p[1]) + "-" + Math.max(p[0], p[1]);
            if (pairs.add(key) && !java.util.Objects.equals(sectors.get(p[0]), sectors.get(p[1]))) {
                cross++;
            }
        }
        Map<String, Integer> bySector = new TreeMap<>();
        people.forEach(id -> bySector.merge(sectors.getOrDefault(id, "Unknown"), 1, Integer::sum));
        boolean anonymous = shown.stream().anyMatch(Survey::anonymous);
        return new EvaluationReport.Connections(named.size(), pairs.size(), cross, people.size(),
                anonymous ? withoutSmallSectors(bySector) : bySector);
    }

    /**
     * The sectors of fewer than five people, and those needed so they cannot be worked out from the
     * total, shown together as one row: a sector of one would say who answered an anonymous survey.
     */
    static Map<String, Integer> withoutSmallSectors(Map<String, Integer> bySector) {
        Set<String> hidden = AnonymityRule.DEFAULT.suppressed(bySector);
        if (hidden.isEmpty()) {
            return bySector;
        }
        Map<String, Integer> shown = new LinkedHashMap<>();
        int together = 0;
        for (Map.Entry<String, Integer> e : bySector.entrySet()) {
            if (hidden.contains(e.getKey())) {
                together += e.getValue();
            } else {
                shown.put(e.getKey(), e.getValue());
            }
        }
        shown.put(OTHER_SECTORS, together);
        return shown;
    }
}
