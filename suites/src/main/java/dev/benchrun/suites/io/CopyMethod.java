package dev.benchrun.suites.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.MappedByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The three ways {@code file_copy} copies a file. Each overwrites the target in place and then cuts it
 * to the source's length, rather than truncating it to zero first: on ext4 (auto_da_alloc), a file
 * truncated to zero and rewritten is flushed to disk on close, and every method would measure the disk.
 */
public enum CopyMethod {
    /** A read/write loop over a 64 KiB buffer between an InputStream and an OutputStream. */
    STREAM("stream") {
        @Override
        void copy(Path source, Path target) throws IOException {
            byte[] buffer = new byte[BUFFER_SIZE];
            // An explicit loop, not InputStream.transferTo: newer JDKs turn that into a channel
            // transfer between files, which would make this the same as TRANSFER_TO.
            try (InputStream in = Files.newInputStream(source);
                    var channel = FileChannel.open(target, WRITE);
                    OutputStream out = Channels.newOutputStream(channel)) {
                long copied = 0;
                int read;
                while ((read = in.read(buffer)) > 0) {
                    out.write(buffer, 0, read);
                    copied += read;
                }
                channel.truncate(copied);
            }
        }
    },
    /** FileChannel.transferTo, which Linux serves in the kernel (copy_file_range / sendfile). */
    TRANSFER_TO("transferTo") {
        @Override
        void copy(Path source, Path target) throws IOException {
            try (var in = FileChannel.open(source, StandardOpenOption.READ);
                    var out = FileChannel.open(target, WRITE)) {
                long size = in.size();
                long position = 0;
                while (position < size) {
                    position += in.transferTo(position, size - position, out);
                }
                out.truncate(size);
            }
        }
    },
    /** Both files memory-mapped, one bulk put from the source mapping into the target mapping, then unmapped. */
    MMAP("mmap") {
        @Override
        void copy(Path source, Path target) throws IOException {
            try (var in = FileChannel.open(source, StandardOpenOption.READ);
                    var out = FileChannel.open(target, READ_WRITE)) {
                long size = in.size();
                if (size > Integer.MAX_VALUE) {
                    throw new IOException("mmap copy maps the file whole; " + size + " bytes is more than one mapping");
                }
                out.truncate(size); // mapping grows a shorter target, but never shrinks a longer one
                MappedByteBuffer from = in.map(FileChannel.MapMode.READ_ONLY, 0, size);
                MappedByteBuffer to = out.map(FileChannel.MapMode.READ_WRITE, 0, size);
                to.put(from);
                // Unmap now rather than at some later GC: the cost belongs to this copy, and
                // thousands of pending mappings per second would hit the process's map limit.
                Mappings.unmap(from);
                Mappings.unmap(to);
            }
        }
    };

    static final int BUFFER_SIZE = 64 * 1024;

    private static final StandardOpenOption[] WRITE = {StandardOpenOption.WRITE, StandardOpenOption.CREATE};
    private static final StandardOpenOption[] READ_WRITE = {
        StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.CREATE
    };

    private final String id;

    CopyMethod(String id) {
        this.id = id;
    }

    /** Copies {@code source} over {@code target}, creating it if needed; afterwards both have the same bytes. */
    abstract void copy(Path source, Path target) throws IOException;

    /** The benchmark's {@code method} parameter value. */
    public String id() {
        return id;
    }

    public static CopyMethod of(String id) {
        for (var method : values()) {
            if (method.id.equals(id)) {
                return method;
            }
        }
        throw new IllegalArgumentException("unknown copy method '" + id + "': expected stream, transferTo or mmap");
    }
}
