package org.convene.clusters;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The candidates of one call, ready to score: people sorted by id (so index order is id order and
 * sums come out the same whatever the input order), codes for sector, organisation and profession
 * (-1: unknown), and the strongest tie of every pair.
 */
final class Pool {

    final Area area;
    /** The area's normalised topics, each with its display spelling. */
    final Map<String, String> topics;
    final Person[] people;
    final int[] sector;
    final int[] organisation;
    final int[] profession;
    /** strength[i * n + j]: the strongest tie of people i and j, 0 if none. */
    final double[] strength;
    /** Ties of pairs of people, keyed by i * n + j with i &lt; j. */
    final Map<Integer, List<Tie>> ties = new HashMap<>();
    final int n;

    private Pool(Area area, Map<String, String> topics, List<Person> chosen, List<Tie> allTies) {
        this.area = area;
        this.topics = topics;
        this.people = chosen.toArray(Person[]::new);
        this.n = people.length;
        this.sector = codes(p -> p.sector());
        this.organisation = codes(p -> p.organisation());
        this.profession = codes(p -> p.profession());
        this.strength = new double[n * n];
        Map<Long, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(people[i].candidate().id(), i);
        }
        for (Tie t : allTies) {
            Integer a = index.get(t.a());
            Integer b = index.get(t.b());
            if (a == null || b == null) {
                continue; // a tie naming someone not (or no longer) a candidate
            }
            int i = Math.min(a, b);
            int j = Math.max(a, b);
            strength[i * n + j] = Math.max(strength[i * n + j], t.strength());
            strength[j * n + i] = strength[i * n + j];
            ties.computeIfAbsent(i * n + j, k -> new ArrayList<>()).add(t);
        }
    }

    /**
     * Prepares the candidates: each person's relevance and clout, and when there are more than
     * max, only the max best by relevance + clout (then by id).
     */
    static Pool of(Area area, List<Candidate> candidates, List<Tie> ties, int max) {
        Map<String, String> topics = new TreeMap<>();
        if (area.topics() != null) {
            for (String t : area.topics()) {
                String key = Person.norm(t);
                if (!key.isEmpty()) {
                    topics.merge(key, t.strip(), (x, y) -> x.compareTo(y) <= 0 ? x : y);
                }
            }
        }
        Set<String> keywords = Keywords.of(area.description());
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            people.add(person(candidates.get(i), i, topics, keywords));
        }
        Comparator<Person> byId = Comparator.comparingLong(p -> p.candidate().id());
        if (people.size() > max) {
            people.sort(Comparator.comparingDouble((Person p) -> -(p.relevance() + p.clout())).thenComparing(byId));
            people = new ArrayList<>(people.subList(0, max));
        }
        people.sort(byId);
        return new Pool(area, topics, people, ties);
    }

    private static Person person(Candidate c, int input, Map<String, String> topics, Set<String> keywords) {
        Set<String> interests = new HashSet<>();
        if (c.interests() != null) {
            for (String s : c.interests()) {
                interests.add(Person.norm(s));
            }
        }
        List<String> covered = new ArrayList<>();
        for (Map.Entry<String, String> t : topics.entrySet()) {
            if (interests.contains(t.getKey())) {
                covered.add(t.getValue());
            }
        }
        String role = Keywords.matches(keywords, c.jobTitle()) ? c.jobTitle().strip()
                : Keywords.matches(keywords, c.profession()) ? c.profession().strip() : null;
        double match = role == null ? 0 : 1;
        double relevance = topics.isEmpty() ? match : 0.7 * covered.size() / topics.size() + 0.3 * match;
        double clout = 0.6 * (c.seniority() - 1) / 4.0 + 0.4 * Math.min(c.endorsements(), 3) / 3.0;
        return new Person(c, input, List.copyOf(covered), role, relevance, clout);
    }

    private int[] codes(java.util.function.Function<Candidate, String> field) {
        Map<String, Integer> code = new HashMap<>();
        int[] codes = new int[n];
        for (int i = 0; i < n; i++) {
            String v = Person.norm(field.apply(people[i].candidate()));
            codes[i] = v.isEmpty() ? -1 : code.computeIfAbsent(v, k -> code.size());
        }
        return codes;
    }

    /**
     * The four criteria of the cluster {i, j} (k &lt; 0) or {i, j, k}, i &lt; j &lt; k, into out:
     * relevance, clout, complementarity, relationship.
     */
    void criteria(int i, int j, int k, double[] out) {
        if (k < 0) {
            out[0] = (people[i].relevance() + people[j].relevance()) / 2;
            out[1] = (people[i].clout() + people[j].clout()) / 2;
            out[2] = (0.6 * distinct(sector[i], sector[j], -1) + 0.2 * distinct(organisation[i], organisation[j], -1)
                    + 0.2 * distinct(profession[i], profession[j], -1)) / 2;
            out[3] = strength[i * n + j];
        } else {
            out[0] = (people[i].relevance() + people[j].relevance() + people[k].relevance()) / 3;
            out[1] = (people[i].clout() + people[j].clout() + people[k].clout()) / 3;
            out[2] = (0.6 * distinct(sector[i], sector[j], sector[k])
                    + 0.2 * distinct(organisation[i], organisation[j], organisation[k])
                    + 0.2 * distinct(profession[i], profession[j], profession[k])) / 3;
            out[3] = (strength[i * n + j] + strength[i * n + k] + strength[j * n + k]) / 3;
        }
    }

    /** How many different known (non-negative) codes among a, b, c. */
    static int distinct(int a, int b, int c) {
        int d = a >= 0 ? 1 : 0;
        if (b >= 0 && b != a) {
            d++;
        }
        if (c >= 0 && c != a && c != b) {
            d++;
        }
        return d;
    }
}
