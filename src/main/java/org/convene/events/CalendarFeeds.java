package org.convene.events;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.convene.accounts.Secrets;
import org.jdbi.v3.core.Jdbi;

/**
 * Personal calendar feeds. Calendar apps cannot sign in, so each person gets a private address,
 * {@code /calendar/{token}.ics}, that answers to nothing but its token: the person's id signed
 * (HMAC-SHA256) with the installation's link secret and a random nonce kept for that person. The
 * address is never stored; resetting it draws a new nonce, and every earlier address stops working
 * at once. The feed lists the person's events from the last {@link #PAST_DAYS} days on.
 */
public final class CalendarFeeds {
    /** How far back the feed goes: events that ended up to this many days ago. */
    public static final int PAST_DAYS = 90;

    private final Jdbi jdbi;
    private final Events events;
    private final String baseUrl;
    private volatile byte[] secret;

    public CalendarFeeds(Jdbi jdbi, Events events, String baseUrl) {
        this.jdbi = jdbi;
        this.events = events;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** A person's feed address (https:// or http://) and the same for calendar apps that subscribe by webcal://. */
    public record Feed(String url, String webcal) {
    }

    /** The person's current feed address, made on first use. */
    public Feed of(long person) {
        String nonce = jdbi.withHandle(h -> {
            h.createUpdate("INSERT INTO calendar_feeds (person_id, nonce) VALUES (:p, :n) ON CONFLICT (person_id) DO NOTHING")
                    .bind("p", person).bind("n", Secrets.newToken()).execute();
            return h.createQuery("SELECT nonce FROM calendar_feeds WHERE person_id = :p").bind("p", person).mapTo(String.class).one();
        });
        return feed(person, nonce);
    }

    /** A new address for the person; the old one stops working. */
    public Feed reset(long person) {
        String nonce = Secrets.newToken();
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO calendar_feeds (person_id, nonce) VALUES (:p, :n) "
                + "ON CONFLICT (person_id) DO UPDATE SET nonce = EXCLUDED.nonce, created_at = now()").bind("p", person).bind("n", nonce).execute());
        return feed(person, nonce);
    }

    /** The person whose current token this is, if it is one. */
    public Optional<Long> owner(String token) {
        if (token == null || token.length() > 80) {
            return Optional.empty();
        }
        int dash = token.indexOf('-');
        if (dash < 1 || dash > 19) {
            return Optional.empty();
        }
        long person;
        try {
            person = Long.parseLong(token.substring(0, dash));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        Optional<String> nonce = jdbi.withHandle(h -> h.createQuery("SELECT nonce FROM calendar_feeds WHERE person_id = :p")
                .bind("p", person).mapTo(String.class).findOne());
        if (nonce.isEmpty()) {
            return Optional.empty();
        }
        boolean valid = MessageDigest.isEqual(token(person, nonce.get()).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
        return valid ? Optional.of(person) : Optional.empty();
    }

    /** The person's feed as iCalendar text. */
    public String calendar(long person) {
        return EventDates.feed(events.calendarOf(person, PAST_DAYS), baseUrl, "Convene: your events");
    }

    private Feed feed(long person, String nonce) {
        String url = baseUrl + "/calendar/" + token(person, nonce) + ".ics";
        return new Feed(url, url.replaceFirst("^https?://", "webcal://"));
    }

    private String token(long person, String nonce) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret(), "HmacSHA256"));
            byte[] sig = mac.doFinal(("calendar-feed:" + person + ":" + nonce).getBytes(StandardCharsets.UTF_8));
            return person + "-" + Base64.getUrlEncoder().withoutPadding().encodeToString(sig).substring(0, 32);
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
