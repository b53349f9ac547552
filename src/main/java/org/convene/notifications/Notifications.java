package org.convene.notifications;

import java.util.ArrayList;
import java.util.List;
import org.convene.db.Rows;
import org.convene.mail.Email;
import org.convene.mail.Outbox;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Notifications: fanning activities out to the people they concern, the in-app list, and each
 * person's choices. An activity in a community reaches
 * <ul>
 *   <li>the people a post mentions (reason {@code mention});</li>
 *   <li>the people following the discussion, for a reply ({@code reply});</li>
 *   <li>the community's members by their level there: {@code all} hears of everything,
 *       {@code highlights} (the default) of new discussions, events and ideas, {@code mentions}
 *       only of the two above, {@code off} of nothing.</li>
 * </ul>
 * Nobody hears of their own activity, and a request-to-join community's activity reaches only its
 * active members, now and when the list or a digest is read. A person gets one notification per
 * activity, for the first reason above that applies. Mentions and replies are emailed at once to
 * people who want that (the default); the rest waits for the digest ({@link Digests}).
 */
public final class Notifications {
    /** How many notifications a page of the list shows. */
    public static final int PAGE = 50;
    /** The most unread notifications counted. */
    public static final int UNREAD_CAP = 100;
    static final String DEFAULT_LEVEL = "highlights";
    static final List<String> LEVELS = List.of("all", "highlights", "mentions", "off");
    /** The advisory lock that serialises fan-out. */
    private static final long FAN_OUT_LOCK = 0x636f6e76656e65L;

    /** Whether the reader (column {@code person}) may see the activity {@code a} (with community {@code c} left-joined). */
    static final String READABLE = "(a.community_id IS NULL OR c.joining = 'open' OR EXISTS (SELECT 1 FROM community_members cm "
            + "WHERE cm.community_id = a.community_id AND cm.person_id = %s AND cm.status = 'active'))";

    private final Jdbi jdbi;
    private final String baseUrl;

    public Notifications(Jdbi jdbi, String baseUrl) {
        this.jdbi = jdbi;
        this.baseUrl = baseUrl;
    }

    /**
     * Fans out up to {@code max} recorded activities, oldest first, each in its own transaction
     * with the emails it sends at once. Several instances can run this together: they take turns
     * (an advisory lock) and each activity is fanned out once. Returns how many were fanned out.
     */
    public int fanOutDue(int max) {
        int done = 0;
        while (done < max && Boolean.TRUE.equals(jdbi.inTransaction(this::fanOutNext))) {
            done++;
        }
        return done;
    }

    private Boolean fanOutNext(Handle h) {
        // One fan-out at a time across instances, so notification ids grow in commit order (digests rely on it).
        h.execute("SELECT pg_advisory_xact_lock(" + FAN_OUT_LOCK + ")");
        var claimed = h.createQuery("SELECT id, kind FROM activities WHERE fanned_out_at IS NULL ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED")
                .map((rs, ctx) -> java.util.Map.entry(rs.getLong("id"), Activity.Kind.of(rs.getString("kind")))).findOne();
        if (claimed.isEmpty()) {
            return false;
        }
        long activity = claimed.get().getKey();
        Activity.Kind kind = claimed.get().getValue();
        fanOut(h, activity, kind == Activity.Kind.REPLY ? "'all'" : "'all', 'highlights'");
        sendAtOnce(h, activity);
        h.createUpdate("UPDATE activities SET fanned_out_at = now() WHERE id = :a").bind("a", activity).execute();
        return true;
    }

    /**
     * One statement notifies everyone the activity concerns, each once, for the first reason that
     * applies: mentioned, following the discussion (replies), or a member whose level takes it
     * ({@code memberLevels}). Mentions and follows reach nobody whose level is off, and only people
     * who may read the activity; active members may read their own community's. The activity is
     * claimed once, so no row can exist already and no conflict check is needed.
     */
    private static void fanOut(Handle h, long activity, String memberLevels) {
        h.createUpdate("INSERT INTO notifications (person_id, activity_id, reason) SELECT DISTINCT ON (x.person_id) x.person_id, a.id, x.reason "
                        + "FROM activities a LEFT JOIN communities c ON c.id = a.community_id JOIN LATERAL ("
                        + "SELECT pm.person_id, 'mention' AS reason, 1 AS rank FROM post_mentions pm WHERE pm.post_id = a.post_id "
                        + "UNION ALL SELECT f.person_id, 'reply', 2 FROM thread_follows f WHERE a.kind = 'reply' AND f.thread_id = a.thread_id "
                        + "UNION ALL SELECT m.person_id, a.kind, 3 FROM community_members m WHERE m.community_id = a.community_id "
                        + "AND m.status = 'active') x ON true "
                        + "LEFT JOIN community_notification_levels l ON l.community_id = a.community_id AND l.person_id = x.person_id "
                        + "WHERE a.id = :a AND a.community_id IS NOT NULL AND x.person_id IS DISTINCT FROM a.actor_id AND CASE WHEN x.rank = 3 "
                        + "THEN COALESCE(l.level, '" + DEFAULT_LEVEL + "') IN (" + memberLevels + ") ELSE COALESCE(l.level, '') <> 'off' AND "
                        + String.format(READABLE, "x.person_id") + " END ORDER BY x.person_id, x.rank")
                .bind("a", activity).execute();
    }

    private void sendAtOnce(Handle h, long activity) {
        List<Long> sent = new ArrayList<>();
        List<Email> emails = new ArrayList<>();
        h.createQuery("SELECT n.id, n.reason, p.email, p.full_name, a.kind, a.thread_id, a.post_id, a.event_id, a.idea_id, a.title, "
                        + "a.summary, actor.full_name AS actor, c.name AS community FROM notifications n JOIN people p ON p.id = n.person_id "
                        + "JOIN activities a ON a.id = n.activity_id LEFT JOIN people actor ON actor.id = a.actor_id "
                        + "LEFT JOIN communities c ON c.id = a.community_id LEFT JOIN notification_settings s ON s.person_id = n.person_id "
                        + "WHERE n.activity_id = :a AND n.reason IN ('mention', 'reply') AND COALESCE(s.instant, true) AND p.email IS NOT NULL")
                .bind("a", activity)
                .map((rs, ctx) -> {
                    String who = rs.getString("actor") == null ? "Someone" : rs.getString("actor");
                    String url = baseUrl + Activity.path(rs.getString("kind"), Rows.nullableLong(rs, "thread_id"), Rows.nullableLong(rs, "post_id"),
                            Rows.nullableLong(rs, "event_id"), Rows.nullableLong(rs, "idea_id"));
                    String subject = "mention".equals(rs.getString("reason"))
                            ? who + " mentioned you in “" + rs.getString("title") + "”"
                            : who + " replied in “" + rs.getString("title") + "”";
                    String body = "Hello " + rs.getString("full_name") + ",\n\n" + subject + " (" + rs.getString("community") + "):\n\n"
                            + rs.getString("summary") + "\n\nRead it and reply: " + url + "\n\n" + footer();
                    sent.add(rs.getLong("id"));
                    return new Email(rs.getString("email"), subject, body);
                })
                .forEach(emails::add);
        Outbox.enqueueAll(h, emails);
        if (!sent.isEmpty()) {
            h.createUpdate("UPDATE notifications SET emailed_at = now() WHERE id = ANY(:ids)").bind("ids", sent.toArray(Long[]::new)).execute();
        }
    }

    String footer() {
        return "Choose what you hear about, and how often: " + baseUrl + "/notifications/settings";
    }

    /** A page of the person's notifications, newest first; {@code before} (an id) gives the next page. */
    public List<Notice> list(long person, Long before, boolean unreadOnly) {
        return jdbi.withHandle(h -> h.createQuery(Notice.SELECT + "WHERE n.person_id = :p AND " + String.format(READABLE, "n.person_id")
                        + " AND n.id < COALESCE(CAST(:before AS bigint), 9223372036854775807)" + (unreadOnly ? " AND n.read_at IS NULL" : "")
                        + " ORDER BY n.id DESC LIMIT " + PAGE)
                .bind("p", person).bind("before", before).map((rs, ctx) -> Notice.map(rs)).list());
    }

    /**
     * How many notifications the person has not read, for the header of every page: counted up to
     * {@value #UNREAD_CAP} (shown as "99+"), so a long-unread inbox costs no more than a short one.
     */
    public int unread(long person) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM (SELECT 1 FROM notifications n JOIN activities a ON a.id = n.activity_id "
                        + "LEFT JOIN communities c ON c.id = a.community_id WHERE n.person_id = :p AND n.read_at IS NULL AND "
                        + String.format(READABLE, "n.person_id") + " LIMIT " + UNREAD_CAP + ") x")
                .bind("p", person).mapTo(Integer.class).one());
    }

    /** One of the person's notifications, marked read (opening it); empty if it is not theirs or no longer visible. */
    public java.util.Optional<Notice> open(long person, long id) {
        return jdbi.inTransaction(h -> {
            h.createUpdate("UPDATE notifications SET read_at = now() WHERE id = :id AND person_id = :p AND read_at IS NULL")
                    .bind("id", id).bind("p", person).execute();
            return h.createQuery(Notice.SELECT + "WHERE n.id = :id AND n.person_id = :p AND " + String.format(READABLE, "n.person_id"))
                    .bind("id", id).bind("p", person).map((rs, ctx) -> Notice.map(rs)).findOne();
        });
    }

    /** Marks the given notifications (null: all) of the person read; returns how many changed. */
    public int markRead(long person, List<Long> ids) {
        return jdbi.withHandle(h -> {
            var update = h.createUpdate("UPDATE notifications SET read_at = now() WHERE person_id = :p AND read_at IS NULL"
                    + (ids == null ? "" : " AND id = ANY(:ids)")).bind("p", person);
            if (ids != null) {
                update.bind("ids", ids.toArray(Long[]::new));
            }
            return update.execute();
        });
    }

    public Settings settings(long person) {
        return jdbi.withHandle(h -> {
            var chosen = h.createQuery("SELECT digest, instant FROM notification_settings WHERE person_id = :p").bind("p", person)
                    .map((rs, ctx) -> java.util.Map.entry(rs.getString("digest"), rs.getBoolean("instant"))).findOne();
            List<Settings.CommunityLevel> levels = h.createQuery("SELECT c.id, c.name, COALESCE(l.level, '" + DEFAULT_LEVEL + "') AS level "
                            + "FROM community_members m JOIN communities c ON c.id = m.community_id LEFT JOIN community_notification_levels l "
                            + "ON l.community_id = m.community_id AND l.person_id = m.person_id WHERE m.person_id = :p AND m.status = 'active' "
                            + "ORDER BY lower(c.name)")
                    .bind("p", person).map((rs, ctx) -> new Settings.CommunityLevel(rs.getLong("id"), rs.getString("name"), rs.getString("level")))
                    .list();
            return new Settings(chosen.map(java.util.Map.Entry::getKey).orElse(Settings.DAILY),
                    chosen.map(java.util.Map.Entry::getValue).orElse(true), levels);
        });
    }

    public Settings saveSettings(long person, Settings.Input.Valid input) {
        jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO notification_settings (person_id, digest, instant) VALUES (:p, :d, :i) "
                            + "ON CONFLICT (person_id) DO UPDATE SET digest = excluded.digest, instant = excluded.instant")
                    .bind("p", person).bind("d", input.digest()).bind("i", input.instant()).execute();
            input.levels().forEach((community, level) -> saveLevel(h, community, person, level));
        });
        return settings(person);
    }

    /** What the person hears of one community they belong to. */
    public Settings.CommunityLevel setLevel(long community, long person, String level) {
        jdbi.useTransaction(h -> saveLevel(h, community, person, Settings.Input.level(level, "level")));
        return settings(person).communities().stream().filter(c -> c.communityId() == community).findFirst().orElseThrow();
    }

    private static void saveLevel(Handle h, long community, long person, String level) {
        boolean member = h.createQuery("SELECT count(*) FROM community_members WHERE community_id = :c AND person_id = :p AND status = 'active'")
                .bind("c", community).bind("p", person).mapTo(Integer.class).one() > 0;
        if (!member) {
            throw new org.convene.errors.NotFoundException("You are not a member of community " + community);
        }
        h.createUpdate("INSERT INTO community_notification_levels (community_id, person_id, level) VALUES (:c, :p, :l) "
                + "ON CONFLICT (community_id, person_id) DO UPDATE SET level = excluded.level")
                .bind("c", community).bind("p", person).bind("l", level).execute();
    }
}
