package dev.benchrun.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.benchrun.BenchrunException;
import java.util.regex.Pattern;

/**
 * An absolute target such as {@code < 50 us}, {@code < 4 KB} or {@code > 10000 ops/s}.
 * Time budgets are per operation; KB and MB are binary (1024).
 */
public record Budget(boolean atMost, double value, Unit unit) {

    private static final Pattern FORM =
            Pattern.compile("\\s*([<>])\\s*([0-9][0-9_,]*(?:\\.[0-9]+)?)\\s*([A-Za-zµμ/]+)\\s*");

    @JsonCreator
    public static Budget parse(String text) {
        var m = FORM.matcher(text);
        if (!m.matches()) {
            throw BenchrunException.input(
                    "budget '" + text + "' is not of the form '< 50 us', '< 4 KB' or '> 10000 ops/s'");
        }
        var unit = Unit.parse(m.group(3));
        if (unit.dimension() == Unit.Dimension.OTHER) {
            throw BenchrunException.input("budget '" + text + "' has unit '" + m.group(3)
                    + "'; use a time (ns, us, ms, s), a size (B, KB, MB) or a rate (ops/s)");
        }
        double value = Double.parseDouble(m.group(2).replace("_", "").replace(",", ""));
        return new Budget(m.group(1).equals("<"), value, unit);
    }

    @JsonValue
    @Override
    public String toString() {
        String number = value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
        return (atMost ? "< " : "> ") + number + " " + unit.label();
    }

    /**
     * Whether a measured value meets the budget, converting units; null where the metric's unit
     * cannot be compared with the budget's (e.g. a size budget on a time metric).
     */
    public Boolean isMet(double measured, Unit measuredUnit) {
        Double inBudgetUnit = convert(measured, measuredUnit);
        if (inBudgetUnit == null) {
            return null;
        }
        return atMost ? inBudgetUnit < value : inBudgetUnit > value;
    }

    /** The measured value expressed in the budget's unit, or null where they don't convert. */
    public Double convert(double measured, Unit measuredUnit) {
        var from = measuredUnit.dimension();
        var to = unit.dimension();
        if (from == to) {
            return measuredUnit.toBase(measured) / unit.toBase();
        }
        if (from == Unit.Dimension.TIME_PER_OP && to == Unit.Dimension.OPS_PER_TIME
                || from == Unit.Dimension.OPS_PER_TIME && to == Unit.Dimension.TIME_PER_OP) {
            // ns/op <-> ops/s: both are 1e9 over the other in base units.
            return (1e9 / measuredUnit.toBase(measured)) / unit.toBase();
        }
        return null;
    }
}
