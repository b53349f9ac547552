package org.convene.evaluation.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.convene.runcharts.RunChart;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The run chart drawn as SVG: accessible, flagged points marked by shape and a labelled bracket, not by colour alone. */
class RunChartPlotTest {
    private static final List<Double> FALLS = List.of(8.0, 9.0, 7.0, 8.0, 10.0, 8.0, 5.0, 4.0, 6.0, 5.0, 4.0, 5.0, 6.0);

    private static List<String> weeks(int n) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            labels.add("Week " + (i + 1));
        }
        return labels;
    }

    @Test
    void aShiftIsMarkedBySquaresAndABracketAndDescribedInText() {
        RunChart chart = RunChart.of(FALLS, 6);
        String svg = new RunChartPlot("falls", "Falls per 1,000 bed days", weeks(13), chart, "falls per 1,000 bed days").svg();
        Document doc = SvgChecks.check(svg, "falls", "Falls per 1,000 bed days");
        assertThat(svg.split("<g class=\"point shift\">", -1)).hasSize(8); // the 7 points of the shift
        assertThat(svg.split("<g class=\"point\">", -1)).hasSize(7); // the other 6
        assertThat(svg).contains("class=\"median\"").contains("class=\"median-extended\"").contains("class=\"bracket shift\"");
        String texts = SvgChecks.texts(doc);
        assertThat(texts).contains("Shift below").contains("Median of the first 6 points 8").contains("Median extended")
                .contains("4 runs; 3 to 9 expected by chance for 10 points off the median.");
        assertThat(SvgChecks.description(doc)).isEqualTo("Run chart of 13 points (falls per 1,000 bed days) from Week 1 to Week 13. "
                + "Median 8, of the first 6 points, extended to the rest. Shift: 7 points below the median, Week 7 to Week 13. "
                + "4 runs; 3 to 9 expected by chance for 10 points off the median.");
    }

    @Test
    void trendsAndAstronomicalPointsHaveTheirOwnShapes() {
        RunChart trend = RunChart.of(List.of(5.0, 6.0, 5.5, 6.5, 7.0, 8.0, 9.0, 10.0, 6.0));
        String svg = new RunChartPlot("t", "Rising", weeks(9), trend, null).svg();
        SvgChecks.check(svg, "t", "Rising");
        assertThat(svg).contains("class=\"point trend\"").contains("class=\"bracket trend\"").doesNotContain("point shift");
        RunChart spike = RunChart.of(List.of(10.0, 11.0, 10.0, 12.0, 11.0, 10.0, 30.0, 11.0, 10.0, 12.0));
        String spiky = new RunChartPlot("s", "Spike", weeks(10), spike, null).svg();
        Document doc = SvgChecks.check(spiky, "s", "Spike");
        assertThat(spiky).contains("class=\"point astronomical\"");
        assertThat(SvgChecks.description(doc)).contains("Astronomical point: Week 7, 30.");
        assertThat(SvgChecks.texts(doc)).contains("Astronomical point");
    }

    @Test
    void quietDataSayNoRuleFiresAndHostileTextIsEscaped() {
        RunChart quiet = RunChart.of(List.of(12.0, 15.0, 11.0, 14.0, 13.0, 16.0, 12.0, 10.0, 14.0, 13.0, 15.0, 11.0));
        String hostile = "</title><script>alert(1)</script>";
        String svg = new RunChartPlot("q", hostile, List.of(hostile, "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"), quiet, "& more").svg();
        Document doc = SvgChecks.check(svg, "q", hostile);
        assertThat(SvgChecks.description(doc)).contains("No run-chart rule fires");
        assertThat(svg).doesNotContain("<script>");
    }

    @Test
    void oneLabelPerPoint() {
        assertThatThrownBy(() -> new RunChartPlot("x", "X", weeks(3), RunChart.of(FALLS), null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(RunChartPlot.step(10)).isEqualTo(2);
        assertThat(RunChartPlot.step(0.3)).isEqualTo(0.1, org.assertj.core.data.Offset.offset(1e-12));
    }
}
