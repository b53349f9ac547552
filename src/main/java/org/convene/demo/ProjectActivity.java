package org.convene.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.convene.db.CsvCopy;
import org.convene.ties.TieKind;

/**
 * Projects over the three years, from a participant's improvement project to a place-based
 * collaboration: many grew from something else in the data (a cohort and its action learning
 * set, a community, a match whose members met, an event, a leader cluster) and their teams are
 * drawn from it; the rest from a place. Older projects have more often finished; finished ones
 * mostly say what they achieved. A share measure their work, with weekly or monthly data that
 * shift when the change works, and confirmed progress scores. The team's ties are those
 * {@code Projects.addMember} records: everyone with everyone, from the day the later one joined.
 */
final class ProjectActivity {
    private static final String[] TITLES = {"Improving %s in %s", "Joined-up %s across %s", "%s: one front door in %s",
        "Better %s for %s families", "A shared plan for %s in %s", "Closing the gaps in %s, %s", "%s hub pilot in %s",
        "Listening to people about %s in %s"};
    private static final String[][] MEASURES = {
        {"outcome", "Emergency admissions", "per month", "lower"}, {"outcome", "Days from referral to first contact", "days", "lower"},
        {"outcome", "People reporting they feel supported", "%", "higher"}, {"outcome", "Readmissions within 30 days", "per month", "lower"},
        {"process", "Referrals made through the shared pathway", "per week", "higher"}, {"process", "Joint visits completed", "per week", "higher"},
        {"process", "Plans shared with the GP within a week", "%", "higher"}, {"balancing", "Staff overtime", "hours per week", "lower"},
        {"balancing", "Complaints", "per month", "lower"},
    };
    private static final String[] OUTCOMES = {
        "Waiting times fell by a third and have stayed down for six months.",
        "Forty people supported through the new pathway; most say they knew who to call for the first time.",
        "The joint visits are now part of the service and funded for another year.",
        "Readmissions fell, though not as far as hoped; the learning has gone to the system board.",
        "We stopped after the pilot: the change helped a few people but cost too much staff time.",
        "The shared plan is used by four organisations and has been adopted by the neighbouring place.",
    };

    private final ActivityContext ctx;
    private final SplittableRandom random;
    final ActivityContext.Rows projects = new ActivityContext.Rows("projects", "id, title, summary, aim, place_id, status, starts_on, "
            + "ends_on, owner_id, cohort_id, origin_kind, origin_id, themes, outcomes, links, created_at, updated_at");
    final ActivityContext.Rows members = new ActivityContext.Rows("project_members", "project_id, person_id, role, joined_at");
    final ActivityContext.Rows partners = new ActivityContext.Rows("project_partners", "project_id, organisation_id");
    final ActivityContext.Rows measures = new ActivityContext.Rows("project_measures",
            "id, project_id, name, kind, unit, direction, definition, baseline_points, created_at");
    final ActivityContext.Rows points = new ActivityContext.Rows("measure_points", "measure_id, period, value, note, created_at");
    final ActivityContext.Rows scores = new ActivityContext.Rows("project_scores",
            "project_id, score, suggested, reason, note, confirmed_by, confirmed_at");

    ProjectActivity(ActivityContext ctx, SplittableRandom random) {
        this.ctx = ctx;
        this.random = random;
    }

    /** Where a project came from, when, and the people its team is drawn from (the first is the owner). */
    private record Origin(String kind, Long originId, Long cohortId, int place, LocalDate after, List<Long> people) {
    }

    void generate(int count, List<ProgrammeActivity.CohortRun> cohorts, List<CommunityActivity.Community> communities,
                  List<EventActivity.Held> events, List<MatchingActivity.Met> matches, List<ClusterActivity.Formed> clusters) {
        ActivityContext.Ids ids = ctx.ids("projects_id_seq");
        long span = ctx.spanDays();
        for (int k = 0; k < count; k++) {
            double r = random.nextDouble();
            Origin origin = r < 0.25 ? fromCohort(cohorts) : r < 0.37 ? fromCommunity(communities) : r < 0.45 ? fromMatch(matches)
                    : r < 0.53 ? fromEvent(events) : r < 0.58 ? fromCluster(clusters) : null;
            LocalDate starts;
            if (origin == null) {
                int place = ctx.people.places() == 0 || random.nextDouble() < 0.1 ? -1 : random.nextInt(ctx.people.places());
                origin = new Origin(null, null, null, place, null, List.of(ctx.people.id(ctx.people.from(place, random))));
                starts = ctx.firstDay.plusDays((long) ((k + random.nextDouble()) * span / count));
            } else {
                starts = origin.after().plusDays(14 + random.nextInt(80));
            }
            if (starts.isAfter(ctx.today)) {
                starts = ctx.today.minusDays(random.nextInt(7));
            }
            project(ids.next(), origin, starts);
        }
    }

    private Origin fromCohort(List<ProgrammeActivity.CohortRun> cohorts) {
        for (int tries = 0; tries < 5 && !cohorts.isEmpty(); tries++) {
            ProgrammeActivity.CohortRun c = cohorts.get(random.nextInt(cohorts.size()));
            LocalDate after = c.startsOn().plusWeeks(6);
            if (after.isAfter(ctx.today) || c.people().size() < 2) {
                continue;
            }
            if (!c.sets().isEmpty() && random.nextBoolean()) {
                int s = random.nextInt(c.sets().size());
                return new Origin("action_learning_set", c.setIds().get(s), c.id(), c.place(), after, shuffled(c.sets().get(s), 5));
            }
            return new Origin(null, null, c.id(), c.place(), after, shuffled(c.people(), 1 + random.nextInt(5)));
        }
        return null;
    }

    private Origin fromCommunity(List<CommunityActivity.Community> communities) {
        if (communities.isEmpty()) {
            return null;
        }
        CommunityActivity.Community c = communities.get(random.nextInt(communities.size()));
        Instant at = ctx.between(random, ActivityContext.at(ctx.firstDay, 9, 0), ctx.now);
        Set<Long> team = new LinkedHashSet<>();
        int size = 2 + random.nextInt(5);
        for (int n = 0; n < size * 3 && team.size() < size; n++) {
            team.add(c.memberAt(at, random));
        }
        return new Origin("community", c.id(), null, c.place(), ActivityContext.date(at), new ArrayList<>(team));
    }

    private Origin fromMatch(List<MatchingActivity.Met> matches) {
        if (matches.isEmpty()) {
            return null;
        }
        MatchingActivity.Met m = matches.get(random.nextInt(matches.size()));
        return new Origin("match", m.groupId(), null, m.place(), ActivityContext.date(m.ranAt()), shuffled(m.members(), 3));
    }

    private Origin fromEvent(List<EventActivity.Held> events) {
        for (int tries = 0; tries < 5 && !events.isEmpty(); tries++) {
            EventActivity.Held e = events.get(random.nextInt(events.size()));
            if (e.came().size() >= 2) {
                return new Origin("event", e.id(), null, e.place(), ActivityContext.date(e.startsAt()), shuffled(e.came(), 2 + random.nextInt(4)));
            }
        }
        return null;
    }

    private Origin fromCluster(List<ClusterActivity.Formed> clusters) {
        if (clusters.isEmpty()) {
            return null;
        }
        ClusterActivity.Formed c = clusters.get(random.nextInt(clusters.size()));
        return new Origin("cluster", c.id(), null, c.place(), ActivityContext.date(c.createdAt()), shuffled(c.members(), 3));
    }

    /** Up to {@code n} of the people, in a random order. */
    private List<Long> shuffled(List<Long> people, int n) {
        List<Long> copy = new ArrayList<>(people);
        for (int i = copy.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Long swap = copy.get(i);
            copy.set(i, copy.get(j));
            copy.set(j, swap);
        }
        return copy.subList(0, Math.min(n, copy.size()));
    }

    private void project(long id, Origin origin, LocalDate starts) {
        int place = origin.place();
        String placeName = place < 0 ? ProgrammeActivity.REGION : ctx.people.placeName(place);
        List<String> themes = new ArrayList<>(new LinkedHashSet<>(List.of(ActivityContext.pick(random, ctx.topics),
                ActivityContext.pick(random, ctx.topics), ActivityContext.pick(random, ctx.topics))).stream()
                .limit(1 + random.nextInt(3)).toList());
        String topic = themes.get(0);
        String title = String.format(TITLES[random.nextInt(TITLES.length)], topic, placeName);
        title = Character.toUpperCase(title.charAt(0)) + title.substring(1);
        if (title.length() > 200) {
            title = title.substring(0, 200);
        }
        long ageDays = starts.until(ctx.today, ChronoUnit.DAYS);
        double r = random.nextDouble();
        String status = ageDays < 60 ? (r < 0.45 ? "planning" : "active")
                : ageDays < 365 ? (r < 0.70 ? "active" : r < 0.78 ? "paused" : r < 0.93 ? "completed" : "stopped")
                : (r < 0.50 ? "completed" : r < 0.80 ? "active" : r < 0.87 ? "paused" : "stopped");
        boolean finished = status.equals("completed") || status.equals("stopped");
        LocalDate ends = null;
        if (finished) {
            ends = starts.plusDays(120 + random.nextInt(420));
            if (!ends.isBefore(ctx.today)) {
                ends = ctx.today.minusDays(1 + random.nextInt(14));
            }
            if (ends.isBefore(starts)) {
                ends = starts;
            }
        }
        double outcomeShare = switch (status) {
            case "completed" -> 0.85;
            case "stopped" -> 0.5;
            case "active", "paused" -> 0.3;
            default -> 0;
        };
        String outcomes = random.nextDouble() < outcomeShare ? OUTCOMES[random.nextInt(OUTCOMES.length)] : "";
        Instant created = ActivityContext.earlier(ctx.now, ActivityContext.at(starts.minusDays(random.nextInt(21)), 10, random.nextInt(60)));

        // The team: the origin's people (the first owns it), more from the place for small ones, sometimes a coach and a sponsor.
        Map<Long, String> team = new LinkedHashMap<>();
        for (long person : origin.people()) {
            team.putIfAbsent(person, team.isEmpty() ? "lead" : "member");
        }
        int size = 2 + random.nextInt(4);
        for (int n = 0; n < size * 3 && team.size() < size; n++) {
            team.putIfAbsent(ctx.people.id(random.nextDouble() < 0.8 ? ctx.people.from(place, random) : ctx.people.any(random)), "member");
        }
        if (random.nextDouble() < 0.25) {
            team.putIfAbsent(ctx.people.id(ctx.people.any(random)), "coach");
        }
        if (random.nextDouble() < 0.25) {
            team.putIfAbsent(ctx.people.id(ctx.people.from(place, random)), "sponsor");
        }
        long owner = origin.people().get(0);
        String originKind = origin.kind();
        Long originId = origin.originId();
        projects.add(id, title, summary(topic, placeName), aim(topic, starts), place < 0 ? null : ctx.people.placeId(place), status, starts,
                ends, owner, origin.cohortId(), originKind, originId, CsvCopy.arrayLiteral(themes), outcomes,
                status.equals("completed") && random.nextDouble() < 0.2 ? "{\"https://www.example.org/projects/" + id + "\"}" : "{}",
                created, ActivityContext.earlier(ctx.now, ends == null ? created.plus(Duration.ofDays(random.nextInt(90))) : ActivityContext.at(ends, 17, 0)));
        List<Long> people = new ArrayList<>(team.keySet());
        List<Instant> joined = new ArrayList<>();
        for (long person : people) {
            Instant at = person == owner ? created : ActivityContext.earlier(ctx.now, created.plus(Duration.ofHours(1 + random.nextInt(60 * 24))));
            joined.add(at);
            members.add(id, person, team.get(person), at);
        }
        String note = "Project team: " + title;
        for (int a = 0; a < people.size(); a++) {
            for (int b = a + 1; b < people.size(); b++) {
                ctx.ties.add(people.get(a), people.get(b), TieKind.COLLABORATE, "project", "project:" + id, note,
                        ActivityContext.date(ActivityContext.later(joined.get(a), joined.get(b))));
            }
        }

        // Partners: the organisations of the team, and sometimes another from the place.
        Set<Long> organisations = new LinkedHashSet<>();
        for (long person : people) {
            long organisation = ctx.people.organisation(ctx.people.indexOf(person));
            if (organisation != 0 && organisations.size() < 4 && random.nextDouble() < 0.6) {
                organisations.add(organisation);
            }
        }
        if (random.nextDouble() < 0.3) {
            long other = ctx.people.organisation(ctx.people.from(place, random));
            if (other != 0) {
                organisations.add(other);
            }
        }
        organisations.forEach(o -> partners.add(id, o));

        if (!status.equals("planning") && ageDays >= 84 && random.nextDouble() < 0.3) {
            measure(id, starts, ends, status, owner, created);
        }
    }

    /** One to three measures with data from the start, shifting when the change works; then the confirmed scores. */
    private void measure(long projectId, LocalDate starts, LocalDate ends, String status, long owner, Instant created) {
        ActivityContext.Ids measureIds = ctx.ids("project_measures_id_seq");
        LocalDate last = ends == null ? ctx.today : ends;
        long weeks = Math.max(4, starts.until(last, ChronoUnit.WEEKS));
        boolean monthly = weeks > 52;
        int n = (int) Math.min(40, monthly ? weeks / 4 : weeks);
        boolean works = !status.equals("stopped") && random.nextDouble() < 0.65;
        int count = 1 + random.nextInt(3);
        Set<Integer> used = new LinkedHashSet<>();
        used.add(random.nextInt(4));
        while (used.size() < count) {
            used.add(random.nextInt(MEASURES.length));
        }
        for (int m : used) {
            String[] measure = MEASURES[m];
            long measureId = measureIds.next();
            measures.add(measureId, projectId, measure[1], measure[0], measure[2], measure[3], "", n >= 16 ? 8 : null, created);
            double centre = measure[2].equals("%") ? 40 + random.nextInt(30) : 5 + random.nextInt(40);
            double better = (measure[3].equals("higher") ? 1 : -1) * centre * 0.25;
            int shiftAt = Math.max(4, n * 2 / 5);
            for (int i = 0; i < n; i++) {
                LocalDate period = monthly ? starts.withDayOfMonth(1).plusMonths(i) : starts.plusWeeks(i);
                double value = centre + (works && i >= shiftAt ? better : 0) + centre * 0.08 * ActivityContext.gaussian(random);
                if (measure[2].equals("%")) {
                    value = Math.max(0, Math.min(100, value));
                }
                points.add(measureId, period, Math.max(0, Math.round(value * 10) / 10.0), "",
                        ActivityContext.earlier(ctx.now, ActivityContext.at(period.plusDays(monthly ? 31 : 7), 12, 0)));
            }
        }
        double top = switch (status) {
            case "completed" -> works ? 4.5 : 3.0;
            case "stopped" -> 1.5;
            default -> works ? 3.5 : 2.5;
        };
        int confirmations = 1 + random.nextInt(3);
        for (int c = 0; c < confirmations; c++) {
            double score = Math.max(0.5, Math.round((top - (confirmations - 1 - c)) * 2) / 2.0);
            double suggested = Math.max(0.5, Math.min(5.0, score + (random.nextInt(3) - 1) * 0.5));
            Instant at = ActivityContext.earlier(ctx.now, created.plus(Duration.ofDays(60L * (c + 1) + random.nextInt(30))));
            scores.add(projectId, score, suggested, suggested == score ? "The data agree with the team's view."
                    : "The team weighed what the run charts do not show.", "", owner, at);
        }
    }

    private static String summary(String topic, String place) {
        return "People in " + place + " fall between services when it comes to " + topic
                + ": each organisation sees part of the picture and nobody owns the whole journey.";
    }

    private static String aim(String topic, LocalDate starts) {
        return "Join up " + topic + " across organisations so people get help sooner, by " + starts.plusYears(1).getMonth().getDisplayName(
                java.time.format.TextStyle.FULL, java.util.Locale.UK) + " " + starts.plusYears(1).getYear() + ".";
    }

    void copy() {
        for (ActivityContext.Rows rows : List.of(projects, members, partners, measures, points, scores)) {
            rows.copy(ctx.h);
        }
    }
}
