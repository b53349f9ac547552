package org.convene.groups;

/**
 * How many members of each group have each value of one attribute. A dense table when groups x
 * values is small; otherwise an open-addressing hash table of the non-zero counts (a region of
 * 100,000 people has about 16,000 groups of 6 and 7,700 organisations, too many cells for a table).
 */
final class Counts {
    private static final int DENSE_LIMIT = 1 << 22;
    private final long categories;
    private final int[] dense;
    private long[] keys;
    private int[] values;
    private int used;
    private int shift = 64 - 10;

    Counts(int groups, int categories) {
        this.categories = categories;
        if ((long) groups * categories <= DENSE_LIMIT) {
            dense = new int[groups * categories];
        } else {
            dense = null;
            keys = new long[1024];
            values = new int[1024];
        }
    }

    int get(int group, int value) {
        if (dense != null) {
            return dense[(int) (group * categories) + value];
        }
        long key = group * categories + value + 1;
        int mask = keys.length - 1;
        for (int slot = slot(key); ; slot = (slot + 1) & mask) {
            long k = keys[slot];
            if (k == key) {
                return values[slot];
            }
            if (k == 0) {
                return 0;
            }
        }
    }

    void add(int group, int value, int delta) {
        if (dense != null) {
            dense[(int) (group * categories) + value] += delta;
            return;
        }
        long key = group * categories + value + 1;
        int mask = keys.length - 1;
        int slot = slot(key);
        while (keys[slot] != 0 && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        if (keys[slot] == 0) {
            if (delta == 0) {
                return;
            }
            keys[slot] = key;
            values[slot] = delta;
            if (++used * 2 > keys.length) {
                grow();
            }
            return;
        }
        values[slot] += delta;
        if (values[slot] == 0) {
            remove(slot, mask);
        }
    }

    /** Deletion in linear probing without tombstones: later entries of the run move back. */
    private void remove(int hole, int mask) {
        keys[hole] = 0;
        used--;
        int next = (hole + 1) & mask;
        while (keys[next] != 0) {
            int home = slot(keys[next]);
            // The entry at next may fill the hole if its home is not cyclically in (hole, next].
            boolean movable = hole <= next ? (home <= hole || home > next) : (home <= hole && home > next);
            if (movable) {
                keys[hole] = keys[next];
                values[hole] = values[next];
                keys[next] = 0;
                hole = next;
            }
            next = (next + 1) & mask;
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        shift--;
        values = new int[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                int slot = slot(oldKeys[i]);
                while (keys[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }

    /** Fibonacci hashing: the top bits of key x 2^64 / golden ratio. */
    private int slot(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
    }
}
