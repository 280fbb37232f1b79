package dev.benchrun.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code benchrun run}: runs the project's JMH benchmarks in forked JVMs and stores the run; with
 * {@code baseline} it compares right after, with {@code against} it is an A/B session of two
 * builds, judged by its pairs. A failed gate fails the build.
 */
@Mojo(name = "run", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class RunMojo extends GateMojo {

    /** --jar: the JMH uber-jar, by default the one JMH's archetype builds. */
    @Parameter(property = "benchrun.jar", defaultValue = "${project.build.directory}/benchmarks.jar")
    String jar;

    /** --category, each. */
    @Parameter(property = "benchrun.category")
    List<String> categories;

    /** --filter REGEX, each (a regex with a comma belongs in the pom: a property is split at commas). */
    @Parameter(property = "benchrun.filter")
    List<String> filters;

    /** -f: forks per benchmark. */
    @Parameter(property = "benchrun.forks")
    String forks;

    /** -wi: warm-up iterations per fork. */
    @Parameter(property = "benchrun.warmupIterations")
    String warmupIterations;

    /** -w: time per warm-up iteration. */
    @Parameter(property = "benchrun.warmupTime")
    String warmupTime;

    /** -i: measurement iterations per fork. */
    @Parameter(property = "benchrun.iterations")
    String iterations;

    /** -r: time per measurement iteration. */
    @Parameter(property = "benchrun.time")
    String time;

    /** --mode: thrpt, avgt, sample, ss or all. */
    @Parameter(property = "benchrun.mode")
    String mode;

    /** --time-unit. */
    @Parameter(property = "benchrun.timeUnit")
    String timeUnit;

    /** --threads. */
    @Parameter(property = "benchrun.threads")
    String threads;

    /** --prof NAME[:OPTS], each: a JMH profiler beside the profile's. */
    @Parameter(property = "benchrun.prof")
    List<String> profilers;

    /** --param NAME=V1,V2, each. */
    @Parameter(property = "benchrun.params")
    List<String> params;

    /** --jvm: the java of the forks. */
    @Parameter(property = "benchrun.jvm")
    String jvm;

    /** --jvm-args: extra JVM arguments of the forks, split as a shell splits words. */
    @Parameter(property = "benchrun.jvmArgs")
    String jvmArgs;

    /** --label: a note stored with the run. */
    @Parameter(property = "benchrun.label")
    String label;

    /** --dry-run: print the plan and its estimated wall time; run nothing. */
    @Parameter(property = "benchrun.dryRun", defaultValue = "false")
    boolean dryRun;

    /** --fail-on-budget: a missed budget fails the build. */
    @Parameter(property = "benchrun.failOnBudget", defaultValue = "false")
    boolean failOnBudget;

    /** --strict-env: refuse to run on a noisy machine. */
    @Parameter(property = "benchrun.strictEnv", defaultValue = "false")
    boolean strictEnv;

    /** --commit: the commit to record, where the jar was built elsewhere. */
    @Parameter(property = "benchrun.commit")
    String commit;

    /** --branch: the branch to record. */
    @Parameter(property = "benchrun.branch")
    String branch;

    /** --baseline: compare the stored run with this baseline, run id or file right after. */
    @Parameter(property = "benchrun.run.baseline")
    String baseline;

    /** --save-baseline: keep the run under this name. */
    @Parameter(property = "benchrun.saveBaseline")
    String saveBaseline;

    /** --append: with saveBaseline, add the run to the baseline. */
    @Parameter(property = "benchrun.append", defaultValue = "false")
    boolean append;

    /** --keep: with append, the runs a baseline keeps. */
    @Parameter(property = "benchrun.keep")
    String keep;

    /** --force: with saveBaseline, replace the baseline. */
    @Parameter(property = "benchrun.force", defaultValue = "false")
    boolean force;

    /** --against: the older build's jar; makes the run an A/B session. */
    @Parameter(property = "benchrun.against")
    String against;

    /** --against-jvm: the java of the against side. */
    @Parameter(property = "benchrun.againstJvm")
    String againstJvm;

    /** --against-jvm-args: the JVM arguments of the against side. */
    @Parameter(property = "benchrun.againstJvmArgs")
    String againstJvmArgs;

    /** --max-pairs: A/B, the most pairs a benchmark takes. */
    @Parameter(property = "benchrun.maxPairs")
    String maxPairs;

    /** --max-time: A/B, the most the session may take. */
    @Parameter(property = "benchrun.maxTime")
    String maxTime;

    /** --precision: A/B, stop once the interval is this narrow. */
    @Parameter(property = "benchrun.precision")
    String precision;

    /** --duet: A/B, the two forks of a pair at once on halves of the CPUs. */
    @Parameter(property = "benchrun.duet", defaultValue = "false")
    boolean duet;

    /** --format of the comparison: table, markdown, json or junit. */
    @Parameter(property = "benchrun.run.format")
    String format;

    /** -o: the file the comparison is written to. */
    @Parameter(property = "benchrun.run.output")
    String output;

    @Override
    Arguments command() {
        var args = new Arguments("run")
                .option("--jar", jar)
                .each("--category", categories)
                .each("--filter", filters)
                .option("--manifest", manifest)
                .option("--profile", profile)
                .option("--forks", forks)
                .option("--warmup-iterations", warmupIterations)
                .option("--warmup-time", warmupTime)
                .option("--iterations", iterations)
                .option("--time", time)
                .option("--mode", mode)
                .option("--time-unit", timeUnit)
                .option("--threads", threads)
                .each("--prof", profilers)
                .each("--param", Arguments.keyedValues(params))
                .option("--jvm", jvm)
                .option("--jvm-args", jvmArgs)
                .option("--label", label)
                .flag("--dry-run", dryRun)
                .flag("--fail-on-budget", failOnBudget)
                .flag("--strict-env", strictEnv)
                .option("--commit", commit)
                .option("--branch", branch)
                .option("--baseline", baseline)
                .option("--save-baseline", saveBaseline)
                .flag("--append", append)
                .option("--keep", keep)
                .flag("--force", force)
                .option("--against", against)
                .option("--against-jvm", againstJvm)
                .option("--against-jvm-args", againstJvmArgs)
                .option("--max-pairs", maxPairs)
                .option("--max-time", maxTime)
                .option("--precision", precision)
                .flag("--duet", duet);
        return gate(args).option("--format", format).option("--output", output);
    }
}
