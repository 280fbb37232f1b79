package dev.benchrun.render;

import dev.benchrun.model.Delta;
import dev.benchrun.model.Interval;
import dev.benchrun.model.Report;
import dev.benchrun.model.Threshold;
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

    /** The axis limits a chart may take: a change of this much worse at the right edge. */
    private static final double[] AXIS_LIMITS = {0.05, 0.1, 0.2, 0.25, 0.5, 1, 2, 4, 9, 19, 49, 99};

    /** Nice changes to label inside the axis, better (negative) and worse (positive). */
    private static final double[] TICKS = {
        -0.99, -0.95, -0.9, -0.8, -0.75, -0.5, -0.25, -0.2, -0.1, -0.05, -0.02, -0.01, 0.01, 0.02, 0.05, 0.1, 0.2, 0.25,
        0.5, 1, 2, 4, 9, 19, 49
    };

    /**
     * The change chart's half-width on the log-ratio scale, ln(1 + change), where a halving and a
     * doubling lie equally far from 0 and nothing lies below −100%: the largest estimate, or an
     * interval's bound up to half as far again as the largest estimate (a wider interval runs to the
     * edge rather than squash every dot into the middle), rounded up to the next axis limit, at least
     * ±5%.
     */
    static double changeScale(List<Delta> deltas) {
        double estimates = 0;
        for (var d : deltas) {
            if (d.change() != null) {
                estimates = Math.max(estimates, Math.abs(logRatio(d.change().estimate())));
            }
        }
        double reach = Math.max(estimates, Math.log1p(AXIS_LIMITS[0]));
        double bounds = 0;
        for (var d : deltas) {
            Interval c = d.change();
            if (c != null) {
                bounds = Math.max(bounds, Math.max(Math.abs(logRatio(c.lower())), Math.abs(logRatio(c.upper()))));
            }
        }
        double wanted = Math.max(reach, Math.min(bounds, 1.5 * reach));
        for (double limit : AXIS_LIMITS) {
            if (wanted <= Math.log1p(limit) + 1e-12) {
                return Math.log1p(limit);
            }
        }
        return Math.log1p(AXIS_LIMITS[AXIS_LIMITS.length - 1]);
    }

    /** ln(1 + change); 0 where there is no finite change, and infinite at −100% or beyond. */
    private static double logRatio(double change) {
        if (Double.isNaN(change)) {
            return 0;
        }
        return change <= -1 ? Double.NEGATIVE_INFINITY : Math.log1p(change);
    }

    /**
     * One benchmark's change with its confidence interval, on the log-ratio axis from −scale to
     * +scale with 0 in the middle: the category's warning and failure thresholds and the noise floor
     * (on both sides, since an improvement must reach it too) as lines where they fall on the axis, a
     * whisker from the lower to the upper bound, a dot at the estimate, coloured by verdict.
     *
     * @param threshold the delta's category's thresholds; null to draw none
     * @param noiseFloor the smallest change ever flagged; 0 to draw none
     */
    static String change(String name, Delta d, double scale, Threshold threshold, double noiseFloor) {
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
        if (noiseFloor > 0) {
            mark(svg, "floor", -noiseFloor, "noise floor", scale);
            mark(svg, "floor", noiseFloor, "noise floor", scale);
        }
        if (threshold != null) {
            mark(svg, "warning-line", threshold.warning(), "warning", scale);
            mark(svg, "failure-line", threshold.failure(), "failure", scale);
        }
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

    /** A threshold's line across the bar, where it falls inside the axis. */
    private static void mark(StringBuilder svg, String css, double change, String what, double scale) {
        if (!(change > -1) || Math.abs(Math.log1p(change)) > scale) {
            return;
        }
        svg.append(String.format(
                Locale.ROOT,
                "<line class=\"threshold %s\" x1=\"%.1f\" y1=\"1\" x2=\"%.1f\" y2=\"%d\"><title>%s %s</title></line>",
                css,
                x(change, scale),
                x(change, scale),
                CHANGE_HEIGHT - 1,
                what,
                Numbers.percent(change)));
    }

    /** x of a change on the log-ratio axis; beyond the scale (or infinite) it sits at the edge. */
    static double x(double change, double scale) {
        double u = logRatio(change);
        double clipped = Math.max(-scale, Math.min(scale, u));
        double half = (CHANGE_WIDTH - 2.0 * PAD) / 2;
        return CHANGE_WIDTH / 2.0 + clipped / scale * half;
    }

    /**
     * The axis labels under the change chart, in percent at their places on the log-ratio axis: both
     * edges (e.g. −33.3% and +50.0%), 0, and on each side a round change near the middle.
     */
    static String changeAxis(double scale) {
        var svg = new StringBuilder(String.format(
                Locale.ROOT,
                "<svg class=\"change axis-labels\" viewBox=\"0 0 %d 14\" aria-hidden=\"true\">",
                CHANGE_WIDTH));
        tick(svg, PAD, "start", Math.expm1(-scale));
        for (int side : new int[] {-1, 1}) {
            Double inner = null;
            for (double t : TICKS) {
                double u = Math.log1p(t);
                if (Math.signum(u) == side
                        && Math.abs(u) >= 0.3 * scale
                        && Math.abs(u) <= 0.7 * scale
                        && (inner == null
                                || Math.abs(Math.abs(u) - scale / 2)
                                        < Math.abs(Math.abs(Math.log1p(inner)) - scale / 2))) {
                    inner = t;
                }
            }
            if (inner != null) {
                tick(svg, x(inner, scale), "middle", inner);
            }
        }
        svg.append(String.format(
                Locale.ROOT, "<text x=\"%d\" y=\"11\" text-anchor=\"middle\">0</text>", CHANGE_WIDTH / 2));
        tick(svg, CHANGE_WIDTH - PAD, "end", Math.expm1(scale));
        return svg.append("</svg>").toString();
    }

    private static void tick(StringBuilder svg, double x, String anchor, double change) {
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"11\" text-anchor=\"%s\">%s</text>",
                x,
                anchor,
                Numbers.percent(change)));
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
