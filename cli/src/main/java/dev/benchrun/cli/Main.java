package dev.benchrun.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

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
}
