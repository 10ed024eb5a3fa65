#!/usr/bin/env bash
# Whole-process throughput of jianfan vs the OpenCC 1.4.2 CLI vs zhconv-rs 0.4.2.
#
# Usage: Benchmarks/compare-peers.sh [--mb N] [--runs N] [--corpus DIR | --generated]
#                                    [--out DIR] [--self-test]
#   --mb N        size of each corpus built in MiB (default 23)
#   --runs N      timed runs per tool and config; the median is reported (default 5)
#   --corpus DIR  use DIR/{simplified,traditional}.txt instead of building corpora (e.g. the
#                 output of Scripts/real-corpus.sh, to skip rebuilding it)
#   --generated   build the generated corpora of Scripts/corpus.sh (dictionary words, seed
#                 documents) instead of the real-text ones
#   --out DIR     where to write peers.md and throughput.svg (default Benchmarks/results)
#   --self-test   let the OpenCC CLI stand in for jianfan (checks this script's plumbing)
#
# By default the input is real text: Scripts/real-corpus.sh builds N MiB each of Simplified
# and Traditional text from pinned Debian packages with Chinese documentation (man pages,
# manuals, LibreOffice help, fortunes; downloaded with apt-get, about 90 MB). Its MANIFEST.md
# (packages, licenses, unique text, sha256) is copied next to peers.md as corpus-manifest.md.
#
# Environment:
#   JIANFAN_BIN        use this executable (jianfan's CLI interface: -c NAME -i IN -o OUT)
#                      instead of building one
#   SWIFT_BUILD_FLAGS  flags for `swift build` (default: --static-swift-stdlib -Xswiftc
#                      -use-ld=lld -Xlinker -z -Xlinker pack-relative-relocs --scratch-path
#                      .build-install, the CLI as one installs it: the Swift runtime linked in,
#                      which starts 3 ms sooner and holds 3.5 MB less than a dynamic build, and
#                      its relocations packed, which holds 1 MB less again; see the README)
#   OPENCC_VENV        reuse (or create) the virtual environment with opencc==1.4.2 and
#                      zhconv-rs==0.4.2 at this path
#   PYTHON             interpreter used to create the venv (default: python3)
#   REAL_CORPUS_DEBS   keep/reuse the Debian packages for the real-text corpus in this directory
#
# For s2t, t2s, s2twp and tw2sp (s2* on the Simplified corpus, the others on the
# Traditional one) every tool converts the same file from the command line, one process per
# conversion. zhconv-rs 0.4.2 on PyPI ships only a Python module (no CLI), so it is timed as
# a small Python program that reads the file, calls zhconv_rs.zhconv() with the matching
# target (zh-hant, zh-hans, zh-tw, zh-cn) and writes the result; its figures include Python
# start-up and import. Wall time is measured around each process with bash's
# $EPOCHREALTIME (microseconds); peak RSS comes from GNU time (`/usr/bin/time -f '%e %M'`).
# jianfan's output is compared with OpenCC's whole-text conversion (its library converting the
# file in one call) and with the CLI's output; differences from the CLI are checked to lie only
# at the CLI's 1 MiB block cuts (Scripts/opencc_reference.py check).
set -euo pipefail
export LC_ALL=C

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH")"

MB=23 RUNS=5 CORPUS="" GENERATED=0 OUTDIR="$BENCH/results" SELF_TEST=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --mb) MB="$2"; shift 2 ;;
        --runs) RUNS="$2"; shift 2 ;;
        --corpus) CORPUS="$2"; shift 2 ;;
        --generated) GENERATED=1; shift ;;
        --out) OUTDIR="$2"; shift 2 ;;
        --self-test) SELF_TEST=1; shift ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "compare-peers.sh: unknown argument: $1" >&2; exit 2 ;;
    esac
done
[[ "$MB" =~ ^[1-9][0-9]*$ ]] || { echo "compare-peers.sh: --mb must be a positive integer" >&2; exit 2; }
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || { echo "compare-peers.sh: --runs must be a positive integer" >&2; exit 2; }
if [[ -n "$CORPUS" ]] && (( GENERATED )); then
    echo "compare-peers.sh: --corpus and --generated exclude each other" >&2; exit 2
fi
if [[ -n "$CORPUS" ]]; then
    for f in simplified traditional; do
        [[ -f "$CORPUS/$f.txt" ]] || { echo "compare-peers.sh: $CORPUS/$f.txt missing" >&2; exit 2; }
    done
fi

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
log() { printf '%s\n' "$*" >&2; }

# --- GNU time ----------------------------------------------------------------------------
if [[ ! -x /usr/bin/time ]]; then
    log "/usr/bin/time missing: installing GNU time from apt"
    if [[ $(id -u) -eq 0 ]]; then
        apt-get install -y -q time >&2 || { apt-get update -q >&2 && apt-get install -y -q time >&2; }
    else
        sudo apt-get install -y -q time >&2
    fi
fi
/usr/bin/time -f '%e %M' true 2>/dev/null || { log "compare-peers.sh: /usr/bin/time is not GNU time"; exit 1; }

# --- peers in a private venv -----------------------------------------------------------------
VENV="${OPENCC_VENV:-$WORK/venv}"
if [[ ! -x "$VENV/bin/python" ]]; then
    "${PYTHON:-python3}" -m venv "$VENV"
fi
PY="$VENV/bin/python"
version_of() { "$PY" -m pip show "$1" 2>/dev/null | sed -n 's/^Version: //p'; }
if [[ "$(version_of opencc)" != 1.4.2 || "$(version_of zhconv-rs)" != 0.4.2 ]]; then
    log "installing opencc==1.4.2 zhconv-rs==0.4.2 into $VENV"
    "$PY" -m pip install --quiet opencc==1.4.2 zhconv-rs==0.4.2
fi
SITE="$("$PY" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
OPENCC="$SITE/opencc/clib/bin/opencc"
SHARE="$SITE/opencc/clib/share/opencc"
[[ -x "$OPENCC" ]] || { log "compare-peers.sh: $OPENCC not found"; exit 1; }

cat > "$WORK/zhconv_run.py" <<'EOF'
import sys
from zhconv_rs import zhconv
with open(sys.argv[2], encoding="utf-8", newline="") as f:
    text = f.read()
with open(sys.argv[3], "w", encoding="utf-8", newline="") as f:
    f.write(zhconv(text, sys.argv[1]))
EOF

# --- jianfan -------------------------------------------------------------------------------
if (( SELF_TEST )); then
    JIANFAN_LABEL="jianfan (self-test: OpenCC CLI standing in)"
    CHART_LABEL="OpenCC standing in for jianfan"
else
    if [[ -n "${JIANFAN_BIN:-}" ]]; then
        JIANFAN="$JIANFAN_BIN"
        JIANFAN_LABEL="jianfan (\$JIANFAN_BIN=$(basename "$JIANFAN_BIN"))"
    else
        BUILD_FLAGS="${SWIFT_BUILD_FLAGS---static-swift-stdlib -Xswiftc -use-ld=lld -Xlinker -z -Xlinker pack-relative-relocs --scratch-path .build-install}"
        log "building jianfan (swift build -c release $BUILD_FLAGS)"
        # shellcheck disable=SC2086
        (cd "$ROOT" && swift build -c release $BUILD_FLAGS --product jianfan >&2)
        # shellcheck disable=SC2086
        JIANFAN="$(cd "$ROOT" && swift build -c release $BUILD_FLAGS --show-bin-path)/jianfan"
        JIANFAN_LABEL="jianfan (swift build -c release $BUILD_FLAGS)"
    fi
    [[ -x "$JIANFAN" ]] || { log "compare-peers.sh: $JIANFAN is not executable"; exit 1; }
    CHART_LABEL="jianfan"
fi
# command_for TOOL ARG IN OUT: sets CMD to the command line converting IN to OUT
command_for() {
    case "$1" in
        jianfan)
            if (( SELF_TEST )); then CMD=("$OPENCC" -c "$2.json" --path "$SHARE/" -i "$3" -o "$4")
            else CMD=("$JIANFAN" -c "$2" -i "$3" -o "$4"); fi ;;
        opencc) CMD=("$OPENCC" -c "$2.json" --path "$SHARE/" -i "$3" -o "$4") ;;
        zhconv) CMD=("$PY" "$WORK/zhconv_run.py" "$2" "$3" "$4") ;;
        jianfan-normalize) CMD=("$JIANFAN" normalize -c "$2" --steps readings,punctuation,script "$3" -o "$4") ;;
    esac
}

# --- corpora -------------------------------------------------------------------------------
if [[ -z "$CORPUS" ]]; then
    CORPUS="$WORK/corpus"
    if (( GENERATED )); then
        log "building ${MB} MiB generated corpora"
        OPENCC_VENV="$VENV" "$ROOT/Scripts/corpus.sh" "$CORPUS" "$MB" 2> >(grep -v 'variation selectors' >&2)
    else
        log "building ${MB} MiB real-text corpora"
        "$ROOT/Scripts/real-corpus.sh" "$CORPUS" "$MB"
    fi
fi
for f in simplified traditional; do
    [[ -f "$CORPUS/$f.txt" ]] || { log "compare-peers.sh: $CORPUS/$f.txt missing"; exit 1; }
done
# how the results describe the input
if (( GENERATED )); then
    CORPUS_KIND="generated corpora (\`Scripts/corpus.sh\`: dictionary words and seed documents)"
    CHART_CORPUS="generated corpus"
elif [[ -f "$CORPUS/MANIFEST.md" ]] && head -n 1 "$CORPUS/MANIFEST.md" | grep -q '^# Real-text corpus'; then
    CORPUS_KIND="real text from Debian packages (\`Scripts/real-corpus.sh\`; see corpus-manifest.md)"
    CHART_CORPUS="real-text corpus"
else
    CORPUS_KIND="the corpus in \`$CORPUS\`"
    CHART_CORPUS="corpus"
fi
CORPUS_MIB=$(( $(wc -c < "$CORPUS/simplified.txt") >> 20 ))

# --- timing ----------------------------------------------------------------------------------
# time_once TOOL CONFIG-ARG IN OUT -> "seconds rss_kb"
time_once() {
    local tool="$1" arg="$2" in="$3" out="$4" t0 t1 rc=0
    command_for "$tool" "$arg" "$in" "$out"
    rm -f "$out"   # every run writes a new file (untimed: no tool pays for deleting the last one)
    t0=$EPOCHREALTIME
    /usr/bin/time -f '%e %M' -o "$WORK/time.txt" "${CMD[@]}" 2>"$WORK/err.txt" || rc=$?
    t1=$EPOCHREALTIME
    if (( rc != 0 )); then
        log "compare-peers.sh: $tool $arg failed (exit $rc): $(head -c 300 "$WORK/err.txt")"
        exit 1
    fi
    local rss
    rss="$(tail -n 1 "$WORK/time.txt" | cut -d' ' -f2)"
    # wall seconds with microsecond resolution; EPOCHREALTIME uses '.' under LC_ALL=C
    printf '%s %s\n' "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f", b - a }')" "$rss"
}

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.6f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

CONFIGS=(s2t t2s s2twp tw2sp)
declare -A ZHCONV_TARGET=([s2t]=zh-hant [t2s]=zh-hans [s2twp]=zh-tw [tw2sp]=zh-cn)
TOOLS=(jianfan opencc zhconv)

RESULTS="$WORK/results.tsv"
printf 'config\tbytes\ttool\tseconds\trss_kb\n' > "$RESULTS"
declare -A WHOLE CLI
: > "$WORK/identical.tsv"
for c in "${CONFIGS[@]}"; do
    if [[ "$c" == s2* ]]; then in="$CORPUS/simplified.txt"; else in="$CORPUS/traditional.txt"; fi
    bytes=$(wc -c < "$in")
    for tool in "${TOOLS[@]}"; do
        arg="$c"
        [[ "$tool" == zhconv ]] && arg="${ZHCONV_TARGET[$c]}"
        out="$WORK/$c.$tool.out"
        # one untimed warm-up run (page cache, dictionary files); its output is kept
        time_once "$tool" "$arg" "$in" "$out" > /dev/null
        : > "$WORK/runs.txt"
        for ((r = 1; r <= RUNS; r++)); do
            time_once "$tool" "$arg" "$in" "$WORK/run.out" >> "$WORK/runs.txt"
        done
        secs="$(cut -d' ' -f1 "$WORK/runs.txt" | median)"
        rss="$(cut -d' ' -f2 "$WORK/runs.txt" | median | awk '{ printf "%.0f", $1 }')"
        printf '%s\t%s\t%s\t%s\t%s\n' "$c" "$bytes" "$tool" "$secs" "$rss" >> "$RESULTS"
        log "$c $tool: median ${secs}s, ${rss} KB"
    done
    # jianfan's output (from the warm-up run) vs OpenCC's whole-text conversion and vs the CLI's
    line="$("$PY" "$ROOT/Scripts/opencc_reference.py" check "$c" "$in" "$WORK/$c.opencc.out" \
        "$WORK/$c.jianfan.out")" || { log "compare-peers.sh: opencc_reference.py check $c failed"; exit 1; }
    IFS=$'\t' read -r _ dw dc _ _ _ explained _ <<< "$line"
    if (( dw == 0 )); then WHOLE[$c]=yes; else WHOLE[$c]="NO ($dw bytes differ)"; fi
    if (( dc == 0 )); then CLI[$c]=yes
    elif [[ "$explained" == yes ]]; then CLI[$c]="differs only at the CLI's 1 MiB cuts ($dc bytes)"
    else CLI[$c]="NO ($dc bytes differ, not all at the CLI's 1 MiB cuts)"; fi
    printf '%s\t%s\t%s\n' "$c" "${WHOLE[$c]}" "${CLI[$c]}" >> "$WORK/identical.tsv"
done

# Python start-up + import cost of the zhconv-rs runner (empty input), for the notes.
: > "$WORK/empty.txt"
: > "$WORK/runs.txt"
for ((r = 1; r <= RUNS; r++)); do time_once zhconv zh-hant "$WORK/empty.txt" "$WORK/run.out" >> "$WORK/runs.txt"; done
ZHCONV_BASE_MS="$(cut -d' ' -f1 "$WORK/runs.txt" | median | awk '{ printf "%.0f", $1 * 1000 }')"

# jianfan normalize (readings, punctuation, script) on the Traditional corpus, for the notes.
NORMALIZE_NOTE="(not measured in the self-test)"
if (( ! SELF_TEST )); then
    : > "$WORK/runs.txt"
    for ((r = 1; r <= RUNS; r++)); do
        time_once jianfan-normalize t2s "$CORPUS/traditional.txt" "$WORK/run.out" >> "$WORK/runs.txt"
    done
    NORMALIZE_NOTE="$(cut -d' ' -f1 "$WORK/runs.txt" | median \
        | awk -v bytes="$(wc -c < "$CORPUS/traditional.txt")" '{ printf "%.0f MB/s", bytes / 1e6 / $1 }')"
    log "normalize t2s: $NORMALIZE_NOTE"
fi

# --- report ------------------------------------------------------------------------------------
CPU="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)"
[[ -n "$CPU" ]] || CPU="$(uname -m)"
NPROC="$(nproc)"
DATE="$(date -u '+%Y-%m-%d %H:%M UTC')"
REV="$(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [[ "$REV" != unknown ]] && ! (cd "$ROOT" && git --no-optional-locks diff --quiet HEAD -- 2>/dev/null); then
    REV="$REV + uncommitted changes"
fi

TABLE="$WORK/table.md"
awk -F'\t' '
    FNR == NR { whole[$1] = $2; cli[$1] = $3; next }
    FNR == 1 { next }
    {
        key = $1 SUBSEP $3
        sec[key] = $4; rss[key] = $5; bytes[$1] = $2
        if (!($1 in seen)) { seen[$1] = 1; order[++n] = $1 }
    }
    END {
        print "| config | MB | jianfan MB/s | OpenCC MB/s | zhconv-rs MB/s | jianfan/OpenCC | jianfan/zhconv-rs | jianfan RSS MB | OpenCC RSS MB | zhconv-rs RSS MB | identical to OpenCC (whole text) | identical to the OpenCC CLI |"
        print "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|:---:|"
        for (i = 1; i <= n; i++) {
            c = order[i]; mb = bytes[c] / 1e6
            j = mb / sec[c SUBSEP "jianfan"]; o = mb / sec[c SUBSEP "opencc"]; z = mb / sec[c SUBSEP "zhconv"]
            printf "| %s | %.1f | %.1f | %.1f | %.1f | %.2f× | %.2f× | %.1f | %.1f | %.1f | %s | %s |\n", \
                c, mb, j, o, z, j / o, j / z, \
                rss[c SUBSEP "jianfan"] / 1024, rss[c SUBSEP "opencc"] / 1024, rss[c SUBSEP "zhconv"] / 1024, \
                whole[c], cli[c]
        }
    }' "$WORK/identical.tsv" "$RESULTS" > "$TABLE"

mkdir -p "$OUTDIR"
{
    echo "# jianfan vs OpenCC vs zhconv-rs"
    echo
    echo "- Date: $DATE"
    echo "- Machine: $CPU, $NPROC CPUs ($(uname -s) $(uname -m))"
    echo "- jianfan: $JIANFAN_LABEL, git $REV"
    echo "- OpenCC: \`opencc==1.4.2\` wheel's native CLI (\`opencc -c NAME.json -i IN -o OUT\`)"
    echo "- zhconv-rs: \`zhconv-rs==0.4.2\` Python module (no CLI on PyPI); a Python program reads the file,"
    echo "  calls \`zhconv_rs.zhconv(text, target)\` (zh-hant for s2t, zh-hans for t2s, zh-tw for s2twp,"
    echo "  zh-cn for tw2sp) and writes the result. Its times include Python start-up and import"
    echo "  (about ${ZHCONV_BASE_MS} ms on an empty file). zhconv-rs uses different (MediaWiki + OpenCC)"
    echo "  rules, so its output is not expected to match."
    echo "- Input: $CORPUS_KIND."
    echo "  Simplified $(wc -c < "$CORPUS/simplified.txt") bytes for s2t/s2twp, Traditional"
    echo "  $(wc -c < "$CORPUS/traditional.txt") bytes for t2s/tw2sp."
    echo "- Method: whole-process conversion of the file, one untimed warm-up, then the median of $RUNS runs;"
    echo "  every run writes a new output file (the previous one is deleted before the clock starts)."
    echo "  MB = 10^6 bytes of input; wall time from bash \$EPOCHREALTIME, peak RSS from GNU time."
    echo "- Identical: jianfan's output compared with OpenCC's library converting the whole file in one"
    echo "  call (\`opencc.OpenCC(NAME, include_tofu_risk_dictionaries=False).convert(text)\`), and with"
    echo "  the OpenCC CLI's output. The CLI converts its input in 1 MiB blocks, holding back the last"
    echo "  16 code points of each, so text straddling such a cut is converted in two pieces; \"only at"
    echo "  the CLI's 1 MiB cuts\" means that converting the file piece by piece at the CLI's cuts"
    echo "  reproduces the CLI's output exactly (\`Scripts/opencc_reference.py\`)."
    echo "- \`jianfan normalize -c t2s --steps readings,punctuation,script\` on the Traditional corpus:"
    echo "  $NORMALIZE_NOTE (median of $RUNS, whole process)."
    echo
    cat "$TABLE"
} > "$OUTDIR/peers.md"
if [[ "$CHART_CORPUS" == "real-text corpus" ]]; then
    cp "$CORPUS/MANIFEST.md" "$OUTDIR/corpus-manifest.md"
else
    rm -f "$OUTDIR/corpus-manifest.md"   # from an earlier run on the real-text corpus
fi

"$PY" "$BENCH/chart.py" "$RESULTS" "$OUTDIR/throughput.svg" \
    --title "Whole-process throughput, ${CORPUS_MIB} MiB $CHART_CORPUS, median of $RUNS (MB/s, higher is better)" \
    --subtitle "$CPU, $NPROC CPUs, $DATE" --jianfan-label "$CHART_LABEL"

cat "$OUTDIR/peers.md"
log "wrote $OUTDIR/peers.md and $OUTDIR/throughput.svg"
[[ "$CHART_CORPUS" == "real-text corpus" ]] && log "wrote $OUTDIR/corpus-manifest.md"

fail=0
for c in "${CONFIGS[@]}"; do [[ "${WHOLE[$c]}" == yes && "${CLI[$c]}" != NO* ]] || fail=1; done
if (( fail )); then
    log "warning: for some configs jianfan's output differs from OpenCC's whole-text conversion" \
        "or from the CLI's at places other than its 1 MiB cuts"
fi
