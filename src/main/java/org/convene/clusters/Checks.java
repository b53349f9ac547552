package org.convene.clusters;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The input checks of {@link Suggester#suggest}, each failing with a message a caller can show or log. */
final class Checks {

    private Checks() {
    }

    static void input(Area area, List<Candidate> candidates, List<Tie> ties, Weights w, int limit) {
        if (area == null) {
            throw new IllegalArgumentException("An area is required");
        }
        if (candidates == null) {
            throw new IllegalArgumentException("A candidates list is required (it may be empty)");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        weights(w);
        Map<Long, Candidate> byId = new HashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            if (c == null) {
                throw new IllegalArgumentException("Candidate " + (i + 1) + " of the list is null");
            }
            Candidate before = byId.putIfAbsent(c.id(), c);
            if (before != null) {
                throw new IllegalArgumentException("Duplicate candidate id " + c.id() + " (" + before.name() + " and " + c.name() + ")");
            }
            if (c.seniority() < 1 || c.seniority() > 5) {
                throw new IllegalArgumentException("Candidate " + c.id() + " (" + c.name() + "): seniority must be 1 to 5, was " + c.seniority());
            }
            if (c.endorsements() < 0) {
                throw new IllegalArgumentException("Candidate " + c.id() + " (" + c.name() + "): endorsements must be 0 or more, was " + c.endorsements());
            }
        }
        for (Tie t : ties) {
            if (t == null) {
                throw new IllegalArgumentException("A tie in the list is null");
            }
            if (!byId.containsKey(t.a()) || !byId.containsKey(t.b())) {
                continue; // names someone who is not a candidate: ignored
            }
            if (t.a() == t.b()) {
                throw new IllegalArgumentException("A tie joins two different candidates, this one joins " + t.a() + " with themself");
            }
            if (!(t.strength() > 0 && t.strength() <= 1)) {
                throw new IllegalArgumentException("Tie between " + t.a() + " and " + t.b() + ": strength must be in (0, 1], was " + t.strength());
            }
        }
    }

    static void weights(Weights w) {
        double[] all = {w.relevance(), w.clout(), w.complementarity(), w.relationship()};
        double sum = 0;
        for (double x : all) {
            if (!(x >= 0) || Double.isInfinite(x)) {
                throw new IllegalArgumentException("Weights must be finite and 0 or more: " + w);
            }
            sum += x;
        }
        if (sum == 0) {
            throw new IllegalArgumentException("Weights must not all be 0: " + w);
        }
    }
}
