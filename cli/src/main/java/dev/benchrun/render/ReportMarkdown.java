package dev.benchrun.render;

import dev.benchrun.model.BenchmarkFailure;
import dev.benchrun.model.Comparison;
import dev.benchrun.model.Delta;
import dev.benchrun.model.Report;
import dev.benchrun.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A report as GitHub-flavoured Markdown: a pull-request comment or a job summary
 * ($GITHUB_STEP_SUMMARY). A compare result is its table with the sides above and the footer below.
 */
final class ReportMarkdown implements Sections {

    private final StringBuilder out = new StringBuilder();

    @Override
    public void begin(String title) {
        out.append("## ").append(Markdown.escape(title)).append("\n\n");
    }

    @Override
    public void sides(Comparison c) {
        out.append("Baseline: ")
                .append(Markdown.escape(ReportText.side(c.baseline())))
                .append("  \n");
        out.append("Candidate: ")
                .append(Markdown.escape(ReportText.side(c.candidate())))
                .append("\n\n");
    }

    @Override
    public void comparison(Comparison c) {
        out.append(Markdown.row(ReportText.comparisonHeaders(c.settings())));
        out.append(Markdown.row(List.of("---", "---:", "---:", "---", "---:", "---:", "---", "---")));
        for (var summary : c.categories()) {
            for (Delta d : c.benchmarksIn(summary.category())) {
                out.append(Markdown.row(List.of(
                        Markdown.code(c.nameOf(d)),
                        ReportText.mean(d.baseline()),
                        ReportText.mean(d.candidate()),
                        d.unit(),
                        ReportText.change(d.change()),
                        ReportText.p(d.pValue()),
                        verdict(d.verdict()),
                        ReportText.notes(d, true))));
                for (String line : ReportText.hotspots(d)) {
                    out.append(Markdown.row(List.of("↳ " + Markdown.escape(line), "", "", "", "", "", "", "")));
                }
            }
            out.append(Markdown.row(List.of(
                    "*" + summary.category() + " geomean*", "", "", "", ReportText.geomean(summary), "", "", "")));
        }
    }

    @Override
    public void footer(List<String> lines) {
        out.append('\n');
        lines.forEach(line -> out.append("- ").append(Markdown.escape(line)).append('\n'));
    }

    @Override
    public void headline(String headline, boolean bad) {
        out.append("**").append(Markdown.escape(headline)).append("**\n\n");
    }

    @Override
    public void execution(List<ReportText.Detail> details) {
        out.append("### Execution\n\n");
        out.append(Markdown.row(List.of("", ""))).append(Markdown.row(List.of("---", "---")));
        for (var d : details) {
            out.append(Markdown.row(List.of(d.label(), Markdown.escape(d.value()))));
        }
        out.append('\n');
    }

    @Override
    public void summary(Report.Run run, boolean compared) {
        out.append("### Summary\n\n");
        var headers = new ArrayList<>(List.of("Category"));
        headers.addAll(ReportText.COUNT_HEADERS);
        out.append(Markdown.row(headers));
        out.append(Markdown.row(List.of("---", "---:", "---:", "---:", "---:", "---:", "---:", "---:")));
        for (var c : run.categories()) {
            var cells = new ArrayList<>(List.of(Markdown.escape(c.category())));
            cells.addAll(ReportText.counts(c));
            out.append(Markdown.row(cells));
        }
        var total = new ArrayList<>(List.of("**total**"));
        ReportText.counts(run.total()).forEach(n -> total.add("**" + n + "**"));
        out.append(Markdown.row(total)).append('\n');
    }

    @Override
    public void results(Map<String, List<Report.Line>> byCategory, Comparison c) {
        out.append("### Key results\n");
        var headers = ReportText.resultHeaders(c);
        var align = new ArrayList<>(List.of("---", "---:", "---:", "---", "---:"));
        if (c != null) {
            align.addAll(List.of("---:", "---:", "---:", "---"));
        }
        byCategory.forEach((category, lines) -> {
            out.append("\n#### ").append(Markdown.escape(category)).append("\n\n");
            out.append(Markdown.row(headers)).append(Markdown.row(align));
            for (var l : lines) {
                var cells = new ArrayList<>(List.of(
                        Markdown.code(l.name()),
                        ReportText.score(l),
                        ReportText.error(l),
                        Markdown.escape(l.unit()),
                        ReportText.bytes(l)));
                if (c != null) {
                    cells.addAll(List.of(ReportText.baseline(l), ReportText.change(l), ReportText.p(l), verdict(l)));
                }
                out.append(Markdown.row(cells));
            }
        });
        out.append('\n');
        String legend = ReportText.sampleLegend(byCategory, c);
        if (legend != null) {
            out.append(Markdown.escape(legend)).append("\n\n");
        }
    }

    private static String verdict(Report.Line l) {
        String label = Markdown.escape(ReportText.verdict(l));
        return ReportText.worse(l.verdict()) ? "**" + label + "**" : label;
    }

    private static String verdict(Verdict verdict) {
        return ReportText.worse(verdict) ? "**" + verdict.label() + "**" : verdict.label();
    }

    @Override
    public void changes(String title, List<Report.Line> lines, String none, Report.Artefacts artefacts) {
        out.append("### ").append(title).append("\n\n");
        if (lines.isEmpty()) {
            out.append(none).append("\n\n");
            return;
        }
        for (var l : lines) {
            out.append("- ").append(Markdown.code(l.name())).append(' ');
            if (l.verdict() != Verdict.IMPROVEMENT) {
                out.append("**").append(l.verdict().label()).append("** ");
            }
            out.append(Markdown.escape(ReportText.changeSentence(l))).append('\n');
            for (var h : l.delta().hotspots()) {
                out.append("  - hotspot ")
                        .append(Markdown.code(h.frame()))
                        .append(' ')
                        .append(ReportText.hotspot(h))
                        .append('\n');
            }
            artefacts.profiles().stream()
                    .filter(a -> a.benchmark().equals(l.name()))
                    .forEach(a -> out.append("  - ")
                            .append(Markdown.escape(a.event() + " " + a.kind()))
                            .append(": ")
                            .append(link(a.path()))
                            .append('\n'));
        }
        out.append('\n');
    }

    @Override
    public void targets(List<Report.Line> budgeted) {
        out.append("### Performance targets\n\n");
        out.append(Markdown.row(List.of("Benchmark", "Budget", "Current", "Status")));
        out.append(Markdown.row(List.of("---", "---", "---:", "---")));
        for (var l : budgeted) {
            String status = ReportText.budgetStatus(l);
            out.append(Markdown.row(List.of(
                    Markdown.code(l.name()),
                    Markdown.escape(l.budget()),
                    Markdown.escape(ReportText.current(l)),
                    status.equals("FAIL") ? "**FAIL**" : status)));
        }
        out.append('\n');
    }

    @Override
    public void providers(List<Report.ProviderRow> rows) {
        var names = ReportText.providerNames(rows);
        out.append("### Provider comparison\n\n");
        var headers = new ArrayList<>(List.of("Benchmark"));
        names.forEach(n -> headers.add(Markdown.escape(n)));
        headers.addAll(List.of("Unit", "Winner"));
        out.append(Markdown.row(headers));
        var align = new ArrayList<>(List.of("---"));
        names.forEach(n -> align.add("---:"));
        align.addAll(List.of("---", "---"));
        out.append(Markdown.row(align));
        for (var p : rows) {
            var cells = new ArrayList<>(List.of(Markdown.code(ReportText.providerName(p))));
            names.forEach(n -> cells.add(ReportText.variantScore(p.scores().get(n))));
            cells.add(Markdown.escape(p.unit()));
            cells.add(Markdown.escape(ReportText.providerWinner(p)));
            out.append(Markdown.row(cells));
        }
        out.append('\n');
    }

    @Override
    public void variants(Report.Variants v) {
        out.append("### Variant comparison\n\n");
        out.append("Runs: ")
                .append(String.join(
                        ", ",
                        v.runs().stream()
                                .map(run -> Markdown.escape(run.label()) + " = " + Markdown.code(run.runId()))
                                .toList()))
                .append(". ")
                .append(Markdown.escape(ReportText.variantHint("in bold")))
                .append("\n\n");
        var headers = new ArrayList<>(List.of("Benchmark"));
        v.runs().forEach(run -> headers.add(Markdown.escape(run.label())));
        headers.addAll(List.of("Unit", ReportText.VARIANT_WINNER, Markdown.escape(ReportText.VARIANT_MARGIN)));
        out.append(Markdown.row(headers));
        var align = new ArrayList<>(List.of("---"));
        v.runs().forEach(run -> align.add("---:"));
        align.addAll(List.of("---", "---", "---"));
        out.append(Markdown.row(align));
        for (var row : v.benchmarks()) {
            var cells = new ArrayList<>(List.of(Markdown.code(row.name())));
            for (int i = 0; i < row.scores().size(); i++) {
                String score = ReportText.variantScore(row.scores().get(i));
                cells.add(i == row.best() ? "**" + score + "**" : score);
            }
            cells.add(Markdown.escape(row.unit()));
            cells.add(Markdown.escape(ReportText.variantWinner(v, row)));
            cells.add(Markdown.escape(ReportText.variantMargin(v, row)));
            out.append(Markdown.row(cells));
        }
        out.append('\n');
    }

    @Override
    public void history(Report.History h) {
        out.append("### ").append(ReportText.historyTitle(h)).append("\n\n");
        out.append(Markdown.row(List.of("#", "Run", "Date", "Commit", "Profile")));
        out.append(Markdown.row(List.of("---:", "---", "---", "---", "---")));
        for (int i = 0; i < h.runs().size(); i++) {
            var run = h.runs().get(i);
            out.append(Markdown.row(List.of(
                    String.valueOf(i + 1),
                    Markdown.code(run.runId()),
                    ReportText.date(run.started()),
                    Markdown.escape(ReportText.shortCommit(run.commit())),
                    run.profile() == null ? "" : Markdown.escape(run.profile()))));
        }
        out.append('\n');
        out.append(
                Markdown.row(List.of("Benchmark", "Unit", "Trend (oldest → newest)", "First → last", "Step changes")));
        out.append(Markdown.row(List.of("---", "---", "---", "---:", "---")));
        for (var t : h.benchmarks()) {
            String steps = ReportText.steps(t, h);
            out.append(Markdown.row(List.of(
                    Markdown.code(t.name()),
                    Markdown.escape(t.unit()),
                    Markdown.code(Sparkline.of(t.scores())),
                    ReportText.firstToLast(t),
                    steps.isEmpty() ? "" : "**" + Markdown.escape(steps) + "**")));
        }
        out.append('\n');
    }

    @Override
    public void failures(List<BenchmarkFailure> failures) {
        out.append("### Benchmarks without a result\n\n");
        failures.forEach(f -> out.append("- ")
                .append(Markdown.code(f.displayName()))
                .append(": ")
                .append(Markdown.escape(f.reason()))
                .append('\n'));
        out.append('\n');
    }

    @Override
    public void notes(List<String> notes) {
        out.append("### Notes\n\n");
        notes.forEach(n -> out.append("- ").append(Markdown.escape(n)).append('\n'));
        out.append('\n');
    }

    @Override
    public void recommendations(List<String> lines) {
        if (!out.toString().endsWith("\n\n")) {
            out.append('\n'); // after a compare result's footer list, a blank line before the heading
        }
        out.append("### Recommendations\n\n");
        lines.forEach(l -> out.append("- ").append(Markdown.escape(l)).append('\n'));
        out.append('\n');
    }

    @Override
    public void artefacts(Report.Artefacts artefacts) {
        out.append("### Artefacts\n\n");
        out.append("- run: ").append(link(artefacts.run())).append('\n');
        artefacts
                .profiles()
                .forEach(a -> out.append("- ")
                        .append(Markdown.code(a.benchmark()))
                        .append(' ')
                        .append(Markdown.escape(a.event() + " " + a.kind()))
                        .append(": ")
                        .append(link(a.path()))
                        .append('\n'));
    }

    @Override
    public String end() {
        return out.toString();
    }

    /** A link whose text is the path; spaces and parentheses are encoded so the target cannot break out. */
    private static String link(String path) {
        String target = path.replace(" ", "%20")
                .replace("(", "%28")
                .replace(")", "%29")
                .replace("<", "%3C")
                .replace(">", "%3E");
        return "[" + Markdown.escape(path).replace("[", "\\[").replace("]", "\\]") + "](" + target + ")";
    }
}
