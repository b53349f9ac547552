package org.convene.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The people of a benchmark as int arrays (sector, organisation, place, interests as bit masks)
 * with who has met whom, for scanning all n(n-1)/2 pairs quickly: the best allowed partner of
 * everyone (for the upper bound), each person's k best allowed partners, or every allowed pair.
 * It applies the same rules as {@link Rules} (the unit tests check this); nobody is blocked.
 */
final class PairSpace {
    final int n;
    final List<Participant> people;
    final int[] sector;
    final int[] org;
    final int[] place;
    final int words;
    final long[] mask;
    final int maxScore;
    private final Map<String, Integer> index = new HashMap<>();
    private final int[][] met;
    private final int[] metCount;
    private long metPairs;

    PairSpace(List<Participant> people) {
        this.people = people;
        n = people.size();
        sector = new int[n];
        org = new int[n];
        place = new int[n];
        Map<String, Integer> sectors = new HashMap<>();
        Map<String, Integer> orgs = new HashMap<>();
        Map<String, Integer> places = new HashMap<>();
        Map<String, Integer> topics = new HashMap<>();
        int most = 0;
        for (int i = 0; i < n; i++) {
            Participant p = people.get(i);
            if (index.put(p.id(), i) != null) {
                throw new IllegalArgumentException("duplicate id " + p.id());
            }
            sector[i] = sectors.computeIfAbsent(p.sector(), s -> sectors.size());
            org[i] = orgs.computeIfAbsent(p.organisation(), s -> orgs.size());
            place[i] = p.place().isEmpty() ? -1 - i : places.computeIfAbsent(p.place(), s -> places.size());
            for (String t : p.interests()) {
                topics.computeIfAbsent(t, s -> topics.size());
            }
            most = Math.max(most, p.interests().size());
        }
        words = Math.max(1, (topics.size() + 63) / 64);
        mask = new long[n * words];
        for (int i = 0; i < n; i++) {
            for (String t : people.get(i).interests()) {
                int k = topics.get(t);
                mask[i * words + k / 64] |= 1L << (k % 64);
            }
        }
        maxScore = Rules.score(most, true);
        met = new int[n][];
        metCount = new int[n];
    }

    int indexOf(String id) {
        Integer i = index.get(id);
        if (i == null) {
            throw new IllegalArgumentException("unknown id " + id);
        }
        return i;
    }

    int shared(int a, int b) {
        int c = 0;
        for (int w = 0; w < words; w++) {
            c += Long.bitCount(mask[a * words + w] & mask[b * words + w]);
        }
        return c;
    }

    int score(int a, int b) {
        return Rules.score(shared(a, b), place[a] == place[b]);
    }

    boolean met(int a, int b) {
        int[] m = met[a];
        for (int x = 0; x < metCount[a]; x++) {
            if (m[x] == b) {
                return true;
            }
        }
        return false;
    }

    boolean allowed(int a, int b) {
        return a != b && sector[a] != sector[b] && org[a] != org[b] && !met(a, b);
    }

    /** Records that a and b have met; false if they had already. */
    boolean addMet(int a, int b) {
        if (a == b) {
            throw new IllegalArgumentException("a pair needs two people");
        }
        if (met(a, b)) {
            return false;
        }
        push(a, b);
        push(b, a);
        metPairs++;
        return true;
    }

    private void push(int a, int b) {
        if (met[a] == null) {
            met[a] = new int[4];
        } else if (metCount[a] == met[a].length) {
            met[a] = Arrays.copyOf(met[a], met[a].length * 2);
        }
        met[a][metCount[a]++] = b;
    }

    long metPairs() {
        return metPairs;
    }

    /** Adds every pair inside every group to who has met whom (as {@link History#addRound}). */
    void addRound(List<Group> groups) {
        for (Group g : groups) {
            var m = g.members();
            for (int x = 0; x < m.size(); x++) {
                for (int y = x + 1; y < m.size(); y++) {
                    addMet(indexOf(m.get(x).id()), indexOf(m.get(y).id()));
                }
            }
        }
    }

    /** What one scan over all pairs found. */
    static final class Scan {
        /** Best allowed score of each person, 0 when they have no allowed partner. */
        final int[] best;
        /** The union of the edges kept (smaller index first), with their scores. */
        final int[] eu;
        final int[] ev;
        final int[] score;

        Scan(int[] best, int[] eu, int[] ev, int[] score) {
            this.best = best;
            this.eu = eu;
            this.ev = ev;
            this.score = score;
        }

        int edges() {
            return eu.length;
        }

        /** Half the sum over people of their best allowed score: no matching scores more. */
        double scoreBound() {
            long sum = 0;
            for (int b : best) {
                sum += b;
            }
            return sum / 2.0;
        }

        long withPartner() {
            return Arrays.stream(best).filter(b -> b > 0).count();
        }
    }

    /**
     * Scans every pair. With {@code k > 0} keeps the union of each person's k best allowed
     * partners (ties broken by a seeded per-person rotation of the scan order, so ties do not all
     * fall on the same people); with {@code k == 0} keeps every allowed pair; with k < 0 none.
     */
    Scan scan(int k, long seed, boolean parallel) {
        int[] best = new int[n];
        int[][] kept = new int[n][];
        long[] offsets = new long[n];
        SplittableRandom r = new SplittableRandom(seed);
        for (int u = 0; u < n; u++) {
            offsets[u] = n > 1 ? r.nextInt(n) : 0;
        }
        ThreadLocal<int[]> stamps = ThreadLocal.withInitial(() -> new int[n]);
        ThreadLocal<int[][]> buckets = ThreadLocal.withInitial(() -> new int[maxScore + 1][Math.max(k, 0)]);
        IntStream range = IntStream.range(0, n);
        (parallel ? range.parallel() : range).forEach(u -> {
            int[] stamp = stamps.get();
            int mark = u + 1;
            for (int x = 0; x < metCount[u]; x++) {
                stamp[met[u][x]] = mark;
            }
            int[][] bucket = buckets.get();
            int[] count = new int[maxScore + 1];
            int[] all = k == 0 ? new int[16] : null;
            int allCount = 0;
            int bestScore = 0;
            int su = sector[u];
            int ou = org[u];
            int pu = place[u];
            int off = (int) offsets[u];
            for (int t = 0; t < n; t++) {
                int v = off + t < n ? off + t : off + t - n;
                if (sector[v] == su || org[v] == ou || stamp[v] == mark) {
                    continue;   // also skips v == u (same sector)
                }
                int shared = 0;
                for (int w = 0; w < words; w++) {
                    shared += Long.bitCount(mask[u * words + w] & mask[v * words + w]);
                }
                int s = 1 + 3 * shared + (place[v] == pu ? 1 : 0);
                if (s > bestScore) {
                    bestScore = s;
                }
                if (k > 0) {
                    if (count[s] < k) {
                        bucket[s][count[s]++] = v;
                    }
                } else if (k == 0 && v > u) {
                    if (allCount == all.length) {
                        all = Arrays.copyOf(all, all.length * 2);
                    }
                    all[allCount++] = v;
                }
            }
            for (int x = 0; x < metCount[u]; x++) {
                stamp[met[u][x]] = 0;
            }
            best[u] = bestScore;
            if (k > 0) {
                int[] mine = new int[k];
                int m = 0;
                for (int s = maxScore; s >= 1 && m < k; s--) {
                    int take = Math.min(count[s], k - m);
                    System.arraycopy(bucket[s], 0, mine, m, take);
                    m += take;
                }
                kept[u] = Arrays.copyOf(mine, m);
            } else if (k == 0) {
                kept[u] = Arrays.copyOf(all, allCount);
            }
        });
        if (k < 0) {
            return new Scan(best, new int[0], new int[0], new int[0]);
        }
        long total = 0;
        for (int[] x : kept) {
            total += x.length;
        }
        long[] keys = new long[Math.toIntExact(total)];
        int c = 0;
        for (int u = 0; u < n; u++) {
            for (int v : kept[u]) {
                keys[c++] = ((long) Math.min(u, v) << 32) | Math.max(u, v);
            }
            kept[u] = null;
        }
        Arrays.parallelSort(keys);
        int distinct = 0;
        for (int x = 0; x < keys.length; x++) {
            if (x == 0 || keys[x] != keys[x - 1]) {
                keys[distinct++] = keys[x];
            }
        }
        int[] eu = new int[distinct];
        int[] ev = new int[distinct];
        int[] sc = new int[distinct];
        for (int x = 0; x < distinct; x++) {
            eu[x] = (int) (keys[x] >>> 32);
            ev[x] = (int) keys[x];
            sc[x] = score(eu[x], ev[x]);
        }
        return new Scan(best, eu, ev, sc);
    }

    /** The largest number of people in one sector. */
    int largestSector() {
        int[] c = new int[n + 1];
        int most = 0;
        for (int s : sector) {
            most = Math.max(most, ++c[s]);
        }
        return most;
    }

    /**
     * An upper bound on the people any round can pair: those with an allowed partner, and twice
     * the people outside the largest sector (every pair has someone outside it), rounded down to
     * an even number.
     */
    long peopleBound(Scan scan) {
        long b = Math.min(scan.withPartner(), 2L * (n - largestSector()));
        return b - (b % 2);
    }

    List<int[]> metList() {
        List<int[]> out = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            for (int x = 0; x < metCount[a]; x++) {
                if (met[a][x] > a) {
                    out.add(new int[] {a, met[a][x]});
                }
            }
        }
        return out;
    }
}
