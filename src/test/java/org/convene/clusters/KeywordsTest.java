package org.convene.clusters;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeywordsTest {

    @Test
    void tinyStemming() {
        assertThat(Keywords.stem("discharges")).isEqualTo("discharg");
        assertThat(Keywords.stem("discharged")).isEqualTo("discharg");
        assertThat(Keywords.stem("house")).isEqualTo(Keywords.stem("housing"));
        assertThat(Keywords.stem("housing")).isEqualTo("hous");
        assertThat(Keywords.stem("delayed")).isEqualTo("delay");
        assertThat(Keywords.stem("meetings")).isEqualTo("meet");
        assertThat(Keywords.stem("access")).isEqualTo("access"); // "ss" kept
        assertThat(Keywords.stem("saving")).isEqualTo("saving"); // only three letters would remain
        assertThat(Keywords.stem("bed")).isEqualTo("bed");
    }

    @Test
    void keywordsAreLongDomainWordsNotStopWords() {
        assertThat(Keywords.of("Safer hospital discharge for frail people with dementia: fewer delayed transfers of care, saving 400 bed days"))
                .containsExactlyInAnyOrder("safer", "hospital", "discharg", "frail", "dementia", "delay", "transfer", "day");
        assertThat(Keywords.of(null)).isEmpty();
    }

    @Test
    void rolesMatchOnWholeStemmedWords() {
        var keys = Keywords.of("Hospital discharges and housing");
        assertThat(Keywords.matches(keys, "Discharge Coordinator")).isTrue();
        assertThat(Keywords.matches(keys, "Head of Housing")).isTrue();
        assertThat(Keywords.matches(Keywords.of("Patients discharged late"), "Discharge lead")).isTrue();
        assertThat(Keywords.matches(keys, "Care home manager")).isFalse();
        assertThat(Keywords.matches(keys, "Hospitality lead")).isFalse(); // not a substring match
        assertThat(Keywords.matches(keys, null)).isFalse();
        assertThat(Keywords.matches(Keywords.of("Better care for patients"), "Patient care manager")).isFalse();
    }
}
