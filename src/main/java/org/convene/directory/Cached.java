package org.convene.directory;

import java.time.Duration;
import java.util.function.Supplier;

/** A value re-read from its source when older than a time to live; safe across threads. */
final class Cached<T> {
    private final long ttlNanos;
    private final Supplier<T> source;
    private volatile T value;
    private volatile long readAt;

    Cached(Duration ttl, Supplier<T> source) {
        this.ttlNanos = ttl.toNanos();
        this.source = source;
    }

    T get() {
        T current = value;
        if (current == null || System.nanoTime() - readAt > ttlNanos) {
            current = source.get();
            value = current;
            readAt = System.nanoTime();
        }
        return current;
    }
}
