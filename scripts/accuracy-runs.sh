#!/usr/bin/env bash
# Measures the stored-baseline path as a CI uses it, through the real CLI: every run of the same
# code is judged against a baseline of the K runs before it (kept with `run --save-baseline NAME
# --append --keep K`), and, beside it, against the one run before it alone.
#
#   A/A          the fixture benchmarks run again and again with the same jar; each run is compared
#                before it joins the baseline; every verdict other than "~" is a false positive.
#   slowdowns    every EVERY-th run, a run with -Dfixture.slowdown=N for each N (hashWork's and
#                branchy's work grows by N%), compared with the same baselines and never added.
#
# Usage: scripts/accuracy-runs.sh [--profile quick] [--keep 5] [--aa 55] [--every 5]
#                                 [--slowdowns "5 10"] [--filter 'hashWork|branchy'] [--out DIR]
#        scripts/accuracy-runs.sh --compare-only --out DIR   # re-judge an earlier experiment
#        scripts/accuracy-runs.sh --compare-only --also-keep 10 --out DIR
#                              # also judge each run against the 10 A/A runs before it (path runs10),
#                              # a baseline built from the stored runs as --keep 10 would have kept it
#
# The first K runs only fill the baseline, so --aa N gives N - K A/A verdicts per benchmark on each
# path. Writes DIR/results.tsv (one line per benchmark, path and comparison) and prints a summary.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
profile=quick
keep=5
aa=55
every=5
slowdowns="5 10"
filter='hashWork|branchy'
out=""
compare_only=false
also_keep=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --profile) profile="$2"; shift 2 ;;
    --keep) keep="$2"; shift 2 ;;
    --aa) aa="$2"; shift 2 ;;
    --every) every="$2"; shift 2 ;;
    --slowdowns) slowdowns="$2"; shift 2 ;;
    --filter) filter="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --compare-only) compare_only=true; shift ;;
    --also-keep) also_keep="$2"; shift 2 ;;
    *) echo "accuracy-runs.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[[ -n "$out" ]] || out="$(mktemp -d /tmp/benchrun-accuracy-runs.XXXXXX)"
mkdir -p "$out/baselines" "$out/compare"
store="$out/store"
command -v jq >/dev/null || { echo "accuracy-runs.sh: jq is needed to read compare's JSON" >&2; exit 2; }

# Build once through the launcher, then use private copies of the jars: a rebuild of the working
# tree while the experiment runs must not change the tool or the benchmarks.
"$root/benchrun" --version >/dev/null
[[ "$compare_only" == true ]] || cp "$root/fixtures/target/fixtures.jar" "$out/fixtures.jar"
cp "$root/cli/target/benchrun.jar" "$out/benchrun.jar"
cp "$root/suites/target/benchmarks.jar" "$out/benchmarks.jar"
benchrun() {
  java -Dbenchrun.suites.jar="$out/benchmarks.jar" -jar "$out/benchrun.jar" --store "$store" --no-color "$@"
}
latest_run() { ls "$store/runs" | sort | tail -n 1; }

# One run; appends "kind slowdown run-id baseline-file previous-run" to runs.tsv ("-" for none:
# read splits on tabs as whitespace, so an empty field would shift the others). An A/A run joins
# the rolling baseline in the same command, as a CI job on main would do it.
measure_run() {
  local kind="$1" slowdown="$2" snapshot="-" previous="${3:--}"
  local args=(run --jar "$out/fixtures.jar" --filter "$filter" --profile "$profile" -q --label "$kind-$slowdown")
  [[ "$slowdown" == 0 ]] || args+=(--jvm-args "-Dfixture.slowdown=$slowdown")
  if [[ -f "$store/baselines/roll.json" ]] \
    && [[ "$(jq '.runs | length' "$store/baselines/roll.json")" -ge "$keep" ]]; then
    snapshot="$out/baselines/before-$(date +%s%N).json"
    cp "$store/baselines/roll.json" "$snapshot"
  fi
  [[ "$kind" != aa ]] || args+=(--save-baseline roll --append --keep "$keep")
  benchrun "${args[@]}" >/dev/null 2>>"$out/runs.log"
  printf '%s\t%s\t%s\t%s\t%s\n' "$kind" "$slowdown" "$(latest_run)" "$snapshot" "$previous" >>"$out/runs.tsv"
}

if [[ "$compare_only" == false ]]; then
  : >"$out/runs.tsv"
  {
    echo "started $(date -u +%FT%TZ) on $(hostname): $(nproc) cores, $(uname -sr)"
    echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
    java -version 2>&1 | head -n 1
  } >"$out/machine.txt"
  previous=""
  for ((i = 1; i <= aa; i++)); do
    measure_run aa 0 "$previous"
    previous="$(latest_run)"
    if ((i > keep && i % every == 0)); then
      for s in $slowdowns; do measure_run slow "$s" "$previous"; done
    fi
  done
  echo "load after: $(cut -d' ' -f1-3 /proc/loadavg), finished $(date -u +%FT%TZ)" >>"$out/machine.txt"
fi

# Judge each run against its baseline snapshot (several runs) and against the run before it (one).
printf 'path\tkind\tslowdown\trun\tbenchmark\tverdict\tchange\tp\tbaselineRuns\tdetectable\n' >"$out/results.tsv"
judge() {
  local path="$1" baseline="$2" kind="$3" slowdown="$4" run="$5"
  benchrun compare "$baseline" "$run" --format json -o "$out/compare/$path-$run.json" --fail-on never
  jq -r --arg path "$path" --arg k "$kind" --arg s "$slowdown" --arg r "$run" \
    '.benchmarks[] | [$path, $k, $s, $r, .benchmark, .verdict, .change.estimate, .pValue, .baselineRuns,
      (.runSpread.smallestDetectable // "")] | @tsv' \
    "$out/compare/$path-$run.json" >>"$out/results.tsv"
}
aa_runs=()
while IFS=$'\t' read -r kind slowdown run snapshot previous; do
  if [[ -n "$also_keep" ]] && ((${#aa_runs[@]} >= also_keep)); then
    longer="$out/baselines/keep$also_keep-before-$run.json"
    jq -n --slurpfile runs <(for r in "${aa_runs[@]: -$also_keep}"; do cat "$store/runs/$r/run.json"; done) \
      '{schemaVersion: 2, name: "roll", savedAt: "1970-01-01T00:00:00Z", runs: $runs}' >"$longer"
    judge "runs$also_keep" "$longer" "$kind" "$slowdown" "$run"
  fi
  [[ "$kind" != aa ]] || aa_runs+=("$run")
  [[ "$snapshot" != - ]] || continue
  judge runs "$snapshot" "$kind" "$slowdown" "$run"
  judge one "$store/runs/$previous/run.json" "$kind" "$slowdown" "$run"
done <"$out/runs.tsv"

echo "results: $out/results.tsv"
awk -F'\t' '
  NR == 1 { next }
  { name = $5; sub(/.*\./, "", name); key = $1 "\t" name "\t" ($2 == "aa" ? "A/A" : "+" $3 "%") }
  { n[key]++ }
  $6 == "INCONCLUSIVE" { inc[key]++ }
  $2 == "aa" && $6 != "NO_CHANGE" && $6 != "INCONCLUSIVE" { hit[key]++ }
  $2 == "slow" && ($6 == "REGRESSION" || $6 == "WARNING" || $6 == "SLOWER") && $7 > 0 { hit[key]++ }
  $10 != "" { mdc[key] += $10; m[key]++ }
  END {
    printf "%-6s %-10s %-6s %9s %14s %13s %11s\n", "path", "benchmark", "case", "verdicts", "flagged/caught",
      "inconclusive", "detectable"
    for (k in n) {
      split(k, part, "\t")
      printf "%-6s %-10s %-6s %9d %8d %4.0f%% %13d %10s\n", part[1], part[2], part[3], n[k], hit[k],
        100 * hit[k] / n[k], inc[k], m[k] ? sprintf("%.1f%%", 100 * mdc[k] / m[k]) : "-"
    }
  }' "$out/results.tsv" | sort
