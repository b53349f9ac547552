package org.convene.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.convene.accounts.Accounts;
import org.convene.accounts.Role;
import org.convene.testing.TestApp;
import org.convene.testing.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("db")
class AuditLogTest {
    private static TestApp app;
    private static String adminToken;
    private static long participantAccount;

    @BeforeAll
    static void start() {
        app = TestApp.startWithoutJobs();
        app.person("Ada Admin", "ada@audit.example", "acute", Role.ADMIN);
        app.person("Pat Part", "pat@audit.example", "housing", Role.PARTICIPANT);
        adminToken = app.token("ada@audit.example");
        participantAccount = new Accounts(app.jdbi()).byEmail("pat@audit.example").orElseThrow().id();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void roleChangesAndExportsAreLoggedWithWhoDidThemAndShownToAdministratorsOnly() throws Exception {
        WebClient admin = app.client();
        admin.signIn("ada@audit.example", TestApp.PASSWORD);
        admin.get("/admin/accounts");
        HttpResponse<String> saved = admin.postPairs("/admin/accounts/" + participantAccount,
                "roles", "participant", "roles", "facilitator", "status", "active");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        // Saving the same roles again changes nothing and logs nothing.
        admin.get("/admin/accounts");
        admin.postPairs("/admin/accounts/" + participantAccount, "roles", "participant", "roles", "facilitator", "status", "active");
        assertThat(admin.get("/transfer/people.csv").statusCode()).isEqualTo(200);

        JsonNode roles = WebClient.json(WebClient.api(app, "GET", "/api/v1/audit?action=account.roles", adminToken, null), 200);
        assertThat(roles.get("total").asLong()).isEqualTo(1);
        JsonNode entry = roles.get("items").get(0);
        assertThat(entry.get("actor").asText()).isEqualTo("ada@audit.example");
        assertThat(entry.get("ip").asText()).isNotBlank();
        assertThat(entry.get("subject").asText()).isEqualTo("account:" + participantAccount);
        assertThat(entry.get("subjectName").asText()).isEqualTo("pat@audit.example");
        assertThat(entry.get("summary").asText()).isEqualTo("Roles changed from Participant to Facilitator, Participant");

        JsonNode exports = WebClient.json(WebClient.api(app, "GET", "/api/v1/audit?action=export&actor=ADA@", adminToken, null), 200);
        assertThat(exports.get("total").asLong()).isEqualTo(1);
        assertThat(exports.get("items").get(0).get("summary").asText()).startsWith("Downloaded convene-people-");

        String page = admin.get("/admin/audit?action=account.roles").body();
        assertThat(page).contains("Roles changed from Participant to Facilitator, Participant").contains("pat@audit.example")
                .doesNotContain("Downloaded convene-people-");

        WebClient participant = app.client();
        participant.signIn("pat@audit.example", TestApp.PASSWORD);
        assertThat(participant.get("/admin/audit").statusCode()).isEqualTo(403);
        assertThat(WebClient.api(app, "GET", "/api/v1/audit", app.token("pat@audit.example"), null).statusCode()).isEqualTo(403);
    }

    @Test
    void tokensMadeAndRevokedAreLoggedWithoutTheTokenItself() throws Exception {
        WebClient pat = app.client();
        pat.signIn("pat@audit.example", TestApp.PASSWORD);
        pat.get("/account");
        HttpResponse<String> made = pat.post("/account/tokens", Map.of("tokenName", "reporting script", "expiresIn", "90"));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        String token = made.body().replaceAll("(?s).*?(cvn_[A-Za-z0-9_-]{20,}).*", "$1");
        long id = app.jdbi().withHandle(h -> h.createQuery("SELECT id FROM api_tokens WHERE name = 'reporting script'")
                .mapTo(Long.class).one());
        pat.get("/account");
        assertThat(pat.post("/account/tokens/" + id + "/revoke", Map.of()).statusCode()).isEqualTo(302);
        pat.get("/account");
        pat.post("/account/tokens/" + id + "/revoke", Map.of()); // revoking again changes nothing and logs nothing

        JsonNode logged = WebClient.json(WebClient.api(app, "GET", "/api/v1/audit?action=account.token&actor=pat@", adminToken, null), 200);
        assertThat(logged.get("total").asLong()).isEqualTo(2);
        String created = logged.get("items").get(1).get("summary").asText();
        String revoked = logged.get("items").get(0).get("summary").asText();
        assertThat(created).startsWith("Created API token 'reporting script' (cvn_").endsWith("expires in 90 days)");
        assertThat(revoked).startsWith("Revoked API token 'reporting script' (cvn_");
        assertThat(logged.get("items").get(0).get("subject").asText()).isEqualTo("account:" + participantAccount);
        assertThat(token).startsWith("cvn_").hasSizeGreaterThan(20);
        assertThat(logged.toString()).doesNotContain(token);
    }

    @Test
    void badFiltersAreRefusedWithAMessage() throws Exception {
        HttpResponse<String> unknown = WebClient.api(app, "GET", "/api/v1/audit?action=nonsense", adminToken, null);
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body()).contains("Unknown action");
        assertThat(WebClient.api(app, "GET", "/api/v1/audit?from=2026-05-02&to=2026-05-01", adminToken, null).statusCode()).isEqualTo(422);
        assertThat(WebClient.api(app, "GET", "/api/v1/audit?from=yesterday", adminToken, null).statusCode()).isEqualTo(400);
        JsonNode none = WebClient.json(WebClient.api(app, "GET", "/api/v1/audit?from=2001-01-01&to=2001-12-31", adminToken, null), 200);
        assertThat(none.get("total").asLong()).isZero();
    }

    @Test
    void theLogIsAppendOnlyButAnErasedActorsNameCanBeRemoved() {
        Actor actor = new Actor(participantAccount, "pat@audit.example", "10.0.0.9");
        AuditLog log = new AuditLog(app.jdbi());
        log.record(actor, AuditAction.SETTINGS, null, "Something an erased person once did");
        assertThatThrownBy(() -> app.jdbi().useHandle(h -> h.execute("UPDATE audit_log SET summary = 'rewritten'")))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> app.jdbi().useHandle(h -> h.execute("DELETE FROM audit_log")))
                .hasMessageContaining("append-only");

        long theirs = app.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM audit_log WHERE actor_id = :id")
                .bind("id", participantAccount).mapTo(Long.class).one());
        int forgotten = app.jdbi().inTransaction(h -> AuditLog.forgetActor(h, participantAccount));
        assertThat(forgotten).isEqualTo(theirs).isPositive();
        Map<String, Object> row = app.jdbi().withHandle(h -> h.createQuery("SELECT actor, ip, summary FROM audit_log "
                + "WHERE actor_id = :id AND action = 'settings'").bind("id", participantAccount).mapToMap().one());
        assertThat(row).containsEntry("actor", "Erased person").containsEntry("summary", "Something an erased person once did");
        assertThat(row.get("ip")).isNull();
        // The switch is local to that transaction: the log is append-only again afterwards.
        assertThatThrownBy(() -> app.jdbi().useHandle(h -> h.execute("UPDATE audit_log SET summary = 'rewritten'")))
                .hasMessageContaining("append-only");
    }
}
