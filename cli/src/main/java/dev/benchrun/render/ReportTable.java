package dev.benchrun.render;

import dev.benchrun.model.BenchmarkFailure;
import dev.benchrun.model.Comparison;
import dev.benchrun.model.Delta;
import dev.benchrun.model.Report;
import dev.benchrun.model.Verdict;
import dev.benchrun.render.TextTable.Align;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A report as terminal text with aligned columns. A compare result is benchstat-like: one block per
 * category with its geometric mean, the sides above and the footer below.
 */
final class ReportTable implements Sections {

    private final StringBuilder out = new StringBuilder();
    private final Style style;

    ReportTable(Style style) {
        this.style = style;
    }

    /** A terminal needs no title: the command line that printed the text says what it is. */
    @Override
    public void begin(String title) {}

    @Override
    public void sides(Comparison c) {
        out.append("Baseline:  ").append(ReportText.side(c.baseline())).append('\n');
        out.append("Candidate: ").append(ReportText.side(c.candidate())).append("\n\n");
    }

    @Override
    public void comparison(Comparison c) {
        var table = new TextTable(
                ReportText.comparisonHeaders(c.settings()),
                List.of(
                        Align.LEFT,
                        Align.RIGHT,
                        Align.RIGHT,
                        Align.LEFT,
                        Align.RIGHT,
                        Align.RIGHT,
                        Align.LEFT,
                        Align.LEFT));
        for (var summary : c.categories()) {
            table.row(List.of(style.bold(summary.category()), "", "", "", "", "", "", ""));
            for (Delta d : c.benchmarksIn(summary.category())) {
                table.row(List.of(
                        "  " + c.nameOf(d),
                        ReportText.mean(d.baseline()),
                        ReportText.mean(d.candidate()),
                        d.unit(),
                        ReportText.change(d.change()),
                        ReportText.p(d.pValue()),
                        verdict(d.verdict()),
                        ReportText.notes(d, true)));
                for (String line : ReportText.hotspots(d)) {
                    table.row(List.of("    " + style.dim(line), "", "", "", "", "", "", ""));
                }
            }
            table.row(List.of("  geomean", "", "", "", ReportText.geomean(summary), "", "", ""));
        }
        out.append(table.render(style));
    }

    @Override
    public void footer(List<String> lines) {
        out.append('\n');
        lines.forEach(line -> out.append(line).append('\n'));
    }

    @Override
    public void headline(String headline, boolean bad) {
        out.append(bad ? style.bad(headline) : style.bold(headline)).append('\n');
    }

    @Override
    public void execution(List<ReportText.Detail> details) {
        int width = details.stream().mapToInt(d -> d.label().length()).max().orElse(0);
        out.append('\n');
        details.forEach(d -> out.append(
                        (d.label() + ":" + " ".repeat(width + 1 - d.label().length()) + d.value()).stripTrailing())
                .append('\n'));
    }

    @Override
    public void summary(Report.Run run, boolean compared) {
        var headers = new ArrayList<>(List.of("Category"));
        headers.addAll(ReportText.COUNT_HEADERS);
        var table = new TextTable(headers, aligns(Align.LEFT, ReportText.COUNT_HEADERS.size(), Align.RIGHT));
        for (var c : run.categories()) {
            table.row(cells(c.category(), ReportText.counts(c)));
        }
        table.row(cells(style.bold("total"), ReportText.counts(run.total())));
        section("Summary", table.render(style));
    }

    @Override
    public void results(Map<String, List<Report.Line>> byCategory, Comparison c) {
        var headers = ReportText.resultHeaders(c);
        var aligns = new ArrayList<>(List.of(Align.LEFT, Align.RIGHT, Align.RIGHT, Align.LEFT, Align.RIGHT));
        if (c != null) {
            aligns.addAll(List.of(Align.RIGHT, Align.RIGHT, Align.RIGHT, Align.LEFT));
        }
        var table = new TextTable(headers, aligns);
        byCategory.forEach((category, lines) -> {
            table.row(cells(style.bold(category), Collections.nCopies(headers.size() - 1, "")));
            for (var l : lines) {
                var cells = new ArrayList<>(List.of(
                        "  " + l.name(), ReportText.score(l), ReportText.error(l), l.unit(), ReportText.bytes(l)));
                if (c != null) {
                    cells.addAll(List.of(
                            ReportText.baseline(l),
                            ReportText.change(l),
                            ReportText.p(l),
                            l.verdict() == null ? ReportText.verdict(l) : verdict(l.verdict())));
                }
                table.row(cells);
            }
        });
        String legend = ReportText.sampleLegend(byCategory, c);
        section("Key results", table.render(style) + (legend == null ? "" : legend + "\n"));
    }

    @Override
    public void changes(String title, List<Report.Line> lines, String none, Report.Artefacts artefacts) {
        var text = new StringBuilder();
        if (lines.isEmpty()) {
            text.append(none).append('\n');
        }
        for (var l : lines) {
            text.append("  ").append(l.name()).append(' ');
            if (l.verdict() != Verdict.IMPROVEMENT) {
                text.append(verdict(l.verdict())).append(' ');
            }
            text.append(ReportText.changeSentence(l)).append('\n');
            l.delta()
                    .hotspots()
                    .forEach(h -> text.append("    hotspot ")
                            .append(h.frame())
                            .append(' ')
                            .append(ReportText.hotspot(h))
                            .append('\n'));
            artefacts.profiles().stream()
                    .filter(a -> a.benchmark().equals(l.name()))
                    .forEach(a -> text.append("    ")
                            .append(a.event())
                            .append(' ')
                            .append(a.kind())
                            .append(": ")
                            .append(a.path())
                            .append('\n'));
        }
        section(title, text.toString());
    }

    @Override
    public void targets(List<Report.Line> budgeted) {
        var table = new TextTable(
                List.of("Benchmark", "Budget", "Current", "Status"),
                List.of(Align.LEFT, Align.LEFT, Align.RIGHT, Align.LEFT));
        for (var l : budgeted) {
            String status = ReportText.budgetStatus(l);
            table.row(List.of(
                    l.name(),
                    l.budget(),
                    ReportText.current(l),
                    switch (status) {
                        case "PASS" -> style.good(status);
                        case "FAIL" -> style.bad(status);
                        default -> style.warn(status);
                    }));
        }
        section("Performance targets", table.render(style));
    }

    @Override
    public void providers(List<Report.ProviderRow> rows) {
        var names = ReportText.providerNames(rows);
        var headers = new ArrayList<>(List.of("Benchmark"));
        headers.addAll(names);
        headers.addAll(List.of("Unit", "Winner"));
        var aligns = aligns(Align.LEFT, names.size(), Align.RIGHT);
        aligns.addAll(List.of(Align.LEFT, Align.LEFT));
        var table = new TextTable(headers, aligns);
        for (var p : rows) {
            var cells = new ArrayList<>(List.of(ReportText.providerName(p)));
            names.forEach(n -> cells.add(best(ReportText.variantScore(p.scores().get(n)), n.equals(p.winner()))));
            cells.addAll(List.of(p.unit(), ReportText.providerWinner(p)));
            table.row(cells);
        }
        section("Provider comparison", table.render(style));
    }

    @Override
    public void variants(Report.Variants v) {
        section(
                "Variant comparison",
                ReportText.variantRuns(v) + ". " + ReportText.variantHint("marked *") + "\n"
                        + VariantTable.render(v, style));
    }

    /** A best value: bold, and marked so that it shows without colour too. */
    private String best(String value, boolean best) {
        return best ? style.bold(value + "*") : value;
    }

    @Override
    public void history(Report.History h) {
        var runs = new TextTable(
                List.of("#", "Run", "Date", "Commit", "Profile"),
                List.of(Align.RIGHT, Align.LEFT, Align.LEFT, Align.LEFT, Align.LEFT));
        for (int i = 0; i < h.runs().size(); i++) {
            var run = h.runs().get(i);
            runs.row(List.of(
                    String.valueOf(i + 1),
                    run.runId(),
                    ReportText.date(run.started()),
                    ReportText.shortCommit(run.commit()),
                    run.profile() == null ? "" : run.profile()));
        }
        var trends = new TextTable(
                List.of("Benchmark", "Unit", "Trend (oldest → newest)", "First → last", "Step changes"),
                List.of(Align.LEFT, Align.LEFT, Align.LEFT, Align.RIGHT, Align.LEFT));
        for (var t : h.benchmarks()) {
            trends.row(List.of(
                    t.name(),
                    t.unit(),
                    Sparkline.of(t.scores()),
                    ReportText.firstToLast(t),
                    ReportText.steps(t, h, style)));
        }
        section(ReportText.historyTitle(h), runs.render(style) + "\n" + trends.render(style));
    }

    @Override
    public void failures(List<BenchmarkFailure> failures) {
        var text = new StringBuilder();
        failures.forEach(f -> text.append("  ")
                .append(f.displayName())
                .append(": ")
                .append(f.reason())
                .append('\n'));
        section("Benchmarks without a result", text.toString());
    }

    @Override
    public void notes(List<String> notes) {
        var text = new StringBuilder();
        notes.forEach(n -> text.append("  ").append(n).append('\n'));
        section("Notes", text.toString());
    }

    @Override
    public void recommendations(List<String> lines) {
        var text = new StringBuilder();
        lines.forEach(l -> text.append("  - ").append(l).append('\n'));
        section("Recommendations", text.toString());
    }

    @Override
    public void artefacts(Report.Artefacts artefacts) {
        var text = new StringBuilder("  run: ").append(artefacts.run()).append('\n');
        artefacts
                .profiles()
                .forEach(a -> text.append("  ")
                        .append(a.benchmark())
                        .append(' ')
                        .append(a.event())
                        .append(' ')
                        .append(a.kind())
                        .append(": ")
                        .append(a.path())
                        .append('\n'));
        section("Artefacts", text.toString());
    }

    @Override
    public String end() {
        return out.toString();
    }

    /** A blank line, the section's title in bold, and its text. */
    private void section(String title, String text) {
        out.append('\n').append(style.bold(title)).append('\n').append(text);
    }

    private String verdict(Verdict verdict) {
        return switch (verdict) {
            case REGRESSION, WARNING -> style.bad(verdict.label());
            case SLOWER, INCONCLUSIVE -> style.warn(verdict.label());
            case IMPROVEMENT -> style.good(verdict.label());
            case NO_CHANGE -> verdict.label();
            case NOT_COMPARED -> style.dim(verdict.label());
        };
    }

    private static List<String> cells(String first, List<String> rest) {
        var cells = new ArrayList<>(List.of(first));
        cells.addAll(rest);
        return cells;
    }

    private static List<Align> aligns(Align first, int count, Align rest) {
        var aligns = new ArrayList<>(List.of(first));
        aligns.addAll(Collections.nCopies(count, rest));
        return aligns;
    }
}
