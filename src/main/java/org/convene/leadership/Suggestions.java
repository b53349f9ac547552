package org.convene.leadership;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.convene.clusters.Area;
import org.convene.clusters.Suggester;
import org.convene.clusters.Suggestion;
import org.convene.clusters.Tie;
import org.convene.clusters.Weights;
import org.jdbi.v3.core.Jdbi;

/**
 * Suggested clusters for a priority area: the area's candidates not yet in an open cluster and the
 * network's current ties between them, ranked by the cluster engine (package {@code clusters}).
 */
public final class Suggestions {
    static final int LIMIT = 10;

    /** A suggestion as shown: its members with names, the engine's scores and reasons. */
    public record Suggested(List<Member> members, double score, double relevance, double clout, double complementarity,
                            double relationship, List<String> reasons) {
        public String memberIds() {
            return String.join(",", members.stream().map(m -> String.valueOf(m.personId())).toList());
        }
    }

    public record Member(long personId, String name, String sectorName) {
    }

    /** A tie between two candidates, as the network records it. */
    public record Known(long a, String aName, long b, String bName, String kind, String description) {
    }

    private final Jdbi jdbi;
    private final Areas areas;

    public Suggestions(Jdbi jdbi, Areas areas) {
        this.jdbi = jdbi;
        this.areas = areas;
    }

    public List<Suggested> suggest(PriorityArea area) {
        List<Candidate> free = areas.candidates(area.id()).stream().filter(c -> c.clusterId() == null).toList();
        return Suggester.suggest(engineArea(area), engineCandidates(free), engineTies(known(area.id())), Weights.DEFAULT, LIMIT)
                .stream().map(s -> shown(s, free)).toList();
    }

    /** The engine's rating of a cluster of exactly these candidates (when the team forms one by hand). */
    public Optional<Suggested> rate(PriorityArea area, List<Long> members) {
        List<Candidate> chosen = areas.candidates(area.id()).stream().filter(c -> members.contains(c.personId())).toList();
        if (chosen.size() != members.size() || chosen.size() < 2) {
            return Optional.empty();
        }
        return Suggester.suggest(engineArea(area), engineCandidates(chosen), engineTies(known(area.id())), Weights.DEFAULT, 100).stream()
                .filter(s -> s.members().size() == chosen.size()).findFirst().map(s -> shown(s, chosen));
    }

    /** Every current tie between two of the area's candidates, strongest kind first. */
    public List<Known> known(long areaId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT ON (t.person_a, t.person_b, t.kind, t.source) t.person_a, "
                        + "pa.full_name AS a_name, t.person_b, pb.full_name AS b_name, t.kind, t.source FROM ties t "
                        + "JOIN cluster_candidates ca ON ca.area_id = :a AND ca.person_id = t.person_a "
                        + "JOIN cluster_candidates cb ON cb.area_id = :a AND cb.person_id = t.person_b "
                        + "JOIN people pa ON pa.id = t.person_a JOIN people pb ON pb.id = t.person_b "
                        + "WHERE t.ended_on IS NULL ORDER BY t.person_a, t.person_b, t.kind, t.source")
                .bind("a", areaId)
                .map((rs, ctx) -> new Known(rs.getLong("person_a"), rs.getString("a_name"), rs.getLong("person_b"), rs.getString("b_name"),
                        rs.getString("kind"), describe(rs.getString("kind"), rs.getString("source"))))
                .list());
    }

    /** How strong a tie of each kind counts in the relationship score (0 to 1). */
    static double strength(String kind) {
        return switch (kind) {
            case "work_together" -> 1.0;
            case "collaborate" -> 0.9;
            case "mentor" -> 0.8;
            case "met_through" -> 0.6;
            default -> 0.4;
        };
    }

    static String describe(String kind, String source) {
        String where = switch (source) {
            case "learning_set" -> "an action learning set";
            case "matching" -> "a cross-sector match";
            case "project" -> "a project team";
            case "survey" -> "a programme";
            case Clusters.TIE_SOURCE -> "a leader cluster";
            case "self_reported" -> "";
            case "import" -> "";
            default -> source.replace('_', ' ');
        };
        String what = switch (kind) {
            case "work_together" -> "work together";
            case "collaborate" -> "collaborate";
            case "mentor" -> "mentoring";
            case "met_through" -> "met through";
            default -> "know each other";
        };
        if (what.equals("met through")) {
            return where.isEmpty() ? "met through their work" : "met through " + where;
        }
        return where.isEmpty() ? what : what + " (" + where + ")";
    }

    private static Area engineArea(PriorityArea area) {
        return new Area(area.title() + "\n" + area.improvement() + "\n" + area.savings(), new HashSet<>(area.topics()), area.place());
    }

    private static List<org.convene.clusters.Candidate> engineCandidates(List<Candidate> candidates) {
        List<org.convene.clusters.Candidate> out = new ArrayList<>();
        for (Candidate c : candidates) {
            out.add(new org.convene.clusters.Candidate(c.personId(), c.name(), c.sectorName(), c.organisation(), c.profession(),
                    c.jobTitle(), c.place(), new HashSet<>(c.interests()), c.seniority(), c.endorsements().size()));
        }
        return out;
    }

    private static List<Tie> engineTies(List<Known> known) {
        return known.stream().map(k -> new Tie(k.a(), k.b(), strength(k.kind()), k.description())).toList();
    }

    private static Suggested shown(Suggestion s, List<Candidate> candidates) {
        Map<Long, Candidate> byId = new LinkedHashMap<>();
        candidates.forEach(c -> byId.put(c.personId(), c));
        List<Member> members = s.members().stream().map(byId::get).map(c -> new Member(c.personId(), c.name(), c.sectorName())).toList();
        return new Suggested(members, s.score(), s.relevance(), s.clout(), s.complementarity(), s.relationship(), s.reasons());
    }
}
