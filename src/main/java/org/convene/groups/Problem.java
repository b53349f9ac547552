package org.convene.groups;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A group formation problem: the people (their index in this list is their number in the
 * {@link Formation}), how many groups, and the constraints. {@code separate}: pairs never to be in
 * one group; {@code together}: pairs always in one group (chains join: a-b and b-c keep all three
 * together); {@code locked}: a facilitator's pre-assignments, person id to group index (0-based);
 * {@code past}: pairs who were in a group together before, to repeat as few times as possible
 * (ids not among the people are ignored). The same problem and seed always give the same groups.
 */
public record Problem(List<Person> people, Sizing sizing, List<Pair> separate, List<Pair> together,
                      Map<String, Integer> locked, List<Pair> past, long seed) {
    public Problem {
        people = List.copyOf(people);
        Objects.requireNonNull(sizing, "sizing");
        separate = List.copyOf(separate);
        together = List.copyOf(together);
        locked = Map.copyOf(locked);
        past = List.copyOf(past);
    }

    /** The people in groups of the given sizing, no constraints, seed 1. */
    public static Problem of(List<Person> people, Sizing sizing) {
        return new Problem(people, sizing, List.of(), List.of(), Map.of(), List.of(), 1);
    }

    public Problem withSeparate(List<Pair> pairs) {
        return new Problem(people, sizing, pairs, together, locked, past, seed);
    }

    public Problem withTogether(List<Pair> pairs) {
        return new Problem(people, sizing, separate, pairs, locked, past, seed);
    }

    public Problem withLocked(Map<String, Integer> idToGroup) {
        return new Problem(people, sizing, separate, together, idToGroup, past, seed);
    }

    public Problem withPast(List<Pair> pairs) {
        return new Problem(people, sizing, separate, together, locked, pairs, seed);
    }

    public Problem withSeed(long newSeed) {
        return new Problem(people, sizing, separate, together, locked, past, newSeed);
    }
}
