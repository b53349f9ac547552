package org.convene.evaluation.charts;

import java.util.List;
import java.util.Locale;

/**
 * Colours of the GOV.UK Design System (the colour palette of GOV.UK Frontend 5) and the contrast
 * arithmetic of WCAG 2.2, so that text on a coloured mark can be chosen readable (4.5:1) and lines
 * and marks kept visible against white (3:1).
 */
public final class Palette {
    public static final String BLACK = "#0b0c0c";
    public static final String WHITE = "#ffffff";
    public static final String BLUE = "#1d70b8";
    public static final String DARK_BLUE = "#003078";
    public static final String LIGHT_BLUE = "#5694ca";
    public static final String RED = "#d4351c";
    public static final String ORANGE = "#f47738";
    public static final String GREEN = "#00703c";
    public static final String PURPLE = "#4c2c92";
    public static final String PINK = "#d53880";
    public static final String BROWN = "#b58840";
    public static final String TURQUOISE = "#28a197";
    public static final String DARK_GREY = "#505a5f";
    public static final String MID_GREY = "#b1b4b6";
    public static final String LIGHT_GREY = "#f3f2f1";

    /** Five answers from most negative to most positive (Likert 1-5). */
    public static final List<String> DIVERGING_5 = List.of(RED, ORANGE, MID_GREY, LIGHT_BLUE, BLUE);

    /**
     * Colours for lines and marks on white, each with at least 3:1 contrast against white, in the order
     * series take them.
     */
    public static final List<String> SERIES = List.of(BLUE, RED, GREEN, PURPLE, PINK, DARK_GREY, DARK_BLUE, BLACK);

    private Palette() {
    }

    /**
     * {@code k} colours from most negative to most positive: the five of {@link #DIVERGING_5} for k = 5,
     * otherwise evenly spaced along the same red - orange - grey - light blue - blue ramp.
     */
    public static List<String> diverging(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("need at least one colour");
        }
        if (k == 5) {
            return DIVERGING_5;
        }
        if (k == 1) {
            return List.of(BLUE);
        }
        String[] out = new String[k];
        for (int i = 0; i < k; i++) {
            double t = (double) i / (k - 1) * (DIVERGING_5.size() - 1);
            int a = (int) Math.floor(t);
            int b = Math.min(a + 1, DIVERGING_5.size() - 1);
            out[i] = mix(DIVERGING_5.get(a), DIVERGING_5.get(b), t - a);
        }
        return List.of(out);
    }

    /** Black or white, whichever contrasts more with the fill (for text drawn on it). */
    public static String textOn(String fill) {
        return contrast(fill, BLACK) >= contrast(fill, WHITE) ? BLACK : WHITE;
    }

    /** WCAG contrast ratio of two #rrggbb colours, 1 to 21. */
    public static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** WCAG relative luminance of a #rrggbb colour. */
    public static double luminance(String colour) {
        int[] c = rgb(colour);
        double[] lin = new double[3];
        for (int i = 0; i < 3; i++) {
            double s = c[i] / 255.0;
            lin[i] = s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
    }

    static String mix(String a, String b, double t) {
        int[] x = rgb(a);
        int[] y = rgb(b);
        int[] z = new int[3];
        for (int i = 0; i < 3; i++) {
            z[i] = (int) Math.round(x[i] + (y[i] - x[i]) * t);
        }
        return String.format(Locale.ROOT, "#%02x%02x%02x", z[0], z[1], z[2]);
    }

    private static int[] rgb(String colour) {
        if (colour == null || !colour.matches("#[0-9a-fA-F]{6}")) {
            throw new IllegalArgumentException("colour must be #rrggbb: " + colour);
        }
        int v = Integer.parseInt(colour.substring(1), 16);
        return new int[] {(v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff};
    }
}
