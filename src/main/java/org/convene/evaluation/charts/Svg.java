package org.convene.evaluation.charts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Writes SVG text: escaping, fixed number formatting, text measuring and wrapping. Everything is
 * deterministic (no locale, no clock, no randomness), so equal data give equal SVG.
 */
final class Svg {
    /** Fonts for chart text: Arial where it exists, Liberation Sans (same metrics) in the PDF and on Linux. */
    static final String FONT_FAMILY = "Arial, Liberation Sans, Helvetica, sans-serif";
    private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
    /** Advance widths of ASCII 32..126 in Arial/Helvetica, in 1/1000 em. */
    private static final int[] WIDTHS = {
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556,
        556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667,
        556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556,
        556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722,
        500, 500, 500, 334, 260, 334, 584,
    };
    private static final int[] BOLD_WIDTHS = {
        278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556,
        556, 556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722,
        611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, 333, 556,
        611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778,
        556, 556, 500, 389, 280, 389, 584,
    };

    /** Allowance for fonts wider than Arial. */
    static final double SLACK = 1.12;

    private final StringBuilder out = new StringBuilder(4096);

    /**
     * Starts a standalone, accessible SVG: {@code role="img"} named by its {@code <title>} and described
     * by its {@code <desc>}, both with ids made from {@code id}.
     */
    Svg(String id, double width, double height, String title, String description) {
        requireId(id);
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(num(width))
                .append("\" height=\"").append(num(height)).append("\" viewBox=\"0 0 ").append(num(width)).append(' ')
                .append(num(height)).append("\" role=\"img\" aria-labelledby=\"").append(id).append("-title ")
                .append(id).append("-desc\" id=\"").append(id).append("\" font-family=\"").append(FONT_FAMILY)
                .append("\" font-size=\"14\" fill=\"").append(Palette.BLACK).append("\">");
        out.append("<title id=\"").append(id).append("-title\">").append(escape(title)).append("</title>");
        out.append("<desc id=\"").append(id).append("-desc\">").append(escape(description)).append("</desc>");
    }

    static String requireId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("chart id must be a letter then letters, digits, - or _: " + id);
        }
        return id;
    }

    /** Appends raw SVG markup (already escaped). */
    Svg raw(String markup) {
        out.append(markup);
        return this;
    }

    Svg rect(double x, double y, double w, double h, String fill, String extra) {
        out.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"")
                .append(num(Math.max(0, w))).append("\" height=\"").append(num(Math.max(0, h))).append("\" fill=\"")
                .append(fill).append('"');
        if (extra != null && !extra.isEmpty()) {
            out.append(' ').append(extra);
        }
        out.append("/>");
        return this;
    }

    Svg line(double x1, double y1, double x2, double y2, String stroke, double width, String extra) {
        out.append("<line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1)).append("\" x2=\"")
                .append(num(x2)).append("\" y2=\"").append(num(y2)).append("\" stroke=\"").append(stroke)
                .append("\" stroke-width=\"").append(num(width)).append('"');
        if (extra != null && !extra.isEmpty()) {
            out.append(' ').append(extra);
        }
        out.append("/>");
        return this;
    }

    /**
     * A text element.
     *
     * @param anchor start, middle or end
     * @param extra further attributes (already escaped), or null
     */
    Svg text(double x, double y, String text, String anchor, double size, boolean bold, String fill, String extra) {
        out.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append('"');
        if (!"start".equals(anchor)) {
            out.append(" text-anchor=\"").append(anchor).append('"');
        }
        if (size != 14) {
            out.append(" font-size=\"").append(num(size)).append('"');
        }
        if (bold) {
            out.append(" font-weight=\"bold\"");
        }
        if (fill != null && !Palette.BLACK.equals(fill)) {
            out.append(" fill=\"").append(fill).append('"');
        }
        if (extra != null && !extra.isEmpty()) {
            out.append(' ').append(extra);
        }
        out.append('>').append(escape(text)).append("</text>");
        return this;
    }

    /** Lines of text, one under another, the first with its baseline at {@code y}. */
    Svg lines(double x, double y, List<String> lines, double lineHeight, String anchor, double size, boolean bold,
            String fill) {
        for (int i = 0; i < lines.size(); i++) {
            text(x, y + i * lineHeight, lines.get(i), anchor, size, bold, fill, null);
        }
        return this;
    }

    /** A tooltip for the element just opened with {@code <g>}. */
    Svg tooltip(String text) {
        out.append("<title>").append(escape(text)).append("</title>");
        return this;
    }

    String end() {
        out.append("</svg>");
        return out.toString();
    }

    /**
     * Escapes text for XML content and attribute values; drops characters XML cannot hold (most
     * control characters, lone surrogates, U+FFFE and U+FFFF).
     */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                case '\t', '\n', '\r' -> b.append(' ');
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        b.append(c).append(text.charAt(++i));
                    } else if (c >= 0x20 && !Character.isSurrogate(c) && c != 0xFFFE && c != 0xFFFF) {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** A coordinate or size: at most 2 decimals, no trailing zeros, no exponent, never "-0". */
    static String num(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("not a finite number: " + v);
        }
        String s = BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        return "-0".equals(s) ? "0" : s;
    }

    /** A value for people to read, with a fixed number of decimals (e.g. 3.50), in Locale.ROOT. */
    static String value(double v, int decimals) {
        String s = BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
        if (s.startsWith("-") && BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).signum() == 0) {
            s = s.substring(1);
        }
        return s;
    }

    /** A change for people to read, with its sign: +0.9, −0.3 (minus sign), 0.0. */
    static String signed(double v, int decimals) {
        String s = value(v, decimals);
        if (s.startsWith("-")) {
            return "\u2212" + s.substring(1);
        }
        return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).signum() > 0 ? "+" + s : s;
    }

    static String percent(int p) {
        return String.format(Locale.ROOT, "%d%%", p);
    }

    /**
     * Width to allow for the text at the given size: its width in Arial (exact for ASCII, 0.6 em for
     * other characters) plus 12 %, because a browser without Arial or Liberation Sans substitutes a
     * wider font (DejaVu Sans is about 12 % wider).
     */
    static double width(String text, double size, boolean bold) {
        int[] table = bold ? BOLD_WIDTHS : WIDTHS;
        double units = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            units += c >= 32 && c <= 126 ? table[c - 32] : 600;
        }
        return units * size / 1000 * SLACK;
    }

    /**
     * Breaks text into lines no wider than {@code maxWidth}, at spaces where possible; a word too long
     * for a line is cut. More than {@code maxLines} lines end the last with an ellipsis.
     */
    static List<String> wrap(String text, double size, boolean bold, double maxWidth, int maxLines) {
        List<String> lines = new ArrayList<>();
        String rest = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        while (!rest.isEmpty()) {
            if (width(rest, size, bold) <= maxWidth) {
                lines.add(rest);
                break;
            }
            int cut = -1;
            for (int i = rest.indexOf(' '); i > 0; i = rest.indexOf(' ', i + 1)) {
                if (width(rest.substring(0, i), size, bold) <= maxWidth) {
                    cut = i;
                } else {
                    break;
                }
            }
            if (cut > 0) {
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut + 1);
            } else {
                int n = fit(rest, size, bold, maxWidth);
                lines.add(rest.substring(0, n));
                rest = rest.substring(n).strip();
            }
        }
        if (lines.isEmpty()) {
            lines.add("");
        }
        if (lines.size() > maxLines) {
            List<String> kept = new ArrayList<>(lines.subList(0, maxLines));
            String last = kept.get(maxLines - 1);
            while (!last.isEmpty() && width(last + "\u2026", size, bold) > maxWidth) {
                last = last.substring(0, last.length() - 1);
            }
            kept.set(maxLines - 1, last.stripTrailing() + "\u2026");
            return kept;
        }
        return lines;
    }

    /** How many leading characters fit (at least one, never splitting a surrogate pair). */
    private static int fit(String text, double size, boolean bold, double maxWidth) {
        int n = 1;
        while (n < text.length() && width(text.substring(0, n + 1), size, bold) <= maxWidth) {
            n++;
        }
        if (n < text.length() && Character.isLowSurrogate(text.charAt(n))) {
            n = n > 1 ? n - 1 : n + 1;
        }
        return n;
    }
}
