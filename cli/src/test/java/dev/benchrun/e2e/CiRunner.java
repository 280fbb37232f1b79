package dev.benchrun.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.benchrun.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A stand-in for the CI systems the recipes are written for, enough to run each recipe's shell as
 * the real one would: GitHub Actions workflows (jobs ordered by {@code needs:}, {@code
 * strategy.matrix} expanded, {@code ${{ … }}} substituted, {@code if:}, {@code $GITHUB_ENV}, {@code
 * $GITHUB_PATH}, {@code $GITHUB_STEP_SUMMARY}, each {@code run:} under {@code bash -eo pipefail}),
 * GitLab CI pipelines ({@code parallel: N}, {@code script:} as one {@code bash -eo pipefail} script,
 * {@code artifacts:}) and shell blocks shown as the steps of a GitHub job.
 *
 * <p>Every job starts in an empty workspace of its own, as on a fresh CI machine. The actions the
 * recipes use get stand-ins: {@code actions/checkout} clones the project's repository (with the
 * recipe's {@code fetch-depth}; 1 by default, as GitHub does), {@code actions/setup-java} and {@code
 * actions/cache} do nothing (the JDK running the test is on the PATH), {@code
 * actions/upload-artifact} and {@code download-artifact} copy into and out of an artefacts
 * directory, keeping paths below their least common ancestor as GitHub does. A composite action the
 * runner is given ({@code uses: OWNER/NAME@REF}, benchrun's own {@code action.yml}) is fetched into
 * the job once and its steps run one by one: inputs from {@code with:} or their defaults, {@code ${{
 * inputs.… }}} and {@code ${{ github.action_path }}}, {@code $GITHUB_OUTPUT} ({@code name=value} and
 * {@code name<<DELIMITER}), {@code steps.ID.outputs} within the action and the action's outputs as
 * its step's, {@code if:} judged by the action's own steps, as GitHub does. A name the runner does
 * not know (an action, an expression, a condition, an input) fails the test; so does an artefact
 * path that does not exist, or an uploaded HTML file whose relative links point at files the
 * artefact lacks.
 */
final class CiRunner {

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{\\s*(.*?)\\s*}}");
    private static final Pattern STEP_OUTPUT = Pattern.compile("steps\\.([^.]+)\\.outputs\\.[^.]+");
    private static final Pattern LINK = Pattern.compile("(?:href|src)=\"([^\"]*)\"");
    private static final int GITLAB_DEPTH = 20;

    /** What one step did, and the outputs it set; a step its condition skipped has not run. */
    record Step(String name, boolean ran, int exit, String output, Map<String, String> outputs) {
        Step {
            outputs = Map.copyOf(outputs);
        }

        Step(String name, boolean ran, int exit, String output) {
            this(name, ran, exit, output, Map.of());
        }

        boolean failed() {
            return ran && exit != 0;
        }
    }

    /** One job (one instance of a matrix), its steps in order and what it wrote to its summary. */
    record Job(String name, List<Step> steps, String summary) {
        boolean succeeded() {
            return steps.stream().noneMatch(Step::failed);
        }
    }

    /** The project's repository: its branch's head is the pull request's head, {@code base} its base. */
    record Project(Path origin, String baseSha, String headSha) {}

    private final String recipe;
    private final Path root;
    private final Project project;
    private final Map<String, String> vars;
    private final Map<String, String> baseEnv;
    private final Map<String, Path> actions;
    private final Path artefacts;
    private int jobs;
    private int outputFiles;

    /**
     * @param root an empty directory for the jobs' workspaces and the artefacts
     * @param vars the repository's variables: {@code ${{ vars.X }}} in GitHub, {@code $X} in GitLab
     * @param baseEnv the machine's environment: PATH with the stand-in tools, JAVA_HOME
     */
    CiRunner(String recipe, Path root, Project project, Map<String, String> vars, Map<String, String> baseEnv) {
        this(recipe, root, project, vars, baseEnv, Map.of());
    }

    /**
     * @param actions composite actions by repository name, each a directory holding its {@code
     *     action.yml}: {@code uses: OWNER/NAME@REF} runs the one named NAME, whatever the owner and ref
     */
    CiRunner(
            String recipe,
            Path root,
            Project project,
            Map<String, String> vars,
            Map<String, String> baseEnv,
            Map<String, Path> actions) {
        this.recipe = recipe;
        this.root = root;
        this.project = project;
        this.vars = Map.copyOf(vars);
        this.baseEnv = Map.copyOf(baseEnv);
        this.actions = Map.copyOf(actions);
        this.artefacts = root.resolve("artefacts");
    }

    Path artefacts() {
        return artefacts;
    }

    /** Runs a recipe block and returns its jobs in the order they ran. */
    List<Job> run(CiRecipes.Block block) {
        if (block.language().equals("sh") || block.language().equals("bash")) {
            return List.of(shellSteps(block.text()));
        }
        JsonNode tree;
        try {
            tree = Json.YAML.readTree(block.text());
        } catch (JsonProcessingException e) {
            throw fail("the YAML does not parse: " + e.getOriginalMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw fail("the YAML is not a mapping");
        }
        return tree.has("jobs") ? github(tree.get("jobs")) : gitlab(tree);
    }

    // ---- GitHub Actions

    private List<Job> github(JsonNode jobsNode) {
        var results = new ArrayList<Job>();
        for (var id : ordered(jobsNode)) {
            JsonNode job = jobsNode.get(id);
            List<String> needs = names(job.get("needs"));
            boolean neededSucceeded = needs.stream()
                    .allMatch(n -> results.stream()
                            .filter(r -> r.name().equals(n) || r.name().startsWith(n + " ("))
                            .allMatch(Job::succeeded));
            if (!neededSucceeded) {
                results.add(new Job(id, List.of(new Step("(a job it needs failed)", false, 0, "")), ""));
                continue;
            }
            for (var matrix : matrix(id, job)) {
                results.add(githubJob(id, job, matrix));
            }
        }
        return results;
    }

    /** The jobs in an order their {@code needs:} allow, otherwise in the order they are written. */
    private List<String> ordered(JsonNode jobsNode) {
        var order = new ArrayList<String>();
        var ids = new ArrayList<String>();
        jobsNode.fieldNames().forEachRemaining(ids::add);
        while (order.size() < ids.size()) {
            boolean progressed = false;
            for (var id : ids) {
                List<String> needs = names(jobsNode.get(id).get("needs"));
                for (var n : needs) {
                    if (!ids.contains(n)) {
                        throw fail("job " + id + " needs " + n + ", which is not a job of the workflow");
                    }
                }
                if (!order.contains(id) && order.containsAll(needs)) {
                    order.add(id);
                    progressed = true;
                }
            }
            if (!progressed) {
                throw fail("the jobs' needs: form a cycle");
            }
        }
        return order;
    }

    private List<Map<String, String>> matrix(String id, JsonNode job) {
        var combinations = new ArrayList<Map<String, String>>();
        combinations.add(new LinkedHashMap<>());
        JsonNode matrix = job.path("strategy").path("matrix");
        if (matrix.isMissingNode()) {
            return combinations;
        }
        var fields = matrix.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            if (!field.getValue().isArray() || field.getValue().isEmpty()) {
                throw fail("job " + id + ": strategy.matrix." + field.getKey()
                        + " is not a list of values (include/exclude are not stood in for)");
            }
            var next = new ArrayList<Map<String, String>>();
            for (var combination : combinations) {
                for (JsonNode value : field.getValue()) {
                    var extended = new LinkedHashMap<>(combination);
                    extended.put(field.getKey(), value.asText());
                    next.add(extended);
                }
            }
            combinations = next;
        }
        return combinations;
    }

    private Job githubJob(String id, JsonNode job, Map<String, String> matrix) {
        String name = matrix.isEmpty() ? id : id + " (" + String.join(", ", matrix.values()) + ")";
        Path home = newJobHome();
        Path workspace = home.resolve("workspace");
        Path temp = home.resolve("temp");
        Path summary = home.resolve("summary.md");
        Path pathFile = home.resolve("path");
        Path envFile = home.resolve("env");
        createDirectories(workspace, temp);
        touch(summary, pathFile, envFile);

        var context = new LinkedHashMap<String, String>();
        context.put("github.sha", project.headSha());
        context.put("github.workspace", workspace.toString());
        context.put("github.event.pull_request.base.sha", project.baseSha());
        context.put("github.event.pull_request.head.sha", project.headSha());
        matrix.forEach((k, v) -> context.put("matrix." + k, v));
        vars.forEach((k, v) -> context.put("vars." + k, v));

        var env = new LinkedHashMap<>(baseEnv);
        env.put("CI", "true");
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_WORKSPACE", workspace.toString());
        env.put("GITHUB_SHA", project.headSha());
        env.put("GITHUB_STEP_SUMMARY", summary.toString());
        env.put("GITHUB_PATH", pathFile.toString());
        env.put("GITHUB_ENV", envFile.toString());
        env.put("RUNNER_TEMP", temp.toString());
        env.put("TMPDIR", temp.toString());
        // A job's env may not name the runner context (GitHub's context availability table).
        putAll(env, job.get("env"), context, "job " + id + " env");
        context.put("runner.temp", temp.toString());

        var files = new JobFiles(home, workspace, temp, pathFile, envFile);
        List<Step> steps = steps(job.path("steps"), context, env, files, false, "job " + name, null);
        return new Job(name, steps, read(summary));
    }

    /** What a job's steps, or a composite action's, write to and run in. */
    private record JobFiles(Path home, Path workspace, Path temp, Path pathFile, Path envFile) {}

    /**
     * Runs steps in order, each with the outputs of the steps before it as {@code steps.ID.outputs.X}.
     *
     * @param failed whether a step before these failed (their {@code if:} sees it)
     * @param actionPath the composite action these steps belong to, or null for a job's own steps
     */
    private List<Step> steps(
            JsonNode stepsNode,
            Map<String, String> context,
            Map<String, String> env,
            JobFiles files,
            boolean failed,
            String where,
            Path actionPath) {
        for (JsonNode step : stepsNode) {
            if (step.has("id")) {
                // A step's outputs it did not set are empty, as in GitHub's expressions.
                context.put("steps." + step.get("id").asText(), "");
            }
        }
        var steps = new ArrayList<Step>();
        int index = 0;
        for (JsonNode step : stepsNode) {
            index++;
            var stepContext = new LinkedHashMap<>(context);
            env.forEach((k, v) -> stepContext.put("env." + k, v));
            String stepName = step.has("name")
                    ? expand(step.get("name").asText(), stepContext, "a step's name")
                    : step.has("uses") ? step.get("uses").asText() : "step " + index;
            String at = where + ", step '" + stepName + "'";
            if (!shouldRun(step.path("if").asText(null), failed, at)) {
                steps.add(new Step(stepName, false, 0, ""));
                continue;
            }
            var stepEnv = new LinkedHashMap<>(env);
            putAll(stepEnv, step.get("env"), stepContext, at + " env");
            if (actionPath != null) {
                stepEnv.put("GITHUB_ACTION_PATH", actionPath.toString());
            }
            Step result;
            if (step.has("uses")) {
                String uses = step.get("uses").asText();
                JsonNode with = expandAll(step.path("with"), stepContext, at);
                Path composite = compositeAction(uses, files, at);
                if (composite != null) {
                    result = composite(stepName, composite, with, context, stepEnv, files, at);
                } else {
                    action(uses, with, files.workspace(), stepEnv, at);
                    result = new Step(stepName, true, 0, "");
                }
            } else if (step.has("run")) {
                if (actionPath != null && !step.path("shell").asText().equals("bash")) {
                    throw fail(at + ": a composite action's run: step needs shell: bash (GitHub requires a shell)");
                }
                String script = expand(step.get("run").asText(), stepContext, at);
                String workingDirectory =
                        expand(step.path("working-directory").asText(""), stepContext, at + " working-directory");
                Path dir = files.workspace().resolve(workingDirectory);
                Path outputFile = files.home().resolve("output-" + ++outputFiles);
                touch(outputFile);
                stepEnv.put("GITHUB_OUTPUT", outputFile.toString());
                Step ran = bash(stepName, script, dir, stepEnv, files.temp());
                result = new Step(ran.name(), true, ran.exit(), ran.output(), outputs(outputFile, at));
            } else {
                throw fail(at + " has neither uses: nor run:");
            }
            steps.add(result);
            if (step.has("id")) {
                String id = step.get("id").asText();
                result.outputs().forEach((k, v) -> context.put("steps." + id + ".outputs." + k, v));
            }
            failed |= result.failed();
            readGithubFiles(env, files.pathFile(), files.envFile());
        }
        return steps;
    }

    /** The directory of a composite action the runner was given for {@code uses:}, fetched into the job; null for others. */
    private Path compositeAction(String uses, JobFiles files, String where) {
        String action = uses.contains("@") ? uses.substring(0, uses.indexOf('@')) : uses;
        String ref = uses.contains("@") ? uses.substring(uses.indexOf('@') + 1) : "";
        String name = action.substring(action.lastIndexOf('/') + 1);
        Path source = actions.get(name);
        if (source == null || action.startsWith("actions/")) {
            return null;
        }
        if (ref.isEmpty() || !action.contains("/")) {
            throw fail(where + ": uses: " + uses + " names no OWNER/REPO@REF");
        }
        // GitHub fetches an action once per job, into a directory of its own.
        Path fetched = files.home().resolve("_actions").resolve(action).resolve(ref);
        if (!Files.isDirectory(fetched)) {
            copyTree(source, fetched);
        }
        return fetched;
    }

    /**
     * A composite action's steps as one step of the job: its inputs from {@code with:} or their
     * defaults, its steps' outputs among themselves, its outputs from its {@code outputs:}; it fails
     * with the exit code of its first step that failed.
     */
    private Step composite(
            String name,
            Path actionPath,
            JsonNode with,
            Map<String, String> jobContext,
            Map<String, String> env,
            JobFiles files,
            String where) {
        JsonNode action;
        try {
            action = Json.YAML.readTree(Files.readString(actionPath.resolve("action.yml")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!action.path("runs").path("using").asText().equals("composite")) {
            throw fail(where + ": " + actionPath.resolve("action.yml") + " is not a composite action");
        }
        var context = new LinkedHashMap<String, String>();
        jobContext.forEach((k, v) -> {
            if (!k.startsWith("steps.")) {
                context.put(k, v);
            }
        });
        context.put("github.action_path", actionPath.toString());
        JsonNode inputs = action.path("inputs");
        with.fieldNames().forEachRemaining(input -> {
            if (!inputs.has(input)) {
                throw fail(where + ": with." + input + " is not an input of the action");
            }
        });
        inputs.fields().forEachRemaining(input -> {
            String value = with.has(input.getKey())
                    ? with.get(input.getKey()).asText()
                    : expand(input.getValue().path("default").asText(""), context, where + " input " + input.getKey());
            context.put("inputs." + input.getKey(), value);
        });
        var compositeEnv = new LinkedHashMap<>(env);
        // In a composite action, success() and failure() are of the action's own steps, not the job's.
        List<Step> steps =
                steps(action.path("runs").path("steps"), context, compositeEnv, files, false, where, actionPath);
        var outputs = new LinkedHashMap<String, String>();
        action.path("outputs")
                .fields()
                .forEachRemaining(output -> outputs.put(
                        output.getKey(),
                        expand(
                                output.getValue().path("value").asText(""),
                                context,
                                where + " output " + output.getKey())));
        var log = new StringBuilder();
        for (Step step : steps) {
            log.append("--- ").append(step.name()).append(step.ran() ? ": exit " + step.exit() : ": skipped");
            log.append('\n').append(step.output());
        }
        int exit = steps.stream()
                .filter(Step::failed)
                .mapToInt(Step::exit)
                .findFirst()
                .orElse(0);
        return new Step(name, true, exit, log.toString(), outputs);
    }

    /** A step's {@code $GITHUB_OUTPUT}: {@code name=value} lines and {@code name<<DELIMITER} blocks. */
    private Map<String, String> outputs(Path file, String where) {
        var outputs = new LinkedHashMap<String, String>();
        List<String> lines = read(file).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int heredoc = line.indexOf("<<");
            int eq = line.indexOf('=');
            if (heredoc > 0 && (eq < 0 || heredoc < eq)) {
                String delimiter = line.substring(heredoc + 2);
                var value = new ArrayList<String>();
                for (i++; i < lines.size() && !lines.get(i).equals(delimiter); i++) {
                    value.add(lines.get(i));
                }
                if (i == lines.size()) {
                    throw fail(where + ": $GITHUB_OUTPUT: " + line + " is never closed by " + delimiter);
                }
                outputs.put(line.substring(0, heredoc), String.join("\n", value));
            } else if (eq > 0) {
                outputs.put(line.substring(0, eq), line.substring(eq + 1));
            } else if (!line.isBlank()) {
                throw fail(where + ": $GITHUB_OUTPUT: not name=value nor name<<DELIMITER: " + line);
            }
        }
        return outputs;
    }

    /** The stand-ins of the actions the recipes use. */
    private void action(String uses, JsonNode with, Path workspace, Map<String, String> env, String where) {
        String action = uses.contains("@") ? uses.substring(0, uses.indexOf('@')) : uses;
        switch (action) {
            case "actions/checkout" ->
                checkout(
                        workspace.resolve(with.path("path").asText("")),
                        with.path("fetch-depth").asInt(1),
                        with.path("ref").asText(project.headSha()),
                        env);
            case "actions/setup-java", "actions/cache" -> {
                // The JDK running the test is the job's java; nothing is cached between jobs.
            }
            case "actions/upload-artifact" ->
                upload(
                        with.path("name").asText("artifact"),
                        workspace,
                        lines(with.path("path").asText("")),
                        where);
            case "actions/download-artifact" ->
                download(
                        with.path("name").asText(null),
                        workspace.resolve(with.path("path").asText("")),
                        with.path("merge-multiple").asBoolean(false),
                        where);
            default -> throw fail(where + ": no stand-in for uses: " + uses);
        }
    }

    private boolean shouldRun(String condition, boolean failed, String where) {
        if (condition == null) {
            return !failed;
        }
        String c = condition.strip();
        Matcher wrapped = EXPRESSION.matcher(c);
        if (wrapped.matches()) {
            c = wrapped.group(1);
        }
        boolean run = false;
        for (String term : c.split("\\|\\|")) {
            switch (term.strip()) {
                case "always()", "!cancelled()" -> run = true;
                case "success()" -> run |= !failed;
                case "failure()" -> run |= failed;
                case "cancelled()" -> {}
                default -> throw fail(where + ": the runner does not evaluate if: " + condition);
            }
        }
        return run;
    }

    private void readGithubFiles(Map<String, String> env, Path pathFile, Path envFile) {
        List<String> added = read(pathFile).lines().filter(l -> !l.isBlank()).toList();
        var path = new StringBuilder();
        for (int i = added.size() - 1; i >= 0; i--) {
            path.append(added.get(i)).append(':');
        }
        env.put("PATH", path + baseEnv.get("PATH"));
        for (String line : read(envFile).lines().toList()) {
            int eq = line.indexOf('=');
            if (line.contains("<<")) {
                throw fail("multi-line values in $GITHUB_ENV are not stood in for: " + line);
            }
            if (eq > 0) {
                env.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
    }

    // ---- GitLab CI

    private static final List<String> GITLAB_KEYWORDS =
            List.of("stages", "variables", "default", "include", "workflow", "image", "services", "cache");

    private List<Job> gitlab(JsonNode pipeline) {
        var results = new ArrayList<Job>();
        var names = new ArrayList<String>();
        pipeline.fieldNames().forEachRemaining(names::add);
        for (var name : names) {
            JsonNode job = pipeline.get(name);
            if (name.startsWith(".") || GITLAB_KEYWORDS.contains(name)) {
                continue;
            }
            if (!job.isObject() || !job.has("script")) {
                throw fail("GitLab job " + name + " has no script:");
            }
            for (var n : names(job.get("needs"))) {
                if (!results.stream()
                        .anyMatch(r -> r.name().equals(n) || r.name().startsWith(n + " "))) {
                    throw fail("GitLab job " + name + " needs " + n + ", which does not run before it");
                }
            }
            JsonNode parallel = job.get("parallel");
            if (parallel != null && !parallel.canConvertToInt()) {
                throw fail("GitLab job " + name + ": parallel:matrix is not stood in for");
            }
            int total = parallel == null ? 0 : parallel.asInt();
            if (total == 0) {
                results.add(gitlabJob(name, job, 0, 0));
            }
            for (int i = 1; i <= total; i++) {
                results.add(gitlabJob(name + " " + i + "/" + total, job, i, total));
            }
        }
        return results;
    }

    private Job gitlabJob(String name, JsonNode job, int index, int total) {
        Path home = newJobHome();
        Path workspace = home.resolve("project");
        Path temp = home.resolve("temp");
        createDirectories(temp);
        var env = new LinkedHashMap<>(baseEnv);
        checkout(workspace, GITLAB_DEPTH, project.headSha(), env);
        // Artefacts of the jobs before are unpacked into the project, as GitLab does for earlier stages.
        if (Files.isDirectory(artefacts)) {
            for (Path earlier : list(artefacts)) {
                copyTree(earlier, workspace);
            }
        }
        env.putAll(vars);
        env.put("CI", "true");
        env.put("GITLAB_CI", "true");
        env.put("CI_PROJECT_DIR", workspace.toString());
        env.put("CI_COMMIT_SHA", project.headSha());
        env.put("CI_MERGE_REQUEST_DIFF_BASE_SHA", project.baseSha());
        env.put("CI_JOB_NAME", name);
        env.put("TMPDIR", temp.toString());
        if (total > 0) {
            env.put("CI_NODE_INDEX", Integer.toString(index));
            env.put("CI_NODE_TOTAL", Integer.toString(total));
        }
        JsonNode variables = job.get("variables");
        if (variables != null) {
            variables
                    .fields()
                    .forEachRemaining(v -> env.put(v.getKey(), v.getValue().asText()));
        }
        var script = new ArrayList<String>();
        for (String key : List.of("before_script", "script")) {
            for (JsonNode line : job.path(key)) {
                script.add(line.asText());
            }
        }
        var steps = new ArrayList<Step>();
        Step main = bash("script", String.join("\n", script), workspace, env, temp);
        steps.add(main);
        if (job.has("after_script")) {
            var after = new ArrayList<String>();
            job.get("after_script").forEach(l -> after.add(l.asText()));
            steps.add(bash("after_script", String.join("\n", after), workspace, env, temp));
        }
        JsonNode artifacts = job.get("artifacts");
        if (artifacts != null) {
            String when = artifacts.path("when").asText("on_success");
            boolean collect = when.equals("always") || (when.equals("on_success") == !main.failed());
            if (collect) {
                var paths = new ArrayList<String>();
                artifacts.path("paths").forEach(p -> paths.add(p.asText()));
                artifacts.path("reports").forEach(r -> paths.add(r.asText()));
                gitlabArtefact(name, workspace, paths);
            }
        }
        return new Job(name, steps, "");
    }

    /** GitLab keeps an artefact's paths relative to the project directory. */
    private void gitlabArtefact(String job, Path workspace, List<String> paths) {
        Path target = artefacts.resolve(job.replace('/', '-').replace(' ', '-'));
        for (var p : paths) {
            Path source = workspace.resolve(p).normalize();
            if (!Files.exists(source)) {
                throw fail("GitLab job " + job + ": artifacts path " + p + " does not exist");
            }
            copyTree(source, target.resolve(workspace.relativize(source)));
        }
        checkLinks(target, "GitLab job " + job + "'s artefacts");
    }

    // ---- shell blocks, as the steps of a GitHub job that checked out the project

    private Job shellSteps(String script) {
        var job = Json.MAPPER.createObjectNode();
        var steps = job.putArray("steps");
        steps.addObject().put("uses", "actions/checkout@v4");
        steps.addObject().put("name", "the recipe's steps").put("run", script);
        return githubJob("steps", job, Map.of());
    }

    // ---- the stand-ins' work

    private void checkout(Path dest, int depth, String ref, Map<String, String> env) {
        createDirectories(dest.getParent());
        var clone = new ArrayList<>(List.of("git", "clone", "--quiet"));
        if (depth > 0) {
            clone.addAll(List.of(
                    "--depth", Integer.toString(depth), project.origin().toUri().toString()));
        } else {
            clone.add(project.origin().toString());
        }
        clone.add(dest.toString());
        command(clone, root, env);
        command(List.of("git", "checkout", "--quiet", "--detach", ref), dest, env);
    }

    private void upload(String name, Path workspace, List<String> paths, String where) {
        if (paths.isEmpty()) {
            throw fail(where + ": upload-artifact " + name + " names no path");
        }
        var sources = new ArrayList<Path>();
        for (var p : paths) {
            Path source = workspace.resolve(p).normalize();
            if (!Files.exists(source)) {
                throw fail(where + ": upload-artifact " + name + ": " + p + " does not exist");
            }
            sources.add(source);
        }
        Path target = artefacts.resolve(name);
        if (Files.exists(target)) {
            throw fail(where + ": an artefact named " + name + " was uploaded already");
        }
        Path ancestor = sources.size() == 1
                ? (Files.isDirectory(sources.get(0))
                        ? sources.get(0)
                        : sources.get(0).getParent())
                : commonAncestor(sources);
        for (var source : sources) {
            copyTree(source, target.resolve(ancestor.relativize(source).toString()));
        }
        checkLinks(target, where + ": artefact " + name);
    }

    private void download(String name, Path dest, boolean merge, String where) {
        createDirectories(dest);
        if (name != null) {
            Path source = artefacts.resolve(name);
            if (!Files.isDirectory(source)) {
                throw fail(where + ": download-artifact: no artefact named " + name);
            }
            copyTree(source, dest);
            return;
        }
        if (!Files.isDirectory(artefacts)) {
            throw fail(where + ": download-artifact: no artefact was uploaded");
        }
        for (Path artefact : list(artefacts)) {
            copyTree(
                    artefact, merge ? dest : dest.resolve(artefact.getFileName().toString()));
        }
    }

    /** Every relative link of an HTML file in the artefact must reach a file of the artefact. */
    private void checkLinks(Path artefact, String where) {
        try (Stream<Path> files = Files.walk(artefact)) {
            for (Path html : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher link = LINK.matcher(Files.readString(html));
                while (link.find()) {
                    String href = link.group(1);
                    if (href.isEmpty() || href.startsWith("#") || href.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) {
                        continue;
                    }
                    String path = URI.create(href.replace(" ", "%20")).getPath();
                    Path target = html.getParent().resolve(path).normalize();
                    if (!target.startsWith(artefact) || !Files.exists(target)) {
                        throw fail(where + ": " + artefact.relativize(html) + " links to " + href
                                + ", which the artefact does not hold");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Step bash(String name, String script, Path dir, Map<String, String> env, Path temp) {
        try {
            Path file = Files.createTempFile(temp, "step", ".sh");
            Files.writeString(file, script);
            var builder = new ProcessBuilder("bash", "--noprofile", "--norc", "-eo", "pipefail", file.toString())
                    .directory(dir.toFile())
                    .redirectErrorStream(true);
            builder.environment().clear();
            builder.environment().putAll(env);
            Process process = builder.start();
            process.getOutputStream().close();
            var output = new StringBuilder();
            Thread reader = new Thread(() -> {
                try {
                    output.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            reader.start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw fail("step '" + name + "' did not finish in 10 minutes");
            }
            reader.join();
            return new Step(name, true, process.exitValue(), output.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private void command(List<String> command, Path dir, Map<String, String> env) {
        var step = bash(
                String.join(" ", command),
                String.join(" ", command.stream().map(CiRunner::quote).toList()),
                dir,
                env,
                root);
        if (step.failed()) {
            throw fail(step.name() + " failed (" + step.exit() + "):\n" + step.output());
        }
    }

    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    // ---- expressions

    private String expand(String text, Map<String, String> context, String where) {
        Matcher m = EXPRESSION.matcher(text);
        var out = new StringBuilder();
        while (m.find()) {
            String value = context.get(m.group(1));
            Matcher output = STEP_OUTPUT.matcher(m.group(1));
            if (value == null && output.matches() && context.containsKey("steps." + output.group(1))) {
                value = "";
            }
            if (value == null) {
                throw fail(where + ": ${{ " + m.group(1) + " }} is not available there");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private JsonNode expandAll(JsonNode with, Map<String, String> context, String where) {
        var expanded = Json.MAPPER.createObjectNode();
        with.fields()
                .forEachRemaining(f -> expanded.put(
                        f.getKey(), expand(f.getValue().asText(), context, where + " with." + f.getKey())));
        return expanded;
    }

    private void putAll(Map<String, String> env, JsonNode values, Map<String, String> context, String where) {
        if (values == null) {
            return;
        }
        values.fields()
                .forEachRemaining(f -> env.put(f.getKey(), expand(f.getValue().asText(), context, where)));
    }

    // ---- files

    private Path newJobHome() {
        Path home = root.resolve("job-" + ++jobs);
        createDirectories(home);
        return home;
    }

    private static Path commonAncestor(List<Path> paths) {
        Path common = paths.get(0);
        for (Path p : paths) {
            while (!p.startsWith(common)) {
                common = common.getParent();
            }
        }
        return common;
    }

    private static void copyTree(Path source, Path target) {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path to = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.createDirectories(to.getParent());
                    Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted(Comparator.naturalOrder()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> names(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (node.isTextual()) {
            return List.of(node.asText());
        }
        var names = new ArrayList<String>();
        node.forEach(n -> names.add(n.isObject() ? n.path("job").asText() : n.asText()));
        return names;
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static void createDirectories(Path... dirs) {
        try {
            for (Path dir : dirs) {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void touch(Path... files) {
        try {
            for (Path file : files) {
                Files.writeString(file, "");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private AssertionError fail(String message) {
        return new AssertionError("recipe " + recipe + ": " + message);
    }
}
