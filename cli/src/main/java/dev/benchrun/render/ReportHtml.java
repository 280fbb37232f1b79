package dev.benchrun.render;

import dev.benchrun.model.Report;
import dev.benchrun.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The report as one self-contained HTML page: inline CSS, inline SVG charts and a few lines of
 * inline script, no URL to fetch (a Content-Security-Policy forbids it), every stored value escaped.
 */
public final class ReportHtml {

    /** Forbids every fetch; only the page's own inline style and script run. */
    static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
            + "img-src data:; base-uri 'none'; form-action 'none'";

    private ReportHtml() {}

    public static String render(Report r) {
        var out = new StringBuilder(64 * 1024);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(POLICY).append("\">\n")
                .append("<title>").append(Html.escape(ReportText.title(r))).append("</title>\n")
                .append("<script>").append(ReportHtmlStyle.ERROR_TRAP).append("</script>\n")
                .append("<style>").append(ReportHtmlStyle.CSS).append("</style>\n</head>\n<body>\n<main>\n");
        out.append("<h1>").append(Html.escape(ReportText.title(r))).append("</h1>\n");
        out.append("<p class=\"headline").append(r.total().regressions() > 0 ? " bad" : "").append("\">")
                .append(Html.escape(ReportText.headline(r))).append("</p>\n");
        execution(r, out);
        summary(r, out);
        if (r.baseline() != null) {
            changeChart(r, out);
        }
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
        out.append("</main>\n<script>").append(ReportHtmlStyle.SCRIPT).append("</script>\n</body>\n</html>\n");
        return out.toString();
    }

    private static void execution(Report r, StringBuilder out) {
        out.append("<section id=\"execution\"><h2>Execution</h2>\n<dl class=\"details\">\n");
        for (var d : ReportText.execution(r)) {
            out.append("<dt>").append(Html.escape(d.label())).append("</dt><dd>").append(Html.escape(d.value()))
                    .append("</dd>\n");
        }
        out.append("</dl></section>\n");
    }

    private static void summary(Report r, StringBuilder out) {
        out.append("<section id=\"summary\"><h2>Summary</h2>\n<div class=\"cards\">");
        card(out, "Benchmarks", r.total().benchmarks(), "");
        card(out, "Passed", r.total().passed(), "good");
        if (r.baseline() != null) {
            card(out, "Regressions", r.total().regressions(), r.total().regressions() > 0 ? "bad" : "");
            card(out, "Improvements", r.total().improvements(), r.total().improvements() > 0 ? "good" : "");
        }
        card(out, "Budgets missed", r.total().budgetsMissed(), r.total().budgetsMissed() > 0 ? "bad" : "");
        out.append("</div>\n");
        var headers = new ArrayList<>(List.of("Category"));
        headers.addAll(ReportText.COUNT_HEADERS);
        tableStart(out, headers, "lrrrrrrr");
        for (var c : r.categories()) {
            row(out, c.category(), ReportText.counts(c), "");
        }
        row(out, "total", ReportText.counts(r.total()), "total");
        out.append("</tbody></table></div></section>\n");
    }

    private static void card(StringBuilder out, String label, int value, String css) {
        out.append("<div class=\"card ").append(css).append("\"><span class=\"n\">").append(value)
                .append("</span><span>").append(label).append("</span></div>");
    }

    private static void row(StringBuilder out, String first, List<String> rest, String css) {
        out.append("<tr").append(css.isEmpty() ? "" : " class=\"" + css + "\"").append("><th scope=\"row\">")
                .append(Html.escape(first)).append("</th>");
        rest.forEach(cell -> out.append("<td>").append(Html.escape(cell)).append("</td>"));
        out.append("</tr>\n");
    }

    private static void changeChart(Report r, StringBuilder out) {
        var lines = r.benchmarks().stream().filter(l -> l.change() != null).toList();
        if (lines.isEmpty()) {
            return;
        }
        double scale = SvgCharts.changeScale(lines);
        out.append("<section id=\"change-chart\"><h2>Change against ").append(Html.escape(r.baseline().name()))
                .append("</h2>\n<p class=\"hint\">Cost change per benchmark with its 95% confidence interval; right of 0 is worse.</p>\n")
                .append("<figure class=\"chart bars\">\n");
        for (var l : lines) {
            out.append("<div class=\"bar\"><span class=\"name\">").append(Html.escape(l.name()))
                    .append("</span>").append(SvgCharts.change(l, scale)).append("<span class=\"value ")
                    .append(SvgCharts.verdictClass(l.verdict())).append("\">").append(Html.escape(ReportText.change(l)))
                    .append("</span></div>\n");
        }
        out.append("<div class=\"bar\"><span class=\"name\"></span>").append(SvgCharts.changeAxis(scale))
                .append("<span class=\"value\"></span></div>\n</figure></section>\n");
    }

    private static void results(Report r, StringBuilder out) {
        out.append("<section id=\"results\"><h2>Key results</h2>\n");
        boolean compared = r.baseline() != null;
        String category = null;
        for (var l : r.benchmarks()) {
            if (!l.category().equals(category)) {
                if (category != null) {
                    out.append("</tbody></table></div>\n");
                }
                category = l.category();
                out.append("<h3>").append(Html.escape(category)).append("</h3>\n");
                tableStart(out, compared
                        ? List.of("Benchmark", "Score", "Error", "Unit", "B/op", "Baseline", "Change [95% CI]", "p", "Verdict")
                        : List.of("Benchmark", "Score", "Error", "Unit", "B/op"), compared ? "lrrlrrrrl" : "lrrlr");
            }
            out.append("<tr><th scope=\"row\"><code>").append(Html.escape(l.name())).append("</code></th><td>")
                    .append(Html.escape(ReportText.score(l))).append("</td><td>").append(Html.escape(ReportText.error(l)))
                    .append("</td><td class=\"t\">").append(Html.escape(l.unit())).append("</td><td>")
                    .append(Html.escape(ReportText.bytes(l))).append("</td>");
            if (compared) {
                out.append("<td>").append(Html.escape(ReportText.baseline(l))).append("</td><td>")
                        .append(Html.escape(ReportText.change(l))).append("</td><td>").append(Html.escape(ReportText.p(l)))
                        .append("</td>");
                out.append("<td class=\"t\"><span class=\"verdict ").append(SvgCharts.verdictClass(l.verdict())).append("\">")
                        .append(Html.escape(ReportText.verdict(l))).append("</span></td>");
            }
            out.append("</tr>\n");
        }
        if (category != null) {
            out.append("</tbody></table></div>\n");
        }
        out.append("</section>\n");
    }

    private static void changes(Report r, StringBuilder out, String title, Predicate<Report.Line> which, String none) {
        out.append("<section id=\"").append(title.toLowerCase(java.util.Locale.ROOT)).append("\"><h2>").append(title)
                .append("</h2>\n");
        var lines = r.benchmarks().stream().filter(which).toList();
        if (lines.isEmpty()) {
            out.append("<p>").append(none).append("</p></section>\n");
            return;
        }
        out.append("<ul class=\"changes\">\n");
        for (var l : lines) {
            out.append("<li><code>").append(Html.escape(l.name())).append("</code> ");
            if (l.verdict() != Verdict.IMPROVEMENT) {
                out.append("<span class=\"verdict ").append(SvgCharts.verdictClass(l.verdict())).append("\">")
                        .append(Html.escape(l.verdict().label())).append("</span> ");
            }
            out.append(Html.escape(ReportText.changeSentence(l)));
            if (!l.hotspots().isEmpty() || r.artefacts().profiles().stream().anyMatch(a -> a.benchmark().equals(l.name()))) {
                out.append("<ul>");
                l.hotspots().forEach(h -> out.append("<li>hotspot <code>").append(Html.escape(h.frame()))
                        .append("</code> ").append(Html.escape(ReportText.hotspot(h))).append("</li>"));
                r.artefacts().profiles().stream().filter(a -> a.benchmark().equals(l.name()))
                        .forEach(a -> out.append("<li>").append(link(a.event() + " " + a.kind(), a.path())).append("</li>"));
                out.append("</ul>");
            }
            out.append("</li>\n");
        }
        out.append("</ul></section>\n");
    }

    private static void targets(Report r, StringBuilder out) {
        var lines = r.benchmarks().stream().filter(l -> l.budget() != null).toList();
        if (lines.isEmpty()) {
            return;
        }
        out.append("<section id=\"targets\"><h2>Performance targets</h2>\n");
        tableStart(out, List.of("Benchmark", "Budget", "Current", "Status"), "llrl");
        for (var l : lines) {
            String status = ReportText.budgetStatus(l);
            out.append("<tr><th scope=\"row\"><code>").append(Html.escape(l.name())).append("</code></th><td class=\"t\">")
                    .append(Html.escape(l.budget())).append("</td><td>").append(Html.escape(ReportText.current(l)))
                    .append("</td><td class=\"t\"><span class=\"status ").append(status.equals("PASS") ? "pass" : status.equals("FAIL") ? "fail" : "unknown")
                    .append("\">").append(status).append("</span></td></tr>\n");
        }
        out.append("</tbody></table></div></section>\n");
    }

    private static void providers(Report r, StringBuilder out) {
        if (r.providers().isEmpty()) {
            return;
        }
        var names = r.providers().stream().flatMap(p -> p.scores().keySet().stream()).distinct().sorted().toList();
        out.append("<section id=\"providers\"><h2>Provider comparison</h2>\n");
        var headers = new ArrayList<>(List.of("Benchmark"));
        headers.addAll(names);
        headers.addAll(List.of("Unit", "Winner"));
        tableStart(out, headers, "l" + "r".repeat(names.size()) + "ll");
        for (var p : r.providers()) {
            out.append("<tr><th scope=\"row\"><code>").append(Html.escape(ReportText.providerName(p))).append("</code></th>");
            for (String n : names) {
                out.append("<td").append(n.equals(p.winner()) ? " class=\"best\"" : "").append(">")
                        .append(Html.escape(ReportText.variantScore(p.scores().get(n)))).append("</td>");
            }
            out.append("<td class=\"t\">").append(Html.escape(p.unit())).append("</td><td class=\"t\">")
                    .append(Html.escape(ReportText.providerWinner(p))).append("</td></tr>\n");
        }
        out.append("</tbody></table></div></section>\n");
    }

    private static void variants(Report r, StringBuilder out) {
        var v = r.variants();
        if (v == null) {
            return;
        }
        out.append("<section id=\"variants\"><h2>Variant comparison</h2>\n<p class=\"hint\">");
        out.append(Html.escape(String.join(", ", v.runs().stream().map(run -> run.label() + " = run " + run.runId()).toList())));
        out.append(". Best (lowest cost) highlighted.</p>\n");
        var headers = new ArrayList<>(List.of("Benchmark"));
        v.runs().forEach(run -> headers.add(run.label()));
        headers.add("Unit");
        tableStart(out, headers, "l" + "r".repeat(v.runs().size()) + "l");
        for (var row : v.benchmarks()) {
            out.append("<tr><th scope=\"row\"><code>").append(Html.escape(row.name())).append("</code></th>");
            for (int i = 0; i < row.scores().size(); i++) {
                out.append("<td").append(i == row.best() ? " class=\"best\"" : "").append(">")
                        .append(Html.escape(ReportText.variantScore(row.scores().get(i)))).append("</td>");
            }
            out.append("<td class=\"t\">").append(Html.escape(row.unit())).append("</td></tr>\n");
        }
        out.append("</tbody></table></div></section>\n");
    }

    private static void history(Report r, StringBuilder out) {
        var h = r.history();
        if (h == null) {
            return;
        }
        out.append("<section id=\"history\"><h2>History</h2>\n<p class=\"hint\">")
                .append(Html.escape("Last " + h.runs().size() + " of " + h.requested() + " requested runs, "
                        + (h.runs().isEmpty() ? "" : ReportText.day(h.runs().get(0).started()) + " to "
                                + ReportText.day(h.runs().get(h.runs().size() - 1).started()))
                        + ". Vertical lines mark step changes; hover a point for its run."))
                .append("</p>\n<div class=\"trends\">\n");
        var runLabels = SvgCharts.runLabels(h);
        for (var t : h.benchmarks()) {
            out.append("<figure class=\"chart trend-card").append(t.steps().isEmpty() ? "" : " stepped").append("\">")
                    .append("<figcaption><code>").append(Html.escape(t.name())).append("</code> <span class=\"unit\">")
                    .append(Html.escape(t.unit())).append("</span><br><span class=\"range\">")
                    .append(Html.escape(ReportText.firstToLast(t))).append("</span>");
            if (!t.steps().isEmpty()) {
                out.append("<br><span class=\"steps\">step ").append(Html.escape(ReportText.steps(t, h))).append("</span>");
            }
            out.append("</figcaption>").append(SvgCharts.trend(t, h, runLabels)).append("</figure>\n");
        }
        out.append("</div></section>\n");
    }

    private static void failures(Report r, StringBuilder out) {
        if (r.failures().isEmpty()) {
            return;
        }
        out.append("<section id=\"failures\"><h2>Benchmarks without a result</h2>\n<ul>\n");
        r.failures().forEach(f -> out.append("<li><code>").append(Html.escape(f.displayName())).append("</code>: ")
                .append(Html.escape(f.reason())).append("</li>\n"));
        out.append("</ul></section>\n");
    }

    private static void notes(Report r, StringBuilder out) {
        var notes = ReportText.comparisonNotes(r);
        if (notes.isEmpty()) {
            return;
        }
        out.append("<section id=\"notes\"><h2>Notes</h2>\n<ul>\n");
        notes.forEach(n -> out.append("<li>").append(Html.escape(n)).append("</li>\n"));
        out.append("</ul></section>\n");
    }

    private static void artefacts(Report r, StringBuilder out) {
        out.append("<section id=\"artefacts\"><h2>Artefacts</h2>\n<ul>\n<li>run: ")
                .append(link(r.artefacts().run(), r.artefacts().run())).append("</li>\n");
        r.artefacts().profiles().forEach(a -> out.append("<li><code>").append(Html.escape(a.benchmark()))
                .append("</code> ").append(link(a.event() + " " + a.kind(), a.path())).append("</li>\n"));
        out.append("</ul></section>\n");
    }

    /** A link to a file beside the report; plain text where the path is not relative. */
    private static String link(String text, String path) {
        String href = Html.relativeHref(path);
        if (href == null) {
            return Html.escape(text) + " (" + Html.escape(path) + ")";
        }
        return "<a href=\"" + href + "\">" + Html.escape(text) + "</a>"
                + (text.equals(path) ? "" : " <code>" + Html.escape(path) + "</code>");
    }

    /** Opens a scrollable table; {@code aligns} holds l or r per column. */
    private static void tableStart(StringBuilder out, List<String> headers, String aligns) {
        out.append("<div class=\"scroll\"><table><thead><tr>");
        for (int i = 0; i < headers.size(); i++) {
            out.append("<th scope=\"col\"").append(aligns.charAt(i) == 'r' ? " class=\"num\"" : "").append(">")
                    .append(Html.escape(headers.get(i))).append("</th>");
        }
        out.append("</tr></thead><tbody>\n");
    }
}
