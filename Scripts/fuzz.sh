#!/usr/bin/env bash
# Fuzzes Jianfan's public entry points with libFuzzer, AddressSanitizer and the targets' own
# checks (Fuzz/: the converter, large inputs in pieces, the stream, the normalizer, the aligner,
# the ICU transliterator, configuration files, encodings, zip documents, the normalizer's
# protected regions, the CLI's CSV and JSON-lines scanners; each target's doc comment says what
# it checks).
#
# Usage: Scripts/fuzz.sh [SECONDS-PER-TARGET] [TARGET...]
#   SECONDS-PER-TARGET   how long each target runs (default 60)
#   TARGET               a subset, e.g. FuzzStream (default: all eleven)
#
# FuzzArchive's seeds are small EPUB, DOCX and ODT archives (Python's zipfile) whose parts hold
# the fixtures' chunks, stored or deflated.
#
# Builds Fuzz/ in release with `--sanitize=address -Xswiftc -sanitize=fuzzer`, so Jianfan and
# its C code are instrumented too (coverage for libFuzzer, ASan for every access), into
# .build-fuzz/. Seeds are the fixtures cut into 256-byte chunks (some cut inside a character),
# each behind parameter bytes that vary from chunk to chunk so every configuration and mode has
# seeds. Targets run one after another, one process each (one core: the machine is shared).
#
# Everything it writes is under Fuzz/findings/ (git-ignored):
#   seeds/TARGET/        the seed inputs
#   corpus/TARGET/       inputs libFuzzer found that reach new code (kept between runs)
#   TARGET/              crash-*, leak-*, timeout-*: each a finding, replay it with
#                        `.build-fuzz/release/TARGET FILE`
#   TARGET.log           libFuzzer's output
#   TARGET.leaks.log     the corpus replayed with LeakSanitizer on (leaks are not looked for
#                        while fuzzing: see below)
#   summary.txt          executions, CPU seconds and findings per target
# Exit status: 0 when no target reported anything, 1 otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(FuzzConverter FuzzConverterPieces FuzzStream FuzzNormalizer FuzzProtectedRegions FuzzAligner
             FuzzTransliterator FuzzConfiguration FuzzEncoding FuzzArchive FuzzFields)
fi
out=Fuzz/findings
binaries=.build-fuzz/release

echo "building the fuzz targets (release, ASan, libFuzzer)..." >&2
# gold warns about every ASan helper symbol it cannot export; the warnings say nothing here.
swift build -c release --package-path Fuzz --scratch-path .build-fuzz \
    --sanitize=address -Xswiftc -sanitize=fuzzer -Xcc -fsanitize=fuzzer-no-link 2>&1 \
    | grep -v "Cannot export local symbol" >&2

# The parameter bytes in front of the text, per target (see each target's doc comment).
parameters() { # TARGET INDEX
    local n=$2
    case $1 in
        FuzzStream | FuzzNormalizer) printf "\\x$(printf %02x $((n % 128)))\\x$(printf %02x $((n * 37 % 256)))" ;;
        FuzzAligner) printf "\\x$(printf %02x $((n * 7 % 256)))\\x80" ;;
        FuzzProtectedRegions) printf "\\x$(printf %02x $((n * 37 % 256)))\\x$(printf %02x $((n / 8 % 256)))" ;;
        *) printf "\\x$(printf %02x $((n * 5 % 256)))" ;;
    esac
}

# FuzzConfiguration's seeds: a configuration, NUL, ten lines of a dictionary, NUL, a text chunk.
# The configurations are OpenCC's own (their dictionaries are the embedded ones) and small ones
# of every dictionary type that name the fuzzer's d.txt.
configuration_seeds() { # DIR CHUNKS
    local dir=$1 chunks=$2 n=0 configurations=() dictionaries=(Data/Dictionaries/*.txt)
    configurations+=(Data/Configs/*.json)
    local own
    own=$(mktemp -d)
    printf '%s' '{"name":"t","segmentation":{"type":"mmseg","dict":{"type":"text","file":"d.txt"}},"conversion_chain":[{"dict":{"type":"text","file":"d.txt"}}]}' > "$own/text.json"
    printf '%s' '{"conversion_chain":[{"dict":{"type":"group","match_policy":"union","dicts":[{"type":"inline","entries":{"软件":"軟體","鼠标":"滑鼠"}},{"type":"text","file":"d.txt"}]}},{"dict":{"type":"ocd2","file":"TWVariants.ocd2"}}]}' > "$own/union.json"
    printf '%s\n' '// JSONC: comments and trailing commas' '{"segmentation": {"type": "mmseg", "dict": {"type": "inline", "entries": {"头发": "頭髮",},},}, /* a block */' '"conversion_chain": [{"dict": {"type": "group", "dicts": [{"type": "text", "file": "d.txt"}, {"type": "ocd2", "file": "STCharacters.ocd2"},],},},],}' > "$own/jsonc.json"
    configurations+=("$own"/*.json)
    for chunk in "$chunks"/*; do
        local configuration=${configurations[$((n % ${#configurations[@]}))]}
        local dictionary=${dictionaries[$((n % ${#dictionaries[@]}))]}
        { cat "$configuration"; printf '\0'; sed -n "$((n % 50 * 10 + 1)),+9p" "$dictionary"; printf '\0'; cat "$chunk"; } > "$dir/seed-$n"
        n=$((n + 1))
    done
    rm -r "$own"
}

# FuzzEncoding's seeds: fixture chunks encoded (Python's codecs) in the encoding the selector
# byte names, strict or lossy, behind a chunk-size seed.
encoding_seeds() { # DIR
    python3 - "$1" Tests/Fixtures/*.txt <<'PY'
import sys
out, fixtures = sys.argv[1], sys.argv[2:]
codecs = ['gb18030', 'gbk', 'big5', 'big5hkscs', 'shift_jis', 'euc_jp', 'utf-16-le', 'utf-32-be']
n = 0
for path in fixtures:
    text = open(path, 'rb').read().decode('utf-8', 'ignore')
    for start in range(0, min(len(text), 4000), 200):
        selector = n % 16
        chunk = text[start:start + 200].encode(codecs[selector % 8], 'replace')
        open(f'{out}/seed-{n}', 'wb').write(bytes([selector, n * 37 % 256]) + chunk)
        n += 1
PY
}

# FuzzFields' seeds: fixture chunks as CSV and TSV records (quoted or not, CRLF or LF) and as
# JSON lines (Python's json, ASCII-escaped or not, nested), and the inspection fixtures' lines.
fields_seeds() { # DIR
    python3 - "$1" Tests/Fixtures/*.txt Tests/Fixtures/Inspect/*.jsonl <<'PY'
import csv, io, json, sys
out, paths = sys.argv[1], sys.argv[2:]
n = 0
def seed(selector, body):
    global n
    open(f'{out}/seed-{n}', 'wb').write(bytes([selector, n * 37 % 256]) + body.encode())
    n += 1
for path in paths:
    text = open(path, 'rb').read().decode('utf-8', 'ignore')
    if path.endswith('.jsonl'):
        for k, line in enumerate(text.splitlines()[:6]):
            seed(2 + k % 2, line + '\n')
        continue
    lines = [l for l in text.splitlines() if l.strip()][:40]
    for start in range(0, len(lines), 4):
        group = lines[start:start + 4]
        for delimiter, selector in ((',', 0), ('\t', 1)):
            buffer = io.StringIO()
            writer = csv.writer(buffer, delimiter=delimiter, lineterminator='\r\n' if start % 8 else '\n',
                                quoting=csv.QUOTE_ALL if start % 3 == 0 else csv.QUOTE_MINIMAL)
            for line in group:
                writer.writerow([line[:30], str(len(line)), line[30:80] + '"' if start % 2 else line[30:80]])
            seed(selector | (start % 64) << 2, buffer.getvalue())
        records = [{'title': line[:40], 'meta': {'title': line[40:80], 'n': len(line)}, 'tags': [line[:5], None, True]}
                   for line in group]
        seed(2 + start % 2, ''.join(json.dumps(r, ensure_ascii=start % 3 == 0) + '\n' for r in records))
PY
}

# FuzzProtectedRegions' seeds: a fixture chunk cut in three (prose, a snippet's content, prose).
protected_seeds() { # DIR CHUNKS
    local dir=$1 n=0 size
    for chunk in "$2"/*; do
        size=$(stat -c %s "$chunk")
        { parameters FuzzProtectedRegions $n; head -c $((size / 3)) "$chunk"; printf '\0'
          tail -c +$((size / 3 + 1)) "$chunk" | head -c $((size / 6)); printf '\0'
          tail -c +$((size / 2 + 1)) "$chunk"; } > "$dir/seed-$n"
        n=$((n + 1))
    done
}

# Archives of fixture chunks: the selector byte (0 EPUB, 1 DOCX, 4 ODT), then the zip.
archive_seeds() { # DIR
    python3 - "$1" Tests/Fixtures/*.txt <<'PY'
import io, sys, zipfile
out, fixtures = sys.argv[1], sys.argv[2:]
chunks = [open(p, 'rb').read()[:512].decode('utf-8', 'ignore') for p in fixtures]
shapes = [(0, 'OEBPS/c.xhtml', '<html><body><p title="{0}">{0}</p></body></html>'),
          (1, 'word/document.xml', '<w:document><w:body><w:t>{0}</w:t></w:body></w:document>'),
          (4, 'content.xml', '<office:text><text:p>{0}</text:p></office:text>')]
for n, chunk in enumerate(chunks):
    selector, part, template = shapes[n % len(shapes)]
    text = chunk.replace('&', ' ').replace('<', ' ').replace('"', ' ')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, 'w') as z:
        z.writestr(zipfile.ZipInfo('mimetype'), 'application/epub+zip')
        z.writestr(part, template.format(text), compress_type=zipfile.ZIP_DEFLATED if n % 2 else zipfile.ZIP_STORED)
        z.writestr('media/a.bin', bytes(range(64)), compress_type=zipfile.ZIP_DEFLATED)
    open(f'{out}/seed-{n}', 'wb').write(bytes([selector]) + buffer.getvalue())
PY
}

make_seeds() { # TARGET DIR
    local target=$1 dir=$2 chunks n=0
    if [ "$target" = FuzzArchive ]; then archive_seeds "$dir"; return; fi
    if [ "$target" = FuzzEncoding ]; then encoding_seeds "$dir"; return; fi
    if [ "$target" = FuzzFields ]; then fields_seeds "$dir"; return; fi
    chunks=$(mktemp -d)
    for fixture in Tests/Fixtures/*.txt; do
        split -b 256 -a 3 "$fixture" "$chunks/$(basename "$fixture" .txt)-"
    done
    if [ "$target" = FuzzConfiguration ]; then
        configuration_seeds "$dir" "$chunks"
        rm -r "$chunks"
        return
    fi
    if [ "$target" = FuzzProtectedRegions ]; then
        protected_seeds "$dir" "$chunks"
        rm -r "$chunks"
        return
    fi
    for chunk in "$chunks"/*; do
        if [ "$target" = FuzzAligner ]; then
            # The document and the reference share the chunk: passages from the start.
            { parameters "$target" $n; cat "$chunk" "$chunk"; } > "$dir/seed-$n"
        else
            { parameters "$target" $n; cat "$chunk"; } > "$dir/seed-$n"
        fi
        n=$((n + 1))
    done
    rm -r "$chunks"
}

# The Swift runtime's backtracer would take over a crash and can wait for minutes; libFuzzer's
# own handler prints the trace and saves the input.
export SWIFT_BACKTRACE=enable=no
# No fill of new memory and short allocation stacks: a third more executions per second (the
# allocator's memset and stack depot were a fifth of the time). Replay a finding with
# ASAN_OPTIONS= for full stacks.
export ASAN_OPTIONS=${ASAN_OPTIONS:-max_malloc_fill_size=0:malloc_context_size=2}

mkdir -p "$out"
status=0
: > "$out/summary.txt"
for target in "${targets[@]}"; do
    rm -rf "$out/seeds/$target"
    mkdir -p "$out/seeds/$target" "$out/corpus/$target" "$out/$target"
    make_seeds "$target" "$out/seeds/$target"
    echo "fuzzing $target for ${seconds}s..." >&2
    # -max_len: short texts reach every path (the large-input target repeats its own) and
    # run fast; libFuzzer grows inputs towards it only as they pay.
    # -detect_leaks=0 while fuzzing: an input that allocates more than it frees (a cache filled
    # on first use is enough) makes libFuzzer run it again and scan the whole heap, which cut
    # FuzzNormalizer to a quarter of its executions (466 against 125 per second over 40 s).
    # Leaks are looked for afterwards instead: the corpus replayed once with LeakSanitizer on.
    # The fuzzing process's CPU time too: on a shared machine the wall-clock rate says more
    # about the load than about the target.
    TIMEFORMAT='%U %S'
    if { time "$binaries/$target" "$out/corpus/$target" "$out/seeds/$target" \
        -max_total_time="$seconds" -max_len=1024 -timeout=30 -print_final_stats=1 -detect_leaks=0 \
        -artifact_prefix="$out/$target/" > "$out/$target.log" 2>&1; } 2> "$out/$target.cpu" \
        && "$binaries/$target" "$out/corpus/$target" -runs=0 -detect_leaks=1 -timeout=30 \
            -artifact_prefix="$out/$target/" > "$out/$target.leaks.log" 2>&1; then
        result=clean
    else
        result="FINDING (see $out/$target.log and $out/$target.leaks.log)"
        status=1
    fi
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/$target.log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$out/$target.log" | tail -1)
    cpu=$(awk '{ printf "%.0f", $1 + $2 }' "$out/$target.cpu")
    per_cpu=$(awk -v runs="${runs:-0}" '{ cpu = $1 + $2; printf "%.0f", (cpu > 0 ? runs / cpu : 0) }' "$out/$target.cpu")
    printf '%-20s %12s executions %8s/s  %6s CPU s %8s/CPU s  %s\n' "$target" "${runs:-?}" "${rate:-?}" "$cpu" "$per_cpu" "$result" \
        | tee -a "$out/summary.txt"
done
total=$(awk '{ sum += $2 } END { print sum }' "$out/summary.txt")
echo "total: $total executions" | tee -a "$out/summary.txt"
exit $status
