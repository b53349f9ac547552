package org.convene.network;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Seeded networks shaped like a health and care system: 13 sectors of unequal size, places of
 * about 2,000 people, organisations of 5 to 60 people (each in one sector and place), and ties
 * that are mostly inside an organisation, then inside a sector in a place, with cross-sector
 * bridges inside a place and a few ties anywhere. How active a person is (their share of ties) is
 * drawn from a heavy-tailed distribution, so some people are connectors. Person indices are
 * shuffled, so neighbours are not near each other in the arrays (as with ids from a database).
 * Exactly {@code ties} distinct ties, no self-loops; ids {@code p0, p1, ...} by index.
 */
final class NetworkGenerator {
    static final String[] SECTORS = {"acute", "primary care", "community health", "mental health", "ambulance",
        "adult social care", "local authority", "housing", "voluntary and community", "education", "police",
        "pharmacy", "lived experience"};
    private static final double[] SECTOR_WEIGHTS = {20, 12, 10, 8, 4, 12, 8, 6, 10, 3, 2, 2, 3};

    /** The shares of ties: inside an organisation, inside a sector in a place, across sectors in a place, anywhere. */
    static final double IN_ORGANISATION = 0.55;
    static final double IN_SECTOR_AND_PLACE = 0.20;
    static final double ACROSS_SECTORS_IN_PLACE = 0.20;

    final int people;
    final int[] sector;
    final int[] place;
    final int[] organisation;
    final int[] from;
    final int[] to;

    private NetworkGenerator(int people, int[] sector, int[] place, int[] organisation, int[] from, int[] to) {
        this.people = people;
        this.sector = sector;
        this.place = place;
        this.organisation = organisation;
        this.from = from;
        this.to = to;
    }

    static NetworkGenerator generate(int n, int ties, long seed) {
        if ((long) n * (n - 1) / 2 < 2L * ties) {
            throw new IllegalArgumentException("Too many ties for " + n + " people.");
        }
        SplittableRandom random = new SplittableRandom(seed);
        int places = Math.max(1, n / 2000);
        // Organisations in order, people filling them; then the indices are shuffled.
        int[] orgOf = new int[n];
        int[] sectorOf = new int[n];
        int[] placeOf = new int[n];
        double total = Arrays.stream(SECTOR_WEIGHTS).sum();
        int orgs = 0;
        for (int filled = 0; filled < n; orgs++) {
            int size = Math.min(n - filled, 5 + random.nextInt(56));
            double r = random.nextDouble() * total;
            int s = 0;
            while (r >= SECTOR_WEIGHTS[s] && s < SECTORS.length - 1) {
                r -= SECTOR_WEIGHTS[s++];
            }
            int p = random.nextInt(places);
            for (int i = 0; i < size; i++) {
                orgOf[filled + i] = orgs;
                sectorOf[filled + i] = s;
                placeOf[filled + i] = p;
            }
            filled += size;
        }
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        // slot i (in organisation order) becomes person perm[i].
        int[] sector = new int[n];
        int[] place = new int[n];
        int[] organisation = new int[n];
        for (int i = 0; i < n; i++) {
            sector[perm[i]] = sectorOf[i];
            place[perm[i]] = placeOf[i];
            organisation[perm[i]] = orgOf[i];
        }
        // Organisation members are the slots [orgStart[o], orgStart[o+1]).
        int[] orgStart = new int[orgs + 1];
        for (int i = 0; i < n; i++) {
            orgStart[orgOf[i] + 1]++;
        }
        for (int o = 0; o < orgs; o++) {
            orgStart[o + 1] += orgStart[o];
        }
        // People by place, and by (sector, place), as lists of slots.
        int[][] byPlace = group(n, places, i -> placeOf[i]);
        int[][] bySectorPlace = group(n, SECTORS.length * places, i -> sectorOf[i] * places + placeOf[i]);
        // Activity: a Pareto-like weight (shape 2), cumulated for drawing the first end of a tie.
        double[] cumulative = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += Math.min(50, 1 / Math.sqrt(1 - random.nextDouble()));
            cumulative[i] = sum;
        }
        int[] from = new int[ties];
        int[] to = new int[ties];
        LongSet seen = new LongSet(ties);
        int made = 0;
        while (made < ties) {
            int a = draw(cumulative, random.nextDouble() * sum);
            double kind = random.nextDouble();
            int b;
            if (kind < IN_ORGANISATION) {
                int o = orgOf[a];
                b = orgStart[o] + random.nextInt(orgStart[o + 1] - orgStart[o]);
            } else if (kind < IN_ORGANISATION + IN_SECTOR_AND_PLACE) {
                int[] list = bySectorPlace[sectorOf[a] * places + placeOf[a]];
                b = list[random.nextInt(list.length)];
            } else if (kind < IN_ORGANISATION + IN_SECTOR_AND_PLACE + ACROSS_SECTORS_IN_PLACE) {
                int[] list = byPlace[placeOf[a]];
                b = list[random.nextInt(list.length)];
                for (int tries = 0; tries < 20 && sectorOf[b] == sectorOf[a]; tries++) {
                    b = list[random.nextInt(list.length)];
                }
            } else {
                b = random.nextInt(n);
            }
            if (a == b) {
                continue;
            }
            int pa = perm[a];
            int pb = perm[b];
            long key = pa < pb ? ((long) pa << 32) | pb : ((long) pb << 32) | pa;
            if (seen.add(key)) {
                from[made] = pa;
                to[made++] = pb;
            }
        }
        return new NetworkGenerator(n, sector, place, organisation, from, to);
    }

    private static int[][] group(int n, int groups, java.util.function.IntUnaryOperator key) {
        int[] count = new int[groups];
        for (int i = 0; i < n; i++) {
            count[key.applyAsInt(i)]++;
        }
        int[][] out = new int[groups][];
        for (int k = 0; k < groups; k++) {
            out[k] = new int[count[k]];
        }
        int[] fill = new int[groups];
        for (int i = 0; i < n; i++) {
            int k = key.applyAsInt(i);
            out[k][fill[k]++] = i;
        }
        return out;
    }

    private static int draw(double[] cumulative, double x) {
        int i = Arrays.binarySearch(cumulative, x);
        return Math.min(cumulative.length - 1, i >= 0 ? i + 1 : -i - 1);
    }

    String id(int v) {
        return "p" + v;
    }

    Network network() {
        Network.Builder b = new Network.Builder();
        for (int v = 0; v < people; v++) {
            b.addPerson(id(v), SECTORS[sector[v]]);
        }
        for (int i = 0; i < from.length; i++) {
            b.addTie(from[i], to[i]);
        }
        return b.build();
    }

    /** Writes people.csv ({@code id,sector}) and ties.csv ({@code a,b}) into a folder. */
    void write(java.nio.file.Path dir) throws java.io.IOException {
        java.nio.file.Files.createDirectories(dir);
        try (var w = java.nio.file.Files.newBufferedWriter(dir.resolve("people.csv"))) {
            w.write("id,sector\n");
            for (int v = 0; v < people; v++) {
                w.write(id(v));
                w.write(',');
                w.write(SECTORS[sector[v]]);
                w.write('\n');
            }
        }
        try (var w = java.nio.file.Files.newBufferedWriter(dir.resolve("ties.csv"))) {
            w.write("a,b\n");
            for (int i = 0; i < from.length; i++) {
                w.write(id(from[i]));
                w.write(',');
                w.write(id(to[i]));
                w.write('\n');
            }
        }
    }

    /** An open-addressing set of non-negative longs (keys of pairs). */
    private static final class LongSet {
        private long[] keys;
        private int size;

        LongSet(int expected) {
            int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
            keys = new long[cap];
            Arrays.fill(keys, -1);
        }

        boolean add(long key) {
            int mask = keys.length - 1;
            int i = (int) (mix(key) & mask);
            while (keys[i] != -1) {
                if (keys[i] == key) {
                    return false;
                }
                i = (i + 1) & mask;
            }
            keys[i] = key;
            size++;
            return true;
        }

        private static long mix(long x) {
            x ^= x >>> 33;
            x *= 0xff51afd7ed558ccdL;
            x ^= x >>> 33;
            return x;
        }
    }
}
