#!/usr/bin/env bash
# Checks that the release build is reproducible: two clean clones of one commit, each built with
# `mvn -Prelease package`, must give byte-identical released files: the tool jar, the reference
# suites' jar and their SBOMs (docs/install.md).
#
#   scripts/reproducible.sh [COMMIT] [-- MAVEN ARGS...]     default: HEAD
#
# Exit 0 when both builds match, 1 when they differ (naming the files and the differing entries),
# 2 on bad use.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
commit="HEAD"
if [[ $# -gt 0 && "$1" != "--" ]]; then
  commit="$1"
  shift
fi
[[ $# -gt 0 && "$1" == "--" ]] && shift
rev="$(git -C "$root" rev-parse --verify --quiet "$commit^{commit}")" \
  || { echo "reproducible.sh: '$commit' is not a commit of $root" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for build in one two; do
  git clone -q --no-local "$root" "$work/$build"
  git -C "$work/$build" checkout -q "$rev"
  echo "reproducible.sh: build $build of ${rev:0:12} ..." >&2
  (cd "$work/$build" && mvn -B -q -Dstyle.color=never -Prelease -pl suites,cli -am package -DskipTests \
    -Dspotless.check.skip=true "$@" >&2)
done

status=0
for file in cli/target/benchrun.jar cli/target/benchrun-cli-sbom.json suites/target/benchmarks.jar \
  suites/target/benchrun-suites-sbom.json; do
  a="$(sha256sum "$work/one/$file" | cut -d' ' -f1)"
  b="$(sha256sum "$work/two/$file" | cut -d' ' -f1)"
  if [[ "$a" == "$b" ]]; then
    echo "same      $a  $file"
  else
    echo "DIFFERENT $a $b  $file"
    status=1
    if [[ "$file" == *.jar ]]; then
      diff <(cd "$work/one" && unzip -Z -T "$file" | sort) <(cd "$work/two" && unzip -Z -T "$file" | sort) | head -20 || true
    fi
  fi
done
# Each SBOM names every runtime dependency Maven resolves for its module, each with a version and a licence.
for module in cli suites; do
  sbom="$work/one/$module/target/benchrun-$module-sbom.json"
  if ! (cd "$work/one" && mvn -B -q -Dstyle.color=never -pl "$module" dependency:list -DincludeScope=runtime \
    -DexcludeTransitive=false -DoutputFile="$work/$module-deps.txt" -DappendOutput=false "$@" >&2); then
    echo "SBOM      $module: cannot check: Maven could not list the module's runtime dependencies (see above)"
    status=1
    continue
  fi
  python3 - "$sbom" "$work/$module-deps.txt" "$module" <<'PY' || status=1
import json, re, sys
sbom, deps, module = sys.argv[1], sys.argv[2], sys.argv[3]
components = {(c["group"], c["name"]): c for c in json.load(open(sbom))["components"]}
wanted = set()
for line in open(deps):
    m = re.match(r"\s+([^:\s]+):([^:]+):[^:]+:(?:[^:]+:)?([^:]+):(compile|runtime)", line)
    if m:
        wanted.add((m.group(1), m.group(2), m.group(3)))
problems = []
for group, name, version in sorted(wanted):
    c = components.get((group, name))
    if c is None:
        problems.append(f"{group}:{name}:{version} is not in the SBOM")
    elif c.get("version") != version:
        problems.append(f"{group}:{name}: SBOM says {c.get('version')}, Maven resolves {version}")
    elif not any(l.get("license", {}).get("id") or l.get("license", {}).get("name") or l.get("expression")
                 for l in c.get("licenses", [])):
        problems.append(f"{group}:{name}:{version} has no licence in the SBOM")
for p in problems:
    print(f"SBOM      {module}: {p}")
print(f"SBOM      {module}: {len(wanted)} runtime dependencies, each with its version and licence" if not problems else "", end="")
print()
sys.exit(1 if problems else 0)
PY
done
exit "$status"
