package dev.benchrun.cli;

import dev.benchrun.BenchrunException;
import dev.benchrun.store.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where rendered output goes: standard output, or the path given with {@code -o}. A path the user
 * names is theirs: a device, FIFO or other non-regular file is written in place, a symlink is
 * followed to its target, and only a regular file (or a new path) is replaced by a temporary file
 * and a rename, so a reader never sees half a report. New files get the umask's permissions.
 */
final class Destination {

    /** {@code -o -}: standard output. */
    static final String STANDARD_OUTPUT = "-";

    /** Linux follows at most 40 links in one path; a longer chain is a loop. */
    private static final int MAX_LINKS = 40;

    private Destination() {}

    /**
     * Refuses, before any work is done, a path that cannot take the output: a directory, a read-only
     * file, a path below one that is not a directory, a directory that cannot be written. Input
     * errors, exit 2; a write that fails later (a full disk) is an execution failure, exit 3, as for
     * the store.
     */
    static void check(Path file, Context context) {
        if (file == null || file.toString().equals(STANDARD_OUTPUT)) {
            return;
        }
        Path named = context.workingDir().resolve(file);
        if (Files.isDirectory(named)) {
            throw BenchrunException.input("-o " + file + ": is a directory; name a file, or '-' for standard output");
        }
        if (Files.exists(named) && !Files.isRegularFile(named)) {
            if (!Files.isWritable(named)) {
                throw BenchrunException.input("-o " + file + ": cannot be written (permission denied)");
            }
            return;
        }
        if (Files.isRegularFile(named) && !Files.isWritable(named)) {
            throw BenchrunException.input("-o " + file + ": the file is read-only; benchrun does not replace it");
        }
        Path directory;
        try {
            directory = followLinks(named).getParent();
        } catch (IOException e) {
            throw BenchrunException.input("-o " + file + ": " + AtomicFiles.reason(e), e);
        }
        while (directory != null && !Files.exists(directory)) {
            directory = directory.getParent(); // missing directories are created when writing
        }
        if (directory == null || !Files.isDirectory(directory)) {
            throw BenchrunException.input("-o " + file + ": " + directory + " is not a directory");
        }
        if (!Files.isWritable(directory)) {
            throw BenchrunException.input("-o " + file + ": directory " + directory + " cannot be written");
        }
    }

    static void write(String text, Path file, Context context) {
        if (file == null || file.toString().equals(STANDARD_OUTPUT)) {
            context.out().print(text);
            context.out().flush();
            return;
        }
        check(file, context);
        Path named = context.workingDir().resolve(file);
        try {
            if (Files.exists(named) && !Files.isRegularFile(named)) {
                // A device, a FIFO, /proc/self/fd/1: opened and written as a shell redirection
                // would, through any symlink (the kernel resolves the ones that are not paths).
                Files.writeString(named, text, StandardCharsets.UTF_8, StandardOpenOption.WRITE);
            } else {
                AtomicFiles.write(followLinks(named), text);
            }
        } catch (IOException e) {
            throw BenchrunException.execution("could not write " + named + ": " + AtomicFiles.reason(e), e);
        }
    }

    /** The path a chain of symlinks ends at, which need not exist yet (a dangling link names a new file). */
    static Path followLinks(Path path) throws IOException {
        Path current = path.toAbsolutePath();
        for (int i = 0; i < MAX_LINKS; i++) {
            if (!Files.isSymbolicLink(current)) {
                return current;
            }
            Path link = Files.readSymbolicLink(current);
            current = current.resolveSibling(link).normalize();
        }
        throw new FileSystemException(path.toString(), null, "too many levels of symbolic links");
    }
}
