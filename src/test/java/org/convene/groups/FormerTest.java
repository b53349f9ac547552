package org.convene.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FormerTest {
    private static final Former FORMER = new Former();

    static Person person(String id, String organisation, String team, String sector, String profession, String place,
                         double years, double band) {
        return new Person(id, organisation, team, sector, profession, place, new double[] {years, band});
    }

    /** n people with random values from small vocabularies (so values repeat and clash). */
    static List<Person> randomPeople(int n, long seed, int organisations) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            people.add(person("p" + i, "org" + r.nextInt(organisations), r.nextInt(4) == 0 ? "team" + r.nextInt(3) : "",
                    "sector" + r.nextInt(4), "prof" + r.nextInt(5), "place" + r.nextInt(3), r.nextInt(41), 2 + r.nextInt(8)));
        }
        return people;
    }

    private static int[] sizes(Formation f) {
        return f.groups().stream().mapToInt(Group::size).toArray();
    }

    @Test
    void evaluatingAFormationGivesItsOwnFiguresAndAHandMadeMoveIsScoredExactly() {
        List<Person> people = randomPeople(24, 5, 8);
        Problem problem = Problem.of(people, Sizing.groups(4));
        Formation formed = FORMER.form(problem);
        Formation same = FORMER.evaluate(problem, formed.assignment());
        assertThat(same.totals().diversity()).isEqualTo(formed.totals().diversity());
        assertThat(same.totals().upperBound()).isEqualTo(formed.totals().upperBound());
        assertThat(same.groups().get(2).ids()).isEqualTo(formed.groups().get(2).ids());
        // Move person 0 into another group: the total changes by what d says it should.
        int[] moved = formed.assignment();
        int from = moved[0];
        int to = (from + 1) % 4;
        moved[0] = to;
        long expected = formed.totals().diversity();
        Rules rules = Rules.DEFAULT;
        for (int j = 1; j < people.size(); j++) {
            if (moved[j] == from) {
                expected -= rules.distance(people.get(0), people.get(j));
            } else if (moved[j] == to) {
                expected += rules.distance(people.get(0), people.get(j));
            }
        }
        Formation after = FORMER.evaluate(problem, moved);
        assertThat(after.totals().diversity()).isEqualTo(expected);
        assertThat(after.groups().get(to).size()).isEqualTo(formed.groups().get(to).size() + 1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FORMER.evaluate(problem, new int[] {0, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("24");
        int[] outside = formed.assignment();
        outside[3] = 4;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FORMER.evaluate(problem, outside))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not one of the 4 groups");
    }

    @Test
    void groupSizesDifferByAtMostOneAndEveryoneIsPlacedOnce() {
        for (int n : new int[] {7, 13, 50, 101}) {
            for (Sizing sizing : List.of(Sizing.groups(2), Sizing.groups(3), Sizing.groups(7), Sizing.size(4), Sizing.size(6))) {
                Formation f = FORMER.form(Problem.of(randomPeople(n, n, 6), sizing));
                int k = sizing.groupsFor(n);
                assertThat(f.groups()).hasSize(k);
                for (int size : sizes(f)) {
                    assertThat(size).as("n=%d %s", n, sizing).isBetween(n / k, (n + k - 1) / k);
                }
                boolean[] seen = new boolean[n];
                for (Group g : f.groups()) {
                    for (int p : g.members()) {
                        assertThat(seen[p]).isFalse();
                        seen[p] = true;
                        assertThat(f.groupOf(p)).isEqualTo(g.index());
                    }
                }
                if (sizing.groupSize() > 0) {
                    assertThat(java.util.Arrays.stream(sizes(f)).max().getAsInt()).isLessThanOrEqualTo(sizing.groupSize());
                }
            }
        }
    }

    @Test
    void everyHardConstraintHoldsWhenItCan() {
        // 24 people, 6 organisations of 4, 4 groups: no clash is needed.
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            people.add(person("p" + i, "org" + (i % 6), i < 8 ? "ward" + (i % 2) : "", "sector" + (i % 5), "prof" + (i % 7),
                    "place" + (i % 3), i, 2 + i % 8));
        }
        List<Pair> separate = List.of(new Pair("p0", "p7"), new Pair("p1", "p13"), new Pair("p2", "p9"), new Pair("p3", "p16"));
        List<Pair> together = List.of(new Pair("p4", "p11"), new Pair("p11", "p18"), new Pair("p5", "p12"));
        Map<String, Integer> locked = Map.of("p6", 3, "p20", 0, "p4", 2);
        Problem problem = Problem.of(people, Sizing.groups(4)).withSeparate(separate).withTogether(together).withLocked(locked).withSeed(9);
        Formation f = FORMER.form(problem);
        Totals t = f.totals();
        assertThat(t.organisationClashes()).isZero();
        assertThat(t.teamClashes()).isZero();
        assertThat(t.separateBroken()).isZero();
        assertThat(t.broken()).isEmpty();
        for (Pair p : separate) {
            assertThat(f.groupOf(index(people, p.a()))).isNotEqualTo(f.groupOf(index(people, p.b())));
        }
        for (Pair p : together) {
            assertThat(f.groupOf(index(people, p.a()))).isEqualTo(f.groupOf(index(people, p.b())));
        }
        locked.forEach((id, g) -> assertThat(f.groupOf(index(people, id))).as(id).isEqualTo(g));
        // The unit p4, p11, p18 follows p4's lock.
        assertThat(f.groupOf(index(people, "p18"))).isEqualTo(2);
        for (Group g : f.groups()) {
            for (int a : g.members()) {
                for (int b : g.members()) {
                    if (a < b) {
                        assertThat(people.get(a).organisation()).isNotEqualTo(people.get(b).organisation());
                    }
                }
            }
        }
    }

    @Test
    void unavoidableOrganisationClashesAreTheFewestAndListed() {
        // 10 of 20 people in one organisation, 4 groups of 5: the fewest clashes spread it 3, 3, 2, 2: 3 + 3 + 1 + 1 = 8.
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            people.add(person("p" + i, i < 10 ? "big trust" : "org" + i, "", "sector" + (i % 4), "prof" + (i % 6), "place" + (i % 3), i, 5));
        }
        Formation f = FORMER.form(Problem.of(people, Sizing.groups(4)));
        Totals t = f.totals();
        assertThat(t.minimumOrganisationClashes()).isEqualTo(8);
        assertThat(t.organisationClashes()).isEqualTo(8);
        List<Clash> listed = t.broken().stream().filter(c -> c.kind() == Clash.Kind.ORGANISATION).toList();
        assertThat(listed).hasSize(8);
        for (Clash c : listed) {
            int a = index(people, c.a());
            int b = index(people, c.b());
            assertThat(f.groupOf(a)).isEqualTo(c.group()).isEqualTo(f.groupOf(b));
            assertThat(people.get(a).organisation()).isEqualTo(people.get(b).organisation());
        }
    }

    @Test
    void teamClashesAreAvoidedInsideAnUnavoidablyClashingOrganisation() {
        // 12 of 16 people in one trust (clashes forced), in 4 teams of 3; 4 groups: each team can be spread.
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            people.add(person("p" + i, i < 12 ? "trust" : "org" + i, i < 12 ? "team" + (i / 3) : "", "s" + (i % 4), "prof" + (i % 5),
                    "place" + (i % 2), 10 + i, 5));
        }
        Formation f = FORMER.form(Problem.of(people, Sizing.groups(4)));
        assertThat(f.totals().organisationClashes()).isEqualTo(f.totals().minimumOrganisationClashes()).isEqualTo(12);
        assertThat(f.totals().teamClashes()).isZero();
    }

    @Test
    void theSameSeedGivesTheSameGroupsAndOtherSeedsMayNot() {
        List<Person> people = randomPeople(60, 3, 12);
        Problem problem = Problem.of(people, Sizing.size(6)).withSeed(42);
        assertThat(FORMER.form(problem).assignment()).isEqualTo(FORMER.form(problem).assignment());
        long distinct = java.util.stream.LongStream.range(1, 5)
                .mapToObj(seed -> java.util.Arrays.toString(FORMER.form(problem.withSeed(seed)).assignment())).distinct().count();
        assertThat(distinct).isGreaterThan(1);
    }

    @Test
    void diversityAndClashesEqualTheExactOptimumOnSmallInstances() {
        SplittableRandom r = new SplittableRandom(11);
        for (int instance = 0; instance < 8; instance++) {
            int n = 9 + r.nextInt(4);
            List<Person> people = randomPeople(n, 100 + instance, 3 + r.nextInt(4));
            List<Pair> separate = new ArrayList<>();
            List<Pair> past = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                separate.add(new Pair("p" + r.nextInt(n), "p" + ((r.nextInt(n - 1) + 1 + i) % n)));
                past.add(new Pair("p" + r.nextInt(n), "p" + ((r.nextInt(n - 1) + 1 + i) % n)));
            }
            separate.removeIf(p -> p.a().equals(p.b()));
            past.removeIf(p -> p.a().equals(p.b()));
            Sizing sizing = Sizing.groups(2 + instance % 3);
            Problem problem = Problem.of(people, sizing).withSeparate(separate).withPast(past).withSeed(instance);
            ExactGroups.Optimum exact = ExactGroups.solve(problem, Rules.DEFAULT);
            Totals t = FORMER.form(problem).totals();
            String what = "instance " + instance + " (" + n + " people, " + sizing + ")";
            assertThat(t.separateBroken()).as(what).isEqualTo(exact.separate());
            assertThat(t.organisationClashes()).as(what).isEqualTo(exact.organisation());
            assertThat(t.teamClashes()).as(what).isEqualTo(exact.team());
            assertThat(t.repeats()).as(what).isEqualTo(exact.repeats());
            assertThat(t.diversity()).as(what).isEqualTo(exact.diversity());
            assertThat(exact.diversity()).as(what).isLessThanOrEqualTo(t.upperBound());
        }
    }

    @Test
    void theBoundSpreadsEachAttributeEvenly() {
        // Two groups of two; sectors a, a, b, b; all organisations differ; one profession; one place.
        List<Person> four = List.of(person("1", "o1", "", "a", "nurse", "leeds", 1, 5), person("2", "o2", "", "a", "nurse", "leeds", 2, 5),
                person("3", "o3", "", "b", "nurse", "leeds", 3, 5), person("4", "o4", "", "b", "nurse", "leeds", 4, 5));
        Formation f = FORMER.form(Problem.of(four, Sizing.groups(2)));
        // 2 pairs; sector differs in both when spread (3 x 2), organisation always (2 x 2): 10, reached.
        assertThat(f.totals().upperBound()).isEqualTo(10);
        assertThat(f.totals().diversity()).isEqualTo(10);
        assertThat(f.totals().ratio()).isEqualTo(1.0);
        // Five people in groups of 3 and 2 (4 pairs). Sector a, a, a, b, b: a spread 2 + 1 (1 same pair): 3 x 3.
        // Organisation o1, o1, o2, o3, o4: o1 spread 1 + 1: 4 x 2. One profession: 0. Places p, q, p, q, p: 1 same pair: 3 x 1.
        List<Person> five = List.of(person("1", "o1", "", "a", "x", "p", 1, 5), person("2", "o1", "", "a", "x", "q", 2, 5),
                person("3", "o2", "", "a", "x", "p", 3, 5), person("4", "o3", "", "b", "x", "q", 4, 5), person("5", "o4", "", "b", "x", "p", 5, 5));
        Formation g = FORMER.form(Problem.of(five, Sizing.groups(2)));
        assertThat(g.totals().upperBound()).isEqualTo(9 + 8 + 0 + 3);
        assertThat(g.totals().diversity()).isLessThanOrEqualTo(20).isEqualTo(ExactGroups.solve(Problem.of(five, Sizing.groups(2)), Rules.DEFAULT).diversity());
        assertThat(g.totals().minimumOrganisationClashes()).isZero();
        // Other weights: only places count, 2 x [different place].
        Formation h = new Former(new Rules(0, 0, 0, 2, List.of("years", "band"))).form(Problem.of(five, Sizing.groups(2)));
        assertThat(h.totals().upperBound()).isEqualTo(2 * 3);
    }

    @Test
    void explainsEachGroup() {
        List<Person> people = List.of(
                person("ann", "Leeds Trust", "", "acute", "nurse", "Leeds", 10, 5),
                person("bob", "", "", "housing", "officer", "Leeds", 20, Double.NaN),
                person("cat", "Leeds Trust", "", "acute", "doctor", "York", Double.NaN, Double.NaN),
                person("dan", "York Council", "", "social care", "nurse", "York", 30, 7));
        Problem problem = Problem.of(people, Sizing.groups(2)).withLocked(Map.of("ann", 0, "bob", 0, "cat", 1, "dan", 1));
        Formation f = FORMER.form(problem);
        Group first = f.groups().get(0);
        Group second = f.groups().get(1);
        assertThat(first.ids()).containsExactly("ann", "bob");
        assertThat(first.sectors()).containsExactly(Map.entry("acute", 1), Map.entry("housing", 1));
        assertThat(first.organisations()).containsExactly(Map.entry("(none)", 1), Map.entry("Leeds Trust", 1));
        assertThat(first.places()).containsExactly(Map.entry("Leeds", 2));
        assertThat(first.professions()).containsExactly(Map.entry("nurse", 1), Map.entry("officer", 1));
        // ann-bob: sector 3 + organisation 2 (none differs from everyone) + profession 2 + same place 0.
        assertThat(first.diversity()).isEqualTo(7).isEqualTo(Rules.DEFAULT.distance(people.get(0), people.get(1)));
        // cat-dan: 3 + 2 + 2 + 0.
        assertThat(second.diversity()).isEqualTo(7);
        assertThat(first.means().get(0)).isEqualTo(15.0);
        assertThat(first.sds().get(0)).isEqualTo(5.0);
        assertThat(first.means().get(1)).isEqualTo(5.0);   // bob's band is missing
        assertThat(first.sds().get(1)).isEqualTo(0.0);
        assertThat(second.means().get(0)).isEqualTo(30.0); // cat's years are missing
        assertThat(second.means().get(1)).isEqualTo(7.0);
        Totals t = f.totals();
        assertThat(t.diversity()).isEqualTo(14);
        assertThat(t.worstGroupDiversity()).isEqualTo(7);
        // years over everyone: 10, 20, 30 (SD sqrt(200/3)); group means 15 and 30.
        assertThat(t.maxMeanGaps().get(0)).isCloseTo(15 / Math.sqrt(200.0 / 3), within(1e-9));
        assertThat(t.maxSdGaps().get(0)).isCloseTo(5 / Math.sqrt(200.0 / 3), within(1e-9));
        // band: 5 and 7 (SD 1), group means 5 and 7.
        assertThat(t.maxMeanGaps().get(1)).isCloseTo(2.0, within(1e-9));
        assertThat(t.organisationClashes()).isZero();
        assertThat(t.seconds()).isPositive();
    }

    @Test
    void aGroupWithNoValuesHasNoMeanAndIsLeftOutOfTheGaps() {
        List<Person> people = List.of(person("a", "o1", "", "s1", "p", "x", Double.NaN, 3), person("b", "o2", "", "s2", "p", "x", Double.NaN, 4),
                person("c", "o3", "", "s1", "p", "y", 5, 3), person("d", "o4", "", "s2", "p", "y", 9, 4));
        Formation f = FORMER.form(Problem.of(people, Sizing.groups(2)).withLocked(Map.of("a", 0, "b", 0, "c", 1, "d", 1)));
        assertThat(f.groups().get(0).means().get(0)).isNaN();
        assertThat(f.groups().get(1).means().get(0)).isEqualTo(7.0);
        assertThat(f.totals().maxMeanGaps().get(0)).isZero();
        assertThat(f.totals().maxMeanGaps().get(1)).isZero();
    }

    @Test
    void pastGroupMatesAreNotPutTogetherAgainWhenThatCanBeAvoided() {
        List<Person> people = randomPeople(24, 5, 24);
        Formation first = FORMER.form(Problem.of(people, Sizing.size(4)).withSeed(1));
        List<Pair> past = pairsOf(first, people);
        Formation second = FORMER.form(Problem.of(people, Sizing.size(4)).withPast(past).withSeed(2));
        assertThat(second.totals().repeats()).isZero();
        // Without the history, the first seed gives the first cohort again: every pair repeats.
        Formation again = FORMER.form(Problem.of(people, Sizing.size(4)).withSeed(1));
        assertThat(pairsOf(again, people)).isEqualTo(past);
        // A repeat is counted and listed when it is forced: 3 people, 1 group, all met before.
        List<Person> three = people.subList(0, 3);
        Formation forced = FORMER.form(Problem.of(three, Sizing.groups(1)).withPast(pairsOf(FORMER.form(Problem.of(three, Sizing.groups(1))), three)));
        assertThat(forced.totals().repeats()).isEqualTo(3);
        assertThat(forced.totals().broken()).filteredOn(c -> c.kind() == Clash.Kind.REPEAT).hasSize(3);
    }

    static List<Pair> pairsOf(Formation f, List<Person> people) {
        List<Pair> pairs = new ArrayList<>();
        for (Group g : f.groups()) {
            for (int x = 0; x < g.size(); x++) {
                for (int y = x + 1; y < g.size(); y++) {
                    pairs.add(new Pair(people.get(g.members().get(x)).id(), people.get(g.members().get(y)).id()));
                }
            }
        }
        return pairs;
    }

    @Test
    void aDemoCohortReachesTheBoundWithGroupsFarMoreAlikeThanRandomOnes() {
        Problem problem = GroupInstances.of(GroupInstances.Kind.DEMO, 300, 6, 1);
        Formation f = FORMER.form(problem);
        assertThat(f.totals().ratio()).isEqualTo(1.0);
        assertThat(f.totals().organisationClashes()).isZero();
        // Random groups of 6 leave mean gaps near 2 SDs; ours must be well under half an SD.
        assertThat(f.totals().maxMeanGaps()).allMatch(gap -> gap < 0.5);
        assertThat(f.totals().maxSdGaps()).allMatch(gap -> gap < 0.6);
    }

    @Test
    void refusesProblemsWithoutAValidFormation() {
        List<Person> six = randomPeople(6, 1, 6);
        assertRefused(Problem.of(six, Sizing.groups(7)), "7 groups need at least 7 people");
        assertRefused(Problem.of(List.of(), Sizing.groups(1)), "nobody");
        assertRefused(Problem.of(List.of(six.get(0), six.get(0)), Sizing.groups(1)), "appears twice");
        assertRefused(Problem.of(six, Sizing.groups(2)).withLocked(Map.of("p0", 2)), "groups are 0 to 1");
        assertRefused(Problem.of(six, Sizing.groups(2)).withLocked(Map.of("nobody", 0)), "not among the people");
        assertRefused(Problem.of(six, Sizing.groups(2)).withTogether(List.of(new Pair("p0", "p1"))).withLocked(Map.of("p0", 0, "p1", 1)),
                "locked to different groups");
        assertRefused(Problem.of(six, Sizing.groups(2)).withTogether(List.of(new Pair("p0", "p1"))).withSeparate(List.of(new Pair("p1", "p0"))),
                "both together and separate");
        assertRefused(Problem.of(six, Sizing.groups(2)).withSeparate(List.of(new Pair("p0", "p1"))).withLocked(Map.of("p0", 1, "p1", 1)),
                "locked to the same group");
        assertRefused(Problem.of(six, Sizing.groups(3)).withTogether(List.of(new Pair("p0", "p1"), new Pair("p1", "p2"))),
                "3 people must be together");
        assertRefused(Problem.of(six, Sizing.groups(3)).withLocked(Map.of("p0", 0, "p1", 0, "p2", 0)), "3 people are locked to group 0");
        assertRefused(Problem.of(randomPeople(7, 1, 7), Sizing.groups(3))
                        .withLocked(Map.of("p0", 0, "p1", 0, "p2", 0, "p3", 1, "p4", 1, "p5", 1)), "2 groups have 3 locked people");
        assertRefused(Problem.of(six, Sizing.groups(2)).withSeparate(List.of(new Pair("p0", "zed"))), "not among the people: zed");
        assertRefused(Problem.of(six, Sizing.groups(2)).withSeparate(List.of(new Pair("p0", "p0"))), "names one person twice");
        assertRefused(Problem.of(List.of(new Person("x", "o", "", "s", "p", "l", new double[] {1})), Sizing.groups(1)), "has 1 numbers");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Sizing.groups(0)).isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Sizing.size(0)).isInstanceOf(IllegalArgumentException.class);
        // Past pairs may name people who are not taking part.
        assertThat(FORMER.form(Problem.of(six, Sizing.groups(2)).withPast(List.of(new Pair("p0", "gone")))).totals().repeats()).isZero();
    }

    private static void assertRefused(Problem problem, String message) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FORMER.form(problem))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    static int index(List<Person> people, String id) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < people.size(); i++) {
            index.put(people.get(i).id(), i);
        }
        return index.get(id);
    }
}
