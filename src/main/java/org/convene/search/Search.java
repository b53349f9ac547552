package org.convene.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convene.accounts.Viewer;
import org.convene.people.DirectoryQuery;
import org.convene.people.People;
import org.convene.people.PersonSummary;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * One search across people, communities, discussions (titles and posts), events, ideas and
 * projects, each ranked by its own full-text document. What the viewer may not see is never
 * returned: people as the directory shows them, and nothing of a request-to-join community
 * (its discussions, events and ideas) to anyone but its members and administrators. The query
 * is reduced to words, so no user input reaches the tsquery parser as syntax.
 */
public final class Search {
    /** Results per kind. */
    public static final int PER_KIND = 5;
    /** The newest posts walked for the latest matches, and the matches taken from them (see {@link #discussions}). */
    private static final int WINDOW = 2_000;
    private static final int RECENT_POSTS = 50;
    /** Older matching posts read in one round (enough that the planner reads a rare word from its index). */
    private static final int OLDER_POSTS = 200;
    /** Communities whose content the viewer may see (bind :viewer, :admin). */
    private static final String SEES = "(c.joining = 'open' OR :admin OR EXISTS (SELECT 1 FROM community_members m "
            + "WHERE m.community_id = c.id AND m.person_id = :viewer AND m.status = 'active'))";

    private final Jdbi jdbi;
    private final People people;

    public Search(Jdbi jdbi, People people) {
        this.jdbi = jdbi;
        this.people = people;
    }

    /** Results by kind, in a fixed order (people, communities, discussions, events, ideas, projects); kinds with none are left out. */
    public Map<String, List<Hit>> search(String text, Viewer viewer) {
        DirectoryQuery words = new DirectoryQuery(text, null, null, null, null, null, 1, PER_KIND);
        String ts = words.tsQuery();
        Map<String, List<Hit>> results = new LinkedHashMap<>();
        if (ts.isEmpty()) {
            return results;
        }
        List<Hit> found = new ArrayList<>();
        for (PersonSummary p : people.search(words, viewer).items()) {
            found.add(new Hit("person", p.id(), p.fullName(), join(p.jobTitle(), p.organisationName()), "/people/" + p.id()));
        }
        put(results, "people", found);
        long me = viewer.personId() == null ? -1L : viewer.personId();
        put(results, "communities", query("SELECT c.id, c.name AS title, c.problem AS context, '/communities/' || c.id AS link FROM communities c "
                + "WHERE c.search @@ to_tsquery('english', :ts) ORDER BY ts_rank(c.search, to_tsquery('english', :ts)) DESC, c.id", "community", ts, me, viewer));
        put(results, "discussions", discussions(ts, me, viewer));
        put(results, "events", query("SELECT e.id, e.title, coalesce(c.name, 'System-wide') AS context, '/events/' || e.id AS link FROM events e "
                + "LEFT JOIN communities c ON c.id = e.community_id WHERE (e.community_id IS NULL OR " + SEES + ") "
                + "AND e.search @@ to_tsquery('english', :ts) ORDER BY e.starts_at DESC, e.id DESC", "event", ts, me, viewer));
        put(results, "ideas", query("SELECT i.id, i.title, coalesce(c.name, 'The whole system') AS context, '/ideas/' || i.id AS link FROM ideas i "
                + "LEFT JOIN communities c ON c.id = i.community_id WHERE (i.community_id IS NULL OR " + SEES + ") "
                + "AND i.search @@ to_tsquery('english', :ts) ORDER BY ts_rank(i.search, to_tsquery('english', :ts)) DESC, i.id", "idea", ts, me, viewer));
        put(results, "projects", query("SELECT p.id, p.title, p.aim AS context, '/projects/' || p.id AS link FROM projects p "
                + "WHERE p.search @@ to_tsquery('english', :ts) ORDER BY ts_rank(p.search, to_tsquery('english', :ts)) DESC, p.id", "project", ts, me, viewer));
        return results;
    }

    /**
     * Discussions whose title or posts match, the most recent match first: a matching post counts
     * from when it was written, a matching title from the discussion's last post. Each statement
     * stays cheap whether the words are common or rare: the 5 latest discussions by title; then
     * the newest {@value #WINDOW} posts walked newest first, stopping at the
     * {@value #RECENT_POSTS}th match (enough for a common word, and bounded for any); only when
     * those matches fall in fewer than 5 discussions, the older matching posts of other
     * discussions, from the full-text index when the words were rare among the newest posts,
     * each round finding at least one more discussion.
     */
    private List<Hit> discussions(String ts, long me, Viewer viewer) {
        String visible = " JOIN threads t ON t.id = x.thread_id JOIN communities c ON c.id = t.community_id WHERE " + SEES
                + " AND x.search @@ to_tsquery('english', :ts)";
        String columns = "SELECT t.id, t.title, c.name AS context, x.created_at AS matched_at, x.id AS post ";
        return jdbi.withHandle(h -> {
            Map<Long, Ranked> found = new HashMap<>();
            ranked(h.createQuery("SELECT t.id, t.title, c.name AS context, t.last_post_at AS matched_at, 0 AS post FROM threads t "
                    + "JOIN communities c ON c.id = t.community_id WHERE " + SEES + " AND t.search @@ to_tsquery('english', :ts) "
                    + "ORDER BY t.last_post_at DESC, t.id DESC LIMIT " + PER_KIND), ts, me, viewer, found);
            Map<Long, Ranked> byPost = new HashMap<>();
            long[] oldest = {Long.MAX_VALUE};
            int recent = ranked(h.createQuery(columns + "FROM (SELECT id, thread_id, created_at, search FROM posts ORDER BY id DESC LIMIT "
                    + WINDOW + ") x" + visible + " ORDER BY x.id DESC LIMIT " + RECENT_POSTS), ts, me, viewer, byPost, oldest);
            // Few matches among the newest posts: the words are rare, so their older matches are read from the
            // full-text index (ordering by an expression keeps the planner from walking the whole table, as it
            // does for a word its statistics do not know). Many, in fewer than 5 discussions: the planner chooses.
            String order = recent < RECENT_POSTS ? "x.id + 0" : "x.id";
            for (boolean more = true; byPost.size() < PER_KIND && more; ) {
                int rows = ranked(h.createQuery(columns + "FROM posts x" + visible + " AND x.id < :before AND x.thread_id <> ALL(:found) "
                        + "ORDER BY " + order + " DESC LIMIT " + OLDER_POSTS).bind("before", oldest[0])
                        .bindArray("found", Long.class, List.copyOf(byPost.keySet())), ts, me, viewer, byPost, oldest);
                more = rows == OLDER_POSTS;
            }
            byPost.values().forEach(r -> found.merge(r.hit().id(), r, (a, b) -> a.at().isAfter(b.at()) ? a : b));
            return found.values().stream()
                    .sorted(Comparator.comparing(Ranked::at).reversed().thenComparing(r -> r.hit().id(), Comparator.reverseOrder()))
                    .limit(PER_KIND).map(Ranked::hit).toList();
        });
    }

    /** A discussion found, and the time of its most recent match. */
    private record Ranked(Hit hit, Instant at) {
    }

    private static int ranked(Query query, String ts, long me, Viewer viewer, Map<Long, Ranked> into) {
        return ranked(query, ts, me, viewer, into, new long[] {Long.MAX_VALUE});
    }

    /** Runs a discussion query; keeps each discussion's most recent match and the oldest post read; returns the rows read. */
    private static int ranked(Query query, String ts, long me, Viewer viewer, Map<Long, Ranked> into, long[] oldest) {
        List<Ranked> rows = query.bind("ts", ts).bind("viewer", me).bind("admin", viewer.isAdmin())
                .map((rs, ctx) -> {
                    long post = rs.getLong("post");
                    if (post > 0 && post < oldest[0]) {
                        oldest[0] = post;
                    }
                    return new Ranked(new Hit("discussion", rs.getLong("id"), rs.getString("title"), rs.getString("context"),
                            "/discussions/" + rs.getLong("id")), rs.getTimestamp("matched_at").toInstant());
                }).list();
        rows.forEach(r -> into.merge(r.hit().id(), r, (a, b) -> a.at().isAfter(b.at()) ? a : b));
        return rows.size();
    }

    private List<Hit> query(String sql, String kind, String ts, long me, Viewer viewer) {
        return jdbi.withHandle(h -> {
            var q = h.createQuery(sql + " LIMIT " + PER_KIND).bind("ts", ts);
            if (sql.contains(":viewer")) {
                q.bind("viewer", me).bind("admin", viewer.isAdmin());
            }
            return q.map((rs, ctx) -> new Hit(kind, rs.getLong("id"), rs.getString("title"), rs.getString("context"), rs.getString("link"))).list();
        });
    }

    private static void put(Map<String, List<Hit>> results, String kind, List<Hit> hits) {
        if (!hits.isEmpty()) {
            results.put(kind, hits);
        }
    }

    private static String join(String a, String b) {
        boolean hasA = a != null && !a.isBlank();
        boolean hasB = b != null && !b.isBlank();
        return hasA && hasB ? a + ", " + b : hasA ? a : hasB ? b : "";
    }
}
