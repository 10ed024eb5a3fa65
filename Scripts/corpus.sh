#!/usr/bin/env bash
# Builds deterministic corpora for differential tests and benchmarks.
#
# Usage: Scripts/corpus.sh OUTDIR [MB]
#   MB  size of each corpus in MiB (default 5; e.g. 20 for benchmarks)
#
# Writes (each at least MB MiB, valid UTF-8, no NUL, a UTF-8 BOM only as the first bytes):
#   OUTDIR/simplified.txt   Simplified: seed documents, generated text, OpenCC t2s of
#                           the Traditional material, a block of tricky characters
#   OUTDIR/traditional.txt  Traditional: the same recipe in the other direction
#   OUTDIR/taiwan.txt       OpenCC s2twp of simplified.txt
#   OUTDIR/hongkong.txt     OpenCC s2hkp of simplified.txt
#   OUTDIR/boundaries.txt   ~70 MiB, mostly ASCII: one crafted case (phrase, IDS, split
#                           UTF-8 character, CR|LF, variation selector, ...) at every 1 MiB
#                           boundary, where the OpenCC CLI's streaming flushes (see corpus.py)
#   OUTDIR/long-*.txt       lines of 512 KiB to 1.1 MiB with no line break, above the size
#                           where jianfan cuts its input into pieces: the golden files' hard
#                           cases (Tests/Fixtures/Golden/cases.json), e.g. 'U盘a' x 104858
#
# Environment:
#   OPENCC_VENV  reuse (or create) the virtual environment with opencc==1.4.2 at this path
#                instead of a throw-away one.
#   PYTHON       interpreter used to create the venv (default: python3).
set -euo pipefail
export LC_ALL=C

if [[ $# -lt 1 || $# -gt 2 || "$1" == -* ]]; then
    echo "usage: $0 OUTDIR [MB]" >&2
    exit 2
fi
OUT="$1"
MB="${2:-5}"
[[ "$MB" =~ ^[1-9][0-9]*$ ]] || { echo "corpus.sh: MB must be a positive integer" >&2; exit 2; }

SCRIPTS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$SCRIPTS")"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# shellcheck source=Scripts/opencc-venv.sh
source "$SCRIPTS/opencc-venv.sh"
VENV="${OPENCC_VENV:-$WORK/venv}"
opencc_venv "$VENV"
opencc() { "$OPENCC" -c "$1.json" --path "$SHARE/" -i "$2" -o "$3"; }

"$PY" "$SCRIPTS/corpus.py" generate --root "$ROOT" --work "$WORK" --mb "$MB"
opencc s2t "$WORK/simp_src.txt" "$WORK/from_simp.txt"
opencc t2s "$WORK/trad_src.txt" "$WORK/from_trad.txt"
mkdir -p "$OUT"
"$PY" "$SCRIPTS/corpus.py" assemble --root "$ROOT" --work "$WORK" --out "$OUT" --mb "$MB"
opencc s2twp "$OUT/simplified.txt" "$OUT/taiwan.txt"
opencc s2hkp "$OUT/simplified.txt" "$OUT/hongkong.txt"
"$PY" "$SCRIPTS/corpus.py" long --root "$ROOT" --out "$OUT"

for f in "$OUT"/{simplified,traditional,taiwan,hongkong,boundaries}.txt "$OUT"/long-*.txt; do
    printf '%-28s %10d bytes  %s\n' "$(basename "$f")" "$(wc -c < "$f")" \
        "$(sha256sum "$f" | cut -d' ' -f1)" >&2
done
