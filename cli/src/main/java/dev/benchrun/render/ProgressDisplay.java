package dev.benchrun.render;

import dev.benchrun.model.BenchmarkFailure;
import dev.benchrun.model.BenchmarkResult;
import dev.benchrun.model.RunPlan;
import dev.benchrun.model.RunProgress;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

/**
 * Shows a run's progress: on a terminal, one live line with a bar, percent, current benchmark
 * and ETA; elsewhere (CI logs), one plain line per finished benchmark.
 */
public final class ProgressDisplay implements RunProgress {

    private static final int BAR = 24;
    private static final long REDRAW_MILLIS = 100;

    private final PrintWriter out;
    private final boolean live;
    private final boolean quiet;
    private final Style style;
    private long lastDraw;
    private int lastWidth;

    /** @param quiet only say when the run waits for another; no progress */
    public ProgressDisplay(PrintWriter out, boolean live, boolean quiet, Style style) {
        this.out = out;
        this.live = live && !quiet;
        this.quiet = quiet;
        this.style = style;
    }

    /**
     * "Running 2 benchmarks (3 benchmark runs) with profile quick; estimated 6s", then the notes:
     * the benchmarks first, as the counter of each finished one ({@code [1/2]}) counts them.
     */
    @Override
    public synchronized void starting(Start start) {
        if (quiet) {
            return;
        }
        out.printf(
                start.event() == null
                        ? "Running %s with profile %s; estimated %s%n"
                        : "Profiling %s with event %s; estimated %s%n",
                PlanTable.count(start.benchmarks(), start.benchmarkRuns()),
                start.event() == null ? start.profile() : start.event(),
                duration(start.estimate()));
        start.notes().forEach(n -> out.println("Note: " + n));
        out.flush();
    }

    /** "Running an A/B session of 2 benchmarks with profile pairs; estimated 50s to 2m06s", then the notes. */
    @Override
    public synchronized void startingSession(
            int benchmarks, Duration shortest, Duration longest, String profile, List<String> notes) {
        if (quiet) {
            return;
        }
        out.printf(
                "Running an A/B session of %d benchmark%s with profile %s; estimated %s to %s%n",
                benchmarks, benchmarks == 1 ? "" : "s", profile, duration(shortest), duration(longest));
        notes.forEach(n -> out.println("Note: " + n));
        out.flush();
    }

    /**
     * "Running 2 benchmarks (4 benchmark runs) in 2 variants (quick, g1), fork by fork in turn;
     * estimated 30s", then the notes.
     */
    @Override
    public synchronized void startingVariants(
            List<String> variants, int benchmarks, int benchmarkRuns, Duration estimate, List<String> notes) {
        if (quiet) {
            return;
        }
        out.printf(
                "Running %s in %d variants (%s), fork by fork in turn; estimated %s%n",
                PlanTable.count(benchmarks, benchmarkRuns),
                variants.size(),
                String.join(", ", variants),
                duration(estimate));
        notes.forEach(n -> out.println("Note: " + n));
        out.flush();
    }

    @Override
    public synchronized void update(State state) {
        if (!live) {
            return;
        }
        long now = System.currentTimeMillis();
        if (now - lastDraw < REDRAW_MILLIS) {
            return;
        }
        lastDraw = now;
        draw(liveLine(state));
    }

    @Override
    public synchronized void waiting(String why) {
        out.println(why);
        out.flush();
    }

    @Override
    public synchronized void finished(
            RunPlan.Item item, List<BenchmarkResult> results, List<BenchmarkFailure> failures, State state) {
        if (quiet) {
            return;
        }
        String mark = failures.isEmpty() ? style.good("✓") : style.bad("✗");
        String line = String.format(
                "%s [%d/%d] %s: %d result%s%s  (%d%%, %s elapsed, ETA %s)",
                mark,
                state.item(),
                state.items(),
                item.id(),
                results.size(),
                results.size() == 1 ? "" : "s",
                failures.isEmpty()
                        ? ""
                        : ", " + failures.size() + " failed: " + failures.get(0).reason(),
                Math.round(state.fraction() * 100),
                duration(state.elapsed()),
                duration(state.remaining()));
        line(line, state);
    }

    /** A line above the live one, which is drawn again below it. */
    private void line(String line, State state) {
        if (live) {
            clear();
            out.println(line);
            draw(liveLine(state));
        } else {
            out.println(line);
            out.flush();
        }
    }

    /** "✓ [1/2] hashWork[n=256]: 9 pairs, unchanged  (45%, 40s elapsed, ETA 50s)". */
    @Override
    public synchronized void paired(String name, int pairs, String why, List<BenchmarkFailure> failures, State state) {
        if (quiet) {
            return;
        }
        String mark = failures.isEmpty() ? style.good("✓") : style.bad("✗");
        line(
                String.format(
                        "%s [%d/%d] %s: %d pair%s, %s%s  (%d%%, %s elapsed, ETA %s)",
                        mark,
                        state.item(),
                        state.items(),
                        name,
                        pairs,
                        pairs == 1 ? "" : "s",
                        why,
                        failures.isEmpty() ? "" : ": " + failures.get(0).reason(),
                        Math.round(state.fraction() * 100),
                        duration(state.elapsed()),
                        duration(state.remaining())),
                state);
    }

    /** Removes the live line before other output. */
    @Override
    public synchronized void done() {
        if (live) {
            clear();
        }
    }

    private String liveLine(State state) {
        int filled = (int) Math.round(state.fraction() * BAR);
        return String.format(
                "[%s%s] %3d%%  %s (%d/%d)  ETA %s",
                "#".repeat(filled),
                ".".repeat(BAR - filled),
                Math.round(state.fraction() * 100),
                state.current(),
                state.item(),
                state.items(),
                duration(state.remaining()));
    }

    private void draw(String line) {
        out.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
        out.flush();
        lastWidth = line.length();
    }

    private void clear() {
        out.print("\r" + " ".repeat(lastWidth) + "\r");
        out.flush();
        lastWidth = 0;
    }

    /** 1h02m, 3m05s, 42s. */
    public static String duration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s >= 3600) {
            return String.format("%dh%02dm", s / 3600, (s % 3600) / 60);
        }
        if (s >= 60) {
            return String.format("%dm%02ds", s / 60, s % 60);
        }
        return s + "s";
    }
}
