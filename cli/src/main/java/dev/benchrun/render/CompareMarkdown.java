package dev.benchrun.render;

import dev.benchrun.model.Comparison;
import dev.benchrun.model.Delta;
import java.util.List;
import java.util.Locale;

/** The comparison as GitHub-flavoured Markdown, for pull-request comments and job summaries. */
public final class CompareMarkdown {

    private CompareMarkdown() {}

    public static String render(Comparison c) {
        var out = new StringBuilder("## benchrun compare\n\n");
        out.append("Baseline: ").append(Markdown.escape(CompareTable.describe(c.baseline()))).append("  \n");
        out.append("Candidate: ").append(Markdown.escape(CompareTable.describe(c.candidate()))).append("\n\n");
        out.append(table(c));
        out.append('\n');
        CompareRows.footer(c).forEach(line -> out.append("- ").append(Markdown.escape(line)).append('\n'));
        return out.toString();
    }

    /** The table alone, for reports that embed it. */
    public static String table(Comparison c) {
        var out = new StringBuilder();
        out.append(Markdown.row(CompareRows.HEADERS));
        out.append(Markdown.row(List.of("---", "---:", "---:", "---", "---:", "---:", "---", "---")));
        for (var summary : c.categories()) {
            for (Delta d : c.benchmarks()) {
                if (d.category().equals(summary.category())) {
                    out.append(Markdown.row(List.of(Markdown.code(d.displayName()), CompareRows.side(d.baseline()),
                            CompareRows.side(d.candidate()), d.unit(), CompareRows.change(d.change()),
                            CompareRows.p(d.pValue()), verdict(d), CompareRows.notes(d))));
                    for (String line : CompareRows.hotspots(d)) {
                        out.append(Markdown.row(List.of("↳ " + Markdown.escape(line), "", "", "", "", "", "", "")));
                    }
                }
            }
            out.append(Markdown.row(List.of("*" + summary.category() + " geomean*", "", "", "",
                    CompareRows.geomean(summary), "", "", "")));
        }
        return out.toString();
    }

    private static String verdict(Delta d) {
        return switch (d.verdict()) {
            case REGRESSION, WARNING -> "**" + d.verdict().label() + "**";
            default -> d.verdict().label();
        };
    }
}
