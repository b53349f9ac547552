package org.convene.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random pairing as Donut (the Slack app) does it, simply: shuffle everyone, then walk the
 * shuffled list and pair each person not yet paired with the next person not yet paired whom they
 * have not met before; if everyone after them in the list has met them, with the next person not
 * yet paired (a repeat). With an odd number, the last person left joins the last pair as a trio.
 * It knows nothing of sectors, organisations, places or interests (Donut's preference for people
 * who share few Slack channels has no counterpart here); it remembers every pair it has made
 * (the {@link PairSpace}'s "met" pairs, which the caller updates).
 */
final class DonutPairing {
    private DonutPairing() {
    }

    /** Groups of indices into the space's people (pairs, and one trio when the count is odd). */
    static List<int[]> round(PairSpace space, long seed) {
        int n = space.n;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        boolean[] taken = new boolean[n];
        List<int[]> groups = new ArrayList<>(n / 2 + 1);
        int firstFree = 0;
        for (int x = 0; x < n; x++) {
            int a = order[x];
            if (taken[a]) {
                continue;
            }
            taken[a] = true;
            int partner = -1;
            int fallback = -1;
            for (int y = Math.max(x + 1, firstFree); y < n; y++) {
                int b = order[y];
                if (taken[b]) {
                    continue;
                }
                if (fallback == -1) {
                    fallback = y;
                }
                if (!space.met(a, b)) {
                    partner = y;
                    break;
                }
            }
            int chosen = partner >= 0 ? partner : fallback;
            if (chosen == -1) {
                // the odd one out joins the last pair
                if (groups.isEmpty()) {
                    break;
                }
                int[] last = groups.remove(groups.size() - 1);
                groups.add(new int[] {last[0], last[1], a});
            } else {
                taken[order[chosen]] = true;
                groups.add(new int[] {a, order[chosen]});
            }
            while (firstFree < n && taken[order[firstFree]]) {
                firstFree++;
            }
        }
        return groups;
    }

    /** Adds the round's pairs (three for a trio) to who has met whom; returns how many were repeats. */
    static int remember(PairSpace space, List<int[]> groups) {
        int repeats = 0;
        for (int[] g : groups) {
            for (int x = 0; x < g.length; x++) {
                for (int y = x + 1; y < g.length; y++) {
                    if (!space.addMet(g[x], g[y])) {
                        repeats++;
                    }
                }
            }
        }
        return repeats;
    }
}
