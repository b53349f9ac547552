package org.convene.groups;

/**
 * Phase 3: the worst group's diversity raised (the max-min idea), with swaps that keep clashes
 * and total diversity and keep every group's numeric means and SDs within the range the groups
 * already span (so no gap grows). Passes over the groups at the minimum until none can be raised
 * without lowering another group to it.
 */
final class WorstGroupPhase {
    private static final int PASSES = 30;
    private static final double EPS = 1e-12;

    private final Instance in;
    private final State s;
    private final Moves m;

    WorstGroupPhase(Moves moves) {
        this.m = moves;
        this.in = moves.in;
        this.s = moves.s;
    }

    void run() {
        int numbers = in.numbers;
        double[][] lo = new double[2][numbers];
        double[][] hi = new double[2][numbers];
        for (int j = 0; j < numbers; j++) {
            double[] means = range(j, true);
            double[] sds = range(j, false);
            lo[0][j] = means[0];
            hi[0][j] = means[1];
            lo[1][j] = sds[0];
            hi[1][j] = sds[1];
        }
        for (int round = 0; round < PASSES; round++) {
            long min = Long.MAX_VALUE;
            for (int g = 0; g < in.k; g++) {
                min = Math.min(min, s.div[g]);
            }
            boolean improved = false;
            for (int g = 0; g < in.k; g++) {
                if (s.div[g] != min) {
                    continue;
                }
                for (int i = 0; i < s.size(g) && s.div[g] == min; i++) {
                    int p = s.member(g, i);
                    if (m.isMovable[p] && raiseSwap(p, min, lo, hi)) {
                        improved = true;
                    }
                }
            }
            if (!improved) {
                break;
            }
        }
    }

    private boolean raiseSwap(int p, long min, double[][] lo, double[][] hi) {
        int a = s.group[p];
        int best = -1;
        long bestLow = min;
        int tries = m.candidateCount();
        for (int i = 0; i < tries; i++) {
            int q = m.candidate(p, i);
            int b = s.group[q];
            if (b == a) {
                continue;
            }
            s.evalSwap(p, q);
            if (s.swapVerdict() < 0) {
                continue;
            }
            long low = Math.min(s.div[a] + s.dDivA, s.div[b] + s.dDivB);
            if (low > bestLow && numbersStayWithin(p, q, lo, hi)) {
                bestLow = low;
                best = q;
            }
        }
        if (best < 0) {
            return false;
        }
        int b = s.group[best];
        s.swap(p, best);
        return true;
    }

    private boolean numbersStayWithin(int p, int q, double[][] lo, double[][] hi) {
        int a = s.group[p];
        int b = s.group[q];
        for (int j = 0; j < in.numbers; j++) {
            double zp = in.z[j][p];
            double zq = in.z[j][q];
            int hp = in.has[j][p];
            int hq = in.has[j][q];
            if (!within(j, s.sumZ(j, a) - zp + zq, s.sumZ2(j, a) - zp * zp + zq * zq, s.cnt(j, a) - hp + hq, lo, hi)
                    || !within(j, s.sumZ(j, b) - zq + zp, s.sumZ2(j, b) - zq * zq + zp * zp, s.cnt(j, b) - hq + hp, lo, hi)) {
                return false;
            }
        }
        return true;
    }

    private static boolean within(int j, double sum, double sum2, int c, double[][] lo, double[][] hi) {
        if (c == 0) {
            return true;
        }
        double m = sum / c;
        double sd = Math.sqrt(Math.max(0, sum2 / c - m * m));
        return m >= lo[0][j] - EPS && m <= hi[0][j] + EPS && sd >= lo[1][j] - EPS && sd <= hi[1][j] + EPS;
    }

    /** {min, max} over groups with a value of the group means (or SDs) of attribute j. */
    private double[] range(int j, boolean means) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int g = 0; g < in.k; g++) {
            if (s.cnt(j, g) > 0) {
                double v = means ? s.groupMean(j, g) : s.groupSd(j, g);
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return lo > hi ? new double[] {0, 0} : new double[] {lo, hi};
    }
}
