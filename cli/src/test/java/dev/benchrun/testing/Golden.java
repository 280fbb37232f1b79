package dev.benchrun.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files seal machine-readable outputs: a format change shows up as a diff. Regenerate
 * with {@code mvn verify -Dbenchrun.updateGolden=true} and review the diff before committing.
 */
public final class Golden {

    private static final Path DIR = Path.of("src/test/resources/golden");

    private Golden() {}

    public static void assertMatches(String name, String actual) throws IOException {
        Path file = DIR.resolve(name);
        if (Boolean.getBoolean("benchrun.updateGolden")
                || !Files.exists(file) && Boolean.getBoolean("benchrun.createGolden")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual);
        }
        assertThat(file)
                .as("golden file %s (regenerate with -Dbenchrun.updateGolden=true)", file)
                .exists();
        assertThat(actual).as("output sealed by %s", file).isEqualTo(Files.readString(file));
    }

    public static String resource(String path) throws IOException {
        return Files.readString(Path.of("src/test/resources").resolve(path));
    }
}
