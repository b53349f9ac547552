package org.convene.leadership;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.convene.db.Rows;
import org.convene.errors.ConflictException;
import org.convene.errors.NotFoundException;
import org.convene.errors.ValidationException;
import org.convene.ties.TieInput;
import org.convene.ties.TieKind;
import org.convene.ties.Ties;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Data access for leader clusters. Forming one records the ties it creates: its members
 * collaborate, and the mentor mentors each of them. A mentor who is replaced or removed stops
 * mentoring: their ties from the cluster end today (deleted if they began today); one who comes
 * back has them current again. Who may see a cluster is the caller's check.
 */
public final class Clusters {
    static final String TIE_SOURCE = "leader_cluster";
    private static final String SELECT = "SELECT k.id, k.area_id, a.title, k.status, k.sponsor_id, s.full_name AS sponsor_name, "
            + "k.mentor_id, m.full_name AS mentor_name, k.mentoring, k.score, k.reasons FROM leader_clusters k "
            + "JOIN priority_areas a ON a.id = k.area_id LEFT JOIN people s ON s.id = k.sponsor_id "
            + "LEFT JOIN people m ON m.id = k.mentor_id ";

    private final Jdbi jdbi;

    public Clusters(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Every cluster (person null), or those the person sponsors, mentors or is in; open ones first, newest first. */
    public List<LeaderCluster> list(Long person) {
        String where = person == null ? "" : "WHERE k.sponsor_id = :p OR k.mentor_id = :p OR EXISTS (SELECT 1 FROM leader_cluster_members x "
                + "WHERE x.cluster_id = k.id AND x.person_id = :p) ";
        return jdbi.withHandle(h -> {
            var query = h.createQuery(SELECT + where + "ORDER BY k.status = 'ended', k.id DESC");
            if (person != null) {
                query.bind("p", person);
            }
            return query.map((rs, ctx) -> map(h, rs)).list();
        });
    }

    public List<LeaderCluster> ofArea(long areaId) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE k.area_id = :a ORDER BY k.status = 'ended', k.id").bind("a", areaId)
                .map((rs, ctx) -> map(h, rs)).list());
    }

    public Optional<LeaderCluster> find(long id) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE k.id = :id").bind("id", id).map((rs, ctx) -> map(h, rs)).findOne());
    }

    /**
     * Forms a cluster of the area's candidates (none of them in another open cluster of the area),
     * with the area's sponsor unless another is given, and records its ties.
     */
    public LeaderCluster form(long areaId, ClusterInput.Valid input, double score, List<String> reasons, Long by) {
        long id = jdbi.inTransaction(h -> {
            Long areaSponsor = h.createQuery("SELECT sponsor_id FROM priority_areas WHERE id = :a FOR UPDATE").bind("a", areaId)
                    .mapTo(Long.class).findOne().orElseThrow(() -> Areas.missing(areaId));
            for (long person : input.members()) {
                memberAvailable(h, areaId, person);
            }
            Long sponsor = input.sponsor() == null ? areaSponsor : input.sponsor();
            peopleExist(h, sponsor, input.mentor());
            long created = h.createUpdate("INSERT INTO leader_clusters (area_id, status, sponsor_id, mentor_id, mentoring, score, reasons, "
                            + "created_by) VALUES (:a, :status, :sponsor, :mentor, :mentoring, :score, :reasons, :by)")
                    .bind("a", areaId).bind("status", input.status().code()).bind("sponsor", sponsor).bind("mentor", input.mentor())
                    .bind("mentoring", input.mentoring()).bind("score", score).bind("reasons", reasons.toArray(String[]::new))
                    .bind("by", by).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            for (long person : input.members()) {
                h.createUpdate("INSERT INTO leader_cluster_members (cluster_id, area_id, person_id) VALUES (:k, :a, :p)")
                        .bind("k", created).bind("a", areaId).bind("p", person).execute();
            }
            recordTies(h, created, input.members(), input.mentor(), by);
            return created;
        });
        return get(id);
    }

    /** Changes the status, sponsor, mentor and mentoring arrangement (the members stay); a mentor replaced stops mentoring. */
    public LeaderCluster update(long id, ClusterInput.Valid input, Long by) {
        LeaderCluster before = get(id);
        List<Long> members = before.members().stream().map(LeaderCluster.Member::personId).toList();
        if (input.mentor() != null && members.contains(input.mentor())) {
            throw new ValidationException("The mentor is a member", Map.of("mentor", "The mentor cannot be one of the cluster's members"));
        }
        jdbi.useTransaction(h -> {
            Long sponsor = input.sponsor() == null ? before.sponsorId() : input.sponsor();
            peopleExist(h, sponsor, input.mentor());
            h.createUpdate("UPDATE leader_clusters SET status = :status, sponsor_id = :sponsor, mentor_id = :mentor, mentoring = :mentoring, "
                            + "updated_at = now() WHERE id = :id")
                    .bind("status", input.status().code()).bind("sponsor", sponsor).bind("mentor", input.mentor())
                    .bind("mentoring", input.mentoring()).bind("id", id).execute();
            if (before.mentorId() != null && !before.mentorId().equals(input.mentor())) {
                Ties.withdraw(h, before.mentorId(), TIE_SOURCE, tieRef(id));
            }
            recordTies(h, id, members, input.mentor(), by);
        });
        return get(id);
    }

    public LeaderCluster get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("No leader cluster with id " + id));
    }

    private static void memberAvailable(Handle h, long areaId, long person) {
        Optional<String> name = h.createQuery("SELECT p.full_name FROM cluster_candidates c JOIN people p ON p.id = c.person_id "
                + "WHERE c.area_id = :a AND c.person_id = :p").bind("a", areaId).bind("p", person).mapTo(String.class).findOne();
        if (name.isEmpty()) {
            throw new ValidationException("Not a candidate", Map.of("members", "Person " + person + " is not a candidate for this area"));
        }
        boolean taken = h.createQuery("SELECT EXISTS (SELECT 1 FROM leader_cluster_members m JOIN leader_clusters k ON k.id = m.cluster_id "
                + "WHERE m.area_id = :a AND m.person_id = :p AND k.status <> 'ended')").bind("a", areaId).bind("p", person)
                .mapTo(Boolean.class).one();
        if (taken) {
            throw new ConflictException(name.get() + " is already in a cluster for this priority area");
        }
    }

    private static void peopleExist(Handle h, Long sponsor, Long mentor) {
        if (sponsor != null && !Areas.personExists(h, sponsor)) {
            throw new ValidationException("Unknown sponsor", Map.of("sponsor", "No person with id " + sponsor));
        }
        if (mentor != null && !Areas.personExists(h, mentor)) {
            throw new ValidationException("Unknown mentor", Map.of("mentor", "No person with id " + mentor));
        }
    }

    private static String tieRef(long cluster) {
        return "cluster:" + cluster;
    }

    private static void recordTies(Handle h, long cluster, List<Long> members, Long mentor, Long by) {
        String ref = tieRef(cluster);
        for (int i = 0; i < members.size(); i++) {
            for (int j = i + 1; j < members.size(); j++) {
                Ties.record(h, new TieInput(members.get(i), members.get(j), TieKind.COLLABORATE.code(), TIE_SOURCE, ref,
                        "In a leader cluster together", null).validated(TIE_SOURCE), by);
            }
            if (mentor != null) {
                Ties.recordOngoing(h, new TieInput(mentor, members.get(i), TieKind.MENTOR.code(), TIE_SOURCE, ref,
                        "Mentors their leader cluster", null).validated(TIE_SOURCE), by);
            }
        }
    }

    private static LeaderCluster map(Handle h, ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        List<LeaderCluster.Member> members = h.createQuery("SELECT p.id, p.full_name, p.job_title, o.name AS organisation, sec.name AS sector, "
                        + "c.manager_agreement FROM leader_cluster_members m JOIN people p ON p.id = m.person_id "
                        + "JOIN sectors sec ON sec.code = p.sector_code LEFT JOIN organisations o ON o.id = p.organisation_id "
                        + "JOIN cluster_candidates c ON c.area_id = m.area_id AND c.person_id = m.person_id "
                        + "WHERE m.cluster_id = :k ORDER BY p.full_name, p.id").bind("k", id)
                .map((r, ctx) -> new LeaderCluster.Member(r.getLong("id"), r.getString("full_name"), r.getString("job_title"),
                        r.getString("organisation"), r.getString("sector"), Candidate.Agreement.fromCode(r.getString("manager_agreement"))))
                .list();
        return new LeaderCluster(id, rs.getLong("area_id"), rs.getString("title"), LeaderCluster.Status.fromCode(rs.getString("status")),
                Rows.nullableLong(rs, "sponsor_id"), rs.getString("sponsor_name"), Rows.nullableLong(rs, "mentor_id"),
                rs.getString("mentor_name"), rs.getString("mentoring"), rs.getDouble("score"), Rows.textArray(rs, "reasons"),
                new ArrayList<>(members));
    }
}
