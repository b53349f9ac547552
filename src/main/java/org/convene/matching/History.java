package org.convene.matching;

import java.util.HashMap;
import java.util.Map;

/**
 * Who has already met whom: a set of unordered pairs of ids, kept as longs over interned int
 * indices, so a lookup is two map reads at most and no allocation.
 */
public final class History {
    private final Map<String, Integer> index = new HashMap<>();
    private final LongSet pairs;

    public History() {
        this(16);
    }

    public History(int expectedPairs) {
        pairs = new LongSet(expectedPairs);
    }

    public static History empty() {
        return new History();
    }

    /** The interned index of an id, or -1 when the id is in no pair. */
    int indexOf(String id) {
        Integer i = index.get(id);
        return i == null ? -1 : i;
    }

    private int intern(String id) {
        Integer i = index.get(id);
        if (i == null) {
            i = index.size();
            index.put(id, i);
        }
        return i;
    }

    static long key(int a, int b) {
        int lo = Math.min(a, b);
        int hi = Math.max(a, b);
        return ((long) lo << 32) | hi;  // hi >= 1, so never zero
    }

    /** Adds the pair (either order); returns false if it was already there. */
    public boolean add(String a, String b) {
        if (a.equals(b)) {
            throw new IllegalArgumentException("A pair needs two different people: " + a);
        }
        return pairs.add(key(intern(a), intern(b)));
    }

    public boolean contains(String a, String b) {
        int i = indexOf(a);
        int j = indexOf(b);
        return i >= 0 && j >= 0 && i != j && pairs.contains(key(i, j));
    }

    /** How many ids have an interned index (indices are 0 .. this - 1). */
    int indexCount() {
        return index.size();
    }

    /** Every pair as a key of {@link #key} over interned indices, in no particular order. */
    void forEachKey(java.util.function.LongConsumer action) {
        pairs.forEach(action);
    }

    boolean containsIndices(int i, int j) {
        return pairs.contains(key(i, j));
    }

    /** Adds every pair inside every group of the round (a trio adds three pairs). */
    public void addRound(Round round) {
        for (Group g : round.groups()) {
            var m = g.members();
            for (int x = 0; x < m.size(); x++) {
                for (int y = x + 1; y < m.size(); y++) {
                    add(m.get(x).id(), m.get(y).id());
                }
            }
        }
    }

    public int size() {
        return pairs.size();
    }
}
