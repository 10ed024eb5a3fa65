#!/usr/bin/env bash
# Writes the golden files of `swift test` (Tests/Fixtures/Golden): OpenCC 1.4.2's outputs for
# the fixtures under all 16 configurations and for the hard cases (phrases, IDS and
# compatibility ideographs across multiples of 16 or 32 KiB up to 1 MiB; long lines with no
# break).
# OpenCC is installed from PyPI (opencc==1.4.2) into a private virtual environment; each
# output is OpenCC's library converting a whole text, OpenCC(config,
# include_tofu_risk_dictionaries=False).convert(text), as Scripts/differential.sh's oracle.
# See Scripts/golden.py and Scripts/golden_cases.py for what is written and checked.
#
# Usage: Scripts/golden.sh [--check]
#   --check   write into a scratch directory and compare with the committed files instead
#             (exit 1 if any differs)
#
# Environment:
#   OPENCC_VENV  reuse (or create) the virtual environment with opencc==1.4.2 at this path
#   PYTHON       interpreter used to create the venv (default: python3)
set -euo pipefail
export LC_ALL=C

SCRIPTS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$SCRIPTS")"
GOLDEN="$ROOT/Tests/Fixtures/Golden"
CHECK=0
case "${1:-}" in
    "") ;;
    --check) CHECK=1 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "golden.sh: unknown argument: $1" >&2; exit 2 ;;
esac

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
# shellcheck source=Scripts/opencc-venv.sh
source "$SCRIPTS/opencc-venv.sh"
opencc_venv "${OPENCC_VENV:-$WORK/venv}"

"$PY" "$SCRIPTS/golden.py" write --root "$ROOT" --out "$WORK/golden"
if (( CHECK )); then
    # (README.md names the Python that ran OpenCC, which may differ.)
    if diff -r -x README.md "$GOLDEN" "$WORK/golden" > "$WORK/diff"; then
        echo "golden.sh: the committed golden files are OpenCC 1.4.2's outputs"
    else
        head -20 "$WORK/diff"
        echo "golden.sh: the committed golden files differ from OpenCC 1.4.2's outputs" >&2
        exit 1
    fi
else
    mkdir -p "$GOLDEN"
    find "$GOLDEN" -mindepth 1 -delete
    cp -R "$WORK/golden/." "$GOLDEN/"
    echo "golden.sh: wrote $(find "$GOLDEN" -type f | wc -l) files," \
        "$(du -sb "$GOLDEN" | cut -f1) bytes, into Tests/Fixtures/Golden"
fi
