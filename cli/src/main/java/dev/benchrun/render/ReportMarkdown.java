package dev.benchrun.render;

import dev.benchrun.model.Report;
import dev.benchrun.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/** The report as GitHub-flavoured Markdown: a pull-request comment or a job summary ($GITHUB_STEP_SUMMARY). */
public final class ReportMarkdown {

    private ReportMarkdown() {}

    public static String render(Report r) {
        var out = new StringBuilder();
        out.append("## ").append(Markdown.escape(ReportText.title(r))).append("\n\n");
        out.append("**").append(Markdown.escape(ReportText.headline(r))).append("**\n\n");
        execution(r, out);
        summary(r, out);
        results(r, out);
        if (r.baseline() != null) {
            changes(r, out, "Regressions", ReportText::worse, "No regressions.");
            changes(r, out, "Improvements", l -> l.verdict() == Verdict.IMPROVEMENT, "No improvements.");
        }
        targets(r, out);
        providers(r, out);
        variants(r, out);
        history(r, out);
        failures(r, out);
        notes(r, out);
        artefacts(r, out);
        return out.toString();
    }

    private static void execution(Report r, StringBuilder out) {
        out.append("### Execution\n\n");
        out.append(Markdown.row(List.of("", ""))).append(Markdown.row(List.of("---", "---")));
        for (var d : ReportText.execution(r)) {
            out.append(Markdown.row(List.of(d.label(), Markdown.escape(d.value()))));
        }
        out.append('\n');
    }

    private static void summary(Report r, StringBuilder out) {
        out.append("### Summary\n\n");
        var headers = new ArrayList<>(List.of("Category"));
        headers.addAll(ReportText.COUNT_HEADERS);
        out.append(Markdown.row(headers));
        out.append(Markdown.row(List.of("---", "---:", "---:", "---:", "---:", "---:", "---:", "---:")));
        for (var c : r.categories()) {
            var cells = new ArrayList<>(List.of(Markdown.escape(c.category())));
            cells.addAll(ReportText.counts(c));
            out.append(Markdown.row(cells));
        }
        var total = new ArrayList<>(List.of("**total**"));
        ReportText.counts(r.total()).forEach(n -> total.add("**" + n + "**"));
        out.append(Markdown.row(total)).append('\n');
    }

    private static void results(Report r, StringBuilder out) {
        out.append("### Key results\n");
        boolean compared = r.baseline() != null;
        String category = null;
        for (var l : r.benchmarks()) {
            if (!l.category().equals(category)) {
                category = l.category();
                out.append("\n#### ").append(Markdown.escape(category)).append("\n\n");
                if (compared) {
                    out.append(Markdown.row(List.of("Benchmark", "Score", "Error", "Unit", "B/op", "Baseline",
                            "Change [95% CI]", "p", "Verdict")));
                    out.append(Markdown.row(List.of("---", "---:", "---:", "---", "---:", "---:", "---:", "---:", "---")));
                } else {
                    out.append(Markdown.row(List.of("Benchmark", "Score", "Error", "Unit", "B/op")));
                    out.append(Markdown.row(List.of("---", "---:", "---:", "---", "---:")));
                }
            }
            var cells = new ArrayList<>(List.of(Markdown.code(l.name()), ReportText.score(l), ReportText.error(l),
                    Markdown.escape(l.unit()), ReportText.bytes(l)));
            if (compared) {
                cells.addAll(List.of(ReportText.baseline(l), ReportText.change(l), ReportText.p(l), verdict(l)));
            }
            out.append(Markdown.row(cells));
        }
        out.append('\n');
    }

    private static String verdict(Report.Line l) {
        String label = Markdown.escape(ReportText.verdict(l));
        return ReportText.worse(l) ? "**" + label + "**" : label;
    }

    private static void changes(Report r, StringBuilder out, String title, Predicate<Report.Line> which, String none) {
        out.append("### ").append(title).append("\n\n");
        var lines = r.benchmarks().stream().filter(which).toList();
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
            for (var h : l.hotspots()) {
                out.append("  - hotspot ").append(Markdown.code(h.frame())).append(' ')
                        .append(ReportText.hotspot(h)).append('\n');
            }
            r.artefacts().profiles().stream().filter(a -> a.benchmark().equals(l.name())).forEach(a ->
                    out.append("  - ").append(Markdown.escape(a.event() + " " + a.kind())).append(": ")
                            .append(link(a.path())).append('\n'));
        }
        out.append('\n');
    }

    private static void targets(Report r, StringBuilder out) {
        var lines = r.benchmarks().stream().filter(l -> l.budget() != null).toList();
        if (lines.isEmpty()) {
            return;
        }
        out.append("### Performance targets\n\n");
        out.append(Markdown.row(List.of("Benchmark", "Budget", "Current", "Status")));
        out.append(Markdown.row(List.of("---", "---", "---:", "---")));
        for (var l : lines) {
            String status = ReportText.budgetStatus(l);
            out.append(Markdown.row(List.of(Markdown.code(l.name()), Markdown.escape(l.budget()),
                    Markdown.escape(ReportText.current(l)), status.equals("FAIL") ? "**FAIL**" : status)));
        }
        out.append('\n');
    }

    private static void providers(Report r, StringBuilder out) {
        if (r.providers().isEmpty()) {
            return;
        }
        var names = r.providers().stream().flatMap(p -> p.scores().keySet().stream()).distinct().sorted().toList();
        out.append("### Provider comparison\n\n");
        var headers = new ArrayList<>(List.of("Benchmark"));
        names.forEach(n -> headers.add(Markdown.escape(n)));
        headers.addAll(List.of("Unit", "Winner"));
        out.append(Markdown.row(headers));
        var align = new ArrayList<>(List.of("---"));
        names.forEach(n -> align.add("---:"));
        align.addAll(List.of("---", "---"));
        out.append(Markdown.row(align));
        for (var p : r.providers()) {
            var cells = new ArrayList<>(List.of(Markdown.code(ReportText.providerName(p))));
            names.forEach(n -> cells.add(ReportText.variantScore(p.scores().get(n))));
            cells.add(Markdown.escape(p.unit()));
            cells.add(Markdown.escape(ReportText.providerWinner(p)));
            out.append(Markdown.row(cells));
        }
        out.append('\n');
    }

    private static void variants(Report r, StringBuilder out) {
        var v = r.variants();
        if (v == null) {
            return;
        }
        out.append("### Variant comparison\n\n");
        out.append("Runs: ");
        out.append(String.join(", ", v.runs().stream()
                .map(run -> Markdown.escape(run.label()) + " = " + Markdown.code(run.runId())).toList()));
        out.append(". Best (lowest cost) in bold.\n\n");
        var headers = new ArrayList<>(List.of("Benchmark"));
        v.runs().forEach(run -> headers.add(Markdown.escape(run.label())));
        headers.add("Unit");
        out.append(Markdown.row(headers));
        var align = new ArrayList<>(List.of("---"));
        v.runs().forEach(run -> align.add("---:"));
        align.add("---");
        out.append(Markdown.row(align));
        for (var row : v.benchmarks()) {
            var cells = new ArrayList<>(List.of(Markdown.code(row.name())));
            for (int i = 0; i < row.scores().size(); i++) {
                String score = ReportText.variantScore(row.scores().get(i));
                cells.add(i == row.best() ? "**" + score + "**" : score);
            }
            cells.add(Markdown.escape(row.unit()));
            out.append(Markdown.row(cells));
        }
        out.append('\n');
    }

    private static void history(Report r, StringBuilder out) {
        var h = r.history();
        if (h == null) {
            return;
        }
        out.append(String.format(Locale.ROOT, "### History (last %d of %d requested runs)%n%n", h.runs().size(),
                h.requested()));
        out.append(Markdown.row(List.of("#", "Run", "Date", "Commit", "Profile")));
        out.append(Markdown.row(List.of("---:", "---", "---", "---", "---")));
        for (int i = 0; i < h.runs().size(); i++) {
            var run = h.runs().get(i);
            out.append(Markdown.row(List.of(String.valueOf(i + 1), Markdown.code(run.runId()),
                    ReportText.date(run.started()), Markdown.escape(ReportText.shortCommit(run.commit())),
                    run.profile() == null ? "" : Markdown.escape(run.profile()))));
        }
        out.append('\n');
        out.append(Markdown.row(List.of("Benchmark", "Unit", "Trend (oldest → newest)", "First → last", "Step changes")));
        out.append(Markdown.row(List.of("---", "---", "---", "---:", "---")));
        for (var t : h.benchmarks()) {
            String steps = ReportText.steps(t, h);
            out.append(Markdown.row(List.of(Markdown.code(t.name()), Markdown.escape(t.unit()),
                    Markdown.code(Sparkline.of(t.scores())), ReportText.firstToLast(t),
                    steps.isEmpty() ? "" : "**" + Markdown.escape(steps) + "**")));
        }
        out.append('\n');
    }

    private static void failures(Report r, StringBuilder out) {
        if (r.failures().isEmpty()) {
            return;
        }
        out.append("### Benchmarks without a result\n\n");
        r.failures().forEach(f -> out.append("- ").append(Markdown.code(f.displayName())).append(": ")
                .append(Markdown.escape(f.reason())).append('\n'));
        out.append('\n');
    }

    private static void notes(Report r, StringBuilder out) {
        var notes = ReportText.comparisonNotes(r);
        if (notes.isEmpty()) {
            return;
        }
        out.append("### Notes\n\n");
        notes.forEach(n -> out.append("- ").append(Markdown.escape(n)).append('\n'));
        out.append('\n');
    }

    private static void artefacts(Report r, StringBuilder out) {
        out.append("### Artefacts\n\n");
        out.append("- run: ").append(link(r.artefacts().run())).append('\n');
        r.artefacts().profiles().forEach(a -> out.append("- ").append(Markdown.code(a.benchmark())).append(' ')
                .append(Markdown.escape(a.event() + " " + a.kind())).append(": ").append(link(a.path())).append('\n'));
    }

    /** A link whose text is the path; spaces and parentheses are encoded so the target cannot break out. */
    private static String link(String path) {
        String target = path.replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C")
                .replace(">", "%3E");
        return "[" + Markdown.escape(path).replace("[", "\\[").replace("]", "\\]") + "](" + target + ")";
    }
}
