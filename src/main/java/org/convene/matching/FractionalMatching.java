package org.convene.matching;

/**
 * A maximum-weight fractional matching of an undirected graph, through its bipartite double
 * cover: every person i appears once on the left (L_i) and once on the right (R_i), each pair
 * (i, j) gives the arcs L_i-R_j and L_j-R_i of the same weight, and L_i-R_i of weight 0 stands
 * for "i unpaired". A maximum-weight assignment of that cover is a permutation {@code succ}
 * whose 2-cycles are pairs, whose fixed points are unpaired people, and whose longer cycles are
 * pairs taken by halves (x = 1/2 on each edge of the cycle). Its weight is twice the optimum of the
 * matching LP without odd-set constraints, so half of it bounds every matching from above, and
 * it is integral except on odd cycles.
 *
 * <p>The assignment is solved by Bertsekas' auction algorithm (Gauss-Seidel bidding) with
 * epsilon-scaling on weights multiplied by n + 1, down to epsilon = 1, which makes it optimal for
 * integer weights. Deterministic: bidders are served in index order, first in first out.
 */
final class FractionalMatching {
    private static final boolean DEBUG = Boolean.getBoolean("convene.match.debug");

    private FractionalMatching() {
    }

    /**
     * {@code succ[i]}: the person whose right copy i's left copy holds ({@code i} itself when
     * unpaired). {@code upperBound}: a bound from LP duality (the assignment's dual objective,
     * divided by 2 and by the scale), at or above the weight of every matching of the graph.
     * {@code price}: the right copies' prices, in units of weight times {@code scale}; for any
     * prices, the sum over left copies of their best arc's weight x scale minus its price, plus
     * the sum of prices, bounds every assignment (so the bound can be checked independently).
     */
    record Result(int[] succ, long[] price, long scale, double upperBound, long bids) {
    }

    /**
     * @param start compressed rows: the neighbours of i are {@code adj[start[i] .. start[i+1])}; the
     *              graph must be symmetric (j in the row of i exactly when i is in the row of j,
     *              with the same weight)
     * @param weight the weight of each entry of {@code adj}, at least 1
     */
    static Result solve(int n, int[] start, int[] adj, long[] weight) {
        return solve(n, start, adj, weight, n + 1L);
    }

    /**
     * As {@link #solve(int, int[], int[], long[])}, with the weights multiplied by {@code scale}
     * instead of n + 1: the assignment is then within n / scale of the optimum (exact with n + 1);
     * a smaller scale needs fewer epsilon phases (the last phases are most of the work).
     */
    static Result solve(int n, int[] start, int[] adj, long[] weight, long scale) {
        if (scale < 1) {
            throw new IllegalArgumentException("scale must be at least 1");
        }
        long maxW = 1;
        for (int p = 0; p < start[n]; p++) {
            if (weight[p] < 1) {
                throw new IllegalArgumentException("weights are at least 1");
            }
            maxW = Math.max(maxW, weight[p]);
        }
        if (maxW > Long.MAX_VALUE / 4 / scale) {
            throw new IllegalArgumentException("weights too large");
        }
        long[] price = new long[n];
        int[] owner = new int[n];
        int[] assigned = new int[n];
        int[] queue = new int[n];
        long bids = 0;
        long eps = Math.max(1, maxW * scale / 8);
        while (true) {
            java.util.Arrays.fill(owner, -1);
            java.util.Arrays.fill(assigned, -1);
            int head = 0;
            int size = n;
            for (int i = 0; i < n; i++) {
                queue[i] = i;
            }
            while (size > 0) {
                int i = queue[head];
                head = head + 1 == n ? 0 : head + 1;
                size--;
                // Best and second best value a(i, j) - price(j) over i's arcs, the self arc first.
                int j1 = i;
                long v1 = -price[i];
                long v2 = Long.MIN_VALUE;
                for (int p = start[i]; p < start[i + 1]; p++) {
                    int j = adj[p];
                    long v = weight[p] * scale - price[j];
                    if (v > v1) {
                        v2 = v1;
                        v1 = v;
                        j1 = j;
                    } else if (v > v2) {
                        v2 = v;
                    }
                }
                bids++;
                // Nobody else can bid for R_i when i has no arcs: any raise will do.
                price[j1] += v2 == Long.MIN_VALUE ? eps : v1 - v2 + eps;
                int old = owner[j1];
                owner[j1] = i;
                assigned[i] = j1;
                if (old >= 0) {
                    assigned[old] = -1;
                    int tail = head + size;
                    queue[tail >= n ? tail - n : tail] = old;
                    size++;
                }
            }
            if (DEBUG) {
                System.err.printf("auction phase eps %d: %d bids so far%n", eps, bids);
            }
            if (eps == 1) {
                break;
            }
            eps = Math.max(1, eps / 6);
        }
        // Dual objective: sum over L of the best net value plus the sum of prices.
        long dual = 0;
        for (int i = 0; i < n; i++) {
            long best = -price[i];
            for (int p = start[i]; p < start[i + 1]; p++) {
                best = Math.max(best, weight[p] * scale - price[adj[p]]);
            }
            dual += best + price[i];
        }
        return new Result(assigned, price, scale, dual / 2.0 / scale, bids);
    }

    /**
     * Rounds the fractional matching to a matching: 2-cycles are kept, and each longer cycle
     * c_0, c_1, ..., c_(k-1) of {@code succ} (edges c_t-c_(t+1), closing at c_0) keeps the
     * best of its alternating matchings by {@code edgeWeight}, leaving one person of an odd cycle
     * unpaired. Returns mate (-1 when unpaired).
     */
    static int[] round(int[] succ, java.util.function.IntBinaryOperator edgeWeight) {
        int n = succ.length;
        int[] mate = new int[n];
        java.util.Arrays.fill(mate, -1);
        boolean[] seen = new boolean[n];
        int[] cycle = new int[n];
        long[] w = new long[n + 1];
        for (int s = 0; s < n; s++) {
            if (seen[s]) {
                continue;
            }
            int k = 0;
            for (int x = s; !seen[x]; x = succ[x]) {
                seen[x] = true;
                cycle[k++] = x;
            }
            if (k == 2) {
                mate[cycle[0]] = cycle[1];
                mate[cycle[1]] = cycle[0];
            }
            if (k < 3) {
                continue;
            }
            // w[t]: weight of edge c_t - c_(t+1 mod k).
            for (int t = 0; t < k; t++) {
                w[t] = edgeWeight.applyAsInt(cycle[t], cycle[(t + 1) % k]);
            }
            int bestOff = -1; // even: the matching starting at edge 0 or 1; odd: the person left out
            long bestValue = Long.MIN_VALUE;
            if (k % 2 == 0) {
                long even = 0;
                long odd = 0;
                for (int t = 0; t < k; t++) {
                    if (t % 2 == 0) {
                        even += w[t];
                    } else {
                        odd += w[t];
                    }
                }
                bestOff = even >= odd ? 0 : 1;
            } else {
                // Leaving c_r out pairs c_(r+1)-c_(r+2), c_(r+3)-c_(r+4), ...: the edges r+1, r+3,
                // ..., r+k-2 (mod k). Over the edges written twice in a row, with sums of every other
                // edge (alt[t + 2] = w[t] + w[t-2] + ...), each choice costs O(1).
                long[] alt = new long[2 * k + 2];
                for (int t = 0; t < 2 * k; t++) {
                    alt[t + 2] = w[t % k] + alt[t];
                }
                for (int r = 0; r < k; r++) {
                    long value = alt[r + k - 2 + 2] - alt[r - 1 + 2];
                    if (value > bestValue) {
                        bestValue = value;
                        bestOff = r;
                    }
                }
            }
            if (k % 2 == 0) {
                for (int t = bestOff; t < k; t += 2) {
                    int a = cycle[t];
                    int b = cycle[(t + 1) % k];
                    mate[a] = b;
                    mate[b] = a;
                }
            } else {
                for (int step = 1; step < k; step += 2) {
                    int a = cycle[(bestOff + step) % k];
                    int b = cycle[(bestOff + step + 1) % k];
                    mate[a] = b;
                    mate[b] = a;
                }
            }
        }
        return mate;
    }
}
