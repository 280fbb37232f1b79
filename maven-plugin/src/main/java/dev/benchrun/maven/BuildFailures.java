package dev.benchrun.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * benchrun's exit code as the build's outcome (docs/maven-plugin.md): 0 passes; 1, a failed gate,
 * is a build failure ({@link MojoFailureException}); 2, 3 and 130 are errors of the build
 * ({@link MojoExecutionException}) carrying benchrun's one error line.
 */
final class BuildFailures {

    private BuildFailures() {}

    static void check(int exitCode, Transcript transcript) throws MojoExecutionException, MojoFailureException {
        String error = transcript.lastError();
        switch (exitCode) {
            case 0 -> {}
            case 1 -> throw new MojoFailureException(gateFailed(transcript.lastSummary()));
            case 2 ->
                throw new MojoExecutionException(
                        error != null ? error : "benchrun: usage or input error (exit 2); see the log above");
            case 3 ->
                throw new MojoExecutionException(
                        error != null
                                ? error
                                : "benchrun: a benchmark failed or could not be run (exit 3); see the log above");
            case 130 -> throw new MojoExecutionException("benchrun: interrupted (exit 130); what finished is kept");
            default -> throw new MojoExecutionException("benchrun: exit " + exitCode + "; see the log above");
        }
    }

    private static String gateFailed(String summary) {
        return summary != null
                ? "benchrun: the gate failed: " + strip(summary) + " See the verdict table above."
                : "benchrun: a gate failed (exit 1); see the table above";
    }

    /** "2 compared: 1 regression, … unchanged." without its closing full stop doubled. */
    private static String strip(String summary) {
        return summary.endsWith(".") ? summary : summary + ".";
    }
}
