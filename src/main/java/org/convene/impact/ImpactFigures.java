package org.convene.impact;

import java.time.Instant;
import java.util.List;
import org.convene.evaluation.PairedComparison;

/**
 * The impact of the work in a place or the whole system over a period: who took part, events,
 * matches, sets and clusters, projects, new cross-sector relationships and the programmes'
 * confidence outcomes. Each figure is counted from the same rows its list shows ({@link ImpactList}).
 *
 * @param computedAt when the figures were read from the database
 * @param millis how long reading them took
 */
public record ImpactFigures(ImpactQuery query, String scopeName, Instant computedAt, long millis, Participation people,
                            Events events, Matches matches, Groups groups, Projects projects, Ties ties, Confidence confidence) {

    /** The figure that counts the rows of a list, narrowed by {@code only} as the list is. */
    public long count(Figure figure, String only) {
        return switch (figure) {
            case PEOPLE -> only == null ? people.total()
                    : people.bySector().stream().filter(s -> s.code().equals(only)).mapToLong(SectorCount::people).sum();
            case EVENTS -> events.held();
            case MATCHES -> only == null ? matches.made() : matches.met();
            case SETS -> groups.sets();
            case CLUSTERS -> groups.clusters();
            case PROJECTS -> only == null ? projects.started()
                    : projects.byStatus().stream().filter(s -> s.status().equals(only)).mapToLong(StatusCount::projects).sum();
            case TIES -> only == null ? ties.newTies() : ties.newCrossSectorTies();
            case CONFIDENCE -> confidence.cohorts().size();
        };
    }

    /** Whether these figures were slow enough to read to be kept as a snapshot and refreshed in the background. */
    public boolean kept() {
        return millis >= Impact.FRESH_BELOW.toMillis();
    }

    /** People who took part in anything in the period, in all and by sector (sectors in their usual order). */
    public record Participation(long total, List<SectorCount> bySector) {
    }

    public record SectorCount(String code, String name, long people) {
    }

    /** Events that took place in the period, the places confirmed on them and the people checked in. */
    public record Events(long held, long confirmed, long attended) {
    }

    /**
     * Introductions made by matching rounds run in the period: {@code made} groups (pairs and trios),
     * of which {@code met} had two members who both said they met.
     */
    public record Matches(long made, long met) {
        public double metShare() {
            return made == 0 ? 0 : (double) met / made;
        }
    }

    /** Action learning sets published and leader clusters formed in the period, with their members. */
    public record Groups(long sets, long setMembers, long clusters, long clusterMembers) {
    }

    /** Projects started in the period, by status, and those with an outcome recorded (narrative or measured). */
    public record Projects(long started, List<StatusCount> byStatus, long withOutcomes) {
    }

    public record StatusCount(String status, String label, long projects) {
    }

    /** Pairs of people first tied in the period whose tie still stood at its end, and those across sectors. */
    public record Ties(long newTies, long newCrossSectorTies) {
        public double crossSectorShare() {
            return newTies == 0 ? 0 : (double) newCrossSectorTies / newTies;
        }
    }

    /**
     * Confidence before and after, from the baseline and end surveys of cohorts that ended in the
     * period: each person's mean over the confidence items, paired. A cohort with fewer than the
     * anonymity minimum of pairs is withheld; {@code overall} pools the cohorts shown (null below the minimum).
     */
    public record Confidence(List<CohortConfidence> cohorts, List<ProgrammeConfidence> programmes, int pairs, PairedComparison overall,
                             int minimumGroup) {
    }

    /** The cohorts shown of one programme, pooled: a region may have hundreds of cohorts, but a few dozen programmes. */
    public record ProgrammeConfidence(String programme, int cohorts, int pairs, double meanBefore, double meanAfter, double roseShare) {
    }

    public record CohortConfidence(long cohortId, String programme, String cohort, java.time.LocalDate endsOn, int pairs,
                                   Double meanBefore, Double meanAfter, Double roseShare) {
        public boolean withheld() {
            return meanBefore == null;
        }
    }
}
