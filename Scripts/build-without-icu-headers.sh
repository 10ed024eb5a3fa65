#!/usr/bin/env bash
# Proves that Jianfan needs no ICU to build and only ICU transforms need it to run (Linux):
#
#   1. Where ICU's headers exist, the shim's own declarations of ICU's functions, types and
#      constants (Sources/CJianfanICU/icu_api.h) are compiled against them and must match.
#   2. In a private mount namespace, an empty tmpfs is mounted over every ICU header directory;
#      a C file that includes <unicode/utrans.h> must then fail to compile, and `swift build`
#      of the `jianfan` product must succeed (debug, in .build-noicu), printing no warning from
#      this package (meaningful on a clean scratch path, as in CI).
#   3. That build converts: `jianfan -c s2t`, `--engine icu` and `--from-encoding GB18030`.
#   4. ICU's libraries are hidden too (an overlay that deletes libicu* from their directories):
#      `jianfan -c s2t` still converts, and `--engine icu`, `jianfan transforms` and
#      `--from-encoding GB18030` exit with status 1 and say that ICU is unavailable.
#
# Needs util-linux's unshare: run as root (CI), or where unprivileged user namespaces are
# allowed. Nothing outside the namespace is changed. Usage: Scripts/build-without-icu-headers.sh
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=.build-noicu
cc=${CC:-clang}

if [ -z "${JIANFAN_INSIDE_NAMESPACE:-}" ]; then
    if [ -e /usr/include/unicode/utrans.h ]; then
        for source in Sources/CJianfanICU/*.c; do
            "$cc" -fsyntax-only -DJIANFAN_ICU_CHECK_HEADERS -ISources/CJianfanICU/include "$source"
        done
        echo "1. the shim's ICU declarations match ICU's headers"
    else
        echo "1. (no ICU headers here to check the shim's declarations against)"
    fi
    namespace=(unshare --mount --propagation private)
    [ "$(id -u)" = 0 ] || namespace=(unshare --map-root-user --mount --propagation private)
    exec "${namespace[@]}" env JIANFAN_INSIDE_NAMESPACE=1 bash "$0" "$@"
fi

# --- 2. Inside the namespace: hide the headers, then build. ---
for dir in /usr/include/unicode /usr/local/include/unicode /usr/include/*/unicode; do
    [ -d "$dir" ] && mount -t tmpfs -o ro,size=1m jianfan-no-icu-headers "$dir"
done
probe=$(mktemp -d)
trap 'umount -R -l "$probe/layers" 2>/dev/null || true; rm -rf "$probe"' EXIT
printf '#include <unicode/utrans.h>\n' > "$probe/probe.c"
if "$cc" -fsyntax-only "$probe/probe.c" 2>/dev/null; then
    echo "ICU's headers are still reachable; this proves nothing" >&2
    exit 1
fi
echo "2. ICU's headers are hidden: #include <unicode/utrans.h> does not compile"

log="$probe/build.log"
if ! swift build --scratch-path "$scratch" --product jianfan >"$log" 2>&1; then
    cat "$log" >&2
    exit 1
fi
tail -n 1 "$log"
# (SwiftPM's own notes about a dependency's layout, such as ZIPFoundation's unhandled file,
# name that package and are not this package's warnings.)
if grep 'warning:' "$log" | grep -v '/checkouts/' | grep -vE "^warning: '(zipfoundation|swift-argument-parser|swift-docc-plugin|swift-docc-symbolkit)': " >&2; then
    echo "the build printed warnings from this package" >&2
    exit 1
fi
jianfan="$scratch/debug/jianfan"

expect() { # expect WHAT EXPECTED ACTUAL
    if [ "$2" != "$3" ]; then
        printf '%s: expected %q, got %q\n' "$1" "$2" "$3" >&2
        exit 1
    fi
}
expect "s2t" "頭髮後來" "$(printf '头发后来' | "$jianfan" -c s2t)"
expect "ICU s2t" "頭髮後來" "$(printf '头发后来' | "$jianfan" -c s2t --engine icu)"
expect "GB18030" "頭髮後來" "$(printf '\315\267\267\242\272\363\300\264' | "$jianfan" -c s2t --from-encoding GB18030)"
echo "3. built without ICU's headers, jianfan converts, with its tables and with ICU"

# --- 4. Hide ICU's libraries: an overlay over each directory that holds them, with the
# libraries deleted in it (the overlay's upper layer records the deletions; the disk is not
# touched). Bind-mounting something over each file would leave a file there that fails to load,
# a different case (the message then names that file).
layers="$probe/layers"
mkdir "$layers"
mount -t tmpfs jianfan-no-icu-layers "$layers"
directories=$( (ldconfig -p | awk '/libicu/ { print $NF }'; ls /usr/lib/*/libicu* /usr/lib/libicu* 2>/dev/null || true) \
    | xargs -r -n1 dirname | xargs -r -n1 realpath | sort -u)
n=0
for dir in $directories; do
    n=$((n + 1))
    mkdir -p "$layers/upper$n" "$layers/work$n"
    mount -t overlay jianfan-no-icu -o "lowerdir=$dir,upperdir=$layers/upper$n,workdir=$layers/work$n" "$dir"
    rm -f "$dir"/libicu*
done
if ldconfig -p | awk '/libicu/ { print $NF }' | xargs -r ls 2>/dev/null | grep . >/dev/null; then
    echo "ICU's libraries are still reachable; this proves nothing" >&2
    exit 1
fi
expect "s2t without ICU" "頭髮後來" "$(printf '头发后来' | "$jianfan" -c s2t)"
status=0
message=$(printf '头发' | "$jianfan" -c s2t --engine icu 2>&1 >/dev/null) || status=$?
expect "exit status of --engine icu without ICU" 1 "$status"
case "$message" in
    "jianfan: ICU is unavailable, so ICU transforms cannot run: ICU's libraries were not found"*) ;;
    *) echo "unexpected message without ICU: $message" >&2; exit 1 ;;
esac
status=0
listed=$("$jianfan" transforms 2>&1 >/dev/null) || status=$?
expect "exit status of jianfan transforms without ICU" 1 "$status"
expect "jianfan transforms without ICU" "$message" "$listed"
status=0
encoding=$(printf '头发' | "$jianfan" -c s2t --from-encoding GB18030 2>&1 >/dev/null) || status=$?
expect "exit status of --from-encoding GB18030 without ICU" 1 "$status"
case "$encoding" in
    "jianfan: GB18030: encodings other than UTF-8 need ICU: ICU's libraries were not found"*) ;;
    *) echo "unexpected message for --from-encoding without ICU: $encoding" >&2; exit 1 ;;
esac
expect "--from-encoding UTF-8 without ICU" "頭髮" "$(printf '头发' | "$jianfan" -c s2t --from-encoding UTF-8)"
status=0
protect=$(printf '头发' | "$jianfan" -c s2t --protect '#\w+' 2>&1 >/dev/null) || status=$?
expect "exit status of --protect without ICU" 1 "$status"
case "$protect" in
    "jianfan: --protect: regular expression '#\w+' cannot be used: ICU's libraries were not found"*) ;;
    *) echo "unexpected message for --protect without ICU: $protect" >&2; exit 1 ;;
esac
expect "--markup markdown without ICU" '頭髮 `头发`' "$(printf '头发 `头发`' | "$jianfan" -c s2t --markup markdown)"
echo "4. without ICU's libraries, jianfan converts; --engine icu, transforms and --from-encoding GB18030 exit 1: $message"
echo "   $encoding"
echo "   $protect"
