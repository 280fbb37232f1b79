package dev.benchrun.render;

import dev.benchrun.model.Delta;
import dev.benchrun.model.Interval;
import dev.benchrun.model.Report;
import dev.benchrun.model.Verdict;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Inline SVG charts drawn in Java: no library, no network, readable at any width. */
final class SvgCharts {

    private static final int CHANGE_WIDTH = 400;
    private static final int CHANGE_HEIGHT = 16;
    private static final int TREND_WIDTH = 300;
    private static final int TREND_HEIGHT = 70;
    private static final int PAD = 6;

    private SvgCharts() {}

    /** The largest |change| any interval reaches, rounded up to a readable axis limit (at least 5%). */
    static double changeScale(List<Delta> deltas) {
        double max = 0.05;
        for (var d : deltas) {
            Interval c = d.change();
            if (c != null) {
                for (double v : new double[] {c.estimate(), c.lower(), c.upper()}) {
                    if (Double.isFinite(v)) {
                        max = Math.max(max, Math.abs(v));
                    }
                }
            }
        }
        for (double step : new double[] {0.05, 0.1, 0.2, 0.25, 0.5, 1, 2, 5, 10, 20, 50, 100}) {
            if (max <= step) {
                return step;
            }
        }
        return max;
    }

    /**
     * One benchmark's change with its confidence interval, on an axis from −scale to +scale with 0 in
     * the middle: a whisker from the lower to the upper bound, a dot at the estimate, coloured by verdict.
     */
    static String change(String name, Delta d, double scale) {
        var svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<svg class=\"change\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">",
                CHANGE_WIDTH,
                CHANGE_HEIGHT,
                Html.escape(name + " " + ReportText.change(d.change()))));
        svg.append(String.format(
                Locale.ROOT,
                "<line class=\"axis\" x1=\"%d\" y1=\"0\" x2=\"%d\" y2=\"%d\"/>",
                CHANGE_WIDTH / 2,
                CHANGE_WIDTH / 2,
                CHANGE_HEIGHT));
        var c = d.change();
        if (c != null) {
            String css = verdictClass(d.verdict());
            double y = CHANGE_HEIGHT / 2.0;
            double lo = x(c.lower(), scale);
            double hi = x(c.upper(), scale);
            svg.append(String.format(
                    Locale.ROOT,
                    "<path class=\"whisker %s\" d=\"M%.1f %.1fV%.1fM%.1f %.1fH%.1fM%.1f %.1fV%.1f\"/>",
                    css,
                    lo,
                    y - 4,
                    y + 4,
                    lo,
                    y,
                    hi,
                    hi,
                    y - 4,
                    y + 4));
            svg.append(String.format(
                    Locale.ROOT,
                    "<circle class=\"dot %s\" cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\"><title>%s</title></circle>",
                    css,
                    x(c.estimate(), scale),
                    y,
                    Html.escape(ReportText.change(c))));
        }
        return svg.append("</svg>").toString();
    }

    /** x of a change on the axis; beyond the scale (or infinite) it sits at the edge. */
    private static double x(double change, double scale) {
        double clipped = Double.isNaN(change) ? 0 : Math.max(-scale, Math.min(scale, change));
        double half = (CHANGE_WIDTH - 2.0 * PAD) / 2;
        return CHANGE_WIDTH / 2.0 + clipped / scale * half;
    }

    /** The axis labels under the change chart: −scale, 0, +scale. */
    static String changeAxis(double scale) {
        return String.format(
                Locale.ROOT,
                "<svg class=\"change axis-labels\" viewBox=\"0 0 %d 14\" aria-hidden=\"true\">"
                        + "<text x=\"%d\" y=\"11\" text-anchor=\"start\">%s</text>"
                        + "<text x=\"%d\" y=\"11\" text-anchor=\"middle\">0</text>"
                        + "<text x=\"%d\" y=\"11\" text-anchor=\"end\">%s</text></svg>",
                CHANGE_WIDTH,
                PAD,
                Numbers.percent(-scale),
                CHANGE_WIDTH / 2,
                CHANGE_WIDTH - PAD,
                Numbers.percent(scale));
    }

    /** Each history run as its points' tooltips name it: "#3 2026-11-18 0123456789". */
    static String[] runLabels(Report.History h) {
        var labels = new String[h.runs().size()];
        for (int i = 0; i < labels.length; i++) {
            var run = h.runs().get(i);
            labels[i] = Html.escape("#" + (i + 1) + " " + ReportText.day(run.started()) + " "
                    + ReportText.shortCommit(run.commit()) + ": ");
        }
        return labels;
    }

    /**
     * A benchmark's scores over the history's runs as a line with a point per run (its date,
     * commit and score in a tooltip), and a marker at each step change.
     *
     * @param runLabels from {@link #runLabels}, made once for all trends of a history
     */
    static String trend(Report.Trend t, Report.History h, String[] runLabels) {
        double min = t.scores().stream()
                .filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue)
                .min()
                .orElse(0);
        double max = t.scores().stream()
                .filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue)
                .max()
                .orElse(1);
        // At least ±5% of the middle, so that 1% noise draws as noise and not as a cliff.
        double middle = (max + min) / 2;
        double half = Math.max((max - min) / 2, Math.max(Math.abs(middle) * 0.05, 1e-9));
        min = middle - half;
        max = middle + half;
        int n = t.scores().size();
        var svg = new StringBuilder(160 * n + 400);
        svg.append("<svg class=\"trend\" viewBox=\"0 0 ")
                .append(TREND_WIDTH)
                .append(' ')
                .append(TREND_HEIGHT)
                .append("\" role=\"img\" aria-label=\"")
                .append(Html.escape(t.name() + " over " + n + " runs"))
                .append("\">");
        for (var step : t.steps()) {
            double sx = tx(step.index(), n);
            svg.append("<line class=\"step ")
                    .append(step.change() > 0 ? "worse" : "better")
                    .append("\" x1=\"");
            coordinate(svg, sx).append("\" y1=\"0\" x2=\"");
            coordinate(svg, sx)
                    .append("\" y2=\"")
                    .append(TREND_HEIGHT)
                    .append("\"><title>")
                    .append(Html.escape(ReportText.step(step, h)))
                    .append("</title></line>");
        }
        var points = new StringBuilder(16 * n);
        var dots = new StringBuilder(120 * n);
        String unit = " " + Html.escape(t.unit());
        for (int i = 0; i < n; i++) {
            Double v = t.scores().get(i);
            if (v == null) {
                continue;
            }
            double px = tx(i, n);
            double py = TREND_HEIGHT - PAD - (v - min) / (max - min) * (TREND_HEIGHT - 2.0 * PAD);
            coordinate(coordinate(points, px).append(','), py).append(' ');
            dots.append("<circle cx=\"");
            coordinate(dots, px).append("\" cy=\"");
            coordinate(dots, py)
                    .append("\" r=\"2.5\"><title>")
                    .append(runLabels[i])
                    .append(Numbers.format(v))
                    .append(unit)
                    .append("</title></circle>");
        }
        svg.append("<polyline class=\"line\" points=\"")
                .append(points.toString().strip())
                .append("\"/>");
        svg.append(dots);
        return svg.append("</svg>").toString();
    }

    /** A coordinate to one decimal, without String.format (a long history draws tens of thousands). */
    private static StringBuilder coordinate(StringBuilder out, double value) {
        long tenths = Math.round(value * 10);
        if (tenths < 0) {
            out.append('-');
            tenths = -tenths;
        }
        return out.append(tenths / 10).append('.').append(tenths % 10);
    }

    private static double tx(int i, int n) {
        return n <= 1 ? TREND_WIDTH / 2.0 : PAD + i * (TREND_WIDTH - 2.0 * PAD) / (n - 1);
    }

    static String verdictClass(Verdict verdict) {
        if (verdict == null) {
            return "none";
        }
        return switch (verdict) {
            case REGRESSION -> "regression";
            case WARNING -> "warning";
            case SLOWER -> "slower";
            case IMPROVEMENT -> "improvement";
            case NO_CHANGE -> "same";
            case INCONCLUSIVE -> "inconclusive";
            case NOT_COMPARED -> "none";
        };
    }
}
