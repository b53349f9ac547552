package org.convene.groups;

/**
 * Per numeric attribute, the largest difference between two groups' means and between two
 * groups' standard deviations (population, over the members with a value), in units of the
 * attribute's standard deviation over everyone. Groups where nobody has a value are left out.
 */
record Gaps(double[] mean, double[] sd) {
    static Gaps of(State s) {
        int numbers = s.in.numbers;
        double[] mean = new double[numbers];
        double[] sd = new double[numbers];
        for (int j = 0; j < numbers; j++) {
            double mLo = Double.POSITIVE_INFINITY;
            double mHi = Double.NEGATIVE_INFINITY;
            double sLo = Double.POSITIVE_INFINITY;
            double sHi = Double.NEGATIVE_INFINITY;
            for (int g = 0; g < s.k; g++) {
                if (s.cnt(j, g) > 0) {
                    double m = s.groupMean(j, g);
                    double d = s.groupSd(j, g);
                    mLo = Math.min(mLo, m);
                    mHi = Math.max(mHi, m);
                    sLo = Math.min(sLo, d);
                    sHi = Math.max(sHi, d);
                }
            }
            mean[j] = mHi > mLo ? mHi - mLo : 0;
            sd[j] = sHi > sLo ? sHi - sLo : 0;
        }
        return new Gaps(mean, sd);
    }

    /** The largest gap of all, means and deviations alike. */
    double max() {
        double m = 0;
        for (int j = 0; j < mean.length; j++) {
            m = Math.max(m, Math.max(mean[j], sd[j]));
        }
        return m;
    }
}
