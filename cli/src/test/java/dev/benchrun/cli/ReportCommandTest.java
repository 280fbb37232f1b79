package dev.benchrun.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.benchrun.json.Json;
import dev.benchrun.model.BenchmarkResult;
import dev.benchrun.model.RunResult;
import dev.benchrun.store.Store;
import dev.benchrun.testing.Synthetic;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report} in process, over a store of synthetic runs. */
class ReportCommandTest {

    private static final Instant START = Instant.parse("2026-10-01T06:00:00Z");

    @TempDir
    Path dir;

    private Store store;
    private List<String> ids;

    /** What a command left: exit code and both streams. */
    record Result(int exit, String out, String err) {}

    private Result report(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var context = new Context(new PrintWriter(out), new PrintWriter(err), false, Map.of(), dir);
        var all = new java.util.ArrayList<>(
                List.of("--store", dir.resolve("store").toString(), "report"));
        all.addAll(List.of(args));
        int exit = BenchrunCommand.execute(new Services(context), all.toArray(String[]::new));
        return new Result(exit, out.toString(), err.toString());
    }

    /**
     * 24 daily runs; {@code encode} gets 30% slower from the 18th on (index 17); {@code decode} stays
     * level apart from one slow run at index 9.
     */
    @BeforeEach
    void storeRuns() throws Exception {
        store = new Store(dir.resolve("store"));
        var list = new java.util.ArrayList<String>();
        for (int i = 0; i < 24; i++) {
            Instant started = START.plus(Duration.ofDays(i));
            String id = Store.newRunId(started);
            double encode = i >= 17 ? 130 : 100;
            double decode = i == 9 ? 150 : 50;
            var results = List.of(result("encode", encode, i), result("decode", decode, 100 + i));
            var run = Synthetic.run(id, results);
            run = new RunResult(
                    run.schemaVersion(),
                    id,
                    null,
                    started,
                    started.plusSeconds(60),
                    run.environment(),
                    run.settings(),
                    run.benchmarks(),
                    run.failures(),
                    false);
            store.publishRun(run, store.stagingDir(id));
            list.add(id);
        }
        ids = List.copyOf(list);
        store.saveBaseline("main", List.of(store.readRun(ids.get(5))), false);
    }

    private static BenchmarkResult result(String id, double mean, long seed) {
        return Synthetic.result(
                id, "codec", "avgt", Synthetic.metric("us/op", Synthetic.samples(mean, 0.01, 2, 5, seed)), null);
    }

    @Test
    void historyOfTwentyRunsFlagsTheInjectedStepAndNothingElse() throws Exception {
        var result = report("--history", "20", "--format", "json");
        assertThat(result.exit()).as(result.err()).isZero();
        JsonNode history = Json.MAPPER.readTree(result.out()).get("history");
        assertThat(history.get("runs")).hasSize(20);
        assertThat(history.at("/runs/0/runId").asText()).isEqualTo(ids.get(4));
        assertThat(history.at("/runs/19/runId").asText()).isEqualTo(ids.get(23));
        for (JsonNode trend : history.get("benchmarks")) {
            if (trend.get("name").asText().equals("encode")) {
                assertThat(trend.get("steps")).hasSize(1);
                assertThat(trend.at("/steps/0/index").asInt()).isEqualTo(13); // run 17 of the store is the 14th shown
                assertThat(trend.at("/steps/0/runId").asText()).isEqualTo(ids.get(17));
                assertThat(trend.at("/steps/0/change").asDouble()).isBetween(0.27, 0.33);
            } else {
                assertThat(trend.get("steps"))
                        .as("decode: one slow run is not a step")
                        .isEmpty();
            }
        }
        var markdown = report("--history", "20");
        assertThat(markdown.out())
                .contains("### History (last 20 of 20 requested runs)")
                .containsPattern(
                        "`encode` \\| us/op \\| `[▁]{13}[█]{7}` \\| [0-9.]+ → [0-9.]+ \\| \\*\\*\\+[0-9.]+% worse at #14 ");
    }

    @Test
    void anOlderRunIsReportedWithTheHistoryUpToIt() throws Exception {
        var result = report(ids.get(10), "--history", "5", "--format", "json");
        assertThat(result.exit()).as(result.err()).isZero();
        JsonNode report = Json.MAPPER.readTree(result.out());
        assertThat(report.at("/execution/runId").asText()).isEqualTo(ids.get(10));
        assertThat(report.at("/history/runs")).hasSize(5);
        assertThat(report.at("/history/runs/4/runId").asText()).isEqualTo(ids.get(10));
    }

    /** Stores a copy of the newest synthetic run, {@code days} after it, with fields of run.json replaced. */
    private String storeLater(int days, String profile, String kind, boolean interrupted, boolean results)
            throws Exception {
        Instant started = START.plus(Duration.ofDays(23 + days));
        String id = Store.newRunId(started);
        var tree = (ObjectNode) Json.MAPPER.valueToTree(store.readRun(ids.get(23)));
        tree.put("id", id).put("started", started.toString()).put("kind", kind).put("interrupted", interrupted);
        ((ObjectNode) tree.get("settings")).put("profile", profile);
        if (!results) {
            tree.putArray("benchmarks");
        }
        var run = Json.MAPPER.treeToValue(tree, RunResult.class);
        store.publishRun(run, store.stagingDir(id));
        return id;
    }

    @Test
    void profileRunsAndRunsInterruptedBeforeAnyResultAreNeitherLatestNorVariantsNorHistory() throws Exception {
        String otherProfile = storeLater(1, "thorough", "run", false, true);
        String profiledVariant = storeLater(2, "zgc", "profile", false, true);
        String profiledSame = storeLater(3, "thorough", "profile", false, true);
        storeLater(4, "thorough", "run", true, false);

        var result = report("--history", "30", "--format", "json");
        assertThat(result.exit()).as(result.err()).isZero();
        JsonNode report = Json.MAPPER.readTree(result.out());
        assertThat(report.at("/execution/runId").asText()).isEqualTo(otherProfile);
        assertThat(report.at("/variants/runs").findValuesAsText("runId")).containsExactly(ids.get(23), otherProfile);
        assertThat(report.at("/history/runs").findValuesAsText("runId")).containsExactly(otherProfile);

        var named = report(profiledSame, "--format", "json");
        assertThat(named.exit()).as(named.err()).isZero();
        assertThat(Json.MAPPER.readTree(named.out()).at("/execution/runId").asText())
                .isEqualTo(profiledSame);
        assertThat(named.out()).doesNotContain(profiledVariant);
    }

    @Test
    void anUnreadableOlderRunIsSkippedWithOneNoteNamingItsFile() throws Exception {
        var damaged = store.runDir(ids.get(20)).resolve("run.json");
        java.nio.file.Files.writeString(damaged, "{ \"schemaVersion\": 1, ");

        for (String count : List.of("1", "5")) {
            var result = report("--history", count, "--format", "json");
            assertThat(result.exit()).as(result.err()).isZero();
            assertThat(result.err().lines().toList())
                    .singleElement()
                    .asString()
                    .startsWith("Note: skipped stored run " + ids.get(20) + ": " + damaged + " ");
            JsonNode history = Json.MAPPER.readTree(result.out()).get("history");
            assertThat(history.get("runs")).hasSize(Integer.parseInt(count));
            assertThat(history.at("/runs/" + (Integer.parseInt(count) - 1) + "/runId")
                            .asText())
                    .isEqualTo(ids.get(23));
        }
        var five = Json.MAPPER.readTree(
                report("--history", "5", "--format", "json").out());
        assertThat(five.at("/history/runs"))
                .extracting(r -> r.get("runId").asText())
                .containsExactly(ids.get(18), ids.get(19), ids.get(21), ids.get(22), ids.get(23));

        var itself = report(ids.get(20));
        assertThat(itself.exit()).as("the run reported on must be readable").isEqualTo(2);
        assertThat(itself.err()).startsWith("benchrun: " + damaged);
    }

    @Test
    void againstABaselineTheRegressionIsShownAndGatesOnlyWhenAskedTo() throws Exception {
        var result = report("--baseline", "main", "--format", "json");
        assertThat(result.exit())
                .as("report describes; it gates only with --fail-on")
                .isZero();
        JsonNode report = Json.MAPPER.readTree(result.out());
        assertThat(report.at("/comparison/baseline/ref").asText()).isEqualTo("main");
        assertThat(report.at("/comparison/baseline/runId").asText()).isEqualTo(ids.get(5));
        assertThat(report.at("/total/regressions").asInt()).isEqualTo(1);
        assertThat(report.at("/benchmarks/0/name").asText()).isEqualTo("encode");
        assertThat(report.get("comparison").get("benchmarks"))
                .extracting(d -> d.get("id").asText(), d -> d.get("verdict").asText())
                .containsExactlyInAnyOrder(tuple("encode", "REGRESSION"), tuple("decode", "NO_CHANGE"));

        assertThat(report("--baseline", "main", "--fail-on", "regression", "-o", "r.md")
                        .exit())
                .isEqualTo(1);
        assertThat(dir.resolve("r.md")).content().contains("**REGRESSION**");
    }

    @Test
    void theReportJudgesWithTheSameThresholdsAndStatisticsAsCompareWhenGivenThem() throws Exception {
        String[] judging = {"--threshold", "codec=40%,50%", "--alpha", "0.01", "--noise-floor", "2%"};
        var all = new java.util.ArrayList<>(List.of("--baseline", "main", "--format", "json"));
        all.addAll(List.of(judging));
        var result = report(all.toArray(String[]::new));

        assertThat(result.exit()).as(result.err()).isZero();
        JsonNode report = Json.MAPPER.readTree(result.out());
        assertThat(report.at("/total/regressions").asInt())
                .as("+30% is below a 40% warning")
                .isZero();
        assertThat(report.at("/comparison/settings/alpha").asDouble()).isEqualTo(0.01);
        assertThat(report.at("/comparison/settings/noiseFloor").asDouble()).isEqualTo(0.02);

        var compare = new java.util.ArrayList<>(List.of("compare", "main", ids.get(23), "--format", "json"));
        compare.addAll(List.of(judging));
        var out = new StringWriter();
        var context = new Context(new PrintWriter(out), new PrintWriter(new StringWriter()), false, Map.of(), dir);
        var args = new java.util.ArrayList<>(
                List.of("--store", dir.resolve("store").toString()));
        args.addAll(compare);
        BenchrunCommand.execute(new Services(context), args.toArray(String[]::new));
        JsonNode judged = Json.MAPPER.readTree(out.toString());
        assertThat(verdicts(report.get("comparison")))
                .isEqualTo(verdicts(judged))
                .containsKeys("encode", "decode");
        assertThat(report("--baseline", "main", "--threshold", "codec=9%").err())
                .startsWith("benchrun: --threshold 'codec=9%': expected CATEGORY=WARN,FAIL");
    }

    private static Map<String, String> verdicts(JsonNode comparison) {
        var verdicts = new java.util.TreeMap<String, String>();
        comparison
                .get("benchmarks")
                .forEach(
                        d -> verdicts.put(d.get("id").asText(), d.get("verdict").asText()));
        return verdicts;
    }

    @Test
    void linksAreRelativeToTheReportFile() throws Exception {
        assertThat(report("--format", "json", "-o", "out/report.json").exit()).isZero();
        JsonNode report = Json.MAPPER.readTree(dir.resolve("out/report.json").toFile());
        assertThat(report.at("/artefacts/run").asText()).isEqualTo("../store/runs/" + ids.get(23) + "/run.json");
    }

    @Test
    void badInputIsOneLineAndExitCode2() {
        List<String[]> cases = List.of(
                new String[] {"--baseline", "nonesuch"},
                new String[] {"nonesuch"},
                new String[] {"--history", "-1"},
                new String[] {"--variants", "nonesuch"});
        for (String[] args : cases) {
            var result = report(args);
            assertThat(result.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(result.err().lines().toList())
                    .as(String.join(" ", args))
                    .hasSize(1)
                    .allMatch(l -> l.startsWith("benchrun: ") && l.contains(args[args.length - 1]));
        }
        var gate = report("--fail-on", "sometimes");
        assertThat(gate.exit()).isEqualTo(2);
        assertThat(gate.err().lines().toList())
                .as("a usage error, found by the option parser")
                .containsExactly(
                        "benchrun: Invalid value for option '--fail-on': unknown value 'sometimes': use one of regression, "
                                + "warning, inconclusive, never",
                        "Try 'benchrun report --help'.");
    }
}
