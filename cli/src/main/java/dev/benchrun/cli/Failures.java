package dev.benchrun.cli;

import dev.benchrun.BenchrunException;
import dev.benchrun.ExitCode;
import dev.benchrun.render.Printable;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * How a failure reaches the user: one line on stderr that names the thing at fault, and the exit
 * code of its kind (docs/exit-codes.md); a stack trace only with {@code --verbose}. A control
 * character in the message (a newline in a name the user typed) is shown as an escape, so the line
 * stays one line.
 */
final class Failures implements IParameterExceptionHandler, IExecutionExceptionHandler {

    private final GlobalOptions global;

    Failures(GlobalOptions global) {
        this.global = global;
    }

    /** A usage error found by the option parser: exit 2, and where the help is. */
    @Override
    public int handleParseException(ParameterException e, String[] args) {
        var cmd = e.getCommandLine();
        cmd.getErr().println("benchrun: " + Printable.visible(e.getMessage()));
        cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
        cmd.getErr().flush();
        return ExitCode.INPUT.code();
    }

    /** An error while a command ran: the exit code it carries; anything unexpected is exit 3. */
    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
        var err = cmd.getErr();
        if (e instanceof BenchrunException b) {
            err.println("benchrun: " + Printable.visible(b.getMessage()));
            if (global.verbose && b.getCause() != null) {
                b.getCause().printStackTrace(err);
            }
            err.flush();
            return b.exitCode().code();
        }
        err.println("benchrun: internal error: " + Printable.visible(String.valueOf(e)));
        if (global.verbose) {
            e.printStackTrace(err);
        } else {
            err.println("Run again with --verbose for the stack trace.");
        }
        err.flush();
        return ExitCode.EXECUTION.code();
    }
}
