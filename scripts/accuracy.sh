#!/usr/bin/env bash
# Measures how far benchrun's verdicts can be trusted on this machine, through the real CLI:
#
#   A/A          the fixture benchmarks run again and again with the same jar and compared with a
#                baseline of themselves; every verdict other than "~" is a false positive.
#   slowdowns    hashWork's work grows by N% when the forks get -Dfixture.slowdown=N (the
#                benchmark's key stays the same as the baseline's); how often is it caught?
#
# Usage: scripts/accuracy.sh [--profiles "quick ci"] [--aa N] [--slow N] [--slowdowns "2 5 10 30"]
#                            [--filter 'hashWork|sum$'] [--out DIR]
#        scripts/accuracy.sh --compare-only --out DIR   # re-judge the stored runs of an earlier
#                                                       # experiment with the current benchrun
#
# Writes DIR/results.tsv (one line per benchmark and comparison) and prints a summary. Runs hold
# JMH's machine-wide lock (/tmp/jmh.lock), so they wait for, and are slowed by, any other JMH run
# on the machine; the summary says how long each verdict took end to end.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
profiles="quick ci"
aa=20
slow=5
slowdowns="2 5 10 30"
filter='hashWork|sum$'
out=""
compare_only=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --profiles) profiles="$2"; shift 2 ;;
    --aa) aa="$2"; shift 2 ;;
    --slow) slow="$2"; shift 2 ;;
    --slowdowns) slowdowns="$2"; shift 2 ;;
    --filter) filter="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --compare-only) compare_only=true; shift ;;
    *) echo "accuracy.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[[ -n "$out" ]] || out="$(mktemp -d /tmp/benchrun-accuracy.XXXXXX)"
mkdir -p "$out"
store="$out/store"
command -v jq >/dev/null || { echo "accuracy.sh: jq is needed to read compare's JSON" >&2; exit 2; }

# Build once through the launcher, then use private copies of the jars: a rebuild of the working
# tree while the experiment runs (tests, other edits) must not change the tool or the benchmarks.
"$root/benchrun" --version >/dev/null
if [[ "$compare_only" == false ]]; then
  cp "$root/fixtures/target/fixtures.jar" "$out/fixtures.jar"
fi
cp "$root/cli/target/benchrun.jar" "$out/benchrun.jar"
cp "$root/suites/target/benchmarks.jar" "$out/benchmarks.jar"
benchrun() {
  java -Dbenchrun.suites.jar="$out/benchmarks.jar" -jar "$out/benchrun.jar" --store "$store" --no-color "$@"
}
now() { date +%s.%N; }
latest_run() { ls "$store/runs" | sort | tail -n 1; }

# One run; appends "profile kind slowdown run-id seconds" to runs.tsv.
measure_run() {
  local profile="$1" kind="$2" slowdown="$3" start end
  local args=(run --jar "$out/fixtures.jar" --filter "$filter" --profile "$profile" -q
    --label "$kind-$slowdown")
  [[ "$slowdown" == 0 ]] || args+=(--jvm-args "-Dfixture.slowdown=$slowdown")
  start="$(now)"
  benchrun "${args[@]}" >/dev/null
  end="$(now)"
  printf '%s\t%s\t%s\t%s\t%.1f\n' "$profile" "$kind" "$slowdown" "$(latest_run)" \
    "$(echo "$end - $start" | bc)" >>"$out/runs.tsv"
}

if [[ "$compare_only" == false ]]; then
  : >"$out/runs.tsv"
  {
    echo "started $(date -u +%FT%TZ) on $(hostname): $(nproc) cores, $(uname -sr)"
    echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
    echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
    java -version 2>&1 | head -n 1
  } >"$out/machine.txt"
  for profile in $profiles; do
    measure_run "$profile" base 0
    benchrun save-baseline "base-$profile" --run "$(latest_run)" >/dev/null
    for ((i = 1; i <= aa; i++)); do measure_run "$profile" aa 0; done
    for s in $slowdowns; do
      for ((i = 1; i <= slow; i++)); do measure_run "$profile" slow "$s"; done
    done
  done
  echo "load after: $(cut -d' ' -f1-3 /proc/loadavg), finished $(date -u +%FT%TZ)" >>"$out/machine.txt"
fi

# Judge every candidate run against its profile's baseline.
printf 'profile\tkind\tslowdown\trun\tbenchmark\tverdict\tchange\tp\trun_s\tcompare_s\n' >"$out/results.tsv"
mkdir -p "$out/compare"
while IFS=$'\t' read -r profile kind slowdown run seconds; do
  [[ "$kind" != base ]] || continue
  start="$(now)"
  benchrun compare "base-$profile" "$run" --format json -o "$out/compare/$run.json" --fail-on never
  end="$(now)"
  compare_s="$(echo "$end - $start" | bc)"
  jq -r --arg p "$profile" --arg k "$kind" --arg s "$slowdown" --arg r "$run" --arg rs "$seconds" \
    --arg cs "$compare_s" \
    '.benchmarks[] | [$p, $k, $s, $r, .benchmark, .verdict, .change.estimate, .pValue, $rs, $cs] | @tsv' \
    "$out/compare/$run.json" >>"$out/results.tsv"
done <"$out/runs.tsv"

# Summary per benchmark: false positives among A/A verdicts; detections of the injected slowdowns
# (every benchmark of the fixtures that reads fixture.slowdown does N% more work: hashWork, branchy).
echo "results: $out/results.tsv"
awk -F'\t' '
  NR == 1 { next }
  { name = $5; sub(/.*\./, "", name); key = $1 "\t" name "\t" ($2 == "aa" ? "A/A" : "+" $3 "%") }
  $2 == "aa" { n[key]++; if ($6 != "~" && $6 != "NO_CHANGE") hit[key]++ }
  $2 == "slow" {
    n[key]++
    if (($6 == "REGRESSION" || $6 == "WARNING" || $6 == "slower" || $6 == "SLOWER") && $7 > 0) hit[key]++
  }
  { t[key] += $9 + $10; c[key]++ }
  END {
    printf "%-8s %-12s %-6s %9s %14s %12s\n", "profile", "benchmark", "case", "verdicts", "flagged/caught", "s/verdict"
    for (k in n) {
      split(k, part, "\t")
      printf "%-8s %-12s %-6s %9d %8d %3.0f%% %12.1f\n", part[1], part[2], part[3], n[k], hit[k], 100 * hit[k] / n[k],
        t[k] / c[k]
    }
  }' "$out/results.tsv" | sort
