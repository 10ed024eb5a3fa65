#!/usr/bin/env bash
# Throughput of the Spark job in local mode, one executor thread (local[1]) and two (local[2]),
# over a few partition counts, against `jianfan` alone on the same file.
#
# Usage: Examples/spark/bench.sh [MB] [CONFIG]     (defaults: 6, about 10 MB of input; s2twp)
#
# Per run: the job's wall time and MB/s as the job measures them (the conversion and the write;
# Spark's start-up is not in it). Uses the binary and the virtual environment test.sh uses
# (JIANFAN, SPARK_VENV); CORES and PARTITIONS choose the runs (default "1 2" and "1 2 4 8").
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
BIN="${JIANFAN:-$ROOT/.build/release/jianfan}"
VENV="${SPARK_VENV:-$ROOT/.venv-spark}"
MB="${1:-6}"
CONFIG="${2:-s2twp}"

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
"$VENV/bin/python" "$HERE/make_test_input.py" "$ROOT/Tests/Fixtures" "$WORK/gen" "$MB"
mkdir "$WORK/in"
cat "$WORK"/gen/text/{a-lf,c-bom,a-lf,c-bom,a-lf}.txt > "$WORK/in/corpus.txt"
size=$(stat -c %s "$WORK/in/corpus.txt")
echo "input: $((size / 1000000)) MB; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"

for run in 1 2 3; do
    /usr/bin/time -f "%e %U %S" -o "$WORK/cpu" "$BIN" -c "$CONFIG" -i "$WORK/in/corpus.txt" -o "$WORK/reference.txt"
    awk -v size="$size" -v run="$run" '{printf "jianfan alone, run %d: %.2f s, %.1f MB/s; CPU %.2f s, %.1f MB per CPU-second\n", run, $1, size / 1e6 / $1, $2 + $3, size / 1e6 / ($2 + $3)}' "$WORK/cpu"
done

# Runs the job and prints its own timing line.
run() {
    local cores="$1" partitions="$2"
    local split
    split=$(echo "$size $partitions" | awk '{printf "%.6f", $1 / $2 / 1e6 + 0.000001}')
    rm -rf "$WORK/out"
    PATH="$VENV/bin:$PATH" PYSPARK_PYTHON="$VENV/bin/python" spark-submit \
        --master "local[$cores]" --conf spark.ui.enabled=false --files "$BIN" \
        "$HERE/jianfan_spark.py" -c "$CONFIG" --split-mb "$split" "$WORK/in" "$WORK/out" 2> "$WORK/log" \
        | sed "s/^jianfan_spark: .* through \`[^\`]*\`: /local[$cores], $partitions partitions: /"
    cat "$WORK"/out/part-* | cmp -s - "$WORK/reference.txt" || { echo "output differs" >&2; exit 1; }
}

for cores in ${CORES:-1 2}; do
    for partitions in ${PARTITIONS:-1 2 4 8}; do
        run "$cores" "$partitions"
    done
done
