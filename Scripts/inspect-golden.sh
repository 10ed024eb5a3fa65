#!/usr/bin/env bash
# Writes OpenCC 1.4.2's `--inspect` and `--segmentation` records for a sample of lines under all
# 16 configurations into Tests/Fixtures/Inspect/, the oracle of InspectionTests; and its
# `--ambiguities` records of the five seed documents and the sample's extra lines (one input,
# under 1 MiB, so one chunk), the oracle of AmbiguityTests.
#
# Usage: Scripts/inspect-golden.sh
# The sample (Tests/Fixtures/Inspect/sample.txt) is every 9th line of the five seed documents
# plus lines with phrases that cross stages, IDS and compatibility ideographs. OpenCC comes
# from PyPI (`opencc==1.4.2`) in a private virtual environment (OPENCC_VENV, default .venv-opencc).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${OPENCC_VENV:-$ROOT/.venv-opencc}"
[ -x "$VENV/bin/python" ] || { python3 -m venv "$VENV"; "$VENV/bin/pip" install -q opencc==1.4.2; }
OPENCC_DIR="$("$VENV/bin/python" -c 'import opencc, os; print(os.path.dirname(opencc.__file__))')/clib"
OUT="$ROOT/Tests/Fixtures/Inspect"
mkdir -p "$OUT"
{
    for f in "$ROOT"/Tests/Fixtures/0*.txt; do awk 'NR % 9 == 1 && length($0) < 400' "$f"; done
    printf '%s\n' '头发和U盘' '鼠标和软件' '联繫历史' '他们是勇敢的士兵' '⿰氵青和头发' '舊字體と新字体' '臺灣的頭髮和滑鼠' ''
} > "$OUT/sample.txt"
{
    cat "$ROOT"/Tests/Fixtures/0*.txt
    printf '%s\n' '头发和U盘' '鼠标和软件' '联繫历史' '他们是勇敢的士兵' '⿰氵青和头发' '舊字體と新字体' '臺灣的頭髮和滑鼠' \
        '干 x 干 码表' '什么 麼 后面' '台里系' '蹦极和地址' '乾 著 於 甚麼 後' '芸術と芸能'
    printf '\U0002F811 (a compatibility ideograph)\n'
} > "$OUT/ambiguities.txt"
for config in s2t t2s s2tw tw2s s2twp tw2sp s2hk hk2s s2hkp hk2sp t2tw tw2t t2hk hk2t t2jp jp2t; do
    "$OPENCC_DIR/bin/opencc" -c "$OPENCC_DIR/share/opencc/$config.json" --inspect -i "$OUT/sample.txt" > "$OUT/$config.inspect.jsonl"
    if grep -q '"segmentation"' "$OPENCC_DIR/share/opencc/$config.json"; then
        "$OPENCC_DIR/bin/opencc" -c "$OPENCC_DIR/share/opencc/$config.json" --segmentation -i "$OUT/sample.txt" \
            > "$OUT/$config.segmentation.jsonl"
    fi
    "$OPENCC_DIR/bin/opencc" -c "$OPENCC_DIR/share/opencc/$config.json" --ambiguities -i "$OUT/ambiguities.txt" \
        > "$OUT/$config.ambiguities.jsonl"
done
echo "wrote $(ls "$OUT" | wc -l) files to Tests/Fixtures/Inspect"
