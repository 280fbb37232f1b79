package dev.benchrun.render;

/** The report page's inline stylesheet and script, kept apart from the markup that uses them. */
final class ReportHtmlStyle {

    private ReportHtmlStyle() {}

    /** Responsive: one column and scrolling tables on a phone, a wide grid of charts on a laptop. */
    static final String CSS = """
            :root{--fg:#1f2328;--muted:#59636e;--bg:#fff;--panel:#f6f8fa;--line:#d1d9e0;--bad:#cf222e;--warn:#9a6700;\
            --good:#1a7f37;--same:#59636e;--accent:#0969da}
            @media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9198a1;--bg:#0d1117;--panel:#161b22;\
            --line:#3d444d;--bad:#f85149;--warn:#d29922;--good:#3fb950;--same:#9198a1;--accent:#4493f8}}
            *{box-sizing:border-box}
            body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
            main{max-width:1200px;margin:0 auto;padding:16px}
            h1{font-size:1.4rem;margin:.2em 0;word-break:break-all}
            h2{font-size:1.15rem;border-bottom:1px solid var(--line);padding-bottom:.2em;margin-top:1.6em}
            h3{font-size:1rem;margin:1.2em 0 .4em}
            code{font:13px/1.3 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;word-break:break-all}
            a{color:var(--accent)}
            .headline{font-weight:600;font-size:1.05rem}
            .headline.bad{color:var(--bad)}
            .hint{color:var(--muted);font-size:.9rem}
            .details{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1em;margin:0}
            .details dt{color:var(--muted)}
            .details dd{margin:0;word-break:break-word}
            .cards{display:flex;flex-wrap:wrap;gap:8px;margin:.5em 0 1em}
            .card{background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:8px 12px;min-width:7.5em}
            .card .n{display:block;font-size:1.5rem;font-weight:600}
            .card.bad .n{color:var(--bad)}
            .card.good .n{color:var(--good)}
            .scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
            table{border-collapse:collapse;font-size:.92rem}
            th,td{padding:4px 8px;border-bottom:1px solid var(--line);text-align:left;white-space:nowrap;vertical-align:top}
            thead th{background:var(--panel)}
            th.num,td{text-align:right}
            td.t{text-align:left}
            tbody th{font-weight:normal}
            tr.total th,tr.total td{font-weight:600}
            td.best{font-weight:700;color:var(--good)}
            .verdict.regression,.verdict.warning,.status.fail{color:var(--bad);font-weight:700}
            .verdict.slower,.verdict.inconclusive{color:var(--warn)}
            .verdict.improvement,.status.pass{color:var(--good);font-weight:600}
            .status.unknown{color:var(--warn)}
            .changes li{margin:.3em 0}
            figure{margin:0}
            .bars .bar{display:grid;grid-template-columns:minmax(7em,28%) 1fr minmax(12em,auto);gap:8px;align-items:center;padding:2px 0}
            .bars .name{font:12px ui-monospace,Menlo,Consolas,monospace;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
            .bars .value{font-size:.85rem;text-align:right;white-space:nowrap}
            svg.change{width:100%;height:auto;display:block}
            svg .axis{stroke:var(--line);stroke-width:1}
            svg .whisker{stroke-width:1.5;stroke:currentColor;fill:none}
            svg .dot{fill:currentColor}
            svg .threshold{stroke-width:1;stroke-dasharray:2 2}
            svg .threshold.warning-line{stroke:var(--warn)}
            svg .threshold.failure-line{stroke:var(--bad)}
            svg .threshold.floor{stroke:var(--line)}
            svg text{fill:var(--muted);font:9px system-ui,sans-serif}
            .regression,.warning{color:var(--bad)}
            .slower,.inconclusive{color:var(--warn)}
            .improvement{color:var(--good)}
            .same,.none{color:var(--same)}
            .trends{display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:10px}
            .trend-card{background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:8px}
            .trend-card.stepped.worse{border-color:var(--bad)}
            .trend-card.stepped.better{border-color:var(--good)}
            .trend-card figcaption{font-size:.85rem;margin-bottom:4px}
            .trend-card .unit,.trend-card .range{color:var(--muted)}
            .trend-card .steps{font-weight:600}
            .trend-card .steps .worse{color:var(--bad)}
            .trend-card .steps .better{color:var(--good)}
            svg.trend{width:100%;height:auto;display:block}
            svg.trend .line{fill:none;stroke:var(--accent);stroke-width:1.5}
            svg.trend circle{fill:var(--accent)}
            svg.trend .step{stroke-width:2;stroke-dasharray:4 3}
            svg.trend .step.worse{stroke:var(--bad)}
            svg.trend .step.better{stroke:var(--good)}
            @media (max-width:640px){main{padding:10px}body{font-size:14px}
            .bars .bar{grid-template-columns:1fr;gap:0;padding:4px 0;border-bottom:1px solid var(--line)}
            .bars .value{text-align:left}.details{grid-template-columns:1fr}.details dd{margin-bottom:.4em}}
            """;

    /** Runs first, in the head, so that an error in any later script is recorded on the root element. */
    static final String ERROR_TRAP = "window.addEventListener('error',function(e){document.documentElement"
            + ".setAttribute('data-report-error',String(e.message));});";

    /**
     * Runs last: marks the page as rendered, with how many charts it holds, on the root element;
     * scripts/check-report-html.sh reads these marks from the DOM.
     */
    static final String SCRIPT = "(function(){var root=document.documentElement;"
            + "root.setAttribute('data-charts',String(document.querySelectorAll('figure.chart svg').length));"
            + "root.setAttribute('data-report','ready');})();";
}
