package dev.benchrun.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes that never leave a half-written file where a good one was: the content goes to a
 * temporary file in the same directory, is forced to disk, and is then renamed into place.
 */
public final class AtomicFiles {

    /** Writes the content of a temporary file; may fail or be killed half way. */
    @FunctionalInterface
    public interface Content {
        void writeTo(FileChannel channel) throws IOException;
    }

    private AtomicFiles() {}

    /** Replaces {@code target} with the text, atomically. */
    public static void write(Path target, String text) throws IOException {
        write(target, channel -> writeFully(channel, text), true);
    }

    /**
     * Creates {@code target} with the text, atomically; fails with {@link FileAlreadyExistsException}
     * if it exists, even when another process creates it at the same moment.
     */
    public static void create(Path target, String text) throws IOException {
        write(target, channel -> writeFully(channel, text), false);
    }

    public static void write(Path target, Content content, boolean replace) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // Created without explicit permissions, so the file gets the umask's (e.g. 0644) as any new
        // file would; reports are served and shared, and a baseline is committed.
        Path temp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (var channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                content.writeTo(channel);
                channel.force(true);
            }
            if (replace) {
                moveAtomically(temp, target);
            } else {
                // link(2) fails if the target exists: an atomic "create, never overwrite".
                Files.createLink(target, temp);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Renames a file or a whole directory into place in one step. */
    public static void moveAtomically(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * What went wrong, in the user's words: the file and the system's reason, never an exception's
     * class name (an {@link AccessDeniedException}'s message is only the path).
     */
    public static String describe(IOException e) {
        return e instanceof FileSystemException f && f.getFile() != null ? f.getFile() + ": " + reason(e) : reason(e);
    }

    /**
     * The system's reason alone ("No space left on device", "permission denied"), for a message
     * that names the file itself.
     */
    public static String reason(IOException e) {
        if (e instanceof FileSystemException f) {
            return f.getReason() != null ? f.getReason() : reasonOf(f);
        }
        return e.getMessage() == null ? "I/O error" : e.getMessage();
    }

    private static String reasonOf(FileSystemException f) {
        if (f instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (f instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (f instanceof DirectoryNotEmptyException) {
            return "directory not empty";
        }
        if (f instanceof FileAlreadyExistsException) {
            return "file exists";
        }
        return "I/O error";
    }

    /**
     * Removes a directory and what it holds, as far as it can: for staging and temporary directories
     * that will never be published, where what cannot be removed is left, harmless, for the user.
     */
    public static void deleteTreeQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // Left behind; nothing the user has to act on.
                }
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            // As above.
        }
    }

    private static void writeFully(FileChannel channel, String text) throws IOException {
        var buffer = StandardCharsets.UTF_8.encode(text);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }
}
