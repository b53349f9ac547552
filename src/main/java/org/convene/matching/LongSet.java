package org.convene.matching;

import java.util.Arrays;

/** An open-addressing set of non-zero longs. */
final class LongSet {
    private long[] table;
    private int size;

    LongSet(int expected) {
        int cap = 16;
        while (cap < expected * 2L) {
            cap <<= 1;
        }
        table = new long[cap];
    }

    int size() {
        return size;
    }

    private static int mix(long key) {
        key ^= key >>> 33;
        key *= 0xff51afd7ed558ccdL;
        key ^= key >>> 33;
        return (int) key;
    }

    boolean add(long key) {
        if (key == 0) {
            throw new IllegalArgumentException("zero key");
        }
        if ((size + 1) * 2L > table.length) {
            grow();
        }
        int mask = table.length - 1;
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            long k = table[i];
            if (k == 0) {
                table[i] = key;
                size++;
                return true;
            }
            if (k == key) {
                return false;
            }
        }
    }

    boolean contains(long key) {
        if (size == 0) {
            return false;
        }
        int mask = table.length - 1;
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            long k = table[i];
            if (k == key) {
                return true;
            }
            if (k == 0) {
                return false;
            }
        }
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        size = 0;
        for (long k : old) {
            if (k != 0) {
                add(k);
            }
        }
    }

    /** Every key, in table order (callers must not depend on that order). */
    void forEach(java.util.function.LongConsumer action) {
        for (long k : table) {
            if (k != 0) {
                action.accept(k);
            }
        }
    }

    LongSet copy() {
        LongSet c = new LongSet(1);
        c.table = Arrays.copyOf(table, table.length);
        c.size = size;
        return c;
    }
}
