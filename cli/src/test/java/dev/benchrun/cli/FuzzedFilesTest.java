package dev.benchrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.benchrun.json.Json;
import dev.benchrun.store.Store;
import dev.benchrun.testing.Fixtures;
import dev.benchrun.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file benchrun reads, mutated at random (seeded, so every failure is reproducible by its
 * seed): truncated, values swapped for other JSON types, extreme and non-finite numbers, fields
 * left out, entries duplicated. Whatever the mutant, {@code compare} and {@code report} either
 * work (exit 0, or 1 where a legal file now compares worse) or refuse it in one line (exit 2);
 * never exit 3, an internal error, a stack trace or a class name.
 */
class FuzzedFilesTest {

    private static final int MUTANTS = 300;
    private static final String BASELINE_RUN = "20261123T061500Z-0001";
    /** Newer than the baseline run, so a mutated run stored under it is {@code latest}. */
    private static final String MUTANT_RUN = "20261124T061500Z-0002";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<Function<Random, JsonNode>> REPLACEMENTS = List.of(
            r -> NODES.numberNode(1e308),
            r -> NODES.numberNode(-1e308),
            r -> NODES.numberNode(0),
            r -> NODES.numberNode(-0.0),
            r -> NODES.numberNode(1e-320),
            r -> NODES.numberNode(Long.MAX_VALUE),
            r -> NODES.numberNode(-1),
            r -> NODES.numberNode(1.5),
            r -> NODES.textNode("NaN"),
            r -> NODES.textNode("Infinity"),
            r -> NODES.textNode("-Infinity"),
            r -> NODES.textNode("1"),
            r -> NODES.textNode("x"),
            r -> NODES.textNode(""),
            r -> NODES.arrayNode(),
            r -> NODES.arrayNode().add(1.0).add("a"),
            r -> NODES.objectNode(),
            r -> NODES.objectNode().put("k", 1),
            r -> NODES.nullNode(),
            r -> NODES.booleanNode(r.nextBoolean()));

    @TempDir
    Path dir;

    private InProcess benchrun;
    /** How many mutants were compared (exit 0 or 1) and how many refused (exit 2). */
    private final int[] outcomes = new int[2];

    @BeforeEach
    void storeOneRun() throws Exception {
        benchrun = new InProcess(dir);
        var store = new Store(benchrun.store());
        var run = Fixtures.run(BASELINE_RUN);
        store.publishRun(run, store.stagingDir(run.id()));
    }

    @Test
    void mutatedJmhResultsAreComparedOrRefusedInOneLine() throws Exception {
        var softly = new SoftAssertions();
        var sources = List.of(
                Golden.resource("jmh/jmh-1.37-gc.json"),
                Golden.resource("jmh/jmh-1.37-sample.json"),
                Golden.resource("jmh/jmh-legacy.json"));
        for (int seed = 0; seed < MUTANTS; seed++) {
            String mutant = mutate(sources.get(seed % sources.size()), seed);
            Path file = dir.resolve("mutant.json");
            Files.writeString(file, mutant);
            switch (seed % 3) {
                case 0 -> check(softly, seed, mutant, "compare", "mutant.json", BASELINE_RUN);
                case 1 -> check(softly, seed, mutant, "compare", BASELINE_RUN, "mutant.json");
                default -> check(softly, seed, mutant, "report", BASELINE_RUN, "--baseline", "mutant.json");
            }
        }
        softly.assertAll();
        assertBothOutcomes();
    }

    @Test
    void mutatedRunFilesAreComparedOrRefusedInOneLine() throws Exception {
        String source = Json.write(Fixtures.run(MUTANT_RUN));
        var softly = new SoftAssertions();
        for (int seed = 0; seed < MUTANTS; seed++) {
            String mutant = mutate(source, seed);
            Path stored = benchrun.runDir(MUTANT_RUN).resolve("run.json");
            Files.createDirectories(stored.getParent());
            Files.writeString(stored, mutant);
            Files.writeString(dir.resolve("mutant.json"), mutant);
            switch (seed % 4) {
                case 0 -> check(softly, seed, mutant, "compare", BASELINE_RUN, "latest");
                case 1 -> check(softly, seed, mutant, "report", "latest", "--baseline", BASELINE_RUN);
                case 2 -> check(softly, seed, mutant, "compare", "mutant.json", BASELINE_RUN);
                default -> check(softly, seed, mutant, "report", BASELINE_RUN, "--baseline", "mutant.json");
            }
        }
        softly.assertAll();
        assertBothOutcomes();
    }

    @Test
    void mutatedBaselineFilesAreComparedOrRefusedInOneLine() throws Exception {
        var baseline = NODES.objectNode();
        baseline.put("schemaVersion", 1);
        baseline.put("name", "main");
        baseline.put("savedAt", "2026-11-23T07:00:00Z");
        baseline.set("run", Json.MAPPER.readTree(Json.write(Fixtures.run(MUTANT_RUN))));
        String source = Json.write(baseline);
        Path stored = benchrun.store().resolve("baselines").resolve("main.json");
        Files.createDirectories(stored.getParent());
        var softly = new SoftAssertions();
        for (int seed = 0; seed < MUTANTS; seed++) {
            String mutant = mutate(source, seed);
            Files.writeString(stored, mutant);
            if (seed % 2 == 0) {
                check(softly, seed, mutant, "compare", "main", BASELINE_RUN);
            } else {
                check(softly, seed, mutant, "report", BASELINE_RUN, "--baseline", "main");
            }
        }
        softly.assertAll();
        assertBothOutcomes();
    }

    private void check(SoftAssertions softly, int seed, String mutant, String... args) {
        var result = benchrun.run(args);
        outcomes[result.exit() == 2 ? 1 : 0]++;
        String what = "seed " + seed + ": benchrun " + String.join(" ", args) + "\n--- stderr:\n" + result.err()
                + "--- mutant:\n" + abbreviate(mutant);
        softly.assertThat(result.exit()).as(what).isIn(0, 1, 2);
        // Refused in one line naming the mutated file (stored as run.json or main.json, or given).
        if (result.exit() == 2) {
            softly.assertThat(result.errLines()).as(what).hasSize(1);
            softly.assertThat(result.err()).as(what).startsWith("benchrun: ");
            softly.assertThat(result.err()).as(what).containsAnyOf("mutant.json", "run.json", "main.json");
        }
        softly.assertThat(result.err())
                .as(what)
                .doesNotContain("internal error", "Exception", "\tat ", "dev.benchrun.", "com.fasterxml", "java.");
    }

    /**
     * Mutants that all failed to parse would never reach the checks before the statistics, nor the
     * statistics themselves: a good share must be compared, and a good share refused.
     */
    private void assertBothOutcomes() {
        assertThat(outcomes[0]).as("mutants compared (exit 0 or 1)").isGreaterThan(MUTANTS / 10);
        assertThat(outcomes[1]).as("mutants refused (exit 2)").isGreaterThan(MUTANTS / 10);
    }

    private static String abbreviate(String text) {
        return text.length() <= 4000 ? text : text.substring(0, 4000) + "\n…";
    }

    /** One to three mutations of the JSON text, chosen by the seed. */
    static String mutate(String json, long seed) throws IOException {
        var random = new Random(seed);
        if (random.nextInt(10) == 0) {
            return json.substring(0, random.nextInt(json.length()));
        }
        JsonNode root = Json.MAPPER.readTree(json);
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            root = mutateOnce(root, random);
        }
        return Json.write(root);
    }

    private static JsonNode mutateOnce(JsonNode root, Random random) {
        var containers = new ArrayList<JsonNode>();
        collect(root, containers);
        JsonNode parent = containers.get(random.nextInt(containers.size()));
        if (parent.isEmpty()) {
            return root;
        }
        int kind = random.nextInt(4);
        if (parent instanceof ObjectNode object) {
            var names = new ArrayList<String>();
            object.fieldNames().forEachRemaining(names::add);
            String name = names.get(random.nextInt(names.size()));
            switch (kind) {
                case 0 -> object.remove(name);
                case 1 -> object.set(name, numberLike(object.get(name), random));
                default -> object.set(name, replacement(random));
            }
        } else if (parent instanceof ArrayNode array) {
            int index = random.nextInt(array.size());
            switch (kind) {
                case 0 -> array.remove(index);
                case 1 -> array.set(index, numberLike(array.get(index), random));
                case 2 -> array.insert(index, array.get(index).deepCopy());
                default -> array.set(index, replacement(random));
            }
        }
        return root;
    }

    /** Numbers where numbers were, so that mutants reach the statistics rather than the parser. */
    private static JsonNode numberLike(JsonNode original, Random random) {
        return original.isNumber() ? REPLACEMENTS.get(random.nextInt(11)).apply(random) : replacement(random);
    }

    private static JsonNode replacement(Random random) {
        return REPLACEMENTS.get(random.nextInt(REPLACEMENTS.size())).apply(random);
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode()) {
            containers.add(node);
            node.forEach(child -> collect(child, containers));
        }
    }
}
