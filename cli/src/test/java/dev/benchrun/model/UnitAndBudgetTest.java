package dev.benchrun.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.benchrun.BenchrunException;
import dev.benchrun.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitAndBudgetTest {

    @ParameterizedTest
    @CsvSource({
        "ns/op, TIME_PER_OP, 1",
        "us/op, TIME_PER_OP, 1000",
        "ms/op, TIME_PER_OP, 1000000",
        "s/op, TIME_PER_OP, 1000000000",
        "ops/s, OPS_PER_TIME, 1",
        "ops/ms, OPS_PER_TIME, 1000",
        "ops/us, OPS_PER_TIME, 1000000",
        "B/op, BYTES, 1",
        "KB, BYTES, 1024",
        "B, BYTES, 1",
        "MB/sec, OTHER, 1",
        "'#', OTHER, 1"
    })
    void parsesJmhAndBudgetUnits(String label, Unit.Dimension dimension, double factor) {
        var unit = Unit.parse(label);
        assertThat(unit.dimension()).isEqualTo(dimension);
        assertThat(unit.toBase()).isEqualTo(factor);
    }

    @Test
    void costInvertsThroughput() {
        assertThat(Unit.parse("ops/s").cost(1_000_000)).isCloseTo(1000.0, within(1e-9)); // 1 us per op = 1000 ns
        assertThat(Unit.parse("ops/ms").cost(1000)).isCloseTo(1000.0, within(1e-9));
        assertThat(Unit.parse("us/op").cost(2)).isEqualTo(2000.0);
        assertThat(Unit.parse("ops/s").higherIsBetter()).isTrue();
        assertThat(Unit.parse("us/op").higherIsBetter()).isFalse();
    }

    @Test
    void timeBudgetConvertsUnits() {
        var budget = Budget.parse("< 50 us");
        assertThat(budget.isMet(49_999, Unit.parse("ns/op"))).isTrue();
        assertThat(budget.isMet(50_001, Unit.parse("ns/op"))).isFalse();
        assertThat(budget.isMet(0.049, Unit.parse("ms/op"))).isTrue();
        assertThat(budget.isMet(51, Unit.parse("us/op"))).isFalse();
    }

    @Test
    void throughputBudgetAcceptsTimePerOp() {
        var budget = Budget.parse("> 10,000 ops/s");
        assertThat(budget.isMet(20, Unit.parse("ops/ms"))).isTrue(); // 20,000 ops/s
        assertThat(budget.isMet(9_999, Unit.parse("ops/s"))).isFalse();
        assertThat(budget.isMet(50, Unit.parse("us/op"))).isTrue(); // 20,000 ops/s
        assertThat(budget.isMet(200, Unit.parse("us/op"))).isFalse(); // 5,000 ops/s
    }

    @Test
    void sizeBudgetIsBinary() {
        var budget = Budget.parse("< 4 KB");
        assertThat(budget.isMet(4095, Unit.parse("B"))).isTrue();
        assertThat(budget.isMet(4096, Unit.parse("B"))).isFalse();
        assertThat(budget.isMet(100, Unit.parse("us/op"))).isNull();
    }

    @Test
    void budgetRoundTripsAsText() {
        assertThat(Budget.parse("<50us").toString()).isEqualTo("< 50 us");
        assertThat(Budget.parse("> 10000 ops/s").toString()).isEqualTo("> 10000 ops/s");
        assertThat(Budget.parse("< 1.5 ms").toString()).isEqualTo("< 1.5 ms");
    }

    @Test
    void malformedBudgetIsAnInputError() {
        assertThatThrownBy(() -> Budget.parse("fast"))
                .isInstanceOf(BenchrunException.class)
                .hasMessageContaining("'fast'")
                .extracting(e -> ((BenchrunException) e).exitCode())
                .isEqualTo(ExitCode.INPUT);
        assertThatThrownBy(() -> Budget.parse("< 5 parsecs")).hasMessageContaining("parsecs");
    }
}
