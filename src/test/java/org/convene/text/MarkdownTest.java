package org.convene.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Markdown becomes safe HTML: the formatting people use survives, nothing that can run or restyle does. */
class MarkdownTest {

    @Test
    void everydayFormattingSurvives() {
        String html = Markdown.toHtml("## Discharge on Fridays\n\nWe **tried** a _huddle_:\n\n- ward\n- housing\n\n> it worked\n\n`code` and [the plan](https://example.org/plan)");
        assertThat(html).contains("<h2>Discharge on Fridays</h2>").contains("<strong>tried</strong>").contains("<em>huddle</em>")
                .contains("<li>ward</li>").contains("<blockquote>").contains("<code>code</code>")
                .contains("<a rel=\"nofollow noopener noreferrer ugc\" href=\"https://example.org/plan\">the plan</a>");
    }

    @Test
    void rawHtmlAndScriptAreShownAsTextNotRun() {
        String html = Markdown.toHtml("<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\nHello <b onclick=\"x()\">there</b>");
        assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("<b ")
                .contains("&lt;script&gt;").contains("&lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    void dangerousLinkTargetsAreDropped() {
        assertThat(Markdown.toHtml("[click](javascript:alert(1))")).doesNotContain("javascript:");
        assertThat(Markdown.toHtml("[data](data:text/html;base64,PHNjcmlwdD4=)")).doesNotContain("data:");
        assertThat(Markdown.toHtml("[vb](vbscript:msgbox)")).doesNotContain("vbscript:");
        assertThat(Markdown.toHtml("![pic](https://example.org/a.png)")).doesNotContain("<img");
        assertThat(Markdown.toHtml("[mail](mailto:ann@example.org)")).contains("href=\"mailto:ann@example.org\"");
    }

    @Test
    void nothingInNothingOut() {
        assertThat(Markdown.toHtml(null)).isEmpty();
        assertThat(Markdown.toHtml("   ")).isEmpty();
    }
}
