package dev.benchrun.cli;

import dev.benchrun.ExitCode;
import dev.benchrun.model.Comparison;
import dev.benchrun.model.FailOn;
import dev.benchrun.model.Report;
import dev.benchrun.model.RunResult;
import dev.benchrun.model.Verdict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The one place that turns what a command found into its exit code (docs/exit-codes.md). */
final class ExitCodes {

    /**
     * What the user asked to fail on.
     *
     * @param budgets a missed budget fails ({@code --fail-on-budget})
     * @param strict a baseline benchmark missing from the candidate, or one whose units do not
     *     convert, fails ({@code --strict})
     */
    record Gates(FailOn failOn, boolean budgets, boolean strict) {
        static final Gates NONE = new Gates(FailOn.NEVER, false, false);

        /** {@code report --fail-on}: any gate but {@code never} also fails on a missed budget. */
        static Gates report(FailOn failOn) {
            return new Gates(failOn, failOn != FailOn.NEVER, false);
        }
    }

    private ExitCodes() {}

    /**
     * 130 if the run was interrupted, else 3 if a benchmark failed, else 1 if a gate failed, else 0.
     *
     * @param run null for a comparison of stored runs
     * @param comparison null when nothing was compared
     */
    static int of(RunResult run, Comparison comparison, Gates gates) {
        if (run != null && run.interrupted()) {
            return ExitCode.INTERRUPTED.code();
        }
        if (run != null && !run.failures().isEmpty()) {
            return ExitCode.EXECUTION.code();
        }
        long budgetsMissed = run == null
                ? 0
                : run.benchmarks().stream()
                        .filter(r -> Boolean.FALSE.equals(r.budgetMet()))
                        .count();
        long regressions = comparison == null ? 0 : comparison.count(Verdict.REGRESSION);
        long warnings = comparison == null ? 0 : comparison.count(Verdict.WARNING);
        long inconclusive = comparison == null ? 0 : comparison.count(Verdict.INCONCLUSIVE);
        int unjudged = comparison == null
                ? 0
                : comparison.onlyInBaseline().size() + comparison.notCompared().size();
        return gate(gates, regressions, warnings, inconclusive, budgetsMissed, unjudged);
    }

    /**
     * An A/B session: 130 if interrupted, else 3 if a fork failed on either side, else the gate of
     * the comparison and of the candidate's budgets.
     */
    static int of(boolean interrupted, boolean failed, RunResult candidate, Comparison comparison, Gates gates) {
        if (interrupted) {
            return ExitCode.INTERRUPTED.code();
        }
        if (failed) {
            return ExitCode.EXECUTION.code();
        }
        return of(candidate, comparison, gates);
    }

    /** A variant run: 130 if interrupted, else 3 if a fork of any variant failed, else the gate of every variant's budgets. */
    static int of(List<RunResult> variants, Gates gates) {
        var codes = variants.stream().map(run -> of(run, null, gates)).toList();
        for (var code : List.of(ExitCode.INTERRUPTED, ExitCode.EXECUTION, ExitCode.GATE_FAILED)) {
            if (codes.contains(code.code())) {
                return code.code();
            }
        }
        return ExitCode.OK.code();
    }

    static int of(Comparison comparison, Gates gates) {
        return of(null, comparison, gates);
    }

    /** A report only describes: it fails a gate, never for a failed or interrupted run. */
    static int of(Report report, Gates gates) {
        var total = report.run().total();
        return gate(gates, total.regressions(), total.warnings(), 0, total.budgetsMissed(), 0);
    }

    private static int gate(
            Gates gates, long regressions, long warnings, long inconclusive, long budgetsMissed, long unjudged) {
        boolean failed = switch (gates.failOn()) {
            case REGRESSION -> regressions > 0;
            case WARNING -> regressions + warnings > 0;
            case INCONCLUSIVE -> regressions + warnings + inconclusive > 0;
            case NEVER -> false;
        };
        failed |= gates.budgets() && budgetsMissed > 0 || gates.strict() && unjudged > 0;
        return (failed ? ExitCode.GATE_FAILED : ExitCode.OK).code();
    }

    /** Every exit code and its meaning, for the help: the one list is {@link ExitCode}. */
    static Map<String, String> help() {
        var codes = new LinkedHashMap<String, String>();
        for (var code : ExitCode.values()) {
            codes.put(Integer.toString(code.code()), code.meaning());
        }
        return codes;
    }
}
