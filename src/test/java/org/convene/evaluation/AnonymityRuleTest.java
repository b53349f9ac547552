package org.convene.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnonymityRuleTest {
    private final AnonymityRule rule = AnonymityRule.DEFAULT;

    @Test
    void fiveOrMoreResponsesMayBeShown() {
        assertThat(rule.minimum()).isEqualTo(5);
        assertThat(rule.allows(4)).isFalse();
        assertThat(rule.allows(5)).isTrue();
        assertThat(rule.allows(0)).isFalse();
        assertThat(rule.allows(Distribution.likert5(List.of(1, 2, 3, 4)))).isFalse();
        assertThat(rule.allows(Distribution.likert5(List.of(1, 2, 3, 4, 5)))).isTrue();
        assertThat(rule.allows(PairedComparison.of(List.of(1, 2, 3, 4, 5), List.of(2, 3, 4, 5, 5)))).isTrue();
    }

    @Test
    void nothingHiddenWhenEveryGroupIsLargeEnough() {
        assertThat(rule.suppressed(sizes("NHS", 12, "Voluntary", 5))).isEmpty();
    }

    @Test
    void aSmallGroupIsHiddenWithTheNextSmallestSoItCannotBeWorkedOutFromTheTotal() {
        // Total 30 shown: hiding only "Police" (3) would leave it as 30 - 12 - 9 - 6.
        Map<String, Integer> groups = sizes("NHS", 12, "Voluntary", 9, "Local authority", 6, "Police", 3);
        assertThat(rule.suppressed(groups)).containsExactly("Police", "Local authority");
    }

    @Test
    void twoSmallGroupsTogetherBelowTheMinimumTakeAnotherWithThem() {
        Map<String, Integer> groups = sizes("A", 20, "B", 7, "C", 2, "D", 1);
        assertThat(rule.suppressed(groups)).containsExactly("C", "D", "B");
    }

    @Test
    void twoSmallGroupsTogetherAtTheMinimumAreEnough() {
        Map<String, Integer> groups = sizes("A", 20, "B", 7, "C", 3, "D", 4);
        assertThat(rule.suppressed(groups)).containsExactly("C", "D");
    }

    @Test
    void everythingHiddenWhenNoSafeSplitExists() {
        assertThat(rule.suppressed(sizes("A", 6, "B", 2))).containsExactly("B", "A");
    }

    @Test
    void anEmptyGroupAloneNeedsNoCompanion() {
        assertThat(rule.suppressed(sizes("A", 6, "B", 0, "C", 9))).containsExactly("B");
    }

    private static Map<String, Integer> sizes(Object... keyValues) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], (Integer) keyValues[i + 1]);
        }
        return m;
    }
}
