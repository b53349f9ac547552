package org.convene.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.convene.evaluation.PairedComparison;
import org.convene.programmes.CourseChange;
import org.convene.surveys.Results;
import org.convene.text.Themes;

/**
 * A cohort's evaluation report: every figure with the survey and items it comes from, and nothing
 * from an anonymous group smaller than five. The same record feeds the HTML page, the PDF, the
 * JSON API and the CSV of the data behind it.
 */
public record EvaluationReport(Header header, Participation participation, List<SurveyRate> responseRates,
                               List<ConfidenceItem> confidence, List<Trend> trends, SentimentSplit sentiment,
                               List<SentimentSplit> sentimentByModule, List<Themes.Summary> themes, Connections connections,
                               CohortNetwork network, List<CourseChange> changes, List<Project> projects, int minimumGroup) {

    public record Header(long programmeId, String programme, long cohortId, String cohort, LocalDate startsOn, LocalDate endsOn,
                         boolean anonymous, Instant generatedAt) {
    }

    /** Who came: enrolment and each module's attendance. */
    public record Participation(int enrolled, int withdrawn, List<ModuleAttendance> modules, double meanAttendance) {
    }

    public record ModuleAttendance(long moduleId, int position, String title, boolean celebration, LocalDate date,
                                   int present, int apologies, int absent, boolean recorded) {
        public double rate(int enrolled) {
            return enrolled == 0 ? 0 : (double) present / enrolled;
        }
    }

    public record SurveyRate(long surveyId, String title, String kind, Integer module, int invited, int submitted, boolean withheld) {
        public double rate() {
            return invited == 0 ? 0 : (double) submitted / invited;
        }
    }

    /**
     * One confidence item: the same people at the baseline and at the end (pre/post), and at the
     * end looking back (then-test). A comparison of fewer than five pairs is null (withheld).
     */
    public record ConfidenceItem(String code, String prompt, PairedComparison prePost, PairedComparison thenTest,
                                 int prePostPairs, int thenTestPairs) {
    }

    /** A module-feedback item's mean, module by module. */
    public record Trend(String code, String prompt, List<Results.TrendPoint> points) {
    }

    /** How many comments read as positive, negative and neutral; {@code source} names where they came from. */
    public record SentimentSplit(String source, int comments, int positive, int negative, int neutral) {
        public double share(int n) {
            return comments == 0 ? 0 : (double) n / comments;
        }
    }

    /** New working connections reported in the cohort's surveys (each also a tie in the network). */
    public record Connections(int reported, int pairs, int crossSectorPairs, int people, Map<String, Integer> bySector) {
        public double crossSectorShare() {
            return pairs == 0 ? 0 : (double) crossSectorPairs / pairs;
        }
    }

    /**
     * The network among the cohort's people, from every tie Convene records, at the cohort's start
     * and at its end (or today, while it runs), and the ties first made in between.
     */
    public record CohortNetwork(LocalDate from, LocalDate to, NetworkFigures atStart, NetworkFigures atEnd, long newTies,
                                long newCrossSectorTies) {
    }

    /** One moment of a network: {@code eiIndex} is null when there are no ties. */
    public record NetworkFigures(int people, long ties, long crossSectorTies, double density, Double eiIndex, int components) {
    }

    /** An improvement project started by the cohort's participants. */
    public record Project(String title, String status, List<String> people) {
    }
}
