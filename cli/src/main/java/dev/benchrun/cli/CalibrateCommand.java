package dev.benchrun.cli;

import dev.benchrun.BenchrunException;
import dev.benchrun.ExitCode;
import dev.benchrun.config.Percent;
import dev.benchrun.engine.CalibrateRequest;
import dev.benchrun.json.Json;
import dev.benchrun.render.CalibrationTable;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Measures what this machine can detect: the selection run several times with the same code. */
@Command(
        name = "calibrate",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Run the selected benchmarks several times with the same code and say, per benchmark, the "
                + "smallest change a stored baseline and an A/B session would detect on this machine.")
final class CalibrateCommand implements Callable<Integer> {

    /** The formats calibrate writes. */
    enum Output {
        table,
        json
    }

    private final Services services;

    @Mixin
    SelectionOptions selection;

    @Mixin
    ExecutionOptions execution;

    @Option(
            names = "--runs",
            paramLabel = "N",
            description = "How many runs to make (default: ${DEFAULT-VALUE}); more runs measure the drift "
                    + "between them better.")
    int runs = 3;

    @Option(
            names = "--target",
            paramLabel = "PCT",
            description = "The change to detect, e.g. 2%%; default: each category's warning threshold.")
    String target;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Output format = Output.table;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "Write to this file instead of standard output ('-': standard output).")
    Path output;

    CalibrateCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        var context = services.context();
        Destination.check(output, context);
        if (runs < 2) {
            throw BenchrunException.input("--runs " + runs + ": calibrating needs at least 2 runs");
        }
        Double goal = target == null ? null : Percent.parse(target).fraction();
        var calibrated = services.calibrations()
                .calibrate(new CalibrateRequest(execution.request(context, selection, null), runs, goal));
        String text = format == Output.json
                ? Json.write(calibrated.calibration()) + System.lineSeparator()
                : CalibrationTable.render(calibrated.calibration(), calibrated.file(), services.style());
        Destination.write(text, output, context);
        if (calibrated.notStored() != null) {
            throw BenchrunException.execution(calibrated.notStored() + "; it is printed above");
        }
        return ExitCode.OK.code();
    }
}
