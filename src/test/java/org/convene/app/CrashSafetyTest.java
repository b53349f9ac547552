package org.convene.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.convene.accounts.Accounts;
import org.convene.accounts.ApiTokens;
import org.convene.accounts.Passwords;
import org.convene.accounts.Role;
import org.convene.db.ChangeFeed;
import org.convene.people.People;
import org.convene.people.PersonInput;
import org.convene.testing.ServerProcess;
import org.convene.testing.TestApp;
import org.convene.web.Json;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the server with SIGKILL in the middle of work and checks, after it starts again, that
 * every write it acknowledged is there exactly once, nothing half-done is visible, and the work
 * it had begun completes, exactly once.
 *
 * <p>One server in its own JVM on an embedded database in a data folder, under load over HTTP:
 * participants submitting a survey and a directory manager importing CSV files, both retrying
 * what was not acknowledged, as clients do; survey invitations going out to an SMTP server.
 * <ol>
 *   <li>Killed while the invitations are being sent (and surveys and imports are in flight).
 *   <li>Restarted; a matching round of 1,000 people falls due, and the server is killed with its
 *       database (as when the machine dies) while the round's transaction is open.
 *   <li>Restarted: the database recovers from its log, the round runs once, its introductions
 *       go out, the load finishes; then the invariants are checked.
 * </ol>
 * Emails are delivered at least once: a message the SMTP server accepted just before a kill, and
 * the outbox had not yet marked sent, goes again, with the same Message-ID. The test allows at
 * most one such copy per kill and checks the IDs.
 */
class CrashSafetyTest {
    private static final int PARTICIPANTS = 120;
    /** Scheme members without an email address (so no introduction), to make the round take a while. */
    private static final int QUIET_MEMBERS = 880;
    private static final int IMPORT_ROWS = 300;
    private static final String DOMAIN = "kill.test";

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final Random random = new Random();
    private final AtomicBoolean loading = new AtomicBoolean(true);
    private final Map<Long, Integer> submitted = new ConcurrentHashMap<>();
    private final Map<Integer, String> imported = new ConcurrentHashMap<>();
    private final AtomicBoolean importInFlight = new AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicInteger importsCutOff = new java.util.concurrent.atomic.AtomicInteger();
    private volatile ServerProcess server;

    @Test
    void acknowledgedWritesSurviveAndBegunWorkCompletesExactlyOnce() throws Exception {
        long began = System.nanoTime();
        Path data = Files.createDirectories(dir.resolve("data"));
        server = ServerProcess.start(data, ServerProcess.freePort(), Map.of(
                "CONVENE_SMTP_HOST", "localhost", "CONVENE_SMTP_PORT", String.valueOf(SMTP.getSmtp().getPort()),
                "CONVENE_SMTP_STARTTLS", "false", "CONVENE_SMTP_FROM", "Convene <no-reply@" + DOMAIN + ">"));
        List<Thread> load = new ArrayList<>();
        try {
            server.awaitHealthy(Duration.ofSeconds(90));
            log("first start", began);
            Seed seed = seed(server.database());
            log("seeded", began);

            ConcurrentLinkedQueue<Participant> toSubmit = new ConcurrentLinkedQueue<>(seed.participants());
            for (int i = 0; i < 3; i++) {
                load.add(start("survey-load-" + i, () -> submitSurveys(seed, toSubmit)));
            }
            load.add(start("import-load", () -> importFiles(seed.leadToken())));

            // 1. Killed while the invitations go out, with surveys and imports in flight.
            int invitations = PARTICIPANTS;
            awaitTrue(Duration.ofSeconds(60), () -> SMTP.getReceivedMessages().length >= 20 && submitted.size() >= 10
                    && importInFlight.get(), "the first invitations went out, the first surveys came in and an import is running");
            Thread.sleep(random.nextInt(20));
            server.kill();
            int receivedAtFirstKill = SMTP.getReceivedMessages().length;
            int submittedAtFirstKill = submitted.size();
            assertThat(receivedAtFirstKill).as("killed in the middle of the email batch").isLessThan(invitations);
            assertThat(submittedAtFirstKill).as("killed in the middle of the survey").isLessThan(PARTICIPANTS);
            log("first kill: " + receivedAtFirstKill + " emails received, " + submittedAtFirstKill + " surveys and "
                    + imported.size() + " imports acknowledged, an import running", began);

            // 2. A round falls due; killed with the database while the round's transaction is open.
            server = server.restart().awaitHealthy(Duration.ofSeconds(90));
            Jdbi db = server.database();
            db.useHandle(h -> {
                h.execute("UPDATE schemes SET next_round_at = now() WHERE id = ?", seed.schemeId());
                // Bring the job's next tick forward rather than wait up to a minute for it.
                h.execute("UPDATE scheduled_tasks SET execution_time = now() WHERE task_name = 'matching-rounds' AND NOT picked");
            });
            awaitTrue(Duration.ofSeconds(30), () -> roundInProgress(db), "the round's transaction is open");
            Thread.sleep(random.nextInt(50));
            long roundsBeforeKill = db.withHandle(h -> h.createQuery("SELECT count(*) FROM match_rounds").mapTo(Long.class).one());
            server.killWithDatabase();
            assertThat(roundsBeforeKill).as("killed before the round committed").isZero();
            log("second kill, with the database, during the round", began);

            // 3. Restarted: everything completes.
            server = server.restart().awaitHealthy(Duration.ofSeconds(90));
            Jdbi after = server.database();
            log("restarted after the database's crash", began);
            awaitTrue(Duration.ofSeconds(60), () -> submitted.size() == PARTICIPANTS
                    && count(after, "SELECT count(*) FROM match_rounds") == 1
                    && count(after, "SELECT count(*) FROM outbox WHERE sent_at IS NULL") == 0, () -> "the load and the emails completed: "
                    + submitted.size() + " surveys acknowledged, " + count(after, "SELECT count(*) FROM match_rounds") + " rounds, "
                    + count(after, "SELECT count(*) FROM outbox WHERE sent_at IS NULL") + " emails unsent, "
                    + SMTP.getReceivedMessages().length + " received");
            loading.set(false);
            for (Thread t : load) {
                t.join(10_000);
            }
            log("all work completed", began);

            checkSurveys(after, seed);
            checkImports(after);
            assertThat(importsCutOff.get()).as("an import was cut off by a kill (and retried)").isPositive();
            checkRound(after, seed);
            checkEmails(after, 2);
            String synchronousCommit = after.withHandle(h -> h.createQuery("SHOW synchronous_commit").mapTo(String.class).one());
            assertThat(synchronousCommit).isEqualTo("on");
            server.stop();
            log("done", began);
        } catch (AssertionError | RuntimeException e) {
            System.err.println("Server log:\n" + server.log());
            throw e;
        } finally {
            loading.set(false);
            server.close();
            server.stopDatabaseLeftBehind();
        }
    }

    // Seed

    record Participant(long personId, String token) {
    }

    record Seed(String leadToken, long surveyId, long questionId, long schemeId, List<Participant> participants) {
    }

    private Seed seed(Jdbi db) throws Exception {
        String hash = Passwords.hash(TestApp.PASSWORD);
        String[] sectors = {"acute", "primary", "housing", "vcse", "local_authority"};
        Map<Long, Long> accountByPerson = new HashMap<>();
        long leadAccount = db.inTransaction(h -> {
            for (int i = 0; i < PARTICIPANTS; i++) {
                long person = People.insert(h, new PersonInput("Person " + i, "p" + i + "@" + DOMAIN, "Nurse", "", null,
                        sectors[i % sectors.length], "Test Town", List.of("frailty"), "", "", "", "email", "everyone", "everyone"));
                accountByPerson.put(person, Accounts.create(h, "p" + i + "@" + DOMAIN, hash, Set.of(Role.PARTICIPANT), person, "active"));
            }
            h.execute("INSERT INTO people (full_name, job_title, sector_code, place_id, interests, contact_preference, visibility) "
                    + "SELECT 'Quiet ' || i, 'Carer', (ARRAY['acute', 'primary', 'housing', 'vcse', 'local_authority'])[1 + i % 5], "
                    + "(SELECT place_id FROM people WHERE email = 'p0@" + DOMAIN + "'), ARRAY['frailty'], 'phone', 'everyone' "
                    + "FROM generate_series(1, ?) AS i", QUIET_MEMBERS);
            long lead = People.insert(h, new PersonInput("Lee Lead", "lead@" + DOMAIN, "Lead", "", null, "local_authority",
                    "Test Town", List.of("frailty"), "", "", "", "email", "everyone", "everyone"));
            return Accounts.create(h, "lead@" + DOMAIN, hash, Set.of(Role.PROGRAMME_LEAD), lead, "active");
        });
        ApiTokens tokens = new ApiTokens(db, ChangeFeed.polling(db));
        String lead = tokens.create(org.convene.audit.Actor.SYSTEM, leadAccount, "crash test", null).token();
        List<Participant> participants = new ArrayList<>();
        accountByPerson.forEach((person, account) -> participants.add(new Participant(person, tokens.create(org.convene.audit.Actor.SYSTEM, account, "crash test", null).token())));

        long programme = api("POST", "/api/v1/programmes", lead, "{\"title\": \"Crash-safe programme\"}", 201).get("id").asLong();
        long cohort = api("POST", "/api/v1/programmes/" + programme + "/cohorts", lead, "{\"name\": \"Cohort\"}", 201).get("id").asLong();
        api("POST", "/api/v1/cohorts/" + cohort + "/enrolments", lead,
                Json.MAPPER.writeValueAsString(Map.of("personIds", accountByPerson.keySet())), 200);
        long survey = api("POST", "/api/v1/cohorts/" + cohort + "/surveys", lead, "{\"kind\": \"custom\", \"title\": \"Pulse\"}", 201)
                .get("id").asLong();
        long question = api("POST", "/api/v1/surveys/" + survey + "/questions", lead,
                "{\"kind\": \"likert\", \"prompt\": \"I feel supported\", \"required\": true}", 201).get("id").asLong();
        long scheme = db.withHandle(h -> {
            long id = h.createUpdate("INSERT INTO schemes (name, cadence, meeting_mode) VALUES ('Crash-safe brews', 'weekly', 'either')")
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            h.execute("INSERT INTO scheme_members (scheme_id, person_id, meeting_mode) SELECT ?, id, 'either' FROM people "
                    + "WHERE email LIKE 'p%@" + DOMAIN + "' OR full_name LIKE 'Quiet %'", id);
            return id;
        });
        // Opening the survey queues one invitation per participant: the email batch.
        api("POST", "/api/v1/surveys/" + survey + "/open", lead, null, 200);
        return new Seed(lead, survey, question, scheme, participants);
    }

    // Load: clients that retry until they get an answer

    private void submitSurveys(Seed seed, ConcurrentLinkedQueue<Participant> queue) {
        while (loading.get() && SMTP.getReceivedMessages().length == 0) {
            pause(20); // start with the email batch, so that the first kill finds both half done
        }
        Participant next;
        while (loading.get() && (next = queue.poll()) != null) {
            int answer = 1 + (int) (next.personId() % 5);
            String body = "{\"answers\": [{\"questionId\": " + seed.questionId() + ", \"number\": " + answer + "}], \"submit\": true}";
            HttpResponse<String> response = send("PUT", "/api/v1/my/surveys/" + seed.surveyId(), next.token(), "application/json", body);
            if (response != null && response.statusCode() == 200
                    && (response.body().contains("\"submitted\"") || response.body().contains("\"already_submitted\""))) {
                submitted.put(next.personId(), answer);
                pause(60);
            } else {
                queue.add(next); // not acknowledged: ask again
                pause(50);
            }
        }
    }

    private void importFiles(String token) {
        for (int batch = 1; loading.get() && batch <= 40; batch++) {
            StringBuilder csv = new StringBuilder("full_name,email,sector\n");
            for (int row = 0; row < IMPORT_ROWS; row++) {
                csv.append("Imported ").append(batch).append('-').append(row).append(",i").append(batch).append('-').append(row)
                        .append('@').append(DOMAIN).append(",housing\n");
            }
            while (loading.get()) {
                importInFlight.set(true);
                HttpResponse<String> response = send("POST", "/api/v1/imports/people", token, "text/csv; charset=utf-8", csv.toString());
                importInFlight.set(false);
                if (response == null) {
                    importsCutOff.incrementAndGet();
                }
                if (response != null && response.statusCode() == 201) {
                    imported.put(batch, "imported");
                    break;
                }
                if (response != null && response.statusCode() == 422 && response.body().contains("already has the email")) {
                    imported.put(batch, "already there: an earlier attempt committed but its answer was lost");
                    break;
                }
                pause(50);
            }
            pause(100);
        }
    }

    private HttpResponse<String> send(String method, String path, String token, String type, String body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(path))).timeout(Duration.ofSeconds(20))
                    .header("Authorization", "Bearer " + token).header("Content-Type", type)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null; // killed, or not started yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private JsonNode api(String method, String path, String token, String json, int status) throws IOException {
        HttpResponse<String> response = send(method, path, token, "application/json", json);
        assertThat(response).as(method + " " + path).isNotNull();
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(status);
        return Json.MAPPER.readTree(response.body());
    }

    // Checks

    private void checkSurveys(Jdbi db, Seed seed) {
        List<Map<String, Object>> rows = db.withHandle(h -> h.createQuery("SELECT i.person_id, r.submitted_at IS NOT NULL AS done, "
                        + "(SELECT count(*) FROM survey_answers a WHERE a.response_id = r.id) AS answers, "
                        + "(SELECT min(a.number) FROM survey_answers a WHERE a.response_id = r.id) AS number "
                        + "FROM survey_responses r JOIN survey_invitations i ON i.id = r.invitation_id WHERE r.survey_id = :s")
                .bind("s", seed.surveyId()).mapToMap().list());
        assertThat(rows).as("one response per participant, every acknowledged one among them").hasSize(PARTICIPANTS);
        for (Map<String, Object> row : rows) {
            long person = ((Number) row.get("person_id")).longValue();
            assertThat(row.get("done")).as("submitted, never half-saved").isEqualTo(true);
            assertThat(((Number) row.get("answers")).intValue()).as("the response's one answer").isEqualTo(1);
            assertThat(((Number) row.get("number")).intValue()).as("the answer acknowledged").isEqualTo(submitted.get(person));
        }
        assertThat(count(db, "SELECT count(*) FROM survey_invitations WHERE survey_id = " + seed.surveyId())).isEqualTo(PARTICIPANTS);
    }

    private void checkImports(Jdbi db) {
        Map<Integer, Long> perBatch = new HashMap<>();
        db.useHandle(h -> h.createQuery("SELECT split_part(substr(email, 2), '-', 1)::int AS batch, count(*) AS n FROM people "
                        + "WHERE email LIKE 'i%-%@" + DOMAIN + "' GROUP BY 1")
                .map((rs, ctx) -> Map.entry(rs.getInt(1), rs.getLong(2))).forEach(e -> perBatch.put(e.getKey(), e.getValue())));
        assertThat(perBatch.keySet()).as("every acknowledged import, and no other").isEqualTo(imported.keySet());
        perBatch.forEach((batch, rows) -> assertThat(rows).as("batch " + batch + " whole, once").isEqualTo(IMPORT_ROWS));
        assertThat(imported).as("imports ran").isNotEmpty();
    }

    private void checkRound(Jdbi db, Seed seed) {
        Map<String, Object> round = db.withHandle(h -> h.createQuery("SELECT r.number, r.pairs, r.trios, r.unplaced, "
                        + "(SELECT count(*) FROM match_members m JOIN match_groups g ON g.id = m.group_id WHERE g.round_id = r.id) AS placed, "
                        + "(SELECT count(*) FROM match_groups g WHERE g.round_id = r.id AND "
                        + "  (SELECT count(*) FROM match_members m WHERE m.group_id = g.id) < 2) AS incomplete, "
                        + "s.next_round_at > r.ran_at AS moved_on "
                        + "FROM match_rounds r JOIN schemes s ON s.id = r.scheme_id WHERE r.scheme_id = :s")
                .bind("s", seed.schemeId()).mapToMap().one());
        long placed = ((Number) round.get("placed")).longValue();
        assertThat(round.get("number")).isEqualTo(1);
        assertThat(placed + ((Number) round.get("unplaced")).longValue()).isEqualTo(PARTICIPANTS + QUIET_MEMBERS);
        assertThat(placed).isEqualTo(2L * ((Number) round.get("pairs")).longValue() + 3L * ((Number) round.get("trios")).longValue());
        assertThat(round.get("incomplete")).isEqualTo(0L);
        assertThat(round.get("moved_on")).as("the schedule moved on once").isEqualTo(true);
        long placedWithEmail = count(db, "SELECT count(*) FROM match_members m JOIN match_groups g ON g.id = m.group_id "
                + "JOIN match_rounds r ON r.id = g.round_id JOIN people p ON p.id = m.person_id "
                + "WHERE r.scheme_id = " + seed.schemeId() + " AND p.email IS NOT NULL");
        long introductions = count(db, "SELECT count(*) FROM outbox WHERE subject LIKE 'Crash-safe brews: meet %'");
        long distinct = count(db, "SELECT count(DISTINCT recipient) FROM outbox WHERE subject LIKE 'Crash-safe brews: meet %'");
        assertThat(placedWithEmail).isPositive();
        assertThat(introductions).as("one introduction per person placed who has an email address").isEqualTo(placedWithEmail)
                .isEqualTo(distinct);
    }

    /** Every queued email reached the SMTP server; copies only after a kill, at most one per kill, with the same Message-ID. */
    private void checkEmails(Jdbi db, int kills) throws Exception {
        Map<String, String> recipientById = new HashMap<>();
        db.useHandle(h -> h.createQuery("SELECT '<' || message_id || '@" + DOMAIN + ">', recipient FROM outbox")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2))).forEach(e -> recipientById.put(e.getKey(), e.getValue())));
        Map<String, Integer> copies = new HashMap<>();
        for (MimeMessage message : SMTP.getReceivedMessages()) {
            String id = message.getMessageID();
            assertThat(recipientById).as("a message Convene queued").containsKey(id);
            assertThat(message.getAllRecipients()[0].toString()).isEqualTo(recipientById.get(id));
            copies.merge(id, 1, Integer::sum);
        }
        assertThat(copies.keySet()).as("every queued email delivered").isEqualTo(recipientById.keySet());
        int extra = copies.values().stream().mapToInt(n -> n - 1).sum();
        List<String> again = new ArrayList<>();
        copies.forEach((id, n) -> {
            if (n > 1) {
                again.add(db.withHandle(h -> h.createQuery("SELECT 'outbox ' || id || ', sent ' || sent_at || ': ' || CAST(:n AS text) || ' copies' "
                        + "FROM outbox WHERE '<' || message_id || '@" + DOMAIN + ">' = :m").bind("m", id).bind("n", n).mapTo(String.class).one()));
            }
        });
        System.out.printf("CrashSafetyTest: %d emails queued, %d delivered, %d sent again after a kill %s%n",
                recipientById.size(), copies.values().stream().mapToInt(Integer::intValue).sum(), extra, again);
        assertThat(extra).as("copies sent again: at most one per kill").isLessThanOrEqualTo(kills);
    }

    // Helpers

    private static boolean roundInProgress(Jdbi db) {
        return db.withHandle(h -> h.createQuery("SELECT count(*) FROM pg_stat_activity WHERE pid <> pg_backend_pid() "
                + "AND xact_start IS NOT NULL AND now() - xact_start > interval '20 milliseconds' "
                + "AND (query ILIKE '%scheme_members%' OR query ILIKE '%match_%')").mapTo(Long.class).one()) > 0;
    }

    private static long count(Jdbi db, String sql) {
        return db.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private static Thread start(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void awaitTrue(Duration within, BooleanSupplier condition, String what) throws InterruptedException {
        awaitTrue(within, condition, () -> what);
    }

    private static void awaitTrue(Duration within, BooleanSupplier condition, java.util.function.Supplier<String> what)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!safely(condition)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting until " + what.get());
            }
            Thread.sleep(20);
        }
    }

    private static boolean safely(BooleanSupplier condition) {
        try {
            return condition.getAsBoolean();
        } catch (RuntimeException e) {
            return false; // the database is between starts
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void log(String what, long began) {
        System.out.printf("CrashSafetyTest: %s at %.1f s%n", what, (System.nanoTime() - began) / 1e9);
    }
}
