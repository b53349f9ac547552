package org.convene.evaluation.pdf;

import com.openhtmltopdf.extend.FSSupplier;
import com.openhtmltopdf.extend.impl.FSDefaultCacheStore;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.util.Diagnostic;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Level;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Renders an HTML page (the same HTML as the report page) to PDF with openhtmltopdf, drawing inline
 * {@code <svg>} charts as vector graphics with Batik.
 *
 * <p>The HTML is parsed as HTML5 by jsoup, so it need not be strict XHTML. Only the page itself is
 * used: nothing is fetched (no stylesheets, images or fonts by URL; {@code data:} URIs work), so give
 * the print styles in {@link Options#css()} or a {@code <style>} element. Text is set in Liberation
 * Sans (metrically the same as Arial), shipped in the jar and embedded in the PDF; every font family
 * the page names is drawn with it, {@code monospace} with Liberation Mono.
 *
 * <p>The PDF is tagged for accessibility (PDF/UA): the document title comes from {@link Options#title()}
 * (or the page's {@code <title>}, else its first {@code <h1>}), the language from
 * {@link Options#language()} (or {@code <html lang>}), and a chart's alternative text from its
 * {@code aria-label}, else its {@code <title>} and {@code <desc>}. Scripts and form controls are left
 * out. Safe to call from several threads at once.
 */
public final class PdfRenderer {
    private static final String FONT_DIR = "/liberation/";
    private static final Set<FSFontUseCase> DOCUMENT = EnumSet.of(FSFontUseCase.DOCUMENT);
    private static final Set<FSFontUseCase> SVG = EnumSet.of(FSFontUseCase.SVG);
    private static final Set<FSFontUseCase> FALLBACK = EnumSet.of(FSFontUseCase.FALLBACK_FINAL);
    /**
     * Family names drawn with Liberation Sans: its own, those GOV.UK and most pages ask for, and the
     * generic families as openhtmltopdf names them ("sans-serif" is looked up as "SansSerif", "serif" as
     * "Serif"). Any other family falls back to Liberation Sans too.
     */
    private static final List<String> SANS_FAMILIES = List.of("Liberation Sans", "Arial", "Helvetica",
            "GDS Transport", "SansSerif", "Serif", "Times New Roman", "Times");
    /** Family names that SVG text may use, drawn with Liberation Sans. */
    private static final List<String> SVG_FAMILIES = List.of("Liberation Sans", "Arial", "sans-serif");
    /** Family names drawn with Liberation Mono ("monospace" is looked up as "Monospaced"). */
    private static final List<String> MONO_FAMILIES = List.of("Liberation Mono", "Monospaced", "Courier New",
            "Courier");
    private static final Font[] SANS = {
        Font.load("LiberationSans-Regular.ttf", 400, FontStyle.NORMAL),
        Font.load("LiberationSans-Bold.ttf", 700, FontStyle.NORMAL),
        Font.load("LiberationSans-Italic.ttf", 400, FontStyle.ITALIC),
        Font.load("LiberationSans-BoldItalic.ttf", 700, FontStyle.ITALIC),
    };
    private static final Font[] MONO = {
        Font.load("LiberationMono-Regular.ttf", 400, FontStyle.NORMAL),
        Font.load("LiberationMono-Bold.ttf", 700, FontStyle.NORMAL),
    };
    /** Font metrics, shared by all renders: the fonts never change. */
    private static final FSDefaultCacheStore METRICS = new FSDefaultCacheStore();
    /** Base styles: A4 pages with margins; the page's own CSS comes after and wins. */
    private static final String BASE_CSS = "@page { size: A4; margin: 20mm 18mm; }\n"
            + "body { font-family: 'Liberation Sans', sans-serif; }\n"
            + "svg { max-width: 100%; }\n";

    /**
     * How to render.
     *
     * @param title document title for the PDF's metadata; null takes the page's {@code <title>}
     * @param language BCP 47 language of the text, e.g. "en-GB"; null takes {@code <html lang>}, else en-GB
     * @param author document author for the metadata, or null
     * @param description what the document is, for the metadata (subject and description); null takes
     *     the page's {@code <meta name="description">}, else the title
     * @param css extra styles for the PDF (e.g. print styles, page breaks), added after the page's own;
     *     null for none
     * @param diagnostics receives openhtmltopdf's warnings for this document (unsupported CSS, missing
     *     alternative text); null for none (they are logged at debug level either way)
     */
    public record Options(String title, String language, String author, String description, String css,
            Consumer<String> diagnostics) {

        /** Title, language (else en-GB) and description from the page. */
        public static Options defaults() {
            return new Options(null, null, null, null, null, null);
        }

        public Options withTitle(String value) {
            return new Options(value, language, author, description, css, diagnostics);
        }

        public Options withLanguage(String value) {
            return new Options(title, value, author, description, css, diagnostics);
        }

        public Options withAuthor(String value) {
            return new Options(title, language, value, description, css, diagnostics);
        }

        public Options withDescription(String value) {
            return new Options(title, language, author, value, css, diagnostics);
        }

        public Options withCss(String value) {
            return new Options(title, language, author, description, value, diagnostics);
        }

        public Options withDiagnostics(Consumer<String> value) {
            return new Options(title, language, author, description, css, value);
        }
    }

    static {
        Slf4jXRLogger.install();
    }

    private PdfRenderer() {
    }

    /** Renders with {@link Options#defaults()}. */
    public static byte[] render(String html) {
        return render(html, Options.defaults());
    }

    /**
     * Renders the page to PDF.
     *
     * @param html an HTML5 (or XHTML) page or fragment
     * @return the PDF file's bytes
     * @throws UncheckedIOException if openhtmltopdf fails to write
     */
    public static byte[] render(String html, Options options) {
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(options, "options");
        org.w3c.dom.Document dom = W3CDom.convert(prepare(html, options));
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.useCacheStore(PdfRendererBuilder.CacheStore.PDF_FONT_METRICS, METRICS);
        builder.withW3cDocument(dom, "about:blank");
        // Nothing is loaded from outside the page: no network, no files.
        builder.useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith("data:"),
                ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
        builder.useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith("data:"),
                ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
        BatikSVGDrawer svg = new BatikSVGDrawer(BatikSVGDrawer.SvgScriptMode.SECURE,
                BatikSVGDrawer.SvgExternalResourceMode.SECURE);
        builder.useSVGDrawer(svg);
        for (Font f : SANS) {
            for (String family : SANS_FAMILIES) {
                builder.useFont(f.supplier(), family, f.weight(), f.style(), true, DOCUMENT);
            }
            for (String family : SVG_FAMILIES) {
                builder.useFont(f.supplier(), family, f.weight(), f.style(), true, SVG);
            }
            builder.useFont(f.supplier(), "Liberation Sans", f.weight(), f.style(), true, FALLBACK);
        }
        for (Font f : MONO) {
            for (String family : MONO_FAMILIES) {
                builder.useFont(f.supplier(), family, f.weight(), f.style(), true, DOCUMENT);
            }
        }
        // Always tagged: an untagged PDF is no faster, and its standard fonts make PDFBox scan the system's
        // fonts and write a cache file in the home folder.
        builder.usePdfUaAccessibility(true);
        builder.withProducer("Convene");
        if (options.diagnostics() != null) {
            Consumer<String> sink = options.diagnostics();
            builder.withDiagnosticConsumer((Diagnostic d) -> {
                if (d.getLevel().intValue() >= Level.WARNING.intValue()) {
                    sink.accept(d.getFormattedMessage());
                }
            });
        }
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("PDF rendering failed", e);
        }
        return out.toByteArray();
    }

    /**
     * Parses the HTML and puts the title, language, metadata, styles and charts' alternative text where
     * openhtmltopdf reads them.
     */
    static Document prepare(String html, Options options) {
        Document doc = Jsoup.parse(html);
        Element root = doc.selectFirst("html");
        if (options.language() != null || root.attr("lang").isBlank()) {
            root.attr("lang", options.language() == null ? "en-GB" : options.language());
        }
        Element head = doc.head();
        if (options.title() != null) {
            doc.title(options.title());
        } else if (doc.title().isBlank()) {
            Element h1 = doc.selectFirst("h1");
            doc.title(h1 == null || h1.text().isBlank() ? "Report" : h1.text());
        }
        meta(head, "author", options.author());
        String description = options.description();
        if (description == null) {
            Element existing = head.selectFirst("meta[name=description]");
            description = existing == null || existing.attr("content").isBlank() ? doc.title() : existing.attr("content");
        }
        meta(head, "description", description);
        meta(head, "subject", description);
        // Nothing is fetched, so linked stylesheets, scripts and preloads would only cause warnings. Form
        // controls would become PDF form fields drawn in PDFBox's standard fonts, which makes PDFBox scan
        // the system's fonts; a report has nothing to fill in.
        doc.select("script, noscript, link[rel~=(?i)stylesheet|preload|icon|manifest]").remove();
        doc.select("input, select, textarea, button").remove();
        head.prependElement("style").appendText(BASE_CSS);
        if (options.css() != null) {
            head.appendElement("style").appendText(options.css());
        }
        // A chart's alternative text in the tagged PDF: its aria-label, else its <title> and <desc>.
        for (Element svg : doc.select("svg")) {
            if (svg.parents().is("svg") || svg.hasAttr("alt")) {
                continue;
            }
            String alt = svg.attr("aria-label");
            if (alt.isBlank()) {
                Element title = svg.selectFirst("> title");
                Element desc = svg.selectFirst("> desc");
                alt = join(title == null ? "" : title.text(), desc == null ? "" : desc.text());
            }
            if (!alt.isBlank()) {
                svg.attr("alt", alt);
            }
        }
        return doc;
    }

    private static String join(String title, String desc) {
        if (title.isBlank()) {
            return desc;
        }
        if (desc.isBlank()) {
            return title;
        }
        return title.endsWith(".") ? title + " " + desc : title + ". " + desc;
    }

    private static void meta(Element head, String name, String value) {
        if (value == null) {
            return;
        }
        head.select("meta[name=" + name + "]").remove();
        head.appendElement("meta").attr("name", name).attr("content", value);
    }

    /** A font file from the classpath, read once. */
    private record Font(byte[] bytes, int weight, FontStyle style) {
        static Font load(String file, int weight, FontStyle style) {
            try (InputStream in = PdfRenderer.class.getResourceAsStream(FONT_DIR + file)) {
                if (in == null) {
                    throw new IllegalStateException("font missing from the classpath: " + FONT_DIR + file);
                }
                return new Font(in.readAllBytes(), weight, style);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        FSSupplier<InputStream> supplier() {
            return () -> new ByteArrayInputStream(bytes);
        }
    }
}
