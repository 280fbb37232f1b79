package dev.benchrun.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** The only place that knows about the process: standard streams, environment, exit status. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        var out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        var err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        var context = new Context(
                out, err, System.console() != null, System.getenv(), Path.of("").toAbsolutePath());
        System.exit(BenchrunCommand.execute(new Services(context), args));
    }

    /**
     * Runs benchrun in this JVM as {@code benchrun ARGS} would run in {@code workingDir} with
     * {@code env}, and returns its exit code (docs/exit-codes.md); it never exits the JVM. For
     * front ends that embed the tool, such as the Maven plugin: one engine, judged the same way.
     * Their writers are not a terminal, so the output is plain and progress is one line per
     * finished benchmark.
     *
     * @param out what benchrun prints on standard output: tables, stored runs, documents
     * @param err what it prints on standard error: progress, notes, the error line
     * @param workingDir what relative paths, {@code ./benchrun.yaml}, {@code ./profiles/} and the
     *     default store {@code .benchrun/} are resolved against
     * @param env the environment variables benchrun reads ({@code BENCHRUN_STORE}, {@code NO_COLOR}, …)
     */
    public static int execute(
            String[] args, PrintWriter out, PrintWriter err, Path workingDir, Map<String, String> env) {
        var context = new Context(out, err, false, env, workingDir.toAbsolutePath());
        return BenchrunCommand.execute(new Services(context), args);
    }
}
