package org.convene.groups;

import java.util.HashSet;
import java.util.List;

/**
 * What makes groups good. The diversity of two people in one group is
 * d(a, b) = sector x [different sector] + organisation x [different organisation]
 * + profession x [different profession] + place x [different place]; a group's diversity is the
 * sum of d over its pairs. {@code numbers} names the numeric attributes whose group means and
 * standard deviations are made alike; each {@link Person#numbers()} holds them in this order.
 *
 * <p>The objective is lexicographic: first the hard constraints (must-separate pairs, then
 * organisation clashes, team clashes and repeated pairs, each as few as possible), then the total
 * diversity, then alike groups on the numbers, then the diversity of the worst group.
 */
public record Rules(int sector, int organisation, int profession, int place, List<String> numbers) {
    /** d = 3 x sector + 2 x organisation + 2 x profession + 1 x place; balance years and pay band. */
    public static final Rules DEFAULT = new Rules(3, 2, 2, 1, List.of("years", "band"));

    public Rules {
        if (sector < 0 || organisation < 0 || profession < 0 || place < 0) {
            throw new IllegalArgumentException("Diversity weights must be 0 or more");
        }
        if (sector + organisation + profession + place > 1_000) {
            throw new IllegalArgumentException("Diversity weights must add up to at most 1000");
        }
        numbers = List.copyOf(numbers);
        if (new HashSet<>(numbers).size() != numbers.size() || numbers.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("Numeric attributes need distinct, non-blank names: " + numbers);
        }
    }

    /** The diversity weights in the engine's attribute order: sector, organisation, profession, place. */
    int[] weights() {
        return new int[] {sector, organisation, profession, place};
    }

    /** d(a, b) of two people under these rules. */
    public int distance(Person a, Person b) {
        return (a.sectorKey().equals(b.sectorKey()) ? 0 : sector)
                + (a.sameOrganisation(b) ? 0 : organisation)
                + (a.professionKey().equals(b.professionKey()) ? 0 : profession)
                + (a.placeKey().equals(b.placeKey()) ? 0 : place);
    }
}
