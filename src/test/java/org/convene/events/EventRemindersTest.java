package org.convene.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.convene.accounts.Role;
import org.convene.app.Config;
import org.convene.mail.OutboxDelivery;
import org.convene.mail.SmtpMailSender;
import org.convene.testing.TestApp;
import org.convene.testing.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Reminders before an event: one email per confirmed registration when the lead time comes, with
 * when, where, the online link, the event's page and the calendar file, through a real SMTP server;
 * never for the waitlist, a cancelled registration, someone whose place was confirmed within the
 * lead time, or an event without a reminder; exactly once however many job runs race for it, and a
 * claim that was rolled back (a crash) is sent by the next run.
 */
@Tag("db")
class EventRemindersTest {
    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private TestApp app;
    private Reminders reminders;
    private String host;
    private long community;

    @BeforeEach
    void start() throws Exception {
        // The test runs the reminder job itself; the app's own would race it for the same rows.
        app = TestApp.startWithoutJobs();
        reminders = new Reminders(app.jdbi(), "https://convene.test");
        app.person("Hana Host", "hana@remind.example", "housing", Role.PARTICIPANT);
        host = app.token("hana@remind.example");
        community = WebClient.json(call("POST", "/api/v1/communities", host, "{\"name\": \"Reminded\", \"problem\": \"Forgetting to come\"}"), 201)
                .get("id").asLong();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private HttpResponse<String> call(String method, String path, String token, String json) {
        return WebClient.api(app, method, path, token, json);
    }

    private String person(String name) {
        String email = name.toLowerCase().replace(' ', '.') + "@remind.example";
        app.person(name, email, "acute", Role.PARTICIPANT);
        return app.token(email);
    }

    private long event(String title, Integer capacity, String reminder) throws Exception {
        return WebClient.json(call("POST", "/api/v1/communities/" + community + "/events", host, "{\"title\": \"" + title
                + "\", \"date\": \"2030-03-05\", \"startTime\": \"18:30\", \"endTime\": \"20:30\", \"location\": \"Leeds Central Library\", "
                + "\"onlineUrl\": \"https://meet.example/room\", \"maxGuests\": 1, \"capacity\": " + capacity
                + (reminder == null ? "" : ", \"reminderHours\": " + reminder) + "}"), 201).get("id").asLong();
    }

    private void register(long event, String token, String json, String status) throws Exception {
        assertThat(WebClient.json(call("POST", "/api/v1/events/" + event + "/registration", token, json), 201).get("status").asText())
                .isEqualTo(status);
    }

    /** Time passes: the event now starts in {@code hours} hours, and everyone so far registered two days ago. */
    private void startsIn(long event, int hours) {
        app.jdbi().useHandle(h -> {
            h.createUpdate("UPDATE events SET starts_at = now() + make_interval(hours => :h), ends_at = now() + make_interval(hours => :h + 2) "
                    + "WHERE id = :e").bind("h", hours).bind("e", event).execute();
            h.createUpdate("UPDATE registrations SET registered_at = now() - interval '2 days' WHERE event_id = :e").bind("e", event).execute();
        });
    }

    private List<String> remindedTo(long event) {
        return app.jdbi().withHandle(h -> h.createQuery("SELECT recipient FROM outbox WHERE subject LIKE 'Reminder: ' || "
                + "(SELECT title FROM events WHERE id = :e) || ',%' ORDER BY recipient").bind("e", event).mapTo(String.class).list());
    }

    private static String text(MimeMessage m) throws Exception {
        return ((Multipart) m.getContent()).getBodyPart(0).getContent().toString();
    }

    @Test
    void confirmedPlacesAreRemindedOnceWithTheDetailsButNotTheWaitlistTheCancelledOrLatecomers() throws Exception {
        String abe = person("Abe Early");
        String bea = person("Bea Cancels");
        String cal = person("Cal Waits");
        String dot = person("Dot Promoted");
        String eve = person("Eve Early");
        long id = event("Ken Loach night", 4, null);
        assertThat(WebClient.json(call("GET", "/api/v1/events/" + id, host, null), 200).get("event").get("reminderHours").asInt())
                .as("24 hours unless the host says").isEqualTo(24);
        register(id, abe, "{\"guests\": 1}", "confirmed");
        register(id, bea, "{}", "confirmed");
        register(id, eve, "{}", "confirmed");
        register(id, dot, "{}", "waitlisted");
        register(id, cal, "{}", "waitlisted");
        startsIn(id, 30);
        assertThat(reminders.sendDue()).as("not yet: 30 hours to go").isZero();

        startsIn(id, 20);
        // Bea cancels within the lead time: Dot is promoted now (and emailed about it), so is not reminded as well; Cal still waits.
        WebClient.json(call("DELETE", "/api/v1/events/" + id + "/registration", bea, null), 200);
        String fay = person("Fay Latecomer");
        WebClient.json(call("POST", "/api/v1/communities/" + community + "/membership", fay, null), 201);
        long open = event("Open evening", null, null);
        register(open, abe, "{}", "confirmed");
        startsIn(open, 20);
        register(open, fay, "{}", "confirmed");

        assertThat(reminders.sendDue()).isEqualTo(3);
        assertThat(reminders.sendDue()).as("exactly once").isZero();
        assertThat(remindedTo(id)).containsExactly("abe.early@remind.example", "eve.early@remind.example");
        assertThat(remindedTo(open)).as("Fay registered after the reminder time").containsExactly("abe.early@remind.example");

        OutboxDelivery delivery = new OutboxDelivery(app.jdbi(), new SmtpMailSender(new Config.Smtp("localhost", SMTP.getSmtp().getPort(), "", "",
                "Convene <no-reply@test.example>", false)));
        delivery.deliverDue(100);
        MimeMessage toAbe = null;
        for (MimeMessage m : SMTP.getReceivedMessages()) {
            if (m.getSubject().startsWith("Reminder: Ken Loach night") && GreenMailUtil.getAddressList(m.getAllRecipients()).contains("abe.early")) {
                toAbe = m;
            }
        }
        assertThat(toAbe).isNotNull();
        String body = text(toAbe);
        Event e = new Events(app.jdbi(), "x").get(id);
        assertThat(body).contains("Hello Abe Early").contains("with 1 guest").contains("When: " + EventDates.when(e))
                .contains("Where: Leeds Central Library").contains("Online: https://meet.example/room")
                .contains("https://convene.test/events/" + id).contains("cancel");
        Multipart parts = (Multipart) toAbe.getContent();
        assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("event.ics");
        assertThat(new String(parts.getBodyPart(1).getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("SUMMARY:Ken Loach night");
    }

    @Test
    void theHostChoosesTheLeadTimeOrNoneOnCreateAndLater() throws Exception {
        String abe = person("Abe Attendee");
        WebClient.json(call("POST", "/api/v1/communities/" + community + "/membership", abe, null), 201);
        long none = event("No reminder please", null, "0");
        assertThat(WebClient.json(call("GET", "/api/v1/events/" + none, abe, null), 200).get("event").get("reminderHours").isNull()).isTrue();
        long twoHours = event("Two hours ahead", null, "2");
        register(none, abe, "{}", "confirmed");
        register(twoHours, abe, "{}", "confirmed");
        startsIn(none, 3);
        startsIn(twoHours, 3);
        assertThat(reminders.sendDue()).as("none, and 2 hours not yet").isZero();

        assertThat(call("PUT", "/api/v1/events/" + twoHours + "/reminder", abe, "{\"hours\": 4}").statusCode()).as("host only").isEqualTo(403);
        assertThat(call("PUT", "/api/v1/events/" + twoHours + "/reminder", host, "{\"hours\": 169}").statusCode()).isEqualTo(422);
        assertThat(call("PUT", "/api/v1/events/" + twoHours + "/reminder", host, "{}").statusCode()).isEqualTo(422);
        assertThat(call("POST", "/api/v1/communities/" + community + "/events", host, "{\"title\": \"t\", \"date\": \"2030-01-01\", "
                + "\"startTime\": \"10:00\", \"endTime\": \"11:00\", \"location\": \"x\", \"reminderHours\": -1}").body())
                .contains("from 1 to 168 hours");
        assertThat(WebClient.json(call("PUT", "/api/v1/events/" + twoHours + "/reminder", host, "{\"hours\": 4}"), 200)
                .get("reminderHours").asInt()).isEqualTo(4);
        assertThat(reminders.sendDue()).isEqualTo(1);
        assertThat(WebClient.json(call("PUT", "/api/v1/events/" + twoHours + "/reminder", host, "{\"hours\": 5}"), 200)
                .get("reminderHours").asInt()).isEqualTo(5);
        assertThat(reminders.sendDue()).as("a registration is reminded once, whatever the host changes later").isZero();

        // On the pages: the form offers the lead time, and the host changes it on the event's page.
        WebClient page = app.client();
        page.signIn("hana@remind.example", TestApp.PASSWORD);
        assertThat(page.get("/events/new?community=" + community).body()).contains("Reminder email").contains("24 hours before");
        HttpResponse<String> created = page.post("/events", Map.of("community", String.valueOf(community), "title", "Page event",
                "kind", "social", "date", "2030-12-10", "startTime", "19:00", "endTime", "22:00", "timeZone", "Europe/London",
                "location", "The Corn Exchange", "maxGuests", "0", "reminderHours", "48"));
        long pageEvent = WebClient.idFrom(created, "/events/");
        assertThat(new Events(app.jdbi(), "x").get(pageEvent).reminderHours()).isEqualTo(48);
        assertThat(page.get("/events/" + pageEvent).body()).contains("2 days before it starts");
        assertThat(page.post("/events/" + pageEvent + "/reminder", Map.of("reminderHours", "0")).statusCode()).isEqualTo(302);
        assertThat(new Events(app.jdbi(), "x").get(pageEvent).reminderHours()).isNull();
        assertThat(page.post("/events/" + pageEvent + "/reminder", Map.of("reminderHours", "500")).statusCode()).isEqualTo(422);
    }

    @Test
    void jobRunsRacingEachOtherSendEachReminderOnce() throws Exception {
        long id = event("Big assembly", null, null);
        int people = 700;
        app.jdbi().useHandle(h -> h.createUpdate("WITH p AS (INSERT INTO people (full_name, email, sector_code, visibility) "
                        + "SELECT 'Person ' || g, 'person' || g || '@crowd.example', 'acute', 'everyone' FROM generate_series(1, :n) g RETURNING id) "
                        + "INSERT INTO registrations (event_id, person_id, status) SELECT :e, id, 'confirmed' FROM p")
                .bind("n", people).bind("e", id).execute());
        startsIn(id, 5);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Reminders instance = new Reminders(app.jdbi(), "https://convene.test");
                runs.add(pool.submit(() -> {
                    go.await();
                    return instance.sendDue();
                }));
            }
            go.countDown();
            int total = 0;
            for (Future<Integer> run : runs) {
                total += run.get();
            }
            assertThat(total).isEqualTo(people);
        } finally {
            pool.shutdown();
        }
        assertThat(reminders.sendDue()).isZero();
        Map<String, Object> counts = app.jdbi().withHandle(h -> h.createQuery("SELECT count(*) AS emails, count(DISTINCT recipient) AS people "
                + "FROM outbox WHERE subject LIKE 'Reminder: Big assembly%'").mapToMap().one());
        assertThat(((Number) counts.get("emails")).intValue()).isEqualTo(people);
        assertThat(((Number) counts.get("people")).intValue()).isEqualTo(people);
    }

    @Test
    void aClaimRolledBackByACrashIsSentByTheNextRun() throws Exception {
        String abe = person("Abe Crash");
        String bea = person("Bea Crash");
        long id = event("Crash test", null, null);
        register(id, abe, "{}", "confirmed");
        register(id, bea, "{}", "confirmed");
        startsIn(id, 5);
        // Another instance has claimed Abe's row and then dies before committing: its lock is held, then rolled back.
        try (Connection other = app.app().database().dataSource().getConnection()) {
            other.setAutoCommit(false);
            try (var s = other.createStatement()) {
                s.execute("SELECT r.id FROM registrations r JOIN people p ON p.id = r.person_id WHERE p.full_name = 'Abe Crash' FOR UPDATE");
                s.execute("UPDATE registrations SET reminded_at = now() FROM people p WHERE p.id = person_id AND p.full_name = 'Abe Crash'");
            }
            assertThat(reminders.sendDue()).as("Abe's row is skipped while claimed, not waited for").isEqualTo(1);
            other.rollback();
        }
        assertThat(reminders.sendDue()).as("the rolled-back claim is sent now").isEqualTo(1);
        assertThat(reminders.sendDue()).isZero();
        assertThat(remindedTo(id)).containsExactly("abe.crash@remind.example", "bea.crash@remind.example");
    }
}
