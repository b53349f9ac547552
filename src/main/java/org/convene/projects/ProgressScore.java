package org.convene.projects;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.convene.runcharts.Rule;
import org.convene.runcharts.RunChart;
import org.convene.runcharts.Signal;

/**
 * The IHI progress score (the Breakthrough Series assessment scale, 0.5 to 5.0) and the score a
 * project's own data suggest. The team confirms a score; the suggestion only proposes one, by these
 * rules, each level needing the ones below it:
 *
 * <ul>
 * <li>0.5 Intent to participate: the project is recorded.</li>
 * <li>1.0 Forming team: an aim statement and at least two people running it (sponsors not counted).</li>
 * <li>1.5 Planning has begun: a measure defined or a PDSA cycle planned.</li>
 * <li>2.0 Activity, but no changes: data on at least one measure.</li>
 * <li>2.5 Changes tested, but no improvement: a PDSA cycle with its Do step recorded.</li>
 * <li>3.0 Modest improvement: a process measure's latest shift or trend is in its improving direction.</li>
 * <li>3.5 Improvement: an outcome measure's latest shift or trend is in its improving direction.</li>
 * <li>4.0 Significant improvement: an outcome measure's latest signal is an improving shift, and a change was adopted.</li>
 * <li>4.5 Sustainable improvement: that shift has lasted {@value #SUSTAINED_POINTS} points or more and runs to the latest point.</li>
 * <li>5.0 Outstanding sustainable results: every outcome measure sustained so, and the project completed.</li>
 * </ul>
 *
 * A balancing measure whose latest shift or trend is in its worsening direction holds the
 * suggestion at 3.0 at most: the change may be doing harm elsewhere.
 */
public final class ProgressScore {
    public static final int SUSTAINED_POINTS = 10;
    static final double BALANCING_CAP = 3.0;
    private static final String[] LABELS = {
        "Intent to participate", "Forming team", "Planning for the project has begun", "Activity, but no changes",
        "Changes tested, but no improvement", "Modest improvement", "Improvement", "Significant improvement",
        "Sustainable improvement", "Outstanding sustainable results",
    };

    /** What the suggestion looks at, read from the project's team, measures and cycles. */
    public record Facts(boolean hasAim, int teamRunning, ProjectStatus status, List<MeasureFacts> measures, int cyclesPlanned,
                        int cyclesDone, int changesAdopted) {
    }

    /** A measure and its run chart (null while it has no data). */
    public record MeasureFacts(String name, MeasureKind kind, Better better, RunChart chart) {
    }

    /** The suggested score, why (one line per level reached), and what the next level needs (null at 5.0). */
    public record Suggestion(double score, String label, List<String> reasons, String next) {
    }

    /** One level of the scale, for choosing a score. */
    public record Level(double score, String label) {
    }

    private ProgressScore() {
    }

    public static List<Level> levels() {
        List<Level> levels = new ArrayList<>();
        for (int i = 0; i < LABELS.length; i++) {
            levels.add(new Level((i + 1) / 2.0, LABELS[i]));
        }
        return levels;
    }

    public static boolean isLevel(double score) {
        return score >= 0.5 && score <= 5.0 && score * 2 == Math.floor(score * 2);
    }

    public static String label(double score) {
        if (!isLevel(score)) {
            throw new IllegalArgumentException("not a progress score: " + score);
        }
        return LABELS[(int) (score * 2) - 1];
    }

    public static Suggestion suggest(Facts facts) {
        List<String> reasons = new ArrayList<>();
        reasons.add("The project is recorded.");
        if (!facts.hasAim() || facts.teamRunning() < 2) {
            return done(0.5, reasons, "1.0 needs an aim statement and at least two people running the project.", facts);
        }
        reasons.add("It has an aim and " + facts.teamRunning() + " people running it.");
        if (facts.measures().isEmpty() && facts.cyclesPlanned() == 0) {
            return done(1.0, reasons, "1.5 needs a measure defined or a PDSA cycle planned.", facts);
        }
        reasons.add(count(facts.measures().size(), "measure") + " defined and " + count(facts.cyclesPlanned(), "PDSA cycle") + " planned.");
        List<MeasureFacts> withData = facts.measures().stream().filter(m -> m.chart() != null).toList();
        if (withData.isEmpty()) {
            return done(1.5, reasons, "2.0 needs data on at least one measure: a baseline.", facts);
        }
        reasons.add("Data on " + count(withData.size(), "measure") + ", " + count(withData.stream().mapToInt(m -> m.chart().size()).sum(), "point")
                + " in all.");
        if (facts.cyclesDone() == 0) {
            return done(2.0, reasons, "2.5 needs a PDSA cycle whose Do step is recorded: a change tested.", facts);
        }
        reasons.add(count(facts.cyclesDone(), "PDSA cycle") + " tested a change.");
        Optional<MeasureFacts> process = improving(withData, MeasureKind.PROCESS);
        Optional<MeasureFacts> outcome = improving(withData, MeasureKind.OUTCOME);
        if (outcome.isEmpty()) {
            if (process.isEmpty()) {
                return done(2.5, reasons, "3.0 needs a shift or trend in the improving direction on a process measure "
                        + "(3.5: on an outcome measure).", facts);
            }
            reasons.add(describe(process.get()) + ".");
            return done(3.0, reasons, "3.5 needs a shift or trend in the improving direction on an outcome measure.", facts);
        }
        reasons.add(describe(outcome.get()) + ".");
        List<MeasureFacts> shifted = withData.stream().filter(m -> m.kind() == MeasureKind.OUTCOME)
                .filter(m -> latest(m.chart()).filter(s -> s.rule() == Rule.SHIFT && improves(s, m.better())).isPresent()).toList();
        if (shifted.isEmpty() || facts.changesAdopted() == 0) {
            return done(3.5, reasons, "4.0 needs an improving shift (not only a trend) on an outcome measure and a change adopted "
                    + "from a PDSA cycle.", facts);
        }
        reasons.add(count(facts.changesAdopted(), "change") + " adopted.");
        List<MeasureFacts> sustained = shifted.stream().filter(ProgressScore::sustained).toList();
        if (sustained.isEmpty()) {
            return done(4.0, reasons, "4.5 needs the improvement to hold: a shift of at least " + SUSTAINED_POINTS
                    + " points on an outcome measure, running to the latest point.", facts);
        }
        reasons.add(sustained.get(0).name() + " has held its improvement for " + latest(sustained.get(0).chart()).orElseThrow().length()
                + " points to the latest.");
        long outcomes = withData.stream().filter(m -> m.kind() == MeasureKind.OUTCOME).count();
        boolean allOutcomes = facts.measures().stream().filter(m -> m.kind() == MeasureKind.OUTCOME).count() == outcomes
                && sustained.size() == outcomes;
        if (!allOutcomes || facts.status() != ProjectStatus.COMPLETED) {
            return done(4.5, reasons, "5.0 needs every outcome measure's improvement sustained and the project completed.", facts);
        }
        reasons.add("Every outcome measure has sustained its improvement and the project is completed.");
        return done(5.0, reasons, null, facts);
    }

    /** The suggestion at this level, held at {@link #BALANCING_CAP} when a balancing measure is getting worse. */
    private static Suggestion done(double score, List<String> reasons, String next, Facts facts) {
        Optional<MeasureFacts> worse = facts.measures().stream()
                .filter(m -> m.kind() == MeasureKind.BALANCING && m.chart() != null)
                .filter(m -> latest(m.chart()).filter(s -> !improves(s, m.better())).isPresent())
                .findFirst();
        if (worse.isPresent() && score > BALANCING_CAP) {
            reasons.add("Held at " + BALANCING_CAP + ": " + describe(worse.get()) + ", so the changes may be doing harm elsewhere.");
            return new Suggestion(BALANCING_CAP, label(BALANCING_CAP), List.copyOf(reasons),
                    "Above " + BALANCING_CAP + " once " + worse.get().name() + " is no longer getting worse.");
        }
        return new Suggestion(score, label(score), List.copyOf(reasons), next);
    }

    /** The first measure of this kind whose latest shift or trend is in its improving direction. */
    private static Optional<MeasureFacts> improving(List<MeasureFacts> measures, MeasureKind kind) {
        return measures.stream().filter(m -> m.kind() == kind)
                .filter(m -> latest(m.chart()).filter(s -> improves(s, m.better())).isPresent())
                .findFirst();
    }

    /** The shift or trend that ends latest (a shift where both end at the same point). */
    static Optional<Signal> latest(RunChart chart) {
        return chart.signals().stream().filter(s -> s.rule() == Rule.SHIFT || s.rule() == Rule.TREND)
                .max(Comparator.comparingInt(Signal::last).thenComparing(s -> s.rule() == Rule.SHIFT));
    }

    private static boolean improves(Signal signal, Better better) {
        return better.improvedBy(signal.direction());
    }

    private static boolean sustained(MeasureFacts m) {
        Signal shift = latest(m.chart()).orElseThrow();
        return shift.length() >= SUSTAINED_POINTS && shift.last() == lastUseful(m.chart());
    }

    /** The latest point not on the median: a shift that reaches it is still going. */
    private static int lastUseful(RunChart chart) {
        for (int i = chart.size() - 1; i > 0; i--) {
            if (chart.values().get(i) != chart.median()) {
                return i;
            }
        }
        return 0;
    }

    /** "Falls (outcome) shows a shift of 8 points below the median, its improving direction". */
    static String describe(MeasureFacts m) {
        Signal s = latest(m.chart()).orElseThrow();
        return m.name() + " (" + m.kind().label().toLowerCase(java.util.Locale.ROOT) + ") shows a " + s.rule().label().toLowerCase(java.util.Locale.ROOT)
                + " of " + MeasureDetail.what(s) + ", its " + (improves(s, m.better()) ? "improving" : "worsening") + " direction";
    }

    private static String count(int n, String thing) {
        return n + " " + thing + (n == 1 ? "" : "s");
    }
}
