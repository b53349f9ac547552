package org.convene.sets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.convene.errors.ConflictException;
import org.convene.errors.ValidationException;
import org.convene.groups.Formation;
import org.convene.groups.Former;
import org.convene.groups.Group;
import org.convene.groups.Pair;
import org.convene.groups.Person;
import org.convene.groups.Problem;
import org.convene.groups.Sizing;
import org.convene.groups.Totals;

/**
 * Forms a cohort's action learning sets with the group engine (the default rules: diverse sets,
 * alike on years of experience and band) around the facilitator's locks, optionally avoiding
 * people who were in a set together on another cohort; and explains the sets as they stand after
 * the facilitator's moves.
 */
public final class SetFormation {
    public static final int MIN_SIZE = 3;
    public static final int MAX_SIZE = 12;

    private final Sets sets;
    private final Former former = new Former();

    public SetFormation(Sets sets) {
        this.sets = sets;
    }

    /** A set with the engine's explanation of it (mixes, diversity, means). */
    public record Explained(LearningSet set, Group group) {
    }

    /** Forms (or forms again) the draft sets; returns their figures. */
    public SetFigures form(long cohortId, int setSize, long seed, boolean avoidPast, Long by) {
        if (setSize < MIN_SIZE || setSize > MAX_SIZE) {
            throw new ValidationException("Bad set size", Map.of("size", "Sets have " + MIN_SIZE + " to " + MAX_SIZE + " people"));
        }
        if (sets.plan(cohortId).map(SetPlan::published).orElse(false)) {
            throw new ConflictException("The sets are published: move people between them instead of forming them again");
        }
        List<SetMember> members = sets.members(cohortId);
        if (members.size() < 2) {
            throw new ValidationException("Too few people", Map.of("size", "Enrol at least two people before forming sets"));
        }
        int count = Math.max(1, (int) Math.round((double) members.size() / setSize));
        Map<String, Integer> locked = new HashMap<>();
        for (SetMember m : members) {
            if (m.locked() && m.set() > 0) {
                if (m.set() > count) {
                    throw new ValidationException("Locked outside the sets", Map.of("size", m.name() + " is locked in set " + m.set()
                            + ", but sets of " + setSize + " make " + count + " sets: unlock them or choose a smaller size"));
                }
                locked.put(String.valueOf(m.personId()), m.set() - 1);
            }
        }
        Problem problem = problem(cohortId, members, Sizing.groups(count), avoidPast).withLocked(locked).withSeed(seed);
        Formation formation;
        try {
            formation = former.form(problem);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("The sets cannot be formed", Map.of("size", e.getMessage()));
        }
        Map<Long, Integer> numberOf = new HashMap<>();
        Set<Long> keep = new HashSet<>();
        for (int i = 0; i < members.size(); i++) {
            SetMember m = members.get(i);
            numberOf.put(m.personId(), formation.groupOf(i) + 1);
            if (m.locked()) {
                keep.add(m.personId());
            }
        }
        SetFigures figures = figures(formation.totals());
        sets.saveDraft(cohortId, setSize, seed, avoidPast, numberOf, keep, figures, by);
        return figures;
    }

    /** The sets as they stand, each explained; and the figures of the whole. */
    public record Standing(List<Explained> sets, SetFigures figures) {
    }

    public Standing standing(long cohortId) {
        List<LearningSet> all = sets.sets(cohortId);
        if (all.isEmpty()) {
            return new Standing(List.of(), SetFigures.NONE);
        }
        List<SetMember> placed = new ArrayList<>();
        all.forEach(s -> placed.addAll(s.members()));
        boolean avoidPast = sets.plan(cohortId).map(SetPlan::avoidPast).orElse(true);
        Problem problem = problem(cohortId, placed, Sizing.groups(all.size()), avoidPast);
        int[] assignment = new int[placed.size()];
        for (int i = 0; i < placed.size(); i++) {
            assignment[i] = placed.get(i).set() - 1;
        }
        Formation formation = former.evaluate(problem, assignment);
        List<Explained> explained = new ArrayList<>();
        for (LearningSet s : all) {
            explained.add(new Explained(s, formation.groups().get(s.number() - 1)));
        }
        return new Standing(explained, figures(formation.totals()));
    }

    private Problem problem(long cohortId, List<SetMember> members, Sizing sizing, boolean avoidPast) {
        List<Person> people = new ArrayList<>();
        for (SetMember m : members) {
            people.add(new Person(String.valueOf(m.personId()), m.organisationId() == null ? "" : "org" + m.organisationId(), "",
                    m.sectorCode(), m.profession(), m.placeId() == null ? "" : "place" + m.placeId(),
                    new double[] {m.years() == null ? Double.NaN : m.years(), m.band() == null ? Double.NaN : m.band()}));
        }
        List<Pair> past = new ArrayList<>();
        if (avoidPast) {
            for (long[] p : sets.pastPairs(cohortId)) {
                past.add(new Pair(String.valueOf(p[0]), String.valueOf(p[1])));
            }
        }
        return Problem.of(people, sizing).withPast(past);
    }

    private static SetFigures figures(Totals t) {
        List<String> notes = new ArrayList<>();
        if (t.organisationClashes() > 0) {
            notes.add(t.organisationClashes() + (t.organisationClashes() == 1 ? " pair" : " pairs")
                    + " from the same organisation share a set"
                    + (t.organisationClashes() <= t.minimumOrganisationClashes()
                    ? ": too many people come from one organisation to avoid it" : ""));
        }
        if (t.repeats() > 0) {
            notes.add(t.repeats() + (t.repeats() == 1 ? " pair was" : " pairs were")
                    + " in a set together on another cohort");
        }
        return new SetFigures(t.diversity(), t.upperBound(), (int) t.organisationClashes(), (int) t.repeats(),
                t.worstGroupDiversity(), gap(t.maxMeanGaps(), 0), gap(t.maxSdGaps(), 0), gap(t.maxMeanGaps(), 1),
                gap(t.maxSdGaps(), 1), notes);
    }

    private static Double gap(List<Double> gaps, int k) {
        return k < gaps.size() && !gaps.get(k).isNaN() ? gaps.get(k) : null;
    }
}
