package org.convene.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.convene.db.Rows;

/** One notification as its reader sees it: why they got it, what happened, where, by whom, and where to read it. */
public record Notice(long id, String reason, String kind, String title, String summary, Long communityId, String communityName,
                     String actorName, String path, Instant createdAt, boolean read) {
    static final String COLUMNS = "n.id, n.reason, n.created_at, n.read_at, a.kind, a.thread_id, a.post_id, a.event_id, a.idea_id, "
            + "a.title, a.summary, a.community_id, c.name AS community, actor.full_name AS actor ";
    static final String FROM = "FROM notifications n JOIN activities a ON a.id = n.activity_id "
            + "LEFT JOIN communities c ON c.id = a.community_id LEFT JOIN people actor ON actor.id = a.actor_id ";
    static final String SELECT = "SELECT " + COLUMNS + FROM;

    static Notice map(ResultSet rs) throws SQLException {
        return new Notice(rs.getLong("id"), rs.getString("reason"), rs.getString("kind"), rs.getString("title"), rs.getString("summary"),
                Rows.nullableLong(rs, "community_id"), rs.getString("community"), rs.getString("actor"),
                Activity.path(rs.getString("kind"), Rows.nullableLong(rs, "thread_id"), Rows.nullableLong(rs, "post_id"),
                        Rows.nullableLong(rs, "event_id"), Rows.nullableLong(rs, "idea_id")),
                Rows.instant(rs, "created_at"), rs.getTimestamp("read_at") != null);
    }

    /** One line saying what happened, e.g. "Sam Patel mentioned you in “Friday discharges”". */
    public String headline() {
        String who = actorName == null ? "Someone" : actorName;
        return switch (reason) {
            case "mention" -> who + " mentioned you in “" + title + "”";
            case "reply" -> who + " replied in “" + title + "”";
            case "discussion" -> who + " started a discussion: “" + title + "”";
            case "event" -> "New event: “" + title + "”";
            case "idea" -> who + " proposed an idea: “" + title + "”";
            default -> title;
        };
    }
}
