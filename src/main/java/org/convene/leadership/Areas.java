package org.convene.leadership;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.convene.db.Rows;
import org.convene.errors.ConflictException;
import org.convene.errors.NotFoundException;
import org.convene.errors.ValidationException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Data access for priority areas, their candidate leaders and the peers who endorsed them. Who may see them is the caller's check. */
public final class Areas {
    private static final String SELECT = "SELECT a.id, a.title, a.improvement, a.savings, a.savings_per_year, a.topics, pl.name AS place, "
            + "a.sponsor_id, s.full_name AS sponsor_name, a.sponsor_notes, a.relationship_notes, "
            + "(SELECT count(*) FROM cluster_candidates c WHERE c.area_id = a.id) AS candidates, "
            + "(SELECT count(*) FROM leader_clusters k WHERE k.area_id = a.id AND k.status <> 'ended') AS clusters "
            + "FROM priority_areas a LEFT JOIN places pl ON pl.id = a.place_id LEFT JOIN people s ON s.id = a.sponsor_id ";
    private static final String CANDIDATES = "SELECT c.person_id, p.full_name, p.job_title, p.profession, o.name AS organisation, "
            + "p.sector_code, sec.name AS sector_name, pl.name AS place, p.interests, c.seniority, c.clout, c.approach, c.line_manager, "
            + "c.manager_agreement, m.cluster_id FROM cluster_candidates c JOIN people p ON p.id = c.person_id "
            + "JOIN sectors sec ON sec.code = p.sector_code LEFT JOIN organisations o ON o.id = p.organisation_id "
            + "LEFT JOIN places pl ON pl.id = p.place_id "
            + "LEFT JOIN (leader_cluster_members m JOIN leader_clusters k ON k.id = m.cluster_id AND k.status <> 'ended') "
            + "ON m.area_id = c.area_id AND m.person_id = c.person_id ";

    private final Jdbi jdbi;

    public Areas(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Every area, or (sponsor not null) those the person sponsors, or sponsors a cluster of; the newest first. */
    public List<PriorityArea> list(Long sponsor) {
        String where = sponsor == null ? "" : "WHERE a.sponsor_id = :p OR EXISTS (SELECT 1 FROM leader_clusters k "
                + "WHERE k.area_id = a.id AND k.sponsor_id = :p) ";
        return jdbi.withHandle(h -> {
            var query = h.createQuery(SELECT + where + "ORDER BY a.id DESC");
            if (sponsor != null) {
                query.bind("p", sponsor);
            }
            return query.map((rs, ctx) -> area(rs)).list();
        });
    }

    public Optional<PriorityArea> find(long id) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE a.id = :id").bind("id", id).map((rs, ctx) -> area(rs)).findOne());
    }

    public PriorityArea get(long id) {
        return find(id).orElseThrow(() -> missing(id));
    }

    public PriorityArea create(AreaInput.Valid input, Long by) {
        long id = jdbi.inTransaction(h -> {
            sponsorExists(h, input.sponsor());
            return h.createUpdate("INSERT INTO priority_areas (title, improvement, savings, savings_per_year, topics, place_id, sponsor_id, "
                            + "sponsor_notes, relationship_notes, created_by) VALUES (:title, :improvement, :savings, :perYear, :topics, "
                            + ":place, :sponsor, :sponsorNotes, :relationshipNotes, :by)")
                    .bindMap(params(input)).bind("by", by).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        });
        return get(id);
    }

    public PriorityArea update(long id, AreaInput.Valid input) {
        jdbi.useTransaction(h -> {
            sponsorExists(h, input.sponsor());
            int changed = h.createUpdate("UPDATE priority_areas SET title = :title, improvement = :improvement, savings = :savings, "
                            + "savings_per_year = :perYear, topics = :topics, place_id = :place, sponsor_id = :sponsor, "
                            + "sponsor_notes = :sponsorNotes, relationship_notes = :relationshipNotes, updated_at = now() WHERE id = :id")
                    .bindMap(params(input)).bind("id", id).execute();
            if (changed == 0) {
                throw missing(id);
            }
        });
        return get(id);
    }

    private static Map<String, Object> params(AreaInput.Valid input) {
        Map<String, Object> p = new HashMap<>();
        p.put("title", input.title());
        p.put("improvement", input.improvement());
        p.put("savings", input.savings());
        p.put("perYear", input.savingsPerYear());
        p.put("topics", input.topics().toArray(String[]::new));
        p.put("place", input.placeId());
        p.put("sponsor", input.sponsor());
        p.put("sponsorNotes", input.sponsorNotes());
        p.put("relationshipNotes", input.relationshipNotes());
        return p;
    }

    private static void sponsorExists(Handle h, Long sponsor) {
        if (sponsor != null && !personExists(h, sponsor)) {
            throw new ValidationException("Unknown sponsor", Map.of("sponsor", "No person with id " + sponsor));
        }
    }

    static boolean personExists(Handle h, long id) {
        return h.createQuery("SELECT EXISTS (SELECT 1 FROM people WHERE id = :p)").bind("p", id).mapTo(Boolean.class).one();
    }

    // Candidates

    /** The area's candidates, most senior first, with their endorsements. */
    public List<Candidate> candidates(long areaId) {
        return jdbi.withHandle(h -> candidates(h, areaId, null));
    }

    public Candidate candidate(long areaId, long personId) {
        return jdbi.withHandle(h -> candidates(h, areaId, personId)).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("Person " + personId + " is not a candidate for priority area " + areaId));
    }

    private static List<Candidate> candidates(Handle h, long areaId, Long personId) {
        Map<Long, List<Candidate.Endorsement>> endorsements = new HashMap<>();
        h.createQuery("SELECT e.person_id, e.endorser_id, p.full_name, e.note FROM candidate_endorsements e "
                        + "JOIN people p ON p.id = e.endorser_id WHERE e.area_id = :a ORDER BY e.created_at, e.endorser_id")
                .bind("a", areaId)
                .map((rs, ctx) -> Map.entry(rs.getLong("person_id"),
                        new Candidate.Endorsement(rs.getLong("endorser_id"), rs.getString("full_name"), rs.getString("note"))))
                .forEach(e -> endorsements.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        String where = "WHERE c.area_id = :a" + (personId == null ? "" : " AND c.person_id = :p");
        var query = h.createQuery(CANDIDATES + where + " ORDER BY c.seniority DESC, p.full_name, c.person_id").bind("a", areaId);
        if (personId != null) {
            query.bind("p", personId);
        }
        return query.map((rs, ctx) -> candidate(rs, endorsements.getOrDefault(rs.getLong("person_id"), List.of()))).list();
    }

    public Candidate addCandidate(long areaId, CandidateInput.Valid input, Long by) {
        jdbi.useTransaction(h -> {
            get(areaId);
            if (!personExists(h, input.person())) {
                throw new ValidationException("Unknown person", Map.of("person", "No person with id " + input.person()));
            }
            int added = h.createUpdate("INSERT INTO cluster_candidates (area_id, person_id, seniority, clout, approach, line_manager, "
                            + "manager_agreement, added_by) VALUES (:a, :p, :seniority, :clout, :approach, :manager, :agreement, :by) "
                            + "ON CONFLICT DO NOTHING")
                    .bind("a", areaId).bindMap(candidateParams(input)).bind("by", by).execute();
            if (added == 0) {
                throw new ConflictException("They are already a candidate for this priority area");
            }
        });
        return candidate(areaId, input.person());
    }

    public Candidate updateCandidate(long areaId, long personId, CandidateInput.Valid input) {
        int changed = jdbi.withHandle(h -> h.createUpdate("UPDATE cluster_candidates SET seniority = :seniority, clout = :clout, "
                        + "approach = :approach, line_manager = :manager, manager_agreement = :agreement WHERE area_id = :a AND person_id = :p")
                .bind("a", areaId).bindMap(candidateParams(input)).bind("p", personId).execute());
        if (changed == 0) {
            throw new NotFoundException("Person " + personId + " is not a candidate for priority area " + areaId);
        }
        return candidate(areaId, personId);
    }

    private static Map<String, Object> candidateParams(CandidateInput.Valid input) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("p", input.person());
        p.put("seniority", input.seniority());
        p.put("clout", input.clout());
        p.put("approach", input.approach());
        p.put("manager", input.lineManager());
        p.put("agreement", input.managerAgreement().code());
        return p;
    }

    /** Removes a candidate who was never in a cluster of the area (a cluster keeps its members, ended ones too). */
    public void removeCandidate(long areaId, long personId) {
        Candidate c = candidate(areaId, personId);
        jdbi.useHandle(h -> {
            boolean clustered = h.createQuery("SELECT EXISTS (SELECT 1 FROM leader_cluster_members WHERE area_id = :a AND person_id = :p)")
                    .bind("a", areaId).bind("p", personId).mapTo(Boolean.class).one();
            if (clustered) {
                throw new ConflictException(c.name() + " has been in a cluster of this area, which keeps its members");
            }
            h.createUpdate("DELETE FROM cluster_candidates WHERE area_id = :a AND person_id = :p").bind("a", areaId).bind("p", personId).execute();
        });
    }

    /** Records (or replaces) a peer's endorsement of a candidate. */
    public Candidate endorse(long areaId, long personId, EndorsementInput.Valid input) {
        candidate(areaId, personId);
        jdbi.useTransaction(h -> {
            if (!personExists(h, input.endorser())) {
                throw new ValidationException("Unknown person", Map.of("endorser", "No person with id " + input.endorser()));
            }
            h.createUpdate("INSERT INTO candidate_endorsements (area_id, person_id, endorser_id, note) VALUES (:a, :p, :e, :note) "
                            + "ON CONFLICT (area_id, person_id, endorser_id) DO UPDATE SET note = EXCLUDED.note")
                    .bind("a", areaId).bind("p", personId).bind("e", input.endorser()).bind("note", input.note()).execute();
        });
        return candidate(areaId, personId);
    }

    private static PriorityArea area(ResultSet rs) throws SQLException {
        return new PriorityArea(rs.getLong("id"), rs.getString("title"), rs.getString("improvement"), rs.getString("savings"),
                Rows.nullableLong(rs, "savings_per_year"), Rows.textArray(rs, "topics"), rs.getString("place"),
                Rows.nullableLong(rs, "sponsor_id"), rs.getString("sponsor_name"), rs.getString("sponsor_notes"),
                rs.getString("relationship_notes"), rs.getInt("candidates"), rs.getInt("clusters"));
    }

    private static Candidate candidate(ResultSet rs, List<Candidate.Endorsement> endorsements) throws SQLException {
        return new Candidate(rs.getLong("person_id"), rs.getString("full_name"), rs.getString("job_title"), rs.getString("profession"),
                rs.getString("organisation"), rs.getString("sector_code"), rs.getString("sector_name"), rs.getString("place"),
                Rows.textArray(rs, "interests"), rs.getInt("seniority"), rs.getString("clout"), rs.getString("approach"),
                rs.getString("line_manager"), Candidate.Agreement.fromCode(rs.getString("manager_agreement")), endorsements,
                Rows.nullableLong(rs, "cluster_id"));
    }

    static NotFoundException missing(long id) {
        return new NotFoundException("No priority area with id " + id);
    }
}
