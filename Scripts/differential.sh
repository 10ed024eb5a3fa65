#!/usr/bin/env bash
# Differential check of jianfan against OpenCC 1.4.2, for all 16 configurations on the seed
# documents and on the generated corpora, with two references:
#
#   whole text  OpenCC's library converting each input in one call (Scripts/opencc_reference.py:
#               opencc.OpenCC(CONFIG, include_tofu_risk_dictionaries=False).convert(text)).
#               This is the exactness oracle: jianfan's output must be byte-identical to it.
#   CLI         the opencc command (`opencc -c CONFIG.json -i IN -o OUT`). It reads its input
#               in 1 MiB blocks and converts each block without its last 16 code points
#               (carried into the next block), so text straddling such a cut is converted in
#               two pieces and can come out differently (蓝|采和 -> 藍採和 instead of 藍采和).
#               The script computes the CLI's cuts as its code does, converts the input piece
#               by piece at them with OpenCC's library and checks that this reproduces the
#               CLI's output byte for byte: then every difference between jianfan and the CLI
#               is explained by the cuts. Each differing region is located at its nearest cut.
#
# Usage: Scripts/differential.sh [--corpus DIR] [--mb N] [--configs a,b,...] [--keep DIR]
#                                [--stdio] [--self-test]
#   --corpus DIR   use DIR/{simplified,traditional}.txt (and DIR/{taiwan,hongkong,
#                  boundaries}.txt and DIR/long-*.txt if present) instead of building them
#                  with Scripts/corpus.sh
#   --mb N         size of the corpora to build (default 5 MiB each)
#   --configs L    comma-separated subset of the 16 configurations
#   --keep DIR     keep the files of every failed comparison, and a list of the differences
#                  from the CLI of each input (DIR/CONFIG.INPUT.cli-differences.txt), in DIR
#   --stdio        feed both commands through stdin/stdout instead of -i/-o
#   --self-test    first check the cut model on crafted inputs (phrase and IDS at a cut, a
#                  block ending inside a character, ...), then let OpenCC's whole-text
#                  conversion (run as a command) stand in for jianfan: checks this script's
#                  plumbing (must report 0 bytes differing from the whole-text conversion and
#                  all CLI differences at its cuts); skips building jianfan
#
# Environment:
#   JIANFAN_BIN        use this executable (jianfan's CLI interface: -c NAME -i IN -o OUT)
#                      instead of building one
#   SWIFT_BUILD_FLAGS  extra flags for `swift build` (e.g. --scratch-path DIR)
#   OPENCC_VENV        reuse (or create) the virtual environment with opencc==1.4.2 here
#   PYTHON             interpreter used to create the venv (default: python3)
#
# Prints one line per configuration: bytes compared, bytes differing from the whole-text
# conversion (must be 0), bytes and regions differing from the CLI, the CLI's cuts (those with
# a difference / all), whether the cut model reproduces the CLI's output (yes/no), and the
# first failure in context. Then examples of cut differences and a summary line. Differing
# bytes are counted per differing region (the longer side), not position by position.
# Exits 1 if jianfan differs from the whole-text conversion, if the cut model does not
# reproduce the CLI's output (an unexplained difference) or if a command fails.
# Both references leave out the dictionaries marked "may_output_tofu" (the CLI's default).
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
# shellcheck source=Scripts/opencc-venv.sh
source "$SCRIPTS/opencc-venv.sh"
VENV="${OPENCC_VENV:-$WORK/venv}"
opencc_venv "$VENV"
HELPER="$SCRIPTS/opencc_reference.py"
run_opencc() {
    if (( STDIO )); then "$OPENCC" -c "$1.json" --path "$SHARE/" < "$2" > "$3"
    else "$OPENCC" -c "$1.json" --path "$SHARE/" -i "$2" -o "$3"; fi
}

# --- jianfan ---------------------------------------------------------------------------
if (( SELF_TEST )); then
    log "checking the cut model on crafted inputs"
    "$PY" "$HELPER" selftest "$OPENCC" "$SHARE" >&2 || { log "differential.sh: cut model self-test failed"; exit 1; }
    OURS_NAME="OpenCC whole-text (self-test)"
    OURS_LABEL="whole"
    run_ours() {
        if (( STDIO )); then "$PY" "$HELPER" convert "$1" < "$2" > "$3"
        else "$PY" "$HELPER" convert "$1" "$2" "$3"; fi
    }
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
    OURS_LABEL="jianfan"
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
# Lines above the piece size with no line break (corpus.sh writes them; an older corpus
# directory may lack them).
for f in "$CORPUS"/long-*.txt; do [[ -f "$f" ]] && INPUTS+=("$f"); done
total_in=0
for f in "${INPUTS[@]}"; do total_in=$(( total_in + $(wc -c < "$f") )); done
log "inputs: ${#INPUTS[@]} files, $total_in bytes; comparing $OURS_NAME with OpenCC 1.4.2"
KEEP_ARGS=()
if [[ -n "$KEEP" ]]; then mkdir -p "$KEEP"; KEEP_ARGS=(--keep "$KEEP"); fi

# --- compare ---------------------------------------------------------------------------
failed=0 total_bytes=0 total_whole=0 total_cli=0 total_regions=0 unexplained=0
OUT="$WORK/out"
mkdir -p "$OUT"
printf '%-6s %12s %10s %10s %8s %9s %9s  %s\n' config bytes "vs-whole" "vs-CLI" regions \
    "cuts" explained "first failure"
for c in "${CONFIGS[@]}"; do
    errors="" triples=()
    for f in "${INPUTS[@]}"; do
        name="$(basename "$f" .txt)"
        cli="$OUT/$name.cli" ours="$OUT/$name.ours"
        # Both commands run at the same time (one per core).
        run_opencc "$c" "$f" "$cli" 2>"$WORK/cli.err" & p1=$!
        run_ours "$c" "$f" "$ours" 2>"$WORK/ours.err" & p2=$!
        rc1=0 rc2=0
        wait "$p1" || rc1=$?
        wait "$p2" || rc2=$?
        if (( rc1 != 0 )); then
            errors+=" [$name: OpenCC CLI exit $rc1: $(head -c 200 "$WORK/cli.err" | tr '\n' ' ')]"
        elif (( rc2 != 0 )); then
            errors+=" [$name: $OURS_NAME exit $rc2: $(head -c 200 "$WORK/ours.err" | tr '\n' ' ')]"
        else
            triples+=("$f" "$cli" "$ours")
        fi
    done
    n=0 dw=0 dc=0 regions=0 ncuts=0 hits=0 explained=- detail="-"
    if (( ${#triples[@]} > 0 )); then
        line="$("$PY" "$HELPER" check --label "$OURS_LABEL" --examples "$WORK/example.$c.txt" \
            "${KEEP_ARGS[@]}" "$c" "${triples[@]}")" || { log "differential.sh: $HELPER failed for $c"; exit 1; }
        IFS=$'\t' read -r n dw dc regions ncuts hits explained detail <<< "$line"
    fi
    rm -f "$OUT"/*
    status=""
    [[ "$detail" == - ]] || status="$detail"
    status+="$errors"
    status="${status# }"
    [[ -n "$status" ]] || status=-
    if (( dw > 0 )) || [[ "$explained" != yes || -n "$errors" ]]; then failed=$(( failed + 1 )); fi
    [[ "$explained" != no ]] || unexplained=$(( unexplained + 1 ))
    total_bytes=$(( total_bytes + n ))
    total_whole=$(( total_whole + dw ))
    total_cli=$(( total_cli + dc ))
    total_regions=$(( total_regions + regions ))
    printf '%-6s %12d %10d %10d %8d %9s %9s  %s\n' "$c" "$n" "$dw" "$dc" "$regions" \
        "$hits/$ncuts" "$explained" "$status"
done

# --- examples --------------------------------------------------------------------------
shown=0
for c in s2t s2twp "${CONFIGS[@]}"; do
    (( shown < 2 )) || break
    ex="$WORK/example.$c.txt"
    [[ -s "$ex" ]] || continue
    if (( shown == 0 )); then
        echo
        echo "Differences from the opencc CLI at its block cuts (| = where the CLI cut the input," \
            "⟦…⟧ = the differing text):"
    fi
    printf '%s %s' "$c" "$(cat "$ex")"
    echo
    rm -f "$ex"
    shown=$(( shown + 1 ))
done
(( shown == 0 )) || echo

n_cfg=${#CONFIGS[@]}
if (( total_cli == 0 )); then cli_part="0 bytes differ from the opencc CLI"
else cli_part="$total_cli bytes ($total_regions regions) differ from the opencc CLI"; fi
scope="$total_bytes bytes compared over ${#INPUTS[@]} inputs, $OURS_NAME vs OpenCC 1.4.2"
if (( failed == 0 )); then
    (( total_cli == 0 )) || cli_part+=", all at its 1 MiB block cuts"
    echo "SUMMARY: all $n_cfg configs: 0 bytes differ from OpenCC's whole-text conversion; $cli_part ($scope)"
else
    if (( unexplained > 0 )); then cli_part+=", not all explained by its block cuts ($unexplained configs)"
    elif (( total_cli > 0 )); then cli_part+=", all at its 1 MiB block cuts"; fi
    echo "SUMMARY: $failed of $n_cfg configs fail: $total_whole bytes differ from OpenCC's whole-text conversion; $cli_part ($scope)"
    exit 1
fi
