package dev.benchrun.cli;

import dev.benchrun.BenchrunException;
import dev.benchrun.store.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;

/** Where rendered output goes: a file given with -o (written atomically), or standard output. */
final class Destination {

    private Destination() {}

    static void write(String text, Path file, Context context) {
        if (file == null) {
            context.out().print(text);
            context.out().flush();
            return;
        }
        Path target = context.workingDir().resolve(file);
        try {
            AtomicFiles.write(target, text);
        } catch (IOException e) {
            throw BenchrunException.input("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
