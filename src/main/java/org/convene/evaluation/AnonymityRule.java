package org.convene.evaluation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The anonymity rule of evaluation reports: no result is shown for a group of fewer than
 * {@link #minimum()} responses (5 by default).
 *
 * <p>For a breakdown into groups whose total is shown too, hiding one small group is not enough: its
 * size would be the total minus the others. {@link #suppressed(Map)} therefore also hides the
 * smallest shown groups until the hidden groups together hold at least {@code minimum} responses and
 * are not a single group.
 */
public record AnonymityRule(int minimum) {

    /** The rule of the evaluation reports: at least 5 responses. */
    public static final AnonymityRule DEFAULT = new AnonymityRule(5);

    public AnonymityRule {
        if (minimum < 1) {
            throw new IllegalArgumentException("minimum must be at least 1: " + minimum);
        }
    }

    /** Whether results from this many responses may be shown. */
    public boolean allows(int responses) {
        return responses >= minimum;
    }

    /** Whether this distribution's results may be shown (counts the people who answered). */
    public boolean allows(Distribution distribution) {
        return allows(distribution.responses());
    }

    /** Whether this paired comparison may be shown (counts the complete pairs). */
    public boolean allows(PairedComparison comparison) {
        return allows(comparison.pairs());
    }

    /**
     * The groups of a breakdown that must not be shown, when the total (or the other groups' sum) is
     * shown too. Groups below the minimum are hidden (empty groups too: showing "0" would tell who did
     * not answer); then, while the hidden groups are a single group or hold fewer than the minimum
     * together, the smallest shown group is hidden as well (on equal sizes the later one in the map's
     * order). Empty groups hidden on their own get no companion: the size worked out from the total,
     * 0, describes nobody. Empty when everything may be shown; every group when no safe split exists.
     *
     * @param groupSizes responses per group, in display order (use an ordered map for a stable result)
     */
    public <K> Set<K> suppressed(Map<K, Integer> groupSizes) {
        Set<K> hidden = new LinkedHashSet<>();
        List<Map.Entry<K, Integer>> shown = new ArrayList<>();
        int hiddenTotal = 0;
        for (Map.Entry<K, Integer> e : groupSizes.entrySet()) {
            int size = e.getValue() == null ? 0 : e.getValue();
            if (size < 0) {
                throw new IllegalArgumentException("negative group size for " + e.getKey());
            }
            if (size < minimum) {
                hidden.add(e.getKey());
                hiddenTotal += size;
            } else {
                shown.add(e);
            }
        }
        if (hidden.isEmpty()) {
            return Set.of();
        }
        while (!shown.isEmpty() && (hidden.size() == 1 || hiddenTotal < minimum) && hiddenTotal > 0) {
            int smallest = 0;
            for (int i = 1; i < shown.size(); i++) {
                if (shown.get(i).getValue() <= shown.get(smallest).getValue()) {
                    smallest = i;
                }
            }
            Map.Entry<K, Integer> e = shown.remove(smallest);
            hidden.add(e.getKey());
            hiddenTotal += e.getValue();
        }
        return Collections.unmodifiableSet(hidden);
    }
}
