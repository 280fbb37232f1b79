package dev.benchrun;

/** The process exit codes, the same for every command (docs/exit-codes.md). */
public enum ExitCode {
    /** Success; no gate failed. */
    OK(0),
    /** A gate failed: regression, allocation gate or budget gate. */
    GATE_FAILED(1),
    /** Usage or input error: bad option, unknown baseline or run, malformed or incompatible file. */
    INPUT(2),
    /** Execution failure: a fork crashed, a benchmark threw, the profiler could not attach. */
    EXECUTION(3),
    /** Interrupted (Ctrl-C); what finished is kept. */
    INTERRUPTED(130);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
