package org.convene.evaluation.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Checks every chart must pass: well-formed, accessible, self-contained, ids under the chart's prefix. */
final class SvgChecks {
    private SvgChecks() {
    }

    static Document parse(String svg) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + svg, e);
        }
    }

    /** Parses the SVG and checks what every chart promises; returns the document. */
    static Document check(String svg, String id, String title) {
        Document doc = parse(svg);
        Element root = doc.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(root.getAttribute("role")).isEqualTo("img");
        assertThat(root.getAttribute("aria-labelledby")).isEqualTo(id + "-title " + id + "-desc");
        assertThat(root.getAttribute("viewBox")).matches("0 0 [0-9.]+ [0-9.]+");
        Element first = firstElement(root);
        assertThat(first.getLocalName()).isEqualTo("title");
        assertThat(first.getAttribute("id")).isEqualTo(id + "-title");
        assertThat(first.getTextContent()).isEqualTo(title);
        Element desc = nextElement(first);
        assertThat(desc.getLocalName()).isEqualTo("desc");
        assertThat(desc.getAttribute("id")).isEqualTo(id + "-desc");
        assertThat(desc.getTextContent()).isNotBlank();

        Set<String> ids = new HashSet<>();
        NodeList all = doc.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            assertThat(e.getLocalName()).isNotIn("script", "style", "foreignObject", "image", "a", "use");
            NamedNodeMap attrs = e.getAttributes();
            for (int a = 0; a < attrs.getLength(); a++) {
                Node attr = attrs.item(a);
                String name = attr.getNodeName().toLowerCase();
                if (name.startsWith("xmlns")) {
                    assertThat(attr.getNodeValue()).isEqualTo("http://www.w3.org/2000/svg");
                    continue;
                }
                assertThat(name).doesNotStartWith("on").isNotIn("href", "xlink:href", "style");
                assertThat(attr.getNodeValue()).doesNotContainIgnoringCase("javascript:")
                        .doesNotContainIgnoringCase("http:").doesNotContain("@font-face");
                if (name.equals("id")) {
                    assertThat(attr.getNodeValue()).startsWith(id);
                    assertThat(ids.add(attr.getNodeValue())).as("unique id %s", attr.getNodeValue()).isTrue();
                }
                if (attr.getNodeValue().startsWith("url(#")) {
                    assertThat(attr.getNodeValue()).startsWith("url(#" + id + "-");
                }
            }
        }
        return doc;
    }

    /** The text of every text element, in document order, joined by " | ". */
    static String texts(Document doc) {
        NodeList texts = doc.getElementsByTagNameNS("*", "text");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < texts.getLength(); i++) {
            b.append(texts.item(i).getTextContent()).append(" | ");
        }
        return b.toString();
    }

    static String description(Document doc) {
        return doc.getElementsByTagNameNS("*", "desc").item(0).getTextContent();
    }

    private static Element firstElement(Node parent) {
        Node n = parent.getFirstChild();
        while (n != null && n.getNodeType() != Node.ELEMENT_NODE) {
            n = n.getNextSibling();
        }
        return (Element) n;
    }

    private static Element nextElement(Node node) {
        Node n = node.getNextSibling();
        while (n != null && n.getNodeType() != Node.ELEMENT_NODE) {
            n = n.getNextSibling();
        }
        return (Element) n;
    }
}
