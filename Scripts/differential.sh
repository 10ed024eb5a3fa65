#!/usr/bin/env bash
# Differential check: jianfan's output must be byte-identical to the OpenCC 1.4.2 CLI's
# for all 16 configurations on the seed documents and on the generated corpora.
#
# Usage: Scripts/differential.sh [--corpus DIR] [--mb N] [--configs a,b,...] [--keep DIR]
#                                [--stdio] [--self-test]
#   --corpus DIR   use DIR/{simplified,traditional}.txt (and DIR/{taiwan,hongkong,
#                  boundaries}.txt if present) instead of building them with Scripts/corpus.sh
#   --mb N         size of the corpora to build (default 5 MiB each)
#   --configs L    comma-separated subset of the 16 configurations
#   --keep DIR     keep both outputs of every differing comparison in DIR
#   --stdio        feed both tools through stdin/stdout instead of -i/-o
#   --self-test    compare the OpenCC CLI with itself (checks this script's plumbing; must
#                  report 0 differences); skips building jianfan
#
# Environment:
#   JIANFAN_BIN        use this executable (jianfan's CLI interface: -c NAME -i IN -o OUT)
#                      instead of building one
#   SWIFT_BUILD_FLAGS  extra flags for `swift build` (e.g. --scratch-path DIR)
#   OPENCC_VENV        reuse (or create) the virtual environment with opencc==1.4.2 here
#   PYTHON             interpreter used to create the venv (default: python3)
#
# Prints one line per configuration (bytes compared, differing bytes, differing lines, first
# difference in context) and a summary line; exits 1 if any configuration differs or a command fails.
# The OpenCC CLI is used with its defaults (dictionaries marked "may_output_tofu" are
# skipped, as the CLI does unless --include-tofu-risk-dictionaries is given).
set -euo pipefail
export LC_ALL=C

ALL_CONFIGS=(s2t t2s s2tw tw2s s2twp tw2sp s2hk hk2s s2hkp hk2sp t2tw tw2t t2hk hk2t t2jp jp2t)

SCRIPTS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$SCRIPTS")"

CORPUS="" MB=5 KEEP="" SELF_TEST=0 STDIO=0
CONFIGS=("${ALL_CONFIGS[@]}")
while [[ $# -gt 0 ]]; do
    case "$1" in
        --corpus) CORPUS="$2"; shift 2 ;;
        --mb) MB="$2"; shift 2 ;;
        --configs) IFS=, read -r -a CONFIGS <<< "$2"; shift 2 ;;
        --keep) KEEP="$2"; shift 2 ;;
        --stdio) STDIO=1; shift ;;
        --self-test) SELF_TEST=1; shift ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "differential.sh: unknown argument: $1" >&2; exit 2 ;;
    esac
done
for c in "${CONFIGS[@]}"; do
    [[ " ${ALL_CONFIGS[*]} " == *" $c "* ]] || { echo "differential.sh: unknown config: $c" >&2; exit 2; }
done

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
log() { printf '%s\n' "$*" >&2; }

# --- OpenCC 1.4.2 in a private venv ---------------------------------------------------
VENV="${OPENCC_VENV:-$WORK/venv}"
if [[ ! -x "$VENV/bin/python" ]]; then
    "${PYTHON:-python3}" -m venv "$VENV"
fi
if [[ "$("$VENV/bin/python" -m pip show opencc 2>/dev/null | sed -n 's/^Version: //p')" != 1.4.2 ]]; then
    log "installing opencc==1.4.2 into $VENV"
    "$VENV/bin/python" -m pip install --quiet opencc==1.4.2
fi
PY="$VENV/bin/python"
SITE="$("$PY" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
OPENCC="$SITE/opencc/clib/bin/opencc"
SHARE="$SITE/opencc/clib/share/opencc"
[[ -x "$OPENCC" ]] || { log "differential.sh: $OPENCC not found"; exit 1; }
run_opencc() {
    if (( STDIO )); then "$OPENCC" -c "$1.json" --path "$SHARE/" < "$2" > "$3"
    else "$OPENCC" -c "$1.json" --path "$SHARE/" -i "$2" -o "$3"; fi
}

# --- jianfan ---------------------------------------------------------------------------
if (( SELF_TEST )); then
    OURS_NAME="OpenCC (self-test)"
    run_ours() { run_opencc "$@"; }
else
    if [[ -n "${JIANFAN_BIN:-}" ]]; then
        JIANFAN="$JIANFAN_BIN"
    else
        log "building jianfan (swift build -c release)"
        # shellcheck disable=SC2086
        (cd "$ROOT" && swift build -c release ${SWIFT_BUILD_FLAGS:-} --product jianfan >&2)
        # shellcheck disable=SC2086
        JIANFAN="$(cd "$ROOT" && swift build -c release ${SWIFT_BUILD_FLAGS:-} --show-bin-path)/jianfan"
    fi
    [[ -x "$JIANFAN" ]] || { log "differential.sh: $JIANFAN is not executable"; exit 1; }
    OURS_NAME="jianfan"
    run_ours() {
        if (( STDIO )); then "$JIANFAN" -c "$1" < "$2" > "$3"
        else "$JIANFAN" -c "$1" -i "$2" -o "$3"; fi
    }
fi

# --- inputs ----------------------------------------------------------------------------
if [[ -z "$CORPUS" ]]; then
    CORPUS="$WORK/corpus"
    log "building ${MB} MiB corpora"
    # (OpenCC warns about variation selectors in the corpora; that is expected.)
    OPENCC_VENV="$VENV" "$SCRIPTS/corpus.sh" "$CORPUS" "$MB" 2> >(grep -v 'variation selectors' >&2)
fi
INPUTS=()
for f in "$ROOT"/Tests/Fixtures/*.txt; do INPUTS+=("$f"); done
for f in simplified traditional taiwan hongkong boundaries; do
    if [[ -f "$CORPUS/$f.txt" ]]; then
        INPUTS+=("$CORPUS/$f.txt")
    elif [[ "$f" == simplified || "$f" == traditional ]]; then
        log "differential.sh: $CORPUS/$f.txt missing"; exit 1
    fi
done
total_in=0
for f in "${INPUTS[@]}"; do total_in=$(( total_in + $(wc -c < "$f") )); done
log "inputs: ${#INPUTS[@]} files, $total_in bytes; comparing $OURS_NAME with OpenCC 1.4.2"
[[ -n "$KEEP" ]] && mkdir -p "$KEEP"

# --- compare ---------------------------------------------------------------------------
failed=0 total_bytes=0 total_diff=0
printf '%-6s %12s %10s %10s  %s\n' config bytes "diff-bytes" "diff-lines" "first difference"
for c in "${CONFIGS[@]}"; do
    bytes=0 diff=0 dlines=0 first="" errors=""
    for f in "${INPUTS[@]}"; do
        name="$(basename "$f" .txt)"
        exp="$WORK/expected.txt" act="$WORK/actual.txt"
        rm -f "$exp" "$act"
        # Both converters run at the same time (one per core).
        run_opencc "$c" "$f" "$exp" 2>"$WORK/expected.err" & p1=$!
        run_ours "$c" "$f" "$act" 2>"$WORK/actual.err" & p2=$!
        rc1=0 rc2=0
        wait "$p1" || rc1=$?
        wait "$p2" || rc2=$?
        if (( rc1 != 0 )); then
            errors+=" [$name: OpenCC exit $rc1: $(head -c 200 "$WORK/expected.err" | tr '\n' ' ')]"
            continue
        fi
        if (( rc2 != 0 )); then
            errors+=" [$name: $OURS_NAME exit $rc2: $(head -c 200 "$WORK/actual.err" | tr '\n' ' ')]"
            bytes=$(( bytes + $(wc -c < "$exp") ))
            diff=$(( diff + $(wc -c < "$exp") ))
            dlines=$(( dlines + $(wc -l < "$exp") + 1 ))
            continue
        fi
        IFS=$'\t' read -r n d l desc < <("$PY" "$SCRIPTS/diffbytes.py" "$exp" "$act")
        bytes=$(( bytes + n ))
        diff=$(( diff + d ))
        dlines=$(( dlines + l ))
        if (( d > 0 )); then
            [[ -z "$first" ]] && first="$name $desc"
            if [[ -n "$KEEP" ]]; then
                cp "$exp" "$KEEP/$c.$name.opencc.txt"
                cp "$act" "$KEEP/$c.$name.jianfan.txt"
            fi
        fi
    done
    if [[ -z "$first" && -z "$errors" ]]; then status=identical; else status="${first}${errors# }"; fi
    if (( diff > 0 )) || [[ -n "$errors" ]]; then failed=$(( failed + 1 )); fi
    total_bytes=$(( total_bytes + bytes ))
    total_diff=$(( total_diff + diff ))
    printf '%-6s %12d %10d %10d  %s\n' "$c" "$bytes" "$diff" "$dlines" "$status"
done

if (( failed == 0 )); then
    echo "SUMMARY: all ${#CONFIGS[@]} configs identical ($total_bytes bytes compared over ${#INPUTS[@]} inputs, $OURS_NAME vs OpenCC 1.4.2)"
else
    echo "SUMMARY: $failed of ${#CONFIGS[@]} configs differ or failed ($total_diff differing bytes of $total_bytes compared over ${#INPUTS[@]} inputs, $OURS_NAME vs OpenCC 1.4.2)"
    exit 1
fi
