package org.convene.accounts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jdbi.v3.core.Jdbi;

/**
 * Tokens for links that work without signing in (survey invitations, calendar feeds): {@code
 * ID-SIGNATURE}, the id and what it is for signed with HMAC-SHA256 and the installation's link
 * secret (kept in the settings table), 32 base64url characters of it. A token is never stored, can
 * be sent again, and cannot be guessed or altered to name someone else. An optional salt (a nonce
 * kept per id) lets a token be replaced: change the salt and the old token stops matching.
 */
public final class SignedTokens {
    private final Jdbi jdbi;
    private volatile byte[] secret;

    public SignedTokens(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The token for {@code id} used for {@code purpose} (with {@code salt}, or null for none). */
    public String token(String purpose, long id, String salt) {
        String message = purpose + ":" + id + (salt == null ? "" : ":" + salt);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret(), "HmacSHA256"));
            byte[] sig = mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
            return id + "-" + Base64.getUrlEncoder().withoutPadding().encodeToString(sig).substring(0, 32);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** The id a token names, if it has the form of one (its signature is not checked here). */
    public static OptionalLong id(String token) {
        if (token == null || token.length() > 80) {
            return OptionalLong.empty();
        }
        int dash = token.indexOf('-');
        if (dash < 1 || dash > 19) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(token.substring(0, dash)));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Whether the token is exactly the one for this purpose, id and salt (compared in constant time). */
    public boolean matches(String token, String purpose, long id, String salt) {
        return MessageDigest.isEqual(token(purpose, id, salt).getBytes(StandardCharsets.US_ASCII), token.getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] secret() {
        byte[] s = secret;
        if (s == null) {
            s = jdbi.withHandle(h -> h.createQuery("SELECT value FROM settings WHERE name = 'link_secret'").mapTo(String.class).one())
                    .getBytes(StandardCharsets.UTF_8);
            secret = s;
        }
        return s;
    }
}
