package org.convene.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LexiconScorerTest {
    private final LexiconScorer scorer = new LexiconScorer();

    private double score(String text) {
        return scorer.score(text).score();
    }

    private String label(String text) {
        return scorer.score(text).label().code();
    }

    @Test
    void praiseIsPositiveAndComplaintsNegative() {
        assertThat(label("The speakers were excellent.")).isEqualTo("positive");
        assertThat(label("The room was awful.")).isEqualTo("negative");
        assertThat(label("We met in room 4.")).isEqualTo("neutral");
        assertThat(score("We met in room 4.")).isZero();
    }

    @Test
    void negationFlipsAndShrinks() {
        assertThat(label("The session was not useful.")).isEqualTo("negative");
        assertThat(label("It wasn't helpful at all")).isEqualTo("negative");
        assertThat(label("It wasnt helpful")).isEqualTo("negative");
        assertThat(label("I never felt bored")).isEqualTo("positive");
        assertThat(label("There was a lack of support")).isEqualTo("negative");
        assertThat(Math.abs(score("not useful"))).isLessThan(Math.abs(score("useful")));
    }

    @Test
    void intensifiersStrengthenAndDampenersSoften() {
        assertThat(score("very useful")).isGreaterThan(score("useful"));
        assertThat(score("extremely boring")).isLessThan(score("boring"));
        assertThat(score("slightly boring")).isGreaterThan(score("boring")).isNegative();
        assertThat(score("a bit boring")).isGreaterThan(score("boring")).isNegative();
    }

    @Test
    void theClauseAfterButWeighsMore() {
        assertThat(label("The room was cold but the speakers were brilliant")).isEqualTo("positive");
        assertThat(label("The speakers were good, however the day was chaotic and frustrating")).isEqualTo("negative");
        assertThat(score("useful but boring")).isNegative();
        assertThat(score("boring but useful")).isPositive();
    }

    @Test
    void exclamationMarksAddEmphasis() {
        assertThat(score("Great day!!!")).isGreaterThan(score("Great day"));
        assertThat(score("Awful day!!")).isLessThan(score("Awful day"));
    }

    @Test
    void scoresStayInRange() {
        assertThat(score("brilliant brilliant brilliant amazing fantastic wonderful excellent!!!!")).isBetween(0.9, 1.0);
        assertThat(score("awful terrible horrible dreadful worst")).isBetween(-1.0, -0.9);
        assertThat(score("")).isZero();
        assertThat(scorer.score(null).label().code()).isEqualTo("neutral");
    }

    @Test
    void theGeneralLexiconKnowsNothingOfCourseFeedback() {
        // the baseline's known blind spots, which the product analyser handles
        assertThat(label("Too many acronyms")).isEqualTo("neutral");
        assertThat(label("Would have liked more practical examples")).isEqualTo("positive");
    }
}
