#!/usr/bin/env bash
# Whole-process throughput of a configuration file against the built-in configuration it
# copies, and what compiling it costs (the issue's goals: ≥ 80% of the built-in's throughput;
# every table of s2twp from text dictionaries in ≤ 150 ms).
#
# Usage: Benchmarks/custom-config-throughput.sh TEXT [RUNS] [CONFIG]
#   TEXT    a UTF-8 text file, e.g. simplified.txt from Scripts/real-corpus.sh (24 MB)
#   RUNS    timed runs per case; the median is reported (default 5)
#   CONFIG  a built-in configuration (default s2twp)
# Environment: JIANFAN (the binary; default: a release build of this checkout).
#
# Cases, each `jianfan -c … -i TEXT -o FILE`, one process per run:
#   built-in   -c CONFIG
#   text       CONFIG's JSON naming its dictionaries as text files, OpenCC's own (byte-identical
#              to Data/): recognized as the built-in plan, nothing compiled
#   compiled   the same JSON with dictionaries that are not byte-identical (an empty line added),
#              with --no-cache, so every table is compiled at run time
#   warm       `compiled` without --no-cache, its plan already in the cache: read, not compiled
#   compile    `compiled` on an empty input: the compile time alone
#   cold       `warm` on an empty input with an empty cache: compile and write the cache file
#   load       `warm` on an empty input: hash the files and read the cached plan
# Each case's output must equal the built-in's. Figures: median wall seconds and CPU seconds
# (user + system, GNU time), and each case's throughput as a share of the built-in's.
set -euo pipefail
[[ $# -ge 1 ]] || { echo "usage: $0 TEXT [RUNS] [CONFIG]" >&2; exit 2; }
TEXT="$1" RUNS="${2:-5}" CONFIG="${3:-s2twp}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
JIANFAN="${JIANFAN:-}"
if [[ -z "$JIANFAN" ]]; then
    (cd "$ROOT" && swift build -c release --product jianfan >&2)
    JIANFAN="$ROOT/.build/release/jianfan"
fi

mkdir -p "$WORK/text" "$WORK/compiled"
sed 's/"ocd2"/"text"/g; s/\.ocd2"/.txt"/g' "$ROOT/Data/Configs/$CONFIG.json" > "$WORK/text/$CONFIG.json"
cp "$WORK/text/$CONFIG.json" "$WORK/compiled/$CONFIG.json"
for dict in "$ROOT"/Data/Dictionaries/*.txt; do
    ln -s "$dict" "$WORK/text/"
    { cat "$dict"; echo; } > "$WORK/compiled/$(basename "$dict")"
done
: > "$WORK/empty.txt"

# median of a column of numbers
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# run NAME INPUT ARGS…: RUNS timed runs (each after $BEFORE, if set); prints "NAME wall cpu" (medians)
BEFORE=""
run() {
    local name="$1" input="$2"; shift 2
    $BEFORE
    "$JIANFAN" "$@" -i "$input" -o "$WORK/$name.out"   # warm-up, and the output to compare
    : > "$WORK/$name.times"
    for _ in $(seq "$RUNS"); do
        $BEFORE
        /usr/bin/time -f '%e %U %S' -a -o "$WORK/$name.times" "$JIANFAN" "$@" -i "$input" -o "$WORK/$name.out"
    done
    echo "$name $(awk '{ print $1 }' "$WORK/$name.times" | median) $(awk '{ print $2 + $3 }' "$WORK/$name.times" | median)"
}

export JIANFAN_CACHE_DIR="$WORK/cache"
empty_cache() { rm -rf "$WORK/cache"; }
{
    run built-in "$TEXT" -c "$CONFIG"
    run text "$TEXT" -c "$WORK/text/$CONFIG.json"
    run compiled "$TEXT" -c "$WORK/compiled/$CONFIG.json" --no-cache
    run warm "$TEXT" -c "$WORK/compiled/$CONFIG.json"
    run compile "$WORK/empty.txt" -c "$WORK/compiled/$CONFIG.json" --no-cache
    BEFORE=empty_cache run cold "$WORK/empty.txt" -c "$WORK/compiled/$CONFIG.json"
    run load "$WORK/empty.txt" -c "$WORK/compiled/$CONFIG.json"
} > "$WORK/results"
for name in text compiled warm; do
    cmp -s "$WORK/built-in.out" "$WORK/$name.out" || { echo "$name: output differs from the built-in's" >&2; exit 1; }
done

echo "$CONFIG on $(basename "$TEXT") ($(wc -c < "$TEXT") bytes), median of $RUNS runs, whole process"
awk 'NR == 1 { w = $2; c = $3 }
     { printf "%-9s wall %7.3f s  cpu %7.3f s", $1, $2, $3
       if ($1 != "compile" && $1 != "cold" && $1 != "load" && NR > 1) printf "  throughput %5.1f%% (wall) %5.1f%% (cpu) of the built-in", 100 * w / $2, 100 * c / $3
       printf "\n" }' "$WORK/results"
