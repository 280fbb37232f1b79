package dev.benchrun.e2e;

import dev.benchrun.store.AtomicFiles;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A writer that gets killed mid-save: it writes half a file through benchrun's atomic writer,
 * says so, and then waits on its standard input until the test kills the process.
 */
public final class HalfWriter {

    private HalfWriter() {}

    public static void main(String[] args) throws Exception {
        AtomicFiles.write(
                Path.of(args[0]),
                channel -> {
                    channel.write(ByteBuffer.wrap(
                            "{\"schemaVersion\": 1, \"name\": \"main\", \"run\": {".getBytes(StandardCharsets.UTF_8)));
                    channel.force(true);
                    System.out.println("HALF");
                    System.out.flush();
                    System.in.read(); // blocks: the test kills this process here
                },
                true);
    }
}
