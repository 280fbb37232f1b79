package dev.benchrun;

/**
 * An error a user can act on: the message is one line naming the thing (file, name, option)
 * and what to do; the exit code says which kind of failure it is.
 */
public class BenchrunException extends RuntimeException {

    private final ExitCode exitCode;

    public BenchrunException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public BenchrunException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    /** Bad input: an option, a name, a file. Exit code 2. */
    public static BenchrunException input(String message) {
        return new BenchrunException(ExitCode.INPUT, message);
    }

    public static BenchrunException input(String message, Throwable cause) {
        return new BenchrunException(ExitCode.INPUT, message, cause);
    }

    /** Something failed while executing: a fork, a benchmark, the profiler. Exit code 3. */
    public static BenchrunException execution(String message) {
        return new BenchrunException(ExitCode.EXECUTION, message);
    }

    public static BenchrunException execution(String message, Throwable cause) {
        return new BenchrunException(ExitCode.EXECUTION, message, cause);
    }
}
