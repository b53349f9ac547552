package org.convene.sso;

import java.time.Duration;
import java.util.Optional;
import org.convene.accounts.Secrets;
import org.jdbi.v3.core.Jdbi;

/**
 * Single sign-ons in progress, kept in PostgreSQL so that any app instance behind the load balancer
 * can finish what another started: the OIDC state (stored as a hash, and the key), the nonce the ID
 * token must carry, the PKCE code verifier, and the page to go to afterwards. Each row is bound to
 * the browser that started it (the hash of a random cookie), lives ten minutes, and is taken, that
 * is read and deleted in one statement, so a reply from the provider is accepted once at most.
 */
public final class PendingSignIns {
    static final Duration LIFETIME = Duration.ofMinutes(10);

    /** What the callback needs to check the provider's reply. */
    public record Pending(String nonce, String codeVerifier, String nextPath) {
    }

    private final Jdbi jdbi;

    public PendingSignIns(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Records a sign-in just sent to the provider, and clears out those that were never finished. */
    public void save(String state, String browser, String nonce, String codeVerifier, String nextPath) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM sso_sign_ins WHERE expires_at < now()").execute();
            h.createUpdate("INSERT INTO sso_sign_ins (state_hash, browser_hash, nonce, code_verifier, next_path, expires_at) "
                            + "VALUES (:state, :browser, :nonce, :verifier, :next, now() + make_interval(secs => :lifetime))")
                    .bind("state", Secrets.sha256(state))
                    .bind("browser", Secrets.sha256(browser))
                    .bind("nonce", nonce)
                    .bind("verifier", codeVerifier)
                    .bind("next", nextPath)
                    .bind("lifetime", (double) LIFETIME.toSeconds())
                    .execute();
        });
    }

    /**
     * The sign-in with this state started by this browser, if it has not expired; it is removed
     * either way, so the same reply cannot be used twice.
     */
    public Optional<Pending> take(String state, String browser) {
        if (state == null || state.isEmpty() || state.length() > 200 || browser == null || browser.isEmpty() || browser.length() > 100) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery("DELETE FROM sso_sign_ins WHERE state_hash = :state AND browser_hash = :browser "
                        + "RETURNING nonce, code_verifier, next_path, expires_at > now() AS live")
                .bind("state", Secrets.sha256(state))
                .bind("browser", Secrets.sha256(browser))
                .map((rs, ctx) -> rs.getBoolean("live")
                        ? Optional.of(new Pending(rs.getString("nonce"), rs.getString("code_verifier"), rs.getString("next_path")))
                        : Optional.<Pending>empty())
                .findOne()
                .flatMap(p -> p));
    }
}
