package org.convene.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.convene.accounts.Role;
import org.convene.testing.TestApp;
import org.convene.testing.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The personal calendar feed: a private address per person that answers without signing in, with
 * exactly the events that person is registered for (the waitlist marked), hosts or co-hosts, from
 * the last 90 days on; cancelled registrations drop out; another person's feed shows theirs only;
 * a reset address stops the old one at once; an unknown or altered token is a plain 404.
 */
class CalendarFeedTest {
    private static TestApp app;
    private static String ada;
    private static String bob;
    private static long bobId;
    private static long community;

    @BeforeAll
    static void start() throws Exception {
        app = TestApp.start();
        app.person("Ada Attender", "ada@feed.example", "housing", Role.PARTICIPANT);
        bobId = app.person("Bob Other", "bob@feed.example", "acute", Role.PARTICIPANT).id();
        ada = app.token("ada@feed.example");
        bob = app.token("bob@feed.example");
        community = WebClient.json(call("POST", "/api/v1/communities", bob, "{\"name\": \"Feeds\", \"problem\": \"Keeping track\"}"), 201)
                .get("id").asLong();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static HttpResponse<String> call(String method, String path, String token, String json) {
        return WebClient.api(app, method, path, token, json);
    }

    private static long event(String token, String title, Integer capacity) throws Exception {
        return WebClient.json(call("POST", "/api/v1/communities/" + community + "/events", token, "{\"title\": \"" + title
                + "\", \"date\": \"2030-03-05\", \"startTime\": \"18:30\", \"endTime\": \"20:30\", \"location\": \"The Hub\", \"capacity\": "
                + capacity + "}"), 201).get("id").asLong();
    }

    private static void endedDaysAgo(long event, int days) {
        app.jdbi().useHandle(h -> h.createUpdate("UPDATE events SET starts_at = now() - make_interval(days => :d, hours => 2), "
                + "ends_at = now() - make_interval(days => :d) WHERE id = :e").bind("d", days).bind("e", event).execute());
    }

    /** The feed at this address, fetched as a calendar app does: no cookie, no token header. */
    private static HttpResponse<String> fetch(String url) throws Exception {
        String path = URI.create(url).getRawPath();
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.url(path))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theFeedHoldsTheOwnersEventsOnlyAndAResetStopsTheOldAddress() throws Exception {
        WebClient.json(call("POST", "/api/v1/communities/" + community + "/membership", ada, null), 201);
        long confirmed = event(bob, "Confirmed workshop", null);
        long full = event(bob, "Full film night", 1);
        long cancelled = event(bob, "Cancelled social", null);
        long hosted = event(ada, "Ada's own meeting", null);
        long cohosted = event(bob, "Co-hosted party", null);
        long unrelated = event(bob, "Somebody else's event", null);
        long recent = event(bob, "Last month's workshop", null);
        long old = event(bob, "Last year's workshop", null);
        WebClient.json(call("POST", "/api/v1/events/" + confirmed + "/registration", ada, "{}"), 201);
        WebClient.json(call("POST", "/api/v1/events/" + full + "/registration", bob, "{}"), 201);
        assertThat(WebClient.json(call("POST", "/api/v1/events/" + full + "/registration", ada, "{}"), 201).get("status").asText())
                .isEqualTo("waitlisted");
        WebClient.json(call("POST", "/api/v1/events/" + cancelled + "/registration", ada, "{}"), 201);
        WebClient.json(call("DELETE", "/api/v1/events/" + cancelled + "/registration", ada, null), 200);
        long adaId = app.jdbi().withHandle(h -> h.createQuery("SELECT id FROM people WHERE email = 'ada@feed.example'").mapTo(Long.class).one());
        WebClient.json(call("POST", "/api/v1/events/" + cohosted + "/cohosts", bob, "{\"person\": " + adaId + "}"), 201);
        WebClient.json(call("POST", "/api/v1/events/" + recent + "/registration", ada, "{}"), 201);
        WebClient.json(call("POST", "/api/v1/events/" + old + "/registration", ada, "{}"), 201);
        endedDaysAgo(recent, 30);
        endedDaysAgo(old, 120);

        JsonNode feed = WebClient.json(call("GET", "/api/v1/my/calendar", ada, null), 200);
        String url = feed.get("url").asText();
        assertThat(url).startsWith("http://localhost/calendar/").endsWith(".ics");
        assertThat(feed.get("webcal").asText()).isEqualTo(url.replace("http://", "webcal://"));
        assertThat(WebClient.json(call("GET", "/api/v1/my/calendar", ada, null), 200).get("url").asText()).as("stable").isEqualTo(url);

        HttpResponse<String> ics = fetch(url);
        assertThat(ics.statusCode()).isEqualTo(200);
        assertThat(ics.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
        String body = ics.body().replace("\r\n ", "");
        assertThat(body).contains("BEGIN:VCALENDAR").contains("X-WR-CALNAME:Convene: your events")
                .contains("SUMMARY:Confirmed workshop").contains("SUMMARY:Waitlist: Full film night").contains("STATUS:TENTATIVE")
                .contains("SUMMARY:Ada's own meeting").contains("You host this event").contains("SUMMARY:Co-hosted party")
                .contains("You co-host this event").contains("SUMMARY:Last month's workshop")
                .contains("UID:event-" + confirmed + "@localhost")
                .doesNotContain("Cancelled social").doesNotContain("Somebody else's event").doesNotContain("Last year's workshop");
        assertThat(body.split("BEGIN:VEVENT", -1)).hasSize(6);

        // Bob's feed has Bob's events and none of Ada's own.
        String bobs = fetch(WebClient.json(call("GET", "/api/v1/my/calendar", bob, null), 200).get("url").asText()).body();
        assertThat(bobs).contains("SUMMARY:Full film night").contains("SUMMARY:Somebody else's event").doesNotContain("Ada's own meeting")
                .doesNotContain("Waitlist:");

        // Unknown, altered or another person's id with Ada's signature: a plain 404 that says nothing more.
        String token = url.substring(url.lastIndexOf('/') + 1, url.length() - ".ics".length());
        for (String wrong : new String[] {"nonsense", "999999-" + token.substring(token.indexOf('-') + 1),
                bobId + "-" + token.substring(token.indexOf('-') + 1),
                token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A")}) {
            HttpResponse<String> refused = fetch("http://localhost/calendar/" + wrong + ".ics");
            assertThat(refused.statusCode()).as(wrong).isEqualTo(404);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).as(wrong).startsWith("text/plain");
            assertThat(refused.body()).as(wrong).contains("not valid").doesNotContain("Ada");
        }

        // A reset: the new address works, the old one no longer does.
        String reset = WebClient.json(call("POST", "/api/v1/my/calendar/reset", ada, null), 200).get("url").asText();
        assertThat(reset).isNotEqualTo(url);
        assertThat(fetch(url).statusCode()).isEqualTo(404);
        assertThat(fetch(reset).body()).contains("SUMMARY:Confirmed workshop");
        assertThat(WebClient.json(call("GET", "/api/v1/my/calendar", ada, null), 200).get("url").asText()).isEqualTo(reset);

        // Cancelling drops the event out of the feed.
        WebClient.json(call("DELETE", "/api/v1/events/" + confirmed + "/registration", ada, null), 200);
        assertThat(fetch(reset).body()).doesNotContain("Confirmed workshop");
    }

    @Test
    void aRequestToJoinCommunitysEventsLeaveTheFeedWithTheMember() throws Exception {
        long closed = WebClient.json(call("POST", "/api/v1/communities", bob, "{\"name\": \"Closed feeds\", \"problem\": \"Private\", "
                + "\"joining\": \"request\"}"), 201).get("id").asLong();
        long adaId = app.jdbi().withHandle(h -> h.createQuery("SELECT id FROM people WHERE email = 'ada@feed.example'").mapTo(Long.class).one());
        call("POST", "/api/v1/communities/" + closed + "/membership", ada, null);
        WebClient.json(call("PUT", "/api/v1/communities/" + closed + "/members/" + adaId, bob, "{\"status\": \"active\"}"), 200);
        long secret = WebClient.json(call("POST", "/api/v1/communities/" + closed + "/events", bob, "{\"title\": \"Members-only supper\", "
                + "\"date\": \"2030-03-06\", \"startTime\": \"18:30\", \"endTime\": \"20:30\", \"location\": \"The Hub\"}"), 201)
                .get("id").asLong();
        WebClient.json(call("POST", "/api/v1/events/" + secret + "/registration", ada, "{}"), 201);
        String url = WebClient.json(call("GET", "/api/v1/my/calendar", ada, null), 200).get("url").asText();
        assertThat(fetch(url).body()).contains("Members-only supper");
        call("DELETE", "/api/v1/communities/" + closed + "/membership", ada, null);
        assertThat(fetch(url).body()).doesNotContain("Members-only supper");
    }

    @Test
    void thePageShowsTheAddressAndGetsANewOne() throws Exception {
        WebClient page = app.client();
        page.signIn("bob@feed.example", TestApp.PASSWORD);
        String before = page.get("/events/calendar").body();
        String url = WebClient.json(call("GET", "/api/v1/my/calendar", bob, null), 200).get("url").asText();
        assertThat(before).contains("Your calendar feed").contains(url).contains("webcal://").contains("Get a new address");
        assertThat(page.get("/events").body()).contains("/events/calendar");
        HttpResponse<String> reset = page.post("/events/calendar/reset", Map.of());
        assertThat(reset.statusCode()).isEqualTo(302);
        assertThat(reset.headers().firstValue("Location").orElse("")).isEqualTo("/events/calendar");
        String after = page.get("/events/calendar").body();
        assertThat(after).doesNotContain(url).contains("the old one no longer works");
        assertThat(fetch(url).statusCode()).isEqualTo(404);
    }
}
