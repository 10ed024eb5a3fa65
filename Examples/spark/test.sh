#!/usr/bin/env bash
# End to end: the Spark job in local mode (local[2]) on a few MB of real text cut into many
# partitions, its output compared byte for byte with `jianfan` run on each file on one machine.
#
# Usage: Examples/spark/test.sh
#
# Environment:
#   JIANFAN      the binary to ship (default: .build/release/jianfan, built by the README's
#                install line; the test fails without it)
#   SPARK_VENV   virtual environment with pyspark (default: .venv-spark; created if missing)
#   MB           size of the text input (default: 4)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
BIN="${JIANFAN:-$ROOT/.build/release/jianfan}"
VENV="${SPARK_VENV:-$ROOT/.venv-spark}"
PYSPARK_VERSION=4.0.5

if [[ ! -x "$BIN" ]]; then
    echo "test.sh: no jianfan binary at $BIN (build it with the README's install line)" >&2
    exit 1
fi
if [[ ! -x "$VENV/bin/spark-submit" ]]; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet "pyspark==$PYSPARK_VERSION"
fi
command -v java > /dev/null || { echo "test.sh: Spark needs Java 17 or later" >&2; exit 1; }

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
"$VENV/bin/python" "$HERE/make_test_input.py" "$ROOT/Tests/Fixtures" "$WORK/in" "${MB:-4}"

passed=0
failed=0
pass() { passed=$((passed + 1)); echo "ok: $*"; }
fail() { failed=$((failed + 1)); echo "FAILED: $*"; }

# Runs the job; its log goes to a file, shown when it fails.
submit() {
    local log="$WORK/spark-$((passed + failed)).log"
    if PATH="$VENV/bin:$PATH" PYSPARK_PYTHON="$VENV/bin/python" spark-submit --master "local[2]" --conf spark.ui.enabled=false \
        --files "$BIN" "$HERE/jianfan_spark.py" "$@" > "$log" 2>&1; then
        grep '^jianfan_spark:' "$log" || true
    else
        tail -40 "$log"
        return 1
    fi
}

# The part files of each input, concatenated, against `"$@" FILE` (from the job's manifest).
compare_per_file() {
    local output="$1"
    shift
    while IFS=$'\t' read -r path first count; do
        local file="${path#file:}"
        local index="${first#part-}"
        index=$((10#$index))
        : > "$WORK/actual"
        for ((i = index; i < index + count; i++)); do
            cat "$output/$(printf 'part-%05d' "$i")" >> "$WORK/actual"
        done
        "$@" "$file" > "$WORK/expected"
        if cmp -s "$WORK/expected" "$WORK/actual"; then
            pass "$(basename "$file"): $(wc -c < "$WORK/actual") bytes in $count partitions, identical"
        else
            fail "$(basename "$file") differs from \`$* FILE\`: $(cmp "$WORK/expected" "$WORK/actual" 2>&1 | head -1)"
        fi
    done < "$output/_manifest.tsv"
}

# 1. Text, converted, in partitions of at most 100 KB.
submit -c s2twp --split-mb 0.1 "$WORK/in/text" "$WORK/out-text"
compare_per_file "$WORK/out-text" "$BIN" -c s2twp
partitions=$(ls "$WORK/out-text" | grep -c '^part-')
if ((partitions >= 40)); then pass "$partitions partitions"; else fail "only $partitions partitions"; fi

# 2. JSON Lines: the "text" field converted, everything else as it was. The reference converts
#    each record's text itself (not its JSON escape), all records in one jianfan run.
submit -c t2s --format jsonl --split-mb 0.05 "$WORK/in/jsonl" "$WORK/out-jsonl"
"$VENV/bin/python" - "$BIN" "$WORK/in/jsonl/records.jsonl" > "$WORK/expected" <<'EOF'
import json, subprocess, sys
binary, path = sys.argv[1], sys.argv[2]
records = [json.loads(line) for line in open(path, encoding="utf-8")]
texts = [r["text"] for r in records if "text" in r]
joined = "\n\0\n".join(texts).encode("utf-8")
converted = iter(subprocess.run([binary, "-c", "t2s"], input=joined, capture_output=True, check=True)
                 .stdout.decode("utf-8").split("\n\0\n"))
for r in records:
    if "text" in r:
        r["text"] = next(converted)
    print(json.dumps(r, ensure_ascii=False, separators=(",", ":")))
EOF
cat "$WORK"/out-jsonl/part-* > "$WORK/actual"
if cmp -s "$WORK/expected" "$WORK/actual"; then
    pass "records.jsonl: $(wc -l < "$WORK/actual") records in $(ls "$WORK/out-jsonl" | grep -c '^part-') partitions, identical"
else
    fail "records.jsonl differs from the per-record reference: $(cmp "$WORK/expected" "$WORK/actual" 2>&1 | head -1)"
fi

# 3. Whole documents normalized, options passed through.
submit --normalize --to simplified --steps readings,punctuation,script "$WORK/in/normalize" "$WORK/out-normalize"
compare_per_file "$WORK/out-normalize" "$BIN" normalize --to simplified --steps readings,punctuation,script

echo "$passed passed, $failed failed"
((failed == 0))
