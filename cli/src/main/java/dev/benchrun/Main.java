package dev.benchrun;

import dev.benchrun.cli.BenchrunCommand;

/** The only place that knows about the process: standard streams and the exit status. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(BenchrunCommand.execute(args));
    }
}
