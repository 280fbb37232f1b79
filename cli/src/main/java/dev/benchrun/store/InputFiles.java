package dev.benchrun.store;

import dev.benchrun.BenchrunException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a file benchrun is given or keeps (run.json, a baseline, JMH's JSON, a profile, a
 * manifest) as UTF-8 text; whatever stands in the way is one exit-2 line naming the file.
 */
public final class InputFiles {

    private InputFiles() {}

    /** @param kind what the file should be, for the message ("profile", "manifest"); empty for any */
    public static String read(Path file, String kind) {
        String named = kind.isEmpty() ? "file" : kind + " file";
        if (Files.isDirectory(file)) {
            throw BenchrunException.input(file + " is a directory, not a " + named);
        }
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw BenchrunException.input(named + " not found: " + file, e);
        } catch (CharacterCodingException e) {
            throw BenchrunException.input(
                    file + " is not UTF-8 text (a binary file, or another encoding?): give a " + named + " in UTF-8",
                    e);
        } catch (IOException e) {
            throw BenchrunException.input("cannot read " + file + ": " + AtomicFiles.reason(e), e);
        }
    }
}
