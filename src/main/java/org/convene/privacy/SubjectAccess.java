package org.convene.privacy;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convene.errors.NotFoundException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Everything Convene holds about one person, for a subject access request: their directory
 * entry and account, then every row of every {@link PersonalData} holding, their survey
 * answers, the emails sent to them, their failed sign-ins and the audit entries they made or
 * that are about them. Secrets (password and token hashes) and stored files are left out;
 * files are listed by name.
 */
public final class SubjectAccess {
    private final Jdbi jdbi;

    public SubjectAccess(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** One part of the download: a title and its rows, each a column-to-value map in the table's column order. */
    public record Section(String title, String source, List<Map<String, Object>> rows) {
    }

    /** The whole download. */
    public record Report(long personId, Instant generatedAt, String explanation, List<Section> sections) {
        public int rowCount() {
            return sections.stream().mapToInt(s -> s.rows().size()).sum();
        }
    }

    static final String EXPLANATION = "Everything Convene holds about you, as stored. Ids are references to other records "
            + "(a community, an event, another person's directory entry); other people's details are not included. "
            + "Password and token hashes are never shown, and stored files are listed by name.";

    public Report of(long personId) {
        return jdbi.inTransaction(h -> {
            h.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            List<Section> sections = new ArrayList<>();
            List<Map<String, Object>> entry = rows(h, "SELECT * FROM people WHERE id = :id", personId);
            if (entry.isEmpty()) {
                throw new NotFoundException("No person with id " + personId);
            }
            sections.add(new Section("Directory entry", "people", entry));
            List<Map<String, Object>> account = rows(h, "SELECT * FROM accounts WHERE person_id = :id", personId);
            sections.add(new Section("Account", "accounts", account));
            Long accountId = account.isEmpty() ? null : ((Number) account.get(0).get("id")).longValue();
            String email = (String) entry.get(0).get("email");
            for (PersonalData.Holding holding : PersonalData.HOLDINGS) {
                if (!holding.inDownload()) {
                    continue;
                }
                Long key = holding.link() == PersonalData.Link.PERSON ? Long.valueOf(personId) : accountId;
                List<Map<String, Object>> found = key == null ? List.of()
                        : rows(h, "SELECT * FROM " + holding.table() + " WHERE " + holding.column() + " = :id", key);
                found.forEach(r -> r.keySet().removeAll(holding.hidden()));
                sections.add(new Section(holding.title(), holding.table() + "." + holding.column(), found));
            }
            sections.add(new Section("Survey answers", "survey_answers", rows(h, "SELECT s.title AS survey, q.prompt AS question, "
                    + "a.number, a.before, a.choices, a.text, a.people, r.submitted_at FROM survey_answers a "
                    + "JOIN survey_responses r ON r.id = a.response_id JOIN survey_invitations i ON i.id = r.invitation_id "
                    + "JOIN surveys s ON s.id = r.survey_id JOIN survey_questions q ON q.id = a.question_id "
                    + "WHERE i.person_id = :id ORDER BY r.id, q.position", personId)));
            if (accountId != null) {
                // What they recorded for the programme is about other people too: counted, not copied.
                List<Map<String, Object>> recordedByThem = new ArrayList<>();
                for (String recorded : PersonalData.RECORDED_BY) {
                    String[] tc = recorded.split("\\.");
                    long n = h.createQuery("SELECT count(*) FROM " + tc[0] + " WHERE " + tc[1] + " = :id").bind("id", accountId)
                            .mapTo(Long.class).one();
                    if (n > 0) {
                        Map<String, Object> count = new LinkedHashMap<>();
                        count.put("records", tc[0].replace('_', ' '));
                        count.put("count", n);
                        recordedByThem.add(count);
                    }
                }
                sections.add(new Section("Records you made for a programme (counted; they are about other people too)",
                        "created_by and recorded_by columns", recordedByThem));
                sections.add(new Section("Audit log entries you made", "audit_log.actor_id",
                        rows(h, "SELECT at, action, subject, summary, ip FROM audit_log WHERE actor_id = :id ORDER BY at", accountId)));
            }
            sections.add(new Section("Audit log entries about you", "audit_log.subject", rowsFor(h,
                    "SELECT at, action, subject, summary FROM audit_log WHERE subject = :person OR subject = :account ORDER BY at",
                    Map.of("person", "person:" + personId, "account", accountId == null ? "" : "account:" + accountId))));
            List<String> addresses = new ArrayList<>();
            if (email != null) {
                addresses.add(email);
            }
            if (!account.isEmpty()) {
                addresses.add((String) account.get(0).get("email"));
            }
            sections.add(new Section("Emails sent or waiting to be sent to you", "outbox", rowsFor(h,
                    "SELECT id, recipient, subject, body, created_at, sent_at, attachment_name FROM outbox "
                            + "WHERE lower(recipient) = ANY(:addresses) ORDER BY id", Map.of("addresses",
                            addresses.stream().map(String::toLowerCase).toArray(String[]::new)))));
            sections.add(new Section("Failed sign-in attempts", "login_attempts", rowsFor(h,
                    "SELECT email, ip, attempted_at FROM login_attempts WHERE lower(email) = ANY(:addresses) ORDER BY attempted_at",
                    Map.of("addresses", addresses.stream().map(String::toLowerCase).toArray(String[]::new)))));
            return new Report(personId, Instant.now(), EXPLANATION, sections);
        });
    }

    private static List<Map<String, Object>> rows(Handle h, String sql, long id) {
        return rowsFor(h, sql, Map.of("id", id));
    }

    private static List<Map<String, Object>> rowsFor(Handle h, String sql, Map<String, Object> params) {
        var query = h.createQuery(sql);
        params.forEach(query::bind);
        return query.map((rs, ctx) -> row(rs)).list();
    }

    /** A row as plain values (text, numbers, booleans, lists, ISO times), without secrets, indexes or file contents. */
    static Map<String, Object> row(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            String name = meta.getColumnLabel(i);
            String type = meta.getColumnTypeName(i);
            if (PersonalData.NEVER_SHOWN.contains(name) || meta.getColumnType(i) == Types.BINARY || "tsvector".equals(type)) {
                continue;
            }
            Object value = rs.getObject(i);
            row.put(name, plain(value));
        }
        return row;
    }

    private static Object plain(Object value) throws SQLException {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof java.sql.Array array) {
            Object[] items = (Object[]) array.getArray();
            List<Object> list = new ArrayList<>();
            for (Object item : items) {
                list.add(plain(item));
            }
            return list;
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().toString();
        }
        if (value instanceof java.time.OffsetDateTime t) {
            return t.toInstant().toString();
        }
        return value.toString();
    }
}
