package dev.benchrun.render;

import dev.benchrun.model.Report;
import dev.benchrun.render.TextTable.Align;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Variants side by side as a text table: a score per variant (the best marked {@code *}), the
 * winner where one is clear, and how much more the runner-up costs. What {@code run --profile A,B}
 * prints, and the report's text section.
 */
public final class VariantTable {

    private VariantTable() {}

    public static String render(Report.Variants v, Style style) {
        var headers = new ArrayList<>(List.of("Benchmark"));
        v.runs().forEach(run -> headers.add(run.label()));
        headers.addAll(List.of("Unit", ReportText.VARIANT_WINNER, ReportText.VARIANT_MARGIN));
        var aligns = new ArrayList<>(List.of(Align.LEFT));
        aligns.addAll(Collections.nCopies(v.runs().size(), Align.RIGHT));
        aligns.addAll(List.of(Align.LEFT, Align.LEFT, Align.LEFT));
        var table = new TextTable(headers, aligns);
        for (var row : v.benchmarks()) {
            var cells = new ArrayList<>(List.of(row.name()));
            for (int i = 0; i < row.scores().size(); i++) {
                String score = ReportText.variantScore(row.scores().get(i));
                cells.add(i == row.best() ? style.bold(score + "*") : score);
            }
            cells.add(row.unit());
            String winner = ReportText.variantWinner(v, row);
            cells.add(row.winner() == null ? winner : style.good(winner));
            cells.add(ReportText.variantMargin(v, row));
            table.row(cells);
        }
        return table.render(style);
    }
}
