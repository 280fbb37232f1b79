package dev.benchrun.maven;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code benchrun compare}: judges a candidate (default the latest run) against a baseline,
 * benchmark by benchmark, and fails the build when the gate fails, with the verdict table in the
 * log. By hand: {@code mvn benchrun:compare -Dbenchrun.baseline=main}.
 */
@Mojo(name = "compare", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CompareMojo extends GateMojo {

    /** BASELINE: a baseline name, a run id, latest, or a file (a stored run or baseline, JMH's JSON). */
    @Parameter(property = "benchrun.baseline", required = true)
    String baseline;

    /** CANDIDATE: what to judge, as the baseline; default the latest run. */
    @Parameter(property = "benchrun.candidate")
    String candidate;

    /** --format: table, markdown, json or junit. */
    @Parameter(property = "benchrun.compare.format")
    String format;

    /** -o: the file the comparison is written to (default the log). */
    @Parameter(property = "benchrun.compare.output")
    String output;

    /** --profile-regressions: profile each REGRESSION with async-profiler. */
    @Parameter(property = "benchrun.profileRegressions", defaultValue = "false")
    boolean profileRegressions;

    /** --baseline-jar: with profileRegressions, the old build's jar to profile the baseline too. */
    @Parameter(property = "benchrun.baselineJar")
    String baselineJar;

    /** --profile-event: with profileRegressions, cpu, ctimer, itimer, wall, alloc or lock. */
    @Parameter(property = "benchrun.profileEvent")
    String profileEvent;

    @Override
    Arguments command() {
        var args = new Arguments("compare").word(baseline).word(candidate);
        return gate(args)
                .option("--profile", profile)
                .option("--manifest", manifest)
                .option("--format", format)
                .option("--output", output)
                .flag("--profile-regressions", profileRegressions)
                .option("--baseline-jar", baselineJar)
                .option("--profile-event", profileEvent);
    }
}
