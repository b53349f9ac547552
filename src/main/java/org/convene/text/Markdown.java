package org.convene.text;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * What people write in discussions, as safe HTML. CommonMark turns the Markdown into HTML with any
 * raw HTML escaped and unsafe link targets (javascript:, data: and the like) dropped; jsoup then
 * keeps only an allow-list of elements and attributes (paragraphs, emphasis, lists, quotes, code,
 * headings, links), so nothing a writer types can run script or restyle the page. Links open as
 * ordinary links with rel="nofollow noopener noreferrer ugc".
 */
public final class Markdown {
    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private static final Safelist ALLOWED = Safelist.basic()
            .addTags("h1", "h2", "h3", "h4", "h5", "h6", "hr", "pre")
            .addAttributes("a", "rel")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer ugc")
            .removeProtocols("a", "href", "ftp", "mailto")
            .addProtocols("a", "href", "mailto");

    private Markdown() {
    }

    /** The Markdown source as sanitised HTML (an empty string for null). */
    public static String toHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        String html = RENDERER.render(PARSER.parse(markdown));
        Document.OutputSettings compact = new Document.OutputSettings().prettyPrint(false);
        return Jsoup.clean(html, "", ALLOWED, compact);
    }
}
