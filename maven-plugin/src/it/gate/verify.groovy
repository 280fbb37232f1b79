// Checks what the seven builds of invoker.properties left: their shared build.log, the store and
// the report. Each build's part of the log starts at its "Building benchrun plugin IT" line.
def log = new File(basedir, 'build.log').text
def builds = log.split(/(?m)^\[INFO\] Building benchrun plugin IT.*$/).drop(1)
assert builds.size() == 7 : "expected 7 builds in build.log, found ${builds.size()}"

// Maven names a goal benchrun-maven-plugin:VERSION:GOAL where it starts, with the groupId in front
// where it failed.
def goal = /benchrun-maven-plugin:[^:\s]+/
def plugin = /dev\.benchrun:${goal}/
def passed = { String build -> build.contains('[INFO] BUILD SUCCESS') }
// A row of the verdict table: indented under its category, in the part of the log after the
// compare goal started (the run's own result table has rows of the same names).
def verdictRow = { String build, String benchmark ->
    def gate = build.indexOf(':compare (gate) @ gate ---')
    assert gate >= 0 : 'the compare goal did not start'
    build.substring(gate).readLines().find { it ==~ /^\[INFO\]   ${benchmark}\s+.*us\/op.*/ }
}

// 1. run by hand, kept as baseline main.
assert passed(builds[0])
assert builds[0] =~ /(?m)^\[INFO\] Saved run \S+ as baseline 'main'/
assert new File(basedir, '.benchrun/baselines/main.json').isFile()

// 2. verify: the bound run stores a run, the bound compare judges it against main and passes.
assert passed(builds[1])
assert builds[1] =~ /(?m)^\[INFO\] --- ${goal}:run \(benchmarks\) @ gate ---$/
assert builds[1] =~ /(?m)^\[INFO\] --- ${goal}:compare \(gate\) @ gate ---$/
assert builds[1] =~ /(?m)^\[INFO\] Stored run \S+/
assert builds[1] =~ /(?m)^\[INFO\] 2 compared: 0 regressions, /

// 3. compare by hand, -Dbenchrun.baseline=main: passes.
assert passed(builds[2])
assert builds[2] =~ /(?m)^\[INFO\] Baseline:  main \(run /
assert builds[2] =~ /(?m)^\[INFO\] 2 compared: 0 regressions, /

// 4. the injected regression: the compare goal fails the build, the verdict table in the log.
assert !passed(builds[3])
def work = verdictRow(builds[3], 'work')
assert work != null && work.contains('REGRESSION') : "no REGRESSION row for work in build 4"
def steady = verdictRow(builds[3], 'steady')
assert steady != null && !steady.contains('REGRESSION') : "steady was not slowed: ${steady}"
assert builds[3] =~ /(?m)^\[ERROR\] Failed to execute goal ${plugin}:compare \(gate\) on project gate: benchrun: the gate failed: 2 compared: 1 regression, .* See the verdict table above\. -> \[Help 1\]$/
assert builds[3].contains('org.apache.maven.plugin.MojoFailureException')

// 5. the Markdown report of the slowed run against main.
assert passed(builds[4])
def report = new File(basedir, 'target/benchrun-report.md')
assert report.isFile()
def markdown = report.text
assert markdown.startsWith('## benchrun report: run ')
assert markdown.contains('against baseline main')
assert markdown.readLines().any { it.startsWith('| `work` |') && it.contains('**REGRESSION**') }

// 6. the A/B session: both sides stored as one session, judged, passes.
assert passed(builds[5])
assert builds[5] =~ /(?m)^\[INFO\] Stored session \S+: the --against side as run \S+, the candidate as run \S+/

// 7. bad input: a build error (not a gate failure) carrying benchrun's one error line.
assert !passed(builds[6])
assert builds[6] =~ /(?m)^\[ERROR\] Failed to execute goal ${plugin}:compare \(default-cli\) on project gate: benchrun: .*'nope'.*$/
assert builds[6].contains('org.apache.maven.plugin.MojoExecutionException')

return true
