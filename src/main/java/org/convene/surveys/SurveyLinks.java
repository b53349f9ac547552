package org.convene.surveys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jdbi.v3.core.Jdbi;

/**
 * Personal survey links: the invitation's id signed with the installation's link secret (kept in
 * the settings table), so a link can be sent again in a reminder without being stored anywhere,
 * and cannot be guessed or altered to reach someone else's survey.
 */
public final class SurveyLinks {
    private final Jdbi jdbi;
    private volatile byte[] secret;

    public SurveyLinks(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public String token(long invitationId) {
        return invitationId + "-" + signature(invitationId);
    }

    /** The invitation a token names, if its signature is right. */
    public OptionalLong invitation(String token) {
        if (token == null || token.length() > 80) {
            return OptionalLong.empty();
        }
        int dash = token.indexOf('-');
        if (dash < 1) {
            return OptionalLong.empty();
        }
        long id;
        try {
            id = Long.parseLong(token.substring(0, dash));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
        byte[] expected = signature(id).getBytes(StandardCharsets.US_ASCII);
        byte[] given = token.substring(dash + 1).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? OptionalLong.of(id) : OptionalLong.empty();
    }

    private String signature(long invitationId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret(), "HmacSHA256"));
            byte[] sig = mac.doFinal(("survey-invitation:" + invitationId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig).substring(0, 32);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
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
