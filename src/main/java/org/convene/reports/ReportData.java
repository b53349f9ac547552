package org.convene.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.convene.surveys.Results;
import org.convene.surveys.Survey;
import org.convene.surveys.Surveys;
import org.jdbi.v3.core.Jdbi;

/**
 * The anonymised data behind a cohort's report, as CSV: one row per answer and per attendance
 * record, from every survey whose results may be shown. People appear as pseudonyms (R01, R02,
 * ...) that are the same across the cohort's surveys, so pre/post pairs can be reproduced, but are
 * not derived from anything a reader holds. Free-text answers carry no pseudonym, so comments
 * cannot be linked to each other or to a person's ratings; connections are given as a count.
 * Attendance rows have pseudonyms of their own (A01, A02, ...): the team records who came, so
 * attendance under the answers' pseudonyms would tell them whose answers are whose.
 */
public final class ReportData {
    static final List<String> COLUMNS = List.of("source", "survey_id", "survey_kind", "module", "respondent", "item", "item_kind",
            "value", "before", "choices", "text", "connections");

    private final Jdbi jdbi;
    private final Surveys surveys;

    public ReportData(Jdbi jdbi, Surveys surveys) {
        this.jdbi = jdbi;
        this.surveys = surveys;
    }

    public void write(long cohortId, Writer out) {
        List<Survey> shown = surveys.list(cohortId).stream().filter(s -> !Results.withheld(s) && s.submitted() > 0).toList();
        Map<Long, String> pseudonyms = pseudonyms(cohortId, "pseudonym", "R");
        Map<Long, String> attendees = pseudonyms(cohortId, "attendee", "A");
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new)).get())) {
            for (Survey s : shown) {
                List<Object[]> rows = new ArrayList<>();
                jdbi.useHandle(h -> h.createQuery("SELECT i.person_id, q.code, q.kind, a.number, a.before, a.choices, a.text, "
                                + "cardinality(a.people) AS connections FROM survey_answers a JOIN survey_questions q ON q.id = a.question_id "
                                + "JOIN survey_responses r ON r.id = a.response_id JOIN survey_invitations i ON i.id = r.invitation_id "
                                + "WHERE r.survey_id = :s AND r.submitted_at IS NOT NULL ORDER BY q.position, i.person_id")
                        .bind("s", s.id())
                        .map((rs, ctx) -> {
                            String kind = rs.getString("kind");
                            boolean text = kind.equals("text");
                            return new Object[] {"survey", s.id(), s.kind().code(), s.modulePosition() == null ? "" : s.modulePosition(),
                                text ? "" : pseudonyms.getOrDefault(rs.getLong("person_id"), ""), rs.getString("code"), kind,
                                rs.getObject("number") == null ? "" : rs.getInt("number"),
                                rs.getObject("before") == null ? "" : rs.getInt("before"),
                                String.join("; ", org.convene.db.Rows.textArray(rs, "choices")), rs.getString("text"),
                                kind.equals("connections") ? rs.getInt("connections") : ""};
                        })
                        .forEach(rows::add));
                List<Object[]> answers = s.anonymous() ? withoutSmallItems(rows) : rows;
                // Ratings first; then comments in a shuffled but repeatable order, so their order says nothing about who wrote them.
                // Each comment's sort key is hashed once, not at every comparison.
                List<Object[]> comments = new ArrayList<>();
                Map<Object[], String> keys = new IdentityHashMap<>();
                for (Object[] r : answers) {
                    if ("text".equals(r[6])) {
                        comments.add(r);
                        keys.put(r, sha256(r[5] + ":" + r[10]));
                    }
                }
                comments.sort(Comparator.comparing(keys::get));
                for (Object[] row : answers) {
                    if (!"text".equals(row[6])) {
                        csv.printRecord(row);
                    }
                }
                for (Object[] row : comments) {
                    csv.printRecord(row);
                }
            }
            List<Object[]> attendance = new ArrayList<>();
            jdbi.useHandle(h -> h.createQuery("SELECT m.position, a.person_id, a.status FROM attendance a JOIN modules m ON m.id = a.module_id "
                            + "WHERE m.cohort_id = :c ORDER BY m.position, a.person_id")
                    .bind("c", cohortId)
                    .map((rs, ctx) -> new Object[] {"attendance", "", "", rs.getInt(1), attendees.getOrDefault(rs.getLong(2), ""),
                        "attendance", "status", "", "", rs.getString(3), "", ""})
                    .forEach(attendance::add));
            for (Object[] row : attendance) {
                csv.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The answers to an anonymous survey without those to an item fewer than {@link Results#MIN_GROUP}
     * people answered (an optional question), as the results and the report withhold it; likewise
     * the "before" values of a then-test item fewer than that gave. Comments are kept: they carry
     * no pseudonym.
     */
    static List<Object[]> withoutSmallItems(List<Object[]> rows) {
        Map<Object, Integer> answered = new HashMap<>();
        Map<Object, Integer> before = new HashMap<>();
        for (Object[] r : rows) {
            if (!"text".equals(r[6]) && (!"".equals(r[7]) || !"".equals(r[9]) || !"".equals(r[11]) && !Integer.valueOf(0).equals(r[11]))) {
                answered.merge(r[5], 1, Integer::sum);
            }
            if (!"".equals(r[8])) {
                before.merge(r[5], 1, Integer::sum);
            }
        }
        List<Object[]> kept = new ArrayList<>();
        for (Object[] r : rows) {
            if (!"text".equals(r[6]) && answered.getOrDefault(r[5], 0) < Results.MIN_GROUP) {
                continue;
            }
            if (before.getOrDefault(r[5], 0) < Results.MIN_GROUP && !"".equals(r[8])) {
                r = r.clone();
                r[8] = "";
            }
            kept.add(r);
        }
        return kept;
    }

    /** R01, R02, ... (or another prefix) for everyone enrolled, in an order set by a keyed hash rather than by id or name. */
    private Map<Long, String> pseudonyms(long cohortId, String purpose, String prefix) {
        String secret = jdbi.withHandle(h -> h.createQuery("SELECT value FROM settings WHERE name = 'link_secret'").mapTo(String.class).one());
        List<Long> people = jdbi.withHandle(h -> h.createQuery("SELECT person_id FROM enrolments WHERE cohort_id = :c").bind("c", cohortId)
                .mapTo(Long.class).list());
        Map<Long, String> keys = new HashMap<>();
        for (Long p : people) {
            keys.put(p, sha256(secret + ":" + purpose + ":" + cohortId + ":" + p));
        }
        List<Long> ordered = new ArrayList<>(people);
        ordered.sort((a, b) -> keys.get(a).compareTo(keys.get(b)));
        Map<Long, String> names = new HashMap<>();
        int width = String.valueOf(Math.max(ordered.size(), 10)).length();
        for (int i = 0; i < ordered.size(); i++) {
            names.put(ordered.get(i), prefix + String.format("%0" + width + "d", i + 1));
        }
        return names;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
