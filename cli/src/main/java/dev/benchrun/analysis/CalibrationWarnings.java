package dev.benchrun.analysis;

import dev.benchrun.model.Calibration;
import dev.benchrun.model.Comparison;
import dev.benchrun.model.Delta;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Where a comparison asks more than the machine can give: a category whose warning threshold is
 * below the smallest change its benchmarks can show here, as the store's calibration measured it
 * (docs/calibrate.md). One warning per category, naming the benchmarks.
 */
public final class CalibrationWarnings {

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private CalibrationWarnings() {}

    public static List<String> of(Comparison comparison, Calibration calibration) {
        Map<String, Calibration.Benchmark> measured = calibration.benchmarks().stream()
                .collect(Collectors.toMap(Calibration.Benchmark::name, Function.identity(), (a, b) -> a));
        boolean paired = comparison.pairing() != null;
        var below = new LinkedHashMap<String, List<String>>();
        var thresholds = new LinkedHashMap<String, Double>();
        for (Delta d : comparison.benchmarks()) {
            var b = measured.get(d.displayName());
            if (b == null || !d.verdict().compared()) {
                continue;
            }
            Double detectable =
                    paired ? b.ab().minimalDetectableChange() : b.stored().minimalDetectableChange();
            double warning = comparison.settings().thresholdFor(d.category()).warning();
            if (detectable != null && detectable > warning) {
                below.computeIfAbsent(d.category(), c -> new ArrayList<>())
                        .add(String.format(Locale.ROOT, "%s %.1f%%", d.displayName(), detectable * 100));
                thresholds.put(d.category(), warning);
            }
        }
        var warnings = new ArrayList<String>();
        below.forEach((category, names) -> warnings.add(String.format(
                Locale.ROOT,
                "%s: its warning threshold %.0f%% is below what this machine can detect %s for %s (benchrun "
                        + "calibrate, %s): a change that size may pass unseen",
                category,
                thresholds.get(category) * 100,
                paired
                        ? "in an A/B session of "
                                + calibration.benchmarks().get(0).ab().pairs() + " pairs"
                        : "against a baseline of "
                                + calibration.benchmarks().get(0).stored().baselineRuns() + " runs",
                String.join(", ", names),
                DAY.format(calibration.measuredAt()))));
        return warnings;
    }
}
