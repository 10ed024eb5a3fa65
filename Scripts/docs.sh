#!/usr/bin/env bash
# Builds the library's DocC documentation and fails on any warning (a broken symbol link, a
# missing article) or on a public declaration without a `///` comment.
#
# Usage: Scripts/docs.sh [OUTPUT_DIR]
#   OUTPUT_DIR  where to write the .doccarchive (default: the plugin's own, under .build)
#
# Needs the docc tool of the Swift toolchain and the swift-docc-plugin package dependency.
# To read the result: `swift package --disable-sandbox preview-documentation --target Jianfan`.
set -euo pipefail
cd "$(dirname "$0")/.."

python3 Scripts/undocumented.py Sources/Jianfan

arguments=(generate-documentation --target Jianfan --warnings-as-errors)
if [[ $# -gt 0 ]]; then
    arguments=(--allow-writing-to-directory "$1" "${arguments[@]}" --output-path "$1")
fi
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! swift package "${arguments[@]}" 2>&1 | tee "$log" | { grep -v '^\[[0-9]*/[0-9]*\]' || true; }; then
    echo "docs.sh: generate-documentation failed" >&2
    exit 1
fi
# DocC's own part of the log (the build before it may warn about C23's #embed, not about docs).
if sed -n '/^Building documentation for/,$p' "$log" | grep -q 'warning:'; then
    echo "docs.sh: documentation has warnings (above)" >&2
    exit 1
fi
echo "docs.sh: documentation built with no warnings"
