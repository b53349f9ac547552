package org.convene.evaluation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * How the answers to one item spread over its options: a rating scale (Likert 1-5, 0-10) or a list
 * of choices (one or several per person).
 *
 * <p>{@link #responses()} counts the people who answered; {@link #missing()} those who did not (a
 * null answer, or an empty selection on a multiple-choice item). Shares are of the people who
 * answered, so on a multiple-choice item they may add up to more than 1.
 *
 * <p>Mean and median exist only for rating scales. Answers outside the scale or not among the
 * choices are rejected with {@link IllegalArgumentException}: they mean the caller mixed up items.
 */
public final class Distribution {
    private final List<String> options;
    private final int[] counts;
    private final int responses;
    private final int missing;
    private final int scaleMin;
    private final boolean scale;
    private final boolean multiple;

    private Distribution(List<String> options, int[] counts, int responses, int missing, int scaleMin,
            boolean scale, boolean multiple) {
        this.options = List.copyOf(options);
        this.counts = counts;
        this.responses = responses;
        this.missing = missing;
        this.scaleMin = scaleMin;
        this.scale = scale;
        this.multiple = multiple;
    }

    /** Answers on a 1-5 scale (Likert). */
    public static Distribution likert5(Collection<Integer> answers) {
        return ofScale(1, 5, answers);
    }

    /** Answers on a 0-10 scale. */
    public static Distribution zeroToTen(Collection<Integer> answers) {
        return ofScale(0, 10, answers);
    }

    /**
     * Answers on the whole-number scale {@code min..max}; null is a missing answer. Options are labelled
     * with their numbers.
     */
    public static Distribution ofScale(int min, int max, Collection<Integer> answers) {
        if (max < min || (long) max - min > 100) {
            throw new IllegalArgumentException("scale must be " + min + " <= max and at most 101 points: " + max);
        }
        List<String> labels = new ArrayList<>();
        for (int v = min; v <= max; v++) {
            labels.add(Integer.toString(v));
        }
        int[] counts = new int[max - min + 1];
        int missing = 0;
        for (Integer a : answers) {
            if (a == null) {
                missing++;
            } else if (a < min || a > max) {
                throw new IllegalArgumentException("answer " + a + " is outside the scale " + min + "-" + max);
            } else {
                counts[a - min]++;
            }
        }
        return new Distribution(labels, counts, answers.size() - missing, missing, min, true, false);
    }

    /** Single-choice answers; null is a missing answer. */
    public static Distribution ofChoices(List<String> options, Collection<String> answers) {
        Map<String, Integer> index = indexOf(options);
        int[] counts = new int[options.size()];
        int missing = 0;
        for (String a : answers) {
            if (a == null) {
                missing++;
            } else {
                counts[position(index, a)]++;
            }
        }
        return new Distribution(options, counts, answers.size() - missing, missing, 0, false, false);
    }

    /**
     * Multiple-choice answers: one collection of chosen options per person (each option counted once
     * per person); null or empty is a missing answer.
     */
    public static Distribution ofMultipleChoices(List<String> options, Collection<? extends Collection<String>> answers) {
        Map<String, Integer> index = indexOf(options);
        int[] counts = new int[options.size()];
        int missing = 0;
        for (Collection<String> chosen : answers) {
            if (chosen == null || chosen.isEmpty()) {
                missing++;
                continue;
            }
            Set<Integer> seen = new HashSet<>();
            for (String a : chosen) {
                if (seen.add(position(index, a))) {
                    counts[position(index, a)]++;
                }
            }
        }
        return new Distribution(options, counts, answers.size() - missing, missing, 0, false, true);
    }

    /**
     * A distribution from counts already made (e.g. by a database query), in the order of the options.
     * For a scale, the options are {@code scaleMin, scaleMin + 1, ...}.
     */
    public static Distribution ofScaleCounts(int scaleMin, List<Integer> counts, int missing) {
        List<String> labels = new ArrayList<>();
        int[] c = new int[counts.size()];
        int total = 0;
        for (int i = 0; i < c.length; i++) {
            labels.add(Integer.toString(scaleMin + i));
            c[i] = requireCount(counts.get(i));
            total += c[i];
        }
        return new Distribution(labels, c, total, requireCount(missing), scaleMin, true, false);
    }

    /** Single-choice counts already made, in the order of the options. */
    public static Distribution ofChoiceCounts(List<String> options, List<Integer> counts, int missing) {
        if (options.size() != counts.size()) {
            throw new IllegalArgumentException("one count per option needed");
        }
        indexOf(options);
        int[] c = new int[counts.size()];
        int total = 0;
        for (int i = 0; i < c.length; i++) {
            c[i] = requireCount(counts.get(i));
            total += c[i];
        }
        return new Distribution(options, c, total, requireCount(missing), 0, false, false);
    }

    /** Option labels, in order (numbers for a scale). */
    public List<String> options() {
        return options;
    }

    /** Count of each option, in the order of {@link #options()}. */
    public List<Integer> counts() {
        List<Integer> list = new ArrayList<>(counts.length);
        for (int c : counts) {
            list.add(c);
        }
        return List.copyOf(list);
    }

    public int count(int optionIndex) {
        return counts[optionIndex];
    }

    /** People who answered. */
    public int responses() {
        return responses;
    }

    /** People who did not answer. */
    public int missing() {
        return missing;
    }

    public boolean isScale() {
        return scale;
    }

    public boolean isMultipleChoice() {
        return multiple;
    }

    /** Share of the people who answered that chose the option, 0 to 1; NaN when nobody answered. */
    public double share(int optionIndex) {
        return responses == 0 ? Double.NaN : (double) counts[optionIndex] / responses;
    }

    /**
     * Whole percentages of the people who answered, one per option. On a single-answer item they add up
     * to exactly 100 (largest-remainder rounding), so a stacked bar and its labels agree; on a
     * multiple-choice item each is simply rounded. All 0 when nobody answered.
     */
    public List<Integer> percentages() {
        int k = counts.length;
        int[] pct = new int[k];
        if (responses == 0) {
            return toList(pct);
        }
        if (multiple) {
            for (int i = 0; i < k; i++) {
                pct[i] = (int) Math.round(100.0 * counts[i] / responses);
            }
            return toList(pct);
        }
        long[] remainder = new long[k];
        int sum = 0;
        for (int i = 0; i < k; i++) {
            long scaled = 100L * counts[i];
            pct[i] = (int) (scaled / responses);
            remainder[i] = scaled % responses;
            sum += pct[i];
        }
        while (sum < 100) {
            int best = -1;
            for (int i = 0; i < k; i++) {
                // Largest remainder first; on equal remainders the earlier option, for a stable result.
                if (remainder[i] > 0 && (best < 0 || remainder[i] > remainder[best])) {
                    best = i;
                }
            }
            pct[best]++;
            remainder[best] = 0;
            sum++;
        }
        return toList(pct);
    }

    /** Mean answer on a rating scale; empty when nobody answered or the item is not a scale. */
    public OptionalDouble mean() {
        if (!scale || responses == 0) {
            return OptionalDouble.empty();
        }
        long sum = 0;
        for (int i = 0; i < counts.length; i++) {
            sum += (long) counts[i] * (scaleMin + i);
        }
        return OptionalDouble.of((double) sum / responses);
    }

    /**
     * Median answer on a rating scale: the middle answer, or halfway between the two middle answers when
     * the count is even (so it may be e.g. 3.5); empty when nobody answered or the item is not a scale.
     */
    public OptionalDouble median() {
        if (!scale || responses == 0) {
            return OptionalDouble.empty();
        }
        int lowRank = (responses - 1) / 2;
        int highRank = responses / 2;
        return OptionalDouble.of((valueAtRank(lowRank) + valueAtRank(highRank)) / 2.0);
    }

    /** The answers as numbers, e.g. for {@link Estimate#mean(double[])}; empty if not a scale. */
    public double[] values() {
        if (!scale) {
            return new double[0];
        }
        double[] v = new double[responses];
        int j = 0;
        for (int i = 0; i < counts.length; i++) {
            for (int c = 0; c < counts[i]; c++) {
                v[j++] = scaleMin + i;
            }
        }
        return v;
    }

    private int valueAtRank(int rank) {
        int seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (rank < seen) {
                return scaleMin + i;
            }
        }
        throw new IllegalStateException("rank beyond the answers");
    }

    private static Map<String, Integer> indexOf(List<String> options) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < options.size(); i++) {
            if (index.put(options.get(i), i) != null) {
                throw new IllegalArgumentException("option listed twice: " + options.get(i));
            }
        }
        return index;
    }

    private static int position(Map<String, Integer> index, String answer) {
        Integer i = index.get(answer);
        if (i == null) {
            throw new IllegalArgumentException("answer is not one of the options: " + answer);
        }
        return i;
    }

    private static int requireCount(Integer c) {
        if (c == null || c < 0) {
            throw new IllegalArgumentException("counts must be 0 or more: " + c);
        }
        return c;
    }

    private static List<Integer> toList(int[] a) {
        List<Integer> list = new ArrayList<>(a.length);
        for (int v : a) {
            list.add(v);
        }
        return List.copyOf(list);
    }

    @Override
    public String toString() {
        return "Distribution" + options + "=" + counts() + " (missing " + missing + ")";
    }
}
