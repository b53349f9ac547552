package org.convene.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RegionGeneratorTest {
    private static final List<String> TOPICS = List.of("frailty", "hospital discharge", "loneliness and isolation", "homelessness");

    private static List<Object> everything(RegionGenerator g) {
        List<Object> out = new ArrayList<>(g.organisations());
        g.forEachPerson(out::add);
        g.forEachTie(out::add);
        return out;
    }

    @Test
    void theSameSeedGivesTheSameRegionAndAnotherSeedAnother() {
        assertThat(everything(new RegionGenerator(7, 500, TOPICS))).isEqualTo(everything(new RegionGenerator(7, 500, TOPICS)));
        assertThat(everything(new RegionGenerator(8, 500, TOPICS))).isNotEqualTo(everything(new RegionGenerator(7, 500, TOPICS)));
    }

    @Test
    void theRegionSpansEverySectorAndPlaceWithUniqueNamesAndEmails() {
        RegionGenerator g = new RegionGenerator(42, 2000, TOPICS);
        Set<String> sectors = new HashSet<>();
        Set<Integer> places = new HashSet<>();
        Set<String> emails = new HashSet<>();
        int[] withoutOrganisation = {0};
        g.forEachPerson(p -> {
            sectors.add(p.sectorCode());
            places.add(p.place());
            emails.add(p.email());
            assertThat(p.interests()).hasSizeBetween(2, 5).doesNotHaveDuplicates();
            if (p.organisation() < 0) {
                withoutOrganisation[0]++;
                assertThat(p.sectorCode()).isEqualTo("lived_experience");
            }
        });
        assertThat(sectors).hasSize(Vocabulary.SECTORS.size());
        assertThat(places).hasSize(6);
        assertThat(emails).hasSize(2000);
        assertThat(withoutOrganisation[0]).isBetween(50, 150);
        assertThat(g.organisations()).hasSizeBetween(140, 170);
        assertThat(g.organisations().stream().map(RegionGenerator.DemoOrganisation::name).distinct().count())
                .isEqualTo(g.organisations().size());
    }

    @Test
    void tiesAreUniqueOrderedPairsOfDifferentPeopleAboutTwoPerPerson() {
        RegionGenerator g = new RegionGenerator(42, 2000, TOPICS);
        Set<Long> pairs = new HashSet<>();
        g.forEachTie(t -> {
            assertThat(t.personA()).isLessThan(t.personB());
            assertThat(pairs.add(((long) t.personA() << 32) | t.personB())).isTrue();
        });
        assertThat(pairs.size()).isBetween(3000, 6000);
    }

    @Test
    void moreTiesPerPersonGiveProportionallyMoreTiesAndTheUsualMeanTheUsualRegion() {
        assertThat(everything(new RegionGenerator(7, 500, TOPICS, RegionGenerator.TIES_PER_PERSON)))
                .isEqualTo(everything(new RegionGenerator(7, 500, TOPICS)));
        int usual = ties(new RegionGenerator(42, 5000, TOPICS));
        int doubled = ties(new RegionGenerator(42, 5000, TOPICS, 5.0));
        int between = ties(new RegionGenerator(42, 5000, TOPICS, 5.2));
        // 12,500 and 25,000 drawn; a pair drawn twice (colleagues in a small organisation) is one tie.
        assertThat(usual).isBetween(10_500, 12_500);
        assertThat(doubled).isBetween((int) (1.85 * usual), 2 * usual);
        assertThat(between).as("5.2 a person, the 0.2 from the extra tie by chance").isBetween(doubled + 600, doubled + 1_000);
        assertThatThrownBy(() -> new RegionGenerator(1, 100, TOPICS, 0.2)).hasMessageContaining("--ties-per-person");
        assertThatThrownBy(() -> new RegionGenerator(1, 100, TOPICS, 10.5)).hasMessageContaining("--ties-per-person");
    }

    private static int ties(RegionGenerator g) {
        Set<Long> pairs = new HashSet<>();
        g.forEachTie(t -> assertThat(pairs.add(((long) t.personA() << 32) | t.personB())).isTrue());
        return pairs.size();
    }
}
