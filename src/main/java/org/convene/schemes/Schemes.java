package org.convene.schemes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.convene.db.Rows;
import org.convene.errors.ConflictException;
import org.convene.errors.NotFoundException;
import org.convene.errors.ValidationException;
import org.convene.people.People;
import org.convene.people.PersonInput;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Data access for matching schemes, their members and the blocks people set. */
public final class Schemes {
    private static final String SCHEME = "SELECT s.id, s.name, s.description, s.cadence, s.meeting_mode, s.place_id, pl.name AS place_name, "
            + "s.first_step, s.next_round_at, s.status, s.created_at, "
            + "(SELECT count(*) FROM scheme_members m WHERE m.scheme_id = s.id AND m.status = 'active') AS members, "
            + "(SELECT count(*) FROM match_rounds r WHERE r.scheme_id = s.id) AS rounds "
            + "FROM schemes s LEFT JOIN places pl ON pl.id = s.place_id ";
    static final String MEMBER = "SELECT m.scheme_id, m.person_id, p.full_name, p.email, p.organisation_id, o.name AS organisation_name, "
            + "p.sector_code, sec.name AS sector_name, pl.name AS place_name, p.interests, p.offers, p.asks, p.profession, "
            + "m.meeting_mode, m.status, m.skip_next, m.joined_at "
            + "FROM scheme_members m JOIN people p ON p.id = m.person_id "
            + "JOIN sectors sec ON sec.code = p.sector_code "
            + "LEFT JOIN organisations o ON o.id = p.organisation_id LEFT JOIN places pl ON pl.id = p.place_id ";

    private final Jdbi jdbi;

    public Schemes(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    // Schemes

    public List<Scheme> list() {
        return jdbi.withHandle(h -> h.createQuery(SCHEME + "ORDER BY s.status = 'closed', lower(s.name)")
                .map((rs, ctx) -> scheme(rs)).list());
    }

    public Optional<Scheme> find(long id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    static Optional<Scheme> find(Handle h, long id) {
        return h.createQuery(SCHEME + "WHERE s.id = :id").bind("id", id).map((rs, ctx) -> scheme(rs)).findOne();
    }

    public Scheme get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("No scheme with id " + id));
    }

    /** The scheme, unless it is closed and the viewer is not in the programme team (then it does not exist for them). */
    public Scheme visibleTo(long id, org.convene.accounts.Viewer viewer) {
        Scheme scheme = get(id);
        if (Scheme.CLOSED.equals(scheme.status()) && !viewer.inProgrammeTeam()) {
            throw new NotFoundException("No scheme with id " + id);
        }
        return scheme;
    }

    public Scheme create(SchemeInput.Valid input, Long createdBy) {
        long id = jdbi.inTransaction(h -> {
            nameFree(h, input.name(), null);
            return h.createUpdate("INSERT INTO schemes (name, description, cadence, meeting_mode, place_id, first_step, "
                            + "next_round_at, status, created_by) VALUES (:name, :description, :cadence, :mode, :place, :step, "
                            + ":next, :status, :by)")
                    .bindMap(params(input)).bind("by", createdBy)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        });
        return get(id);
    }

    public Scheme update(long id, SchemeInput.Valid input) {
        jdbi.useTransaction(h -> {
            nameFree(h, input.name(), id);
            if (h.createUpdate("UPDATE schemes SET name = :name, description = :description, cadence = :cadence, "
                            + "meeting_mode = :mode, place_id = :place, first_step = :step, next_round_at = :next, status = :status, "
                            + "updated_at = now() WHERE id = :id")
                    .bindMap(params(input)).bind("id", id).execute() == 0) {
                throw new NotFoundException("No scheme with id " + id);
            }
        });
        return get(id);
    }

    private static java.util.Map<String, Object> params(SchemeInput.Valid input) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put("name", input.name());
        p.put("description", input.description());
        p.put("cadence", input.cadence().code());
        p.put("mode", input.meetingMode().code());
        p.put("place", input.placeId());
        p.put("step", input.firstStep());
        p.put("next", input.nextRoundAt() == null ? null : java.sql.Timestamp.from(input.nextRoundAt()));
        p.put("status", input.status());
        return p;
    }

    private static void nameFree(Handle h, String name, Long except) {
        Optional<Long> same = h.createQuery("SELECT id FROM schemes WHERE lower(name) = lower(:name)")
                .bind("name", name).mapTo(Long.class).findOne();
        if (same.isPresent() && !same.get().equals(except)) {
            throw new ConflictException("A scheme called '" + name + "' already exists");
        }
    }

    /** The schemes a person belongs to (or has paused), newest first. */
    public List<Scheme> schemesOf(long personId) {
        return jdbi.withHandle(h -> h.createQuery(SCHEME + "WHERE EXISTS (SELECT 1 FROM scheme_members m WHERE m.scheme_id = s.id "
                        + "AND m.person_id = :person AND m.status <> 'left') ORDER BY s.created_at DESC")
                .bind("person", personId).map((rs, ctx) -> scheme(rs)).list());
    }

    // Members

    public List<Member> members(long schemeId) {
        return jdbi.withHandle(h -> h.createQuery(MEMBER + "WHERE m.scheme_id = :scheme ORDER BY m.status, lower(p.full_name), p.id")
                .bind("scheme", schemeId).map((rs, ctx) -> member(rs)).list());
    }

    /** How many members are active, paused and left (each status present, zero when none). */
    public Map<String, Long> memberCounts(long schemeId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String status : List.of(Member.ACTIVE, Member.PAUSED, Member.LEFT)) {
            counts.put(status, 0L);
        }
        jdbi.useHandle(h -> h.createQuery("SELECT status, count(*) FROM scheme_members WHERE scheme_id = :scheme GROUP BY status")
                .bind("scheme", schemeId)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .forEach(e -> counts.put(e.getKey(), e.getValue())));
        return counts;
    }

    public Optional<Member> membership(long schemeId, long personId) {
        return jdbi.withHandle(h -> h.createQuery(MEMBER + "WHERE m.scheme_id = :scheme AND m.person_id = :person")
                .bind("scheme", schemeId).bind("person", personId).map((rs, ctx) -> member(rs)).findOne());
    }

    /**
     * Opts someone in (or back in) with how they like to meet, saving any directory details they
     * changed in the same transaction. A scheme restricted to a place takes only people there.
     */
    public Member join(long schemeId, long personId, MeetingMode mode, PersonInput profile) {
        jdbi.useTransaction(h -> {
            Scheme scheme = find(h, schemeId).orElseThrow(() -> new NotFoundException("No scheme with id " + schemeId));
            if (Scheme.CLOSED.equals(scheme.status())) {
                throw new ConflictException(scheme.name() + " is closed and takes no new members");
            }
            if (profile != null) {
                People.update(h, personId, profile);
            }
            if (scheme.placeId() != null) {
                Long place = h.createQuery("SELECT place_id FROM people WHERE id = :id").bind("id", personId)
                        .mapTo(Long.class).findOne().orElse(null);
                if (!scheme.placeId().equals(place)) {
                    throw ValidationException.of(java.util.Map.of("place", scheme.name() + " is for people in " + scheme.placeName()
                            + "; set your place to " + scheme.placeName() + " to join"));
                }
            }
            h.createUpdate("INSERT INTO scheme_members (scheme_id, person_id, meeting_mode) VALUES (:scheme, :person, :mode) "
                            + "ON CONFLICT (scheme_id, person_id) DO UPDATE SET meeting_mode = excluded.meeting_mode, "
                            + "status = 'active', skip_next = false, updated_at = now()")
                    .bind("scheme", schemeId).bind("person", personId).bind("mode", mode.code()).execute();
        });
        return membership(schemeId, personId).orElseThrow();
    }

    /** Pause (no rounds until resumed), resume, or leave. */
    public Member setStatus(long schemeId, long personId, String status) {
        if (!List.of(Member.ACTIVE, Member.PAUSED, Member.LEFT).contains(status)) {
            throw ValidationException.of(java.util.Map.of("status", "Status must be active, paused or left"));
        }
        int n = jdbi.withHandle(h -> h.createUpdate("UPDATE scheme_members SET status = :status, skip_next = false, updated_at = now() "
                        + "WHERE scheme_id = :scheme AND person_id = :person")
                .bind("status", status).bind("scheme", schemeId).bind("person", personId).execute());
        if (n == 0) {
            throw new NotFoundException("You are not in this scheme");
        }
        return membership(schemeId, personId).orElseThrow();
    }

    /** Leaves someone out of the next round only (or takes that back). */
    public Member skipNext(long schemeId, long personId, boolean skip) {
        int n = jdbi.withHandle(h -> h.createUpdate("UPDATE scheme_members SET skip_next = :skip, updated_at = now() "
                        + "WHERE scheme_id = :scheme AND person_id = :person AND status = 'active'")
                .bind("skip", skip).bind("scheme", schemeId).bind("person", personId).execute());
        if (n == 0) {
            throw new ConflictException("Only an active member can skip a round; resume first");
        }
        return membership(schemeId, personId).orElseThrow();
    }

    // Blocks

    public record Blocked(long personId, String name, java.time.Instant since) {
    }

    public List<Blocked> blocked(long personId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT b.blocked_id, p.full_name, b.created_at FROM match_blocks b "
                        + "JOIN people p ON p.id = b.blocked_id WHERE b.person_id = :person ORDER BY lower(p.full_name)")
                .bind("person", personId)
                .map((rs, ctx) -> new Blocked(rs.getLong(1), rs.getString(2), Rows.instant(rs, "created_at"))).list());
    }

    /** Never match {@code personId} with {@code blockedId} again, in any scheme. Idempotent. */
    public void block(long personId, long blockedId) {
        if (personId == blockedId) {
            throw ValidationException.of(java.util.Map.of("personId", "You cannot block yourself"));
        }
        jdbi.useHandle(h -> {
            if (h.createQuery("SELECT 1 FROM people WHERE id = :id").bind("id", blockedId).mapTo(Integer.class).findOne().isEmpty()) {
                throw new NotFoundException("No person with id " + blockedId);
            }
            h.createUpdate("INSERT INTO match_blocks (person_id, blocked_id) VALUES (:a, :b) ON CONFLICT DO NOTHING")
                    .bind("a", personId).bind("b", blockedId).execute();
        });
    }

    public void unblock(long personId, long blockedId) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM match_blocks WHERE person_id = :a AND blocked_id = :b")
                .bind("a", personId).bind("b", blockedId).execute());
    }

    // Mapping

    static Scheme scheme(ResultSet rs) throws SQLException {
        return new Scheme(rs.getLong("id"), rs.getString("name"), rs.getString("description"),
                Cadence.fromCode(rs.getString("cadence")).orElseThrow(), MeetingMode.fromCode(rs.getString("meeting_mode")).orElseThrow(),
                Rows.nullableLong(rs, "place_id"), rs.getString("place_name"), rs.getString("first_step"),
                Rows.instant(rs, "next_round_at"), rs.getString("status"), rs.getInt("members"), rs.getInt("rounds"),
                Rows.instant(rs, "created_at"));
    }

    static Member member(ResultSet rs) throws SQLException {
        return new Member(rs.getLong("scheme_id"), rs.getLong("person_id"), rs.getString("full_name"), rs.getString("email"),
                Rows.nullableLong(rs, "organisation_id"), rs.getString("organisation_name"), rs.getString("sector_code"),
                rs.getString("sector_name"), rs.getString("place_name"), Rows.textArray(rs, "interests"), rs.getString("offers"),
                rs.getString("asks"), rs.getString("profession"), MeetingMode.fromCode(rs.getString("meeting_mode")).orElseThrow(),
                rs.getString("status"), rs.getBoolean("skip_next"), Rows.instant(rs, "joined_at"));
    }
}
