package org.convene.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.convene.accounts.Accounts;
import org.convene.accounts.Role;
import org.convene.demo.DemoData;
import org.convene.testing.TestApp;
import org.convene.testing.WebClient;
import org.convene.web.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Subject access, erasure and retention on the demo region: the download holds every row the
 * database has about a person, and erasing someone active everywhere removes what says who they
 * were while every count, survey result and network figure stays exactly as it was.
 */
@Tag("db")
class PrivacyTest {
    private static TestApp app;
    private static String adminToken;
    private static String demoPassword;

    @BeforeAll
    static void start() {
        app = TestApp.startWithoutJobs();
        demoPassword = DemoData.load(app.jdbi(), 20240611L, 300, false).password();
        app.person("Ada Admin", "ada@privacy.example", "acute", Role.ADMIN);
        adminToken = app.token("ada@privacy.example");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void everyTableThatPointsAtAPersonOrAccountIsInTheRegister() {
        Set<String> pointing = new HashSet<>(app.jdbi().withHandle(h -> h.createQuery(
                        "SELECT c.conrelid::regclass::text || '.' || a.attname FROM pg_constraint c "
                                + "JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY(c.conkey) "
                                + "WHERE c.contype = 'f' AND c.confrelid IN ('people'::regclass, 'accounts'::regclass) "
                                + "UNION SELECT table_name || '.' || column_name FROM information_schema.columns "
                                + "WHERE table_schema = 'public' AND column_name IN ('person_id', 'account_id')")
                .mapTo(String.class).list()));
        Set<String> registered = new HashSet<>();
        PersonalData.HOLDINGS.forEach(holding -> registered.add(holding.table() + "." + holding.column()));
        registered.addAll(PersonalData.RECORDED_BY);
        registered.add("accounts.person_id");
        registered.add("audit_log.actor_id");
        assertThat(registered).as("holdings that name a column no table has").isSubsetOf(pointing);
        assertThat(pointing).as("columns that point at a person or account but are not in PersonalData").isSubsetOf(registered);

        List<String> peopleColumns = app.jdbi().withHandle(h -> h.createQuery("SELECT column_name FROM information_schema.columns "
                + "WHERE table_name = 'people' ORDER BY ordinal_position").mapTo(String.class).list());
        assertThat(peopleColumns).as("every column of people is either blanked by Erasure or kept on purpose")
                .containsExactlyInAnyOrder("id", "full_name", "email", "job_title", "profession", "organisation_id", "sector_code",
                        "place_id", "interests", "offers", "asks", "bio", "contact_preference", "created_at", "updated_at", "search",
                        "visibility", "email_visibility", "listed", "erased_at");
    }

    /**
     * Every blanking rule, applied to every row of its table at once (and rolled back): the
     * replacements must satisfy the tables' constraints for anyone, not only for the people the
     * other tests erase.
     */
    @Test
    void everyBlankingRuleSatisfiesItsTablesConstraints() {
        for (PersonalData.Holding holding : PersonalData.HOLDINGS) {
            if (holding.erase() != PersonalData.Erase.BLANK) {
                continue;
            }
            StringBuilder set = new StringBuilder();
            holding.blank().forEach((column, replacement) -> set.append(set.length() == 0 ? "" : ", ")
                    .append(column).append(" = ").append(replacement));
            long rows = app.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM " + holding.table()).mapTo(Long.class).one());
            assertThat(rows).as("the demo region has rows in " + holding.table()).isPositive();
            app.jdbi().useHandle(h -> {
                h.begin();
                try {
                    h.execute("UPDATE " + holding.table() + " SET " + set + " WHERE " + holding.column() + " IS NOT NULL");
                } finally {
                    h.rollback();
                }
            });
        }
    }

    /** The demo participant who has the most records: the hardest person to erase. */
    private static long busiest() {
        return app.jdbi().withHandle(h -> h.createQuery("SELECT p.id FROM people p JOIN accounts a ON a.person_id = p.id "
                + "WHERE p.erased_at IS NULL AND NOT ('admin' = ANY(a.roles)) ORDER BY "
                + "(SELECT count(*) FROM survey_invitations i WHERE i.person_id = p.id) "
                + "+ (SELECT count(*) FROM ties t WHERE t.person_a = p.id OR t.person_b = p.id) "
                + "+ (SELECT count(*) FROM community_members m WHERE m.person_id = p.id) DESC, p.id LIMIT 1").mapTo(Long.class).one());
    }

    @Test
    void aPersonDownloadsEverythingHeldAboutThemAndNoSecrets() throws Exception {
        long person = busiest();
        String email = app.jdbi().withHandle(h -> h.createQuery("SELECT email FROM accounts WHERE person_id = :p").bind("p", person)
                .mapTo(String.class).one());
        WebClient browser = app.client();
        browser.signIn(email, demoPassword);
        HttpResponse<String> download = browser.get("/account/data.json");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        JsonNode report = Json.MAPPER.readTree(download.body());
        assertThat(report.get("personId").asLong()).isEqualTo(person);
        assertThat(download.body()).doesNotContain("password_hash").doesNotContain("token_hash").doesNotContain("csrf_token")
                .doesNotContain("$argon2");

        long ties = app.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM ties WHERE person_a = :p OR person_b = :p")
                .bind("p", person).mapTo(Long.class).one());
        assertThat(rows(report, "ties.person_a") + rows(report, "ties.person_b")).isEqualTo(ties);
        assertThat(rows(report, "community_members.person_id")).isEqualTo(count("community_members", "person_id", person));
        assertThat(rows(report, "sessions.account_id")).isGreaterThanOrEqualTo(1);
        assertThat(rows(report, "survey_answers")).isEqualTo(app.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id "
                        + "JOIN survey_invitations i ON i.id = r.invitation_id WHERE i.person_id = :p").bind("p", person).mapTo(Long.class).one()));

        String page = browser.get("/account/data").body();
        assertThat(page).contains("Your data").contains("Directory entry").contains(email);
        JsonNode viaApi = WebClient.json(WebClient.api(app, "GET", "/api/v1/me/data", app.token(email), null), 200);
        assertThat(viaApi.get("sections").size()).isEqualTo(report.get("sections").size());

        JsonNode logged = WebClient.json(WebClient.api(app, "GET", "/api/v1/audit?action=person.data&subject=person:" + person,
                adminToken, null), 200);
        assertThat(logged.get("total").asLong()).isEqualTo(2);
    }

    private static long rows(JsonNode report, String source) {
        long n = 0;
        for (JsonNode section : report.get("sections")) {
            if (section.get("source").asText().equals(source)) {
                n += section.get("rows").size();
            }
        }
        return n;
    }

    private static long count(String table, String column, long id) {
        return app.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM " + table + " WHERE " + column + " = :id")
                .bind("id", id).mapTo(Long.class).one());
    }

    /** Survey results, memberships and the whole system's impact figures, as numbers that must not move. */
    private static Map<String, Object> aggregates() throws Exception {
        Map<String, Object> figures = new java.util.TreeMap<>();
        figures.put("survey answers", app.jdbi().withHandle(h -> h.createQuery("SELECT q.id, count(a.number) AS numbers, sum(a.number) AS number_sum, "
                + "count(a.before) AS befores, sum(a.before) AS before_sum, count(*) FILTER (WHERE r.submitted_at IS NOT NULL) AS submitted, "
                + "count(*) AS answers FROM survey_answers a "
                + "JOIN survey_questions q ON q.id = a.question_id JOIN survey_responses r ON r.id = a.response_id GROUP BY q.id ORDER BY q.id")
                .mapToMap().list().toString()));
        figures.put("members", app.jdbi().withHandle(h -> h.createQuery("SELECT community_id, count(*) AS n FROM community_members "
                + "GROUP BY 1 ORDER BY 1").mapToMap().list().toString()));
        figures.put("ties", app.jdbi().withHandle(h -> h.createQuery("SELECT source, count(*) AS n, count(ended_on) AS ended FROM ties GROUP BY 1 ORDER BY 1")
                .mapToMap().list().toString()));
        figures.put("attendance", app.jdbi().withHandle(h -> h.createQuery("SELECT module_id, status, count(*) AS n FROM attendance GROUP BY 1, 2 ORDER BY 1, 2")
                .mapToMap().list().toString()));
        String lead = app.token("ada@privacy.example");
        LocalDate today = LocalDate.now();
        ObjectNode impact = (ObjectNode) WebClient.json(WebClient.api(app, "GET", "/api/v1/impact?from=" + today.minusYears(3) + "&to=" + today,
                lead, null), 200);
        impact.remove(List.of("computedAt", "millis"));
        figures.put("impact", impact.toString());
        JsonNode network = WebClient.json(WebClient.api(app, "GET", "/api/v1/network/metrics?scope=system", lead, null), 200);
        figures.put("network people", network.path("people").toString());
        figures.put("network ties", network.path("ties").toString());
        figures.put("network density", network.path("density").toString());
        return figures;
    }

    @Test
    void erasureRemovesWhoTheyWereButEveryTotalStaysTheSame() throws Exception {
        long person = busiest();
        Map<String, Object> before = aggregates();
        String name = app.jdbi().withHandle(h -> h.createQuery("SELECT full_name FROM people WHERE id = :p").bind("p", person).mapTo(String.class).one());
        String email = app.jdbi().withHandle(h -> h.createQuery("SELECT email FROM accounts WHERE person_id = :p").bind("p", person)
                .mapTo(String.class).one());
        long accountId = new Accounts(app.jdbi()).byEmail(email).orElseThrow().id();
        app.jdbi().useHandle(h -> h.execute("INSERT INTO audit_log (actor_id, actor, action, summary) VALUES (?, ?, 'export', 'An export')",
                accountId, email));

        HttpResponse<String> refused = WebClient.api(app, "POST", "/api/v1/people/" + person + "/erasure", adminToken, "{\"reason\": \"\"}");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(aggregates()).isEqualTo(before);
        assertThat(WebClient.api(app, "POST", "/api/v1/people/" + person + "/erasure", app.token(email), "{\"reason\": \"x\"}").statusCode())
                .isEqualTo(403);

        JsonNode result = WebClient.json(WebClient.api(app, "POST", "/api/v1/people/" + person + "/erasure", adminToken,
                "{\"reason\": \"SAR-2026-041\"}"), 200);
        assertThat(result.get("deleted").asInt()).isPositive();

        assertThat(aggregates()).isEqualTo(before);
        Map<String, Object> entry = app.jdbi().withHandle(h -> h.createQuery("SELECT * FROM people WHERE id = :p").bind("p", person).mapToMap().one());
        assertThat(entry).containsEntry("full_name", Erasure.ERASED_NAME).containsEntry("email", null).containsEntry("bio", "")
                .containsEntry("visibility", "nobody");
        assertThat(entry.get("erased_at")).isNotNull();
        assertThat(new Accounts(app.jdbi()).byEmail(email)).isEmpty();
        String everything = app.jdbi().withHandle(h -> h.createQuery("SELECT string_agg(t::text, ' ') FROM (SELECT actor, summary FROM audit_log "
                + "UNION ALL SELECT recipient, body FROM outbox UNION ALL SELECT email, ip FROM login_attempts) t").mapTo(String.class).one());
        assertThat(everything).doesNotContain(email).doesNotContain(name);
        long freeText = app.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id "
                + "JOIN survey_invitations i ON i.id = r.invitation_id WHERE i.person_id = :p AND a.text <> ''").bind("p", person).mapTo(Long.class).one());
        assertThat(freeText).isZero();
        assertThat(count("posts", "author_id", person)).isEqualTo(count("posts", "author_id", person));
        long postsWithText = app.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM posts WHERE author_id = :p AND body NOT LIKE '[Removed%'")
                .bind("p", person).mapTo(Long.class).one());
        assertThat(postsWithText).isZero();

        JsonNode logged = WebClient.json(WebClient.api(app, "GET", "/api/v1/audit?action=person.erase", adminToken, null), 200);
        assertThat(logged.get("items").get(0).get("summary").asText()).startsWith("Erased on request (SAR-2026-041)");
        assertThat(logged.get("items").get(0).get("subjectName").asText()).isEqualTo(Erasure.ERASED_NAME);
        JsonNode search = WebClient.json(WebClient.api(app, "GET", "/api/v1/people?q=" + name.split(" ")[0], adminToken, null), 200);
        search.get("items").forEach(i -> assertThat(i.get("id").asLong()).isNotEqualTo(person));

        assertThat(WebClient.api(app, "POST", "/api/v1/people/" + person + "/erasure", adminToken, "{\"reason\": \"again\"}").statusCode())
                .isEqualTo(409);
    }

    @Test
    void onlyAnEntryWithNoRecordsCanBeDeletedOutright() throws Exception {
        long mistake = app.jdbi().withHandle(h -> h.createUpdate("INSERT INTO people (full_name, sector_code) VALUES ('Typo Person', 'vcse')")
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        long withTies = app.jdbi().withHandle(h -> h.createQuery("SELECT person_a FROM ties ORDER BY id LIMIT 1").mapTo(Long.class).one());
        HttpResponse<String> refused = WebClient.api(app, "DELETE", "/api/v1/people/" + withTies, adminToken, null);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("/erasure");
        assertThat(count("people", "id", withTies)).isEqualTo(1);
        assertThat(WebClient.api(app, "DELETE", "/api/v1/people/" + mistake, adminToken, null).statusCode()).isEqualTo(204);
        assertThat(count("people", "id", mistake)).isZero();
        JsonNode logged = WebClient.json(WebClient.api(app, "GET", "/api/v1/audit?action=person.delete&subject=person:" + mistake,
                adminToken, null), 200);
        assertThat(logged.get("total").asLong()).isEqualTo(1);
    }

    @Test
    void retentionWarnsThenErasesInactiveAccountsAndBlanksOldSurveyText() throws Exception {
        assertThat(WebClient.api(app, "PUT", "/api/v1/retention", adminToken, "{\"inactiveAccountDays\": 10}").statusCode()).isEqualTo(422);
        JsonNode saved = WebClient.json(WebClient.api(app, "PUT", "/api/v1/retention", adminToken,
                "{\"inactiveAccountDays\": 365, \"surveyTextDays\": 400}"), 200);
        assertThat(saved.get("inactiveAccountDays").asInt()).isEqualTo(365);

        app.person("Ina Inactive", "ina@privacy.example", "vcse", Role.PARTICIPANT);
        app.person("Ava Active", "ava@privacy.example", "vcse", Role.PARTICIPANT);
        app.jdbi().useHandle(h -> {
            h.execute("UPDATE accounts SET created_at = now() - interval '400 days', last_login_at = now() - interval '340 days' "
                    + "WHERE email IN ('ina@privacy.example', 'ava@privacy.example')");
            h.execute("UPDATE survey_responses SET submitted_at = now() - interval '500 days' WHERE id = (SELECT min(r.id) FROM survey_responses r "
                    + "JOIN survey_answers a ON a.response_id = r.id WHERE a.text <> '' AND r.submitted_at IS NOT NULL)");
        });
        Retention retention = new Retention(app.jdbi(), new Erasure(app.jdbi(), new org.convene.events.Events(app.jdbi(), "http://x")),
                new org.convene.audit.AuditLog(app.jdbi()), "http://convene.test");
        Retention.Run first = retention.run();
        assertThat(first.warned()).isGreaterThanOrEqualTo(2);
        assertThat(first.erased()).isZero();
        assertThat(first.answersBlanked()).isPositive();
        long warnings = app.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM outbox WHERE recipient = 'ina@privacy.example' "
                + "AND subject LIKE 'Your Convene account will be removed%'").mapTo(Long.class).one());
        assertThat(warnings).isEqualTo(1);
        assertThat(retention.run().warned()).as("warned once").isZero();

        // Ava signs in after the warning; 31 days later only Ina is erased.
        app.client().signIn("ava@privacy.example", TestApp.PASSWORD);
        app.jdbi().useHandle(h -> h.execute("UPDATE accounts SET retention_warned_at = retention_warned_at - interval '31 days', "
                + "last_login_at = last_login_at - interval '31 days', created_at = created_at - interval '31 days' "
                + "WHERE email = 'ina@privacy.example'"));
        Retention.Run second = retention.run();
        assertThat(second.erased()).isEqualTo(1);
        assertThat(new Accounts(app.jdbi()).byEmail("ina@privacy.example")).isEmpty();
        assertThat(new Accounts(app.jdbi()).byEmail("ava@privacy.example")).isPresent();
        JsonNode logged = WebClient.json(WebClient.api(app, "GET", "/api/v1/audit?action=retention", adminToken, null), 200);
        assertThat(logged.get("total").asLong()).isEqualTo(2);
        WebClient.json(WebClient.api(app, "PUT", "/api/v1/retention", adminToken, "{}"), 200);
    }
}
