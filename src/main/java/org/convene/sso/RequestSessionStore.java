package org.convene.sso;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.pac4j.core.context.WebContext;
import org.pac4j.core.context.session.SessionStore;

/**
 * pac4j's "session" for one request only. pac4j keeps the OIDC state, nonce and PKCE verifier in a
 * session store between the redirect to the provider and the callback; Convene must not keep them
 * in one JVM's memory (or a servlet session), because the callback may reach another instance.
 * So pac4j writes into this map during the request, {@link SsoPages} copies the three values into
 * {@link PendingSignIns} (PostgreSQL), and puts them back into a new map at the callback.
 */
final class RequestSessionStore implements SessionStore {
    private final Map<String, Object> values = new HashMap<>();

    void put(String key, Object value) {
        values.put(key, value);
    }

    @Override
    public Optional<String> getSessionId(WebContext context, boolean createSession) {
        return Optional.of("request");
    }

    @Override
    public Optional<Object> get(WebContext context, String key) {
        return Optional.ofNullable(values.get(key));
    }

    Optional<Object> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    @Override
    public void set(WebContext context, String key, Object value) {
        if (value == null) {
            values.remove(key);
        } else {
            values.put(key, value);
        }
    }

    @Override
    public boolean destroySession(WebContext context) {
        values.clear();
        return true;
    }

    @Override
    public Optional<Object> getTrackableSession(WebContext context) {
        return Optional.empty();
    }

    @Override
    public Optional<SessionStore> buildFromTrackableSession(WebContext context, Object trackableSession) {
        return Optional.empty();
    }

    @Override
    public boolean renewSession(WebContext context) {
        return false;
    }
}
