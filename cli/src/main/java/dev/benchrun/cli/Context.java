package dev.benchrun.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a command may know of the process: its writers, whether they go to a terminal, the
 * environment variables and the working directory. Tests pass their own.
 */
public record Context(PrintWriter out, PrintWriter err, boolean terminal, Map<String, String> env, Path workingDir) {

    public Context {
        env = Map.copyOf(env);
    }
}
