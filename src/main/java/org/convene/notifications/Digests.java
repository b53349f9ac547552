package org.convene.notifications;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convene.mail.Email;
import org.convene.mail.Outbox;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Daily and weekly digests. A person is due when they chose a digest, have notifications that were
 * neither read, emailed at once nor in an earlier digest, and their last digest is a day (or a week)
 * old, give or take the job's interval. Each digest records the notifications it carried in the
 * same transaction as its email enters the outbox, so nothing is ever sent twice, and a crash
 * loses nothing. Notifications from a request-to-join community the person has since left are
 * dropped, never sent. People are handled in batches: one transaction, a few statements and one
 * batched outbox insert per batch.
 */
public final class Digests {
    /** The most items listed in one digest; the rest are counted and linked. */
    public static final int MAX_ITEMS = 50;
    /** How many people one transaction handles. */
    public static final int BATCH = 1000;
    private static final String PENDING = "n.digest_id IS NULL AND n.emailed_at IS NULL AND n.read_at IS NULL";

    /** What one run did. */
    public record Run(int digests, int items, int dropped) {
    }

    private final Jdbi jdbi;
    private final String baseUrl;
    private final Notifications notifications;

    public Digests(Jdbi jdbi, String baseUrl, Notifications notifications) {
        this.jdbi = jdbi;
        this.baseUrl = baseUrl;
        this.notifications = notifications;
    }

    /** Sends every digest due at {@code now}. */
    public Run runDue(Instant now) {
        List<Long> due = due(now);
        int digests = 0;
        int items = 0;
        int dropped = 0;
        for (int from = 0; from < due.size(); from += BATCH) {
            Long[] batch = due.subList(from, Math.min(due.size(), from + BATCH)).toArray(Long[]::new);
            Run run = jdbi.inTransaction(h -> send(h, batch, now));
            digests += run.digests();
            items += run.items();
            dropped += run.dropped();
        }
        return new Run(digests, items, dropped);
    }

    private List<Long> due(Instant now) {
        return jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT n.person_id FROM notifications n JOIN people p ON p.id = n.person_id "
                        + "LEFT JOIN notification_settings s ON s.person_id = n.person_id WHERE " + PENDING + " AND n.created_at <= :now "
                        + "AND p.email IS NOT NULL AND COALESCE(s.digest, 'daily') <> 'off' AND (s.last_digest_at IS NULL OR s.last_digest_at "
                        + "<= CAST(:now AS timestamptz) - CASE s.digest WHEN 'weekly' THEN interval '7 days' ELSE interval '1 day' END "
                        + "+ interval '30 minutes') ORDER BY 1")
                .bind("now", now).mapTo(Long.class).list());
    }

    private record Item(long id, long person, String name, String email, Notice notice, boolean visible) {
    }

    private Run send(Handle h, Long[] people, Instant now) {
        List<Item> rows = h.createQuery("SELECT n.person_id, p.full_name AS reader, p.email, "
                        + String.format(Notifications.READABLE, "n.person_id") + " AS visible, " + Notice.COLUMNS + Notice.FROM
                        + "JOIN people p ON p.id = n.person_id WHERE n.person_id = ANY(:people) AND " + PENDING + " AND n.created_at <= :now "
                        + "ORDER BY n.person_id, c.name NULLS LAST, n.id FOR UPDATE OF n SKIP LOCKED")
                .bind("people", people).bind("now", now)
                .map((rs, ctx) -> new Item(rs.getLong("id"), rs.getLong("person_id"), rs.getString("reader"), rs.getString("email"),
                        Notice.map(rs), rs.getBoolean("visible")))
                .list();
        List<Long> invisible = rows.stream().filter(i -> !i.visible()).map(Item::id).toList();
        if (!invisible.isEmpty()) {
            h.createUpdate("DELETE FROM notifications WHERE id = ANY(:ids)").bind("ids", invisible.toArray(Long[]::new)).execute();
        }
        Map<Long, List<Item>> byPerson = new LinkedHashMap<>();
        rows.stream().filter(Item::visible).forEach(i -> byPerson.computeIfAbsent(i.person(), k -> new ArrayList<>()).add(i));
        if (byPerson.isEmpty()) {
            return new Run(0, 0, invisible.size());
        }
        Map<Long, Long> digestOf = record(h, byPerson);
        List<Long> ids = new ArrayList<>();
        List<Long> digestIds = new ArrayList<>();
        List<Email> emails = new ArrayList<>();
        byPerson.forEach((person, items) -> {
            items.forEach(i -> {
                ids.add(i.id());
                digestIds.add(digestOf.get(person));
            });
            emails.add(email(items));
        });
        h.createUpdate("UPDATE notifications n SET digest_id = x.digest FROM unnest(CAST(:ids AS bigint[]), CAST(:digests AS bigint[])) "
                        + "AS x(id, digest) WHERE n.id = x.id")
                .bind("ids", ids.toArray(Long[]::new)).bind("digests", digestIds.toArray(Long[]::new)).execute();
        h.createUpdate("INSERT INTO notification_settings (person_id, last_digest_at) SELECT unnest(CAST(:people AS bigint[])), :now "
                        + "ON CONFLICT (person_id) DO UPDATE SET last_digest_at = excluded.last_digest_at")
                .bind("people", byPerson.keySet().toArray(Long[]::new)).bind("now", now).execute();
        Outbox.enqueueAll(h, emails);
        return new Run(byPerson.size(), ids.size(), invisible.size());
    }

    /** One digest row per person; their ids by person. */
    private static Map<Long, Long> record(Handle h, Map<Long, List<Item>> byPerson) {
        Long[] people = byPerson.keySet().toArray(Long[]::new);
        Integer[] counts = byPerson.values().stream().map(List::size).toArray(Integer[]::new);
        Map<Long, Long> digestOf = new LinkedHashMap<>();
        h.createQuery("INSERT INTO digests (person_id, items) SELECT * FROM unnest(CAST(:people AS bigint[]), CAST(:counts AS int[])) "
                        + "RETURNING id, person_id")
                .bind("people", people).bind("counts", counts)
                .map((rs, ctx) -> Map.entry(rs.getLong("person_id"), rs.getLong("id")))
                .forEach(e -> digestOf.put(e.getKey(), e.getValue()));
        return digestOf;
    }

    /** The digest email: what happened, grouped by community, at most {@value #MAX_ITEMS} items and a count of the rest. */
    Email email(List<Item> items) {
        Item first = items.get(0);
        StringBuilder body = new StringBuilder("Hello ").append(first.name()).append(",\n\nSince your last digest:\n");
        String community = null;
        for (Item i : items.subList(0, Math.min(MAX_ITEMS, items.size()))) {
            Notice n = i.notice();
            String group = n.communityName() == null ? "Across the system" : n.communityName();
            if (!group.equals(community)) {
                body.append('\n').append(group).append('\n');
                community = group;
            }
            body.append("  - ").append(n.headline()).append('\n');
            if (!n.summary().isBlank()) {
                body.append("    ").append(n.summary()).append('\n');
            }
            body.append("    ").append(baseUrl).append(n.path()).append('\n');
        }
        if (items.size() > MAX_ITEMS) {
            body.append("\nAnd ").append(items.size() - MAX_ITEMS).append(" more: ").append(baseUrl).append("/notifications\n");
        }
        body.append('\n').append(notifications.footer()).append('\n');
        String subject = "Your Convene digest: " + items.size() + (items.size() == 1 ? " new item" : " new items");
        return new Email(first.email(), subject, body.toString());
    }
}
