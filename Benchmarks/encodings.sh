#!/usr/bin/env bash
# Whole-process throughput of conversions that read and write another encoding than UTF-8:
# GB18030 → s2t → GB18030 (the goal: ≥ 100 MB/s), UTF-16LE → s2t → UTF-16LE and
# Big5-HKSCS → s2t → Big5-HKSCS, beside UTF-8 → s2t → UTF-8, on the 24 MB real corpus
# (Scripts/real-corpus.sh) recoded with ICU's `uconv` (Debian's icu-devtools). Each output is
# checked: decoded back to UTF-8 it must equal the UTF-8 conversion.
#
# Usage: Benchmarks/encodings.sh [--runs N]     (median of N runs, default 5)
#
# Reports wall time, user + system CPU time and peak memory (GNU time), and MB/s of the
# encoded input and of its UTF-8 size. Wall time needs an idle machine to mean anything; CPU
# time does not.
#
# Environment:
#   JIANFAN_BIN   the executable to time (default: builds release into .build)
#   CORPUS        the corpus directory (default /tmp/corpus, as Scripts/real-corpus.sh makes it)
set -euo pipefail
export LC_ALL=C
BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH")"
RUNS=5
[[ "${1:-}" == "--runs" ]] && RUNS="$2"
CORPUS="${CORPUS:-/tmp/corpus}"
if [[ -z "${JIANFAN_BIN:-}" ]]; then
    (cd "$ROOT" && swift build -c release --product jianfan >/dev/null)
    JIANFAN_BIN="$ROOT/.build/release/jianfan"
fi
command -v uconv >/dev/null || { echo "needs uconv (apt-get install icu-devtools)" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# name, uconv encoding, corpus file, jianfan options
cases=(
    "UTF-8|UTF-8|simplified.txt|"
    "GB18030|GB18030|simplified.txt|--to-encoding GB18030"
    "UTF-16LE|UTF-16LE|simplified.txt|--from-encoding UTF-16LE --to-encoding UTF-16LE"
    "Big5-HKSCS|Big5-HKSCS|traditional.txt|--to-encoding Big5-HKSCS"
)
printf '%-11s %9s %9s %8s %8s %9s %9s\n' encoding "in MB" "UTF-8 MB" "wall s" "cpu s" "MB/s in" "peak MB"
for entry in "${cases[@]}"; do
    IFS='|' read -r name encoding source options <<<"$entry"
    input="$work/in.$name"
    # -c: Big5-HKSCS lacks a few characters of the corpus; they are left out of its copy.
    uconv -c -f UTF-8 -t "$encoding" "$CORPUS/$source" >"$input"
    uconv -f "$encoding" -t UTF-8 "$input" >"$work/utf8.txt"
    "$JIANFAN_BIN" -c s2t -i "$work/utf8.txt" -o "$work/expected.txt"
    # shellcheck disable=SC2086
    "$JIANFAN_BIN" -c s2t -i "$input" $options -o "$work/out"
    uconv -f "$encoding" -t UTF-8 "$work/out" | cmp -s - "$work/expected.txt" \
        || { echo "$name: output differs from the UTF-8 conversion" >&2; exit 1; }
    for ((run = 0; run < RUNS; run++)); do
        # shellcheck disable=SC2086
        /usr/bin/time -f '%e %U %S %M' -o "$work/time.$run" "$JIANFAN_BIN" -c s2t -i "$input" $options -o "$work/out"
    done
    median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
    wall=$(cat "$work"/time.* | awk '{ print $1 }' | median)
    cpu=$(cat "$work"/time.* | awk '{ print $2 + $3 }' | median)
    peak=$(cat "$work"/time.* | awk '{ print $4 }' | median)
    awk -v name="$name" -v in_bytes="$(stat -c %s "$input")" -v utf8_bytes="$(stat -c %s "$work/utf8.txt")" \
        -v wall="$wall" -v cpu="$cpu" -v peak="$peak" 'BEGIN {
            printf "%-11s %9.1f %9.1f %8.3f %8.3f %9.1f %9.1f\n", name, in_bytes / 1e6, utf8_bytes / 1e6,
                wall, cpu, in_bytes / 1e6 / wall, peak / 1024
        }'
    rm -f "$work"/time.*
done
