package org.convene.clusters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The engine against every pair and trio scored here, independently, from the definitions (role
 * matches of the job titles are known in advance, see {@link RandomInstances#TITLE_MATCHES}).
 */
class SuggesterBruteForceTest {

    private record Scored(Set<Long> members, double score) {
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void topSuggestionsAreTheBestOfAllPairsAndTrios(int seed) {
        List<Candidate> cs = RandomInstances.candidates(8, seed);
        List<Tie> ties = RandomInstances.ties(cs, 3, seed);
        Weights w = seed % 2 == 0 ? Weights.DEFAULT : new Weights(1, 2, 3, 4);

        List<Scored> all = new ArrayList<>();
        for (int i = 0; i < cs.size(); i++) {
            for (int j = i + 1; j < cs.size(); j++) {
                all.add(score(List.of(cs.get(i), cs.get(j)), ties, w));
                for (int k = j + 1; k < cs.size(); k++) {
                    all.add(score(List.of(cs.get(i), cs.get(j), cs.get(k)), ties, w));
                }
            }
        }
        all.sort(Comparator.comparingDouble(s -> -s.score()));
        List<Suggestion> got = Suggester.suggest(RandomInstances.AREA, cs, ties, w, 10);

        assertThat(all).hasSize(28 + 56);
        assertThat(got).hasSize(10);
        assertThat(got.get(0).score()).isCloseTo(all.get(0).score(), within(1e-12));
        if (all.get(0).score() - all.get(1).score() > 1e-12) {
            assertThat(new HashSet<>(got.get(0).members())).isEqualTo(all.get(0).members());
        }
        for (int r = 0; r < 10; r++) {
            assertThat(got.get(r).score()).as("rank %d", r).isCloseTo(all.get(r).score(), within(1e-12));
        }
        Map<Set<Long>, Double> byMembers = new HashMap<>();
        all.forEach(s -> byMembers.put(s.members(), s.score()));
        for (Suggestion s : got) {
            assertThat(s.score()).isCloseTo(byMembers.get(new HashSet<>(s.members())), within(1e-12));
        }
    }

    private static Scored score(List<Candidate> m, List<Tie> ties, Weights w) {
        double relevance = 0;
        double clout = 0;
        for (Candidate c : m) {
            long covered = RandomInstances.AREA.topics().stream().filter(c.interests()::contains).count();
            boolean role = c.jobTitle() != null && RandomInstances.TITLE_MATCHES.get(RandomInstances.TITLES.indexOf(c.jobTitle()));
            relevance += 0.7 * covered / 4.0 + 0.3 * (role ? 1 : 0);
            clout += 0.6 * (c.seniority() - 1) / 4.0 + 0.4 * Math.min(3, c.endorsements()) / 3.0;
        }
        int size = m.size();
        double complementarity = 0.6 * known(m.stream().map(Candidate::sector).toList()) / size
                + 0.2 * known(m.stream().map(Candidate::organisation).toList()) / size
                + 0.2 * known(m.stream().map(Candidate::profession).toList()) / size;
        double relationship = 0;
        int pairs = 0;
        for (int i = 0; i < size; i++) {
            for (int j = i + 1; j < size; j++) {
                pairs++;
                long a = m.get(i).id();
                long b = m.get(j).id();
                relationship += ties.stream().filter(t -> t.a() == a && t.b() == b || t.a() == b && t.b() == a)
                        .mapToDouble(Tie::strength).max().orElse(0);
            }
        }
        double sum = w.relevance() + w.clout() + w.complementarity() + w.relationship();
        double score = (w.relevance() * relevance / size + w.clout() * clout / size + w.complementarity() * complementarity
                + w.relationship() * relationship / pairs) / sum;
        Set<Long> ids = new HashSet<>();
        m.forEach(c -> ids.add(c.id()));
        return new Scored(ids, score);
    }

    private static int known(List<String> values) {
        Set<String> distinct = new HashSet<>();
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                distinct.add(v.strip().toLowerCase(Locale.ROOT));
            }
        }
        return distinct.size();
    }
}
