#!/usr/bin/env bash
# Measures how far the verdicts of A/B sessions (run --against) can be trusted on this machine,
# through the real CLI, with two jars that differ only in an injected amount of work:
#
#   A/A          both sides are copies of the same fixtures jar; every verdict other than "~" and
#                INCONCLUSIVE is a false positive.
#   +N%          the candidate jar carries fixture.properties with slowdown=N, so hashWork (steady)
#                and branchy (JIT-sensitive: its forks differ far more than its iterations) do N%
#                more work; a verdict of slower, WARNING or REGRESSION catches it.
#
# Sessions of the different levels are interleaved (round by round), so drift of the machine over
# the experiment falls on every level alike. Every session runs with benchrun's defaults (profile
# pairs) unless extra arguments are given after --.
#
# Usage: scripts/accuracy-ab.sh [--aa N] [--slow N] [--slowdowns "1 2 5 10"] [--out DIR] [-- RUN-ARGS]
#        scripts/accuracy-ab.sh --compare-only --out DIR   # re-judge the stored sessions of an earlier
#                                                         # experiment with the current benchrun
#
# --aa N sessions A/A and --slow N sessions per slowdown, two verdicts each (one per benchmark).
# Writes DIR/results.tsv (one line per verdict) and prints a summary per benchmark and level.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
aa=50
slow=5
slowdowns="1 2 5 10"
out=""
compare_only=false
extra=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --aa) aa="$2"; shift 2 ;;
    --slow) slow="$2"; shift 2 ;;
    --slowdowns) slowdowns="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --compare-only) compare_only=true; shift ;;
    --) shift; extra=("$@"); break ;;
    *) echo "accuracy-ab.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[[ -n "$out" ]] || out="$(mktemp -d /tmp/benchrun-accuracy-ab.XXXXXX)"
mkdir -p "$out/sessions"
store="$out/store"
command -v jq >/dev/null || { echo "accuracy-ab.sh: jq is needed to read compare's JSON" >&2; exit 2; }
command -v jar >/dev/null || { echo "accuracy-ab.sh: the JDK's jar tool is needed to make the variants" >&2; exit 2; }

# Private copies of the tool and the jars: a rebuild of the working tree while the experiment runs
# must not change what is measured.
"$root/benchrun" --version >/dev/null
cp "$root/cli/target/benchrun.jar" "$out/benchrun.jar"
benchrun() {
  java -jar "$out/benchrun.jar" --store "$store" --no-color "$@"
}
now() { date +%s.%N; }
filter='hashWork|branchy'

if [[ "$compare_only" == false ]]; then
  # The variants: one jar per level, the same classes, only fixture.properties added.
  work="$(mktemp -d)"
  cp "$root/fixtures/target/fixtures.jar" "$out/base.jar"
  cp "$out/base.jar" "$out/same.jar"
  for s in $slowdowns; do
    cp "$out/base.jar" "$out/slow-$s.jar"
    printf 'slowdown=%s\n' "$s" >"$work/fixture.properties"
    (cd "$work" && jar uf "$out/slow-$s.jar" fixture.properties)
  done
  rm -rf "$work"
  {
    echo "started $(date -u +%FT%TZ) on $(hostname): $(nproc) cores, $(uname -sr)"
    echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
    echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
    java -version 2>&1 | head -n 1
    echo "run arguments: ${extra[*]:-(defaults)}"
  } >"$out/machine.txt"
  : >"$out/sessions.tsv"
  session() { # level jar
    local level="$1" jar="$2" n start end
    n="$(wc -l <"$out/sessions.tsv")"
    start="$(now)"
    benchrun run --against "$out/base.jar" --jar "$jar" --filter "$filter" -q --fail-on never \
      --format json -o "$out/sessions/$n.json" --label "$level" "${extra[@]}" >/dev/null 2>"$out/sessions/$n.err" \
      || echo "session $n ($level) exited $?" >>"$out/errors.txt"
    end="$(now)"
    printf '%s\t%s\t%.1f\n' "$n" "$level" "$(echo "$end - $start" | bc)" >>"$out/sessions.tsv"
  }
  # Round by round: a share of the A/A sessions, then one session per slowdown.
  per_round=$(( slow > 0 ? (aa + slow - 1) / slow : aa ))
  done_aa=0
  for ((r = 1; r <= (slow > 0 ? slow : 1); r++)); do
    for ((i = 0; i < per_round && done_aa < aa; i++)); do
      session aa "$out/same.jar"
      done_aa=$((done_aa + 1))
    done
    if (( slow > 0 )); then
      for s in $slowdowns; do session "$s" "$out/slow-$s.jar"; done
    fi
  done
  echo "load after: $(cut -d' ' -f1-3 /proc/loadavg), finished $(date -u +%FT%TZ)" >>"$out/machine.txt"
else
  # Judge each stored session again: its two run ids are in its compare JSON.
  while IFS=$'\t' read -r n level seconds; do
    f="$out/sessions/$n.json"
    [[ -s "$f" ]] || continue
    benchrun compare "$(jq -r .baseline.runId "$f")" "$(jq -r .candidate.runId "$f")" --format json \
      -o "$f.again" --fail-on never && mv "$f.again" "$f"
  done <"$out/sessions.tsv"
fi

# One line per verdict; sd is the spread of the pairs' log ratios (in %), read from the stored runs:
# the noise a session of this machine has to see through.
printf 'session\tlevel\tbenchmark\tverdict\tchange\tpairs\tstopped\tsession_s\tsd\n' >"$out/results.tsv"
while IFS=$'\t' read -r n level seconds; do
  f="$out/sessions/$n.json"
  [[ -s "$f" ]] || continue
  base_run="$store/runs/$(jq -r .baseline.runId "$f")/run.json"
  cand_run="$store/runs/$(jq -r .candidate.runId "$f")/run.json"
  jq -r --arg n "$n" --arg l "$level" --arg s "$seconds" \
    --slurpfile b "$base_run" --slurpfile c "$cand_run" '
    def means($run; $id): [$run[0].benchmarks[] | select(.id == $id) | .primary.forks[] | add / length];
    def sd: (add / length) as $m | (map(($m - .) * ($m - .)) | add / ((length - 1) | if . < 1 then 1 else . end)) | sqrt;
    .benchmarks[] | . as $d
    | (means($b; $d.id)) as $x | (means($c; $d.id)) as $y
    | [range([$x, $y] | map(length) | min) | ($y[.] / $x[.] | log)] as $r
    | [$n, $l, .id, .verdict, (.change.estimate // ""), (.pairing.pairs // ""), (.pairing.stopped // ""), $s,
       (if ($r | length) > 1 then ($r | sd * 100) else "" end)] | @tsv' "$f" >>"$out/results.tsv"
done <"$out/sessions.tsv"

echo "results: $out/results.tsv"
awk -F'\t' '
  FNR == 1 { next }
  NR == FNR { per[$1]++; next }
  { key = $3 "\t" ($2 == "aa" ? "A/A" : "+" $2 "%"); n[key]++; pairs[key] += $6 }
  $2 == "aa" && $4 != "NO_CHANGE" && $4 != "INCONCLUSIVE" { hit[key]++ }
  $2 != "aa" && ($4 == "SLOWER" || $4 == "WARNING" || $4 == "REGRESSION") { hit[key]++ }
  $4 == "INCONCLUSIVE" { inc[key]++ }
  { secs[key] += $8 / per[$1]; sd[key] += $9 }
  END {
    printf "%-10s %-6s %9s %14s %14s %7s %8s %10s\n", "benchmark", "case", "verdicts", "flagged/caught", "inconclusive",
      "pairs", "sd %", "s/verdict"
    for (k in n) {
      split(k, part, "\t")
      printf "%-10s %-6s %9d %8d %4.0f%% %8d %4.0f%% %7.1f %8.2f %10.1f\n", part[1], part[2], n[k], hit[k], 100 * hit[k] / n[k],
        inc[k], 100 * inc[k] / n[k], pairs[k] / n[k], sd[k] / n[k], secs[k] / n[k]
    }
  }' "$out/results.tsv" "$out/results.tsv" | sort -k1,1 -k2,2V
