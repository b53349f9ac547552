package org.convene.communities;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.convene.db.Rows;
import org.convene.errors.NotFoundException;
import org.convene.text.Markdown;
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

    /** All the posts, oldest first, each with its Markdown rendered and sanitised: for a discussion just started; pages read {@link #posts(long, int)}. */
    public List<Post> posts(long discussion) {
        return jdbi.withHandle(h -> h.createQuery(POSTS + "WHERE x.thread_id = :t ORDER BY x.id").bind("t", discussion)
                .map((rs, ctx) -> post(rs)).list());
    }

    /**
     * One page of the posts ({@value #POSTS_PAGE} a page, from page 1), oldest first, rendered and
     * sanitised. The page's ids come from the index alone, so the last page of 5,000 posts skips
     * index entries rather than reading every earlier post (155 ms to 2.4 ms).
     */
    public List<Post> posts(long discussion, int page) {
        return jdbi.withHandle(h -> h.createQuery(POSTS + "WHERE x.id IN (SELECT id FROM posts WHERE thread_id = :t ORDER BY id LIMIT "
                        + POSTS_PAGE + " OFFSET :skip) ORDER BY x.id")
                .bind("t", discussion).bind("skip", (long) (Math.max(1, page) - 1) * POSTS_PAGE).map((rs, ctx) -> post(rs)).list());
    }

    /** The page (from 1) on which a post of the discussion is shown. */
    public int pageOf(long discussion, long post) {
        long before = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM posts WHERE thread_id = :t AND id <= :p")
                .bind("t", discussion).bind("p", post).mapTo(Long.class).one());
        return (int) (Math.max(0, before - 1) / POSTS_PAGE) + 1;
    }

    /** How many pages the discussion's posts fill (at least 1). */
    public static int pages(Discussion d) {
        return Math.max(1, (d.posts() + POSTS_PAGE - 1) / POSTS_PAGE);
    }

    /** Starts a discussion with its first post. */
    public Discussion start(long community, long author, PostInput.Valid input) {
        long id = jdbi.inTransaction(h -> {
            long created = h.createUpdate("INSERT INTO threads (community_id, title, author_id) VALUES (:c, :t, :a)")
                    .bind("c", community).bind("t", input.title()).bind("a", author).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            addPost(h, created, author, input.body());
            return created;
        });
        return get(id);
    }

    public Post reply(long discussion, long author, PostInput.Valid input) {
        long id = jdbi.inTransaction(h -> addPost(h, discussion, author, input.body()));
        return jdbi.withHandle(h -> h.createQuery(POSTS + "WHERE x.id = :id").bind("id", id).map((rs, ctx) -> post(rs)).one());
    }

    private static long addPost(org.jdbi.v3.core.Handle h, long discussion, long author, String body) {
        long id = h.createUpdate("INSERT INTO posts (thread_id, author_id, body) VALUES (:t, :a, :b)")
                .bind("t", discussion).bind("a", author).bind("b", body).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        h.createUpdate("UPDATE threads SET posts = posts + 1, last_post_at = now() WHERE id = :t").bind("t", discussion).execute();
        return id;
    }

    public Discussion pin(long discussion, boolean pinned) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE threads SET pinned = :p WHERE id = :t").bind("p", pinned).bind("t", discussion).execute());
        return get(discussion);
    }

    private static Post post(ResultSet rs) throws SQLException {
        return new Post(rs.getLong("id"), rs.getLong("thread_id"), Rows.nullableLong(rs, "author_id"), rs.getString("full_name"),
                rs.getString("body"), Markdown.toHtml(rs.getString("body")), Rows.instant(rs, "created_at"));
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
