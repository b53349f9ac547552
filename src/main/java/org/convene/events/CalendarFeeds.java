package org.convene.events;

import java.util.Optional;
import java.util.OptionalLong;
import org.convene.accounts.Secrets;
import org.convene.accounts.SignedTokens;
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
    private static final String PURPOSE = "calendar-feed";

    private final Jdbi jdbi;
    private final Events events;
    private final String baseUrl;
    private final SignedTokens tokens;

    public CalendarFeeds(Jdbi jdbi, Events events, String baseUrl) {
        this.jdbi = jdbi;
        this.events = events;
        this.tokens = new SignedTokens(jdbi);
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
        OptionalLong person = SignedTokens.id(token);
        if (person.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> nonce = jdbi.withHandle(h -> h.createQuery("SELECT nonce FROM calendar_feeds WHERE person_id = :p")
                .bind("p", person.getAsLong()).mapTo(String.class).findOne());
        return nonce.filter(n -> tokens.matches(token, PURPOSE, person.getAsLong(), n)).map(n -> person.getAsLong());
    }

    /** The person's feed as iCalendar text. */
    public String calendar(long person) {
        return EventDates.feed(events.calendarOf(person, PAST_DAYS), baseUrl, "Convene: your events");
    }

    private Feed feed(long person, String nonce) {
        String url = baseUrl + "/calendar/" + tokens.token(PURPOSE, person, nonce) + ".ics";
        return new Feed(url, url.replaceFirst("^https?://", "webcal://"));
    }
}
