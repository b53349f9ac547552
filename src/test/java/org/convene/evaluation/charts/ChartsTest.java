package org.convene.evaluation.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.convene.evaluation.AnonymityRule;
import org.convene.evaluation.Distribution;
import org.convene.evaluation.Estimate;
import org.convene.evaluation.PairedComparison;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class ChartsTest {
    private static final List<String> AGREEMENT = List.of("Strongly disagree", "Disagree",
            "Neither agree nor disagree", "Agree", "Strongly agree");
    private static final String HOSTILE = "Trust & <b>\"respect\"</b> isn't </svg><script>alert(1)</script>\u0007";

    private static LikertChart likert() {
        return new LikertChart("likert-1", "Answers at the end", AGREEMENT, List.of(
                new LikertChart.Row("I lead change across boundaries", List.of(1, 2, 5, 12, 10)),
                LikertChart.Row.of(HOSTILE, Distribution.likert5(List.of(4, 5, 5, 3, 4, 4))),
                new LikertChart.Row("Tiny group", List.of(0, 1, 1, 1, 0))));
    }

    private static TrendChart trend() {
        return new TrendChart("trend-1", "Means across modules", List.of("Module 1", "Module 2", "Module 3", "Module 4"),
                List.of(TrendChart.Series.of("Confidence", Arrays.asList(2.8, 3.25, null, 4.15), List.of(30, 28, 0, 27)),
                        TrendChart.Series.of("Understanding", Arrays.asList(3.1, 3.0, 3.5, 3.9), List.of(30, 4, 26, 25))),
                1, 5, "Mean answer (1 to 5)");
    }

    private static PrePostChart prePost() {
        double[] before = {2, 3, 3, 2, 4, 3, 2, 1, 3, 4, 2, 3};
        double[] then = {2, 2, 3, 2, 3, 3, 2, 1, 2, 4, 2, 2};
        double[] after = {4, 4, 3, 3, 4, 5, 3, 2, 4, 4, 3, 4};
        return new PrePostChart("prepost-1", "Confidence before and after", List.of(
                PrePostChart.Item.of("Leading change", before, then, after),
                PrePostChart.Item.of("Small item", new double[] {1, 2, 3}, null, new double[] {2, 3, 4})), 1, 5);
    }

    private static BarChart bars() {
        return new BarChart("bars-1", "Comments by sentiment", List.of(new BarChart.Bar("Positive", 12),
                new BarChart.Bar("Neutral", 5), new BarChart.Bar("Negative", 3)));
    }

    @Test
    void everyChartIsWellFormedAccessibleAndSelfContained() {
        SvgChecks.check(likert().svg(), "likert-1", "Answers at the end");
        SvgChecks.check(trend().svg(), "trend-1", "Means across modules");
        SvgChecks.check(prePost().svg(), "prepost-1", "Confidence before and after");
        SvgChecks.check(bars().svg(), "bars-1", "Comments by sentiment");
        SvgChecks.check(new LikertChart("e", "Empty", AGREEMENT, List.of()).svg(), "e", "Empty");
        SvgChecks.check(new PrePostChart("e", "Empty", List.of(), 1, 5).svg(), "e", "Empty");
        SvgChecks.check(new BarChart("e", "Empty", List.of()).svg(), "e", "Empty");
    }

    @Test
    void hostileTextIsEscapedEverywhere() {
        String svg = likert().withDescription(HOSTILE).svg();
        Document doc = SvgChecks.check(svg, "likert-1", "Answers at the end");
        assertThat(svg).doesNotContain("<script").doesNotContain("<b>").doesNotContain("\u0007");
        assertThat(SvgChecks.description(doc)).isEqualTo("Trust & <b>\"respect\"</b> isn't </svg><script>alert(1)</script>");
        assertThat(SvgChecks.texts(doc)).contains("Trust & <b>");

        SvgChecks.check(new LikertChart("x", HOSTILE, List.of(HOSTILE, "b"), List.of(
                new LikertChart.Row(HOSTILE, List.of(3, 3)))).svg(), "x", HOSTILE.replace("\u0007", ""));
        SvgChecks.check(new TrendChart("x", HOSTILE, List.of(HOSTILE), List.of(
                TrendChart.Series.of(HOSTILE, List.of(3.0), List.of(9))), 1, 5, HOSTILE).svg(), "x",
                HOSTILE.replace("\u0007", ""));
        SvgChecks.check(new BarChart("x", HOSTILE, List.of(new BarChart.Bar(HOSTILE, 7))).svg(), "x",
                HOSTILE.replace("\u0007", ""));
        SvgChecks.check(new PrePostChart("x", HOSTILE, List.of(PrePostChart.Item.of(HOSTILE,
                new double[] {1, 2, 3, 4, 5}, null, new double[] {2, 2, 4, 5, 5})), 1, 5).svg(), "x",
                HOSTILE.replace("\u0007", ""));
    }

    @Test
    void outputIsDeterministicAndIgnoresTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        String[] first = {likert().svg(), trend().svg(), prePost().svg(), bars().svg()};
        try {
            Locale.setDefault(Locale.GERMANY);
            String[] again = {likert().svg(), trend().svg(), prePost().svg(), bars().svg()};
            assertThat(again).containsExactly(first);
        } finally {
            Locale.setDefault(saved);
        }
        for (String svg : first) {
            assertThat(svg).doesNotContainPattern("\\d,\\d");
        }
    }

    @Test
    void likertBarsShowPercentagesAndHideSmallGroups() {
        Document doc = SvgChecks.check(likert().svg(), "likert-1", "Answers at the end");
        String texts = SvgChecks.texts(doc);
        // 1, 2, 5, 12, 10 of 30: 3 %, 7 %, 17 %, 40 %, 33 %; narrow segments carry no label.
        assertThat(texts).contains("17% |", "40% |", "33% |", "n = 30", "n = 6");
        assertThat(texts).contains("Not shown: fewer than 5 responses");
        assertThat(texts).doesNotContain("n = 3 |");
        String desc = SvgChecks.description(doc);
        assertThat(desc).contains("I lead change across boundaries (30 responses): Strongly disagree 3%, Disagree 7%, "
                + "Neither agree nor disagree 17%, Agree 40%, Strongly agree 33%.");
        assertThat(desc).contains("Tiny group: not shown, fewer than 5 responses.");
        // Patterns for the options below the middle and the middle one, so colour is not the only cue.
        assertThat(doc.getElementsByTagNameNS("*", "pattern").getLength()).isEqualTo(3);
        // A stricter rule hides more.
        assertThat(likert().withRule(new AnonymityRule(10)).svg()).contains("I lead change across boundaries")
                .contains("n = 30").doesNotContain("n = 6");
    }

    @Test
    void likertNeedsOneCountPerOption() {
        assertThatThrownBy(() -> new LikertChart("x", "t", AGREEMENT, List.of(new LikertChart.Row("a", List.of(1, 2)))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LikertChart("1x", "t", AGREEMENT, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LikertChart("x y", "t", AGREEMENT, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void trendLeavesGapsForMissingAndSuppressedPoints() {
        Document doc = SvgChecks.check(trend().svg(), "trend-1", "Means across modules");
        String texts = SvgChecks.texts(doc);
        assertThat(texts).contains("2.8 |", "3.3 |", "4.2 |", "3.1 |", "3.5 |", "3.9 |");
        // Understanding at module 2 has 4 responses: its 3.0 is not shown.
        assertThat(texts).doesNotContain("3.0 |");
        assertThat(texts).contains("Gaps: no data, or fewer than 5 responses (not shown).");
        // Each line breaks at its gap: two sub-paths each.
        var paths = doc.getElementsByTagNameNS("*", "path");
        int lines = 0;
        for (int i = 0; i < paths.getLength(); i++) {
            var p = (org.w3c.dom.Element) paths.item(i);
            if ("none".equals(p.getAttribute("fill"))) {
                lines++;
                assertThat(p.getAttribute("d").split("M", -1)).hasSize(3);
            }
        }
        assertThat(lines).isEqualTo(2);
        assertThat(SvgChecks.description(doc)).contains("Confidence: Module 1 2.8, Module 2 3.3, Module 3 no data, "
                + "Module 4 4.2.").contains("Module 2 not shown (fewer than 5 responses)");
    }

    @Test
    void gridlinesFollowTheScale() {
        assertThat(TrendChart.ticks(1, 5)).containsExactly(1, 2, 3, 4, 5);
        assertThat(TrendChart.ticks(0, 10)).containsExactly(0, 2, 4, 6, 8, 10);
        assertThat(TrendChart.ticks(0, 100)).containsExactly(0, 20, 40, 60, 80, 100);
        assertThat(TrendChart.ticks(0, 1)).containsExactly(0, 0.2, 0.4, 0.6000000000000001, 0.8, 1);
        assertThat(PrePostChart.changeTicks(1)).containsExactly(-1, -0.5, 0, 0.5, 1);
        assertThat(PrePostChart.changeTicks(3)).containsExactly(-3, -2, -1, 0, 1, 2, 3);
    }

    @Test
    void prePostShowsMeansChangesAndHidesSmallItems() {
        PrePostChart chart = prePost();
        PrePostChart.Item item = chart.items().get(0);
        PairedComparison c = PairedComparison.of(new double[] {2, 3, 3, 2, 4, 3, 2, 1, 3, 4, 2, 3},
                new double[] {4, 4, 3, 3, 4, 5, 3, 2, 4, 4, 3, 4});
        assertThat(item.pairs()).isEqualTo(12);
        assertThat(item.change()).isEqualTo(c.change());
        assertThat(item.before().value()).isEqualTo(c.meanBefore());
        assertThat(item.after().value()).isEqualTo(c.meanAfter());
        assertThat(item.then().value()).isEqualTo(28.0 / 12);

        Document doc = SvgChecks.check(chart.svg(), "prepost-1", "Confidence before and after");
        String texts = SvgChecks.texts(doc);
        assertThat(texts).contains("2.7 |", "3.6 |", "2.3 |", "+0.9 |", "+1.3 |");
        assertThat(texts).contains("Not shown: fewer than 5 responses");
        String desc = SvgChecks.description(doc);
        assertThat(desc).contains("Leading change (12 people): before 2.7, then 2.3, after 3.6; change +0.9 "
                + "(95% CI 0.49 to 1.34)");
        assertThat(desc).contains("Small item: not shown, fewer than 5 responses.");
        // Markers differ in shape, not only colour: hollow circle, diamond, filled circle.
        assertThat(chart.svg()).contains("fill=\"#ffffff\" stroke=\"#505a5f\"").contains(" Z\" fill=\"#4c2c92\"");
    }

    @Test
    void prePostHidesThenFiguresFromTooFewPeople() {
        double nan = Double.NaN;
        double[] before = {2, 3, 3, 2, 4, 3};
        double[] then = {2, nan, nan, nan, 3, 3};
        double[] after = {4, 4, 3, 3, 4, 5};
        PrePostChart.Item item = PrePostChart.Item.of("Partly rated", before, then, after);
        assertThat(item.pairs()).isEqualTo(6);
        assertThat(item.thenPairs()).isEqualTo(3);
        Document doc = SvgChecks.check(new PrePostChart("p", "t", List.of(item), 1, 5).svg(), "p", "t");
        assertThat(SvgChecks.texts(doc)).contains("Then: not shown, fewer than 5 responses", "+1.0 |")
                .doesNotContain("2.7 |");
        assertThat(SvgChecks.description(doc)).contains("then not shown (fewer than 5 responses)")
                .doesNotContain("change from then");
    }

    @Test
    void prePostCopesWithUndefinedIntervals() {
        PrePostChart.Item flat = new PrePostChart.Item("Flat", 6, Estimate.point(3), Estimate.point(4),
                Estimate.point(1));
        String svg = new PrePostChart("p", "t", List.of(flat), 1, 5).svg();
        SvgChecks.check(svg, "p", "t");
        assertThat(svg).contains(">+1.0<").doesNotContain("NaN");
    }

    @Test
    void barsCarryCountsAndShares() {
        Document doc = SvgChecks.check(bars().svg(), "bars-1", "Comments by sentiment");
        assertThat(SvgChecks.texts(doc)).contains("12 (60%)", "5 (25%)", "3 (15%)", "Total 20");
        BarChart few = new BarChart("b", "Few", List.of(new BarChart.Bar("Yes", 3), new BarChart.Bar("No", 1)));
        Document hidden = SvgChecks.check(few.svg(), "b", "Few");
        assertThat(SvgChecks.texts(hidden)).contains("Not shown").doesNotContain("(75%)");
        assertThat(SvgChecks.description(hidden)).contains("not shown");

        Distribution multi = Distribution.ofMultipleChoices(List.of("Coaching", "Networking"),
                List.of(List.of("Coaching", "Networking"), List.of("Coaching"), List.of("Coaching"), List.of("Networking"),
                        List.of("Coaching"), List.of("Coaching")));
        String svg = BarChart.of("m", "Multi", multi).svg();
        assertThat(SvgChecks.texts(SvgChecks.check(svg, "m", "Multi"))).contains("5 (83%)", "2 (33%)",
                "People who answered: 6");
        assertThatThrownBy(() -> bars().withColour(Palette.LIGHT_GREY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void coloursMeetContrastRules() {
        for (String c : Palette.SERIES) {
            assertThat(Palette.contrast(c, Palette.WHITE)).as(c).isGreaterThanOrEqualTo(3.0);
        }
        for (String c : List.of(PrePostChart.BEFORE_COLOUR, PrePostChart.THEN_COLOUR, PrePostChart.AFTER_COLOUR)) {
            assertThat(Palette.contrast(c, Palette.WHITE)).as(c).isGreaterThanOrEqualTo(3.0);
        }
        for (int k = 2; k <= 11; k++) {
            for (String c : Palette.diverging(k)) {
                assertThat(Palette.contrast(c, Palette.textOn(c))).as("text on %s", c).isGreaterThanOrEqualTo(4.5);
            }
        }
        assertThat(Palette.contrast(Palette.BLACK, Palette.WHITE)).isGreaterThan(19);
        assertThat(Palette.diverging(5)).containsExactly("#d4351c", "#f47738", "#b1b4b6", "#5694ca", "#1d70b8");
        assertThat(Palette.diverging(3)).containsExactly("#d4351c", "#b1b4b6", "#1d70b8");
    }

    @Test
    void numbersAndTextHelpers() {
        assertThat(Svg.num(12.0)).isEqualTo("12");
        assertThat(Svg.num(12.345)).isEqualTo("12.35");
        assertThat(Svg.num(-0.001)).isEqualTo("0");
        assertThat(Svg.num(1e-7)).isEqualTo("0");
        assertThat(Svg.num(1234567.5)).isEqualTo("1234567.5");
        assertThat(Svg.value(3.05, 1)).isEqualTo("3.1");
        assertThat(Svg.value(-0.04, 1)).isEqualTo("0.0");
        assertThat(Svg.signed(0.92, 1)).isEqualTo("+0.9");
        assertThat(Svg.signed(-0.25, 2)).isEqualTo("\u22120.25");
        assertThat(Svg.signed(0.01, 1)).isEqualTo("0.0");
        assertThat(Svg.escape("a\u0000b\uFFFEc\uD83D\uDE00d\uD800")).isEqualTo("abc\uD83D\uDE00d");
        assertThat(Svg.wrap("I feel confident leading change across organisational boundaries", 14, false, 160, 3))
                .hasSizeBetween(2, 3).allSatisfy(line -> assertThat(Svg.width(line, 14, false)).isLessThanOrEqualTo(160));
        assertThat(Svg.wrap("Supercalifragilisticexpialidocious", 14, false, 60, 2)).hasSize(2).last()
                .satisfies(l -> assertThat(l).endsWith("\u2026"));
        assertThat(Svg.wrap("", 14, false, 60, 2)).containsExactly("");
        assertThatThrownBy(() -> Svg.num(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
