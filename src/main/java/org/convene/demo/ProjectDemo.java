package org.convene.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.convene.directory.Reference;
import org.convene.programmes.Enrolment;
import org.convene.programmes.Enrolments;
import org.convene.projects.CycleInput;
import org.convene.projects.Cycles;
import org.convene.projects.Measure;
import org.convene.projects.MeasureInput;
import org.convene.projects.Measures;
import org.convene.projects.PointInput;
import org.convene.projects.Project;
import org.convene.projects.ProjectInput;
import org.convene.projects.Projects;
import org.convene.projects.ScoreInput;
import org.convene.projects.Scores;
import org.convene.projects.TeamRole;
import org.jdbi.v3.core.Jdbi;

/**
 * Three improvement projects of the demo cohort, made through the same services the pages use:
 * cross-sector teams (which become ties), outcome, process and balancing measures with 16 to 26
 * points each, PDSA cycles and confirmed progress scores. The data are random but shaped (a falls
 * rate that shifts down after a safety huddle, readmissions that fall once home visits start), so
 * the run charts show real signals; the same for the same seed. The warm-homes project is also a
 * place-based one, with partner organisations, themes, outcomes in words and a link.
 */
public final class ProjectDemo {
    public static final String FALLS = "Fewer falls on the frailty ward";
    public static final String HOMES = "Warm homes, fewer COPD readmissions";
    public static final String LETTERS = "Discharge letters to GPs within a day";

    /** What was made, for printing and tests. */
    public record Loaded(List<Long> projectIds, int points) {
    }

    private final Projects projects;
    private final Measures measures;
    private final Cycles cycles;
    private final Scores scores;
    private final Reference reference;
    private final Jdbi jdbi;
    private final SplittableRandom random;
    private int points;

    private ProjectDemo(Jdbi jdbi, long seed) {
        this.projects = new Projects(jdbi);
        this.measures = new Measures(jdbi);
        this.cycles = new Cycles(jdbi);
        this.scores = new Scores(jdbi, projects, measures, cycles);
        this.reference = new Reference(jdbi);
        this.jdbi = jdbi;
        this.random = new SplittableRandom(seed ^ 0x9d5aL);
    }

    /**
     * The projects of the demo cohort: the demo participant leads the falls project (so that account
     * can change it and confirm its score), the facilitator coaches, the sponsor sponsors, and people
     * from housing and the voluntary sector join the cohort's clinicians.
     */
    public static Loaded forCohort(Jdbi jdbi, long seed, long cohortId, long participant, Long facilitator, Long sponsor) {
        List<Long> cohort = new Enrolments(jdbi).list(cohortId).stream().map(Enrolment::personId).filter(id -> id != participant).toList();
        List<Long> community = jdbi.withHandle(h -> h.createQuery("SELECT id FROM people WHERE listed AND sector_code IN ('housing', 'vcse') "
                        + "ORDER BY hashtext(id::text || :seed), id LIMIT 4")
                .bind("seed", String.valueOf(seed)).mapTo(Long.class).list());
        String place = jdbi.withHandle(h -> h.createQuery("SELECT pl.name FROM people p JOIN places pl ON pl.id = p.place_id WHERE p.id = :id")
                .bind("id", participant).mapTo(String.class).findOne().orElse(""));
        return new ProjectDemo(jdbi, seed).load(cohortId, participant, facilitator, sponsor, cohort, community, place);
    }

    private Loaded load(long cohortId, long participant, Long facilitator, Long sponsor, List<Long> cohort, List<Long> community,
                        String place) {
        LocalDate today = LocalDate.now();
        LocalDate weeks = today.minusWeeks(26).with(DayOfWeek.MONDAY);
        LocalDate months = today.minusMonths(24).withDayOfMonth(1);
        List<Long> ids = new ArrayList<>();

        // Falls: a frozen baseline of 12 weeks, then 14 weeks lower after the huddle: a sustained shift.
        Project falls = project(FALLS, "Patients over 75 on the frailty ward fall about twice a week; each fall lengthens a stay by days.",
                "Reduce falls on the frailty ward by 30% by the end of March, and keep them down.", "active", place, cohortId, participant,
                weeks, null);
        team(falls, facilitator, TeamRole.COACH, sponsor, List.of(at(cohort, 0), at(cohort, 1), at(community, 0)));
        Measure rate = measure(falls, "Falls per 1,000 bed days", "outcome", "falls per 1,000 bed days", "lower", 12);
        weekly(rate, weeks, 26, i -> i < 12 ? around(8, 1.2) : around(5, 1.2));
        Measure assessed = measure(falls, "Falls risk assessed within 24 hours", "process", "% of admissions", "higher", null);
        weekly(assessed, weeks.plusWeeks(6), 20, i -> Math.min(98, around(55 + i * 1.8, 4)));
        Measure overtime = measure(falls, "Nursing overtime", "balancing", "hours per week", "lower", null);
        String signs = "+-++-+--+--++-+-+--+";
        weekly(overtime, weeks.plusWeeks(6), signs.length(), i -> 40 + (signs.charAt(i) == '+' ? 1 : -1) * (0.5 + random.nextDouble() * 2.5));
        cycle(falls, "Safety huddle at shift change", "A five-minute huddle at each shift change naming the patients most at risk of falling.",
                "Falls will drop within a month, as night staff will know who needs checking.",
                "Huddles happened on 52 of 56 shifts; night staff asked for a written list too.",
                "Falls fell from about 8 to 5 per 1,000 bed days, as predicted, and stayed down.", "adopt", weeks.plusWeeks(12), weeks.plusWeeks(16));
        cycle(falls, "Intentional rounding every hour", "Hourly checks of toileting, pain and position for the patients named at the huddle.",
                "Fewer falls at night, when most happen.", "Rounding slipped on busy nights; the checklist was too long.",
                "Night falls dropped less than predicted; a shorter checklist is being tried.", "adapt", weeks.plusWeeks(16), weeks.plusWeeks(20));
        projects.setPresentationLink(falls.id(), "https://www.example.org/convene-demo/frailty-falls-celebration.pdf");
        scores.confirm(falls.id(), new ScoreInput(4.0, "We want another month of data before we call it sustained.").validated(), participant);
        ids.add(falls.id());

        // Readmissions: two years monthly, a drop in the last six months once joint home visits began.
        Project homes = project(HOMES, "People with COPD in cold, damp homes are readmitted within 30 days more than anyone else.",
                "Halve 30-day COPD readmissions in the locality within a year, by respiratory nurses and Citizens Advice visiting together.",
                "active", place, cohortId, at(cohort, 2), months, null);
        team(homes, null, null, null, List.of(at(cohort, 3), at(community, 1), at(community, 2)));
        Measure readmissions = measure(homes, "COPD readmissions within 30 days", "outcome", "per month", "lower", 12);
        monthly(readmissions, months, 24, i -> i < 18 ? around(9, 1.5) : around(5, 1.0));
        Measure visits = measure(homes, "Joint home heating assessments", "process", "visits per month", "higher", null);
        monthly(visits, months.plusMonths(14), 10, i -> (double) Math.round(i * 2.5 + random.nextInt(3)));
        cycle(homes, "Joint visits on one GP list", "Respiratory nurse and Citizens Advice adviser visit together, starting with one practice's list.",
                "Half the households visited will get a heating grant within two months.",
                "Twelve households visited; eight applied for grants.", "Seven grants came through: more than predicted.", "adopt",
                months.plusMonths(14), months.plusMonths(17));
        scores.confirm(homes.id(), new ScoreInput(3.5, "Early days for the readmissions fall.").validated(), at(cohort, 2));
        placeBased(homes, community);
        ids.add(homes.id());

        // Discharge letters: a baseline and a first cycle planned.
        Project letters = project(LETTERS, "GPs wait days for discharge summaries, so changes to medicines are missed.",
                "Send 90% of discharge summaries to the GP within 24 hours by the summer.", "planning", place, cohortId, at(cohort, 4),
                weeks.plusWeeks(10), null);
        team(letters, null, null, null, List.of(at(cohort, 5)));
        Measure sent = measure(letters, "Discharge summaries sent within 24 hours", "process", "% of discharges", "higher", null);
        String pattern = "+-+--+-++-+--+-";
        weekly(sent, weeks.plusWeeks(10), pattern.length(), i -> 62 + (pattern.charAt(i) == '+' ? 1 : -1) * (1 + random.nextDouble() * 5));
        cycles.create(letters.id(), new CycleInput("Pharmacist checks summaries before noon",
                "The ward pharmacist checks medicines on every summary before noon so the doctor can send it the same day.",
                "Two thirds of summaries will go within 24 hours in the first fortnight.", "", "", "", null, null).validated(), null);
        scores.confirm(letters.id(), new ScoreInput(2.0, "").validated(), at(cohort, 4));
        ids.add(letters.id());
        return new Loaded(ids, points);
    }

    /**
     * Makes the project a place-based one too: the organisations of its housing and voluntary-sector
     * members as partners, themes from the directory's topics about housing and long-term conditions,
     * outcomes in words and a link.
     */
    private void placeBased(Project p, List<Long> community) {
        List<Long> partners = jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT organisation_id FROM people WHERE id = ANY(:ids) "
                + "AND organisation_id IS NOT NULL").bind("ids", community.toArray(Long[]::new)).mapTo(Long.class).list());
        List<String> themes = reference.topics().stream().filter(t -> t.toLowerCase(java.util.Locale.ROOT).matches(".*(hous|home|long-term|respirat).*"))
                .limit(3).toList();
        projects.update(p.id(), new ProjectInput(p.title(), p.summary(), p.aim(), p.placeName() == null ? "" : p.placeName(), p.status().code(),
                p.startsOn() == null ? "" : p.startsOn().toString(), p.endsOn() == null ? "" : p.endsOn().toString(), p.cohortId(), null,
                p.originKind(), p.originId(), themes, "Thirty-one households visited jointly; twenty-two heating grants; readmissions "
                        + "down from about nine a month to five since the visits began.", List.of("https://www.example.org/convene-demo/warm-homes"),
                partners).validated(reference.places(), reference.topics()));
    }

    private static long at(List<Long> people, int index) {
        return people.get(index % people.size());
    }

    private Project project(String title, String problem, String aim, String status, String place, long cohortId, long owner,
                            LocalDate starts, LocalDate ends) {
        ProjectInput.Valid input = new ProjectInput(title, problem, aim, place, status, starts.toString(), ends == null ? "" : ends.toString(),
                cohortId, null, null, null).validated(reference.places(), reference.topics());
        return projects.create(input, owner, null);
    }

    private void team(Project p, Long coach, TeamRole coachRole, Long sponsor, List<Long> members) {
        for (long person : members) {
            if (!Long.valueOf(person).equals(p.ownerId())) {
                projects.addMember(p.id(), person, TeamRole.MEMBER, null);
            }
        }
        if (coach != null) {
            projects.addMember(p.id(), coach, coachRole, null);
        }
        if (sponsor != null) {
            projects.addMember(p.id(), sponsor, TeamRole.SPONSOR, null);
        }
    }

    private Measure measure(Project p, String name, String kind, String unit, String better, Integer baseline) {
        return measures.create(p.id(), new MeasureInput(name, kind, unit, better, "", baseline).validated());
    }

    private void weekly(Measure m, LocalDate first, int n, IntFunction<Double> value) {
        for (int i = 0; i < n; i++) {
            add(m, first.plusWeeks(i), value.apply(i));
        }
    }

    private void monthly(Measure m, LocalDate first, int n, IntFunction<Double> value) {
        for (int i = 0; i < n; i++) {
            add(m, first.plusMonths(i), value.apply(i));
        }
    }

    private void add(Measure m, LocalDate date, double value) {
        measures.addPoint(m.id(), new PointInput(date.toString(), Math.round(value * 10) / 10.0, "").validated(), null);
        points++;
    }

    /** A value spread evenly within {@code half} either side of {@code centre}. */
    private double around(double centre, double half) {
        return centre + (random.nextDouble() * 2 - 1) * half;
    }

    private void cycle(Project p, String title, String plan, String prediction, String done, String study, String act, LocalDate starts,
                       LocalDate ends) {
        cycles.create(p.id(), new CycleInput(title, plan, prediction, done, study, act, starts.toString(), ends.toString()).validated(), null);
    }
}
