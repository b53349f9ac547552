package org.convene.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** @mentions: which names a text could mean, and which people it does mean. */
class MentionsTest {
    private static final Map<String, List<Long>> KNOWN = Map.of(
            "sam", List.of(1L), "sam patel", List.of(2L), "siobhán o'neill-hart", List.of(3L), "jo", List.of(4L, 5L));

    @Test
    void theLongestKnownNameWins() {
        assertThat(Mentions.resolve("Thanks @Sam Patel for the plan", KNOWN)).containsExactly(2L);
        assertThat(Mentions.resolve("Thanks @Sam for the plan", KNOWN)).containsExactly(1L);
        assertThat(Mentions.resolve("@sam patel, and @Siobhán O'Neill-Hart.", KNOWN)).containsExactly(2L, 3L);
    }

    @Test
    void possessivesAndPunctuationEndTheName() {
        assertThat(Mentions.resolve("I liked @Sam Patel's idea", KNOWN)).containsExactly(2L);
        assertThat(Mentions.resolve("(@Sam) and @Sam's", KNOWN)).containsExactly(1L);
        assertThat(Mentions.candidates("@Sam Patel's idea")).containsExactly("sam", "sam patel");
    }

    @Test
    void emailAddressesAndUnknownNamesAreNotMentions() {
        assertThat(Mentions.resolve("write to sam@example.org or @nobody here", KNOWN)).isEmpty();
        assertThat(Mentions.candidates("write to sam@example.org")).isEmpty();
        assertThat(Mentions.resolve(null, KNOWN)).isEmpty();
    }

    @Test
    void aSharedNameMentionsEveryoneWithIt() {
        assertThat(Mentions.resolve("@Jo can you help", KNOWN)).containsExactly(4L, 5L);
    }

    @Test
    void candidatesStopAtFourWords() {
        assertThat(Mentions.candidates("@a b c d e")).containsExactly("a", "a b", "a b c", "a b c d");
    }

    @Test
    void markdownLinksKnownMentionsOutsideCodeAndLinks() {
        Map<String, String> links = Map.of("sam patel", "/people/2", "sam", "/people/1");
        String html = Markdown.toHtml("Hi @Sam Patel and @sam, not `@Sam` nor [@Sam](https://example.org) nor sam@example.org", links);
        assertThat(html).contains("<a href=\"/people/2\" class=\"convene-mention\">@Sam Patel</a>")
                .contains("<a href=\"/people/1\" class=\"convene-mention\">@sam</a>")
                .contains("<code>@Sam</code>").contains(">@Sam</a>").contains("sam@example.org")
                .doesNotContain("/people/1\" class=\"convene-mention\">@Sam</a></code>");
        assertThat(Markdown.toHtml("<b>@Sam</b> <script>x</script>", links)).doesNotContain("<script").contains("&lt;b&gt;");
    }

    @Test
    void plainTextIsCutAtAWord() {
        assertThat(Markdown.toText("**Bold** and _more_ words here", 14)).isEqualTo("Bold and more…");
        assertThat(Markdown.toText("short", 14)).isEqualTo("short");
    }
}
