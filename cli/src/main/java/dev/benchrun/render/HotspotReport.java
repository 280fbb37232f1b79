package dev.benchrun.render;

import dev.benchrun.model.BenchmarkProfile;
import dev.benchrun.model.Hotspot;
import dev.benchrun.model.HotspotDiff;
import dev.benchrun.model.Hotspots;
import dev.benchrun.model.ProfileArtefact;
import dev.benchrun.model.ProfileDiff;
import dev.benchrun.render.TextTable.Align;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** What {@code profile} prints per benchmark: top frames by self and total share, the differential, the files. */
public final class HotspotReport {

    private HotspotReport() {}

    public static String render(List<BenchmarkProfile> profiles, Path runDir, int top, Style style) {
        var out = new StringBuilder();
        for (BenchmarkProfile profile : profiles) {
            out.append('\n').append(style.bold(profile.result().displayName()));
            Hotspots hotspots = profile.hotspots();
            if (hotspots == null) {
                out.append(": no profile (").append(profile.note()).append(")\n");
                continue;
            }
            out.append(String.format(
                    Locale.ROOT,
                    "  %s, %d samples in the benchmark's threads (%s of %d)%n",
                    hotspots.event(),
                    hotspots.benchmarkSamples(),
                    share(hotspots.samples() == 0 ? 0 : (double) hotspots.benchmarkSamples() / hotspots.samples()),
                    hotspots.samples()));
            if (hotspots.frames().isEmpty()) {
                out.append("  no samples of the benchmark's own code\n");
            } else {
                out.append("Top ")
                        .append(top)
                        .append(" by self share:\n")
                        .append(indent(hotspotTable(hotspots.bySelf(top), style)))
                        .append("Top ")
                        .append(top)
                        .append(" by total share:\n")
                        .append(indent(hotspotTable(hotspots.byTotal(top), style)));
            }
            if (profile.diff() != null) {
                out.append(diff(profile.diff(), top, style));
            } else if (profile.note() != null) {
                out.append("No differential: ").append(profile.note()).append('\n');
            }
            for (ProfileArtefact artefact : profile.result().profiles()) {
                if (!artefact.kind().equals("flamegraph-reverse")) {
                    out.append(
                            String.format("%-18s%s%n", label(artefact.kind()) + ":", runDir.resolve(artefact.path())));
                }
            }
        }
        return out.toString();
    }

    private static String hotspotTable(List<Hotspot> rows, Style style) {
        var table = new TextTable(List.of("Self", "Total", "Frame"), List.of(Align.RIGHT, Align.RIGHT, Align.LEFT));
        rows.forEach(h -> table.row(List.of(share(h.selfShare()), share(h.totalShare()), h.frame())));
        return table.render(style);
    }

    private static String diff(ProfileDiff diff, int top, Style style) {
        var out = new StringBuilder();
        out.append("Against ").append(diff.against()).append(", grown (total share, percentage points):\n");
        out.append(indent(diffTable(diff.grown(top), style, style::bad)));
        out.append("Against ").append(diff.against()).append(", shrunk:\n");
        out.append(indent(diffTable(diff.shrunk(top), style, style::good)));
        return out.toString();
    }

    private static String diffTable(List<HotspotDiff> rows, Style style, Function<String, String> colour) {
        if (rows.isEmpty()) {
            return "none\n";
        }
        var table = new TextTable(
                List.of("Change", "Before", "After", "Self change", "Frame"),
                List.of(Align.RIGHT, Align.RIGHT, Align.RIGHT, Align.RIGHT, Align.LEFT));
        rows.forEach(d -> table.row(List.of(
                colour.apply(points(d.deltaPoints())),
                share(d.baselineTotal()),
                share(d.candidateTotal()),
                points(d.selfDeltaPoints()),
                d.frame())));
        return table.render(style);
    }

    private static String label(String kind) {
        return switch (kind) {
            case "flamegraph" -> "Flame graph";
            case "collapsed" -> "Collapsed stacks";
            case "diff-flamegraph" -> "Diff flame graph";
            default -> kind;
        };
    }

    static String share(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    static String points(double points) {
        return String.format(Locale.ROOT, "%+.1f pts", points);
    }

    private static String indent(String text) {
        return text.lines()
                .map(l -> "  " + l)
                .reduce(new StringBuilder(), (b, l) -> b.append(l).append('\n'), StringBuilder::append)
                .toString();
    }
}
