package org.convene.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.convene.programmes.Cohort;
import org.convene.programmes.CohortInput;
import org.convene.programmes.CourseChangeInput;
import org.convene.programmes.CourseChanges;
import org.convene.programmes.Enrolments;
import org.convene.programmes.Module;
import org.convene.programmes.ModuleInput;
import org.convene.programmes.Programme;
import org.convene.programmes.ProgrammeInput;
import org.convene.programmes.Programmes;
import org.convene.surveys.Distribution;
import org.convene.surveys.Question;
import org.convene.surveys.Responses;
import org.convene.surveys.Results;
import org.convene.surveys.Survey;
import org.convene.surveys.SurveyKind;
import org.convene.surveys.SurveyLinks;
import org.convene.surveys.Surveys;
import org.jdbi.v3.core.Jdbi;

/**
 * A finished cohort of a collective leadership programme, run through the same services a
 * programme team uses (seed 001): 30 managers and clinicians, six modules ending in a
 * celebration, a feedback survey after modules 1 to 5, a PDSA change after module 2 (more time
 * for group work) that moves the interactivity item in module 3, and baseline and end surveys
 * with then-test confidence items and new connections. Deterministic for a seed.
 */
public final class ProgrammeDemo {
    public static final String PROGRAMME = "The Collective Leadership Programme";
    static final String[][] MODULES = {
        {"Leading together: team dynamics", "Team dynamics"},
        {"Working with wicked problems", "Complex adaptive systems"},
        {"Appreciative Inquiry", "Appreciative Inquiry"},
        {"Coaching conversations with GROW", "GROW coaching model"},
        {"Action learning sets and improvement projects", "Action learning"},
        {"Celebration: presenting our improvement projects", "Celebration"},
    };

    /**
     * The demo region's finished cohort: the demo participant and 29 managers and clinicians from
     * the health and care sectors, led by the demo facilitator, ending a month ago.
     */
    public static Loaded forRegion(Jdbi jdbi, long seed, long participantPersonId, Long facilitatorPersonId) {
        List<Long> people = new ArrayList<>();
        people.add(participantPersonId);
        people.addAll(jdbi.withHandle(h -> h.createQuery("SELECT id FROM people WHERE sector_code IN ('acute', 'mental_health', "
                        + "'community', 'primary', 'adult_social_care') AND id <> :p AND id <> coalesce(:f, -1) AND listed "
                        + "ORDER BY id LIMIT 29")
                .bind("p", participantPersonId).bind("f", facilitatorPersonId).mapTo(Long.class).list()));
        LocalDate start = LocalDate.now().minusWeeks(24).with(java.time.DayOfWeek.TUESDAY);
        return new ProgrammeDemo(jdbi).load(seed, "Cohort 1", people, facilitatorPersonId, start);
    }

    /** What was made, for printing and for tests. */
    public record Loaded(long programmeId, long cohortId, List<Long> moduleIds, long baselineSurvey, long endSurvey,
                         List<Long> feedbackSurveys, long changeId, int responses) {
    }

    private final Jdbi jdbi;
    private final Programmes programmes;
    private final Enrolments enrolments;
    private final Surveys surveys;
    private final Responses responses;
    private final Distribution distribution;
    private final CourseChanges changes;

    public ProgrammeDemo(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.programmes = new Programmes(jdbi);
        this.enrolments = new Enrolments(jdbi);
        this.surveys = new Surveys(jdbi);
        this.responses = new Responses(jdbi);
        this.distribution = new Distribution(jdbi, new SurveyLinks(jdbi), "http://localhost");
        this.changes = new CourseChanges(jdbi);
    }

    /**
     * Runs the cohort from {@code start} (the first module) with these participants; the
     * facilitator (a person id, may be null) leads every module. Emails the run would have sent
     * are not left in the outbox.
     */
    public Loaded load(long seed, String cohortName, List<Long> participants, Long facilitator, LocalDate start) {
        SplittableRandom random = new SplittableRandom(seed);
        long outboxBefore = jdbi.withHandle(h -> h.createQuery("SELECT coalesce(max(id), 0) FROM outbox").mapTo(Long.class).one());
        Programme programme = programmes.list().stream().filter(p -> p.title().equals(PROGRAMME)).findFirst()
                .orElseGet(() -> programmes.create(new ProgrammeInput(PROGRAMME,
                        "Six modules for inter-disciplinary leaders in health and care: team dynamics, wicked problems, "
                                + "coaching skills (Appreciative Inquiry and GROW), action learning sets and an improvement project, "
                                + "ending in a celebration.").validated(), null));
        Cohort cohort = programmes.createCohort(programme.id(), new CohortInput(cohortName, start.toString(),
                start.plusWeeks(20).toString(), true).validated());
        enrolments.enrol(cohort.id(), participants);
        int answered = 0;

        // Baseline, a week before the first module.
        Survey baseline = surveys.create(cohort.id(), SurveyKind.BASELINE, null, true);
        answered += run(baseline.id(), participants, 0.95, random, (q, r) -> confidence(q, r, 2.5, 0));

        List<Long> moduleIds = new ArrayList<>();
        List<Long> feedback = new ArrayList<>();
        for (int i = 0; i < MODULES.length; i++) {
            LocalDate day = start.plusWeeks(4L * i);
            boolean celebration = i == MODULES.length - 1;
            Module m = programmes.createModule(cohort.id(), new ModuleInput(MODULES[i][0], MODULES[i][1], day.toString(), "09:30",
                    "16:00", "Plymouth, Jurys Inn", false, celebration, !celebration,
                    facilitator == null ? List.of() : List.of(facilitator)).validated());
            moduleIds.add(m.id());
            Map<Long, String> attendance = new LinkedHashMap<>();
            for (Long p : participants) {
                attendance.put(p, random.nextDouble() < (celebration ? 0.97 : 0.9) ? "present" : random.nextBoolean() ? "apologies" : "absent");
            }
            enrolments.recordAttendance(m.id(), attendance, null);
            if (!celebration) {
                long surveyId = surveys.list(cohort.id()).stream().filter(s -> m.id() == (s.moduleId() == null ? -1 : s.moduleId()))
                        .findFirst().orElseThrow().id();
                feedback.add(surveyId);
                int module = i + 1;
                answered += run(surveyId, List.copyOf(attendance.entrySet().stream().filter(e -> e.getValue().equals("present"))
                        .map(Map.Entry::getKey).toList()), 0.85, random, (q, r) -> moduleAnswer(q, r, module));
            }
        }

        long changeId = logChange(cohort.id(), moduleIds.get(1), moduleIds.get(2));

        Survey end = surveys.create(cohort.id(), SurveyKind.END, null, true);
        answered += run(end.id(), participants, 0.9, random, (q, r) -> endAnswer(q, r, participants));

        fixTimes(cohort.id(), baseline.id(), end.id(), start);
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM outbox WHERE id > :before AND sent_at IS NULL").bind("before", outboxBefore).execute());
        return new Loaded(programme.id(), cohort.id(), moduleIds, baseline.id(), end.id(), feedback, changeId, answered);
    }

    @FunctionalInterface
    private interface Answerer {
        Responses.Answer answer(Question q, SplittableRandom random);
    }

    /** Opens a survey to these people, lets a share of them answer, closes it; returns how many answered. */
    private int run(long surveyId, List<Long> invited, double responseRate, SplittableRandom random, Answerer answerer) {
        Survey survey = surveys.get(surveyId);
        if (survey.editable()) {
            if ("draft".equals(survey.status()) || survey.opensAt().isAfter(Instant.now())) {
                distribution.openNow(surveyId);
            } else {
                distribution.openDue();
            }
        }
        surveys.schedule(surveyId, Instant.now(), null, 3, 2);
        List<Question> questions = surveys.questions(surveyId);
        int n = 0;
        for (Long person : invited) {
            if (random.nextDouble() >= responseRate) {
                continue;
            }
            Responses.Invitation inv = responses.invitationFor(surveyId, person).orElse(null);
            if (inv == null) {
                continue;
            }
            Map<Long, Responses.Answer> answers = new LinkedHashMap<>();
            for (Question q : questions) {
                answers.put(q.id(), answerer.answer(q, random));
            }
            responses.save(inv.id(), answers, true, null);
            n++;
        }
        surveys.close(surveyId);
        return n;
    }

    private static int likert(SplittableRandom r, double mean) {
        double v = mean + gaussian(r) * 0.75;
        return (int) Math.max(1, Math.min(5, Math.round(v)));
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    private static Responses.Answer number(Question q, Integer value, Integer before) {
        return new Responses.Answer(q.id(), value, before, List.of(), "", List.of());
    }

    private static Responses.Answer text(Question q, String text) {
        return new Responses.Answer(q.id(), null, null, List.of(), text, List.of());
    }

    private static String pick(SplittableRandom r, List<String> options, String topic) {
        return options.get(r.nextInt(options.size())).replace("{topic}", topic);
    }

    private static Responses.Answer confidence(Question q, SplittableRandom r, double mean, double thenShift) {
        if (q.code().startsWith("conf_")) {
            return number(q, likert(r, mean), null);
        }
        return r.nextDouble() < 0.6 ? text(q, pick(r, List.of("To understand the wider system and who to ask.",
                "Confidence to lead change beyond my own team.", "A network of people facing the same problems.",
                "Coaching skills I can use with my team.", "Time to think about my own leadership style."), "")) : text(q, "");
    }

    /** Module 2 felt like a lecture (interactivity low); after the change, module 3 had far more group work. */
    private static Responses.Answer moduleAnswer(Question q, SplittableRandom r, int module) {
        String topic = MODULES[module - 1][1];
        return switch (q.code()) {
            case "usefulness" -> number(q, likert(r, module == 2 ? 3.6 : 4.2), null);
            case "interactivity" -> number(q, likert(r, module == 2 ? 2.4 : module >= 3 ? 4.2 : 3.6), null);
            case "pace" -> new Responses.Answer(q.id(), null, null,
                    List.of(r.nextDouble() < (module == 2 ? 0.45 : 0.12) ? "Too fast" : r.nextDouble() < 0.08 ? "Too slow" : "About right"),
                    "", List.of());
            case "recommend" -> number(q, Math.max(0, Math.min(10, (int) Math.round((module == 2 ? 7.0 : 8.6) + gaussian(r) * 1.4))), null);
            case "went_well" -> r.nextDouble() < 0.8 ? text(q, pick(r, FeedbackVocabulary.WENT_WELL, topic)) : text(q, "");
            case "even_better_if" -> r.nextDouble() < 0.7
                    ? text(q, module == 2 && r.nextDouble() < 0.6
                            ? pick(r, List.of("Less lecturing and more time working in groups.", "More time for the group exercises, they were cut short.",
                                    "Good speakers, but far too little time to discuss.", "Far too much content for one day; it felt rushed after lunch."), topic)
                            : pick(r, FeedbackVocabulary.EVEN_BETTER_IF, topic))
                    : text(q, "");
            case "new_connections" -> new Responses.Answer(q.id(), null, null, List.of(), "", List.of());
            default -> Responses.Answer.empty(q.id());
        };
    }

    /** At the end: confidence now well above the baseline; looking back, people rate their start lower than they did then. */
    private static Responses.Answer endAnswer(Question q, SplittableRandom r, List<Long> cohort) {
        if (q.code().startsWith("conf_")) {
            return number(q, likert(r, 3.9), likert(r, 2.2));
        }
        return switch (q.code()) {
            case "recommend" -> number(q, Math.max(0, Math.min(10, (int) Math.round(8.7 + gaussian(r) * 1.2))), null);
            case "difference" -> text(q, pick(r, FeedbackVocabulary.DIFFERENCE, ""));
            case "even_better_if" -> r.nextDouble() < 0.5 ? text(q, pick(r, FeedbackVocabulary.EVEN_BETTER_IF, "coaching")) : text(q, "");
            case "new_connections" -> {
                List<Long> people = new ArrayList<>();
                int count = 2 + r.nextInt(3);
                for (int i = 0; i < count; i++) {
                    people.add(cohort.get(r.nextInt(cohort.size())));
                }
                yield new Responses.Answer(q.id(), null, null, List.of(), "", people.stream().distinct().toList());
            }
            default -> Responses.Answer.empty(q.id());
        };
    }

    private long logChange(long cohortId, long module2, long module3) {
        List<String> prompting = new Results(jdbi).moduleComments(module2).stream()
                .filter(c -> c.code().equals("even_better_if") && (c.text().contains("group") || c.text().contains("discuss")))
                .limit(4).map(Results.Comment::ref).toList();
        return changes.create(cohortId, new CourseChangeInput("More time for group work",
                "Cut the taught input in module 3 by an hour and use it for facilitated work in table groups, "
                        + "mixing sectors at each table.",
                "Module 2 feedback: interactivity was the lowest-rated item and several comments asked for less lecturing "
                        + "and more time to discuss.",
                module2, "interactivity", module3,
                "Interactivity rose in module 3 and the comments about group work turned positive.", "adopt", prompting).validated(), null).id();
    }

    /** Puts the run back in its own time: surveys open when their module ends and close two weeks later. */
    private void fixTimes(long cohortId, long baseline, long end, LocalDate start) {
        Instant baselineOpens = start.minusWeeks(2).atTime(LocalTime.of(9, 0)).atZone(ModuleInput.ZONE).toInstant();
        Instant endOpens = start.plusWeeks(20).atTime(LocalTime.of(17, 0)).atZone(ModuleInput.ZONE).toInstant();
        jdbi.useTransaction(h -> {
            h.createUpdate("UPDATE surveys s SET opens_at = m.ends_at, closes_at = m.ends_at + interval '14 days' FROM modules m "
                    + "WHERE s.module_id = m.id AND s.cohort_id = :c").bind("c", cohortId).execute();
            h.createUpdate("UPDATE surveys SET opens_at = :o, closes_at = CAST(:o AS timestamptz) + interval '14 days' WHERE id = :id")
                    .bind("o", baselineOpens).bind("id", baseline).execute();
            h.createUpdate("UPDATE surveys SET opens_at = :o, closes_at = CAST(:o AS timestamptz) + interval '14 days' WHERE id = :id")
                    .bind("o", endOpens).bind("id", end).execute();
            h.createUpdate("UPDATE survey_responses r SET started_at = s.opens_at + (r.id % 97) * interval '1 hour', "
                    + "updated_at = s.opens_at + (r.id % 97) * interval '1 hour', submitted_at = s.opens_at + (r.id % 97) * interval '1 hour' "
                    + "FROM surveys s WHERE s.id = r.survey_id AND s.cohort_id = :c").bind("c", cohortId).execute();
            h.createUpdate("UPDATE survey_invitations i SET created_at = s.opens_at, last_emailed_at = s.opens_at FROM surveys s "
                    + "WHERE s.id = i.survey_id AND s.cohort_id = :c").bind("c", cohortId).execute();
        });
    }
}
