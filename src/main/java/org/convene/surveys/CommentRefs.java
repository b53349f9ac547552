package org.convene.surveys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jdbi.v3.core.Handle;

/**
 * Opaque references to free-text answers. A comment is shown and linked (from the PDSA log) by a
 * keyed hash of its response and item, never by the response's id: two comments by the same
 * person cannot be matched by their references, and comments are listed in the order of their
 * references, not in the order people answered.
 */
public final class CommentRefs {
    private final SecretKeySpec key;

    private CommentRefs(byte[] secret) {
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** The signer for this installation (the key is the link secret in the settings table). */
    public static CommentRefs of(Handle h) {
        String secret = h.createQuery("SELECT value FROM settings WHERE name = 'link_secret'").mapTo(String.class).one();
        return new CommentRefs(secret.getBytes(StandardCharsets.UTF_8));
    }

    public String ref(long responseId, long questionId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] sig = mac.doFinal(("comment:" + responseId + ":" + questionId).getBytes(StandardCharsets.UTF_8));
            return "c" + Base64.getUrlEncoder().withoutPadding().encodeToString(sig).substring(0, 22);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    public static boolean wellFormed(String ref) {
        return ref != null && ref.matches("^c[A-Za-z0-9_-]{22}$");
    }
}
