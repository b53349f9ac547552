package org.convene.clusters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Ranking properties, determinism, limits, disjoint plans and bad input. */
class SuggesterRankingTest {

    static final Area AREA = new Area("Hospital discharge and frailty", Set.of("hospital discharge", "frailty"), "Leeds");

    static Candidate person(long id, String sector, String organisation, Set<String> interests) {
        return new Candidate(id, "P" + id, sector, organisation, "Nursing", "Nurse", "Leeds", interests, 3, 1);
    }

    /** The rank (0 = best) of the cluster with exactly these members. */
    static int rank(List<Suggestion> ranked, Long... members) {
        Set<Long> want = Set.of(members);
        for (int r = 0; r < ranked.size(); r++) {
            if (new HashSet<>(ranked.get(r).members()).equals(want)) {
                return r;
            }
        }
        throw new AssertionError("no cluster " + want);
    }

    static Suggestion find(List<Suggestion> ranked, Long... members) {
        return ranked.get(rank(ranked, members));
    }

    @Test
    void irrelevantUnconnectedCandidateRanksBelowAnOtherwiseIdenticalRelevantOne() {
        List<Candidate> cs = List.of(person(1, "acute care", "A", Set.of("frailty")), person(2, "housing", "B", Set.of("frailty")),
                person(3, "social care", "C", Set.of("hospital discharge")), person(4, "social care", "C", Set.of("gardening")));
        List<Tie> ties = List.of(new Tie(1, 2, 0.5, "met"), new Tie(1, 3, 0.5, "met"));
        List<Suggestion> s = Suggester.suggest(AREA, cs, ties, null, 100);

        assertThat(rank(s, 1L, 2L, 3L)).isLessThan(rank(s, 1L, 2L, 4L));
        assertThat(rank(s, 1L, 3L)).isLessThan(rank(s, 1L, 4L));
        assertThat(rank(s, 2L, 3L)).isLessThan(rank(s, 2L, 4L));
        assertThat(find(s, 1L, 4L).relevance()).isLessThan(find(s, 1L, 3L).relevance());
    }

    @Test
    void threeSectorsBeatOne() {
        List<Candidate> cs = new ArrayList<>();
        for (long id = 1; id <= 3; id++) {
            cs.add(person(id, "acute care", "Org " + id, Set.of("frailty")));
        }
        cs.add(person(4, "acute care", "Org 4", Set.of("frailty")));
        cs.add(person(5, "housing", "Org 5", Set.of("frailty")));
        cs.add(person(6, "social care", "Org 6", Set.of("frailty")));
        List<Suggestion> s = Suggester.suggest(AREA, cs, List.of(), null, 100);

        assertThat(find(s, 4L, 5L, 6L).score()).isGreaterThan(find(s, 1L, 2L, 3L).score());
        assertThat(find(s, 4L, 5L, 6L).complementarity()).isEqualTo(1.0 - 0.2 * 2 / 3, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(find(s, 4L, 5L, 6L).reasons()).contains("Three sectors: acute care, housing, social care");
    }

    @Test
    void strongerTiesRaiseASuggestion() {
        List<Candidate> cs = List.of(person(1, "acute care", "A", Set.of("frailty")), person(2, "housing", "B", Set.of()),
                person(3, "social care", "C", Set.of("frailty")));
        List<Suggestion> weak = Suggester.suggest(AREA, cs, List.of(new Tie(1, 2, 0.2, "met")), null, 100);
        List<Suggestion> strong = Suggester.suggest(AREA, cs, List.of(new Tie(1, 2, 0.9, "met")), null, 100);

        assertThat(find(strong, 1L, 2L).score()).isGreaterThan(find(weak, 1L, 2L).score());
        assertThat(find(strong, 1L, 2L, 3L).score()).isGreaterThan(find(weak, 1L, 2L, 3L).score());
        assertThat(rank(strong, 1L, 2L)).isLessThan(rank(weak, 1L, 2L));
        assertThat(find(strong, 1L, 3L).score()).isEqualTo(find(weak, 1L, 3L).score());
    }

    @Test
    void deterministicWhateverTheInputOrder() {
        List<Candidate> cs = RandomInstances.candidates(30, 42);
        List<Tie> ties = RandomInstances.ties(cs, 4, 42);
        List<Suggestion> first = Suggester.suggest(RandomInstances.AREA, cs, ties, null, 50);
        assertThat(Suggester.suggest(RandomInstances.AREA, cs, ties, null, 50)).isEqualTo(first);

        List<Candidate> shuffled = new ArrayList<>(cs);
        Collections.shuffle(shuffled, new Random(7));
        List<Tie> shuffledTies = new ArrayList<>(ties);
        Collections.shuffle(shuffledTies, new Random(8));
        List<Suggestion> again = Suggester.suggest(RandomInstances.AREA, shuffled, shuffledTies, null, 50);
        assertThat(again).hasSize(50);
        for (int r = 0; r < 50; r++) {
            assertThat(new HashSet<>(again.get(r).members())).isEqualTo(new HashSet<>(first.get(r).members()));
            assertThat(again.get(r).score()).isEqualTo(first.get(r).score());
            assertThat(new HashSet<>(again.get(r).reasons())).hasSameSizeAs(first.get(r).reasons());
            // members come in the order of the (shuffled) input list
            List<Long> m = again.get(r).members();
            for (int i = 1; i < m.size(); i++) {
                assertThat(indexOf(shuffled, m.get(i - 1))).isLessThan(indexOf(shuffled, m.get(i)));
            }
        }
    }

    @Test
    void equalScoresAreOrderedByMemberIds() {
        List<Candidate> cs = List.of(person(30, "x", "A", Set.of()), person(10, "x", "A", Set.of()), person(20, "x", "A", Set.of()));
        List<Suggestion> s = Suggester.suggest(AREA, cs, List.of(), new Weights(0, 1, 0, 0), 10);

        assertThat(s).extracting(x -> (List<Long>) new ArrayList<>(new java.util.TreeSet<>(x.members())))
                .containsExactly(List.of(10L, 20L), List.of(10L, 20L, 30L), List.of(10L, 30L), List.of(20L, 30L));
        assertThat(s.get(1).members()).containsExactly(30L, 10L, 20L);
    }

    @Test
    void limitIsRespected() {
        List<Candidate> cs = RandomInstances.candidates(12, 3);
        assertThat(Suggester.suggest(RandomInstances.AREA, cs, null, null, 5)).hasSize(5);
        assertThat(Suggester.suggest(RandomInstances.AREA, cs, null, null, 1)).hasSize(1);
        assertThat(Suggester.suggest(RandomInstances.AREA, cs, null, null, Integer.MAX_VALUE)).hasSize(66 + 220);
        List<Suggestion> all = Suggester.suggest(RandomInstances.AREA, cs, null, null, 1000);
        assertThat(Suggester.suggest(RandomInstances.AREA, cs, null, null, 7)).isEqualTo(all.subList(0, 7));
        for (int r = 1; r < all.size(); r++) {
            assertThat(all.get(r).score()).isLessThanOrEqualTo(all.get(r - 1).score());
        }
    }

    @Test
    void moreThanEightyCandidatesKeepTheBestEightyByRelevanceAndClout() {
        List<Candidate> cs = new ArrayList<>(RandomInstances.candidates(80, 5).stream()
                .map(c -> new Candidate(c.id(), c.name(), c.sector(), c.organisation(), c.profession(), c.jobTitle(), c.place(),
                        c.interests(), Math.max(2, c.seniority()), c.endorsements()))
                .toList());
        for (long id = 1; id <= 6; id++) {
            cs.add(new Candidate(id, "Weak " + id, "voluntary", "Elsewhere " + id, null, null, null, Set.of(), 1, 0));
        }
        List<Tie> ties = List.of(new Tie(1, 2, 1.0, "close friends"), new Tie(1, cs.get(0).id(), 1.0, "met"));
        List<Suggestion> all = Suggester.suggest(RandomInstances.AREA, cs, ties, null, Integer.MAX_VALUE);

        assertThat(all).hasSize(3_160 + 82_160);
        long weak = all.stream().filter(s -> s.members().stream().anyMatch(id -> id <= 6)).count();
        assertThat(weak).isZero();
    }

    @Test
    void disjointNeverRepeatsAMember() {
        List<Candidate> cs = RandomInstances.candidates(20, 9);
        List<Suggestion> ranked = Suggester.suggest(RandomInstances.AREA, cs, RandomInstances.ties(cs, 3, 9), null, 500);
        List<Suggestion> plan = Suggester.disjoint(ranked);

        Set<Long> seen = new HashSet<>();
        for (Suggestion s : plan) {
            for (Long id : s.members()) {
                assertThat(seen.add(id)).as("member %d repeated", id).isTrue();
            }
        }
        assertThat(plan.get(0)).isEqualTo(ranked.get(0));
        assertThat(plan.size()).isGreaterThan(1);
        // greedy: every skipped suggestion shares a member with a better one taken
        for (Suggestion s : ranked) {
            if (!plan.contains(s)) {
                int at = ranked.indexOf(s);
                assertThat(plan.stream().filter(p -> ranked.indexOf(p) < at)
                        .anyMatch(p -> p.members().stream().anyMatch(s.members()::contains))).isTrue();
            }
        }
        assertThat(Suggester.disjoint(List.of())).isEmpty();
    }

    @Test
    void fewerThanTwoCandidatesGiveNothing() {
        assertThat(Suggester.suggest(AREA, List.of(), List.of(), null, 5)).isEmpty();
        assertThat(Suggester.suggest(AREA, List.of(person(1, "x", "A", Set.of("frailty"))), null, null, 5)).isEmpty();
    }

    @Test
    void badInputIsRefusedWithAClearMessage() {
        Candidate a = person(1, "x", "A", Set.of());
        Candidate b = person(2, "y", "B", Set.of());
        assertThatThrownBy(() -> Suggester.suggest(AREA, List.of(a, person(1, "y", "B", Set.of())), null, null, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Duplicate candidate id 1 (P1 and P1)");
        assertThatThrownBy(() -> Suggester.suggest(AREA, List.of(a, new Candidate(3, "Zed", null, null, null, null, null, null, 6, 0)), null, null, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Candidate 3 (Zed): seniority must be 1 to 5, was 6");
        assertThatThrownBy(() -> Suggester.suggest(AREA, List.of(new Candidate(3, "Zed", null, null, null, null, null, null, 0, 0)), null, null, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Candidate 3 (Zed): seniority must be 1 to 5, was 0");
        assertThatThrownBy(() -> Suggester.suggest(AREA, List.of(a, new Candidate(3, "Zed", null, null, null, null, null, null, 2, -1)), null, null, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Candidate 3 (Zed): endorsements must be 0 or more, was -1");
        assertThatThrownBy(() -> Suggester.suggest(AREA, List.of(a, b), null, null, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("limit must be at least 1, was 0");
        assertThatThrownBy(() -> Suggester.suggest(AREA, List.of(), null, null, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("limit must be at least 1, was 0");
        assertThatThrownBy(() -> Suggester.suggest(AREA, List.of(a, b), null, new Weights(0, 0, 0, 0), 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Weights must not all be 0");
        assertThatThrownBy(() -> Suggester.suggest(AREA, List.of(a, b), null, new Weights(1, -0.1, 0, 0), 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Weights must be finite and 0 or more");
        assertThatThrownBy(() -> Suggester.suggest(AREA, List.of(a, b), null, new Weights(1, Double.NaN, 0, 0), 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Weights must be finite and 0 or more");
        assertThatThrownBy(() -> Suggester.suggest(AREA, List.of(a, b), List.of(new Tie(1, 2, 1.5, "x")), null, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Tie between 1 and 2: strength must be in (0, 1], was 1.5");
        assertThatThrownBy(() -> Suggester.suggest(AREA, List.of(a, b), List.of(new Tie(2, 1, 0, "x")), null, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Tie between 2 and 1: strength must be in (0, 1], was 0.0");
        assertThatThrownBy(() -> Suggester.suggest(AREA, List.of(a, b), List.of(new Tie(2, 2, 0.5, "x")), null, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("joins 2 with themself");
        assertThatThrownBy(() -> Suggester.suggest(null, List.of(a, b), null, null, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("An area is required");
        assertThatThrownBy(() -> Suggester.suggest(AREA, null, null, null, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("A candidates list is required");
        // a tie naming someone who is not a candidate is ignored, however odd
        assertThat(Suggester.suggest(AREA, List.of(a, b), List.of(new Tie(1, 99, 7, null)), null, 5)).hasSize(1);
    }

    private static int indexOf(List<Candidate> cs, long id) {
        for (int i = 0; i < cs.size(); i++) {
            if (cs.get(i).id() == id) {
                return i;
            }
        }
        return -1;
    }
}
