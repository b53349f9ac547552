package org.convene.clusters;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/** Random candidates and ties for the brute-force check and the benchmark. */
final class RandomInstances {

    static final List<String> TOPICS = List.of("hospital discharge", "frailty", "housing", "dementia", "falls",
            "end of life care", "mental health", "loneliness", "carers", "diabetes", "respiratory", "workforce",
            "prevention", "medicines", "digital");
    static final List<String> SECTORS = List.of("acute care", "primary care", "social care", "housing", "community", "voluntary");
    /** Job titles, and whether they match {@link #AREA}'s description (keywords: frailty, hospital, discharge, home). */
    static final List<String> TITLES = List.of("Discharge coordinator", "Frailty nurse", "Home care manager",
            "Finance officer", "GP partner", "Team leader", "Hospital at home consultant", "Occupational therapist");
    static final List<Boolean> TITLE_MATCHES = List.of(true, true, true, false, false, false, true, false);
    static final Area AREA = new Area("Frailty and hospital discharge at home", Set.of("hospital discharge", "frailty", "housing", "falls"), "Leeds");

    private RandomInstances() {
    }

    static List<Candidate> candidates(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Candidate> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Set<String> interests = new HashSet<>();
            int k = r.nextInt(4);
            for (int t = 0; t < k; t++) {
                interests.add(TOPICS.get(r.nextInt(TOPICS.size())));
            }
            out.add(new Candidate(1000 + i * 7L, "Person " + i, r.nextInt(8) == 0 ? null : SECTORS.get(r.nextInt(SECTORS.size())),
                    r.nextInt(8) == 0 ? "" : "Org " + r.nextInt(30), r.nextBoolean() ? null : "Profession " + r.nextInt(5),
                    r.nextInt(6) == 0 ? null : TITLES.get(r.nextInt(TITLES.size())), r.nextBoolean() ? "Leeds" : "York",
                    interests, 1 + r.nextInt(5), r.nextInt(6)));
        }
        return out;
    }

    /** About degree ties per candidate, random strengths in (0, 1]. */
    static List<Tie> ties(List<Candidate> candidates, double degree, long seed) {
        SplittableRandom r = new SplittableRandom(seed * 31 + 7);
        List<Tie> ties = new ArrayList<>();
        int n = candidates.size();
        long count = Math.round(n * degree / 2);
        for (long t = 0; t < count && n > 1; t++) {
            int a = r.nextInt(n);
            int b = r.nextInt(n);
            if (a != b) {
                ties.add(new Tie(candidates.get(a).id(), candidates.get(b).id(), 1 - r.nextDouble(), "tie " + t));
            }
        }
        return ties;
    }
}
