#!/usr/bin/env bash
# Files per second converting a tree of many small files: `jianfan --output-dir` against a
# shell loop over the `opencc` command (OpenCC 1.4.2 from PyPI) and over `jianfan -i -o`.
#
# Usage: Benchmarks/tree-files.sh [--files N] [--runs N] [--loop-files N]
#   --files N       files in the tree (default 10000), 1–20 KB each, 100 per directory
#   --runs N        timed runs of the tree conversion; the median is reported (default 5)
#   --loop-files N  files the shell loops convert, one process each (default 1000; their
#                   rate is per file, so a sample is enough)
#
# The text is the Simplified seed documents (Tests/Fixtures), cut at character boundaries
# into files whose sizes are drawn uniformly from 1–20 KB (seeded, so every run builds the same
# tree). Each tree run writes into a fresh output directory (new files: nothing to fsync) and is
# timed around the whole process with bash's $EPOCHREALTIME, its CPU time (user + system) by
# /usr/bin/time; `cp -r` of the same tree is timed too, as the floor the file system sets. On
# a loaded machine the wall time says how much of the machine the run got, the CPU time what
# the run costs: files per CPU-second is the rate with one core to itself. Every output is
# checked against OpenCC's for the files the loop converted.
#
# Environment:
#   JIANFAN_BIN   the executable to time (default: builds release into .build)
#   OPENCC_VENV   reuse (or create) a virtual environment with opencc==1.4.2 at this path
set -euo pipefail
export LC_ALL=C
BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH")"

FILES=10000 RUNS=5 LOOP=1000
while [[ $# -gt 0 ]]; do
    case "$1" in
        --files) FILES="$2"; shift 2 ;;
        --runs) RUNS="$2"; shift 2 ;;
        --loop-files) LOOP="$2"; shift 2 ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "tree-files.sh: unknown argument: $1" >&2; exit 2 ;;
    esac
done

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
log() { printf '%s\n' "$*" >&2; }

if [[ -z "${JIANFAN_BIN:-}" ]]; then
    (cd "$ROOT" && swift build -c release >&2)
    JIANFAN_BIN="$ROOT/.build/release/jianfan"
fi

VENV="${OPENCC_VENV:-$WORK/venv}"
if [[ ! -x "$VENV/bin/opencc" ]]; then
    log "installing opencc==1.4.2 into $VENV"
    python3 -m venv "$VENV"
    "$VENV/bin/python" -m pip install --quiet opencc==1.4.2
fi

log "building a tree of $FILES files"
python3 - "$WORK/tree" "$FILES" "$ROOT"/Tests/Fixtures/000_*.txt "$ROOT"/Tests/Fixtures/002_*.txt <<'PY'
import os, random, sys
out, count, sources = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
text = "".join(open(p, encoding="utf-8").read() for p in sources)
data = (text * (1 + 400_000 // len(text.encode())))
rng = random.Random(17)
for i in range(count):
    size = rng.randint(1024, 20 * 1024)
    start = rng.randrange(0, len(data) - size)
    piece = data[start:start + size // 3]          # about 3 bytes per character
    d = os.path.join(out, f"d{i // 100:03d}")
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, f"f{i:05d}.txt"), "w", encoding="utf-8") as f:
        f.write(piece)
PY
BYTES=$(du -sb "$WORK/tree" | cut -f1)
log "tree: $FILES files, $BYTES bytes"

now() { echo "${EPOCHREALTIME/./}"; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# CPU microseconds (user + system) of the command /usr/bin/time last wrote to $WORK/cpu.
cpu_us() { awk '{ printf "%d", ($1 + $2) * 1e6 }' "$WORK/cpu"; }

times=() cpus=()
for run in $(seq "$RUNS"); do
    rm -rf "$WORK/out"
    t0=$(now)
    /usr/bin/time -f '%U %S' -o "$WORK/cpu" "$JIANFAN_BIN" -c s2t "$WORK/tree" --output-dir "$WORK/out" 2>"$WORK/summary"
    t1=$(now)
    times+=($((t1 - t0))) cpus+=("$(cpu_us)")
done
TREE_US=$(printf '%s\n' "${times[@]}" | median)
TREE_CPU_US=$(printf '%s\n' "${cpus[@]}" | median)
log "$(cat "$WORK/summary")"

# The floor the file system sets: copying the same tree, no conversion at all.
copies=() copy_cpus=()
for run in $(seq "$RUNS"); do
    rm -rf "$WORK/copy"
    t0=$(now); /usr/bin/time -f '%U %S' -o "$WORK/cpu" cp -r "$WORK/tree" "$WORK/copy"; t1=$(now)
    copies+=($((t1 - t0))) copy_cpus+=("$(cpu_us)")
done
COPY_US=$(printf '%s\n' "${copies[@]}" | median)
COPY_CPU_US=$(printf '%s\n' "${copy_cpus[@]}" | median)

mapfile -t SAMPLE < <(cd "$WORK/tree" && find . -type f | sort | head -n "$LOOP")
loop() {   # loop TOOL OUTDIR: one process per file, as a shell script would
    local tool="$1" out="$2"
    for f in "${SAMPLE[@]}"; do
        mkdir -p "$out/$(dirname "$f")"
        "$tool" -c s2t.json -i "$WORK/tree/$f" -o "$out/$f"
    done
}
t0=$(now); loop "$VENV/bin/opencc" "$WORK/opencc"; t1=$(now); OPENCC_US=$((t1 - t0))
t0=$(now); loop "$JIANFAN_BIN" "$WORK/jloop"; t1=$(now); JLOOP_US=$((t1 - t0))

for f in "${SAMPLE[@]}"; do
    cmp -s "$WORK/opencc/$f" "$WORK/out/$f" || { log "differs from opencc: $f"; exit 1; }
done

rate() { awk -v n="$1" -v us="$2" 'BEGIN { printf "%.0f", n / (us / 1e6) }'; }
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| tool | files | seconds | files/s | MB/s | CPU s | files per CPU-second |"
echo "|---|---:|---:|---:|---:|---:|---:|"
awk -v n="$FILES" -v us="$TREE_US" -v b="$BYTES" -v cpu="$TREE_CPU_US" 'BEGIN { printf "| jianfan DIR --output-dir (median of '"$RUNS"') | %d | %.2f | %.0f | %.1f | %.2f | %.0f |\n", n, us/1e6, n/(us/1e6), b/us, cpu/1e6, n/(cpu/1e6) }'
awk -v n="$FILES" -v us="$COPY_US" -v b="$BYTES" -v cpu="$COPY_CPU_US" 'BEGIN { printf "| cp -r, no conversion (median of '"$RUNS"') | %d | %.2f | %.0f | %.1f | %.2f | %.0f |\n", n, us/1e6, n/(us/1e6), b/us, cpu/1e6, n/(cpu/1e6) }'
echo "| shell loop over jianfan -i -o | $LOOP | $(awk -v us="$JLOOP_US" 'BEGIN{printf "%.2f", us/1e6}') | $(rate "$LOOP" "$JLOOP_US") | | | |"
echo "| shell loop over opencc -i -o | $LOOP | $(awk -v us="$OPENCC_US" 'BEGIN{printf "%.2f", us/1e6}') | $(rate "$LOOP" "$OPENCC_US") | | | |"
log "outputs of the $LOOP sampled files identical to opencc's"
