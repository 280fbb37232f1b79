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
 * A report as one self-contained HTML page: inline CSS, inline SVG charts and a few lines of
 * inline script, no URL to fetch (a Content-Security-Policy forbids it), every stored value escaped.
 */
final class ReportHtml implements Sections {

    /** Forbids every fetch; only the page's own inline style and script run. */
    static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
            + "img-src data:; base-uri 'none'; form-action 'none'";

    private final StringBuilder out = new StringBuilder(64 * 1024);

    @Override
    public void begin(String title) {
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
                .append(POLICY)
                .append("\">\n")
                .append("<title>")
                .append(Html.escape(title))
                .append("</title>\n")
                .append("<script>")
                .append(ReportHtmlStyle.ERROR_TRAP)
                .append("</script>\n")
                .append("<style>")
                .append(ReportHtmlStyle.CSS)
                .append("</style>\n</head>\n<body>\n<main>\n");
        out.append("<h1>").append(Html.escape(title)).append("</h1>\n");
    }

    @Override
    public void sides(Comparison c) {
        details(
                "sides",
                "Sides",
                List.of(
                        new ReportText.Detail("Baseline", ReportText.side(c.baseline())),
                        new ReportText.Detail("Candidate", ReportText.side(c.candidate()))));
    }

    @Override
    public void comparison(Comparison c) {
        out.append("<section id=\"comparison\"><h2>Comparison</h2>\n");
        if (!c.benchmarks().isEmpty()) {
            bars(c.benchmarks().stream().map(Delta::displayName).toList(), c.benchmarks(), c);
            out.append('\n');
        }
        for (var summary : c.categories()) {
            out.append("<h3>").append(Html.escape(summary.category())).append("</h3>\n");
            tableStart(ReportText.comparisonHeaders(c.settings()), "lrrlrrll");
            for (Delta d : c.benchmarksIn(summary.category())) {
                out.append("<tr><th scope=\"row\"><code>")
                        .append(Html.escape(c.nameOf(d)))
                        .append("</code>");
                for (String line : ReportText.hotspots(d)) {
                    out.append("<br><span class=\"hint\">")
                            .append(Html.escape(line))
                            .append("</span>");
                }
                out.append("</th>");
                cells(List.of(ReportText.mean(d.baseline()), ReportText.mean(d.candidate())));
                out.append("<td class=\"t\">").append(Html.escape(d.unit())).append("</td>");
                cells(List.of(ReportText.change(d.change()), ReportText.p(d.pValue())));
                out.append("<td class=\"t\">")
                        .append(verdict(d.verdict(), d.verdict().label()))
                        .append("</td><td class=\"t\">")
                        .append(Html.escape(ReportText.notes(d, true)))
                        .append("</td></tr>\n");
            }
            row("geomean", List.of("", "", "", ReportText.geomean(summary), "", "", ""), "total");
            out.append("</tbody></table></div>\n");
        }
        out.append("</section>\n");
    }

    @Override
    public void footer(List<String> lines) {
        notes(lines);
    }

    @Override
    public void headline(String headline, boolean bad) {
        out.append("<p class=\"headline")
                .append(bad ? " bad" : "")
                .append("\">")
                .append(Html.escape(headline))
                .append("</p>\n");
    }

    @Override
    public void execution(List<ReportText.Detail> details) {
        details("execution", "Execution", details);
    }

    private void details(String id, String title, List<ReportText.Detail> details) {
        out.append("<section id=\"")
                .append(id)
                .append("\"><h2>")
                .append(title)
                .append("</h2>\n<dl class=\"details\">\n");
        for (var d : details) {
            out.append("<dt>")
                    .append(Html.escape(d.label()))
                    .append("</dt><dd>")
                    .append(Html.escape(d.value()))
                    .append("</dd>\n");
        }
        out.append("</dl></section>\n");
    }

    @Override
    public void summary(Report.Run run, boolean compared) {
        var total = run.total();
        out.append("<section id=\"summary\"><h2>Summary</h2>\n<div class=\"cards\">");
        card("Benchmarks", total.benchmarks(), "");
        card("Passed", total.passed(), "good");
        if (compared) {
            card("Regressions", total.regressions(), total.regressions() > 0 ? "bad" : "");
            card("Improvements", total.improvements(), total.improvements() > 0 ? "good" : "");
        }
        card("Budgets missed", total.budgetsMissed(), total.budgetsMissed() > 0 ? "bad" : "");
        out.append("</div>\n");
        var headers = new ArrayList<>(List.of("Category"));
        headers.addAll(ReportText.COUNT_HEADERS);
        tableStart(headers, "lrrrrrrr");
        for (var c : run.categories()) {
            row(c.category(), ReportText.counts(c), "");
        }
        row("total", ReportText.counts(total), "total");
        out.append("</tbody></table></div></section>\n");
    }

    private void card(String label, int value, String css) {
        out.append("<div class=\"card ")
                .append(css)
                .append("\"><span class=\"n\">")
                .append(value)
                .append("</span><span>")
                .append(label)
                .append("</span></div>");
    }

    private void row(String first, List<String> rest, String css) {
        out.append("<tr")
                .append(css.isEmpty() ? "" : " class=\"" + css + "\"")
                .append("><th scope=\"row\">")
                .append(Html.escape(first))
                .append("</th>");
        rest.forEach(cell -> out.append("<td>").append(Html.escape(cell)).append("</td>"));
        out.append("</tr>\n");
    }

    @Override
    public void changeChart(List<Report.Line> compared, Comparison c) {
        out.append("<section id=\"change-chart\"><h2>Change against ")
                .append(Html.escape(c.baseline().ref()))
                .append("</h2>\n");
        bars(
                compared.stream().map(Report.Line::name).toList(),
                compared.stream().map(Report.Line::delta).toList(),
                c);
        out.append("</section>\n");
    }

    /** One bar per delta: its change and interval on a shared axis, under a line saying how to read it. */
    private void bars(List<String> names, List<Delta> deltas, Comparison c) {
        double scale = SvgCharts.changeScale(deltas);
        out.append("<p class=\"hint\">Cost change per benchmark with its ")
                .append(ReportText.level(c.settings()))
                .append(
                        " confidence interval, on a log scale (a halving and a doubling equally far from 0); right of 0 is worse; dashed lines mark the category's warning and failure thresholds and the noise floor.</p>\n<figure class=\"chart bars\">\n");
        for (int i = 0; i < deltas.size(); i++) {
            var d = deltas.get(i);
            out.append("<div class=\"bar\"><span class=\"name\">")
                    .append(Html.escape(names.get(i)))
                    .append("</span>")
                    .append(SvgCharts.change(
                            names.get(i),
                            d,
                            scale,
                            c.settings().thresholdFor(d.category()),
                            c.settings().noiseFloor()))
                    .append("<span class=\"value ")
                    .append(SvgCharts.verdictClass(d.verdict()))
                    .append("\">")
                    .append(Html.escape(ReportText.change(d.change())))
                    .append("</span></div>\n");
        }
        out.append("<div class=\"bar\"><span class=\"name\"></span>")
                .append(SvgCharts.changeAxis(scale))
                .append("<span class=\"value\"></span></div>\n</figure>");
    }

    @Override
    public void results(Map<String, List<Report.Line>> byCategory, Comparison c) {
        out.append("<section id=\"results\"><h2>Key results</h2>\n");
        byCategory.forEach((category, lines) -> {
            out.append("<h3>").append(Html.escape(category)).append("</h3>\n");
            tableStart(ReportText.resultHeaders(c), c != null ? "lrrlrrrrl" : "lrrlr");
            for (var l : lines) {
                out.append("<tr><th scope=\"row\"><code>")
                        .append(Html.escape(l.name()))
                        .append("</code></th>");
                cells(List.of(ReportText.score(l), ReportText.error(l)));
                out.append("<td class=\"t\">").append(Html.escape(l.unit())).append("</td>");
                cells(List.of(ReportText.bytes(l)));
                if (c != null) {
                    cells(List.of(ReportText.baseline(l), ReportText.change(l), ReportText.p(l)));
                    out.append("<td class=\"t\">")
                            .append(verdict(l.verdict(), ReportText.verdict(l)))
                            .append("</td>");
                }
                out.append("</tr>\n");
            }
            out.append("</tbody></table></div>\n");
        });
        String legend = ReportText.sampleLegend(byCategory, c);
        if (legend != null) {
            out.append("<p class=\"hint\">").append(Html.escape(legend)).append("</p>\n");
        }
        out.append("</section>\n");
    }

    private void cells(List<String> cells) {
        cells.forEach(cell -> out.append("<td>").append(Html.escape(cell)).append("</td>"));
    }

    private static String verdict(Verdict verdict, String label) {
        return "<span class=\"verdict " + SvgCharts.verdictClass(verdict) + "\">" + Html.escape(label) + "</span>";
    }

    @Override
    public void changes(String title, List<Report.Line> lines, String none, Report.Artefacts artefacts) {
        out.append("<section id=\"")
                .append(title.toLowerCase(java.util.Locale.ROOT))
                .append("\"><h2>")
                .append(title)
                .append("</h2>\n");
        if (lines.isEmpty()) {
            out.append("<p>").append(none).append("</p></section>\n");
            return;
        }
        out.append("<ul class=\"changes\">\n");
        for (var l : lines) {
            out.append("<li><code>").append(Html.escape(l.name())).append("</code> ");
            if (l.verdict() != Verdict.IMPROVEMENT) {
                out.append(verdict(l.verdict(), l.verdict().label())).append(' ');
            }
            out.append(Html.escape(ReportText.changeSentence(l)));
            var hotspots = l.delta().hotspots();
            var profiles = artefacts.profiles().stream()
                    .filter(a -> a.benchmark().equals(l.name()))
                    .toList();
            if (!hotspots.isEmpty() || !profiles.isEmpty()) {
                out.append("<ul>");
                hotspots.forEach(h -> out.append("<li>hotspot <code>")
                        .append(Html.escape(h.frame()))
                        .append("</code> ")
                        .append(Html.escape(ReportText.hotspot(h)))
                        .append("</li>"));
                profiles.forEach(a -> out.append("<li>")
                        .append(link(a.event() + " " + a.kind(), a.path()))
                        .append("</li>"));
                out.append("</ul>");
            }
            out.append("</li>\n");
        }
        out.append("</ul></section>\n");
    }

    @Override
    public void targets(List<Report.Line> budgeted) {
        out.append("<section id=\"targets\"><h2>Performance targets</h2>\n");
        tableStart(List.of("Benchmark", "Budget", "Current", "Status"), "llrl");
        for (var l : budgeted) {
            String status = ReportText.budgetStatus(l);
            out.append("<tr><th scope=\"row\"><code>")
                    .append(Html.escape(l.name()))
                    .append("</code></th><td class=\"t\">")
                    .append(Html.escape(l.budget()))
                    .append("</td><td>")
                    .append(Html.escape(ReportText.current(l)))
                    .append("</td><td class=\"t\"><span class=\"status ")
                    .append(status.equals("PASS") ? "pass" : status.equals("FAIL") ? "fail" : "unknown")
                    .append("\">")
                    .append(status)
                    .append("</span></td></tr>\n");
        }
        out.append("</tbody></table></div></section>\n");
    }

    @Override
    public void providers(List<Report.ProviderRow> rows) {
        var names = ReportText.providerNames(rows);
        out.append("<section id=\"providers\"><h2>Provider comparison</h2>\n");
        var headers = new ArrayList<>(List.of("Benchmark"));
        headers.addAll(names);
        headers.addAll(List.of("Unit", "Winner"));
        tableStart(headers, "l" + "r".repeat(names.size()) + "ll");
        for (var p : rows) {
            out.append("<tr><th scope=\"row\"><code>")
                    .append(Html.escape(ReportText.providerName(p)))
                    .append("</code></th>");
            for (String n : names) {
                out.append("<td")
                        .append(n.equals(p.winner()) ? " class=\"best\"" : "")
                        .append(">")
                        .append(Html.escape(ReportText.variantScore(p.scores().get(n))))
                        .append("</td>");
            }
            out.append("<td class=\"t\">")
                    .append(Html.escape(p.unit()))
                    .append("</td><td class=\"t\">")
                    .append(Html.escape(ReportText.providerWinner(p)))
                    .append("</td></tr>\n");
        }
        out.append("</tbody></table></div></section>\n");
    }

    @Override
    public void variants(Report.Variants v) {
        out.append("<section id=\"variants\"><h2>Variant comparison</h2>\n<p class=\"hint\">");
        out.append(Html.escape(ReportText.variantRuns(v) + ". " + ReportText.variantHint("highlighted")))
                .append("</p>\n");
        var headers = new ArrayList<>(List.of("Benchmark"));
        v.runs().forEach(run -> headers.add(run.label()));
        headers.addAll(List.of("Unit", ReportText.VARIANT_WINNER, ReportText.VARIANT_MARGIN));
        tableStart(headers, "l" + "r".repeat(v.runs().size()) + "lll");
        for (var row : v.benchmarks()) {
            out.append("<tr><th scope=\"row\"><code>")
                    .append(Html.escape(row.name()))
                    .append("</code></th>");
            for (int i = 0; i < row.scores().size(); i++) {
                out.append("<td")
                        .append(i == row.best() ? " class=\"best\"" : "")
                        .append(">")
                        .append(Html.escape(ReportText.variantScore(row.scores().get(i))))
                        .append("</td>");
            }
            out.append("<td class=\"t\">").append(Html.escape(row.unit())).append("</td>");
            out.append("<td class=\"t\">")
                    .append(Html.escape(ReportText.variantWinner(v, row)))
                    .append("</td>");
            out.append("<td class=\"t\">")
                    .append(Html.escape(ReportText.variantMargin(v, row)))
                    .append("</td></tr>\n");
        }
        out.append("</tbody></table></div></section>\n");
    }

    @Override
    public void history(Report.History h) {
        out.append("<section id=\"history\"><h2>History</h2>\n<p class=\"hint\">")
                .append(Html.escape("Last " + h.runs().size() + " of " + h.requested() + " requested runs, "
                        + (h.runs().isEmpty()
                                ? ""
                                : ReportText.day(h.runs().get(0).started()) + " to "
                                        + ReportText.day(h.runs()
                                                .get(h.runs().size() - 1)
                                                .started()))
                        + ". Vertical lines mark step changes; hover a point for its run."))
                .append("</p>\n<div class=\"trends\">\n");
        var runLabels = SvgCharts.runLabels(h);
        for (var t : h.benchmarks()) {
            out.append("<figure class=\"chart trend-card")
                    .append(
                            t.steps().isEmpty()
                                    ? ""
                                    : t.steps().stream().anyMatch(ReportText::worse)
                                            ? " stepped worse"
                                            : " stepped better")
                    .append("\">")
                    .append("<figcaption><code>")
                    .append(Html.escape(t.name()))
                    .append("</code> <span class=\"unit\">")
                    .append(Html.escape(t.unit()))
                    .append("</span><br><span class=\"range\">")
                    .append(Html.escape(ReportText.firstToLast(t)))
                    .append("</span>");
            if (!t.steps().isEmpty()) {
                out.append("<br><span class=\"steps\">step ");
                for (int i = 0; i < t.steps().size(); i++) {
                    var step = t.steps().get(i);
                    out.append(i == 0 ? "" : "; ")
                            .append("<span class=\"")
                            .append(ReportText.worse(step) ? "worse" : "better")
                            .append("\">")
                            .append(Html.escape(ReportText.step(step, h)))
                            .append("</span>");
                }
                out.append("</span>");
            }
            out.append("</figcaption>").append(SvgCharts.trend(t, h, runLabels)).append("</figure>\n");
        }
        out.append("</div></section>\n");
    }

    @Override
    public void failures(List<BenchmarkFailure> failures) {
        out.append("<section id=\"failures\"><h2>Benchmarks without a result</h2>\n<ul>\n");
        failures.forEach(f -> out.append("<li><code>")
                .append(Html.escape(f.displayName()))
                .append("</code>: ")
                .append(Html.escape(f.reason()))
                .append("</li>\n"));
        out.append("</ul></section>\n");
    }

    @Override
    public void notes(List<String> notes) {
        out.append("<section id=\"notes\"><h2>Notes</h2>\n<ul>\n");
        notes.forEach(n -> out.append("<li>").append(Html.escape(n)).append("</li>\n"));
        out.append("</ul></section>\n");
    }

    @Override
    public void recommendations(List<String> lines) {
        out.append("<section id=\"recommendations\"><h2>Recommendations</h2>\n<ul>\n");
        lines.forEach(l -> out.append("<li>").append(Html.escape(l)).append("</li>\n"));
        out.append("</ul></section>\n");
    }

    @Override
    public void artefacts(Report.Artefacts artefacts) {
        out.append("<section id=\"artefacts\"><h2>Artefacts</h2>\n<ul>\n<li>run: ")
                .append(link(artefacts.run(), artefacts.run()))
                .append("</li>\n");
        artefacts
                .profiles()
                .forEach(a -> out.append("<li><code>")
                        .append(Html.escape(a.benchmark()))
                        .append("</code> ")
                        .append(link(a.event() + " " + a.kind(), a.path()))
                        .append("</li>\n"));
        out.append("</ul></section>\n");
    }

    @Override
    public String end() {
        out.append("</main>\n<script>").append(ReportHtmlStyle.SCRIPT).append("</script>\n</body>\n</html>\n");
        return out.toString();
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
    private void tableStart(List<String> headers, String aligns) {
        out.append("<div class=\"scroll\"><table><thead><tr>");
        for (int i = 0; i < headers.size(); i++) {
            out.append("<th scope=\"col\"")
                    .append(aligns.charAt(i) == 'r' ? " class=\"num\"" : "")
                    .append(">")
                    .append(Html.escape(headers.get(i)))
                    .append("</th>");
        }
        out.append("</tr></thead><tbody>\n");
    }
}
