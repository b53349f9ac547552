package org.convene.ties;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.convene.db.Rows;
import org.convene.errors.NotFoundException;
import org.convene.errors.ValidationException;
import org.convene.web.Paged;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The tie store that every feature writes to. Recording the same evidence twice (same pair,
 * kind, source and reference) returns the tie already stored instead of adding a second one.
 */
public final class Ties {
    private static final String SELECT = "SELECT t.id, t.person_a, pa.full_name AS a_name, t.person_b, pb.full_name AS b_name, "
            + "t.kind, t.source, t.source_ref, t.note, t.started_on, t.ended_on, t.recorded_by, t.created_at "
            + "FROM ties t JOIN people pa ON pa.id = t.person_a JOIN people pb ON pb.id = t.person_b ";
    private final Jdbi jdbi;

    public Ties(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public record Recorded(Tie tie, boolean created) {
    }

    public Recorded record(TieInput.Valid tie, Long recordedBy) {
        return jdbi.inTransaction(h -> record(h, tie, recordedBy));
    }

    /** Records a tie in the caller's transaction (so a feature's own write and its tie commit together). */
    public static Recorded record(Handle h, TieInput.Valid tie, Long recordedBy) {
        long people = h.createQuery("SELECT count(*) FROM people WHERE id IN (:a, :b)")
                .bind("a", tie.personA()).bind("b", tie.personB()).mapTo(Long.class).one();
        if (people < 2) {
            throw new ValidationException("Both people must be in the directory",
                    java.util.Map.of("otherPersonId", "No such person in the directory"));
        }
        Optional<Long> inserted = h.createQuery("INSERT INTO ties (person_a, person_b, kind, source, source_ref, note, started_on, recorded_by) "
                        + "VALUES (:a, :b, :kind, :source, :ref, :note, :started, :by) "
                        + "ON CONFLICT (person_a, person_b, kind, source, source_ref) DO NOTHING RETURNING id")
                .bind("a", tie.personA())
                .bind("b", tie.personB())
                .bind("kind", tie.kind().code())
                .bind("source", tie.source())
                .bind("ref", tie.sourceRef())
                .bind("note", tie.note())
                .bind("started", tie.startedOn())
                .bind("by", recordedBy)
                .mapTo(Long.class).findOne();
        long id = inserted.orElseGet(() -> h.createQuery("SELECT id FROM ties WHERE person_a = :a AND person_b = :b "
                        + "AND kind = :kind AND source = :source AND source_ref = :ref")
                .bind("a", tie.personA()).bind("b", tie.personB()).bind("kind", tie.kind().code())
                .bind("source", tie.source()).bind("ref", tie.sourceRef())
                .mapTo(Long.class).one());
        return new Recorded(find(h, id).orElseThrow(), inserted.isPresent());
    }

    /**
     * Records that {@code person} worked with each of {@code others} on one thing (co-organising an
     * event, co-authoring an idea): a {@code collaborate} tie per pair, from {@code source} with
     * {@code sourceRef}, in the caller's transaction.
     */
    public static void collaborated(Handle h, long person, java.util.Collection<Long> others, String source, String sourceRef, String note,
                                    Long recordedBy) {
        for (long other : others) {
            if (other != person) {
                record(h, new TieInput(person, other, TieKind.COLLABORATE.code(), source, sourceRef, note, null).validated(source), recordedBy);
            }
        }
    }

    /**
     * Records evidence that holds from now on (someone joins a project team): like {@link #record},
     * but a tie from the same evidence that had ended (they left and came back) is current again.
     */
    public static Recorded recordOngoing(Handle h, TieInput.Valid tie, Long recordedBy) {
        Recorded recorded = record(h, tie, recordedBy);
        if (recorded.tie().endedOn() == null) {
            return recorded;
        }
        h.createUpdate("UPDATE ties SET ended_on = NULL WHERE id = :id").bind("id", recorded.tie().id()).execute();
        return new Recorded(find(h, recorded.tie().id()).orElseThrow(), false);
    }

    /**
     * Withdraws one person's current evidence from a source and reference (someone leaves a project
     * team): ties that began today are deleted, so correcting a mistake leaves no false history;
     * older ones end today and stay in the history of the network.
     */
    public static void withdraw(Handle h, long personId, String source, String sourceRef) {
        String mine = "(person_a = :p OR person_b = :p) AND source = :source AND source_ref = :ref AND ended_on IS NULL";
        h.createUpdate("DELETE FROM ties WHERE " + mine + " AND started_on >= current_date")
                .bind("p", personId).bind("source", source).bind("ref", sourceRef).execute();
        h.createUpdate("UPDATE ties SET ended_on = greatest(started_on, current_date) WHERE " + mine)
                .bind("p", personId).bind("source", source).bind("ref", sourceRef).execute();
    }

    public Optional<Tie> find(long id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    static Optional<Tie> find(Handle h, long id) {
        return h.createQuery(SELECT + "WHERE t.id = :id").bind("id", id).map((rs, ctx) -> map(rs)).findOne();
    }

    public Tie get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("No tie with id " + id));
    }

    /** Current ties of one person, newest first. */
    public List<Tie> ofPerson(long personId) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE (t.person_a = :p OR t.person_b = :p) AND t.ended_on IS NULL "
                        + "ORDER BY t.started_on DESC, t.id DESC LIMIT 500")
                .bind("p", personId).map((rs, ctx) -> map(rs)).list());
    }

    public record Filter(Long personId, String source, String kind, LocalDate since) {
    }

    public Paged<Tie> list(Filter filter, int page, int size) {
        String where = "WHERE (:p::bigint IS NULL OR t.person_a = :p OR t.person_b = :p) "
                + "AND (:source::text IS NULL OR t.source = :source) AND (:kind::text IS NULL OR t.kind = :kind) "
                + "AND (:since::date IS NULL OR t.started_on >= :since) ";
        return jdbi.withHandle(h -> {
            List<Tie> items = h.createQuery(SELECT + where + "ORDER BY t.id LIMIT :limit OFFSET :offset")
                    .bind("p", filter.personId()).bind("source", filter.source()).bind("kind", filter.kind())
                    .bind("since", filter.since())
                    .bind("limit", size).bind("offset", (page - 1) * size)
                    .map((rs, ctx) -> map(rs)).list();
            long total = h.createQuery("SELECT count(*) FROM ties t " + where)
                    .bind("p", filter.personId()).bind("source", filter.source()).bind("kind", filter.kind())
                    .bind("since", filter.since())
                    .mapTo(Long.class).one();
            return new Paged<>(items, page, size, total, false);
        });
    }

    /** Ends a tie as of today; it stays in the history of the network. */
    public void end(long id) {
        int n = jdbi.withHandle(h -> h.createUpdate("UPDATE ties SET ended_on = greatest(started_on, current_date) "
                + "WHERE id = :id AND ended_on IS NULL").bind("id", id).execute());
        if (n == 0) {
            throw new NotFoundException("No current tie with id " + id);
        }
    }

    static Tie map(ResultSet rs) throws SQLException {
        return new Tie(rs.getLong("id"), rs.getLong("person_a"), rs.getString("a_name"), rs.getLong("person_b"),
                rs.getString("b_name"), rs.getString("kind"), rs.getString("source"), rs.getString("source_ref"),
                rs.getString("note"), Rows.date(rs, "started_on"), Rows.date(rs, "ended_on"),
                Rows.nullableLong(rs, "recorded_by"), Rows.instant(rs, "created_at"));
    }
}
