package org.convene.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.convene.audit.Actor;
import org.convene.audit.AuditAction;
import org.convene.audit.AuditLog;
import org.convene.errors.ValidationException;
import org.convene.mail.Outbox;
import org.jdbi.v3.core.Jdbi;

/**
 * How long Convene keeps what it no longer needs, set by an administrator and applied by a daily
 * job on whichever instance picks it up:
 * <ul>
 *   <li>accounts nobody has signed in to for the set number of days are erased ({@link Erasure}),
 *       after a warning email {@value #WARNING_DAYS} days before; signing in cancels the warning.
 *       Administrators' accounts are never erased this way;</li>
 *   <li>the free text of survey answers is blanked once the response is the set number of days
 *       old; numbers and choices stay, so results and evaluations still add up.</li>
 * </ul>
 * Both are off until an administrator sets them (an upgrade never deletes anything by itself).
 */
public final class Retention {
    static final int WARNING_DAYS = 30;
    static final int MIN_ACCOUNT_DAYS = 90;
    static final int MIN_TEXT_DAYS = 30;
    static final int MAX_DAYS = 3650;
    /** Survey answers blanked per statement, so a first run on years of answers never holds long locks. */
    static final int BATCH = 5_000;
    private final Jdbi jdbi;
    private final Erasure erasure;
    private final AuditLog audit;
    private final String baseUrl;

    public Retention(Jdbi jdbi, Erasure erasure, AuditLog audit, String baseUrl) {
        this.jdbi = jdbi;
        this.erasure = erasure;
        this.audit = audit;
        this.baseUrl = baseUrl;
    }

    /** The two periods in days; null means keep until erased. */
    public record Policy(Integer inactiveAccountDays, Integer surveyTextDays) {
    }

    /** What one run did. */
    public record Run(int warned, int erased, int answersBlanked) {
        boolean didSomething() {
            return warned + erased + answersBlanked > 0;
        }
    }

    public Policy policy() {
        return jdbi.withHandle(h -> {
            Map<String, String> values = new java.util.HashMap<>();
            h.createQuery("SELECT name, value FROM settings WHERE name IN ('retention_inactive_days', 'retention_survey_text_days')")
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2))).forEach(e -> values.put(e.getKey(), e.getValue()));
            return new Policy(number(values.get("retention_inactive_days")), number(values.get("retention_survey_text_days")));
        });
    }

    /** Parses and checks a policy sent from the page or the API (blank for "keep"). */
    public static Policy parse(String inactiveDays, String textDays) {
        Map<String, String> problems = new java.util.LinkedHashMap<>();
        Integer inactive = days(inactiveDays, "inactiveAccountDays", MIN_ACCOUNT_DAYS, problems);
        Integer text = days(textDays, "surveyTextDays", MIN_TEXT_DAYS, problems);
        if (!problems.isEmpty()) {
            throw ValidationException.of(problems);
        }
        return new Policy(inactive, text);
    }

    public void save(Policy policy, Actor actor) {
        Policy before = policy();
        jdbi.useTransaction(h -> {
            for (var setting : List.of(Map.entry("retention_inactive_days", String.valueOf(policy.inactiveAccountDays())),
                    Map.entry("retention_survey_text_days", String.valueOf(policy.surveyTextDays())))) {
                if (setting.getValue().equals("null")) {
                    h.createUpdate("DELETE FROM settings WHERE name = :n").bind("n", setting.getKey()).execute();
                } else {
                    h.createUpdate("INSERT INTO settings (name, value) VALUES (:n, :v) ON CONFLICT (name) DO UPDATE SET value = excluded.value")
                            .bind("n", setting.getKey()).bind("v", setting.getValue()).execute();
                }
            }
            if (!before.equals(policy)) {
                AuditLog.record(h, actor, AuditAction.SETTINGS, null, "Retention changed from " + describe(before) + " to " + describe(policy));
            }
        });
    }

    static String describe(Policy p) {
        return "inactive accounts " + (p.inactiveAccountDays() == null ? "kept" : "erased after " + p.inactiveAccountDays() + " days")
                + ", survey free text " + (p.surveyTextDays() == null ? "kept" : "blanked after " + p.surveyTextDays() + " days");
    }

    /** Applies the policy now: warnings, erasures, then survey text. */
    public Run run() {
        Policy policy = policy();
        int warned = 0;
        int erased = 0;
        int blanked = 0;
        if (policy.inactiveAccountDays() != null) {
            warned = warn(policy.inactiveAccountDays());
            for (long personId : due(policy.inactiveAccountDays())) {
                erasure.erase(personId, Actor.SYSTEM, "no sign-in for " + policy.inactiveAccountDays() + " days");
                erased++;
            }
        }
        if (policy.surveyTextDays() != null) {
            blanked = blankSurveyText(policy.surveyTextDays());
        }
        Run run = new Run(warned, erased, blanked);
        if (run.didSomething()) {
            audit.record(Actor.SYSTEM, AuditAction.RETENTION, null, "Retention: " + warned + " inactive accounts warned, "
                    + erased + " erased, " + blanked + " survey answers' free text blanked");
        }
        return run;
    }

    private static final String INACTIVE = "coalesce(a.last_login_at, a.created_at) < now() - make_interval(days => :days) "
            + "AND NOT ('admin' = ANY(a.roles)) AND a.person_id IS NOT NULL ";

    /** Warns, once, each account that will be erased in {@value #WARNING_DAYS} days unless someone signs in. */
    private int warn(int days) {
        return jdbi.inTransaction(h -> {
            List<Map<String, Object>> due = h.createQuery("SELECT a.id, a.email FROM accounts a WHERE " + INACTIVE
                            + "AND (a.retention_warned_at IS NULL OR a.retention_warned_at < coalesce(a.last_login_at, a.created_at)) "
                            + "FOR UPDATE SKIP LOCKED")
                    .bind("days", days - WARNING_DAYS)
                    .mapToMap().list();
            List<org.convene.mail.Email> emails = new ArrayList<>();
            for (Map<String, Object> row : due) {
                emails.add(new org.convene.mail.Email((String) row.get("email"), "Your Convene account will be removed in " + WARNING_DAYS + " days",
                        "Nobody has signed in to your Convene account for " + (days - WARNING_DAYS) + " days. To protect your personal data, "
                                + "the account and your personal details will be removed in " + WARNING_DAYS + " days.\n\n"
                                + "To keep it, sign in before then: " + baseUrl + "/login\n\n"
                                + "If you no longer need it, you do not need to do anything."));
                h.createUpdate("UPDATE accounts SET retention_warned_at = now() WHERE id = :id").bind("id", row.get("id")).execute();
            }
            Outbox.enqueueAll(h, emails);
            return due.size();
        });
    }

    /** The people whose accounts are past the period and were warned at least {@value #WARNING_DAYS} days ago without signing in since. */
    private List<Long> due(int days) {
        return jdbi.withHandle(h -> h.createQuery("SELECT a.person_id FROM accounts a WHERE " + INACTIVE
                        + "AND a.retention_warned_at > coalesce(a.last_login_at, a.created_at) "
                        + "AND a.retention_warned_at < now() - make_interval(days => :warning) ORDER BY a.id")
                .bind("days", days)
                .bind("warning", WARNING_DAYS)
                .mapTo(Long.class).list());
    }

    private int blankSurveyText(int days) {
        int total = 0;
        while (true) {
            int n = jdbi.withHandle(h -> h.createUpdate("UPDATE survey_answers SET text = '' WHERE ctid = ANY(ARRAY("
                            + "SELECT a.ctid FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id "
                            + "WHERE a.text <> '' AND r.submitted_at < now() - make_interval(days => :days) LIMIT :batch))")
                    .bind("days", days)
                    .bind("batch", BATCH)
                    .execute());
            total += n;
            if (n < BATCH) {
                return total;
            }
        }
    }

    private static Integer number(String value) {
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer days(String raw, String field, int min, Map<String, String> problems) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            int days = Integer.parseInt(raw.strip());
            if (days < min || days > MAX_DAYS) {
                problems.put(field, "Enter a number of days from " + min + " to " + MAX_DAYS + ", or leave it empty to keep");
            }
            return days;
        } catch (NumberFormatException e) {
            problems.put(field, "Enter a whole number of days, or leave it empty to keep");
            return null;
        }
    }
}
