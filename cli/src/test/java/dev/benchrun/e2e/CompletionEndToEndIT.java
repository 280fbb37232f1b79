package dev.benchrun.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The script of the real jar's generate-completion, sourced in bash as a user's shell does, with a
 * store that holds a baseline and a run: what Tab offers after each line.
 */
class CompletionEndToEndIT {

    @TempDir
    Path dir;

    /** The COMPREPLY of each line (words, the last one being completed), as bash leaves it. */
    private Map<String, List<String>> complete(List<String> lines) throws Exception {
        var generated = Benchrun.run(dir, "generate-completion");
        assertThat(generated.exit()).as(generated.err()).isZero();
        Path script = dir.resolve("completion.bash");
        Files.writeString(script, generated.out());
        // benchrun on the PATH, as the launcher a user has.
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path launcher = bin.resolve("benchrun");
        Files.writeString(
                launcher,
                "#!/bin/sh\nexec '" + Benchrun.JAVA + "' -jar '" + Benchrun.JAR.toAbsolutePath() + "' \"$@\"\n");
        assertThat(launcher.toFile().setExecutable(true)).isTrue();
        var test = new StringBuilder();
        test.append("source ").append(script).append('\n');
        // Outside a real completion bash has no compopt to call; picocli's functions call it.
        test.append("compopt() { :; }\n");
        test.append("t() { COMP_WORDS=(\"$@\"); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); COMPREPLY=();"
                + " _complete_benchrun_stored benchrun \"${COMP_WORDS[COMP_CWORD]}\" \"${COMP_WORDS[COMP_CWORD-1]}\";"
                + " printf '%s' \"$*\"; printf '\\t%s' \"${COMPREPLY[@]}\"; printf '\\n'; }\n");
        for (String line : lines) {
            test.append("t ").append(line).append('\n');
        }
        var bash = new ProcessBuilder("bash", "--norc", "--noprofile", "-c", test.toString()).directory(dir.toFile());
        bash.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        bash.environment().remove("BENCHRUN_STORE");
        Process process = bash.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(err).as("nothing is printed into the shell").isEmpty();
        assertThat(process.exitValue()).isZero();
        var replies = new LinkedHashMap<String, List<String>>();
        out.lines().forEach(l -> {
            var cells = l.split("\t", -1);
            replies.put(
                    cells[0],
                    List.of(cells).subList(1, cells.length).stream()
                            .filter(c -> !c.isEmpty())
                            .toList());
        });
        assertThat(replies).hasSize(lines.size());
        return replies;
    }

    private String storedRun() throws IOException {
        var run = Benchrun.run(
                dir,
                "run",
                "--jar",
                Benchrun.FIXTURES.toString(),
                "--filter",
                "TinyBench.sum$",
                "-f",
                "1",
                "-wi",
                "0",
                "-i",
                "1",
                "-r",
                "100ms",
                "-q",
                "--save-baseline",
                "main");
        assertThat(run.exit()).as(run.err()).isZero();
        return run.out()
                .lines()
                .filter(l -> l.startsWith("Stored run "))
                .map(l -> l.split(" ")[2])
                .findFirst()
                .orElseThrow(() -> new AssertionError("no run stored:\n" + run.out() + run.err()));
    }

    @Test
    void tabOffersTheStoresBaselinesAndRunsTheProfilesAndTheFormats() throws Exception {
        String id = storedRun();
        Files.createDirectories(dir.resolve("profiles"));
        Files.writeString(dir.resolve("profiles/nightly.yaml"), "extends: ci\n");
        // Names benchrun would refuse never reach the shell, and nothing of them is run.
        Files.writeString(dir.resolve(".benchrun/baselines/$(touch pwned).json"), "{}");
        Files.writeString(dir.resolve(".benchrun/baselines/two words.json"), "{}");

        var replies = complete(List.of(
                "benchrun compare ''",
                "benchrun compare ma",
                "benchrun compare main ''",
                "benchrun run --baseline ''",
                "benchrun report ''",
                "benchrun merge " + id + " ''",
                "benchrun save-baseline ''",
                "benchrun run --profile ''",
                "benchrun run --profile n",
                "benchrun compare --format ''",
                "benchrun report --format ''",
                "benchrun compare main --fail-on ''",
                "benchrun list ''",
                "benchrun --store empty compare ''"));

        assertThat(replies.get("benchrun compare ")).containsExactlyInAnyOrder("latest", "main", id);
        assertThat(replies.get("benchrun compare ma")).containsExactly("main");
        assertThat(replies.get("benchrun compare main ")).containsExactlyInAnyOrder("latest", "main", id);
        assertThat(replies.get("benchrun run --baseline ")).containsExactlyInAnyOrder("latest", "main", id);
        assertThat(replies.get("benchrun report ")).containsExactlyInAnyOrder("latest", id);
        assertThat(replies.get("benchrun merge " + id + " ")).containsExactlyInAnyOrder("latest", id);
        assertThat(replies.get("benchrun save-baseline ")).containsExactly("main");
        assertThat(replies.get("benchrun run --profile "))
                .containsExactlyInAnyOrder("quick", "ci", "full", "g1", "parallel", "zgc", "pairs", "nightly");
        assertThat(replies.get("benchrun run --profile n")).containsExactly("nightly");
        assertThat(replies.get("benchrun compare --format ")).containsExactly("table", "markdown", "json", "junit");
        assertThat(replies.get("benchrun report --format ")).containsExactly("markdown", "html", "json", "junit");
        assertThat(replies.get("benchrun compare main --fail-on "))
                .containsExactly("regression", "warning", "inconclusive", "never");
        assertThat(replies.get("benchrun list ")).containsExactly("benchmarks", "runs", "baselines", "profiles");
        assertThat(replies.get("benchrun --store empty compare ")).containsExactly("latest");
        assertThat(dir.resolve("pwned")).doesNotExist();
    }
}
