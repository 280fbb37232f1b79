package dev.benchrun.maven;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code benchrun report}: renders a stored run (default the latest), compared with a baseline
 * where one is named, as Markdown, HTML, JSON or JUnit XML. It runs nothing.
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class ReportMojo extends BenchrunMojo {

    /** RUN: a run id, a baseline name, latest or a file; default the latest run. */
    @Parameter(property = "benchrun.report.run")
    String run;

    /** --baseline: compare with this baseline (or run id, or file), as compare does. */
    @Parameter(property = "benchrun.baseline")
    String baseline;

    /** --format: markdown (benchrun's default), html, json or junit. */
    @Parameter(property = "benchrun.report.format")
    String format;

    /** -o: the file the report is written to (default the log). */
    @Parameter(property = "benchrun.report.output")
    String output;

    /** --history N: each benchmark's trend over the last N runs of the same profile. */
    @Parameter(property = "benchrun.history")
    String history;

    /** --variants RUN,RUN,…: runs shown side by side. */
    @Parameter(property = "benchrun.variants")
    String variants;

    /** --fail-on: never (benchrun's default), regression (also a missed budget) or warning. */
    @Parameter(property = "benchrun.report.failOn")
    String failOn;

    @Override
    Arguments command() {
        return new Arguments("report")
                .word(run)
                .option("--baseline", baseline)
                .option("--format", format)
                .option("--output", output)
                .option("--history", history)
                .option("--variants", variants)
                .option("--fail-on", failOn);
    }
}
