#!/usr/bin/env bash
# Regenerates Data/Lexicon/words.bin, the word segmenter's lexicon, from PyPI jieba==0.42.1:
#   1. downloads the sdist with pip into a temporary directory and checks its sha256;
#   2. extracts jieba/dict.txt (word, frequency, tag per line; MIT);
#   3. derives the Traditional forms of every word with Jianfan's own greedy conversion
#      (s2t, s2tw, s2twp, s2hk of each word on its own line), so that Traditional input
#      (t2s, tw2sp, …) is read with the same knowledge;
#   4. compiles both into words.bin (Data/Lexicon/compile-words.py).
#
# Usage: bash Data/import-jieba.sh [JIANFAN_BINARY]   (default: swift build's debug binary)
set -euo pipefail
export LC_ALL=C

VERSION=0.42.1
SHA256=055ca12f62674fafed09427f176506079bc135638a14e23e25be909131928db2
DATA_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$DATA_DIR")"
JIANFAN="${1:-$ROOT/.build/debug/jianfan}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

[[ -x "$JIANFAN" ]] || { echo "error: no jianfan binary at $JIANFAN (swift build first)" >&2; exit 1; }
python3 -m pip download --quiet --no-deps --no-binary=:all: "jieba==$VERSION" -d "$WORK" 2>/dev/null \
    || python3 -m pip download --quiet --no-deps "jieba==$VERSION" -d "$WORK"
ARCHIVE="$WORK/jieba-$VERSION.tar.gz"
echo "$SHA256  $ARCHIVE" | sha256sum -c --quiet -
tar -xzf "$ARCHIVE" -C "$WORK" "jieba-$VERSION/jieba/dict.txt"
DICT="$WORK/jieba-$VERSION/jieba/dict.txt"
cut -d' ' -f1 "$DICT" > "$WORK/words.txt"
forms=()
for config in s2t s2tw s2twp s2hk; do
    "$JIANFAN" -c "$config" < "$WORK/words.txt" > "$WORK/$config.txt"
    forms+=("$WORK/$config.txt")
done
python3 "$DATA_DIR/Lexicon/compile-words.py" "$DICT" "$DATA_DIR/Lexicon/words.bin" "${forms[@]}"
echo "dict.txt sha256: $(sha256sum "$DICT" | cut -d' ' -f1)" >&2
echo "words.bin sha256: $(sha256sum "$DATA_DIR/Lexicon/words.bin" | cut -d' ' -f1)" >&2
