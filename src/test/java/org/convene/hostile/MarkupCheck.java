package org.convene.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Whether a page could run script it should not. Convene's Content-Security-Policy allows only its
 * own script files, so a page has no inline script and no event-handler attributes at all; any such
 * thing, a link or frame to a {@code javascript:} address, or one of {@link Hostile#MARKUP}'s
 * payloads standing in the source unescaped, means stored or reflected input became markup.
 */
final class MarkupCheck {
    /**
     * Payload openings that can only stand in a page's source if input was not escaped: each starts
     * with a literal '<'. (The rest of a payload, such as {@code onerror=alert(1)}, is harmless
     * text once its '<' and quotes are escaped; the parsed page is checked for real attributes.)
     */
    private static final List<String> RAW = List.of("<script>alert(1)", "<img src=x onerror", "<svg onload",
            "<iframe src=\"javascript:", "<a href=\"javascript:", "<div style=\"background:url(javascript:");
    private static final List<String> URL_ATTRIBUTES = List.of("href", "src", "action", "formaction", "xlink:href", "data",
            "poster", "background");

    private MarkupCheck() {
    }

    /**
     * Anything a parse could find: an event-handler-like attribute, a script-running scheme, a tag
     * that loads or runs something, or a character reference (which could spell a scheme). Pages
     * with none of these are clean without parsing them, which keeps thousands of checks cheap.
     */
    private static final Pattern SUSPECT = Pattern.compile("(?i)\\son[a-z]+\\s*=|script:|data:text/html|<script(?![^>]*\\ssrc=\"/)"
            + "|<iframe|<object|<embed|<base|&#");

    /** What is wrong with this page, empty when nothing is. */
    static List<String> problems(String html) {
        List<String> problems = new ArrayList<>();
        if (!SUSPECT.matcher(html).find()) {
            return problems;
        }
        for (String raw : RAW) {
            int at = html.indexOf(raw);
            if (at >= 0) {
                problems.add("unescaped '" + raw + "' in the page: ..." + around(html, at) + "...");
            }
        }
        Document page = Jsoup.parse(html);
        for (Element e : page.getAllElements()) {
            for (Attribute a : e.attributes()) {
                String key = a.getKey().toLowerCase(Locale.ROOT);
                if (key.startsWith("on")) {
                    problems.add("event handler " + key + "=\"" + a.getValue() + "\" on <" + e.tagName() + ">");
                }
                if (URL_ATTRIBUTES.contains(key) && runsScript(a.getValue())) {
                    problems.add("<" + e.tagName() + " " + key + "=\"" + a.getValue() + "\">");
                }
            }
            String tag = e.tagName();
            if (tag.equals("script") && (!e.hasAttr("src") || !e.attr("src").startsWith("/"))) {
                problems.add("inline or foreign <script>: " + e.outerHtml());
            }
            if (tag.equals("iframe") || tag.equals("object") || tag.equals("embed") || tag.equals("base")) {
                problems.add("<" + tag + "> in the page: " + e.outerHtml());
            }
        }
        return problems;
    }

    /** An address that runs script when followed, however it is spelt. */
    static boolean runsScript(String url) {
        StringBuilder s = new StringBuilder();
        url.codePoints().filter(c -> c > 0x20 && c != 0x7F).forEach(s::appendCodePoint);
        String plain = s.toString().toLowerCase(Locale.ROOT);
        return plain.startsWith("javascript:") || plain.startsWith("vbscript:") || plain.startsWith("data:text/html");
    }

    private static String around(String text, int at) {
        return text.substring(Math.max(0, at - 60), Math.min(text.length(), at + 80)).replace('\n', ' ');
    }
}
