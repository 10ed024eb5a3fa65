#!/usr/bin/env bash
# Custom configurations against OpenCC 1.4.2, byte for byte (see Scripts/differential_configs.py):
# the 16 configs rewritten to text dictionaries, and variants with inline dictionaries at the
# first step, in the segmentation and as an extra last step.
#
# Usage: Scripts/differential-configs.sh [INPUT …]   (default: the five seed documents)
# Environment: OPENCC_VENV (default .venv-opencc), JIANFAN_BIN (default: a release build).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${OPENCC_VENV:-$ROOT/.venv-opencc}"
[ -x "$VENV/bin/python" ] || { python3 -m venv "$VENV"; "$VENV/bin/pip" install -q opencc==1.4.2; }
if [ -z "${JIANFAN_BIN:-}" ]; then
    (cd "$ROOT" && swift build -c release --product jianfan >&2)
    JIANFAN_BIN="$ROOT/.build/release/jianfan"
fi
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
if [ $# -eq 0 ]; then set -- "$ROOT"/Tests/Fixtures/0*.txt; fi
"$VENV/bin/python" "$ROOT/Scripts/differential_configs.py" "$JIANFAN_BIN" "$ROOT/Data" "$WORK" "$@"
