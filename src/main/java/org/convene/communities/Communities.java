package org.convene.communities;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.convene.errors.ConflictException;
import org.convene.errors.NotFoundException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Data access for communities and their members. Who may do what is the caller's check ({@link CommunityAccess}). */
public final class Communities {
    private static final String SELECT = "SELECT c.id, c.name, c.problem, c.description, pl.name AS place, c.joining, "
            + "(SELECT count(*) FROM community_members m WHERE m.community_id = c.id AND m.status = 'active') AS members, "
            + "(SELECT count(*) FROM threads t WHERE t.community_id = c.id) AS threads "
            + "FROM communities c LEFT JOIN places pl ON pl.id = c.place_id ";

    private final Jdbi jdbi;

    public Communities(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Every community, the largest first; {@code mine} not null: only those the person belongs to or asked to join. */
    public List<Community> list(Long mine) {
        String where = mine == null ? "" : "WHERE EXISTS (SELECT 1 FROM community_members m WHERE m.community_id = c.id AND m.person_id = :p) ";
        return jdbi.withHandle(h -> {
            var query = h.createQuery(SELECT + where + "ORDER BY members DESC, lower(c.name)");
            if (mine != null) {
                query.bind("p", mine);
            }
            return query.map((rs, ctx) -> map(rs)).list();
        });
    }

    public Optional<Community> find(long id) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE c.id = :id").bind("id", id).map((rs, ctx) -> map(rs)).findOne());
    }

    public Community get(long id) {
        return find(id).orElseThrow(() -> missing(id));
    }

    /** Starts a community; its founder is its first convenor. */
    public Community create(CommunityInput.Valid input, long founder, Long by) {
        long id = inTransaction(h -> {
            long created = h.createUpdate("INSERT INTO communities (name, problem, description, place_id, joining, created_by) "
                            + "VALUES (:name, :problem, :description, :place, :joining, :by)")
                    .bind("name", input.name()).bind("problem", input.problem()).bind("description", input.description())
                    .bind("place", input.placeId()).bind("joining", input.joining()).bind("by", by)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            h.createUpdate("INSERT INTO community_members (community_id, person_id, role) VALUES (:c, :p, 'convenor')")
                    .bind("c", created).bind("p", founder).execute();
            return created;
        });
        return get(id);
    }

    public Community update(long id, CommunityInput.Valid input) {
        int changed = inTransaction(h -> h.createUpdate("UPDATE communities SET name = :name, problem = :problem, description = :description, "
                        + "place_id = :place, joining = :joining, updated_at = now() WHERE id = :id")
                .bind("name", input.name()).bind("problem", input.problem()).bind("description", input.description())
                .bind("place", input.placeId()).bind("joining", input.joining()).bind("id", id).execute());
        if (changed == 0) {
            throw missing(id);
        }
        return get(id);
    }

    /** Names are unique (any case): a taken one is a conflict, not a server error. */
    private <T> T inTransaction(org.jdbi.v3.core.HandleCallback<T, RuntimeException> work) {
        try {
            return jdbi.inTransaction(work);
        } catch (UnableToExecuteStatementException e) {
            if (e.getMessage() != null && e.getMessage().contains("communities_name_key")) {
                throw new ConflictException("There is already a community with that name");
            }
            throw e;
        }
    }

    public Optional<Membership> membership(long community, Long person) {
        if (person == null) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT role, status FROM community_members WHERE community_id = :c AND person_id = :p")
                .bind("c", community).bind("p", person).map((rs, ctx) -> new Membership(rs.getString("role"), rs.getString("status")))
                .findOne());
    }

    /** Joins an open community, or asks to join one that asks; joining twice changes nothing. */
    public Membership join(long community, long person) {
        Community c = get(community);
        String status = c.open() ? Membership.ACTIVE : Membership.REQUESTED;
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO community_members (community_id, person_id, status) VALUES (:c, :p, :s) "
                + "ON CONFLICT DO NOTHING").bind("c", community).bind("p", person).bind("s", status).execute());
        return membership(community, person).orElseThrow();
    }

    /** Leaves (or withdraws a request); the last convenor stays until they name another. */
    public void leave(long community, long person) {
        withdraw(community, person, "You are not in this community");
    }

    /** Declines a request or removes a member (never the last convenor). */
    public void remove(long community, long person) {
        withdraw(community, person, "Person " + person + " is not in this community and has not asked to join");
    }

    private void withdraw(long community, long person, String notIn) {
        jdbi.useTransaction(h -> {
            lockMembers(h, community);
            Membership m = membership(h, community, person).orElseThrow(() -> new NotFoundException(notIn));
            if (m.convenor() && convenors(h, community) == 1) {
                throw new ConflictException("You are the only convenor: make another member a convenor before you leave");
            }
            h.createUpdate("DELETE FROM community_members WHERE community_id = :c AND person_id = :p").bind("c", community).bind("p", person).execute();
        });
    }

    /** A convenor's decision: accept a request, or make an active member a convenor (or a member again). */
    public Membership setMember(long community, long person, String role, boolean accept) {
        jdbi.useTransaction(h -> {
            lockMembers(h, community);
            Membership m = membership(h, community, person)
                    .orElseThrow(() -> new NotFoundException("Person " + person + " is not in this community and has not asked to join"));
            String newRole = role == null ? m.role() : role;
            String newStatus = accept ? Membership.ACTIVE : m.status();
            if (Membership.CONVENOR.equals(newRole) && !Membership.ACTIVE.equals(newStatus)) {
                throw new ConflictException("Accept their request before making them a convenor");
            }
            if (m.convenor() && Membership.MEMBER.equals(newRole) && convenors(h, community) == 1) {
                throw new ConflictException("A community needs at least one convenor");
            }
            h.createUpdate("UPDATE community_members SET role = :r, status = :s, since = CASE WHEN status <> :s THEN now() ELSE since END "
                    + "WHERE community_id = :c AND person_id = :p").bind("r", newRole).bind("s", newStatus).bind("c", community)
                    .bind("p", person).execute();
        });
        return membership(community, person).orElseThrow();
    }

    /** Active members (and, for convenors, the requests), convenors first. */
    public List<Member> members(long community, boolean withRequests) {
        return members(community, withRequests ? "" : " AND m.status = 'active'");
    }

    /** Only those asking to join (for the convenors, on the community's page). */
    public List<Member> requests(long community) {
        return members(community, " AND m.status = 'requested'");
    }

    private List<Member> members(long community, String condition) {
        return jdbi.withHandle(h -> h.createQuery("SELECT p.id, p.full_name, p.job_title, o.name AS organisation, sec.name AS sector, "
                        + "pl.name AS place, m.role, m.status FROM community_members m JOIN people p ON p.id = m.person_id "
                        + "JOIN sectors sec ON sec.code = p.sector_code LEFT JOIN organisations o ON o.id = p.organisation_id "
                        + "LEFT JOIN places pl ON pl.id = p.place_id WHERE m.community_id = :c" + condition
                        + " ORDER BY m.status, m.role DESC, lower(p.full_name), p.id")
                .bind("c", community)
                .map((rs, ctx) -> new Member(rs.getLong("id"), rs.getString("full_name"), rs.getString("job_title"),
                        rs.getString("organisation"), rs.getString("sector"), rs.getString("place"), rs.getString("role"), rs.getString("status")))
                .list());
    }

    private static void lockMembers(Handle h, long community) {
        h.createQuery("SELECT id FROM communities WHERE id = :c FOR UPDATE").bind("c", community).mapTo(Long.class).findOne()
                .orElseThrow(() -> missing(community));
    }

    private static Optional<Membership> membership(Handle h, long community, long person) {
        return h.createQuery("SELECT role, status FROM community_members WHERE community_id = :c AND person_id = :p")
                .bind("c", community).bind("p", person).map((rs, ctx) -> new Membership(rs.getString("role"), rs.getString("status")))
                .findOne();
    }

    private static int convenors(Handle h, long community) {
        return h.createQuery("SELECT count(*) FROM community_members WHERE community_id = :c AND role = 'convenor' AND status = 'active'")
                .bind("c", community).mapTo(Integer.class).one();
    }

    private static Community map(ResultSet rs) throws SQLException {
        return new Community(rs.getLong("id"), rs.getString("name"), rs.getString("problem"), rs.getString("description"),
                rs.getString("place"), rs.getString("joining"), rs.getInt("members"), rs.getInt("threads"));
    }

    static NotFoundException missing(long id) {
        return new NotFoundException("No community with id " + id);
    }
}
