#!/usr/bin/env bash
# JSON Lines throughput against plain conversion of the same text (the README's figures).
#
# Usage: Benchmarks/jsonl-throughput.sh TEXT [RUNS]
#   TEXT  a UTF-8 text file, e.g. simplified.txt from Scripts/real-corpus.sh (24 MB)
#   RUNS  timed runs per case; the median is reported (default 5)
# Environment: JIANFAN (the binary; default: a release build of this checkout).
#
# Each line of TEXT becomes {"id":N,"text":LINE,"lang":"zh"} twice over: once as UTF-8
# (json.dumps(ensure_ascii=False)) and once with every non-ASCII character as \u escapes (the
# json.dumps default). Times `jianfan -c s2t` on TEXT and `jianfan -c s2t --jsonl text` on each
# JSONL file, whole process, output to a new file each run; checks that the JSONL outputs hold
# exactly the lines of the plain output.
set -euo pipefail
[[ $# -ge 1 ]] || { echo "usage: $0 TEXT [RUNS]" >&2; exit 2; }
TEXT="$1"
RUNS="${2:-5}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
JIANFAN="${JIANFAN:-}"
if [[ -z "$JIANFAN" ]]; then
    (cd "$ROOT" && swift build -c release --product jianfan >&2)
    JIANFAN="$ROOT/.build/release/jianfan"
fi

python3 - "$TEXT" "$WORK" <<'PY'
import json, sys
text, work = sys.argv[1], sys.argv[2]
with open(text, encoding="utf-8", newline="") as f:
    lines = f.read().split("\n")
if lines and lines[-1] == "":
    lines.pop()
for name, ascii_only in (("utf8", False), ("escaped", True)):
    with open(f"{work}/{name}.jsonl", "w", encoding="utf-8", newline="") as out:
        for i, line in enumerate(lines):
            out.write(json.dumps({"id": i, "text": line, "lang": "zh"}, ensure_ascii=ascii_only) + "\n")
with open(f"{work}/plain.txt", "w", encoding="utf-8", newline="") as out:
    out.write("\n".join(lines) + "\n")
PY

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_case() { # name input [options...]
    local name="$1" input="$2"; shift 2
    for _ in $(seq "$RUNS"); do
        # A fresh output each run: -o over an existing file syncs it to disk before the rename,
        # which would time the disk (the JSONL output is twice the plain one's size), not jianfan.
        rm -f "$WORK/$name.out"
        local start="$EPOCHREALTIME"
        "$JIANFAN" -c s2t "$@" -i "$input" -o "$WORK/$name.out"
        awk -v end="$EPOCHREALTIME" -v start="$start" 'BEGIN { print end - start }'
    done | median
}
plain=$(time_case plain "$WORK/plain.txt")
utf8=$(time_case utf8 "$WORK/utf8.jsonl" --jsonl text)
escaped=$(time_case escaped "$WORK/escaped.jsonl" --jsonl text)

python3 - "$WORK" <<'PY'
import json, sys
work = sys.argv[1]
plain = open(f"{work}/plain.out", encoding="utf-8", newline="").read().split("\n")[:-1]
for name in ("utf8", "escaped"):
    with open(f"{work}/{name}.out", encoding="utf-8", newline="") as f:
        texts = [json.loads(line)["text"] for line in f]
    assert texts == plain, f"{name}: the converted fields differ from the plain conversion"
print("outputs checked: the JSONL text fields equal the plain conversion, line for line", file=sys.stderr)
PY

size() { wc -c < "$1"; }
echo "| input | bytes | median wall time (s) | MB/s of input | text per second vs plain |"
echo "|---|---:|---:|---:|---:|"
for case in "plain plain.txt $plain" "utf8 utf8.jsonl $utf8" "escaped escaped.jsonl $escaped"; do
    set -- $case
    bytes=$(size "$WORK/$2")
    awk -v name="$2" -v bytes="$bytes" -v t="$3" -v plain="$plain" \
        'BEGIN { printf "| %s | %d | %.3f | %.0f | %.0f%% |\n", name, bytes, t, bytes / t / 1e6, 100 * plain / t }'
done
