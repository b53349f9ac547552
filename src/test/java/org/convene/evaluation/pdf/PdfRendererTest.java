package org.convene.evaluation.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.convene.evaluation.charts.BarChart;
import org.convene.evaluation.charts.Palette;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfRendererTest {
    private static final String CHART = new BarChart("sentiment", "Comments by sentiment", List.of(
            new BarChart.Bar("Positive", 18), new BarChart.Bar("Neutral", 7), new BarChart.Bar("Negative", 5))).svg();

    private static final String PAGE = "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
            + "<title>Evaluation &amp; impact</title>"
            + "<link rel=\"stylesheet\" href=\"/assets/govuk-frontend.min.css\"></head><body>"
            + "<h1>Leading Together: evaluation</h1>"
            + "<p>Confidence rose for most participants.</p>"
            + "<table><thead><tr><th>Item</th><th>Before</th><th>After</th><th>Change (95% CI)</th></tr></thead>"
            + "<tbody><tr><td>Leading change</td><td>2.67</td><td>3.58</td><td>+0.92 (0.49 to 1.34)</td></tr>"
            + "<tr><td>Working across sectors</td><td>2.31</td><td>3.40</td><td>+1.09 (0.71 to 1.47)</td></tr>"
            + "</tbody></table>"
            + "<figure><figcaption>Comments by sentiment</figcaption>" + CHART + "</figure>"
            + "</body></html>";

    @Test
    void rendersHeadingTableAndChart() throws IOException {
        List<String> warnings = new ArrayList<>();
        byte[] pdf = PdfRenderer.render(PAGE, PdfRenderer.Options.defaults().withDiagnostics(warnings::add));

        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(1);
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Leading Together: evaluation", "Leading change", "2.67", "3.58",
                    "+0.92 (0.49 to 1.34)", "Working across sectors", "+1.09 (0.71 to 1.47)", "Comments by sentiment");

            // The chart is drawn: its bars are filled in its blue, as vector paths.
            Drawing drawing = Drawing.of(doc);
            assertThat(drawing.fills(Palette.BLUE)).isGreaterThanOrEqualTo(3);
            assertThat(drawing.images).isZero();

            // Metadata and accessibility.
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Evaluation & impact");
            assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("en-GB");
            assertThat(doc.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
            assertThat(figureAlternatives(doc)).anySatisfy(alt -> assertThat(alt)
                    .startsWith("Comments by sentiment. Bar chart of 3 categories, 30 in total.")
                    .contains("Positive: 18 (60%)"));
            for (PDFont font : fonts(doc)) {
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                assertThat(font.getName()).contains("Liberation");
            }
        }
        assertThat(warnings).isEmpty();
    }

    @Test
    void toleratesEverydayHtml5() throws IOException {
        String html = "<!doctype html><html><head><meta charset=utf-8><title>Loose</title>"
                + "<script>document.write('never shown')</script></head><body>"
                + "<h1>Loose&nbsp;markup</h1><p>Unclosed paragraph<p>Second&hellip; <br> line"
                + "<ul><li>one<li>two</ul><input type=checkbox checked disabled>"
                + "<table><tr><td>cell 12.5<td>cell 7</table>"
                + "<code>mono text</code></body></html>";
        byte[] pdf = PdfRenderer.render(html, PdfRenderer.Options.defaults().withTitle("Given title")
                .withAuthor("Convene").withDescription("Loose markup test").withLanguage("en-GB"));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Loose", "markup", "Second\u2026", "one", "two", "cell 12.5", "cell 7", "mono text")
                    .doesNotContain("never shown");
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Given title");
            assertThat(doc.getDocumentInformation().getAuthor()).isEqualTo("Convene");
            assertThat(doc.getDocumentInformation().getSubject()).isEqualTo("Loose markup test");
            assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("en-GB");
        }
    }

    @Test
    void languageComesFromOptionsThenPageThenDefault() throws IOException {
        for (String[] c : new String[][] {{"<html lang=\"cy\"><body><p>Croeso</p></body></html>", null, "cy"},
                {"<html lang=\"cy\"><body><p>Croeso</p></body></html>", "en-GB", "en-GB"},
                {"<p>Hello</p>", null, "en-GB"}}) {
            byte[] pdf = PdfRenderer.render(c[0], PdfRenderer.Options.defaults().withLanguage(c[1]));
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo(c[2]);
            }
        }
    }

    @Test
    void fragmentsWork() throws IOException {
        byte[] pdf = PdfRenderer.render("<h1>Only a fragment</h1>" + CHART,
                PdfRenderer.Options.defaults().withCss("h1 { color: #1d70b8; }"));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Only a fragment");
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Only a fragment");
            assertThat(Drawing.of(doc).fills(Palette.BLUE)).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void loadsNothingFromOutsideThePage(@TempDir Path dir) throws IOException {
        Path image = dir.resolve("secret.png");
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(20, 20, java.awt.image.BufferedImage.TYPE_INT_RGB),
                "png", image.toFile());
        Path css = dir.resolve("evil.css");
        Files.writeString(css, "body { display: none; }");
        String html = "<html><head><title>T</title><link rel=stylesheet href=\"" + css.toUri() + "\">"
                + "<style>@import url(\"" + css.toUri() + "\");</style></head><body><h1>Still here</h1>"
                + "<img alt=\"file\" src=\"" + image.toUri() + "\"><img alt=\"net\" src=\"http://127.0.0.1:9/x.png\">"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"40\"><title>t</title>"
                + "<image href=\"" + image.toUri() + "\" width=\"20\" height=\"20\"/></svg></body></html>";
        byte[] pdf = PdfRenderer.render(html);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Still here");
            assertThat(Drawing.of(doc).images).isZero();
        }
    }

    private static List<String> figureAlternatives(PDDocument doc) {
        List<String> alts = new ArrayList<>();
        collect(doc.getDocumentCatalog().getStructureTreeRoot(), alts);
        return alts;
    }

    private static void collect(PDStructureNode node, List<String> alts) {
        if (node == null) {
            return;
        }
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement e) {
                if ("Figure".equals(e.getStructureType()) && e.getAlternateDescription() != null) {
                    alts.add(e.getAlternateDescription());
                }
                collect(e, alts);
            }
        }
    }

    private static List<PDFont> fonts(PDDocument doc) throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        for (PDPage page : doc.getPages()) {
            collectFonts(page.getResources(), fonts, 0);
        }
        return fonts;
    }

    private static void collectFonts(PDResources res, List<PDFont> fonts, int depth) throws IOException {
        if (res == null || depth > 5) {
            return;
        }
        for (COSName name : res.getFontNames()) {
            fonts.add(res.getFont(name));
        }
        for (COSName name : res.getXObjectNames()) {
            PDXObject x = res.getXObject(name);
            if (x instanceof PDFormXObject form) {
                collectFonts(form.getResources(), fonts, depth + 1);
            }
        }
    }

    /** Counts what the pages draw: filled paths by colour, and images. */
    static final class Drawing extends PDFGraphicsStreamEngine {
        final List<Integer> fillColours = new ArrayList<>();
        int images;

        private Drawing(PDPage page) {
            super(page);
        }

        static Drawing of(PDDocument doc) throws IOException {
            Drawing total = null;
            for (PDPage page : doc.getPages()) {
                Drawing d = new Drawing(page);
                d.processPage(page);
                if (total == null) {
                    total = d;
                } else {
                    total.fillColours.addAll(d.fillColours);
                    total.images += d.images;
                }
            }
            return total;
        }

        long fills(String colour) {
            int rgb = Integer.parseInt(colour.substring(1), 16);
            return fillColours.stream().filter(c -> c == rgb).count();
        }

        @Override
        public void fillPath(int windingRule) throws IOException {
            fillColours.add(getGraphicsState().getNonStrokingColor().toRGB());
        }

        @Override
        public void fillAndStrokePath(int windingRule) throws IOException {
            fillPath(windingRule);
        }

        @Override
        public void drawImage(PDImage pdImage) {
            images++;
        }

        @Override
        public void appendRectangle(java.awt.geom.Point2D p0, java.awt.geom.Point2D p1, java.awt.geom.Point2D p2,
                java.awt.geom.Point2D p3) {
        }

        @Override
        public void clip(int windingRule) {
        }

        @Override
        public void moveTo(float x, float y) {
        }

        @Override
        public void lineTo(float x, float y) {
        }

        @Override
        public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
        }

        @Override
        public java.awt.geom.Point2D getCurrentPoint() {
            return new java.awt.geom.Point2D.Float();
        }

        @Override
        public void closePath() {
        }

        @Override
        public void endPath() {
        }

        @Override
        public void strokePath() {
        }

        @Override
        public void shadingFill(COSName shadingName) {
        }
    }
}
