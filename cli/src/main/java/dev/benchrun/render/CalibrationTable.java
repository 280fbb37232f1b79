package dev.benchrun.render;

import dev.benchrun.model.Calibration;
import dev.benchrun.render.TextTable.Align;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** What {@code calibrate} prints: per benchmark, how noisy it is here and what each path can detect. */
public final class CalibrationTable {

    private CalibrationTable() {}

    public static String render(Calibration c, Path file, Style style) {
        var out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "Calibrated on %d runs of %s: the smallest change each path would show with %.0f%% probability at "
                        + "α %s per benchmark (α adjusted over the %d benchmarks judged together)%n%n",
                c.runs().size(),
                c.profile() == null ? "the run's settings" : c.profile(),
                c.power() * 100,
                Numbers.format(c.alpha()),
                c.benchmarks().size()));
        int baselineRuns =
                c.benchmarks().isEmpty() ? 0 : c.benchmarks().get(0).stored().baselineRuns();
        int pairs = c.benchmarks().isEmpty() ? 0 : c.benchmarks().get(0).ab().pairs();
        var table = new TextTable(
                List.of(
                        "Benchmark",
                        "Run drift",
                        "Fork spread",
                        "Stored (" + baselineRuns + " runs)",
                        "A/B (" + pairs + " pairs)",
                        "Target",
                        "To detect the target here"),
                List.of(Align.LEFT, Align.RIGHT, Align.RIGHT, Align.RIGHT, Align.RIGHT, Align.RIGHT, Align.LEFT));
        for (var b : c.benchmarks()) {
            table.row(List.of(
                    b.name(),
                    "±" + percent(b.runSpread()),
                    b.forkSpread() == null ? "" : "±" + percent(b.forkSpread()),
                    b.stored().minimalDetectableChange() <= b.target()
                            ? style.good(percent(b.stored().minimalDetectableChange()))
                            : style.bad(percent(b.stored().minimalDetectableChange())),
                    b.ab().minimalDetectableChange() == null ? "" : percent(b.ab().minimalDetectableChange()),
                    percent(b.target()),
                    advice(b)));
        }
        out.append(table.render(style));
        if (file != null) {
            out.append(System.lineSeparator())
                    .append("Kept in ")
                    .append(file)
                    .append(": compare warns where a category's warning threshold is below what this machine detects")
                    .append(System.lineSeparator());
        }
        return out.toString();
    }

    /** "a stored baseline of 5 runs (9 s a verdict), or A/B with 6 pairs (~1m)". */
    static String advice(Calibration.Benchmark b) {
        var stored = b.stored();
        var ab = b.ab();
        String abText = ab.pairsForTarget() == null
                ? null
                : "A/B with " + ab.pairsForTarget() + " pairs"
                        + (ab.secondsForTarget() == null ? "" : ", ~" + seconds(ab.secondsForTarget()));
        String storedText = null;
        if (stored.baselineRunsForTarget() != null) {
            storedText = "a stored baseline of " + stored.baselineRunsForTarget() + " runs"
                    + (stored.verdictSeconds() == null ? "" : ", " + seconds(stored.verdictSeconds()) + " a verdict");
        }
        if (storedText != null && abText != null) {
            return storedText + "; or " + abText;
        }
        if (storedText != null) {
            return storedText;
        }
        String noStored = "no stored baseline (its floor is " + percent(stored.floor()) + ")";
        return abText == null ? noStored : abText + "; " + noStored;
    }

    private static String percent(double fraction) {
        double p = fraction * 100;
        return String.format(Locale.ROOT, p >= 10 ? "%.0f%%" : "%.1f%%", p);
    }

    private static String seconds(double s) {
        return ProgressDisplay.duration(Duration.ofMillis(Math.round(s * 1000)));
    }
}
