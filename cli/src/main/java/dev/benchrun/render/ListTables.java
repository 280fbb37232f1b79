package dev.benchrun.render;

import dev.benchrun.model.Listing;
import dev.benchrun.model.RunResult;
import dev.benchrun.render.TextTable.Align;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/** What {@code list} prints: benchmarks of a jar, stored runs, baselines, profiles. */
public final class ListTables {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private ListTables() {}

    public static String render(Listing listing, Style style) {
        if (listing instanceof Listing.Benchmarks b) {
            return benchmarks(b.benchmarks(), style);
        }
        if (listing instanceof Listing.Runs r) {
            return runs(r.runs(), style);
        }
        if (listing instanceof Listing.Baselines b) {
            return baselines(b.baselines(), style);
        }
        return profiles(((Listing.Profiles) listing).profiles(), style);
    }

    private static String benchmarks(List<Listing.Benchmark> benchmarks, Style style) {
        var table = new TextTable(
                List.of("Benchmark", "Category", "Mode", "Budget", "Params"),
                List.of(Align.LEFT, Align.LEFT, Align.LEFT, Align.LEFT, Align.LEFT));
        for (var b : benchmarks) {
            table.row(List.of(
                    b.id(),
                    b.category(),
                    b.mode(),
                    b.budget() == null ? "" : b.budget().toString(),
                    b.params().entrySet().stream()
                            .map(e -> e.getKey() + "=" + String.join(",", e.getValue()))
                            .collect(Collectors.joining(" "))));
        }
        return table.render(style);
    }

    /**
     * One line per run: id, when (UTC), label, commit, profile, kind, how many results. The kind
     * says why 'latest' skips a run (made for profiling, or interrupted before any result) and
     * which variant of a variant run it is.
     */
    private static String runs(List<Listing.Stored> runs, Style style) {
        var table = new TextTable(
                List.of("Run", "Started (UTC)", "Label", "Commit", "Profile", "Kind", "Results", "Failed"),
                List.of(
                        Align.LEFT,
                        Align.LEFT,
                        Align.LEFT,
                        Align.LEFT,
                        Align.LEFT,
                        Align.LEFT,
                        Align.RIGHT,
                        Align.RIGHT));
        for (var entry : runs) {
            var run = entry.run();
            if (run == null) {
                table.row(List.of(entry.name(), style.bad("unreadable: " + entry.problem()), "", "", "", "", "", ""));
                continue;
            }
            var git = run.environment() == null ? null : run.environment().git();
            table.row(List.of(
                    run.id(),
                    run.started() == null ? "" : WHEN.format(run.started()),
                    run.label() == null ? "" : run.label(),
                    git == null
                            ? ""
                            : git.commit()
                                            .substring(
                                                    0, Math.min(10, git.commit().length()))
                                    + (git.dirty() ? "+" : ""),
                    run.settings() == null ? "" : run.settings().profile(),
                    kind(run),
                    String.valueOf(run.benchmarks().size()),
                    String.valueOf(run.failures().size())));
        }
        return table.render(style);
    }

    private static String kind(RunResult run) {
        String kind = run.variants() == null
                ? run.kind()
                : run.kind() + ", variant " + run.variants().name();
        return run.interrupted() ? kind + ", interrupted" : kind;
    }

    /**
     * One line per baseline: how many runs it holds, the newest of them, and when the oldest and the
     * newest started (UTC).
     */
    private static String baselines(List<Listing.StoredBaseline> baselines, Style style) {
        var table = new TextTable(
                List.of("Baseline", "Newest run", "Runs", "Started (UTC)", "Label", "Results"),
                List.of(Align.LEFT, Align.LEFT, Align.RIGHT, Align.LEFT, Align.LEFT, Align.RIGHT));
        for (var entry : baselines) {
            var baseline = entry.baseline();
            if (baseline == null) {
                table.row(List.of(entry.name(), style.bad("unreadable: " + entry.problem()), "", "", "", ""));
                continue;
            }
            var run = baseline.latest();
            var oldest = baseline.runs().get(0);
            String started = run.started() == null ? "" : WHEN.format(run.started());
            if (baseline.runs().size() > 1 && oldest.started() != null && !started.isEmpty()) {
                started = WHEN.format(oldest.started()) + " … " + started;
            }
            table.row(List.of(
                    entry.name(),
                    run.id(),
                    String.valueOf(baseline.runs().size()),
                    started,
                    run.label() == null ? "" : run.label(),
                    String.valueOf(run.benchmarks().size())));
        }
        return table.render(style);
    }

    private static String profiles(List<Listing.ProfileSummary> profiles, Style style) {
        var table = new TextTable(
                List.of("Profile", "Forks", "Warm-up", "Measurement", "JVM args", "Description"),
                List.of(Align.LEFT, Align.RIGHT, Align.LEFT, Align.LEFT, Align.LEFT, Align.LEFT));
        for (var p : profiles) {
            table.row(List.of(
                    p.name(),
                    String.valueOf(p.forks()),
                    p.warmupIterations() + "×" + p.warmupTime(),
                    p.measurementIterations() + "×" + p.measurementTime(),
                    String.join(" ", p.jvmArgs()),
                    p.description() == null ? "" : p.description()));
        }
        return table.render(style);
    }
}
