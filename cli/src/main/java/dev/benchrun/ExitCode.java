package dev.benchrun;

/** The process exit codes, the same for every command (docs/exit-codes.md). */
public enum ExitCode {
    /** Success; no gate failed. */
    OK(0, "success; no gate failed"),
    /** A gate failed: regression, allocation gate or budget gate. */
    GATE_FAILED(1, "a gate failed (regression, allocation or budget)"),
    /** Usage or input error: bad option, unknown baseline or run, malformed or incompatible file. */
    INPUT(2, "usage or input error (bad option, unknown baseline or run, malformed file)"),
    /** Execution failure: a fork crashed, a benchmark threw, the profiler could not attach. */
    EXECUTION(3, "execution failure (a fork crashed, a benchmark threw, the profiler could not attach)"),
    /** Interrupted (Ctrl-C); what finished is kept. */
    INTERRUPTED(130, "interrupted (Ctrl-C); what finished is kept");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    /** What the code means, as {@code --help} lists it. */
    public String meaning() {
        return meaning;
    }
}
