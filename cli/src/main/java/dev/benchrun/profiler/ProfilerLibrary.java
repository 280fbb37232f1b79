package dev.benchrun.profiler;

import dev.benchrun.BenchrunException;
import dev.benchrun.store.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The bundled async-profiler library, extracted once per version and platform into the store's
 * cache ({@code <store>/cache/async-profiler/<version>/<platform>/libasyncProfiler.so}). A native
 * library must be a file to be loaded; the store, not the user's home, is where benchrun writes.
 */
public final class ProfilerLibrary {

    static final String FILE_NAME = "libasyncProfiler.so";
    private static final String POM_PROPERTIES = "/META-INF/maven/tools.profiler/async-profiler/pom.properties";

    private ProfilerLibrary() {}

    /** The version of the bundled async-profiler, from its jar's Maven metadata. */
    public static String version() {
        try (InputStream in = ProfilerLibrary.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) {
                throw BenchrunException.execution("this benchrun was built without async-profiler (" + POM_PROPERTIES
                        + " is missing): rebuild it with 'mvn package'");
            }
            var properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw BenchrunException.execution("cannot read the bundled async-profiler's version: " + e.getMessage(), e);
        }
    }

    /** The library for this platform, extracted into {@code cacheRoot} if it is not there yet. */
    public static Path extract(Path cacheRoot, Platform platform) {
        String version = version();
        Path target = cacheRoot
                .resolve("async-profiler")
                .resolve(version)
                .resolve(platform.directory())
                .resolve(FILE_NAME);
        if (Files.isRegularFile(target)) {
            // Written atomically: if it is there, it is whole.
            return target;
        }
        String resource = "/" + platform.directory() + "/" + FILE_NAME;
        try (InputStream in = ProfilerLibrary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw BenchrunException.execution("the bundled async-profiler " + version + " has no library for "
                        + platform.directory() + " (" + resource + ")");
            }
            byte[] bytes = in.readAllBytes();
            AtomicFiles.write(
                    target,
                    channel -> {
                        var buffer = ByteBuffer.wrap(bytes);
                        while (buffer.hasRemaining()) {
                            channel.write(buffer);
                        }
                    },
                    true);
            return target;
        } catch (IOException e) {
            throw BenchrunException.execution("cannot extract async-profiler to " + target + ": " + e.getMessage(), e);
        }
    }
}
