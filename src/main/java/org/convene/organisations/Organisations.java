package org.convene.organisations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.convene.db.Rows;
import org.convene.directory.Reference;
import org.convene.errors.ConflictException;
import org.convene.errors.NotFoundException;
import org.convene.web.Paged;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Data access for organisations. */
public final class Organisations {
    private static final String SELECT = "SELECT o.id, o.name, o.sector_code, s.name AS sector_name, o.place_id, "
            + "pl.name AS place_name, (SELECT count(*) FROM people p WHERE p.organisation_id = o.id) AS people "
            + "FROM organisations o JOIN sectors s ON s.code = o.sector_code LEFT JOIN places pl ON pl.id = o.place_id ";
    private final Jdbi jdbi;

    public Organisations(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public record Filter(String q, String sector, Long placeId) {
    }

    public Paged<Organisation> list(Filter filter, int page, int size) {
        String where = "WHERE (:q = '' OR o.name ILIKE '%' || :q || '%') "
                + "AND (:sector = '' OR o.sector_code = :sector) AND (:place::bigint IS NULL OR o.place_id = :place) ";
        return jdbi.withHandle(h -> {
            List<Organisation> items = h.createQuery(SELECT + where + "ORDER BY lower(o.name), o.id LIMIT :limit OFFSET :offset")
                    .bind("q", escapeLike(filter.q()))
                    .bind("sector", filter.sector() == null ? "" : filter.sector())
                    .bind("place", filter.placeId())
                    .bind("limit", size)
                    .bind("offset", (page - 1) * size)
                    .map((rs, ctx) -> map(rs)).list();
            long total = h.createQuery("SELECT count(*) FROM organisations o " + where)
                    .bind("q", escapeLike(filter.q()))
                    .bind("sector", filter.sector() == null ? "" : filter.sector())
                    .bind("place", filter.placeId())
                    .mapTo(Long.class).one();
            return new Paged<>(items, page, size, total, false);
        });
    }

    public List<Organisation> all() {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "ORDER BY lower(o.name)").map((rs, ctx) -> map(rs)).list());
    }

    /** Names and ids only, for choosing an organisation in a form. */
    public List<Organisation> choices() {
        return jdbi.withHandle(h -> h.createQuery("SELECT o.id, o.name, o.sector_code, '' AS sector_name, o.place_id, "
                        + "'' AS place_name, 0 AS people FROM organisations o ORDER BY lower(o.name)")
                .map((rs, ctx) -> map(rs)).list());
    }

    public Optional<Organisation> find(long id) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE o.id = :id").bind("id", id).map((rs, ctx) -> map(rs)).findOne());
    }

    public Organisation get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("No organisation with id " + id));
    }

    public Optional<Long> idByName(Handle h, String name) {
        return h.createQuery("SELECT id FROM organisations WHERE lower(name) = lower(:name)").bind("name", name.trim())
                .mapTo(Long.class).findOne();
    }

    public Organisation create(OrganisationInput input) {
        long id = jdbi.inTransaction(h -> insert(h, input));
        return get(id);
    }

    /** Inserts a validated organisation in the caller's transaction. */
    public long insert(Handle h, OrganisationInput input) {
        if (idByName(h, input.name()).isPresent()) {
            throw new ConflictException("An organisation called '" + input.name() + "' already exists");
        }
        Long placeId = input.place().isEmpty() ? null : Reference.placeId(h, input.place());
        return h.createUpdate("INSERT INTO organisations (name, sector_code, place_id) VALUES (:name, :sector, :place)")
                .bind("name", input.name())
                .bind("sector", input.sector())
                .bind("place", placeId)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    public Organisation update(long id, OrganisationInput input) {
        jdbi.useTransaction(h -> {
            Optional<Long> sameName = idByName(h, input.name());
            if (sameName.isPresent() && sameName.get() != id) {
                throw new ConflictException("An organisation called '" + input.name() + "' already exists");
            }
            Long placeId = input.place().isEmpty() ? null : Reference.placeId(h, input.place());
            int n = h.createUpdate("UPDATE organisations SET name = :name, sector_code = :sector, place_id = :place, "
                            + "updated_at = now() WHERE id = :id")
                    .bind("name", input.name())
                    .bind("sector", input.sector())
                    .bind("place", placeId)
                    .bind("id", id)
                    .execute();
            if (n == 0) {
                throw new NotFoundException("No organisation with id " + id);
            }
        });
        return get(id);
    }

    public void delete(long id) {
        jdbi.useTransaction(h -> {
            long members = h.createQuery("SELECT count(*) FROM people WHERE organisation_id = :id").bind("id", id).mapTo(Long.class).one();
            if (members > 0) {
                throw new ConflictException("This organisation still has " + members + " people; move them first");
            }
            if (h.createUpdate("DELETE FROM organisations WHERE id = :id").bind("id", id).execute() == 0) {
                throw new NotFoundException("No organisation with id " + id);
            }
        });
    }

    static String escapeLike(String q) {
        if (q == null) {
            return "";
        }
        return q.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static Organisation map(ResultSet rs) throws SQLException {
        return new Organisation(rs.getLong("id"), rs.getString("name"), rs.getString("sector_code"),
                rs.getString("sector_name"), Rows.nullableLong(rs, "place_id"), rs.getString("place_name"), rs.getLong("people"));
    }
}
