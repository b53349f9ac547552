package org.convene.accounts;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.convene.errors.TooManyRequestsException;
import org.jdbi.v3.core.Jdbi;

/**
 * Rate limits on what is cheap to ask for and costly to allow in bulk: personal access tokens,
 * password reset emails, registrations, and guesses at API tokens. Each limit is a number of hits
 * per key (an account, an email address, a client's address) in a sliding window, counted in the
 * database so it holds across all app instances; a hit over the limit gets 429 with the seconds
 * until the oldest hit in the window expires. The sign-in throttle ({@link LoginThrottle}) works
 * the same way on its own table.
 */
public final class RateLimits {
    /** One limit: at most {@code max} hits a key in {@code window}; the message says what to do instead. */
    public record Limit(String bucket, int max, Duration window, String message) {
    }

    public static final Limit TOKENS_PER_ACCOUNT = new Limit("api-token", 10, Duration.ofHours(1),
            "You have created 10 personal access tokens in the past hour. Revoke the ones you do not use, "
                    + "and try again in %s.");
    public static final Limit RESETS_PER_EMAIL = new Limit("reset-email", 3, Duration.ofHours(1),
            "We have sent several password reset links to this address in the past hour. Use the newest one in your inbox "
                    + "(check your spam folder too), or try again in %s.");
    public static final Limit RESETS_PER_ADDRESS = new Limit("reset-address", 20, Duration.ofHours(1),
            "Too many password reset requests have come from your network in the past hour. Try again in %s.");
    public static final Limit REGISTRATIONS_PER_ADDRESS = new Limit("register-address", 10, Duration.ofHours(1),
            "Too many accounts have been registered from your network in the past hour. Try again in %s, "
                    + "or ask your programme team for an invitation.");
    public static final Limit BAD_TOKENS_PER_ADDRESS = new Limit("bad-token-address", 30, Duration.ofMinutes(10),
            "Too many requests with API tokens that are not valid have come from your address. "
                    + "Check the token you send, and try again in %s.");
    /** Hits older than the longest window are no longer needed. */
    private static final Duration KEEP = Duration.ofHours(1);

    private final Jdbi jdbi;
    /** Addresses refused for bad tokens, until when: checked before each token, so no guess is tried while refused. */
    private final Map<String, Instant> refused = new ConcurrentHashMap<>();

    public RateLimits(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Counts a hit for this key, or refuses it (429) when the key has had its limit in the window. */
    public void hit(Limit limit, String key) {
        String k = key(key);
        jdbi.useTransaction(h -> {
            // One hit at a time per key across instances, so two at once cannot both take the last place.
            h.execute("SELECT pg_advisory_xact_lock(hashtext(?), hashtext(?))", limit.bucket(), k);
            var window = h.createQuery("SELECT count(*) AS n, EXTRACT(EPOCH FROM min(hit_at) + make_interval(secs => :w) - now()) AS wait "
                            + "FROM rate_limit_hits WHERE bucket = :b AND key = :k AND hit_at > now() - make_interval(secs => :w)")
                    .bind("b", limit.bucket()).bind("k", k).bind("w", (double) limit.window().toSeconds())
                    .map((rs, ctx) -> new long[] {rs.getLong("n"), (long) Math.ceil(rs.getDouble("wait"))})
                    .one();
            if (window[0] >= limit.max()) {
                throw refusal(limit, Math.max(1, window[1]));
            }
            h.createUpdate("INSERT INTO rate_limit_hits (bucket, key) VALUES (:b, :k)").bind("b", limit.bucket()).bind("k", k).execute();
        });
    }

    /**
     * For failures only (a token that is not valid): refuses at once an address this instance has
     * already refused, and otherwise does nothing until {@link #failed} counts one.
     */
    public void checkNotRefused(Limit limit, String key) {
        Instant until = refused.get(key(key));
        if (until != null) {
            long wait = Duration.between(Instant.now(), until).toSeconds();
            if (wait > 0) {
                throw refusal(limit, wait);
            }
            refused.remove(key(key), until);
        }
    }

    /** Counts a failure; over the limit, the key is refused on this instance until the window moves on. */
    public void failed(Limit limit, String key) {
        try {
            hit(limit, key);
        } catch (TooManyRequestsException e) {
            if (refused.size() > 10_000) {
                refused.values().removeIf(until -> until.isBefore(Instant.now()));
            }
            refused.put(key(key), Instant.now().plusSeconds(e.retryAfterSeconds()));
            throw e;
        }
    }

    public int purgeOld() {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM rate_limit_hits WHERE hit_at < now() - make_interval(secs => :keep)")
                .bind("keep", (double) KEEP.toSeconds()).execute());
    }

    private static String key(String key) {
        String k = key == null ? "" : key.strip().toLowerCase(Locale.ROOT);
        return k.length() > 254 ? k.substring(0, 254) : k;
    }

    private static TooManyRequestsException refusal(Limit limit, long seconds) {
        return new TooManyRequestsException(String.format(limit.message(), inWords(seconds)), seconds);
    }

    /** "45 seconds", "1 minute", "12 minutes". */
    static String inWords(long seconds) {
        if (seconds < 60) {
            return seconds == 1 ? "1 second" : seconds + " seconds";
        }
        long minutes = (seconds + 59) / 60;
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }
}
