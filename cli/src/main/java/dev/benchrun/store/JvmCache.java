package dev.benchrun.store;

import dev.benchrun.model.JvmInfo;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;

/**
 * What a java executable said it is, kept in the store ({@code cache/jvm/}) under the fingerprint
 * of everything the answer depends on ({@code host/JvmProbe.fingerprint}), so that a run need not
 * start a JVM to learn it again. A cache only: a file that cannot be read or does not hold the same
 * fingerprint is a miss (and is replaced), and a write that fails is left undone, never an error.
 * A properties file, not JSON: read before the first benchmark starts, it must not wait for the
 * JSON mapper to load.
 */
public final class JvmCache {

    private static final String FINGERPRINT = "fingerprint";

    private final Path store;

    /** @param store the store's root; nothing is written unless it is already a directory */
    public JvmCache(Path store) {
        this.store = store.toAbsolutePath().normalize();
    }

    /** The answer kept for this fingerprint, if there is a readable one. */
    public Optional<JvmInfo> get(String fingerprint) {
        try {
            var kept = new Properties();
            kept.load(new StringReader(Files.readString(file(fingerprint), StandardCharsets.UTF_8)));
            if (!fingerprint.equals(kept.getProperty(FINGERPRINT)) || kept.getProperty("version") == null) {
                return Optional.empty(); // another java's (a hash collision) or not written by benchrun
            }
            int feature = Integer.parseInt(kept.getProperty("feature", ""));
            return feature <= 0
                    ? Optional.empty()
                    : Optional.of(new JvmInfo(
                            kept.getProperty("path"),
                            kept.getProperty("vendor"),
                            kept.getProperty("version"),
                            feature,
                            kept.getProperty("vmName"),
                            kept.getProperty("vmVersion"),
                            kept.getProperty("gc")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // none yet, or garbled: probed again and rewritten
        }
    }

    /** Keeps the answer, atomically; quietly not where the store does not exist yet or cannot be written. */
    public void put(String fingerprint, JvmInfo jvm) {
        if (!Files.isDirectory(store)) {
            return; // a dry run in a fresh directory leaves no store behind
        }
        var kept = new Properties();
        kept.setProperty(FINGERPRINT, fingerprint);
        set(kept, "path", jvm.path());
        set(kept, "vendor", jvm.vendor());
        set(kept, "version", jvm.version());
        kept.setProperty("feature", String.valueOf(jvm.feature()));
        set(kept, "vmName", jvm.vmName());
        set(kept, "vmVersion", jvm.vmVersion());
        set(kept, "gc", jvm.gc());
        try {
            var text = new StringWriter();
            kept.store(text, "what a java said it is; benchrun's cache, safe to delete");
            AtomicFiles.write(file(fingerprint), text.toString());
        } catch (IOException | RuntimeException e) {
            // A full disk or a read-only store costs the next run a probe, nothing more.
        }
    }

    /** Where the answer for a fingerprint is kept. */
    Path file(String fingerprint) {
        return store.resolve("cache").resolve("jvm").resolve(fnv1a(fingerprint) + ".properties");
    }

    private static void set(Properties kept, String key, String value) {
        if (value != null) {
            kept.setProperty(key, value);
        }
    }

    /**
     * The 64-bit FNV-1a hash of the text, in hex: a file name, not a check (the file holds the whole
     * fingerprint), and without the tens of milliseconds a message digest's providers take to load.
     */
    static String fnv1a(String text) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return HexFormat.of().toHexDigits(hash);
    }
}
