package dev.benchrun.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.benchrun.model.Delta;
import dev.benchrun.model.Interval;
import dev.benchrun.model.Threshold;
import dev.benchrun.model.Verdict;
import dev.benchrun.testing.ReportFixtures;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The HTML report's change chart: scaled to the data on the log-ratio axis, thresholds drawn. */
class ChangeChartTest {

    private static final double MIDDLE = 200;
    private static final double HALF = 194;

    private static Delta withChange(Interval change, Verdict verdict) {
        var d = ReportFixtures.comparison().benchmarks().get(0);
        return new Delta(
                d.id(),
                d.benchmark(),
                d.params(),
                d.mode(),
                d.category(),
                d.unit(),
                d.baseline(),
                d.candidate(),
                change,
                d.pValue(),
                d.baselineSamples(),
                d.candidateSamples(),
                verdict,
                d.allocation(),
                d.budget(),
                d.budgetMet(),
                d.warnings(),
                d.hotspots(),
                d.pairing(),
                d.baselineRuns(),
                d.candidateRuns(),
                d.runSpread(),
                d.wallSeconds());
    }

    private static double dotX(String svg) {
        var m = Pattern.compile("<circle class=\"dot [a-z]+\" cx=\"([-0-9.]+)\"")
                .matcher(svg);
        assertThat(m.find()).as(svg).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void aRegressionOfThirtyOnePercentSitsWellAwayFromZeroBesideAVeryWideInterval() {
        var regression = withChange(new Interval(0.31, 0.25, 0.37), Verdict.REGRESSION);
        var wide = withChange(new Interval(0.2, -0.6, 4.0), Verdict.INCONCLUSIVE);
        double scale = SvgCharts.changeScale(List.of(regression, wide));

        String svg = SvgCharts.change("hkdf_derive", regression, scale, new Threshold(0.10, 0.25), 0.01);

        assertThat((dotX(svg) - MIDDLE) / HALF)
                .as("the +31% dot is more than 40% of the way to the edge")
                .isGreaterThan(0.4)
                .isLessThan(1.0);
        assertThat(dotX(svg)).isCloseTo(MIDDLE + Math.log1p(0.31) / scale * HALF, within(0.06));
        // The wide interval runs to the edge rather than set the axis.
        assertThat(Math.expm1(scale)).isLessThan(4.0);
    }

    @Test
    void theAxisIsTheLogRatioSoAHalvingAndADoublingLieEquallyFarFromZero() {
        double scale = Math.log1p(1.0);
        assertThat(SvgCharts.x(1.0, scale) - MIDDLE).isCloseTo(HALF, within(1e-9));
        assertThat(MIDDLE - SvgCharts.x(-0.5, scale)).isCloseTo(HALF, within(1e-9));
        // Nothing can cost less than nothing: −100% and beyond sit at the left edge.
        assertThat(SvgCharts.x(-1.0, scale)).isCloseTo(MIDDLE - HALF, within(1e-9));
    }

    @Test
    void theThresholdsAndTheNoiseFloorAreDrawnWhereTheyFallOnTheAxis() {
        var regression = withChange(new Interval(0.31, 0.25, 0.37), Verdict.REGRESSION);
        double scale = SvgCharts.changeScale(List.of(regression));
        String svg = SvgCharts.change("hkdf_derive", regression, scale, new Threshold(0.10, 0.25), 0.01);

        assertThat(lineX(svg, "warning-line")).isCloseTo(SvgCharts.x(0.10, scale), within(0.06));
        assertThat(lineX(svg, "failure-line")).isCloseTo(SvgCharts.x(0.25, scale), within(0.06));
        assertThat(Pattern.compile("class=\"threshold floor\"")
                        .matcher(svg)
                        .results()
                        .count())
                .as("the noise floor on both sides of 0")
                .isEqualTo(2);
        // A failure threshold beyond the axis is not drawn at its edge.
        var small = withChange(new Interval(0.02, 0.01, 0.03), Verdict.SLOWER);
        String narrow =
                SvgCharts.change("x", small, SvgCharts.changeScale(List.of(small)), new Threshold(0.10, 0.25), 0.01);
        assertThat(narrow).doesNotContain("failure-line");
    }

    @Test
    void theAxisLabelsArePercentagesNoneBelowMinusOneHundred() {
        var regression = withChange(new Interval(0.31, 0.25, 0.37), Verdict.REGRESSION);
        String axis = SvgCharts.changeAxis(SvgCharts.changeScale(List.of(regression)));
        var labels = Pattern.compile(">([-+][0-9.]+)%<")
                .matcher(axis)
                .results()
                .map(m -> Double.parseDouble(m.group(1)))
                .toList();
        assertThat(labels).contains(50.0, -33.3).allMatch(v -> v > -100);
    }

    private static double lineX(String svg, String css) {
        var m = Pattern.compile("<line class=\"threshold " + css + "\" x1=\"([-0-9.]+)\"")
                .matcher(svg);
        assertThat(m.find()).as(css + " in " + svg).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
