package org.convene.groups;

import java.util.SplittableRandom;

/**
 * The exchange method of the R package anticlust (Papenberg and Klau, 2021) on the diversity
 * objective alone, as the benchmark's baseline: start from a random balanced partition; for each
 * person in turn try every swap with a person in another group and make the best one that raises
 * diversity; repeat until a whole pass makes none. It ignores every constraint and the numbers.
 * Swap gains come from per-group counts of each attribute's values (the same O(1) formula as the
 * engine's), so a pass is O(N^2) look-ups.
 */
final class ExchangeBaseline {
    private ExchangeBaseline() {
    }

    /** A random balanced partition: people in a random order dealt to groups in turn. */
    static int[] random(int n, int k, long seed) {
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
        int[] groupOf = new int[n];
        for (int i = 0; i < n; i++) {
            groupOf[order[i]] = i % k;
        }
        return groupOf;
    }

    static int[] exchange(Instance in, long seed) {
        int n = in.n;
        int k = in.k;
        int[] groupOf = random(n, k, seed);
        int[][] counts = new int[Instance.ATTRIBUTES][];
        for (int t = 0; t < Instance.ATTRIBUTES; t++) {
            counts[t] = new int[k * in.categories[t]];
            for (int p = 0; p < n; p++) {
                counts[t][groupOf[p] * in.categories[t] + in.code[t][p]]++;
            }
        }
        boolean improved = true;
        while (improved) {
            improved = false;
            for (int p = 0; p < n; p++) {
                int best = -1;
                long bestGain = 0;
                int a = groupOf[p];
                for (int q = 0; q < n; q++) {
                    int b = groupOf[q];
                    if (b == a) {
                        continue;
                    }
                    long gain = 0;
                    for (int t = 0; t < Instance.ATTRIBUTES; t++) {
                        int x = in.code[t][p];
                        int y = in.code[t][q];
                        if (x != y) {
                            int c = in.categories[t];
                            int[] ct = counts[t];
                            gain += in.weight[t] * (ct[a * c + x] - 1 - ct[a * c + y] + ct[b * c + y] - 1 - ct[b * c + x]);
                        }
                    }
                    if (gain > bestGain) {
                        bestGain = gain;
                        best = q;
                    }
                }
                if (best >= 0) {
                    int b = groupOf[best];
                    for (int t = 0; t < Instance.ATTRIBUTES; t++) {
                        int c = in.categories[t];
                        counts[t][a * c + in.code[t][p]]--;
                        counts[t][b * c + in.code[t][p]]++;
                        counts[t][b * c + in.code[t][best]]--;
                        counts[t][a * c + in.code[t][best]]++;
                    }
                    groupOf[p] = b;
                    groupOf[best] = a;
                    improved = true;
                }
            }
        }
        return groupOf;
    }
}
