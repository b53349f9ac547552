package org.convene.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.convene.accounts.Role;
import org.convene.app.Config;
import org.convene.mail.OutboxDelivery;
import org.convene.mail.SmtpMailSender;
import org.convene.testing.TestApp;
import org.convene.testing.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Notifications end to end: @mentions, following a discussion, community levels, emails at once,
 * digests that never repeat (delivered through a real SMTP server), a request-to-join community's
 * activity reaching only its members, and the pages.
 */
class NotificationsTest {
    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private TestApp app;
    private Notifications notifications;
    private Digests digests;
    private OutboxDelivery delivery;
    private String ann;
    private String bob;
    private String cy;
    private long annId;
    private long bobId;
    private long cyId;

    @BeforeEach
    void people() {
        // The test runs the fan-out, digests and delivery itself; the app's own jobs would race it.
        app = TestApp.startWithoutJobs();
        annId = app.person("Ann Founder", "ann@notes.example", "housing", Role.PARTICIPANT).id();
        bobId = app.person("Bob Member", "bob@notes.example", "acute", Role.PARTICIPANT).id();
        cyId = app.person("Cy Reader", "cy@notes.example", "vcse", Role.PARTICIPANT).id();
        app.person("Dee Outsider", "dee@notes.example", "primary", Role.PARTICIPANT);
        ann = app.token("ann@notes.example");
        bob = app.token("bob@notes.example");
        cy = app.token("cy@notes.example");
        notifications = new Notifications(app.jdbi(), "https://convene.test");
        digests = new Digests(app.jdbi(), "https://convene.test", notifications);
        delivery = new OutboxDelivery(app.jdbi(), new SmtpMailSender(new Config.Smtp("localhost", SMTP.getSmtp().getPort(), "", "",
                "Convene <no-reply@test.example>", false)));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private HttpResponse<String> call(String method, String path, String token, String json) {
        return WebClient.api(app, method, path, token, json);
    }

    private long community(String name, String joining, String... memberTokens) throws Exception {
        long id = WebClient.json(call("POST", "/api/v1/communities", ann,
                "{\"name\": \"" + name + "\", \"problem\": \"A shared problem\", \"joining\": \"" + joining + "\"}"), 201).get("id").asLong();
        for (String token : memberTokens) {
            call("POST", "/api/v1/communities/" + id + "/membership", token, null);
        }
        return id;
    }

    private long startDiscussion(long community, String token, String title, String body) throws Exception {
        return WebClient.json(call("POST", "/api/v1/communities/" + community + "/discussions", token,
                "{\"title\": \"" + title + "\", \"body\": \"" + body + "\"}"), 201).get("discussion").get("id").asLong();
    }

    private JsonNode list(String token) throws Exception {
        return WebClient.json(call("GET", "/api/v1/notifications", token, null), 200);
    }

    private List<String> reasons(String token) throws Exception {
        JsonNode list = list(token);
        String[] reasons = new String[list.size()];
        for (int i = 0; i < list.size(); i++) {
            reasons[i] = list.get(i).get("reason").asText() + ":" + list.get(i).get("title").asText();
        }
        return Arrays.asList(reasons);
    }

    private List<String> outboxSubjects(String recipient) {
        return app.jdbi().withHandle(h -> h.createQuery("SELECT subject FROM outbox WHERE recipient = :r ORDER BY id")
                .bind("r", recipient).mapTo(String.class).list());
    }

    private static String to(MimeMessage m) {
        try {
            return GreenMailUtil.getAddressList(m.getAllRecipients());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void mentionsFollowersAndLevelsDecideWhoHearsWhat() throws Exception {
        long c = community("Discharge to home", "open", bob, cy);
        // Cy only wants mentions and the discussions she follows.
        assertThat(WebClient.json(call("PUT", "/api/v1/communities/" + c + "/notifications", cy, "{\"level\": \"mentions\"}"), 200)
                .get("level").asText()).isEqualTo("mentions");
        assertThat(call("PUT", "/api/v1/communities/" + c + "/notifications", cy, "{\"level\": \"loud\"}").statusCode()).isEqualTo(422);

        long d = startDiscussion(c, bob, "Friday discharges", "Over to @Ann Founder, and @Dee Outsider who is not a member");
        assertThat(notifications.fanOutDue(10)).isEqualTo(1);
        assertThat(reasons(ann)).containsExactly("mention:Friday discharges");
        assertThat(reasons(cy)).as("mentions level: a new discussion is not for her").isEmpty();
        assertThat(reasons(bob)).as("nobody hears of their own post").isEmpty();
        int toDee = app.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM notifications n JOIN people p ON p.id = n.person_id "
                + "WHERE p.full_name = 'Dee Outsider'").mapTo(Integer.class).one());
        assertThat(toDee).as("only members are mentioned").isZero();
        JsonNode post = WebClient.json(call("GET", "/api/v1/discussions/" + d, ann, null), 200).get("posts").get(0);
        assertThat(post.get("html").asText()).contains("<a href=\"/people/" + annId + "\" class=\"convene-mention\">@Ann Founder</a>")
                .contains("@Dee Outsider").doesNotContain("convene-mention\">@Dee");
        assertThat(outboxSubjects("ann@notes.example")).containsExactly("Bob Member mentioned you in “Friday discharges”");

        // Cy follows; Ann replies: Bob (who started it, so follows it) and Cy hear of the reply, Ann does not.
        assertThat(WebClient.json(call("PUT", "/api/v1/discussions/" + d + "/follow", cy, null), 200).get("following").asBoolean()).isTrue();
        WebClient.json(call("POST", "/api/v1/discussions/" + d + "/posts", ann, "{\"body\": \"Yes, let us try it on the ward\"}"), 201);
        notifications.fanOutDue(10);
        assertThat(reasons(bob)).containsExactly("reply:Friday discharges");
        assertThat(reasons(cy)).containsExactly("reply:Friday discharges");
        assertThat(reasons(ann)).hasSize(1);
        assertThat(outboxSubjects("cy@notes.example")).containsExactly("Ann Founder replied in “Friday discharges”");

        // Bob turns emails at once off; Cy stops following and hears nothing more.
        WebClient.json(call("PUT", "/api/v1/notifications/settings", bob, "{\"digest\": \"weekly\", \"instant\": false}"), 200);
        WebClient.json(call("DELETE", "/api/v1/discussions/" + d + "/follow", cy, null), 200);
        WebClient.json(call("POST", "/api/v1/discussions/" + d + "/posts", ann, "{\"body\": \"And on Saturdays\"}"), 201);
        notifications.fanOutDue(10);
        assertThat(reasons(bob)).hasSize(2);
        assertThat(outboxSubjects("bob@notes.example")).hasSize(1);
        assertThat(reasons(cy)).hasSize(1);

        // Marking read: the count falls, bad input is refused.
        assertThat(list(bob).get(0).get("read").asBoolean()).isFalse();
        JsonNode marked = WebClient.json(call("POST", "/api/v1/notifications/read", bob, "{\"ids\": [" + list(bob).get(0).get("id") + "]}"), 200);
        assertThat(marked.get("marked").asInt()).isEqualTo(1);
        assertThat(marked.get("unread").asInt()).isEqualTo(1);
        assertThat(call("POST", "/api/v1/notifications/read", bob, "{}").statusCode()).isEqualTo(422);
        assertThat(WebClient.json(call("GET", "/api/v1/notifications?unread=true", bob, null), 200)).hasSize(1);
        assertThat(WebClient.json(call("GET", "/api/v1/notifications/settings", bob, null), 200).get("digest").asText()).isEqualTo("weekly");
        assertThat(call("PUT", "/api/v1/notifications/settings", bob, "{\"digest\": \"hourly\"}").statusCode()).isEqualTo(422);
    }

    @Test
    void eventsAndIdeasReachMembersAtTheirLevel() throws Exception {
        long c = community("Carers' circle", "open", bob, cy);
        call("PUT", "/api/v1/communities/" + c + "/notifications", cy, "{\"level\": \"off\"}");
        WebClient.json(call("POST", "/api/v1/communities/" + c + "/ideas", bob, "{\"title\": \"A carers' cafe\", \"description\": \"Weekly\"}"), 201);
        WebClient.json(call("POST", "/api/v1/communities/" + c + "/events", bob, "{\"title\": \"Cafe launch\", \"kind\": \"social\", "
                + "\"date\": \"2031-05-01\", \"startTime\": \"18:00\", \"endTime\": \"20:00\", \"location\": \"The library\"}"), 201);
        assertThat(notifications.fanOutDue(10)).isEqualTo(2);
        assertThat(reasons(ann)).containsExactly("event:Cafe launch", "idea:A carers' cafe");
        assertThat(reasons(cy)).isEmpty();
        assertThat(list(ann).get(0).get("path").asText()).startsWith("/events/");
    }

    @Test
    void aRequestToJoinCommunityReachesOnlyItsMembersAndDigestsDropWhatALeaverMayNoLongerSee() throws Exception {
        long c = community("Safeguarding leads", "request", bob, cy);
        WebClient.json(call("PUT", "/api/v1/communities/" + c + "/members/" + bobId, ann, "{\"status\": \"active\"}"), 200);
        startDiscussion(c, ann, "A hard case", "Thoughts from @Bob Member and @Cy Reader please");
        notifications.fanOutDue(10);
        assertThat(reasons(bob)).containsExactly("mention:A hard case");
        assertThat(reasons(cy)).as("Cy has only asked to join").isEmpty();

        startDiscussion(c, ann, "Another case", "More");
        notifications.fanOutDue(10);
        assertThat(reasons(bob)).hasSize(2);
        call("DELETE", "/api/v1/communities/" + c + "/membership", bob, null);
        assertThat(list(bob)).as("gone with the membership").isEmpty();
        Digests.Run run = digests.runDue(Instant.now());
        assertThat(run.dropped()).isEqualTo(1);
        assertThat(outboxSubjects("bob@notes.example")).as("only the mention, emailed at once before he left").hasSize(1);
    }

    @Test
    void digestsCarryEachItemOnceThroughRealSmtp() throws Exception {
        long c = community("Frailty", "open", bob, cy);
        call("PUT", "/api/v1/notifications/settings", cy, "{\"digest\": \"weekly\"}");
        startDiscussion(c, bob, "Falls at home", "What works?");
        startDiscussion(c, bob, "Hydration", "Ideas for summer");
        notifications.fanOutDue(10);

        Instant now = Instant.now();
        Digests.Run first = digests.runDue(now);
        assertThat(first.digests()).as("Ann and Cy").isEqualTo(2);
        assertThat(first.items()).isEqualTo(4);
        assertThat(delivery.deliverDue(100)).isEqualTo(2);
        MimeMessage[] received = SMTP.getReceivedMessages();
        MimeMessage toAnn = Arrays.stream(received).filter(m -> to(m).contains("ann@notes.example"))
                .findFirst().orElseThrow();
        assertThat(toAnn.getSubject()).isEqualTo("Your Convene digest: 2 new items");
        String body = GreenMailUtil.getBody(toAnn).replace("=\r\n", "").replace("=3D", "=");
        assertThat(body).contains("Frailty").contains("started a discussion").contains("Falls at home").contains("Hydration")
                .contains("https://convene.test/discussions/").contains("https://convene.test/notifications/settings");

        assertThat(digests.runDue(now).digests()).as("nothing twice").isZero();
        startDiscussion(c, bob, "Night sitting", "Who offers it?");
        notifications.fanOutDue(10);
        assertThat(digests.runDue(now.plus(Duration.ofHours(2))).digests()).as("not a day yet").isZero();
        Digests.Run nextDay = digests.runDue(now.plus(Duration.ofDays(1)));
        assertThat(nextDay.digests()).as("Ann's daily; Cy's weekly waits").isEqualTo(1);
        assertThat(nextDay.items()).isEqualTo(1);
        assertThat(digests.runDue(now.plus(Duration.ofDays(7))).digests()).isEqualTo(1);
        delivery.deliverDue(100);
        assertThat(Arrays.stream(SMTP.getReceivedMessages()).filter(m -> GreenMailUtil.getBody(m).contains("Night sitting"))).hasSize(2);

        // Read in the app, not in a digest.
        startDiscussion(c, bob, "Loneliness", "A shared problem");
        notifications.fanOutDue(10);
        notifications.markRead(annId, null);
        assertThat(digests.runDue(now.plus(Duration.ofDays(14))).digests()).as("Cy only").isEqualTo(1);
    }

    @Test
    void thePagesListOpenAndSettleNotifications() throws Exception {
        long c = community("Housing and health", "open", bob);
        long d = startDiscussion(c, bob, "Damp homes", "Over to @Ann Founder");
        notifications.fanOutDue(10);
        WebClient page = app.client();
        page.signIn("ann@notes.example", TestApp.PASSWORD);
        HttpResponse<String> list = page.get("/notifications");
        assertThat(list.body()).contains("Bob Member mentioned you in “Damp homes”").contains("1<span class=\"govuk-visually-hidden\"> unread");
        long id = list(ann).get(0).get("id").asLong();
        HttpResponse<String> open = page.get("/notifications/" + id);
        assertThat(open.statusCode()).isEqualTo(302);
        assertThat(open.headers().firstValue("Location")).hasValue("/discussions/" + d);
        assertThat(list(ann).get(0).get("read").asBoolean()).isTrue();
        assertThat(page.get("/notifications/999999").statusCode()).isEqualTo(404);

        page.get("/notifications/settings");
        assertThat(page.post("/notifications/settings", Map.of("digest", "yearly")).statusCode()).isEqualTo(422);
        page.get("/notifications/settings");
        assertThat(page.post("/notifications/settings", Map.of("digest", "weekly", "level-" + c, "all")).statusCode()).isEqualTo(302);
        Settings saved = notifications.settings(annId);
        assertThat(saved.digest()).isEqualTo("weekly");
        assertThat(saved.instant()).as("the box was left unticked").isFalse();
        assertThat(saved.communities()).extracting(Settings.CommunityLevel::level).containsExactly("all");

        page.get("/discussions/" + d);
        assertThat(page.post("/discussions/" + d + "/follow", Map.of("follow", "true")).statusCode()).isEqualTo(302);
        assertThat(page.get("/discussions/" + d).body()).contains("Stop following");

        // A reply's notification leads to the post, on the page of the discussion that shows it.
        long reply = WebClient.json(call("POST", "/api/v1/discussions/" + d + "/posts", bob, "{\"body\": \"Mould in two flats\"}"), 201)
                .get("id").asLong();
        notifications.fanOutDue(10);
        assertThat(list(ann).get(0).get("path").asText()).isEqualTo("/posts/" + reply);
        assertThat(page.get("/posts/" + reply).headers().firstValue("Location")).hasValue("/discussions/" + d + "?page=1#post-" + reply);
        assertThat(page.get("/posts/99999999").statusCode()).isEqualTo(404);
    }

    @Test
    void notificationsGoWithThePersonAndWithWhatTheyAreAbout() throws Exception {
        long c = community("Respiratory", "open", bob, cy);
        startDiscussion(c, bob, "Inhaler technique", "Tips?");
        long event = WebClient.json(call("POST", "/api/v1/communities/" + c + "/events", bob, "{\"title\": \"Spirometry day\", "
                + "\"kind\": \"workshop\", \"date\": \"2031-05-01\", \"startTime\": \"10:00\", \"endTime\": \"12:00\", "
                + "\"location\": \"Clinic\"}"), 201).get("id").asLong();
        notifications.fanOutDue(10);
        assertThat(reasons(cy)).hasSize(2);
        app.jdbi().useHandle(h -> h.execute("DELETE FROM events WHERE id = ?", event));
        assertThat(reasons(cy)).containsExactly("discussion:Inhaler technique");
        app.jdbi().useHandle(h -> {
            h.execute("DELETE FROM accounts WHERE person_id = ?", cyId);
            h.execute("DELETE FROM people WHERE id = ?", cyId);
        });
        int left = app.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM notifications WHERE person_id = :p").bind("p", cyId)
                .mapTo(Integer.class).one());
        assertThat(left).isZero();
    }
}
