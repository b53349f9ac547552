package org.convene.communities;

import java.util.List;
import org.convene.db.Rows;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Reads a community's {@link Overview}: one short query per kind, on one connection, whatever the number of items. */
public final class Overviews {
    private final Jdbi jdbi;
    private final Resources resources;

    public Overviews(Jdbi jdbi, Resources resources) {
        this.jdbi = jdbi;
        this.resources = resources;
    }

    /** The overview; {@code readsContent} false (an outsider of a request-to-join community): its convenors only. */
    public Overview of(long community, boolean readsContent) {
        if (!readsContent) {
            return Overview.convenorsOnly(jdbi.withHandle(h -> convenors(h, community)));
        }
        Resources.Listing first = resources.ofCommunity(community, Overview.RESOURCES);
        return jdbi.withHandle(h -> new Overview(convenors(h, community), events(h, community), ideas(h, community),
                projects(h, community), first.items(), first.total()));
    }

    private static List<Overview.Convenor> convenors(Handle h, long community) {
        return h.createQuery("SELECT p.id, p.full_name FROM community_members m JOIN people p ON p.id = m.person_id "
                        + "WHERE m.community_id = :c AND m.role = 'convenor' AND m.status = 'active' ORDER BY lower(p.full_name), p.id")
                .bind("c", community).map((rs, ctx) -> new Overview.Convenor(rs.getLong("id"), rs.getString("full_name"))).list();
    }

    private static List<Overview.UpcomingEvent> events(Handle h, long community) {
        return h.createQuery("SELECT e.id, e.title, e.starts_at, e.time_zone, e.capacity, "
                        + "coalesce((SELECT sum(1 + r.guests) FROM registrations r WHERE r.event_id = e.id AND r.status = 'confirmed'), 0) AS taken "
                        + "FROM events e WHERE e.community_id = :c AND e.ends_at > now() ORDER BY e.starts_at, e.id LIMIT " + Overview.EVENTS)
                .bind("c", community)
                .map((rs, ctx) -> new Overview.UpcomingEvent(rs.getLong("id"), rs.getString("title"), Rows.instant(rs, "starts_at"),
                        rs.getString("time_zone"), (Integer) rs.getObject("capacity"), rs.getInt("taken")))
                .list();
    }

    /** The most voted first, as the board sorts them. */
    private static List<Overview.TopIdea> ideas(Handle h, long community) {
        return h.createQuery("SELECT i.id, i.title, (SELECT count(*) FROM idea_votes v WHERE v.idea_id = i.id) AS votes FROM ideas i "
                        + "WHERE i.community_id = :c ORDER BY votes DESC, i.created_at, i.id LIMIT " + Overview.IDEAS)
                .bind("c", community).map((rs, ctx) -> new Overview.TopIdea(rs.getLong("id"), rs.getString("title"), rs.getInt("votes")))
                .list();
    }

    private static List<Overview.GrownProject> projects(Handle h, long community) {
        return h.createQuery("SELECT pr.id, pr.title, pr.status, i.id AS idea_id, i.title AS idea_title FROM ideas i "
                        + "JOIN projects pr ON pr.id = i.project_id WHERE i.community_id = :c ORDER BY pr.created_at DESC, pr.id DESC LIMIT "
                        + Overview.PROJECTS)
                .bind("c", community)
                .map((rs, ctx) -> new Overview.GrownProject(rs.getLong("id"), rs.getString("title"), rs.getString("status"),
                        rs.getLong("idea_id"), rs.getString("idea_title")))
                .list();
    }
}
