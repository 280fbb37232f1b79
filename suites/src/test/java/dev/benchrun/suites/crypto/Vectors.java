package dev.benchrun.suites.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.ThrowingConsumer;

/** The shared test vectors (directory in system property {@code benchrun.vectors}, set by surefire). */
final class Vectors {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Vectors() {}

    static JsonNode read(String relativePath) {
        var directory = System.getProperty("benchrun.vectors");
        if (directory == null) {
            throw new IllegalStateException("system property benchrun.vectors is not set (surefire sets it)");
        }
        try {
            return JSON.readTree(Files.readString(Path.of(directory, relativePath)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] hex(JsonNode node, String field) {
        return HexFormat.of().parseHex(node.get(field).asText());
    }

    /** One Wycheproof test case with its group, which carries parameters such as ivSize. */
    record WycheproofCase(JsonNode group, JsonNode test) {
        int tcId() {
            return test.get("tcId").asInt();
        }

        String result() {
            return test.get("result").asText();
        }

        byte[] hex(String field) {
            return Vectors.hex(test, field);
        }

        String name() {
            var comment = test.path("comment").asText("");
            var flags = test.path("flags").toString();
            return "tcId " + tcId() + " " + result() + (comment.isEmpty() ? "" : ": " + comment)
                    + ("[]".equals(flags) || flags.isEmpty() ? "" : " " + flags);
        }
    }

    /** Every test of a Wycheproof file, as dynamic tests named by tcId, result, comment and flags. */
    static Stream<DynamicTest> wycheproof(String file, ThrowingConsumer<WycheproofCase> check) {
        return wycheproof(file, WycheproofCase::name, check);
    }

    static Stream<DynamicTest> wycheproof(
            String file, Function<WycheproofCase, String> name, ThrowingConsumer<WycheproofCase> check) {
        var root = read("wycheproof/" + file);
        List<WycheproofCase> cases = new ArrayList<>();
        root.get("testGroups")
                .forEach(group -> group.get("tests").forEach(test -> cases.add(new WycheproofCase(group, test))));
        if (cases.size() != root.get("numberOfTests").asInt()) {
            throw new IllegalStateException(
                    file + ": read " + cases.size() + " tests, the file declares " + root.get("numberOfTests"));
        }
        return cases.stream().map(c -> DynamicTest.dynamicTest(name.apply(c), () -> check.accept(c)));
    }
}
