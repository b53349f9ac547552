package org.convene.matching;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/** Random participants for tests and benchmarks. */
final class Instances {
    private Instances() {
    }

    static List<Participant> random(int n, long seed, int sectors, int orgs, int places, int topics, int perPerson) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Participant> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int s = r.nextInt(sectors);
            Set<String> interests = new LinkedHashSet<>();
            int k = 1 + r.nextInt(perPerson);
            for (int t = 0; t < k; t++) {
                // skewed: low topic numbers are more popular
                int topic = (int) Math.floor(Math.pow(r.nextDouble(), 2) * topics);
                interests.add("topic " + topic);
            }
            out.add(new Participant("p" + i, "Person " + i, "org " + s + "-" + r.nextInt(orgs), "sector " + s,
                    "place " + r.nextInt(places), interests));
        }
        return out;
    }

    static List<Participant> random(int n, long seed) {
        return random(n, seed, 5, 8, 6, 30, 4);
    }
}
