package org.convene.groups;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A first assignment with the right group sizes: locked people in their groups, then the
 * must-together units (largest first, where they clash least), then everyone else. The spread
 * start deals people sorted by sector, organisation, profession and place to the groups in turn,
 * so every run of up to k people with the same sector (or organisation) lands in k different
 * groups; the random start deals them in a random order.
 */
final class Start {
    private final Instance in;
    private final int[] assignment;
    private final int[] capacity;
    private final int[] used;
    private final Counts organisations;
    private int extras;

    private Start(Instance in) {
        this.in = in;
        assignment = new int[in.n];
        Arrays.fill(assignment, -1);
        capacity = new int[in.k];
        used = new int[in.k];
        Arrays.fill(capacity, in.small);
        extras = in.big;
        organisations = new Counts(in.k, in.categories[Instance.ORGANISATION]);
    }

    static int[] spread(Instance in, SplittableRandom random) {
        return new Start(in).build(random, false);
    }

    static int[] random(Instance in, SplittableRandom random) {
        return new Start(in).build(random, true);
    }

    private int[] build(SplittableRandom random, boolean shuffled) {
        // Locked units, each in its group (the instance checked that they fit).
        for (int[] unit : in.units) {
            if (in.lock[unit[0]] >= 0) {
                for (int p : unit) {
                    put(p, in.lock[p]);
                }
            }
        }
        for (int g = 0; g < in.k; g++) {
            if (used[g] > capacity[g]) {
                capacity[g]++;
                extras--;
            }
        }
        // Free units of two or more, largest first, into the group with room where they clash least.
        List<int[]> free = new ArrayList<>();
        for (int[] unit : in.units) {
            if (unit.length > 1 && in.lock[unit[0]] < 0) {
                free.add(unit);
            }
        }
        free.sort(Comparator.comparingInt((int[] u) -> -u.length).thenComparingInt(u -> u[0]));
        boolean[] extended = new boolean[in.k];
        for (int g = 0; g < in.k; g++) {
            extended[g] = capacity[g] > in.small;
        }
        int offset = shuffled ? random.nextInt(in.k) : 0;
        for (int[] unit : free) {
            int best = -1;
            long bestKey = Long.MAX_VALUE;
            for (int i = 0; i < in.k; i++) {
                int g = (i + offset) % in.k;
                int room = capacity[g] - used[g] + (!extended[g] && extras > 0 ? 1 : 0);
                if (room < unit.length) {
                    continue;
                }
                long key = (long) clashes(unit, g) * (in.n + 2) + (in.n + 1 - room);
                if (key < bestKey) {
                    bestKey = key;
                    best = g;
                }
            }
            if (best < 0) {
                throw new IllegalArgumentException("The must-together groups (and locked people) do not fit into " + in.k
                        + " groups of " + in.small + (in.big > 0 ? " or " + (in.small + 1) : "") + " people");
            }
            if (capacity[best] - used[best] < unit.length) {
                capacity[best]++;
                extended[best] = true;
                extras--;
            }
            for (int p : unit) {
                put(p, best);
            }
        }
        // The remaining large groups: in index order (spread) or at random, among those not yet large.
        List<Integer> open = new ArrayList<>();
        for (int g = 0; g < in.k; g++) {
            if (!extended[g]) {
                open.add(g);
            }
        }
        if (shuffled) {
            shuffle(open, random);
        }
        for (int i = 0; i < extras; i++) {
            capacity[open.get(i)]++;
        }
        // Everyone else.
        List<Integer> rest = new ArrayList<>();
        for (int p = 0; p < in.n; p++) {
            if (assignment[p] < 0) {
                rest.add(p);
            }
        }
        if (shuffled) {
            shuffle(rest, random);
        } else {
            int[][] c = in.code;
            rest.sort(Comparator.<Integer>comparingInt(p -> c[Instance.SECTOR][p]).thenComparingInt(p -> c[Instance.ORGANISATION][p])
                    .thenComparingInt(p -> c[Instance.PROFESSION][p]).thenComparingInt(p -> c[Instance.PLACE][p])
                    .thenComparingInt(p -> p));
        }
        int g = shuffled ? 0 : random.nextInt(in.k);
        for (int p : rest) {
            while (used[g] == capacity[g]) {
                g = (g + 1) % in.k;
            }
            put(p, g);
            g = (g + 1) % in.k;
        }
        return assignment;
    }

    private void put(int p, int g) {
        assignment[p] = g;
        used[g]++;
        organisations.add(g, in.code[Instance.ORGANISATION][p], 1);
    }

    private int clashes(int[] unit, int g) {
        int c = 0;
        for (int q : unit) {
            c += organisations.get(g, in.code[Instance.ORGANISATION][q]);
        }
        return c;
    }

    private static void shuffle(List<Integer> list, SplittableRandom random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Integer t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }
}
