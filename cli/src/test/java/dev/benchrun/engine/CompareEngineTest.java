package dev.benchrun.engine;

import static dev.benchrun.testing.Synthetic.SETTINGS;
import static dev.benchrun.testing.Synthetic.metric;
import static dev.benchrun.testing.Synthetic.result;
import static dev.benchrun.testing.Synthetic.samples;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.benchrun.model.BenchmarkResult;
import dev.benchrun.model.Comparison;
import dev.benchrun.model.Delta;
import dev.benchrun.model.Verdict;
import dev.benchrun.testing.Synthetic;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompareEngineTest {

    private static final Comparison.Side SIDE = new Comparison.Side("x", "x", null, null, null, null);

    private static Delta compare(BenchmarkResult base, BenchmarkResult cand) {
        var c = CompareEngine.compare(Synthetic.run("a", List.of(base)), SIDE, Synthetic.run("b", List.of(cand)), SIDE,
                SETTINGS);
        assertThat(c.benchmarks()).hasSize(1);
        return c.benchmarks().get(0);
    }

    private static BenchmarkResult avgt(String category, double mean, long seed) {
        return result("op", category, "avgt", metric("us/op", samples(mean, 0.01, 2, 5, seed)), null);
    }

    @Test
    void sameDistributionIsNoChange() {
        var d = compare(avgt("crypto", 100, 1), avgt("crypto", 100, 2));
        assertThat(d.verdict()).isEqualTo(Verdict.NO_CHANGE);
        assertThat(d.change().lower()).isLessThan(0);
        assertThat(d.change().upper()).isGreaterThan(0);
    }

    @Test
    void thirtyPercentSlowerCryptoIsARegression() {
        var d = compare(avgt("crypto", 100, 1), avgt("crypto", 130, 2));
        assertThat(d.verdict()).isEqualTo(Verdict.REGRESSION);
        assertThat(d.change().estimate()).isCloseTo(0.30, within(0.02));
        assertThat(d.change().lower()).isGreaterThan(0.2);
        assertThat(d.pValue()).isLessThan(0.001);
    }

    @Test
    void thresholdsArePerCategory() {
        // +15%: a warning for crypto (10/25), a regression for an uncategorised benchmark (5/10).
        assertThat(compare(avgt("crypto", 100, 1), avgt("crypto", 115, 2)).verdict()).isEqualTo(Verdict.WARNING);
        assertThat(compare(avgt("io", 100, 1), avgt("io", 115, 2)).verdict()).isEqualTo(Verdict.REGRESSION);
        assertThat(compare(avgt("crypto", 100, 1), avgt("crypto", 105, 2)).verdict()).isEqualTo(Verdict.SLOWER);
        assertThat(compare(avgt("crypto", 100, 1), avgt("crypto", 80, 2)).verdict()).isEqualTo(Verdict.IMPROVEMENT);
    }

    @Test
    void lowerThroughputIsARegressionNotAnImprovement() {
        var base = result("t", "crypto", "thrpt", metric("ops/s", samples(10_000, 0.01, 2, 5, 1)), null);
        var cand = result("t", "crypto", "thrpt", metric("ops/s", samples(7_000, 0.01, 2, 5, 2)), null);
        var d = compare(base, cand);
        assertThat(d.verdict()).isEqualTo(Verdict.REGRESSION);
        // Cost rises by 10000/7000 - 1 = 42.9%.
        assertThat(d.change().estimate()).isCloseTo(10_000.0 / 7_000 - 1, within(0.02));
    }

    @Test
    void unitsAreConvertedNotAssumed() {
        var base = result("op", "crypto", "avgt", metric("us/op", samples(100, 0.01, 2, 5, 1)), null);
        var cand = result("op", "crypto", "avgt", metric("ns/op", samples(100_000, 0.01, 2, 5, 2)), null);
        var d = compare(base, cand);
        assertThat(d.verdict()).isEqualTo(Verdict.NO_CHANGE);
        assertThat(d.candidate().estimate()).isCloseTo(100, within(2.0));
        assertThat(d.unit()).isEqualTo("us/op");
    }

    @Test
    void changesBelowTheNoiseFloorAreNeverFlagged() {
        // 0.5% with almost no noise: significant, but under the 1% floor.
        var base = result("op", "crypto", "avgt", metric("us/op", samples(100, 0.0001, 3, 10, 1)), null);
        var cand = result("op", "crypto", "avgt", metric("us/op", samples(100.5, 0.0001, 3, 10, 2)), null);
        var d = compare(base, cand);
        assertThat(d.pValue()).isLessThan(0.001);
        assertThat(d.verdict()).isEqualTo(Verdict.NO_CHANGE);
    }

    @Test
    void codeThatStartsToAllocateIsARegression() {
        var base = result("parse", "datapath", "avgt", metric("ns/op", samples(20, 0.01, 2, 5, 1)),
                metric("B/op", samples(0.001, 0.01, 2, 5, 3)));
        var cand = result("parse", "datapath", "avgt", metric("ns/op", samples(20, 0.01, 2, 5, 2)),
                metric("B/op", samples(24, 0.0, 2, 5, 4)));
        var d = compare(base, cand);
        assertThat(d.verdict()).isEqualTo(Verdict.REGRESSION);
        assertThat(d.allocation().verdict()).isEqualTo(Verdict.REGRESSION);
        assertThat(d.allocation().reason()).isEqualTo("allocated nothing, now 24 B/op");
    }

    @Test
    void tooFewSamplesAndNoiseAreWarned() {
        var base = result("op", "crypto", "avgt", metric("us/op", samples(100, 0.2, 1, 3, 1)), null);
        var cand = result("op", "crypto", "avgt", metric("us/op", samples(100, 0.2, 1, 3, 2)), null);
        var d = compare(base, cand);
        assertThat(d.warnings()).anyMatch(w -> w.startsWith("too few samples (3 vs 3)"));
        assertThat(d.warnings()).anyMatch(w -> w.startsWith("noisy baseline: CV"));
    }

    @Test
    void missingAndNewBenchmarksAreListedAndCountedPerCategory() {
        var base = Synthetic.run("a", List.of(avgt("crypto", 100, 1),
                result("gone", "crypto", "avgt", metric("us/op", samples(5, 0.01, 2, 5, 5)), null)));
        var cand = Synthetic.run("b", List.of(avgt("crypto", 130, 2),
                result("fresh", "crypto", "avgt", metric("us/op", samples(5, 0.01, 2, 5, 6)), null)));
        var c = CompareEngine.compare(base, SIDE, cand, SIDE, SETTINGS);
        assertThat(c.onlyInBaseline()).containsExactly("gone");
        assertThat(c.onlyInCandidate()).containsExactly("fresh");
        assertThat(c.categories()).singleElement().satisfies(s -> {
            assertThat(s.regressions()).isEqualTo(1);
            assertThat(s.geomeanRatio()).isCloseTo(1.30, within(0.02));
        });
        assertThat(c.expectedFalsePositives()).isEqualTo(0.05);
    }

    @Test
    void theSameInputGivesTheSameComparison() {
        var base = Synthetic.run("a", List.of(avgt("crypto", 100, 1)));
        var cand = Synthetic.run("b", List.of(avgt("crypto", 103, 2)));
        var first = CompareEngine.compare(base, SIDE, cand, SIDE, SETTINGS);
        var second = CompareEngine.compare(base, SIDE, cand, SIDE, SETTINGS);
        assertThat(first).isEqualTo(second);
    }
}
