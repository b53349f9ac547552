package org.convene.demo;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.convene.db.CsvCopy;
import org.convene.surveys.QuestionKind;
import org.convene.surveys.SurveyKind;
import org.convene.surveys.SurveyTemplates;
import org.convene.ties.TieKind;
import org.convene.web.Text;

/**
 * Programmes and their cohorts over three years, stored as the programme pages and the survey
 * engine store them: cohorts of 20 to 40 that run six to nine months with four to six modules
 * (the last a celebration), enrolments that end completed, withdrawn or still enrolled, attendance
 * for modules that have happened, and the template surveys (baseline, feedback after each module,
 * end) with invitations, reminders and submitted responses. Confidence items are answered from
 * each person's own starting level: on average half a point higher at the end, with spread, and
 * the end survey's then-test "before" a little below the baseline, as response shift makes it.
 * Most cohorts form action learning sets a fortnight in and publish them (their ties as
 * {@code Sets.publish} records them); end-survey "new connections" are ties as {@code Responses}
 * records them.
 */
final class ProgrammeActivity {
    static final List<String> KINDS = List.of("Collective Leadership Programme", "System Leadership Programme",
            "Compassionate Leadership Programme", "Leading Across Boundaries", "Integrated Care Leaders Programme",
            "Emerging Leaders Programme", "Quality Improvement Leaders Programme", "Clinical and Care Leadership Fellowship");
    static final String REGION = "Greater Manchester";
    private static final List<String> VENUES = List.of("Town Hall", "Friends Meeting House", "Jurys Inn", "Etihad Campus",
            "Central Library", "Innovation Centre", "Community Centre", "Education Centre");
    private static final List<String> HOPES = List.of("To understand the wider system and who to ask.",
            "Confidence to lead change beyond my own team.", "A network of people facing the same problems.",
            "Coaching skills I can use with my team.", "Time to think about my own leadership style.",
            "Ideas for working with the voluntary sector.", "How to get things done when nobody is in charge.");
    /** How each confidence item sits against the person's level, and how much more it grows. */
    private static final Map<String, double[]> CONFIDENCE = Map.of(
            "conf_collaborating", new double[] {0.3, 0.0}, "conf_speaking_up", new double[] {0.0, -0.05},
            "conf_influencing", new double[] {-0.35, 0.05}, "conf_uncertainty", new double[] {-0.2, 0.0},
            "conf_system", new double[] {-0.4, 0.1}, "conf_support", new double[] {-0.1, 0.2});

    /** Modules after the demo's first five, for cohorts asked to have more than six (the last is always the celebration). */
    private static final String[][] MORE_MODULES = {
        {"Testing small changes: quality improvement in practice", "Quality improvement"},
        {"Compassionate leadership", "Compassionate leadership"},
        {"Co-production with people who use services", "Co-production"},
        {"Health inequalities and population health", "Population health"},
        {"Looking after yourself while leading change", "Wellbeing"},
    };
    /** The most modules a cohort can have when the number is fixed, the celebration included. */
    static final int MAX_MODULES = ProgrammeDemo.MODULES.length + MORE_MODULES.length;

    /** A cohort as the later parts need it: its people (ids), place, dates and published sets. */
    record CohortRun(long id, int place, LocalDate startsOn, LocalDate endsOn, List<Long> people, List<List<Long>> sets,
                     List<Long> setIds, LocalDate setsPublished) {
    }

    private final ActivityContext ctx;
    private final SplittableRandom random;
    final ActivityContext.Rows programmes = new ActivityContext.Rows("programmes", "id, title, summary, created_at");
    final ActivityContext.Rows cohorts = new ActivityContext.Rows("cohorts", "id, programme_id, name, starts_on, ends_on, anonymous, created_at");
    final ActivityContext.Rows modules = new ActivityContext.Rows("modules",
            "id, cohort_id, position, title, topic, starts_at, ends_at, location, online, celebration, feedback, created_at");
    final ActivityContext.Rows facilitators = new ActivityContext.Rows("module_facilitators", "module_id, person_id");
    final ActivityContext.Rows enrolments = new ActivityContext.Rows("enrolments",
            "cohort_id, person_id, status, enrolled_at, years_experience, pay_band");
    final ActivityContext.Rows attendance = new ActivityContext.Rows("attendance", "module_id, person_id, status, recorded_at");
    final ActivityContext.Rows surveys = new ActivityContext.Rows("surveys",
            "id, cohort_id, module_id, kind, title, anonymous, status, opens_at, closes_at, remind_after_days, max_reminders, created_at");
    final ActivityContext.Rows questions = new ActivityContext.Rows("survey_questions",
            "id, survey_id, position, code, kind, prompt, hint, options, required, then_test");
    final ActivityContext.Rows invitations = new ActivityContext.Rows("survey_invitations",
            "id, survey_id, person_id, created_at, reminders, last_emailed_at");
    final ActivityContext.Rows responses = new ActivityContext.Rows("survey_responses",
            "id, invitation_id, survey_id, started_at, updated_at, submitted_at");
    final ActivityContext.Rows answers = new ActivityContext.Rows("survey_answers",
            "response_id, question_id, number, before, choices, text, people");
    final ActivityContext.Rows setPlans = new ActivityContext.Rows("set_plans",
            "cohort_id, status, set_size, seed, avoid_past, figures, formed_at, published_at");
    final ActivityContext.Rows learningSets = new ActivityContext.Rows("learning_sets", "id, cohort_id, number");
    final ActivityContext.Rows setMembers = new ActivityContext.Rows("learning_set_members", "set_id, cohort_id, person_id, locked");
    final List<CohortRun> runs = new ArrayList<>();

    private final int modulesEach;

    /**
     * {@code modulesEach}: how many modules every cohort has, the celebration included (so one
     * feedback survey fewer), or 0 for four to six at random.
     */
    ProgrammeActivity(ActivityContext ctx, SplittableRandom random, int modulesEach) {
        this.ctx = ctx;
        this.random = random;
        this.modulesEach = modulesEach;
    }

    /** The j-th module's {title, topic} when it is not the celebration. */
    private static String[] module(int j) {
        int taught = ProgrammeDemo.MODULES.length - 1;
        return j < taught ? ProgrammeDemo.MODULES[j] : MORE_MODULES[j - taught];
    }

    /** The title of the i-th programme: a kind of programme for the region, then for each place. */
    static String title(int i, List<String> placeNames) {
        int areas = placeNames.size() + 1;
        String area = i % areas == 0 ? REGION : placeNames.get(i % areas - 1);
        int kind = i / areas;
        String title = area + " " + KINDS.get(kind % KINDS.size());
        return kind < KINDS.size() ? title : title + " " + (kind / KINDS.size() + 1);
    }

    void generate(int programmeCount, int cohortCount) {
        List<String> placeNames = new ArrayList<>();
        for (int p = 0; p < ctx.people.places(); p++) {
            placeNames.add(ctx.people.placeName(p));
        }
        ActivityContext.Ids programmeIds = ctx.ids("programmes_id_seq");
        long[] programmeId = new long[programmeCount];
        int[] programmePlace = new int[programmeCount];
        List<int[]> programmeFacilitators = new ArrayList<>();
        Population.Draw anyone = Population.Draw.everyone(ctx.people.size());
        for (int i = 0; i < programmeCount; i++) {
            programmeId[i] = programmeIds.next();
            int area = i % (placeNames.size() + 1);
            programmePlace[i] = area - 1;
            String title = title(i, placeNames);
            programmes.add(programmeId[i], title, summary(title, area == 0 ? REGION : placeNames.get(area - 1)),
                    ActivityContext.at(ctx.firstDay.minusDays(60 - i % 50), 10, 0));
            int[] team = new int[4];
            for (int f = 0; f < team.length; f++) {
                team[f] = anyone.next(random);
            }
            programmeFacilitators.add(team);
        }

        // Cohort starts spread evenly over the three years (a random day in each slot), shuffled over the programmes.
        LocalDate earliest = ctx.firstDay.plusDays(21);
        long span = Math.max(1, earliest.until(ctx.today.minusDays(14), java.time.temporal.ChronoUnit.DAYS));
        int[] programmeOf = new int[cohortCount];
        for (int k = 0; k < cohortCount; k++) {
            programmeOf[k] = k % programmeCount;
        }
        shuffle(programmeOf);
        LocalDate[] starts = new LocalDate[cohortCount];
        for (int k = 0; k < cohortCount; k++) {
            long day = (long) ((k + random.nextDouble()) * span / cohortCount);
            starts[k] = ActivityContext.onOrAfter(earliest.plusDays(day), DayOfWeek.TUESDAY);
            if (starts[k].isAfter(ctx.today.minusDays(14))) {
                starts[k] = starts[k].minusWeeks(1);
            }
        }
        int[] numberInProgramme = new int[programmeCount];
        Map<Integer, Population.Draw> byPlace = new HashMap<>();
        ActivityContext.Ids cohortIds = ctx.ids("cohorts_id_seq");
        for (int k = 0; k < cohortCount; k++) {
            int programme = programmeOf[k];
            int place = programmePlace[programme];
            int number = ++numberInProgramme[programme];
            Population.Draw local = place < 0 || ctx.people.inPlace(place) == null ? null
                    : byPlace.computeIfAbsent(place, p -> new Population.Draw(ctx.people.inPlace(p)));
            cohort(cohortIds.next(), programmeId[programme], "Cohort " + number, place, starts[k], programmeFacilitators.get(programme),
                    local, anyone);
        }
    }

    private void cohort(long cohortId, long programmeId, String name, int place, LocalDate start, int[] team,
                        Population.Draw local, Population.Draw anyone) {
        int weeks = 26 + random.nextInt(14);
        LocalDate end = start.plusWeeks(weeks);
        cohorts.add(cohortId, programmeId, name, start, end, true, ActivityContext.at(start.minusDays(56), 11, 0));

        // Who leads it, and who comes.
        List<Long> leads = new ArrayList<>();
        leads.add(ctx.people.id(team[random.nextInt(team.length)]));
        if (random.nextDouble() < 0.5) {
            long second = ctx.people.id(team[random.nextInt(team.length)]);
            if (!leads.contains(second)) {
                leads.add(second);
            }
        }
        int size = 20 + random.nextInt(21);
        LinkedHashSet<Long> chosen = new LinkedHashSet<>();
        for (int attempts = 0; chosen.size() < size && attempts < size * 20; attempts++) {
            int person = local != null && random.nextDouble() < 0.8 ? local.next(random) : anyone.next(random);
            long id = ctx.people.id(person);
            if (!leads.contains(id)) {
                chosen.add(id);
            }
        }
        List<Long> people = new ArrayList<>(chosen);

        // Modules: evenly spaced from the start to the end, the last a celebration.
        int moduleCount = 4 + random.nextInt(3);
        if (modulesEach > 0) {
            moduleCount = modulesEach;
        }
        ActivityContext.Ids moduleIds = ctx.ids("modules_id_seq");
        long[] moduleId = new long[moduleCount];
        Instant[] moduleEnds = new Instant[moduleCount];
        String[] topics = new String[moduleCount];
        boolean online = random.nextDouble() < 0.15;
        String venue = (place < 0 ? REGION : ctx.people.placeName(place)) + ", " + ActivityContext.pick(random, VENUES);
        for (int j = 0; j < moduleCount; j++) {
            boolean celebration = j == moduleCount - 1;
            String[] module = celebration ? ProgrammeDemo.MODULES[ProgrammeDemo.MODULES.length - 1] : module(j);
            LocalDate day = j == moduleCount - 1 ? end : start.plusDays(Math.round((double) j * weeks * 7 / (moduleCount - 1)));
            moduleId[j] = moduleIds.next();
            moduleEnds[j] = ActivityContext.at(day, 16, 0);
            topics[j] = module[1];
            modules.add(moduleId[j], cohortId, j + 1, module[0], module[1], ActivityContext.at(day, 9, 30), moduleEnds[j],
                    online && !celebration ? "Online" : venue, online && !celebration, celebration, !celebration,
                    ActivityContext.at(start.minusDays(50), 11, 0));
            for (long lead : leads) {
                facilitators.add(moduleId[j], lead);
            }
        }

        // Enrolments: who withdrew (at which module), who completed; experience and band for the sets.
        boolean ended = end.isBefore(ctx.today);
        int pastModules = 0;
        while (pastModules < moduleCount && moduleEnds[pastModules].isBefore(ctx.now)) {
            pastModules++;
        }
        int[] withdrewAt = new int[people.size()];
        double[] level = new double[people.size()];
        double[] gain = new double[people.size()];
        for (int i = 0; i < people.size(); i++) {
            withdrewAt[i] = Integer.MAX_VALUE;
            if (pastModules > 2 && random.nextDouble() < (ended ? 0.09 : 0.06)) {
                withdrewAt[i] = 2 + random.nextInt(pastModules - 2);
            }
            String status = withdrewAt[i] != Integer.MAX_VALUE ? "withdrawn" : ended && random.nextDouble() < 0.93 ? "completed" : "enrolled";
            int band = 4 + random.nextInt(5);
            int years = Math.max(1, Math.min(40, (band - 3) * 4 + random.nextInt(9) - 2));
            enrolments.add(cohortId, people.get(i), status,
                    ActivityContext.at(start.minusDays(21 + random.nextInt(22)), 9 + random.nextInt(8), random.nextInt(60)), years, band);
            level[i] = 2.9 + 0.55 * ActivityContext.gaussian(random);
            gain[i] = 0.5 + 0.45 * ActivityContext.gaussian(random);
        }

        // Attendance at modules that have happened.
        boolean[][] present = new boolean[moduleCount][people.size()];
        for (int j = 0; j < pastModules; j++) {
            boolean celebration = j == moduleCount - 1;
            for (int i = 0; i < people.size(); i++) {
                if (withdrewAt[i] <= j) {
                    continue;
                }
                double r = random.nextDouble();
                String status = r < (celebration ? 0.95 : 0.88) ? "present" : r < 0.96 ? "apologies" : "absent";
                present[j][i] = status.equals("present");
                attendance.add(moduleId[j], people.get(i), status,
                        ActivityContext.earlier(ctx.now, moduleEnds[j].plusSeconds(random.nextInt(48 * 3600))));
            }
        }

        // Surveys: the baseline a fortnight before the start, feedback after each module, the end survey on the last day.
        ActivityContext.Ids surveyIds = ctx.ids("surveys_id_seq");
        Instant baselineOpens = ActivityContext.at(start.minusDays(14), 9, 0);
        long baseline = survey(surveyIds.next(), cohortId, null, SurveyKind.BASELINE, SurveyTemplates.title(SurveyKind.BASELINE, null, null),
                baselineOpens);
        List<Integer> everyone = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            everyone.add(i);
        }
        answer(baseline, SurveyKind.BASELINE, baselineOpens, people, everyone, 0.9, (code, i) -> switch (code) {
            case "hopes" -> random.nextDouble() < 0.55 ? text(ActivityContext.pick(random, HOPES)) : null;
            default -> number(ActivityContext.likert(level[i] + CONFIDENCE.get(code)[0] + 0.5 * ActivityContext.gaussian(random)), null);
        });
        for (int j = 0; j < moduleCount - 1; j++) {
            String title = SurveyTemplates.title(SurveyKind.MODULE_FEEDBACK, j + 1, module(j)[0]);
            long feedback = survey(surveyIds.next(), cohortId, moduleId[j], SurveyKind.MODULE_FEEDBACK, title, moduleEnds[j]);
            List<Integer> came = new ArrayList<>();
            for (int i = 0; i < people.size(); i++) {
                if (present[j][i]) {
                    came.add(i);
                }
            }
            String topic = topics[j];
            answer(feedback, SurveyKind.MODULE_FEEDBACK, moduleEnds[j], people, came, 0.75, (code, i) -> switch (code) {
                case "usefulness" -> number(ActivityContext.likert(4.1 + 0.75 * ActivityContext.gaussian(random)), null);
                case "interactivity" -> number(ActivityContext.likert(3.8 + 0.8 * ActivityContext.gaussian(random)), null);
                case "pace" -> choice(random.nextDouble() < 0.78 ? "About right" : random.nextDouble() < 0.7 ? "Too fast" : "Too slow");
                case "recommend" -> number(Math.max(0, Math.min(10, (int) Math.round(8.2 + 1.5 * ActivityContext.gaussian(random)))), null);
                case "went_well" -> random.nextDouble() < 0.45
                        ? text(ActivityContext.pick(random, FeedbackVocabulary.WENT_WELL).replace("{topic}", topic)) : null;
                case "even_better_if" -> random.nextDouble() < 0.35
                        ? text(ActivityContext.pick(random, FeedbackVocabulary.EVEN_BETTER_IF).replace("{topic}", topic)) : null;
                default -> null;
            });
        }
        Instant endOpens = ActivityContext.at(end, 17, 0);
        String endTitle = SurveyTemplates.title(SurveyKind.END, null, null);
        long endSurvey = survey(surveyIds.next(), cohortId, null, SurveyKind.END, endTitle, endOpens);
        List<Integer> stayed = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            if (withdrewAt[i] == Integer.MAX_VALUE) {
                stayed.add(i);
            }
        }
        String connectionNote = "New working connection reported in \"" + Text.clip(endTitle, 120) + "\"";
        Map<Integer, LocalDate> submittedOn = new HashMap<>();
        answer(endSurvey, SurveyKind.END, endOpens, people, stayed, 0.8, (code, i) -> {
            if (code.startsWith("conf_")) {
                double[] item = CONFIDENCE.get(code);
                return number(ActivityContext.likert(level[i] + gain[i] + item[0] + item[1] + 0.5 * ActivityContext.gaussian(random)),
                        ActivityContext.likert(level[i] - 0.3 + item[0] + 0.5 * ActivityContext.gaussian(random)));
            }
            return switch (code) {
                case "recommend" -> number(Math.max(0, Math.min(10, (int) Math.round(8.6 + 1.3 * ActivityContext.gaussian(random)))), null);
                case "difference" -> random.nextDouble() < 0.65 ? text(ActivityContext.pick(random, FeedbackVocabulary.DIFFERENCE)) : null;
                case "even_better_if" -> random.nextDouble() < 0.35
                        ? text(ActivityContext.pick(random, FeedbackVocabulary.EVEN_BETTER_IF).replace("{topic}", "coaching")) : null;
                case "new_connections" -> {
                    if (random.nextDouble() >= 0.65 || people.size() < 2) {
                        yield null;
                    }
                    Set<Long> named = new LinkedHashSet<>();
                    int count = 1 + random.nextInt(4);
                    for (int n = 0; n < count * 3 && named.size() < count; n++) {
                        long other = people.get(random.nextInt(people.size()));
                        if (other != people.get(i)) {
                            named.add(other);
                        }
                    }
                    LocalDate on = submittedOn.get(i);
                    for (long other : named) {
                        ctx.ties.add(people.get(i), other, TieKind.MET_THROUGH, "survey", "survey:" + endSurvey, connectionNote, on);
                    }
                    yield new Object[] {null, null, "{}", "", CsvCopy.arrayLiteral(named)};
                }
                default -> null;
            };
        }, submittedOn);

        // Action learning sets, formed and published a fortnight in, for most cohorts.
        List<List<Long>> sets = new ArrayList<>();
        List<Long> setIds = new ArrayList<>();
        LocalDate published = start.plusDays(14);
        if (!published.isAfter(ctx.today) && people.size() >= 4 && random.nextDouble() < 0.85) {
            int setSize = 5 + random.nextInt(2);
            int count = Math.max(1, (int) Math.round((double) people.size() / setSize));
            // Dealt in sector order, so each set mixes sectors as the group engine would.
            List<Long> dealt = new ArrayList<>(people);
            dealt.sort(java.util.Comparator.comparing((Long id) -> sectorOf(id)).thenComparing(id -> id));
            for (int s = 0; s < count; s++) {
                sets.add(new ArrayList<>());
            }
            for (int n = 0; n < dealt.size(); n++) {
                sets.get(n % count).add(dealt.get(n));
            }
            setPlans.add(cohortId, "published", setSize, random.nextLong(), true, "{}", ActivityContext.at(start.plusDays(7), 15, 0),
                    ActivityContext.at(published, 10, 0));
            ActivityContext.Ids learningSetIds = ctx.ids("learning_sets_id_seq");
            for (int s = 0; s < count; s++) {
                long setId = learningSetIds.next();
                setIds.add(setId);
                learningSets.add(setId, cohortId, s + 1);
                List<Long> members = sets.get(s);
                for (long person : members) {
                    setMembers.add(setId, cohortId, person, false);
                }
                for (int a = 0; a < members.size(); a++) {
                    for (int b = a + 1; b < members.size(); b++) {
                        ctx.ties.add(members.get(a), members.get(b), TieKind.MET_THROUGH, "learning_set", "set:" + setId,
                                "In an action learning set together", published);
                    }
                }
            }
        }
        runs.add(new CohortRun(cohortId, place, start, end, people, sets, setIds, sets.isEmpty() ? null : published));
    }

    private String sectorOf(long personId) {
        return ctx.people.sectorCode(ctx.people.indexOf(personId));
    }

    /** Adds a survey with its template's items; returns its id. Its status follows the clock. */
    private long survey(long id, long cohortId, Long moduleId, SurveyKind kind, String title, Instant opens) {
        Instant closes = opens.plus(SurveyTemplates.FEEDBACK_WINDOW);
        String status = opens.isAfter(ctx.now) ? "scheduled" : closes.isAfter(ctx.now) ? "open" : "closed";
        surveys.add(id, cohortId, moduleId, kind.code(), title, true, status, opens, closes, 3, 2,
                ActivityContext.earlier(opens.minus(Duration.ofDays(10)), ctx.now));
        int position = 1;
        ActivityContext.Ids questionIds = ctx.ids("survey_questions_id_seq");
        List<Long> ids = new ArrayList<>();
        for (SurveyTemplates.Item item : SurveyTemplates.items(kind)) {
            long questionId = questionIds.next();
            questions.add(questionId, id, position++, item.code(), item.kind().code(), item.prompt(), item.hint(),
                    CsvCopy.arrayLiteral(item.options()), item.required(), item.thenTest());
            ids.add(questionId);
        }
        questionsOf.put(id, ids);
        statusOf.put(id, status);
        return id;
    }

    private final Map<Long, List<Long>> questionsOf = new HashMap<>();
    private final Map<Long, String> statusOf = new HashMap<>();

    /** One item's answer as {number, before, choices, text, people}, or null for no answer. */
    @FunctionalInterface
    private interface Answerer {
        Object[] answer(String code, int person);
    }

    private static Object[] number(Integer value, Integer before) {
        return new Object[] {value, before, "{}", "", "{}"};
    }

    private static Object[] text(String text) {
        return new Object[] {null, null, "{}", text, "{}"};
    }

    private static Object[] choice(String option) {
        return new Object[] {null, null, CsvCopy.arrayLiteral(List.of(option)), "", "{}"};
    }

    private void answer(long surveyId, SurveyKind kind, Instant opens, List<Long> people, List<Integer> invited, double rate,
                        Answerer answerer) {
        answer(surveyId, kind, opens, people, invited, rate, answerer, new HashMap<>());
    }

    /**
     * Invites these people (indexes into the cohort) when the survey has opened, and lets a share of
     * them answer within its fortnight (before now); reminders go every three days to those who
     * have not answered yet, twice at most.
     */
    private void answer(long surveyId, SurveyKind kind, Instant opens, List<Long> people, List<Integer> invited, double rate,
                        Answerer answerer, Map<Integer, LocalDate> submittedOn) {
        if ("scheduled".equals(statusOf.get(surveyId))) {
            return;
        }
        List<SurveyTemplates.Item> items = SurveyTemplates.items(kind);
        List<Long> questionIds = questionsOf.get(surveyId);
        Instant closes = opens.plus(SurveyTemplates.FEEDBACK_WINDOW);
        ActivityContext.Ids invitationIds = ctx.ids("survey_invitations_id_seq");
        ActivityContext.Ids responseIds = ctx.ids("survey_responses_id_seq");
        for (int i : invited) {
            long invitation = invitationIds.next();
            Instant submitted = null;
            if (random.nextDouble() < rate) {
                double days = Math.min(13.5, -2.5 * Math.log(1 - random.nextDouble()));
                Instant at = opens.plusSeconds((long) (days * 86_400) + 600);
                submitted = at.isBefore(ctx.now) && at.isBefore(closes) ? at : null;
            }
            Instant waitedUntil = submitted != null ? submitted : ActivityContext.earlier(ctx.now, closes);
            int reminders = (int) Math.min(2, Duration.between(opens, waitedUntil).toDays() / 3);
            invitations.add(invitation, surveyId, people.get(i), opens, reminders, opens.plus(Duration.ofDays(3L * reminders)));
            if (submitted == null) {
                continue;
            }
            long response = responseIds.next();
            responses.add(response, invitation, surveyId, submitted.minusSeconds(300 + random.nextInt(900)), submitted, submitted);
            submittedOn.put(i, ActivityContext.date(submitted));
            for (int q = 0; q < items.size(); q++) {
                SurveyTemplates.Item item = items.get(q);
                Object[] a = answerer.answer(item.code(), i);
                if (a == null && item.required()) {
                    a = item.kind() == QuestionKind.RATING ? number(8, null) : number(4, item.thenTest() ? 3 : null);
                }
                if (a != null) {
                    answers.add(response, questionIds.get(q), a[0], a[1], a[2], a[3], a[4]);
                }
            }
        }
    }

    private static String summary(String title, String area) {
        return title + " brings together leaders from across health, care, housing and the voluntary sector in " + area
                + ": modules on working across boundaries, coaching and improvement, action learning sets, and an improvement "
                + "project presented at a celebration.";
    }

    private void shuffle(int[] values) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }

    void copy() {
        for (ActivityContext.Rows rows : List.of(programmes, cohorts, modules, facilitators, enrolments, attendance, surveys, questions,
                invitations, responses, answers, setPlans, learningSets, setMembers)) {
            rows.copy(ctx.h);
        }
    }

    /** The people of every cohort, for drawing participants into the rest of the activity. */
    Set<Long> alumni() {
        Set<Long> all = new HashSet<>();
        runs.forEach(r -> all.addAll(r.people()));
        return all;
    }
}
