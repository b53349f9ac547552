package org.convene.clusters;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Suggests clusters of two or three leaders for a priority area, ranked and explained.
 *
 * <h2>Scoring</h2>
 * Each criterion is in [0, 1]. Text is compared trimmed and case-insensitively; null or blank
 * values are unknown.
 * <ul>
 * <li><b>relevance</b>(person) = 0.7 &times; (share of the area's topics that are among their
 * interests, compared whole, trimmed and case-insensitively) + 0.3 &times; (role match). Role match
 * is 1 if a word of their job title or profession is one of the area's keywords, else 0. The
 * keywords are the description's words (runs of letters) of four or more letters, lower-cased,
 * minus the stop words of {@code Keywords.STOP_WORDS} (English function words, and words as general
 * here as "care", "health", "service", "patient", "improve", "team", "manager", "support"); words
 * are compared after a tiny stemming: drop a trailing "s" (not "ss"), then "ing" or "ed", then "e",
 * each when four or more letters remain. So "discharges", "discharged" and "discharge" match, and
 * "house", "housed" and "housing"; "frail" does not match "frailty". If the area has no topics,
 * relevance is the role match alone (weight 1).
 * A cluster's relevance is the mean over its members.</li>
 * <li><b>clout</b>(person) = 0.6 &times; (seniority - 1) / 4 + 0.4 &times; min(endorsements, 3) / 3.
 * A cluster's clout is the mean over its members.</li>
 * <li><b>complementarity</b> = 0.6 &times; S / size + 0.2 &times; O / size + 0.2 &times; P / size,
 * where S, O and P count the distinct known sectors, organisations and professions among the
 * members (unknown ones count as not distinct).</li>
 * <li><b>relationship</b> = mean over the cluster's pairs (one pair, or three) of the pair's
 * strongest tie, 0 for a pair without ties.</li>
 * <li><b>score</b> = (w<sub>r</sub> relevance + w<sub>c</sub> clout + w<sub>m</sub> complementarity
 * + w<sub>t</sub> relationship) / (w<sub>r</sub> + w<sub>c</sub> + w<sub>m</sub> + w<sub>t</sub>).</li>
 * </ul>
 * Suggestions are ordered by score, best first; equal scores by their member ids (sorted, compared
 * in turn; a pair before the trio that extends it). Criteria are computed over members in id order,
 * so the order of the input list changes neither scores nor ranking.
 *
 * <h2>Many candidates</h2>
 * With up to {@value #MAX_CANDIDATES} candidates every pair and trio is scored (80 give 3,160 pairs
 * and 82,160 trios). With more, only the {@value #MAX_CANDIDATES} with the highest individual
 * relevance + clout (equal ones by id) are kept before enumerating, so a cluster relying on a
 * lower-ranked person's sector or ties can be missed.
 *
 * <h2>Reasons</h2>
 * At most one sentence of each kind, in this order, only those that apply: the area's topics they
 * cover; roles that match the area; the sectors when two or more; the same organisation for two
 * or more of them, or else "From three organisations" when all are known and different; each
 * connected pair with its ties' descriptions (or that none is connected yet); members of seniority
 * 4+ or with 2+ endorsements; "All in Leeds" when all are in the area's place.
 */
public final class Suggester {

    /** Above this many candidates, only the best this many by individual relevance + clout are enumerated. */
    static final int MAX_CANDIDATES = 80;

    private Suggester() {
    }

    /**
     * All clusters of 2 and 3 candidates, best first, at most limit of them. Deterministic.
     *
     * @param area       the priority area
     * @param candidates the candidate leaders, with distinct ids; fewer than 2 give an empty list
     * @param ties       the network's ties (null: none); ties naming someone not among the
     *                   candidates are ignored
     * @param weights    the criteria's weights (null: {@link Weights#DEFAULT})
     * @param limit      at least 1
     * @throws IllegalArgumentException for a missing area or candidate, duplicate candidate ids,
     *                                  seniority outside 1..5, negative endorsements, bad weights, a
     *                                  tie of strength outside (0, 1] or of someone with themself,
     *                                  or limit &lt; 1
     */
    public static List<Suggestion> suggest(Area area, List<Candidate> candidates, List<Tie> ties, Weights weights, int limit) {
        Weights w = weights == null ? Weights.DEFAULT : weights;
        List<Tie> allTies = ties == null ? List.of() : ties;
        Checks.input(area, candidates, allTies, w, limit);
        if (candidates.size() < 2) {
            return List.of();
        }
        Pool pool = Pool.of(area, candidates, allTies, MAX_CANDIDATES);
        double sum = w.relevance() + w.clout() + w.complementarity() + w.relationship();
        double[] nw = {w.relevance() / sum, w.clout() / sum, w.complementarity() / sum, w.relationship() / sum};

        PriorityQueue<Scored> best = new PriorityQueue<>(Math.min(limit, 1024) + 1, RANK.reversed());
        double[] c = new double[4];
        int n = pool.n;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                pool.criteria(i, j, -1, c);
                offer(best, limit, score(nw, c), i, j, -1);
                for (int k = j + 1; k < n; k++) {
                    pool.criteria(i, j, k, c);
                    offer(best, limit, score(nw, c), i, j, k);
                }
            }
        }
        List<Scored> ranked = new ArrayList<>(best);
        ranked.sort(RANK);
        List<Suggestion> out = new ArrayList<>(ranked.size());
        for (Scored s : ranked) {
            out.add(suggestion(pool, s, c));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * A plan of non-overlapping clusters taken greedily from a ranked list: best first, skipping
     * any that shares a member with one already taken.
     */
    public static List<Suggestion> disjoint(List<Suggestion> ranked) {
        if (ranked == null) {
            throw new IllegalArgumentException("ranked suggestions are required");
        }
        Set<Long> taken = new HashSet<>();
        List<Suggestion> plan = new ArrayList<>();
        for (Suggestion s : ranked) {
            if (s.members().stream().noneMatch(taken::contains)) {
                plan.add(s);
                taken.addAll(s.members());
            }
        }
        return Collections.unmodifiableList(plan);
    }

    /** A cluster by pool indices i &lt; j &lt; k (k = -1 for a pair), with its score. */
    private record Scored(double score, int i, int j, int k) {
    }

    /** Best first: higher score, then lower indices (= ids) in turn, a pair before its trios. */
    private static final Comparator<Scored> RANK = Comparator.comparingDouble((Scored s) -> -s.score())
            .thenComparingInt(Scored::i).thenComparingInt(Scored::j).thenComparingInt(Scored::k);

    private static void offer(PriorityQueue<Scored> best, int limit, double score, int i, int j, int k) {
        if (best.size() == limit) {
            Scored worst = best.peek();
            // Enumeration is in index order, so a later cluster with an equal score ranks lower.
            if (score <= worst.score()) {
                return;
            }
            best.poll();
        }
        best.add(new Scored(score, i, j, k));
    }

    private static double score(double[] nw, double[] c) {
        double s = nw[0] * c[0] + nw[1] * c[1] + nw[2] * c[2] + nw[3] * c[3];
        return Math.max(0, Math.min(1, s));
    }

    private static Suggestion suggestion(Pool pool, Scored s, double[] c) {
        pool.criteria(s.i(), s.j(), s.k(), c);
        int[] m = s.k() < 0 ? new int[] {s.i(), s.j()} : new int[] {s.i(), s.j(), s.k()};
        Integer[] boxed = Arrays.stream(m).boxed().toArray(Integer[]::new);
        Arrays.sort(boxed, Comparator.comparingInt(x -> pool.people[x].input()));
        int[] ordered = Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
        List<Long> ids = Arrays.stream(ordered).mapToObj(x -> pool.people[x].candidate().id()).toList();
        return new Suggestion(ids, s.score(), c[0], c[1], c[2], c[3], Reasons.of(pool, ordered));
    }
}
