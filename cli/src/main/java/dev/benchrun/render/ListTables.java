package dev.benchrun.render;

import dev.benchrun.config.Profile;
import dev.benchrun.engine.StoreListing;
import dev.benchrun.jmh.Suite;
import dev.benchrun.render.TextTable.Align;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/** What {@code list} prints: benchmarks of a jar, stored runs, baselines. */
public final class ListTables {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private ListTables() {}

    public static String benchmarks(List<Suite.Member> members, Style style) {
        var table = new TextTable(List.of("Benchmark", "Category", "Mode", "Budget", "Params"),
                List.of(Align.LEFT, Align.LEFT, Align.LEFT, Align.LEFT, Align.LEFT));
        for (var m : members) {
            table.row(List.of(m.id(), m.category(), m.info().mode(), m.budget() == null ? "" : m.budget().toString(),
                    m.info().params().entrySet().stream()
                            .map(e -> e.getKey() + "=" + String.join(",", e.getValue()))
                            .collect(Collectors.joining(" "))));
        }
        return table.render(style);
    }

    /** One line per run: id, when (UTC), label, commit, profile, how many results. */
    public static String runs(List<StoreListing.Entry> runs, Style style) {
        var table = new TextTable(List.of("Run", "Started (UTC)", "Label", "Commit", "Profile", "Results", "Failed"),
                List.of(Align.LEFT, Align.LEFT, Align.LEFT, Align.LEFT, Align.LEFT, Align.RIGHT, Align.RIGHT));
        for (var entry : runs) {
            var run = entry.run();
            if (run == null) {
                table.row(List.of(entry.name(), style.bad("unreadable: " + entry.problem()), "", "", "", "", ""));
                continue;
            }
            var git = run.environment() == null ? null : run.environment().git();
            table.row(List.of(run.id(), run.started() == null ? "" : WHEN.format(run.started()),
                    run.label() == null ? "" : run.label(),
                    git == null ? "" : git.commit().substring(0, Math.min(10, git.commit().length()))
                            + (git.dirty() ? "+" : ""),
                    run.settings() == null ? "" : run.settings().profile(),
                    String.valueOf(run.benchmarks().size()), String.valueOf(run.failures().size())));
        }
        return table.render(style);
    }

    public static String baselines(List<StoreListing.Entry> baselines, Style style) {
        var table = new TextTable(List.of("Baseline", "Run", "Started (UTC)", "Label", "Results"),
                List.of(Align.LEFT, Align.LEFT, Align.LEFT, Align.LEFT, Align.RIGHT));
        for (var entry : baselines) {
            var run = entry.run();
            if (run == null) {
                table.row(List.of(entry.name(), style.bad("unreadable: " + entry.problem()), "", "", ""));
                continue;
            }
            table.row(List.of(entry.name(), run.id(), run.started() == null ? "" : WHEN.format(run.started()),
                    run.label() == null ? "" : run.label(), String.valueOf(run.benchmarks().size())));
        }
        return table.render(style);
    }

    /** The profiles a user can name, with what each is for. */
    public static String profiles(List<Profile> profiles, Style style) {
        var table = new TextTable(List.of("Profile", "Forks", "Warm-up", "Measurement", "JVM args", "Description"),
                List.of(Align.LEFT, Align.RIGHT, Align.LEFT, Align.LEFT, Align.LEFT, Align.LEFT));
        for (var p : profiles) {
            var jmh = p.jmh();
            table.row(List.of(p.name(), String.valueOf(jmh.forks()), jmh.warmupIterations() + "×" + jmh.warmupTime(),
                    jmh.measurementIterations() + "×" + jmh.measurementTime(),
                    p.jvm() == null ? "" : String.join(" ", p.jvm().args()),
                    p.description() == null ? "" : p.description()));
        }
        return table.render(style);
    }
}
