package org.convene.accounts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.convene.db.ChangeFeed;

/**
 * Sign-ins (sessions, tokens) found in the database, remembered for up to a minute and only while
 * the {@code auth} change version is the one they were read at. While the change feed is not
 * listening nothing is remembered, so every lookup goes to the database.
 */
final class Remembered<V> {
    private static final long REMEMBER_NANOS = Duration.ofMinutes(1).toNanos();

    private record Entry<V>(V value, long authVersion, long readAtNanos) {
    }

    private final ChangeFeed changes;
    private final Cache<String, Entry<V>> cache;

    Remembered(ChangeFeed changes, long maximumSize) {
        this.changes = changes;
        this.cache = Caffeine.newBuilder().maximumSize(maximumSize).build();
    }

    /**
     * The remembered value for this key if it is still good (same auth version, under a minute old
     * and {@code stillValid}), else the database's answer, remembered when found.
     */
    Optional<V> get(String key, Predicate<V> stillValid, Supplier<Optional<V>> lookUp) {
        // The version is read before the database, so a change committed in between is never hidden.
        long version = changes.listening() ? changes.version(ChangeFeed.Topic.AUTH) : -1;
        Entry<V> known = version < 0 ? null : cache.getIfPresent(key);
        if (known != null && known.authVersion() == version && System.nanoTime() - known.readAtNanos() < REMEMBER_NANOS
                && stillValid.test(known.value())) {
            return Optional.of(known.value());
        }
        Optional<V> found = lookUp.get();
        if (version >= 0) {
            found.ifPresentOrElse(v -> cache.put(key, new Entry<>(v, version, System.nanoTime())), () -> cache.invalidate(key));
        }
        return found;
    }

    void forget(String key) {
        cache.invalidate(key);
    }

    void forgetIf(Predicate<V> condition) {
        cache.asMap().values().removeIf(e -> condition.test(e.value()));
    }
}
