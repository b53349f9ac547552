package org.convene.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThemesTest {
    private final Themes themes = Themes.standard();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Really enjoyed the small group discussions|interactivity",
        "The role play was the best bit|interactivity",
        "Great to meet peers from other organisations|networking",
        "The speakers were inspiring|speakers",
        "Our facilitator was brilliant|speakers",
        "The session ran over and felt rushed|pace",
        "the venue was difficult to get to|venue",
        "No parking and the room was freezing|venue",
        "too many acronyms|content",
        "The GROW model was explained really clearly|content",
        "Appreciative Inquiry was new to me|content",
        "I have already used the coaching approach with my team|application",
        "Kept getting kicked out of Teams|online",
        "The Zoom sound quality was poor|online",
        "N/A|other",
        "Loved it!|other"})
    void findsTheMainTheme(String comment, String theme) {
        assertThat(themes.theme(comment)).as(comment).isEqualTo(theme);
    }

    @Test
    void theClauseAfterButDecidesTheTheme() {
        assertThat(themes.theme("good speakers, but far too little time")).isEqualTo("pace");
        assertThat(themes.theme("The venue was lovely but the speakers were hard to follow")).isEqualTo("speakers");
    }

    @Test
    void teamsWithACapitalIsTheApp() {
        assertThat(themes.theme("We met on Teams")).isEqualTo("online");
        assertThat(themes.theme("I shared it with the teams on my ward")).isEqualTo("application");
    }

    @Test
    void hasTheNamedThemes() {
        assertThat(themes.themes()).extracting(Themes.Theme::code).containsExactlyInAnyOrder("interactivity",
                "networking", "speakers", "pace", "venue", "content", "application", "online");
        assertThat(themes.name("pace")).isEqualTo("Pace and timing");
        assertThat(themes.name("other")).isEqualTo("Other");
    }

    @Test
    void summariesCountThemesWithShareSentimentAndQuotes() {
        List<String> comments = new ArrayList<>(List.of(
                "The venue was difficult to get to",
                "The venue was difficult to get to",
                "Parking at the venue was a nightmare and the room was freezing cold all day",
                "Lovely venue, easy to reach by train and the room was bright and comfortable",
                "Venue",
                "The session ran over by half an hour",
                "Felt rushed",
                "Loved the group work",
                "",
                "  "));
        List<Themes.Summary> summaries = themes.summarise(comments, 2);

        assertThat(summaries).extracting(Themes.Summary::theme).startsWith("venue", "pace");
        Themes.Summary venue = summaries.get(0);
        assertThat(venue.name()).isEqualTo("Venue and logistics");
        assertThat(venue.count()).isEqualTo(5);
        assertThat(venue.share()).isEqualTo(5 / 8.0);
        assertThat(venue.positive() + venue.negative() + venue.neutral()).isEqualTo(5);
        assertThat(venue.negative()).isEqualTo(3);
        assertThat(venue.positive()).isEqualTo(1);
        // quotes follow the sentiment split (3 negative : 1 positive : 1 neutral), without duplicates
        assertThat(venue.quotes()).containsExactlyInAnyOrder("The venue was difficult to get to",
                "Parking at the venue was a nightmare and the room was freezing cold all day");
        List<String> three = themes.summarise(comments, 3).get(0).quotes();
        assertThat(three).hasSize(3).doesNotHaveDuplicates().doesNotContain("Venue");
        assertThat(three.get(2)).startsWith("Lovely venue");
        assertThat(summaries.stream().mapToInt(Themes.Summary::count).sum()).isEqualTo(8);
        assertThat(themes.summarise(comments, 0).get(0).quotes()).isEmpty();
        assertThat(themes.summarise(List.of(), 3)).isEmpty();
    }

    @Test
    void labelsGivenByTheCallerGiveTheSameSummary() {
        List<String> comments = List.of("The venue was difficult to get to", "  Loved the group work  ", "", "  ",
                "Good speakers, but far too little time to discuss", "Lovely venue, great lunch", "ok");
        List<Sentiment.Label> labels = comments.stream().map(c -> SentimentAnalyser.standard().analyse(c).label()).toList();
        assertThat(themes.summarise(comments, labels, 3)).isEqualTo(themes.summarise(comments, 3));
        assertThat(themes.summarise(comments, null, 3)).isEqualTo(themes.summarise(comments, 3));
        // The labels are the caller's: the summary counts them as given.
        List<Sentiment.Label> allNeutral = comments.stream().map(c -> Sentiment.Label.NEUTRAL).toList();
        assertThat(themes.summarise(comments, allNeutral, 3)).allSatisfy(s -> assertThat(s.neutral()).isEqualTo(s.count()));
        assertThatThrownBy(() -> themes.summarise(comments, labels.subList(0, 2), 3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void quotesSkipNearDuplicates() {
        List<String> comments = List.of(
                "The group work was really useful today",
                "The group work was really useful today!",
                "the group work was really useful, today",
                "Loved the role play and the fishbowl exercise");
        Themes.Summary summary = themes.summarise(comments, 3).get(0);
        assertThat(summary.theme()).isEqualTo("interactivity");
        assertThat(summary.quotes()).hasSize(2);
    }

    @Test
    void commentAnalysisCombinesLabelScoreAndTheme() {
        CommentAnalysis a = CommentAnalysis.of("good speakers, but far too little time");
        assertThat(a.label()).isEqualTo("negative");
        assertThat(a.theme()).isEqualTo("pace");
        assertThat(a.line()).matches("negative\t-0\\.\\d{3}\tpace");
        assertThat(CommentAnalysis.ofAll(List.of("Loved it", "OK"))).extracting(CommentAnalysis::label)
                .containsExactly("positive", "neutral");
    }
}
