#!/usr/bin/env bash
# Measures the script detector's accuracy (the README's table): real Simplified and Traditional
# lines from the benchmark corpus, and OpenCC 1.4.2's conversions of them.
#
# Usage: Scripts/detect-accuracy.sh CORPUS_DIR [LINES]
#   CORPUS_DIR  made by Scripts/real-corpus.sh
#   LINES       lines per set (default 2000)
# Environment: OPENCC_VENV (a venv with opencc==1.4.2 to reuse), JIANFAN (the binary;
# default: a release build of this checkout).
set -euo pipefail
[[ $# -ge 1 ]] || { echo "usage: $0 CORPUS_DIR [LINES]" >&2; exit 2; }
SCRIPTS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$SCRIPTS")"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
VENV="${OPENCC_VENV:-$WORK/venv}"
[[ -x "$VENV/bin/python" ]] || "${PYTHON:-python3}" -m venv "$VENV"
"$VENV/bin/python" -c 'import opencc' 2>/dev/null || "$VENV/bin/python" -m pip install --quiet opencc==1.4.2
JIANFAN="${JIANFAN:-}"
if [[ -z "$JIANFAN" ]]; then
    (cd "$ROOT" && swift build -c release --product jianfan >&2)
    JIANFAN="$ROOT/.build/release/jianfan"
fi
"$VENV/bin/python" "$SCRIPTS/detect_accuracy.py" "$1" "$JIANFAN" "${2:-2000}"
