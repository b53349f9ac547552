package org.convene.communities;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.convene.db.Rows;
import org.convene.errors.NotFoundException;
import org.jdbi.v3.core.Jdbi;

/**
 * Data access for a community's resources: links, and files whose bytes are kept apart
 * (community_resource_files), so lists never read them. Who may see or change them is the caller's check.
 */
public final class Resources {
    private static final String SELECT = "SELECT r.id, r.community_id, r.title, r.description, r.url, r.file_name, r.content_type, "
            + "r.size, r.sha256, r.pinned, r.added_by, p.full_name AS added_by_name, r.created_at, count(*) OVER () AS total "
            + "FROM community_resources r LEFT JOIN people p ON p.id = r.added_by ";
    private static final String ORDER = "ORDER BY r.pinned DESC, r.created_at DESC, r.id DESC ";

    /** Some of a community's resources, pinned first and then the newest, and how many it has in all. */
    public record Listing(List<Resource> items, int total) {
    }

    /** A file to download: its name, its stored type and its bytes. */
    public record Download(String fileName, String contentType, byte[] content) {
    }

    private final Jdbi jdbi;

    public Resources(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The community's first {@code limit} resources (null: all of them) and its count. */
    public Listing ofCommunity(long community, Integer limit) {
        List<Counted> rows = jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE r.community_id = :c " + ORDER
                        + (limit == null ? "" : "LIMIT " + limit))
                .bind("c", community)
                .map((rs, ctx) -> new Counted(resource(rs), rs.getInt("total")))
                .list());
        return new Listing(rows.stream().map(Counted::resource).toList(), rows.isEmpty() ? 0 : rows.get(0).total());
    }

    private record Counted(Resource resource, int total) {
    }

    public Resource get(long id) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE r.id = :id").bind("id", id).map((rs, ctx) -> resource(rs)).findOne())
                .orElseThrow(() -> missing(id));
    }

    /** Adds a checked link or file; a file's bytes go in the same transaction. */
    public Resource add(long community, long person, ResourceInput.Valid input) {
        ResourceFile file = input.file();
        long id = jdbi.inTransaction(h -> {
            long created = h.createUpdate("INSERT INTO community_resources (community_id, title, description, url, file_name, content_type, "
                            + "size, sha256, added_by) VALUES (:c, :title, :description, :url, :name, :type, :size, :sha, :by)")
                    .bind("c", community).bind("title", input.title()).bind("description", input.description()).bind("url", input.url())
                    .bind("name", file == null ? null : file.name())
                    .bind("type", file == null ? null : file.type().mediaType())
                    .bind("size", file == null ? null : (long) file.content().length)
                    .bind("sha", file == null ? null : file.sha256())
                    .bind("by", person)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            if (file != null) {
                h.createUpdate("INSERT INTO community_resource_files (resource_id, content) VALUES (:id, :content)")
                        .bind("id", created).bind("content", file.content()).execute();
            }
            return created;
        });
        return get(id);
    }

    public Optional<Download> download(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT r.file_name, r.content_type, f.content FROM community_resources r "
                        + "JOIN community_resource_files f ON f.resource_id = r.id WHERE r.id = :id").bind("id", id)
                .map((rs, ctx) -> new Download(rs.getString("file_name"), rs.getString("content_type"), rs.getBytes("content")))
                .findOne());
    }

    public void delete(long id) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM community_resources WHERE id = :id").bind("id", id).execute());
    }

    public Resource pin(long id, boolean pinned) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE community_resources SET pinned = :p WHERE id = :id").bind("p", pinned).bind("id", id).execute());
        return get(id);
    }

    private static Resource resource(ResultSet rs) throws SQLException {
        return new Resource(rs.getLong("id"), rs.getLong("community_id"), rs.getString("title"), rs.getString("description"),
                rs.getString("url"), rs.getString("file_name"), rs.getString("content_type"), Rows.nullableLong(rs, "size"),
                rs.getString("sha256"), rs.getBoolean("pinned"), Rows.nullableLong(rs, "added_by"), rs.getString("added_by_name"),
                Rows.instant(rs, "created_at"));
    }

    static NotFoundException missing(long id) {
        return new NotFoundException("No resource with id " + id);
    }
}
