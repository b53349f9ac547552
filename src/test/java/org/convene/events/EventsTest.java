package org.convene.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.convene.accounts.Role;
import org.convene.testing.TestApp;
import org.convene.testing.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Events through the API and the pages: places counted with guests ("2/3"), the waitlist promoted
 * in order when someone cancels (with an email to the promoted person), check-in, the CSV export
 * and the calendar file; who may create and see events; bad input refused.
 */
class EventsTest {
    private static TestApp app;
    private static String host;
    private static String a;
    private static String b;
    private static String c;
    private static String outsider;
    private static long openCommunity;
    private static long closedCommunity;
    private static long bId;

    @BeforeAll
    static void start() throws Exception {
        app = TestApp.start();
        app.person("Hana Host", "hana@events.example", "housing", Role.PARTICIPANT);
        app.person("Abe A", "abe@events.example", "acute", Role.PARTICIPANT);
        bId = app.person("Bea B", "bea@events.example", "primary", Role.PARTICIPANT).id();
        app.person("Cal C", "cal@events.example", "vcse", Role.PARTICIPANT);
        app.person("Oli Out", "oli@events.example", "vcse", Role.PARTICIPANT);
        host = app.token("hana@events.example");
        a = app.token("abe@events.example");
        b = app.token("bea@events.example");
        c = app.token("cal@events.example");
        outsider = app.token("oli@events.example");
        openCommunity = WebClient.json(call("POST", "/api/v1/communities", host, "{\"name\": \"Film club\", \"problem\": \"Talking about care through film\"}"), 201)
                .get("id").asLong();
        closedCommunity = WebClient.json(call("POST", "/api/v1/communities", host,
                "{\"name\": \"Closed circle\", \"problem\": \"A private group\", \"joining\": \"request\"}"), 201).get("id").asLong();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static HttpResponse<String> call(String method, String path, String token, String json) {
        return WebClient.api(app, method, path, token, json);
    }

    private static String event(String title, int capacity, int guests) {
        return "{\"title\": \"" + title + "\", \"kind\": \"film_club\", \"date\": \"2030-03-05\", \"startTime\": \"18:30\", "
                + "\"endTime\": \"20:30\", \"location\": \"Leeds Central Library\", \"capacity\": " + capacity + ", \"maxGuests\": " + guests
                + ", \"question\": \"Any access needs?\"}";
    }

    @Test
    void placesCountGuestsAndTheWaitlistMovesUpWhenSomeoneCancels() throws Exception {
        JsonNode created = WebClient.json(call("POST", "/api/v1/communities/" + openCommunity + "/events", host, event("Ken Loach night", 3, 1)), 201);
        long id = created.get("id").asLong();
        assertThat(created.get("startsAt").asText()).isEqualTo("2030-03-05T18:30:00Z");

        assertThat(WebClient.json(call("POST", "/api/v1/events/" + id + "/registration", a, "{\"guests\": 1, \"answer\": \"Step-free access\"}"), 201)
                .get("status").asText()).isEqualTo("confirmed");
        assertThat(call("POST", "/api/v1/events/" + id + "/registration", a, "{}").statusCode()).as("once").isEqualTo(409);
        assertThat(call("POST", "/api/v1/events/" + id + "/registration", b, "{\"guests\": 2}").statusCode()).as("one guest at most").isEqualTo(422);
        assertThat(WebClient.json(call("POST", "/api/v1/events/" + id + "/registration", b, "{\"guests\": 1}"), 201)
                .get("status").asText()).as("2 + 2 > 3").isEqualTo("waitlisted");
        assertThat(WebClient.json(call("POST", "/api/v1/events/" + id + "/registration", c, "{}"), 201)
                .get("status").asText()).as("after someone already waiting").isEqualTo("waitlisted");
        JsonNode shown = WebClient.json(call("GET", "/api/v1/events/" + id, outsider, null), 200);
        assertThat(shown.get("event").get("taken").asInt()).isEqualTo(2);
        assertThat(shown.get("event").get("waiting").asInt()).isEqualTo(2);
        assertThat(shown.get("when").asText()).isEqualTo("Tuesday 5 March 2030, 18:30 to 20:30 (Europe/London)");

        // Abe and guest cancel, freeing 2 of 3 places: Bea (with a guest) is promoted first and emailed, then Cal fits the last.
        assertThat(WebClient.json(call("DELETE", "/api/v1/events/" + id + "/registration", a, null), 200).get("promoted").asInt()).isEqualTo(2);
        JsonNode regs = WebClient.json(call("GET", "/api/v1/events/" + id + "/registrations", host, null), 200);
        assertThat(regs.toString()).contains("\"name\":\"Bea B\"");
        assertThat(status(regs, "Bea B")).isEqualTo("confirmed");
        assertThat(status(regs, "Cal C")).isEqualTo("confirmed");
        assertThat(WebClient.json(call("GET", "/api/v1/events/" + id, host, null), 200).get("event").get("taken").asInt()).isEqualTo(3);
        String email = app.jdbi().withHandle(h -> h.createQuery("SELECT body FROM outbox WHERE recipient = 'bea@events.example'")
                .mapTo(String.class).one());
        assertThat(email).contains("A place has come up at Ken Loach night").contains("with 1 guest").contains("/events/" + id);
        assertThat(call("GET", "/api/v1/events/" + id + "/registrations", b, null).statusCode()).isEqualTo(403);

        // Check-in, CSV and calendar.
        assertThat(WebClient.json(call("PUT", "/api/v1/events/" + id + "/registrations/" + bId + "/check-in", host, "{\"arrived\": true}"), 200)
                .get("checkedInAt").isNull()).isFalse();
        WebClient page = app.client();
        page.signIn("hana@events.example", TestApp.PASSWORD);
        HttpResponse<String> csv = page.get("/events/" + id + "/registrations.csv");
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("name,email,status,guests,answer,registered_at,checked_in_at").contains("Abe A,abe@events.example,cancelled,1,Step-free access");
        String ics = page.get("/events/" + id + "/event.ics").body();
        assertThat(ics).contains("BEGIN:VEVENT").contains("SUMMARY:Ken Loach night").contains("DTSTART:20300305T183000Z");
    }

    private static String status(JsonNode registrations, String name) {
        for (JsonNode r : registrations) {
            if (r.get("name").asText().equals(name)) {
                return r.get("status").asText();
            }
        }
        return null;
    }

    @Test
    void placesAreNeverGivenTwiceWhenManyRegisterAtOnce() throws Exception {
        long id = WebClient.json(call("POST", "/api/v1/communities/" + openCommunity + "/events", host, event("Popular workshop", 5, 0)), 201)
                .get("id").asLong();
        java.util.List<Long> people = app.jdbi().withHandle(h -> {
            java.util.List<Long> ids = new java.util.ArrayList<>();
            for (int i = 0; i < 24; i++) {
                ids.add(h.createUpdate("INSERT INTO people (full_name, sector_code, visibility) VALUES (:n, 'acute', 'everyone')")
                        .bind("n", "Rusher " + i).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
            }
            return ids;
        });
        Events events = new Events(app.jdbi(), "http://localhost");
        Event event = events.get(id);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<Registration>> results = new java.util.ArrayList<>();
            for (long person : people) {
                results.add(pool.submit(() -> events.register(id, person, new RegistrationInput(0, "").validated(event))));
            }
            long confirmed = 0;
            for (var r : results) {
                confirmed += Registration.CONFIRMED.equals(r.get().status()) ? 1 : 0;
            }
            assertThat(confirmed).isEqualTo(5);
        } finally {
            pool.shutdown();
        }
        assertThat(events.get(id).taken()).isEqualTo(5);
        assertThat(events.get(id).waiting()).isEqualTo(19);
    }

    @Test
    void aWholeCommunityIsInvitedAtOnceAndNobodyTwice() throws Exception {
        long community = WebClient.json(call("POST", "/api/v1/communities", host, "{\"name\": \"Invitees\", \"problem\": \"Asking everyone\"}"), 201)
                .get("id").asLong();
        WebClient.json(call("POST", "/api/v1/communities/" + community + "/membership", a, null), 201);
        WebClient.json(call("POST", "/api/v1/communities/" + community + "/membership", b, null), 201);
        long id = WebClient.json(call("POST", "/api/v1/communities/" + community + "/events", host, event("Open day", 10, 0)), 201).get("id").asLong();
        WebClient.json(call("POST", "/api/v1/events/" + id + "/registration", a, "{}"), 201);

        JsonNode sent = WebClient.json(call("POST", "/api/v1/events/" + id + "/invitations", host, "{\"community\": " + community + "}"), 200);
        assertThat(sent.get("invited").asInt()).as("the host and Bea; Abe is registered").isEqualTo(2);
        assertThat(sent.get("skipped").asInt()).isEqualTo(1);
        assertThat(WebClient.json(call("POST", "/api/v1/events/" + id + "/invitations", host, "{\"community\": " + community + "}"), 200)
                .get("invited").asInt()).as("nobody twice").isZero();
        String body = app.jdbi().withHandle(h -> h.createQuery("SELECT body FROM outbox WHERE recipient = 'bea@events.example' "
                + "AND subject = 'You are invited: Open day'").mapTo(String.class).one());
        assertThat(body).contains("Tuesday 5 March 2030, 18:30 to 20:30").contains("/events/" + id);

        assertThat(call("POST", "/api/v1/events/" + id + "/invitations", b, "{\"community\": " + community + "}").statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/v1/events/" + id + "/invitations", host, "{\"cohort\": 1}").statusCode()).as("programme team").isEqualTo(403);
        assertThat(call("POST", "/api/v1/events/" + id + "/invitations", host, "{}").statusCode()).isEqualTo(422);
        assertThat(call("POST", "/api/v1/events/" + id + "/invitations", host, "{\"community\": " + closedCommunity + "}").statusCode())
                .as("a community the host convenes").isEqualTo(200);
    }

    @Test
    void coHostsRunTheEventAndCoOrganisingMakesTies() throws Exception {
        long id = WebClient.json(call("POST", "/api/v1/communities/" + openCommunity + "/events", host, event("Co-run workshop", 10, 0)), 201)
                .get("id").asLong();
        assertThat(call("GET", "/api/v1/events/" + id + "/registrations", b, null).statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/v1/events/" + id + "/cohosts", b, "{\"person\": " + bId + "}").statusCode()).isEqualTo(403);
        assertThat(WebClient.json(call("POST", "/api/v1/events/" + id + "/cohosts", host, "{\"person\": " + bId + "}"), 201).toString())
                .contains("Bea B");
        assertThat(call("POST", "/api/v1/events/" + id + "/cohosts", host, "{\"person\": " + bId + "}").statusCode()).isEqualTo(409);
        assertThat(call("POST", "/api/v1/events/" + id + "/cohosts", host, "{\"person\": 999999}").statusCode()).isEqualTo(422);
        assertThat(call("GET", "/api/v1/events/" + id + "/registrations", b, null).statusCode()).as("a co-host runs it").isEqualTo(200);
        long ties = app.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM ties WHERE source = 'event' AND source_ref = :r")
                .bind("r", "event:" + id).mapTo(Long.class).one());
        assertThat(ties).isEqualTo(1);
        assertThat(WebClient.json(call("GET", "/api/v1/events/" + id, c, null), 200).get("cohosts").toString()).contains("Bea B");
    }

    @Test
    void whoMayCreateAndSeeEvents() throws Exception {
        assertThat(call("POST", "/api/v1/communities/" + openCommunity + "/events", outsider, event("Not a member", 5, 0)).statusCode())
                .as("members create a community's events").isEqualTo(403);
        assertThat(call("POST", "/api/v1/events", host, event("System-wide", 5, 0)).statusCode()).as("programme team only").isEqualTo(403);
        long closed = WebClient.json(call("POST", "/api/v1/communities/" + closedCommunity + "/events", host, event("Private", 5, 0)), 201)
                .get("id").asLong();
        assertThat(call("GET", "/api/v1/events/" + closed, outsider, null).statusCode()).isEqualTo(404);
        assertThat(call("POST", "/api/v1/events/" + closed + "/registration", outsider, "{}").statusCode()).isEqualTo(404);
        assertThat(WebClient.json(call("GET", "/api/v1/events", outsider, null), 200).toString()).doesNotContain("Private");
        assertThat(WebClient.json(call("GET", "/api/v1/events", host, null), 200).toString()).contains("Private");
    }

    @Test
    void badEventsAreRefusedWithEveryReason() {
        HttpResponse<String> bad = call("POST", "/api/v1/communities/" + openCommunity + "/events", host, "{\"title\": \"\", \"kind\": \"rave\", "
                + "\"date\": \"soon\", \"startTime\": \"20:00\", \"endTime\": \"19:00\", \"timeZone\": \"Mars/Base\", \"onlineUrl\": \"javascript:x\", "
                + "\"capacity\": 0, \"maxGuests\": 11}");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("Enter a title").contains("The kind is one of").contains("year-month-day").contains("Unknown time zone")
                .contains("full https:// address").contains("capacity is a whole number").contains("from 0 to 10");
        assertThat(call("POST", "/api/v1/communities/" + openCommunity + "/events", host, "{\"title\": \"t\", \"date\": \"2030-01-01\", "
                + "\"startTime\": \"10:00\", \"endTime\": \"09:00\", \"location\": \"x\"}").body()).contains("must end after it starts");
        assertThat(call("GET", "/api/v1/events/999999", host, null).statusCode()).isEqualTo(404);
    }

    @Test
    void aMemberCreatesAnEventAndPeopleRegisterOnThePages() {
        WebClient member = app.client();
        member.signIn("hana@events.example", TestApp.PASSWORD);
        member.get("/events/new?community=" + openCommunity);
        HttpResponse<String> missing = member.post("/events", Map.of("community", String.valueOf(openCommunity), "title", ""));
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(missing.body()).contains("Enter a title for the event").contains("Enter the date of the event");
        HttpResponse<String> created = member.post("/events", Map.of("community", String.valueOf(openCommunity), "title", "Winter party",
                "kind", "social", "date", "2030-12-10", "startTime", "19:00", "endTime", "22:00", "timeZone", "Europe/London",
                "location", "The Corn Exchange", "capacity", "1", "maxGuests", "0"));
        assertThat(created.statusCode()).isEqualTo(302);
        long id = WebClient.idFrom(created, "/events/");
        WebClient first = app.client();
        first.signIn("abe@events.example", TestApp.PASSWORD);
        first.get("/events/" + id);
        assertThat(first.post("/events/" + id + "/registration", Map.of()).statusCode()).isEqualTo(302);
        assertThat(first.get("/events/" + id).body()).contains("You are registered").contains("1/1 taken");
        WebClient second = app.client();
        second.signIn("cal@events.example", TestApp.PASSWORD);
        assertThat(second.get("/events/" + id).body()).contains("Join the waitlist");
        assertThat(second.post("/events/" + id + "/registration", Map.of()).statusCode()).isEqualTo(302);
        assertThat(second.get("/events/" + id).body()).contains("You are on the waitlist");
        assertThat(first.post("/events/" + id + "/registration/cancel", Map.of()).statusCode()).isEqualTo(302);
        assertThat(second.get("/events/" + id).body()).contains("You are registered");
        assertThat(member.get("/events?community=" + openCommunity).body()).contains("Winter party").contains("1/1");
    }
}
