package org.convene.reports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.convene.db.CsvCopy;
import org.convene.demo.DemoFeedback;
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
import org.convene.surveys.Question;
import org.convene.surveys.Results;
import org.convene.surveys.Survey;
import org.convene.surveys.SurveyKind;
import org.convene.surveys.Surveys;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A finished national cohort, fast: thousands of participants, six modules with attendance, five
 * module-feedback surveys and the baseline and end surveys, made with the real services and
 * templates (Programmes, Enrolments, Surveys, SurveyTemplates, CourseChanges); then attendance and
 * invitations (INSERT ... SELECT), responses and answers (COPY) in one transaction, instead of one
 * transaction per response as {@link org.convene.demo.ProgrammeDemo} does. Connections named in
 * answers are not turned into ties, as submitting through Responses would. For 5,000 people that
 * is about 50,000 comments, drawn from the demo vocabulary and the labelled tuning comments and
 * varied (openers, closers, module topics, pairs of sentences, casual typing), so sentiment and
 * themes see a realistic spread rather than a few dozen strings. Deterministic for a seed.
 *
 * <p>People have a steady disposition: a confidence offset carried from the baseline to the end
 * (so pre/post pairs correlate), a positivity that tilts ratings and comments, and an engagement
 * that drives attendance and response. They sit in learning sets of eight, where most of the new
 * connections they name come from. Module 2 rates low on interactivity and prompts a PDSA change
 * that lifts it in module 3, as in seed 001.
 */
public final class NationalProgrammeFixture {
    public static final String PROGRAMME = "National Collective Leadership Programme";
    static final int SET_SIZE = 8;
    /** Of those who do not submit, the share who started and left a draft. */
    static final double DRAFT_SHARE = 0.3;

    /** What was made, and counts to check a report against. */
    public record Loaded(long programmeId, long cohortId, List<Long> moduleIds, long baselineSurvey, long endSurvey,
                         List<Long> feedbackSurveys, long changeId, int participants, int invitations, int responses, int drafts,
                         long answers, int comments, int connectionsNamed, long millis) {
    }

    private final Jdbi jdbi;
    private final SplittableRandom random;
    private final CommentWriter writer;

    private NationalProgrammeFixture(Jdbi jdbi, long seed) {
        this.jdbi = jdbi;
        this.random = new SplittableRandom(seed);
        this.writer = new CommentWriter(new SplittableRandom(seed * 31 + 7));
    }

    /**
     * Runs a national cohort of these directory people from {@code start} (the first module),
     * ending 20 weeks later.
     */
    public static Loaded load(Jdbi jdbi, long seed, String cohortName, List<Long> participants, LocalDate start) {
        return new NationalProgrammeFixture(jdbi, seed).run(cohortName, participants, start);
    }

    /** {@code count} people of the directory picked at random (for a seed), so every sector is represented as it is there. */
    public static List<Long> pickPeople(Jdbi jdbi, long seed, int count) {
        List<Long> all = new ArrayList<>(jdbi.withHandle(h -> h.createQuery("SELECT id FROM people ORDER BY id").mapTo(Long.class).list()));
        if (all.size() < count) {
            throw new IllegalStateException("The directory has " + all.size() + " people, fewer than " + count);
        }
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = all.size() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            Long t = all.get(i);
            all.set(i, all.get(j));
            all.set(j, t);
        }
        return List.copyOf(all.subList(0, count));
    }

    // Per person, by index in the participant list.
    private long[] ids;
    private double[] confidence;
    private double[] positivity;
    private double[] engagement;

    private Loaded run(String cohortName, List<Long> participants, LocalDate start) {
        long started = System.nanoTime();
        int n = participants.size();
        ids = participants.stream().mapToLong(Long::longValue).toArray();
        confidence = new double[n];
        positivity = new double[n];
        engagement = new double[n];
        for (int i = 0; i < n; i++) {
            confidence[i] = gaussian() * 0.5;
            positivity[i] = gaussian() * 0.35;
            engagement[i] = Math.max(0.55, Math.min(1.0, 0.93 + gaussian() * 0.07));
        }

        Programmes programmes = new Programmes(jdbi);
        Surveys surveys = new Surveys(jdbi);
        Programme programme = programmes.list().stream().filter(p -> p.title().equals(PROGRAMME)).findFirst()
                .orElseGet(() -> programmes.create(new ProgrammeInput(PROGRAMME,
                        "The national programme for inter-disciplinary leaders in health and care, delivered in regional groups: "
                                + "team dynamics, wicked problems, Appreciative Inquiry and GROW coaching, action learning sets and "
                                + "an improvement project, ending in a celebration.").validated(), null));
        Cohort cohort = programmes.createCohort(programme.id(), new CohortInput(cohortName, start.toString(),
                start.plusWeeks(20).toString(), true).validated());
        new Enrolments(jdbi).enrol(cohort.id(), participants);

        Survey baseline = surveys.create(cohort.id(), SurveyKind.BASELINE, null, true);
        List<Module> modules = new ArrayList<>();
        for (int i = 1; i <= DemoFeedback.modules(); i++) {
            boolean celebration = i == DemoFeedback.modules();
            LocalDate day = start.plusWeeks(4L * (i - 1));
            modules.add(programmes.createModule(cohort.id(), new ModuleInput(DemoFeedback.module(i)[0], DemoFeedback.module(i)[1],
                    day.toString(), "09:30", "16:00", i % 2 == 0 ? "Online" : "Regional venues across England", i % 2 == 0,
                    celebration, !celebration, List.of()).validated()));
        }
        Survey end = surveys.create(cohort.id(), SurveyKind.END, null, true);
        List<Long> moduleIds = modules.stream().map(Module::id).toList();

        int[] counts = new int[3]; // invitations, responses, drafts
        long[] answerCount = {0};
        int[] commentCount = {0};
        int[] named = {0};
        List<Long> feedback = new ArrayList<>();
        jdbi.useTransaction(h -> {
            // Attendance, module by module: engaged people come more often; nearly everyone comes to the celebration.
            List<boolean[]> present = new ArrayList<>();
            for (Module m : modules) {
                boolean[] here = new boolean[n];
                Long[] people = new Long[n];
                String[] status = new String[n];
                for (int i = 0; i < n; i++) {
                    double p = m.celebration() ? Math.min(0.99, engagement[i] + 0.04) : engagement[i];
                    here[i] = random.nextDouble() < p;
                    people[i] = ids[i];
                    status[i] = here[i] ? "present" : random.nextDouble() < 0.6 ? "apologies" : "absent";
                }
                present.add(here);
                h.createUpdate("INSERT INTO attendance (module_id, person_id, status, recorded_at) "
                                + "SELECT :m, p, s, :at FROM unnest(:people, :status) AS t (p, s)")
                        .bind("m", m.id()).bind("people", people).bind("status", status)
                        .bind("at", m.endsAt()).execute();
            }

            // Surveys back in their own time: feedback opens when its module ends, each closes two weeks later.
            Instant baselineOpens = start.minusWeeks(2).atTime(LocalTime.of(9, 0)).atZone(ModuleInput.ZONE).toInstant();
            Instant endOpens = start.plusWeeks(20).atTime(LocalTime.of(17, 0)).atZone(ModuleInput.ZONE).toInstant();
            closeAt(h, baseline.id(), baselineOpens);
            for (Module m : modules) {
                h.createQuery("SELECT id FROM surveys WHERE module_id = :m AND kind = 'module_feedback'").bind("m", m.id())
                        .mapTo(Long.class).findOne().ifPresent(id -> {
                            feedback.add(id);
                            closeAt(h, id, m.endsAt());
                        });
            }
            closeAt(h, end.id(), endOpens);

            List<Planned> order = new ArrayList<>();
            order.add(new Planned(baseline.id(), SurveyKind.BASELINE, null, baselineOpens));
            for (int k = 0; k < feedback.size(); k++) {
                order.add(new Planned(feedback.get(k), SurveyKind.MODULE_FEEDBACK, modules.get(k), modules.get(k).endsAt()));
            }
            order.add(new Planned(end.id(), SurveyKind.END, null, endOpens));
            for (Planned s : order) {
                long surveyId = s.id();
                Instant opens = s.opens();
                // Invited as Distribution invites: everyone enrolled, or those present at the module.
                Map<Long, Long> invitation = new HashMap<>();
                h.createQuery("INSERT INTO survey_invitations (survey_id, person_id, created_at, last_emailed_at) "
                                + "SELECT :survey, e.person_id, :opens, :opens FROM enrolments e WHERE e.cohort_id = :cohort "
                                + "AND e.status <> 'withdrawn' AND (CAST(:module AS bigint) IS NULL OR EXISTS (SELECT 1 FROM attendance a "
                                + "WHERE a.module_id = :module AND a.person_id = e.person_id AND a.status = 'present')) "
                                + "RETURNING person_id, id")
                        .bind("survey", surveyId).bind("opens", opens).bind("cohort", cohort.id()).bind("module", s.module() == null ? null : s.module().id())
                        .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getLong(2))).forEach(e -> invitation.put(e.getKey(), e.getValue()));
                counts[0] += invitation.size();
                List<Question> questions = Surveys.questions(h, surveyId);
                double rate = s.kind() == SurveyKind.BASELINE ? 0.95 : s.kind() == SurveyKind.END ? 0.9 : 0.91;

                List<Object[]> responses = new ArrayList<>();
                List<List<Object[]>> answers = new ArrayList<>();
                List<Long> reminded = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    Long inv = invitation.get(ids[i]);
                    if (inv == null) {
                        continue;
                    }
                    double p = Math.min(0.99, rate * (0.75 + 0.25 * engagement[i] / 0.93));
                    boolean submitted = random.nextDouble() < p;
                    boolean draft = !submitted && random.nextDouble() < DRAFT_SHARE;
                    if (!submitted) {
                        reminded.add(inv);
                    }
                    if (!submitted && !draft) {
                        continue;
                    }
                    // Most answer in the first few days; the reminders bring the rest.
                    double hours = Math.min(13.5 * 24, -Math.log(1 - random.nextDouble()) * 40);
                    Instant at = opens.plusSeconds((long) (hours * 3600));
                    Instant began = at.minus(Duration.ofMinutes(3 + random.nextInt(15)));
                    responses.add(new Object[] {inv, surveyId, began, at, submitted ? at : null});
                    List<Object[]> rows = new ArrayList<>();
                    for (Question q : questions) {
                        Object[] a = answer(s, q, i);
                        if (a == null || (draft && q.position() > 2 + random.nextInt(3))) {
                            continue;
                        }
                        rows.add(a);
                        if (submitted && q.kind().code().equals("text")) {
                            commentCount[0]++;
                        }
                        if (submitted && a[4] != null) {
                            named[0] += ((long[]) a[4]).length;
                        }
                    }
                    answers.add(rows);
                    if (submitted) {
                        counts[1]++;
                    } else {
                        counts[2]++;
                    }
                }
                long first = reserveIds(h, "survey_responses_id_seq", responses.size());
                CsvCopy.copy(h, "COPY survey_responses (id, invitation_id, survey_id, started_at, updated_at, submitted_at) FROM STDIN WITH (FORMAT csv)",
                        out -> {
                            for (int r = 0; r < responses.size(); r++) {
                                Object[] row = responses.get(r);
                                out.row(first + r, row[0], row[1], row[2], row[3], row[4]);
                            }
                        });
                CsvCopy.copy(h, "COPY survey_answers (response_id, question_id, number, before, choices, text, people) FROM STDIN WITH (FORMAT csv)",
                        out -> {
                            for (int r = 0; r < answers.size(); r++) {
                                for (Object[] a : answers.get(r)) {
                                    out.row(first + r, a[0], a[1], a[2], array(a[3]), a[5] == null ? "" : a[5], array(a[4]));
                                    answerCount[0]++;
                                }
                            }
                        });
                h.createUpdate("UPDATE survey_invitations SET reminders = 2, last_emailed_at = CAST(:opens AS timestamptz) + interval '6 days' "
                                + "WHERE id = ANY(:ids)")
                        .bind("opens", opens).bind("ids", reminded.toArray(Long[]::new)).execute();
            }
        });
        jdbi.useHandle(h -> {
            for (String table : List.of("attendance", "enrolments", "survey_invitations", "survey_responses", "survey_answers")) {
                h.execute("ANALYZE " + table);
            }
        });
        long changeId = logChange(cohort.id(), moduleIds.get(1), moduleIds.get(2));
        return new Loaded(programme.id(), cohort.id(), moduleIds, baseline.id(), end.id(), List.copyOf(feedback), changeId, n,
                counts[0], counts[1], counts[2], answerCount[0], commentCount[0], named[0], (System.nanoTime() - started) / 1_000_000);
    }

    private record Planned(long id, SurveyKind kind, Module module, Instant opens) {
    }

    private static void closeAt(Handle h, long surveyId, Instant opens) {
        h.createUpdate("UPDATE surveys SET status = 'closed', opens_at = :o, closes_at = CAST(:o AS timestamptz) + interval '14 days' "
                + "WHERE id = :id").bind("o", opens).bind("id", surveyId).execute();
    }

    /** {question id, number, before, choices, people, text}, or null for no answer. */
    private Object[] answer(Planned s, Question q, int person) {
        int module = s.module() == null ? 0 : s.module().position();
        String topic = module == 0 ? "coaching" : DemoFeedback.module(module)[1];
        double mood = positivity[person];
        if (s.kind() == SurveyKind.BASELINE) {
            if (q.code().startsWith("conf_")) {
                return number(q, likert(2.6 + confidence[person] + itemShift(q.code()), 0.7), null);
            }
            return random.nextDouble() < 0.6 ? text(q, writer.hope()) : null;
        }
        if (s.kind() == SurveyKind.END) {
            if (q.code().startsWith("conf_")) {
                double now = 3.9 + confidence[person] + mood * 0.5 + itemShift(q.code()) * 0.5;
                return number(q, likert(now, 0.7), likert(2.2 + confidence[person] + itemShift(q.code()), 0.7));
            }
            return switch (q.code()) {
                case "recommend" -> number(q, clamp((int) Math.round(8.6 + mood * 2 + gaussian() * 1.2), 0, 10), null);
                case "difference" -> random.nextDouble() < 0.95 ? text(q, writer.difference(mood)) : null;
                case "even_better_if" -> random.nextDouble() < 0.75 ? text(q, writer.evenBetter(mood, topic, 0, 6)) : null;
                case "new_connections" -> people(q, person, 2 + random.nextInt(3));
                default -> null;
            };
        }
        return switch (q.code()) {
            case "usefulness" -> number(q, likert((module == 2 ? 3.6 : 4.2) + mood, 0.75), null);
            case "interactivity" -> number(q, likert((module == 2 ? 2.4 : module >= 3 ? 4.2 : 3.6) + mood * 0.5, 0.75), null);
            case "pace" -> new Object[] {q.id(), null, null, List.of(random.nextDouble() < (module == 2 ? 0.45 : 0.12) ? "Too fast"
                    : random.nextDouble() < 0.08 ? "Too slow" : "About right"), null, null};
            case "recommend" -> number(q, clamp((int) Math.round((module == 2 ? 7.0 : 8.6) + mood * 2 + gaussian() * 1.4), 0, 10), null);
            case "went_well" -> random.nextDouble() < 0.95 ? text(q, writer.wentWell(mood, topic, module)) : null;
            case "even_better_if" -> random.nextDouble() < 0.9 ? text(q, writer.evenBetter(mood, topic, module, 6)) : null;
            case "new_connections" -> random.nextDouble() < 0.25 ? people(q, person, 1 + random.nextInt(2)) : null;
            default -> null;
        };
    }

    /** Some items start lower than others (the wider system, influencing), some higher (speaking up). */
    private static double itemShift(String code) {
        return switch (code) {
            case "conf_system", "conf_influencing" -> -0.3;
            case "conf_speaking_up", "conf_support" -> 0.2;
            default -> 0;
        };
    }

    /** Mostly people from the same learning set of eight, sometimes anyone in the cohort; never oneself. */
    private Object[] people(Question q, int person, int count) {
        Set<Long> chosen = new LinkedHashSet<>();
        int set = person / SET_SIZE;
        for (int k = 0; k < count * 3 && chosen.size() < count; k++) {
            int other = random.nextDouble() < 0.7
                    ? Math.min(ids.length - 1, set * SET_SIZE + random.nextInt(SET_SIZE))
                    : random.nextInt(ids.length);
            if (other != person) {
                chosen.add(ids[other]);
            }
        }
        if (chosen.isEmpty()) {
            return null;
        }
        return new Object[] {q.id(), null, null, null, chosen.stream().mapToLong(Long::longValue).toArray(), null};
    }

    private static Object[] number(Question q, Integer value, Integer before) {
        return new Object[] {q.id(), value, before, null, null, null};
    }

    private static Object[] text(Question q, String text) {
        return new Object[] {q.id(), null, null, null, null, text};
    }

    private int likert(double mean, double spread) {
        return clamp((int) Math.round(mean + gaussian() * spread), 1, 5);
    }

    private static int clamp(int v, int min, int max) {
        return Math.max(min, Math.min(max, v));
    }

    private double gaussian() {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /** The PDSA change after module 2, prompted by its comments about group work, as a facilitator records it. */
    private long logChange(long cohortId, long module2, long module3) {
        List<String> prompting = new Results(jdbi).moduleComments(module2).stream()
                .filter(c -> c.code().equals("even_better_if") && (c.text().contains("group") || c.text().contains("discuss")))
                .limit(6).map(c -> c.responseId() + ":" + c.questionId()).toList();
        return new CourseChanges(jdbi).create(cohortId, new CourseChangeInput("More time for group work",
                "Cut the taught input in module 3 by an hour in every regional group and use it for facilitated work in table "
                        + "groups, mixing sectors at each table.",
                "Module 2 feedback: interactivity was the lowest-rated item nationally and many comments asked for less lecturing "
                        + "and more time to discuss.",
                module2, "interactivity", module3,
                "Interactivity rose in module 3 in every region and the comments about group work turned positive.", "adopt",
                prompting).validated(), null).id();
    }

    // Bulk loading

    private static long reserveIds(Handle h, String sequence, int count) {
        long first = h.createQuery("SELECT nextval('" + sequence + "')").mapTo(Long.class).one();
        if (count > 1) {
            h.createQuery("SELECT setval('" + sequence + "', :last)").bind("last", first + count - 1).mapTo(Long.class).one();
        }
        return first;
    }

    private static String array(Object values) {
        if (values == null) {
            return "{}";
        }
        StringBuilder sb = new StringBuilder("{");
        if (values instanceof long[] longs) {
            for (int i = 0; i < longs.length; i++) {
                sb.append(i > 0 ? "," : "").append(longs[i]);
            }
        } else {
            return CsvCopy.arrayLiteral((List<?>) values);
        }
        return sb.append('}').toString();
    }

    /**
     * Free-text answers in participants' voices: the demo programme's comments and the labelled
     * tuning comments (src/test/resources/text), varied so that few are repeated word for word.
     */
    static final class CommentWriter {
        private static final List<String> HOPES = List.of(
                "To understand the wider system and who to ask.",
                "Confidence to lead change beyond my own team.",
                "A network of people facing the same problems.",
                "Coaching skills I can use with my team.",
                "Time to think about my own leadership style.",
                "To get better at working with the council and the voluntary sector.",
                "Practical tools for leading when there is no money and no time.",
                "To stop feeling like I am the only one struggling with this.",
                "Learning how other services cope with the same pressures.",
                "Some space away from the day job to reflect.",
                "I want to be braver about speaking up at system meetings.",
                "To meet people from primary care and social care properly, not just on email.",
                "Honestly, I was put forward by my manager, so I am not sure yet.",
                "A clearer idea of how to run an improvement project from start to finish.",
                "Ways to support my team through constant change.");
        private static final List<String> DIFFERENCE_MORE = List.of(
                "I chair our multi-agency meeting differently now: fewer updates, more problem solving.",
                "I have stopped trying to fix everything myself and ask the team more questions.",
                "We set up a shared huddle with the district nurses and the care homes.",
                "I use the GROW model in one-to-ones every week.",
                "The improvement project on falls is now part of our business plan.",
                "It gave me the confidence to apply for a system-wide role.",
                "I still meet my action learning set every month.",
                "It is early days, but I listen more before I jump in.",
                "Not as much as I hoped; my service was restructured halfway through.",
                "Hard to say, the winter pressures took over everything.",
                "I know the housing team by name now and we sort discharges much faster.",
                "I understand why the council does things the way it does, which helps a lot.");
        private static final List<String> POSITIVE_OPENERS = List.of("Overall, ", "Honestly, ", "For me, ", "Above all, ",
                "Really, ", "As always, ", "On reflection, ");
        private static final List<String> NEUTRAL_OPENERS = List.of("Overall, ", "For me, ", "On reflection, ", "If I'm honest, ",
                "Speaking for our table, ", "Minor point: ");
        private static final List<String> POSITIVE_CLOSERS = List.of("Thank you to the whole team.", "Best module so far.",
                "Looking forward to the next one.", "I would recommend it to colleagues.", "Well worth the time away from work.",
                "Thanks!", "Great day.", "Our regional group really gelled.");
        private static final List<String> NEGATIVE_CLOSERS = List.of("Otherwise a good day.", "Small things really.",
                "Still worth coming.", "Same as last time.", "This came up in our table too.", "Please fix for next time.",
                "Not a big deal overall.", "It was the same in the online group.");
        private static final List<String> PLACES = List.of("Leeds", "Birmingham", "Bristol", "Plymouth", "Newcastle", "Norwich",
                "Manchester", "London", "Nottingham", "Exeter", "Sheffield", "Cambridge");

        private final SplittableRandom random;
        private final List<String> positive = new ArrayList<>();
        private final List<String> negative = new ArrayList<>();
        private final List<String> neutral = new ArrayList<>();

        CommentWriter(SplittableRandom random) {
            this.random = random;
            for (String[] row : labelled()) {
                if (!row[0].equals("tune")) {
                    continue; // held-out comments are for measuring the analyser only
                }
                switch (row[1]) {
                    case "positive" -> positive.add(row[3]);
                    case "negative" -> negative.add(row[3]);
                    default -> neutral.add(row[3]);
                }
            }
        }

        String hope() {
            return vary(pick(HOPES), NEUTRAL_OPENERS, List.of(), 0.1, 0);
        }

        String difference(double mood) {
            String base = random.nextDouble() < 0.5 ? pick(DemoFeedback.DIFFERENCE) : pick(DIFFERENCE_MORE);
            if (mood < -0.3 && random.nextDouble() < 0.3) {
                base = pick(List.of("Honestly not much has changed yet, the pressures at work are too great.",
                        "Some useful ideas, but it is hard to find time to use them.",
                        "Hard to say, the winter pressures took over everything."));
            }
            return vary(base, POSITIVE_OPENERS, POSITIVE_CLOSERS, 0.15, 0.15);
        }

        String wentWell(double mood, String topic, int module) {
            double u = random.nextDouble() - mood * 0.1;
            String base;
            if (u < 0.04) {
                base = pick(negative);
            } else if (u < 0.16) {
                base = pick(neutral);
            } else {
                base = random.nextDouble() < 0.45 ? pick(DemoFeedback.WENT_WELL) : pick(positive);
            }
            base = base.replace("{topic}", topic);
            if (random.nextDouble() < 0.12) {
                base = base + " " + (random.nextDouble() < 0.5 ? pick(DemoFeedback.WENT_WELL) : pick(positive)).replace("{topic}", topic);
            }
            String out = vary(base, POSITIVE_OPENERS, POSITIVE_CLOSERS, 0.2, 0.25);
            if (module > 0 && random.nextDouble() < 0.1) {
                out = "In the " + pick(PLACES) + " group: " + lower(out);
            }
            return out;
        }

        String evenBetter(double mood, String topic, int module, int modules) {
            double u = random.nextDouble() + mood * 0.1;
            String base;
            if (module == 2 && random.nextDouble() < 0.5) {
                base = pick(List.of("Less lecturing and more time working in groups.", "More time for the group exercises, they were cut short.",
                        "Good speakers, but far too little time to discuss.", "Far too much content for one day; it felt rushed after lunch.",
                        "Too much talking at us and not enough group work.", "We barely had time to discuss anything in our groups.",
                        "The slides went on and on; give us time to work on it together."));
            } else if (u > 0.95) {
                base = pick(positive);
            } else if (u > 0.8) {
                base = pick(neutral);
            } else {
                base = random.nextDouble() < 0.45 ? pick(DemoFeedback.EVEN_BETTER_IF) : pick(negative);
            }
            base = base.replace("{topic}", topic);
            if (random.nextDouble() < 0.1) {
                base = base + " " + (random.nextDouble() < 0.5 ? pick(DemoFeedback.EVEN_BETTER_IF) : pick(negative)).replace("{topic}", topic);
            }
            String out = vary(base, NEUTRAL_OPENERS, NEGATIVE_CLOSERS, 0.15, 0.2);
            if (module > 0 && module < modules && random.nextDouble() < 0.05) {
                out = out + " Could module " + (module + 1) + " build on this?";
            }
            return out;
        }

        /** An opener, a closing sentence, casual typing (no capital, no full stop), each now and then. */
        private String vary(String base, List<String> openers, List<String> closers, double opener, double closer) {
            String out = base.strip();
            if (random.nextDouble() < opener && !openers.isEmpty()) {
                out = pick(openers) + lower(out);
            }
            if (random.nextDouble() < closer && !closers.isEmpty()) {
                out = out + (out.endsWith(".") || out.endsWith("!") || out.endsWith("?") ? " " : ". ") + pick(closers);
            }
            if (random.nextDouble() < 0.08) {
                out = lower(out);
                if (out.endsWith(".")) {
                    out = out.substring(0, out.length() - 1);
                }
            }
            return out;
        }

        /** The first letter in lower case, unless the first word is "I" or an acronym. */
        private static String lower(String s) {
            if (s.length() < 2 || !Character.isUpperCase(s.charAt(0)) || !Character.isLowerCase(s.charAt(1))) {
                return s;
            }
            return Character.toLowerCase(s.charAt(0)) + s.substring(1);
        }

        private String pick(List<String> options) {
            return options.get(random.nextInt(options.size()));
        }

        private static List<String[]> labelled() {
            InputStream in = NationalProgrammeFixture.class.getResourceAsStream("/text/feedback-labelled.tsv");
            if (in == null) {
                throw new IllegalStateException("Missing /text/feedback-labelled.tsv");
            }
            List<String[]> rows = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                reader.readLine();
                String line;
                while ((line = reader.readLine()) != null) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        String[] f = line.split("\t", -1);
                        if (f.length == 4) {
                            rows.add(new String[] {f[0], f[1].toLowerCase(Locale.ROOT), f[2], f[3]});
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return rows;
        }
    }
}
