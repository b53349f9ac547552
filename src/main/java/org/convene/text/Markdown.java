package org.convene.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
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
        return toHtml(markdown, Map.of());
    }

    /**
     * The Markdown source as sanitised HTML, with each mention of a known person ({@code @Name},
     * any case, outside links and code) made a link: {@code links} maps a lower-case name to where
     * it leads. The links are added after sanitising, from trusted addresses only.
     */
    public static String toHtml(String markdown, Map<String, String> links) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        String html = RENDERER.render(PARSER.parse(markdown));
        Document.OutputSettings compact = new Document.OutputSettings().prettyPrint(false);
        String clean = Jsoup.clean(html, "", ALLOWED, compact);
        if (links.isEmpty() || !clean.contains("@")) {
            return clean;
        }
        Document doc = Jsoup.parseBodyFragment(clean);
        doc.outputSettings(compact);
        linkMentions(doc.body(), mentionPattern(links.keySet()), links);
        return doc.body().html();
    }

    /** The text a reader sees, without formatting, cut at a word to at most {@code max} characters (with an ellipsis). */
    public static String toText(String markdown, int max) {
        String text = Jsoup.parseBodyFragment(toHtml(markdown)).text().strip();
        if (text.length() <= max) {
            return text;
        }
        int cut = text.lastIndexOf(' ', max - 1);
        return text.substring(0, cut > max / 2 ? cut : max - 1).strip() + "…";
    }

    private static Pattern mentionPattern(java.util.Collection<String> names) {
        String alternatives = names.stream().sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote).collect(Collectors.joining("|"));
        return Pattern.compile("(?<![\\p{L}\\p{N}_.@])@(" + alternatives + ")(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static void linkMentions(Element element, Pattern pattern, Map<String, String> links) {
        for (Node child : List.copyOf(element.childNodes())) {
            if (child instanceof TextNode text) {
                linkMentions(text, pattern, links);
            } else if (child instanceof Element inner && !inner.is("a, code, pre")) {
                linkMentions(inner, pattern, links);
            }
        }
    }

    private static void linkMentions(TextNode text, Pattern pattern, Map<String, String> links) {
        String whole = text.getWholeText();
        Matcher m = pattern.matcher(whole);
        int from = 0;
        List<Node> parts = new ArrayList<>();
        while (m.find()) {
            parts.add(new TextNode(whole.substring(from, m.start())));
            parts.add(new Element("a").attr("href", links.get(m.group(1).toLowerCase(Locale.ROOT))).addClass("convene-mention")
                    .text(m.group()));
            from = m.end();
        }
        if (parts.isEmpty()) {
            return;
        }
        parts.add(new TextNode(whole.substring(from)));
        for (Node part : parts) {
            text.before(part);
        }
        text.remove();
    }
}
