#!/usr/bin/env bash
# Runs the whole test suite under AddressSanitizer, then under ThreadSanitizer, each in a
# build folder of its own (.build-asan, .build-tsan), one after the other.
#
# Usage: Scripts/sanitizers.sh [address|thread]...   (default: both)
#
# The `jianfan` binary the CLI tests run is built with the same sanitizer, so a report in it
# makes it exit non-zero and fails the test that ran it.
#
# What does not run under a sanitizer, and why (the tests read JIANFAN_SANITIZER, which this
# script sets to the sanitizer's name, and say why they skip):
#   Bounded memory (JianfanCLITests/MemoryTests)  checks the child's peak RSS stays under
#       64 MB on 200 MB of input. ASan's shadow memory and quarantine (256 MB by default) and
#       TSan's shadow (several times the application's memory) are counted in that RSS, so
#       the bound would measure the sanitizer, not jianfan. (The 200 MB also take minutes
#       through an instrumented debug build.)
# Exit status: 0 when both runs pass, 1 otherwise; each run's output is in .build-SAN/test.log.
set -uo pipefail
cd "$(dirname "$0")/.."

sanitizers=("$@")
[ ${#sanitizers[@]} -eq 0 ] && sanitizers=(address thread)

# The Swift runtime's backtracer would catch a sanitizer's abort and can wait for minutes.
export SWIFT_BACKTRACE=enable=no
# ASan stops the process at its first report (that is how it is built); TSan reports every race
# and sets a failing exit status at exit.
# LeakSanitizer runs at each test process's exit; XCTest's own runner leaks 368 bytes there
# (XCTMainMisc, XCTestSuiteRun: seen with no XCTest test in the package), which is suppressed by
# module so that a leak in Jianfan still fails the run.
suppressions=$(mktemp)
trap 'rm -f "$suppressions"' EXIT
# Three more are the toolchain's Foundation, seen in the test process only (suppressed by
# function name, so a leak in Jianfan's own code still fails the run): `Data(contentsOf:)`
# loses the 4 KB buffer of readBytesFromFile, `Process.run` a 32-byte weak reference, and
# `FileManager.fileSystemRepresentation` a path (ZIPFoundation, a test-only cross-check, calls it).
printf '%s\n' "leak:libXCTest.so" "leak:readBytesFromFile" "leak:Foundation7ProcessC3run" \
    "leak:fileSystemRepresentation8withPath" > "$suppressions"
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$suppressions:print_suppressions=0}

status=0
for sanitizer in "${sanitizers[@]}"; do
    case $sanitizer in
        address) scratch=.build-asan ;;
        thread) scratch=.build-tsan ;;
        *) echo "unknown sanitizer $sanitizer (address or thread)" >&2; exit 2 ;;
    esac
    mkdir -p "$scratch"
    echo "swift test --sanitize=$sanitizer (in $scratch)..." >&2
    if JIANFAN_SANITIZER=$sanitizer swift test --sanitize="$sanitizer" --scratch-path "$scratch" \
        > "$scratch/test.log" 2>&1; then
        result=passed
    else
        result=FAILED
        status=1
    fi
    reports=$(grep -c -E "^(==[0-9]+==ERROR: AddressSanitizer|WARNING: ThreadSanitizer|SUMMARY: (Address|Thread)Sanitizer)" "$scratch/test.log")
    summary=$(grep -E "^(✔|✘|􁁛|􀢄).*Test run with|Executed [0-9]+ tests" "$scratch/test.log" | tail -2 | tr '\n' ' ')
    echo "$sanitizer: $result; sanitizer reports: $reports; $summary" >&2
    grep -E "skipped" "$scratch/test.log" >&2 || true
done
exit $status
