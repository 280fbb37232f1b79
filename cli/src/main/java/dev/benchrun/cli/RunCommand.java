package dev.benchrun.cli;

import dev.benchrun.BenchrunException;
import dev.benchrun.ExitCode;
import dev.benchrun.config.Percent;
import dev.benchrun.engine.RunJob;
import dev.benchrun.engine.SessionJob;
import dev.benchrun.engine.SessionService;
import dev.benchrun.engine.Shard;
import dev.benchrun.engine.VariantJob;
import dev.benchrun.model.Report;
import dev.benchrun.render.Format;
import dev.benchrun.render.PlanTable;
import dev.benchrun.render.RenderOptions;
import dev.benchrun.render.RunTable;
import dev.benchrun.render.VariantTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs benchmarks in forked JVMs, prints the results and stores the run. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Run benchmarks in forked JVMs, print the results, store the run.")
final class RunCommand implements Callable<Integer> {

    private final Services services;

    @Mixin
    SelectionOptions selection;

    @Mixin
    ExecutionOptions execution;

    @Option(
            names = "--label",
            paramLabel = "TEXT",
            converter = PrintableText.class,
            description = "A note stored with the run, e.g. a ticket or a change.")
    String label;

    @Option(names = "--dry-run", description = "Print the plan and its estimated wall time; run nothing.")
    boolean dryRun;

    @Option(
            names = "--shard",
            paramLabel = "I/N",
            converter = ShardSpec.class,
            description = "Run only part I of N of the selection, e.g. 1/4 in the first of four CI jobs; join the"
                    + " parts' runs with 'benchrun merge' (docs/ci.md).")
    Shard shard;

    @Option(names = "--fail-on-budget", description = "Exit 1 when a benchmark misses its budget.")
    boolean failOnBudget;

    @Option(
            names = "--baseline",
            paramLabel = "BASELINE",
            completionCandidates = StoredNames.Sides.class,
            description = "Compare with this right after the run: a baseline name, a run id, latest (the newest run "
                    + "before this one) or a file, as for compare.")
    String baseline;

    @Option(
            names = "--save-baseline",
            paramLabel = "NAME",
            completionCandidates = StoredNames.Baselines.class,
            description = "Keep the run as this baseline once it is stored (after the --baseline comparison); "
                    + "with --append, as one more of its runs.")
    String saveBaseline;

    @Mixin
    KeepOptions keeping;

    @Option(
            names = "--against",
            paramLabel = "JAR",
            description = "Run an A/B session: this jar (the older build) against --jar (default: the bundled suites), "
                    + "forks interleaved in pairs, and print the comparison.")
    Path against;

    @Option(
            names = "--against-jvm",
            paramLabel = "PATH",
            description = "The java of the --against side, e.g. another JDK (an A/B session even on one jar).")
    Path againstJvm;

    @Option(
            names = "--against-jvm-args",
            paramLabel = "ARGS",
            description = "The JVM arguments of the --against side instead of --jvm-args, e.g. \"-XX:+UseZGC\".")
    String againstJvmArgs;

    @Option(
            names = "--max-time",
            paramLabel = "TIME",
            converter = WallTime.class,
            description = "A/B: the most the whole session may take, e.g. 10m; shared by the benchmarks.")
    Duration maxTime;

    @Option(
            names = "--max-pairs",
            paramLabel = "N",
            description = "A/B: the most pairs of forks a benchmark takes (default: " + SessionService.DEFAULT_MAX_PAIRS
                    + ", with --duet " + SessionService.DEFAULT_MAX_PAIRS_DUET + ").")
    Integer maxPairs;

    @Option(
            names = "--duet",
            description = "A/B: run the two forks of a pair at once, each pinned to its own half of the CPUs"
                    + " (Linux, two CPUs or more): nearly twice the pairs in the same time, and what disturbs the"
                    + " machine disturbs both.")
    boolean duet;

    @Option(
            names = "--precision",
            paramLabel = "PCT",
            description = "A/B: stop a benchmark once its interval is this narrow either side, e.g. 2%%.")
    String precision;

    @Option(
            names = "--strict-env",
            description = "Refuse to run (exit 2, saying why) when the machine is noisy: load, CPU steal, other busy"
                    + " processes, swapping or a CPU quota below the forks' threads.")
    boolean strictEnv;

    @Option(
            names = "--commit",
            paramLabel = "SHA",
            converter = PrintableText.class,
            description = "The commit to record for the run, where the jar was built from another checkout than"
                    + " this directory (default: the jar manifest's Git-Commit, else git here).")
    String commit;

    @Option(
            names = "--branch",
            paramLabel = "NAME",
            converter = PrintableText.class,
            description = "The branch to record for the run (default: the jar manifest's Git-Branch, else git here).")
    String branch;

    @Mixin
    GateOptions gate;

    @Mixin
    OutputOptions.ForCompare output;

    RunCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        var context = services.context();
        if (against != null || againstJvm != null || againstJvmArgs != null) {
            if (commit != null || branch != null) {
                throw BenchrunException.input("--commit and --branch name one run's build; the two sides of an A/B"
                        + " session take theirs from each jar's manifest or checkout");
            }
            return session(context);
        }
        if (commit != null && !commit.matches("[0-9a-fA-F]{7,64}")) {
            throw BenchrunException.input("--commit '" + commit + "': not a commit id (7 to 64 hexadecimal digits)");
        }
        if (branch != null && branch.isBlank()) {
            throw BenchrunException.input("--branch is empty: give the branch's name");
        }
        if (maxTime != null || maxPairs != null || precision != null || duet) {
            throw BenchrunException.input(
                    "--max-time, --max-pairs, --precision and --duet are for an A/B session: add --against");
        }
        var profiles = list(execution.profile, "--profile");
        var jvms = list(execution.jvm == null ? null : execution.jvm.toString(), "--jvm");
        if (profiles.size() > 1 || jvms.size() > 1) {
            return variants(
                    context,
                    profiles,
                    jvms.stream().map(j -> context.workingDir().resolve(j)).toList());
        }
        if (output.output != null || output.format() != Format.TABLE) {
            if (baseline == null) {
                throw BenchrunException.input("--format and -o are for the comparison: add --against or --baseline");
            }
        }
        output.check(context);
        var compare = baseline == null
                ? null
                : gate.request(
                        baseline, null, execution.profile, selection.manifest(context), context.workingDir(), null);
        if (saveBaseline == null && (keeping.append || keeping.force || keeping.keep != null)) {
            throw BenchrunException.input(
                    "--append, --keep and --force say how to keep the run: add --save-baseline NAME");
        }
        var keep = saveBaseline == null
                ? null
                : keeping.request(saveBaseline, null, context.workingDir(), selection.manifest(context));
        var outcome = services.runs()
                .run(new RunJob(
                        execution.request(context, selection, label),
                        dryRun,
                        compare,
                        keep,
                        strictEnv,
                        commit,
                        branch,
                        shard));
        var style = services.style();
        if (outcome.run() == null) {
            context.out().print(PlanTable.render(outcome.plan(), style));
            return ExitCode.OK.code();
        }
        context.out().print(RunTable.machine(outcome.machine(), style));
        context.out().print(RunTable.render(outcome.run(), style));
        context.out().print(RunTable.noise(outcome.machine(), style));
        if (outcome.notStored() == null) {
            context.out().print(RunTable.stored(outcome.run(), outcome.runDir()));
        }
        if (outcome.comparison() != null) {
            if (output.output == null && output.format() == Format.TABLE) {
                context.out().println();
            }
            output.write(Report.of(outcome.comparison()), new RenderOptions(style, gate.failOn, gate.strict), context);
        }
        if (outcome.savedBaseline() != null) {
            if (!services.global().quiet) {
                SaveBaselineCommand.report(outcome.savedBaseline(), keep.append(), context.err(), context.err());
            }
        } else if (keep != null && outcome.notStored() == null) {
            context.err()
                    .println("Note: the run was not kept as baseline '" + saveBaseline + "': "
                            + (outcome.run().interrupted() ? "it was interrupted" : "it has no results"));
        }
        if (outcome.notStored() != null) {
            context.out().flush();
            throw BenchrunException.execution(outcome.notStored() + "; its results are printed above");
        }
        return ExitCodes.of(outcome.run(), outcome.comparison(), gate.gates(failOnBudget));
    }

    /** The names of a comma-separated option, e.g. {@code --profile quick,g1}; empty where not given. */
    private static List<String> list(String value, String option) {
        if (value == null) {
            return List.of();
        }
        var names = List.of(value.split(",", -1));
        if (names.stream().anyMatch(String::isBlank)) {
            throw BenchrunException.input(option + " '" + value + "': an empty name; give NAME or NAME,NAME,...");
        }
        return names;
    }

    /** {@code run --profile A,B} or {@code --jvm A,B}: the variants interleaved, stored as runs, shown side by side. */
    private int variants(Context context, List<String> profiles, List<Path> jvms) {
        if (baseline != null) {
            throw BenchrunException.input("--baseline compares one run: a variant run stores a run per variant,"
                    + " which 'benchrun compare BASELINE RUN' takes one at a time");
        }
        if (shard != null) {
            throw BenchrunException.input("--shard is for a run of one variant: give one --profile and one --jvm");
        }
        if (saveBaseline != null || keeping.append || keeping.force || keeping.keep != null) {
            throw BenchrunException.input("--save-baseline is for a run of one variant: 'benchrun save-baseline NAME"
                    + " --run ID' keeps any variant's run");
        }
        if (output.output != null || output.format() != Format.TABLE) {
            throw BenchrunException.input("--format and -o are for a comparison; a variant run prints its table,"
                    + " and 'benchrun report RUN' writes it as Markdown, HTML or JSON");
        }
        var outcome = services.variants()
                .run(new VariantJob(
                        execution.request(context, selection, label),
                        profiles,
                        jvms,
                        dryRun,
                        strictEnv,
                        commit,
                        branch));
        var style = services.style();
        if (outcome.dryRun()) {
            context.out()
                    .print(PlanTable.render(
                            outcome.names(), outcome.plans(), outcome.estimate(), outcome.notes(), style));
            return ExitCode.OK.code();
        }
        context.out().print(RunTable.machine(outcome.machine(), style));
        for (int v = 0; v < outcome.runs().size(); v++) {
            context.out().println("Variant " + style.bold(outcome.names().get(v)) + ":");
            context.out().print(RunTable.render(outcome.runs().get(v), style));
            context.out().println();
        }
        if (outcome.table() != null) {
            context.out().println("Side by side:");
            context.out().print(VariantTable.render(outcome.table(), style));
        }
        context.out().print(RunTable.noise(outcome.machine(), style));
        if (outcome.notStored() == null) {
            context.out().print(RunTable.storedVariants(outcome.names(), outcome.runs(), outcome.dirs()));
        }
        if (outcome.notStored() != null) {
            context.out().flush();
            throw BenchrunException.execution(outcome.notStored() + "; its results are printed above");
        }
        return ExitCodes.of(outcome.runs(), gate.gates(failOnBudget));
    }

    /** {@code run --against}: both sides in one session, judged by their pairs. */
    private int session(Context context) {
        if (baseline != null) {
            throw BenchrunException.input("--baseline and --against are two ways to compare: give one");
        }
        if (shard != null) {
            throw BenchrunException.input("--shard is for a run of one build: an A/B session judges its pairs as"
                    + " they run, so split its selection with --category or --filter instead");
        }
        if (saveBaseline != null || keeping.append || keeping.force || keeping.keep != null) {
            throw BenchrunException.input("--save-baseline is for a run of one build: an A/B session's two sides "
                    + "are stored as runs, and 'benchrun save-baseline NAME --run ID' keeps either");
        }
        output.check(context);
        var sides = new SessionJob.Against(
                against == null ? null : context.workingDir().resolve(against),
                againstJvm == null ? null : context.workingDir().resolve(againstJvm),
                againstJvmArgs == null ? null : ExecutionOptions.splitArgs(againstJvmArgs, "--against-jvm-args"));
        if (sides.jar() != null && !Files.isRegularFile(sides.jar())) {
            throw BenchrunException.input("--against " + sides.jar() + ": file not found");
        }
        var compare =
                gate.request(null, null, execution.profile, selection.manifest(context), context.workingDir(), null);
        var outcome = services.sessions()
                .run(new SessionJob(
                        execution.request(context, selection, label),
                        sides,
                        dryRun,
                        compare,
                        maxTime,
                        maxPairs,
                        precision == null ? null : Percent.parse(precision).fraction(),
                        duet,
                        strictEnv));
        var style = services.style();
        if (outcome.comparison() == null) {
            context.out().print(PlanTable.render(outcome.plan(), style));
            return ExitCode.OK.code();
        }
        boolean toStdout = output.output == null || output.output.toString().equals("-");
        var about = toStdout && output.format() != Format.TABLE ? context.err() : context.out();
        about.print(RunTable.machine(outcome.machine(), style));
        about.flush();
        output.write(Report.of(outcome.comparison()), new RenderOptions(style, gate.failOn, gate.strict), context);
        about.print(RunTable.sessionFailures(outcome.baseline(), outcome.candidate(), style));
        if (outcome.notStored() == null) {
            about.print(RunTable.storedSession(
                    outcome.baseline(), outcome.baselineDir(), outcome.candidate(), outcome.candidateDir()));
        }
        about.flush();
        if (outcome.notStored() != null) {
            throw BenchrunException.execution(outcome.notStored() + "; its comparison is printed above");
        }
        return ExitCodes.of(
                outcome.interrupted(),
                outcome.failed(),
                outcome.candidate(),
                outcome.comparison(),
                gate.gates(failOnBudget));
    }
}
