package org.convene.clusters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A three-candidate instance computed by hand: every criterion, the ranking and the reasons. */
class SuggesterHandTest {

    static final Area AREA = new Area("Hospital discharge: home sooner for frail older people, with housing support",
            Set.of("hospital discharge", "frailty", "housing"), "Leeds");

    static final Candidate ASHA = new Candidate(1, "Asha Patel", "acute care", "Leeds Teaching Hospitals", "Nursing",
            "Discharge coordinator", "Leeds", Set.of("Hospital Discharge", " frailty "), 3, 2);
    static final Candidate BEN = new Candidate(2, "Ben Okoro", "social care", "Leeds City Council", "Social work",
            "Team manager", "Leeds", Set.of("hospital discharge", "dementia"), 4, 5);
    static final Candidate CARA = new Candidate(3, "Cara Smith", "housing", "leeds city council ", null,
            "Housing support officer", " leeds ", Set.of("HOUSING"), 2, 0);

    static final List<Tie> TIES = List.of(
            new Tie(1, 2, 0.8, "worked together on a project team"),
            new Tie(2, 1, 0.5, "same action learning set"),
            new Tie(1, 2, 0.8, " Worked together on a project team"),
            new Tie(3, 2, 0.4, "both in the frailty network"),
            new Tie(1, 99, 1.0, "someone who is not a candidate"));

    /*
     * Keywords of the description (stemmed, stop words "people", "with", "support" dropped):
     * hospital, discharge, home, sooner, frail, older, hous(ing).
     *
     * Asha: topics 2/3 (hospital discharge, frailty); role "Discharge coordinator" matches.
     *   relevance = 0.7 * 2/3 + 0.3 = 23/30;  clout = 0.6 * 2/4 + 0.4 * 2/3 = 17/30
     * Ben: topics 1/3; "Team manager" / "Social work" do not match.
     *   relevance = 0.7 * 1/3 = 7/30;         clout = 0.6 * 3/4 + 0.4 * 3/3 = 17/20
     * Cara: topics 1/3; "Housing support officer" matches (housing -> hous).
     *   relevance = 0.7/3 + 0.3 = 16/30;      clout = 0.6 * 1/4 + 0 = 3/20
     *
     * Trio: relevance = (23 + 7 + 16) / 90 = 23/45
     *       clout = (17/30 + 17/20 + 3/20) / 3 = 47/90
     *       complementarity = 0.6 * 3/3 (sectors) + 0.2 * 2/3 (Cara and Ben: same council) + 0.2 * 2/3 (Cara: no profession) = 13/15
     *       relationship = (0.8 [Asha-Ben, strongest] + 0 [Asha-Cara] + 0.4 [Ben-Cara]) / 3 = 0.4
     *       score = 0.35 * 23/45 + 0.2 * 47/90 + 0.25 * 13/15 + 0.2 * 0.4 = 0.58
     * Asha + Ben: relevance 0.5, clout 85/120, complementarity 1, relationship 0.8,
     *       score = 0.175 + 0.2 * 85/120 + 0.25 + 0.16 = 0.7266...
     * Asha + Cara: relevance 0.65, clout 43/120, complementarity 0.6 + 0.2 + 0.1 = 0.9, relationship 0,
     *       score = 0.2275 + 0.2 * 43/120 + 0.225 = 0.52416...
     * Ben + Cara: relevance 23/60, clout 0.5, complementarity 0.6 + 0.1 + 0.1 = 0.8, relationship 0.4,
     *       score = 0.35 * 23/60 + 0.1 + 0.2 + 0.08 = 0.51416...
     */
    @Test
    void criteriaAndScoresAsComputedByHand() {
        List<Suggestion> s = Suggester.suggest(AREA, List.of(ASHA, BEN, CARA), TIES, Weights.DEFAULT, 10);

        assertThat(s).extracting(Suggestion::members)
                .containsExactly(List.of(1L, 2L), List.of(1L, 2L, 3L), List.of(1L, 3L), List.of(2L, 3L));
        expect(s.get(0), 0.35 * 0.5 + 0.2 * 85 / 120.0 + 0.25 + 0.16, 0.5, 85 / 120.0, 1.0, 0.8);
        expect(s.get(1), 0.58, 23 / 45.0, 47 / 90.0, 13 / 15.0, 0.4);
        expect(s.get(2), 0.2275 + 0.2 * 43 / 120.0 + 0.225, 0.65, 43 / 120.0, 0.9, 0.0);
        expect(s.get(3), 0.35 * 23 / 60.0 + 0.1 + 0.2 + 0.08, 23 / 60.0, 0.5, 0.8, 0.4);
    }

    @Test
    void reasonsOfTheTrio() {
        Suggestion trio = Suggester.suggest(AREA, List.of(ASHA, BEN, CARA), TIES, null, 10).get(1);

        assertThat(trio.reasons()).containsExactly(
                "Between them they cover all 3 of the area's topics: hospital discharge (Asha Patel, Ben Okoro), frailty (Asha Patel), housing (Cara Smith)",
                "The roles of Asha Patel (Discharge coordinator) and Cara Smith (Housing support officer) match the area",
                "Three sectors: acute care, housing, social care",
                "Two of them work for the same organisation (Leeds City Council)",
                "Asha Patel and Ben Okoro: worked together on a project team, same action learning set; Ben Okoro and Cara Smith: both in the frailty network",
                "Ben Okoro: seniority 4 of 5, endorsed by 5 peers; Asha Patel: seniority 3 of 5, endorsed by 2 peers",
                "All in Leeds");
    }

    @Test
    void reasonsOfThePairs() {
        List<Suggestion> s = Suggester.suggest(AREA, List.of(ASHA, BEN, CARA), TIES, null, 10);

        assertThat(s.get(0).reasons()).containsExactly(
                "Between them they cover 2 of the area's 3 topics: hospital discharge (Asha Patel, Ben Okoro), frailty (Asha Patel)",
                "Asha Patel's role (Discharge coordinator) matches the area",
                "Two sectors: acute care, social care",
                "From two organisations",
                "Asha Patel and Ben Okoro: worked together on a project team, same action learning set",
                "Ben Okoro: seniority 4 of 5, endorsed by 5 peers; Asha Patel: seniority 3 of 5, endorsed by 2 peers",
                "Both in Leeds");
        assertThat(s.get(2).reasons()).containsExactly(
                "Between them they cover all 3 of the area's topics: frailty (Asha Patel), hospital discharge (Asha Patel), housing (Cara Smith)",
                "The roles of Asha Patel (Discharge coordinator) and Cara Smith (Housing support officer) match the area",
                "Two sectors: acute care, housing",
                "From two organisations",
                "Asha Patel and Cara Smith are not connected in the network yet: an introduction comes first",
                "Asha Patel: seniority 3 of 5, endorsed by 2 peers",
                "Both in Leeds");
    }

    @Test
    void sharedTopicsOneRoleSameOrganisationNoTies() {
        Candidate a = new Candidate(10, "Dee Jones", "primary care", "Oak Surgery", "General practice", "GP partner", "York",
                Set.of("frailty"), 2, 1);
        Candidate b = new Candidate(11, "Eli Brown", "primary care", "Oak Surgery", "", "Older people's practitioner", "Leeds",
                Set.of("Frailty"), 1, 0);
        Candidate c = new Candidate(12, "Fay Green", "", null, null, null, null, Set.of("frailty"), 1, 0);
        List<Suggestion> s = Suggester.suggest(AREA, List.of(a, b, c), List.of(), null, 10);
        Suggestion trio = s.stream().filter(x -> x.members().size() == 3).findFirst().orElseThrow();

        assertThat(trio.reasons()).containsExactly(
                "Dee Jones, Eli Brown and Fay Green all work on frailty",
                "Eli Brown's role (Older people's practitioner) matches the area",
                "Two of them work for the same organisation (Oak Surgery)",
                "None of them are connected in the network yet: an introduction comes first");
        // one sector known twice: 0.6 * 1/3; one organisation: 0.2 * 1/3; one profession: 0.2 * 1/3
        assertThat(trio.complementarity()).isCloseTo(1 / 3.0, within(1e-9));
        Suggestion pair = Suggester.suggest(AREA, List.of(a, b), List.of(), null, 1).get(0);
        assertThat(pair.reasons()).contains("Dee Jones and Eli Brown both work on frailty",
                "Both work for the same organisation (Oak Surgery)");
    }

    @Test
    void oneMembersInterestsAndNamelessCandidates() {
        Candidate a = new Candidate(7, " ", "housing", null, null, null, null, Set.of("housing", "frailty"), 5, 1);
        Candidate b = new Candidate(8, null, "housing", null, null, null, null, Set.of(), 1, 0);
        Suggestion s = Suggester.suggest(AREA, List.of(a, b), List.of(), null, 1).get(0);

        assertThat(s.reasons()).containsExactly(
                "Candidate 7's interests cover 2 of the area's 3 topics: frailty, housing",
                "Candidate 7 and Candidate 8 are not connected in the network yet: an introduction comes first",
                "Candidate 7: seniority 5 of 5, endorsed by 1 peer");
    }

    @Test
    void anAreaWithoutTopicsGivesTheRoleMatchAllTheRelevance() {
        Area area = new Area("Falls prevention in care homes", Set.of(), null);
        Candidate a = new Candidate(1, "A", null, null, null, "Falls lead", null, Set.of("falls"), 1, 0);
        Candidate b = new Candidate(2, "B", null, null, "Physiotherapy", null, null, null, 1, 0);
        Suggestion s = Suggester.suggest(area, List.of(a, b), null, null, 1).get(0);

        assertThat(s.relevance()).isCloseTo(0.5, within(1e-9)); // (1 + 0) / 2
        assertThat(s.clout()).isZero();
        assertThat(s.complementarity()).isCloseTo(0.2 * 1 / 2, within(1e-9)); // one known profession of two
        assertThat(s.score()).isCloseTo(0.35 * 0.5 + 0.25 * 0.1, within(1e-9));
    }

    @Test
    void weightsAreNormalisedBySum() {
        List<Suggestion> s = Suggester.suggest(AREA, List.of(ASHA, BEN, CARA), TIES, new Weights(0, 0, 0, 5), 10);
        for (Suggestion x : s) {
            assertThat(x.score()).isCloseTo(x.relationship(), within(1e-12));
        }
        assertThat(s.get(0).members()).containsExactly(1L, 2L);
    }

    private static void expect(Suggestion s, double score, double relevance, double clout, double complementarity, double relationship) {
        assertThat(s.score()).as("score of %s", s.members()).isCloseTo(score, within(1e-9));
        assertThat(s.relevance()).as("relevance of %s", s.members()).isCloseTo(relevance, within(1e-9));
        assertThat(s.clout()).as("clout of %s", s.members()).isCloseTo(clout, within(1e-9));
        assertThat(s.complementarity()).as("complementarity of %s", s.members()).isCloseTo(complementarity, within(1e-9));
        assertThat(s.relationship()).as("relationship of %s", s.members()).isCloseTo(relationship, within(1e-9));
    }
}
