package dev.benchrun.render;

import dev.benchrun.model.Comparison;
import dev.benchrun.model.Delta;
import dev.benchrun.model.Verdict;
import dev.benchrun.render.TextTable.Align;
import java.util.List;

/** The terminal comparison, benchstat-like: one block per category with its geometric mean. */
public final class CompareTable {

    private CompareTable() {}

    public static String render(Comparison c, Style style) {
        var out = new StringBuilder();
        out.append("Baseline:  ").append(describe(c.baseline())).append('\n');
        out.append("Candidate: ").append(describe(c.candidate())).append("\n\n");
        var table = new TextTable(CompareRows.HEADERS, List.of(Align.LEFT, Align.RIGHT, Align.RIGHT, Align.LEFT,
                Align.RIGHT, Align.RIGHT, Align.LEFT, Align.LEFT));
        for (var summary : c.categories()) {
            table.row(List.of(style.bold(summary.category()), "", "", "", "", "", "", ""));
            for (Delta d : c.benchmarks()) {
                if (d.category().equals(summary.category())) {
                    table.row(List.of("  " + d.displayName(), CompareRows.side(d.baseline()),
                            CompareRows.side(d.candidate()), d.unit(), CompareRows.change(d.change()),
                            CompareRows.p(d.pValue()), verdict(d.verdict(), style), CompareRows.notes(d)));
                    for (String line : CompareRows.hotspots(d)) {
                        table.row(List.of("    " + style.dim(line), "", "", "", "", "", "", ""));
                    }
                }
            }
            table.row(List.of("  geomean", "", "", "", CompareRows.geomean(summary), "", "", ""));
        }
        out.append(table.render(style)).append('\n');
        CompareRows.footer(c).forEach(line -> out.append(line).append('\n'));
        return out.toString();
    }

    static String describe(Comparison.Side side) {
        var text = new StringBuilder(side.ref());
        if (side.runId() != null && !side.runId().equals(side.ref())) {
            text.append(" (run ").append(side.runId()).append(')');
        }
        if (side.commit() != null) {
            text.append(", commit ").append(side.commit(), 0, Math.min(10, side.commit().length()));
        }
        if (side.jvm() != null) {
            text.append(", Java ").append(side.jvm());
        }
        return text.toString();
    }

    static String verdict(Verdict verdict, Style style) {
        return switch (verdict) {
            case REGRESSION, WARNING -> style.bad(verdict.label());
            case SLOWER -> style.warn(verdict.label());
            case IMPROVEMENT -> style.good(verdict.label());
            case NO_CHANGE -> verdict.label();
        };
    }
}
