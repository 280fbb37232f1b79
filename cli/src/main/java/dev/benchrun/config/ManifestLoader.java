package dev.benchrun.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.benchrun.BenchrunException;
import dev.benchrun.json.Json;
import dev.benchrun.store.InputFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;

/**
 * Finds the manifest for a jar: {@code --manifest FILE} or {@code benchrun.yaml} in the working
 * directory first, then the jar's own {@code META-INF/benchrun/manifest.yaml}.
 */
public final class ManifestLoader {

    public static final String JAR_ENTRY = "META-INF/benchrun/manifest.yaml";
    public static final String WORKING_DIR_FILE = "benchrun.yaml";

    private ManifestLoader() {}

    public static Manifest load(Path jar, Path explicitFile, Path workingDir) {
        return user(explicitFile, workingDir).before(fromJar(jar));
    }

    /** The user's own manifest: {@code explicitFile} (--manifest), else ./benchrun.yaml, else none. */
    public static Manifest user(Path explicitFile, Path workingDir) {
        if (explicitFile != null) {
            return fromFile(explicitFile);
        }
        if (Files.isRegularFile(workingDir.resolve(WORKING_DIR_FILE))) {
            return fromFile(workingDir.resolve(WORKING_DIR_FILE));
        }
        return Manifest.EMPTY;
    }

    public static Manifest fromFile(Path file) {
        return parse(InputFiles.read(file, "manifest"), file.toString());
    }

    static Manifest fromJar(Path jar) {
        try (var zip = new ZipFile(jar.toFile())) {
            var entry = zip.getEntry(JAR_ENTRY);
            if (entry == null) {
                return Manifest.EMPTY;
            }
            try (var in = zip.getInputStream(entry)) {
                return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), jar + "!/" + JAR_ENTRY);
            }
        } catch (IOException e) {
            throw BenchrunException.input("cannot read jar " + jar + ": " + e.getMessage(), e);
        }
    }

    static Manifest parse(String yaml, String source) {
        JsonNode tree;
        try {
            tree = Json.YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw BenchrunException.input(source + " is not valid YAML: " + Json.problem(e), e);
        }
        Manifest manifest;
        try {
            // From the tree, so that a message can name the value found where another was expected.
            manifest = tree == null || tree.isMissingNode() || tree.isNull()
                    ? null
                    : Json.YAML.treeToValue(tree, Manifest.class);
        } catch (JsonProcessingException e) {
            throw BenchrunException.input(source + ": " + Json.problem(e), e);
        }
        if (manifest == null) {
            return Manifest.EMPTY;
        }
        if (manifest.schemaVersion() != null && manifest.schemaVersion() != 1) {
            throw BenchrunException.input(source + ": schemaVersion " + manifest.schemaVersion()
                    + " is not supported; this benchrun reads version 1");
        }
        return manifest.validated(source);
    }
}
