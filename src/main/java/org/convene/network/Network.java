package org.convene.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An undirected simple graph of people and their ties, in compressed rows (CSR): the neighbours
 * of person {@code v} are {@code adj[start[v] .. start[v+1])}, in increasing index order, each tie
 * stored once in each direction. People are numbered 0..n-1 in the order they were added; each has
 * an id and a sector (sectors are numbered in the order first seen).
 *
 * <p>Built with a {@link Builder}: a tie that repeats one already added (in either direction) and a
 * tie from a person to themselves are ignored and counted ({@link #duplicateTies()},
 * {@link #selfLoops()}). Memory: two int arrays of n + 1 and 2 x ties entries, plus the ids.
 */
public final class Network {
    final int[] start;
    final int[] adj;
    private final String[] ids;
    private final int[] sectorOf;
    private final String[] sectorNames;
    private final long duplicateTies;
    private final long selfLoops;

    private Network(int[] start, int[] adj, String[] ids, int[] sectorOf, String[] sectorNames, long duplicateTies, long selfLoops) {
        this.start = start;
        this.adj = adj;
        this.ids = ids;
        this.sectorOf = sectorOf;
        this.sectorNames = sectorNames;
        this.duplicateTies = duplicateTies;
        this.selfLoops = selfLoops;
    }

    /** The number of people. */
    public int people() {
        return ids.length;
    }

    /** The number of distinct ties (each undirected tie once). */
    public long ties() {
        return start[ids.length] / 2;
    }

    public int degree(int v) {
        return start[v + 1] - start[v];
    }

    /** The neighbours of {@code v} in increasing index order (a copy). */
    public int[] neighbours(int v) {
        return Arrays.copyOfRange(adj, start[v], start[v + 1]);
    }

    public String id(int v) {
        return ids[v];
    }

    /** The sector number of person {@code v} (0..sectors()-1). */
    public int sector(int v) {
        return sectorOf[v];
    }

    public int sectors() {
        return sectorNames.length;
    }

    public String sectorName(int sector) {
        return sectorNames[sector];
    }

    /** Ties added more than once (either direction), ignored after the first. */
    public long duplicateTies() {
        return duplicateTies;
    }

    /** Ties from a person to themselves, ignored. */
    public long selfLoops() {
        return selfLoops;
    }

    /** Collects people and ties; not thread-safe. */
    public static final class Builder {
        private final Map<String, Integer> index = new HashMap<>();
        private final List<String> ids = new ArrayList<>();
        private final Map<String, Integer> sectorIndex = new HashMap<>();
        private final List<String> sectorNames = new ArrayList<>();
        private int[] sectorOf = new int[16];
        private int[] from = new int[16];
        private int[] to = new int[16];
        private int tieCount;
        private long selfLoops;

        /**
         * Adds a person and returns their index.
         *
         * @throws IllegalArgumentException if the id is already used
         */
        public int addPerson(String id, String sector) {
            int v = ids.size();
            if (index.putIfAbsent(id, v) != null) {
                throw new IllegalArgumentException("The id '" + id + "' is already used.");
            }
            ids.add(id);
            Integer s = sectorIndex.get(sector);
            if (s == null) {
                s = sectorNames.size();
                sectorIndex.put(sector, s);
                sectorNames.add(sector);
            }
            if (v == sectorOf.length) {
                sectorOf = Arrays.copyOf(sectorOf, grow(v));
            }
            sectorOf[v] = s;
            return v;
        }

        /** The index of the person with this id, or -1. */
        public int indexOf(String id) {
            Integer v = index.get(id);
            return v == null ? -1 : v;
        }

        public int people() {
            return ids.size();
        }

        /** Adds a tie between two people by index; a self-loop is counted and ignored. */
        public void addTie(int a, int b) {
            int n = ids.size();
            if (a < 0 || a >= n || b < 0 || b >= n) {
                throw new IllegalArgumentException("No person " + (a < 0 || a >= n ? a : b) + " (there are " + n + ").");
            }
            if (a == b) {
                selfLoops++;
                return;
            }
            if (tieCount == from.length) {
                if (tieCount >= Integer.MAX_VALUE / 2 - 8) {
                    throw new IllegalArgumentException("Too many ties (at most " + (Integer.MAX_VALUE / 2 - 8) + ").");
                }
                from = Arrays.copyOf(from, grow(tieCount));
                to = Arrays.copyOf(to, grow(tieCount));
            }
            from[tieCount] = a;
            to[tieCount++] = b;
        }

        private static int grow(int size) {
            return (int) Math.min(Integer.MAX_VALUE - 8L, Math.max(16L, size + (size >> 1)));
        }

        /** The network; the builder should not be used afterwards. */
        public Network build() {
            int n = ids.size();
            int[] start = new int[n + 1];
            for (int i = 0; i < tieCount; i++) {
                start[from[i] + 1]++;
                start[to[i] + 1]++;
            }
            for (int v = 0; v < n; v++) {
                start[v + 1] += start[v];
            }
            int[] fill = Arrays.copyOf(start, n);
            int[] adj = new int[2 * tieCount];
            for (int i = 0; i < tieCount; i++) {
                adj[fill[from[i]]++] = to[i];
                adj[fill[to[i]]++] = from[i];
            }
            from = null;
            to = null;
            // Sort each row and drop repeats, compacting in place.
            int write = 0;
            int rowStart = 0;
            for (int v = 0; v < n; v++) {
                int end = start[v + 1];
                Arrays.sort(adj, rowStart, end);
                int newStart = write;
                for (int e = rowStart; e < end; e++) {
                    if (write == newStart || adj[write - 1] != adj[e]) {
                        adj[write++] = adj[e];
                    }
                }
                start[v] = newStart;
                rowStart = end;
            }
            start[n] = write;
            long duplicates = tieCount - write / 2;
            int[] compact = write == adj.length ? adj : Arrays.copyOf(adj, write);
            return new Network(start, compact, ids.toArray(String[]::new), Arrays.copyOf(sectorOf, n),
                    sectorNames.toArray(String[]::new), duplicates, selfLoops);
        }
    }
}
