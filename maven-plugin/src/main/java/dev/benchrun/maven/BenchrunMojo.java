package dev.benchrun.maven;

import dev.benchrun.cli.Main;
import java.io.File;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every goal shares: it builds the arguments of one benchrun command, runs benchrun in this
 * JVM with the project's base directory as its working directory, puts its output in the log and
 * turns its exit code into the build's outcome.
 */
abstract class BenchrunMojo extends AbstractMojo {

    /**
     * One goal at a time in a parallel build ({@code mvn -T}): two modules' benchmarks measured at
     * once would each measure the other's load, and their JMH children would fight for the cores.
     * Maven loads a plugin once per build, so a lock of this class is one lock for the build.
     */
    private static final ReentrantLock TURN = new ReentrantLock();

    /** The working directory of benchrun: relative paths, ./benchrun.yaml, ./profiles/, the default store. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    File basedir;

    /** --store: where runs and baselines are kept; default $BENCHRUN_STORE, else .benchrun/ in the project. */
    @Parameter(property = "benchrun.store")
    String store;

    /** -q: no progress and no notes. */
    @Parameter(property = "benchrun.quiet", defaultValue = "false")
    boolean quiet;

    /** -v: the stack trace behind an error. */
    @Parameter(property = "benchrun.verbose", defaultValue = "false")
    boolean verbose;

    /** Skips the goal. */
    @Parameter(property = "benchrun.skip", defaultValue = "false")
    boolean skip;

    /** Further benchrun options, word by word, after those the goal builds (e.g. --shard, 1/4). */
    @Parameter
    List<String> arguments;

    /** The command and its options. */
    abstract Arguments command();

    /** The whole command line, global options last (benchrun takes them after the command too). */
    final Arguments commandLine() {
        return command()
                .option("--store", store)
                .flag("-q", quiet)
                .flag("-v", verbose)
                .verbatim(arguments);
    }

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("benchrun: skipped (benchrun.skip)");
            return;
        }
        var args = commandLine();
        getLog().debug("benchrun " + String.join(" ", args.toList()));
        var log = getLog();
        var transcript = new Transcript(log::info, log::warn);
        int exitCode;
        takeTurn();
        try {
            exitCode = benchrun(args.toArray(), transcript.out(), transcript.err(), basedir.toPath());
        } finally {
            TURN.unlock();
            transcript.close();
        }
        BuildFailures.check(exitCode, transcript);
    }

    private void takeTurn() throws MojoExecutionException {
        if (TURN.tryLock()) {
            return;
        }
        getLog().info("benchrun: waiting for another module's benchrun goal to finish (benchmarks take turns in a"
                + " parallel build)");
        try {
            TURN.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("benchrun: interrupted while waiting for another module's goal", e);
        }
    }

    /** benchrun itself, in this JVM; tests give their own. */
    int benchrun(String[] args, PrintWriter out, PrintWriter err, Path workingDirectory) {
        return Main.execute(args, out, err, workingDirectory, environment());
    }

    /** The environment benchrun sees; tests give their own. */
    Map<String, String> environment() {
        return System.getenv();
    }
}
