package dev.benchrun.cli;

import dev.benchrun.engine.BaselineService;
import dev.benchrun.engine.CalibrateService;
import dev.benchrun.engine.CompareService;
import dev.benchrun.engine.ListService;
import dev.benchrun.engine.MergeService;
import dev.benchrun.engine.ProfileService;
import dev.benchrun.engine.ReportService;
import dev.benchrun.engine.RunService;
import dev.benchrun.engine.SessionService;
import dev.benchrun.engine.VariantService;
import dev.benchrun.host.Interrupts;
import dev.benchrun.host.NoiseProbe;
import dev.benchrun.jmh.JmhLauncher;
import dev.benchrun.model.RunProgress;
import dev.benchrun.profiler.EventProbe;
import dev.benchrun.render.ProgressDisplay;
import dev.benchrun.render.Style;
import dev.benchrun.store.Store;
import java.nio.file.Path;
import java.util.function.Function;
import picocli.CommandLine;

/**
 * The wiring of one benchrun invocation: the use cases, built from the context and the parsed
 * global options, and the factory picocli creates the commands with. Tests build it with a fake
 * JMH, so they run the same command tree in process.
 */
public final class Services implements CommandLine.IFactory {

    private final Context context;
    private final JmhLauncher jmh;
    private final Function<Path, EventProbe.Sampler> sampler;
    private final NoiseProbe noise;
    private final GlobalOptions global = new GlobalOptions();
    private final Interrupts interrupts = new Interrupts();
    private RunProgress progress;

    public Services(Context context) {
        this(context, JmhLauncher.PROCESSES, EventProbe::inProcess, NoiseProbe.system());
    }

    /**
     * @param sampler tries profiler events with the library at a path; the real one loads it into this JVM
     * @param noise reads how quiet the machine is; tests give it a tree of fake {@code /proc} and {@code /sys} files
     */
    Services(Context context, JmhLauncher jmh, Function<Path, EventProbe.Sampler> sampler, NoiseProbe noise) {
        this.context = context;
        this.jmh = jmh;
        this.sampler = sampler;
        this.noise = noise;
    }

    /** Commands get this object; mixins and picocli's own commands are made as picocli makes them. */
    @Override
    public <K> K create(Class<K> type) throws Exception {
        try {
            return type.getDeclaredConstructor(Services.class).newInstance(this);
        } catch (NoSuchMethodException e) {
            return CommandLine.defaultFactory().create(type);
        }
    }

    Context context() {
        return context;
    }

    GlobalOptions global() {
        return global;
    }

    Style style() {
        return global.style(context);
    }

    SessionService sessions() {
        return new SessionService(store(), jmh, interrupts, progress(), noise);
    }

    VariantService variants() {
        return new VariantService(store(), jmh, interrupts, progress(), noise);
    }

    RunService runs() {
        return new RunService(store(), jmh, interrupts, progress(), noise);
    }

    ProfileService profiles() {
        return profiles(progress());
    }

    /** Profiles of regressions are made on the way to the comparison: shown as they run, not announced. */
    CompareService comparisons() {
        return new CompareService(store(), profiles(progress().withoutStart()));
    }

    ReportService reports() {
        return new ReportService(store(), comparisons(), context.err()::println);
    }

    CalibrateService calibrations() {
        return new CalibrateService(store(), runs());
    }

    BaselineService baselines() {
        return new BaselineService(store());
    }

    MergeService merges() {
        return new MergeService(store());
    }

    ListService listings() {
        return new ListService(store());
    }

    /** The command has reported what it did: after Ctrl-C, the JVM may exit now. */
    void reported() {
        interrupts.reported();
    }

    private Store store() {
        return global.store(context);
    }

    private ProfileService profiles(RunProgress shownAs) {
        return new ProfileService(store(), jmh, interrupts, shownAs, sampler, noise);
    }

    private RunProgress progress() {
        if (progress == null) {
            progress = new ProgressDisplay(context.err(), context.terminal(), global.quiet, style());
        }
        return progress;
    }
}
