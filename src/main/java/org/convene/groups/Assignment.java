package org.convene.groups;

import java.util.Arrays;

/** The minimum-cost perfect assignment of an n x n cost matrix: the Hungarian method with potentials, O(n^3). */
final class Assignment {
    private Assignment() {
    }

    /** cost[i * n + j] is the cost of row i in column j; returns each row's column. */
    static int[] solve(int n, double[] cost) {
        double[] u = new double[n + 1];
        double[] v = new double[n + 1];
        int[] match = new int[n + 1];   // column -> row (1-based), 0 = free
        int[] way = new int[n + 1];
        double[] minv = new double[n + 1];
        boolean[] used = new boolean[n + 1];
        for (int i = 1; i <= n; i++) {
            match[0] = i;
            int j0 = 0;
            Arrays.fill(minv, Double.POSITIVE_INFINITY);
            Arrays.fill(used, false);
            do {
                used[j0] = true;
                int i0 = match[j0];
                double delta = Double.POSITIVE_INFINITY;
                int j1 = 0;
                int row = (i0 - 1) * n;
                for (int j = 1; j <= n; j++) {
                    if (!used[j]) {
                        double cur = cost[row + j - 1] - u[i0] - v[j];
                        if (cur < minv[j]) {
                            minv[j] = cur;
                            way[j] = j0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= n; j++) {
                    if (used[j]) {
                        u[match[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (match[j0] != 0);
            do {
                int j1 = way[j0];
                match[j0] = match[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        int[] column = new int[n];
        for (int j = 1; j <= n; j++) {
            column[match[j] - 1] = j - 1;
        }
        return column;
    }
}
