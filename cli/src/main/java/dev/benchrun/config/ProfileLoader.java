package dev.benchrun.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.benchrun.BenchrunException;
import dev.benchrun.json.Json;
import dev.benchrun.store.InputFiles;
import dev.benchrun.store.Names;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Resolves a profile by name (shipped inside the tool, or {@code profiles/NAME.yaml} in the
 * working directory) or by file path, applying {@code extends} chains by deep merge.
 */
public final class ProfileLoader {

    public static final String DEFAULT = "quick";
    private static final String RESOURCE_DIR = "/dev/benchrun/profiles/";
    /** The profiles shipped with benchrun, in the order {@code list profiles} shows them. */
    public static final List<String> SHIPPED = List.of("quick", "ci", "full", "g1", "parallel", "zgc", "pairs");

    private final Path workingDir;

    public ProfileLoader(Path workingDir) {
        this.workingDir = workingDir;
    }

    /**
     * The profiles a name can refer to here, in the order {@code list profiles} shows them: the
     * shipped ones (a local file of the same name replaces one), then the working directory's own
     * {@code profiles/NAME.yaml}, by name.
     */
    public List<String> names() {
        var names = new ArrayList<>(SHIPPED);
        localNames().stream().filter(n -> !SHIPPED.contains(n)).forEach(names::add);
        return List.copyOf(names);
    }

    /** The working directory's own profiles, {@code profiles/NAME.yaml}, by name. */
    public List<String> localNames() {
        var dir = workingDir.resolve("profiles");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml") && n.length() > ".yaml".length())
                    .map(n -> n.substring(0, n.length() - ".yaml".length()))
                    .filter(Names::isValid)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    public Profile load(String nameOrFile) {
        String ref = nameOrFile == null || nameOrFile.isBlank() ? DEFAULT : nameOrFile.trim();
        if (ref.contains(",")) {
            throw BenchrunException.input("--profile '" + ref + "': give one profile");
        }
        var chain = new ArrayList<Source>();
        ObjectNode tree = resolve(ref, workingDir, new LinkedHashSet<>(), chain);
        tree.remove("extends");
        tree.put("name", tree.has("name") ? tree.get("name").asText() : nameOf(ref));
        Profile profile;
        try {
            profile = Json.YAML.treeToValue(tree, Profile.class);
        } catch (JsonProcessingException e) {
            throw BenchrunException.input("profile '" + ref + "': " + Json.problem(e), e);
        }
        Source own = chain.get(0);
        CompareSettingsLoader.check(
                profile,
                own.file() == null
                        ? "profile '" + profile.name() + "'"
                        : "profile '" + profile.name() + "' (" + own.file() + ")");
        return profile;
    }

    /** The shipped profile's YAML text. */
    private static String shippedText(String name) {
        try (InputStream in = ProfileLoader.class.getResourceAsStream(RESOURCE_DIR + name + ".yaml")) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read shipped profile " + name, e);
        }
    }

    private ObjectNode resolve(String ref, Path baseDir, Set<String> seen, List<Source> chain) {
        if (!seen.add(ref)) {
            throw BenchrunException.input(
                    "profile '" + ref + "' extends itself: " + String.join(" -> ", seen) + " -> " + ref);
        }
        Source source = locate(ref, baseDir);
        chain.add(source);
        ObjectNode tree = parse(source);
        JsonNode parent = tree.get("extends");
        if (parent == null || parent.isNull()) {
            return tree;
        }
        ObjectNode base = resolve(parent.asText(), source.dir(), seen, chain);
        // A profile's name and description are its own, never its parent's.
        base.remove("name");
        base.remove("description");
        return merge(base, tree);
    }

    /** @param file null for a shipped profile */
    private record Source(String label, String text, Path dir, Path file) {}

    private Source locate(String ref, Path baseDir) {
        if (Names.looksLikeFile(ref, ".yaml", ".yml")) {
            return read(baseDir.resolve(ref));
        }
        Path local = workingDir.resolve("profiles").resolve(ref + ".yaml");
        if (Files.isRegularFile(local)) {
            return read(local);
        }
        String shipped = shippedText(ref);
        if (shipped == null) {
            throw BenchrunException.input("unknown profile '" + ref + "': use one of " + names() + " or a YAML file");
        }
        return new Source("profile '" + ref + "'", shipped, workingDir, null);
    }

    private static Source read(Path file) {
        return new Source(
                file.toString(),
                InputFiles.read(file, "profile"),
                file.toAbsolutePath().getParent(),
                file);
    }

    private static ObjectNode parse(Source source) {
        try {
            JsonNode tree = Json.YAML.readTree(source.text());
            if (tree == null || !tree.isObject()) {
                throw BenchrunException.input(source.label() + " is not a YAML mapping");
            }
            return (ObjectNode) tree;
        } catch (JsonProcessingException e) {
            throw BenchrunException.input(source.label() + " is not valid YAML: " + Json.problem(e), e);
        }
    }

    /** Deep merge: mappings merge key by key; anything else in {@code over} replaces {@code base}. */
    static ObjectNode merge(ObjectNode base, ObjectNode over) {
        ObjectNode result = base.deepCopy();
        Iterator<Map.Entry<String, JsonNode>> fields = over.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            JsonNode existing = result.get(field.getKey());
            if (existing instanceof ObjectNode baseObject && field.getValue() instanceof ObjectNode overObject) {
                result.set(field.getKey(), merge(baseObject, overObject));
            } else {
                result.set(field.getKey(), field.getValue().deepCopy());
            }
        }
        return result;
    }

    private static String nameOf(String ref) {
        String file = Path.of(ref).getFileName().toString();
        return file.replaceFirst("\\.ya?ml$", "");
    }
}
