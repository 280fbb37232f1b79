#!/usr/bin/env bash
# Checks a `benchrun report --format html` page in a real browser (headless Chromium):
#
#   scripts/check-report-html.sh report.html [SCREENSHOT_DIR]
#
# Fails (exit 1) when the file names an external URL, when the page's own script did not run to
# its end (it sets data-report="ready" on <html>), when any script raised an error (the trap in
# <head> records it as data-report-error), or when the page holds no charts (data-charts). With
# SCREENSHOT_DIR, also writes desktop.png (1280x2000) and phone.png (390x2000) there.
# Chromium runs with networking off; set CHROMIUM to use another binary.
set -euo pipefail

page=${1:?usage: check-report-html.sh REPORT.html [SCREENSHOT_DIR]}
shots=${2:-}
chromium=${CHROMIUM:-chromium}
[[ -f $page ]] || { echo "check-report-html: no such file: $page" >&2; exit 2; }
command -v "$chromium" >/dev/null || { echo "check-report-html: $chromium not found (apt-get install chromium)" >&2; exit 2; }
url="file://$(cd "$(dirname "$page")" && pwd)/$(basename "$page")"

if grep -Eqi 'https?://|(src|href)="//|@import|url\(' "$page"; then
    echo "check-report-html: $page names an external resource:" >&2
    grep -Eoi '.{0,40}(https?://|(src|href)="//|@import|url\().{0,40}' "$page" | head -5 >&2
    exit 1
fi

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
browse() {
    "$chromium" --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
        --disable-sync --no-first-run --proxy-server='127.0.0.1:9' --user-data-dir="$profile" "$@" 2>/dev/null
}

dom=$(browse --virtual-time-budget=5000 --dump-dom "$url")
root=$(grep -o '<html[^>]*>' <<<"$dom" | head -1)
if [[ $root == *data-report-error=* ]]; then
    echo "check-report-html: script error: $(sed -E 's/.*data-report-error="([^"]*)".*/\1/' <<<"$root")" >&2
    exit 1
fi
if [[ $root != *'data-report="ready"'* ]]; then
    echo "check-report-html: the page's script did not run to its end" >&2
    exit 1
fi
charts=$(sed -E 's/.*data-charts="([0-9]+)".*/\1/' <<<"$root")
if [[ ! $charts =~ ^[0-9]+$ ]] || (( charts == 0 )); then
    echo "check-report-html: the page has no charts" >&2
    exit 1
fi

if [[ -n $shots ]]; then
    mkdir -p "$shots"
    browse --screenshot="$shots/desktop.png" --window-size=1280,2000 "$url" >/dev/null
    browse --screenshot="$shots/phone.png" --window-size=390,2000 "$url" >/dev/null
fi
echo "check-report-html: $page OK: $charts charts, no script errors, no external URLs"
