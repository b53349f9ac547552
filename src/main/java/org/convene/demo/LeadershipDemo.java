package org.convene.demo;

import java.util.List;
import java.util.SplittableRandom;
import org.convene.leadership.AreaInput;
import org.convene.leadership.Areas;
import org.convene.leadership.CandidateInput;
import org.convene.leadership.ClusterInput;
import org.convene.leadership.Clusters;
import org.convene.leadership.EndorsementInput;
import org.convene.leadership.PriorityArea;
import org.convene.leadership.Suggestions;
import org.jdbi.v3.core.Jdbi;

/**
 * The demo's leader clusters, through the real services: a priority area sponsored by the demo
 * sponsor, eight candidates from the region who work on its topics (different sectors first), two
 * endorsements, and the best suggested cluster formed, with the facilitator as its mentor.
 */
final class LeadershipDemo {
    private LeadershipDemo() {
    }

    static PriorityArea forRegion(Jdbi jdbi, long seed, Long sponsor, Long facilitator) {
        Areas areas = new Areas(jdbi);
        PriorityArea area = areas.create(new AreaInput("Frail older people leaving hospital",
                "Frail older people go home, or to the right place, on the day they are ready, with care and housing in place.",
                "Fewer delayed discharges and readmissions: bed days, agency staff and emergency placements.", "400000",
                List.of("hospital discharge", "frailty"), null, sponsor,
                "The director of integrated care chairs the discharge board and needs the delays down this winter.",
                "Some of them met on the discharge board; nobody has asked whether they get on.").validated(List.of(), List.of()), null);
        List<Long> candidates = jdbi.withHandle(h -> h.createQuery("SELECT id FROM (SELECT DISTINCT ON (sector_code) id, sector_code "
                        + "FROM people WHERE interests && ARRAY['hospital discharge', 'frailty'] AND (CAST(:f AS bigint) IS NULL OR id <> CAST(:f AS bigint)) "
                        + "ORDER BY sector_code, cardinality(interests) DESC, id) s ORDER BY id LIMIT 8")
                .bind("f", facilitator).mapTo(Long.class).list());
        SplittableRandom random = new SplittableRandom(seed * 17 + 3);
        String[] approaches = {"Invite them to speak at the launch", "Their line manager suggests the award programme",
            "A coffee with the sponsor", "Ask them to lead the discharge huddle pilot"};
        for (long person : candidates) {
            areas.addCandidate(area.id(), new CandidateInput(person, 2 + random.nextInt(4), "Respected by the teams they work with",
                    approaches[random.nextInt(approaches.length)], "", random.nextBoolean() ? "agreed" : "asked").validated(), null);
        }
        if (facilitator != null && candidates.size() >= 2) {
            for (long person : candidates.subList(0, 2)) {
                areas.endorse(area.id(), person, new EndorsementInput(facilitator, "Gets things moving across organisations").validated(person));
            }
        }
        Suggestions suggestions = new Suggestions(jdbi, areas);
        List<Suggestions.Suggested> ranked = suggestions.suggest(areas.get(area.id()));
        if (!ranked.isEmpty()) {
            Suggestions.Suggested best = ranked.get(0);
            List<Long> members = best.members().stream().map(Suggestions.Member::personId).toList();
            new Clusters(jdbi).form(area.id(), new ClusterInput(members, "agreed", null, facilitator, "Monthly mentoring for a year")
                    .validated(true), best.score(), best.reasons(), null);
        }
        return areas.get(area.id());
    }
}
