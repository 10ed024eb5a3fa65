#!/usr/bin/env bash
# Regenerates Data/ from the PyPI wheel opencc==1.4.2:
#   Data/Dictionaries/<Name>.txt  text dumps of every .ocd2 the 16 configs reference
#   Data/Configs/<name>.json      the 16 configs, verbatim
#   Data/LICENSE, Data/AUTHORS    from the wheel's dist-info
#   Data/PROVENANCE.md            wheel name + sha256, checksums and line counts
#
# Usage: bash Data/import-opencc.sh
# Environment:
#   OPENCC_VENV  reuse (or create) the virtual environment at this path instead of
#                a throw-away one in a temporary directory.
#   PYTHON       interpreter used to create the venv (default: python3).
set -euo pipefail
export LC_ALL=C

OPENCC_VERSION=1.4.2
CONFIGS=(s2t t2s s2tw tw2s s2twp tw2sp s2hk hk2s s2hkp hk2sp t2tw tw2t t2hk hk2t t2jp jp2t)

DATA_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

log() { printf '%s\n' "$*" >&2; }

# --- 1. virtual environment with opencc installed from the exact wheel we hash -----
VENV="${OPENCC_VENV:-$WORK/venv}"
if [[ ! -x "$VENV/bin/python" ]]; then
    log "creating venv at $VENV"
    "${PYTHON:-python3}" -m venv "$VENV"
fi
PY="$VENV/bin/python"

log "downloading opencc==$OPENCC_VERSION wheel"
"$PY" -m pip download --quiet --no-deps --only-binary=:all: "opencc==$OPENCC_VERSION" -d "$WORK/wheel"
shopt -s nullglob
wheels=("$WORK"/wheel/opencc-"$OPENCC_VERSION"-*.whl)
shopt -u nullglob
if (( ${#wheels[@]} != 1 )); then
    log "error: expected exactly one opencc-$OPENCC_VERSION wheel, got: ${wheels[*]:-none}"
    exit 1
fi
WHEEL="${wheels[0]}"
WHEEL_NAME="$(basename "$WHEEL")"
WHEEL_SHA="$(sha256sum "$WHEEL" | cut -d' ' -f1)"
log "wheel: $WHEEL_NAME ($WHEEL_SHA)"

"$PY" -m pip install --quiet --no-deps --force-reinstall "$WHEEL"

SITE="$("$PY" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
PKG="$SITE/opencc"
SHARE="$PKG/clib/share/opencc"
DUMPER="$PKG/clib/bin/opencc_dict"
DISTINFO="$SITE/opencc-$OPENCC_VERSION.dist-info"
[[ -x "$DUMPER" ]] || { log "error: $DUMPER not found"; exit 1; }
[[ -d "$DISTINFO" ]] || { log "error: $DISTINFO not found"; exit 1; }

# The installed data must be exactly what the hashed wheel contains.
"$PY" - "$WHEEL" "$SITE" <<'EOF'
import hashlib, os, sys, zipfile
wheel, site = sys.argv[1], sys.argv[2]
checked = 0
with zipfile.ZipFile(wheel) as z:
    for name in z.namelist():
        if not (name.startswith("opencc/clib/share/opencc/") or "/licenses/" in name):
            continue
        if name.endswith("/"):
            continue
        with open(os.path.join(site, name), "rb") as f:
            if hashlib.sha256(f.read()).digest() != hashlib.sha256(z.read(name)).digest():
                sys.exit(f"error: installed {name} differs from the wheel")
        checked += 1
if checked == 0:
    sys.exit("error: no data files found in the wheel")
EOF

# --- 2. stage the new Data/ content --------------------------------------------------
STAGE="$WORK/stage"
mkdir -p "$STAGE/Dictionaries" "$STAGE/Configs"

for c in "${CONFIGS[@]}"; do
    [[ -f "$SHARE/$c.json" ]] || { log "error: config $c.json missing from the wheel"; exit 1; }
    cp "$SHARE/$c.json" "$STAGE/Configs/$c.json"
done

# Every dictionary file referenced anywhere in the 16 configs.
mapfile -t DICTS < <("$PY" - "$STAGE/Configs"/*.json <<'EOF'
import json, sys
names = set()
def walk(node):
    if isinstance(node, dict):
        f = node.get("file")
        if isinstance(f, str):
            names.add(f)
        for v in node.values():
            walk(v)
    elif isinstance(node, list):
        for v in node:
            walk(v)
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as fh:
        walk(json.load(fh))
for n in sorted(names):
    if not n.endswith(".ocd2"):
        sys.exit(f"error: unexpected dictionary type: {n}")
    print(n[: -len(".ocd2")])
EOF
)
log "dictionaries referenced: ${#DICTS[@]}"

for d in "${DICTS[@]}"; do
    [[ -f "$SHARE/$d.ocd2" ]] || { log "error: $d.ocd2 missing from the wheel"; exit 1; }
    "$DUMPER" -i "$SHARE/$d.ocd2" -o "$STAGE/Dictionaries/$d.txt" -f ocd2 -t text >/dev/null
    [[ -s "$STAGE/Dictionaries/$d.txt" ]] || { log "error: empty dump for $d"; exit 1; }
done

cp "$DISTINFO/licenses/LICENSE" "$STAGE/LICENSE"
cp "$DISTINFO/licenses/AUTHORS" "$STAGE/AUTHORS"

# --- 3. PROVENANCE.md --------------------------------------------------------------------
{
    cat <<EOF
# Provenance of Data/

Everything under \`Data/Dictionaries/\` and \`Data/Configs/\` comes from the PyPI wheel of
**opencc $OPENCC_VERSION**, the Python distribution of [OpenCC](https://github.com/BYVoid/OpenCC)
(Open Chinese Convert) by Carbo Kuo and contributors (see \`AUTHORS\`), licensed under the
Apache License 2.0 (see \`LICENSE\`, copied from the wheel).

| | |
|---|---|
| Package | \`opencc==$OPENCC_VERSION\` (PyPI) |
| Wheel | \`$WHEEL_NAME\` |
| Wheel sha256 | \`$WHEEL_SHA\` |

- \`Configs/<name>.json\` are the wheel's \`opencc/clib/share/opencc/<name>.json\`, copied verbatim,
  for the 16 conversions ${CONFIGS[*]}.
- \`Dictionaries/<Name>.txt\` are text dumps of the wheel's \`opencc/clib/share/opencc/<Name>.ocd2\`
  (every dictionary referenced by those configs), made with the wheel's own dictionary tool:
  \`opencc/clib/bin/opencc_dict -i <Name>.ocd2 -o <Name>.txt -f ocd2 -t text\`.
  Format: one entry per line, \`key<TAB>value1 value2 …\`, exactly as the tool writes it.
- \`LICENSE\` and \`AUTHORS\` are the wheel's \`opencc-$OPENCC_VERSION.dist-info/licenses/\` files.

The conversion tables compiled into the library are generated from these files by
\`swift run jianfan-tables\`.

## Regenerating

    bash Data/import-opencc.sh

The script installs \`opencc==$OPENCC_VERSION\` into a private virtual environment (set
\`OPENCC_VENV=<dir>\` to reuse one), checks that the installed files match the downloaded wheel,
dumps the dictionaries and rewrites this file. The output is deterministic; the wheel name (and
hash) depends on the Python version and platform pip selects, the data files inside do not.

## Files

| File | Lines | sha256 | Source .ocd2 sha256 |
|---|---:|---|---|
EOF
    for d in "${DICTS[@]}"; do
        f="$STAGE/Dictionaries/$d.txt"
        printf '| `Dictionaries/%s.txt` | %s | `%s` | `%s` |\n' "$d" \
            "$(wc -l < "$f" | tr -d ' ')" \
            "$(sha256sum "$f" | cut -d' ' -f1)" \
            "$(sha256sum "$SHARE/$d.ocd2" | cut -d' ' -f1)"
    done
    for c in $(printf '%s\n' "${CONFIGS[@]}" | sort); do
        f="$STAGE/Configs/$c.json"
        printf '| `Configs/%s.json` | %s | `%s` | |\n' "$c" \
            "$(wc -l < "$f" | tr -d ' ')" \
            "$(sha256sum "$f" | cut -d' ' -f1)"
    done
    for f in LICENSE AUTHORS; do
        printf '| `%s` | %s | `%s` | |\n' "$f" \
            "$(wc -l < "$STAGE/$f" | tr -d ' ')" \
            "$(sha256sum "$STAGE/$f" | cut -d' ' -f1)"
    done
} > "$STAGE/PROVENANCE.md"

# --- 4. replace Data/ content ----------------------------------------------------------
mkdir -p "$DATA_DIR/Dictionaries" "$DATA_DIR/Configs"
rm -f "$DATA_DIR"/Dictionaries/*.txt "$DATA_DIR"/Configs/*.json
cp "$STAGE"/Dictionaries/*.txt "$DATA_DIR/Dictionaries/"
cp "$STAGE"/Configs/*.json "$DATA_DIR/Configs/"
cp "$STAGE/LICENSE" "$STAGE/AUTHORS" "$STAGE/PROVENANCE.md" "$DATA_DIR/"

log "wrote ${#DICTS[@]} dictionaries and ${#CONFIGS[@]} configs to $DATA_DIR"
