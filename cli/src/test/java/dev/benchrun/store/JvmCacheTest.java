package dev.benchrun.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchrun.model.JvmInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's cache of what java executables said they are: a hit, a miss, and never an error. */
class JvmCacheTest {

    private static final JvmInfo TEMURIN = new JvmInfo(
            "/opt/jdk-21/bin/java",
            "Eclipse Adoptium",
            "21.0.5",
            21,
            "OpenJDK 64-Bit Server VM",
            "21.0.5+11-LTS",
            "G1");
    private static final String FINGERPRINT = "java=/opt/jdk-21/bin/java 14392@2026-11-01T08:40:21Z cpus=2";

    @TempDir
    Path store;

    @Test
    void whatWasKeptIsFoundUnderTheSameFingerprint() {
        var cache = new JvmCache(store);
        assertThat(cache.get(FINGERPRINT)).isEmpty();

        cache.put(FINGERPRINT, TEMURIN);

        assertThat(cache.get(FINGERPRINT)).contains(TEMURIN);
        assertThat(new JvmCache(store).get(FINGERPRINT))
                .as("read back by the next run")
                .contains(TEMURIN);
    }

    @Test
    void anAnswerWithoutACollectorOrVendorKeepsItsNulls() {
        var cache = new JvmCache(store);
        var old = new JvmInfo("/usr/bin/java", null, "1.8.0_402", 8, null, null, null);

        cache.put(FINGERPRINT, old);

        assertThat(cache.get(FINGERPRINT)).contains(old);
    }

    @Test
    void anotherFingerprintIsAMiss() {
        var cache = new JvmCache(store);
        cache.put(FINGERPRINT, TEMURIN);

        assertThat(cache.get(FINGERPRINT.replace("14392@", "14400@"))).isEmpty();
        assertThat(cache.get(FINGERPRINT.replace("08:40:21Z", "09:12:00Z"))).isEmpty();
    }

    @Test
    void aFileHoldingAnotherFingerprintIsAMissEvenUnderTheSameName() throws Exception {
        var cache = new JvmCache(store);
        cache.put(FINGERPRINT, TEMURIN);
        Path file = cache.file(FINGERPRINT);
        Files.writeString(file, Files.readString(file).replace("cpus\\=2", "cpus\\=64"));

        assertThat(cache.get(FINGERPRINT)).isEmpty();
    }

    @Test
    void aCorruptFileIsAMissAndIsReplacedWhole() throws Exception {
        var cache = new JvmCache(store);
        Path file = cache.file(FINGERPRINT);
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[] {(byte) 0xff, 0, 'x', '\\', 'u', '1'});
        assertThat(cache.get(FINGERPRINT)).isEmpty();
        Files.writeString(
                file, "fingerprint=" + FINGERPRINT.replace("=", "\\=") + "\nversion=21\nfeature=twenty-one\n");
        assertThat(cache.get(FINGERPRINT)).as("a feature that is no number").isEmpty();

        cache.put(FINGERPRINT, TEMURIN);

        assertThat(cache.get(FINGERPRINT)).contains(TEMURIN);
        try (var left = Files.list(file.getParent())) {
            assertThat(left).as("no temporary file left beside it").containsExactly(file);
        }
    }

    @Test
    void theFileIsNamedByTheFingerprintsFnv1aHash() {
        // The published 64-bit FNV-1a test vectors (Fowler, Noll, Vo): "" and "a".
        assertThat(JvmCache.fnv1a("")).isEqualTo("cbf29ce484222325");
        assertThat(JvmCache.fnv1a("a")).isEqualTo("af63dc4c8601ec8c");
        assertThat(new JvmCache(store).file(FINGERPRINT).getFileName().toString())
                .isEqualTo(JvmCache.fnv1a(FINGERPRINT) + ".properties");
    }

    @Test
    void aStoreThatDoesNotExistYetIsNotCreated() {
        Path fresh = store.resolve("not-yet");
        var cache = new JvmCache(fresh);

        cache.put(FINGERPRINT, TEMURIN);

        assertThat(fresh).doesNotExist();
        assertThat(cache.get(FINGERPRINT)).isEmpty();
    }

    @Test
    void aWriteThatFailsIsNoError() throws Exception {
        // A file where the cache directory belongs: every write below it fails.
        Files.writeString(store.resolve("cache"), "not a directory");
        var cache = new JvmCache(store);

        cache.put(FINGERPRINT, TEMURIN);

        assertThat(cache.get(FINGERPRINT)).isEmpty();
        assertThat(Files.readString(store.resolve("cache"))).isEqualTo("not a directory");
    }
}
