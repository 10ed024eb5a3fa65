#!/usr/bin/env bash
# Regenerates the man page and the shell completions in Documentation/ from the built
# `jianfan`, with swift-argument-parser's own tools:
#   Documentation/man/jianfan.1            generate-manual (the package's `generate-manual` tool)
#   Documentation/completions/jianfan.bash `jianfan --generate-completion-script bash`
#   Documentation/completions/_jianfan     ... zsh
#   Documentation/completions/jianfan.fish ... fish
#
# Usage: bash Scripts/generate-docs.sh        (builds in debug; offline: the package copies suffice)
#
# generate-manual 1.8.2 drops every character that is not ASCII (its escaping keeps ASCII only,
# so `echo 头发 | jianfan` became `echo  | jianfan`). The tool therefore reads the help through
# a wrapper that spells each non-ASCII scalar as an ASCII placeholder, and the placeholders
# become roff's Unicode escapes (\[u5934]) in the page, which man, groff and mandoc render.
set -euo pipefail
cd "$(dirname "$0")/.."

swift build --product jianfan
swift build --product generate-manual
bin="$(swift build --show-bin-path)"
jianfan="$(cd "$bin" && pwd)/jianfan"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cat > "$work/jianfan" <<WRAPPER
#!/bin/sh
"$jianfan" "\$@" | python3 -c '
import json, sys
def spell(value):
    if isinstance(value, str):
        return "".join(c if ord(c) < 128 else "QJFU%04XQ" % ord(c) for c in value)
    if isinstance(value, list):
        return [spell(v) for v in value]
    if isinstance(value, dict):
        return {k: spell(v) for k, v in value.items()}
    return value
json.dump(spell(json.load(sys.stdin)), sys.stdout)
'
WRAPPER
chmod +x "$work/jianfan"

"$bin/generate-manual" "$work/jianfan" --output-directory "$work" --date "${MANUAL_DATE:-2026-12-02}"
sed -E 's/QJFU([0-9A-F]{4,6})Q/\\[u\1]/g' "$work/jianfan.1" > Documentation/man/jianfan.1
if grep -q QJFU Documentation/man/jianfan.1; then
    echo "generate-docs: a placeholder survived in the man page" >&2
    exit 1
fi

"$jianfan" --generate-completion-script bash > Documentation/completions/jianfan.bash
"$jianfan" --generate-completion-script zsh > Documentation/completions/_jianfan
"$jianfan" --generate-completion-script fish > Documentation/completions/jianfan.fish
echo "generate-docs: wrote Documentation/man/jianfan.1 and Documentation/completions/"
