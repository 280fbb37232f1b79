package dev.benchrun.cli;

import dev.benchrun.render.Style;
import dev.benchrun.store.Store;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every command takes, before or after its name. */
public final class GlobalOptions {

    /** The root's one option whose value may be the next argument. */
    static final String STORE = "--store";

    Path store;
    boolean noColor;
    boolean quiet;
    boolean verbose;

    @Option(
            names = STORE,
            paramLabel = "DIR",
            scope = ScopeType.INHERIT,
            description = "Where runs and baselines live (default: $BENCHRUN_STORE, else .benchrun/ here).")
    void store(Path dir) {
        this.store = dir;
    }

    @Option(names = "--no-color", scope = ScopeType.INHERIT, description = "No colour (also when NO_COLOR is set).")
    void noColor(boolean value) {
        this.noColor = value;
    }

    @Option(
            names = {"-q", "--quiet"},
            scope = ScopeType.INHERIT,
            description = "No progress or notes; results and errors only.")
    void quiet(boolean value) {
        this.quiet = value;
    }

    @Option(
            names = {"-v", "--verbose"},
            scope = ScopeType.INHERIT,
            description = "More detail; stack traces on errors.")
    void verbose(boolean value) {
        this.verbose = value;
    }

    Store store(Context context) {
        if (store != null) {
            return new Store(context.workingDir().resolve(store));
        }
        String fromEnv = context.env().get("BENCHRUN_STORE");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new Store(context.workingDir().resolve(fromEnv));
        }
        return new Store(context.workingDir().resolve(".benchrun"));
    }

    Style style(Context context) {
        String noColorEnv = context.env().get("NO_COLOR");
        boolean color = context.terminal() && !noColor && (noColorEnv == null || noColorEnv.isEmpty());
        return new Style(color);
    }
}
