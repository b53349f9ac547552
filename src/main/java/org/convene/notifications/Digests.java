package org.convene.notifications;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convene.mail.Email;
import org.convene.mail.Outbox;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Daily and weekly digests. A person is due when they chose a digest, their last one is a day (or
 * a week) old, give or take the job's interval, and they have notifications past their mark that
 * were neither read nor emailed at once. A digest carries those and moves the person's mark past
 * them, in the same transaction as its email enters the outbox: fan-out is serialised, so ids grow
 * in commit order and nothing can slip in under the mark; nothing is ever sent twice, and a crash
 * loses nothing. Notifications from a request-to-join community the person has since left are
 * dropped, never sent. People are handled in batches: each batch is one transaction of a few
 * set-based statements and one batched outbox insert, whatever the number of items.
 */
public final class Digests {
    /** The most items listed in one digest; the rest are counted and linked. */
    public static final int MAX_ITEMS = 50;
    /** How many people one transaction handles. */
    public static final int BATCH = 1000;
    /** Pending: past the person's mark (column {@code through}), neither emailed at once nor read, and not newer than the run. */
    private static final String PENDING = "n.id > %s AND n.emailed_at IS NULL AND n.read_at IS NULL AND n.created_at <= :now";
    /** Due by time: the person's digest is on and its period (less the slack of a run) has passed. */
    private static final String DUE = "COALESCE(s.digest, 'daily') <> 'off' AND (s.last_digest_at IS NULL OR s.last_digest_at "
            + "<= CAST(:now AS timestamptz) - CASE s.digest WHEN 'weekly' THEN interval '7 days' ELSE interval '1 day' END + interval '30 minutes')";

    /** What one run did: digests queued, items they carried, notifications dropped as no longer visible. */
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
                        + "LEFT JOIN notification_settings s ON s.person_id = n.person_id WHERE "
                        + String.format(PENDING, "COALESCE(s.digested_through, 0)") + " AND p.email IS NOT NULL AND " + DUE + " ORDER BY 1")
                .bind("now", now).mapTo(Long.class).list());
    }

    private record Item(long id, long person, String name, String email, Notice notice, boolean visible) {
    }

    private Run send(Handle h, Long[] people, Instant now) {
        Map<Long, Long> marks = claim(h, people, now);
        if (marks.isEmpty()) {
            return new Run(0, 0, 0);
        }
        List<Item> rows = h.createQuery("SELECT n.person_id, p.full_name AS reader, p.email, "
                        + String.format(Notifications.READABLE, "n.person_id") + " AS visible, " + Notice.COLUMNS + Notice.FROM
                        + "JOIN people p ON p.id = n.person_id JOIN unnest(CAST(:people AS bigint[]), CAST(:marks AS bigint[])) AS w(person, through) "
                        + "ON n.person_id = w.person WHERE " + String.format(PENDING, "w.through") + " ORDER BY n.person_id, c.name NULLS LAST, n.id")
                .bind("people", marks.keySet().toArray(Long[]::new)).bind("marks", marks.values().toArray(Long[]::new)).bind("now", now)
                .map((rs, ctx) -> new Item(rs.getLong("id"), rs.getLong("person_id"), rs.getString("reader"), rs.getString("email"),
                        Notice.map(rs), rs.getBoolean("visible")))
                .list();
        List<Long> invisible = rows.stream().filter(i -> !i.visible()).map(Item::id).toList();
        if (!invisible.isEmpty()) {
            h.createUpdate("DELETE FROM notifications WHERE id = ANY(:ids)").bind("ids", invisible.toArray(Long[]::new)).execute();
        }
        Map<Long, Long> through = new HashMap<>();
        Map<Long, List<Item>> byPerson = new LinkedHashMap<>();
        for (Item i : rows) {
            through.merge(i.person(), i.id(), Math::max);
            if (i.visible()) {
                byPerson.computeIfAbsent(i.person(), k -> new ArrayList<>()).add(i);
            }
        }
        record(h, byPerson, through);
        h.createUpdate("UPDATE notification_settings s SET digested_through = x.through, last_digest_at = CASE WHEN x.sent THEN "
                        + "CAST(:now AS timestamptz) ELSE s.last_digest_at END FROM unnest(CAST(:people AS bigint[]), CAST(:through AS bigint[]), "
                        + "CAST(:sent AS boolean[])) AS x(person, through, sent) WHERE s.person_id = x.person")
                .bind("people", through.keySet().toArray(Long[]::new)).bind("through", through.values().toArray(Long[]::new))
                .bind("sent", through.keySet().stream().map(byPerson::containsKey).toArray(Boolean[]::new)).bind("now", now).execute();
        List<Email> emails = byPerson.values().stream().map(this::email).toList();
        Outbox.enqueueAll(h, emails);
        return new Run(byPerson.size(), byPerson.values().stream().mapToInt(List::size).sum(), invisible.size());
    }

    /**
     * Locks the batch's settings rows (made for those who have none) and returns the mark of each
     * person still due: another run that got there first has moved their last digest on.
     */
    private static Map<Long, Long> claim(Handle h, Long[] people, Instant now) {
        h.createUpdate("INSERT INTO notification_settings (person_id) SELECT unnest(CAST(:people AS bigint[])) ON CONFLICT DO NOTHING")
                .bind("people", people).execute();
        Map<Long, Long> marks = new LinkedHashMap<>();
        h.createQuery("SELECT s.person_id, s.digested_through FROM notification_settings s WHERE s.person_id = ANY(:people) AND " + DUE
                        + " ORDER BY s.person_id FOR UPDATE SKIP LOCKED")
                .bind("people", people).bind("now", now)
                .map((rs, ctx) -> marks.put(rs.getLong("person_id"), rs.getLong("digested_through"))).list();
        return marks;
    }

    /** One digest row per person, with the mark it moved to. */
    private static void record(Handle h, Map<Long, List<Item>> byPerson, Map<Long, Long> through) {
        if (byPerson.isEmpty()) {
            return;
        }
        h.createUpdate("INSERT INTO digests (person_id, items, through_id) SELECT * FROM unnest(CAST(:people AS bigint[]), "
                        + "CAST(:counts AS int[]), CAST(:through AS bigint[]))")
                .bind("people", byPerson.keySet().toArray(Long[]::new))
                .bind("counts", byPerson.values().stream().map(List::size).toArray(Integer[]::new))
                .bind("through", byPerson.keySet().stream().map(through::get).toArray(Long[]::new)).execute();
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
