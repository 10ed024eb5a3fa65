#!/usr/bin/env bash
# Throughput of the Spark job in local mode: one executor thread (local[1]) and two (local[2]),
# with the input cut into more and more partitions, against `jianfan` alone on the same file.
#
# Usage: Examples/spark/bench.sh [MB] [CONFIG]     (defaults: MB 6, about 10 MB of input; s2twp)
#
# Prints one line per run: cores, partitions, the job's time and MB/s (the conversion and the
# write, measured in the job: Spark's start-up, 10-20 s, is not in it). Uses the binary and
# the virtual environment test.sh uses (JIANFAN, SPARK_VENV).
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
    start=$(date +%s.%N)
    "$BIN" -c "$CONFIG" -i "$WORK/in/corpus.txt" -o "$WORK/reference.txt"
    end=$(date +%s.%N)
    echo "jianfan alone, run $run: $(echo "$start $end $size" | awk '{printf "%.2f s, %.1f MB/s", $2 - $1, $3 / 1e6 / ($2 - $1)}')"
done

for cores in 1 2; do
    for partitions in 1 2 4 8; do
        split=$(echo "$size $partitions" | awk '{printf "%.6f", $1 / $2 / 1e6 + 0.000001}')
        rm -rf "$WORK/out"
        PATH="$VENV/bin:$PATH" PYSPARK_PYTHON="$VENV/bin/python" spark-submit \
            --master "local[$cores]" --conf spark.ui.enabled=false --files "$BIN" \
            "$HERE/jianfan_spark.py" -c "$CONFIG" --split-mb "$split" "$WORK/in" "$WORK/out" \
            2> "$WORK/log" | sed "s/^jianfan_spark:/local[$cores], $partitions partitions:/; s/ through \`[^\`]*\`//"
        cat "$WORK"/out/part-* | cmp -s - "$WORK/reference.txt" || { echo "output differs" >&2; exit 1; }
    done
done
