#!/usr/bin/env bash
# Builds the real-text benchmark corpora from pinned Debian packages with Chinese documentation.
#
# Usage: Scripts/real-corpus.sh OUTDIR [MB]
#   MB  size of each output in MiB (default 23)
#
# Writes (each at least MB MiB, valid UTF-8, no NUL, no BOM, deterministic):
#   OUTDIR/simplified.txt   Simplified Chinese text: man pages (zh_CN), Debian Reference, Debian
#                           FAQ, New Maintainers' Guide, Debian Administrator's Handbook, Debian
#                           Edu manuals, LibreOffice help, KiCad and LilyPond manuals, fortunes
#   OUTDIR/traditional.txt  Traditional Chinese text: man pages (zh_TW), Debian Reference, New
#                           Maintainers' Guide, Debian Administrator's Handbook, LibreOffice help
#   OUTDIR/MANIFEST.md      packages, versions, .deb sha256, licenses, bytes each contributed,
#                           unique text per output, Han fraction and sha256 of the outputs
# HTML is turned into text, man pages are kept as roff source, files that are under 15% Han
# characters (untranslated pages) or duplicates are dropped, and where an output's unique text
# is shorter than MB MiB it is repeated (MANIFEST.md says so). Scripts/real_corpus.py has the
# details. The packages are fetched with `apt-get download` (not installed); the exact versions
# and .deb hashes are pinned below, so the outputs are reproducible byte for byte. If a pinned
# version is no longer in the apt sources (Debian keeps only the latest in a suite), fetch it
# from snapshot.debian.org into REAL_CORPUS_DEBS.
#
# Environment:
#   REAL_CORPUS_DEBS  keep the downloaded .deb files in this directory and reuse them
#                     (about 90 MB) instead of a throw-away one
#   PYTHON            interpreter for Scripts/real_corpus.py (default: python3; stdlib only)
set -euo pipefail
export LC_ALL=C

if [[ $# -lt 1 || $# -gt 2 || "$1" == -* ]]; then
    echo "usage: $0 OUTDIR [MB]" >&2
    exit 2
fi
OUT="$1"
MB="${2:-23}"
[[ "$MB" =~ ^[1-9][0-9]*$ ]] || { echo "real-corpus.sh: MB must be a positive integer" >&2; exit 2; }

SCRIPTS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# NAME VERSION SHA256-of-the-.deb (Debian 12 bookworm, amd64 index; all are Architecture: all)
cat > "$WORK/pins.txt" <<'EOF'
debian-edu-doc-legacy-zh-cn 2.12.23~deb12u1 05ee46b736618966f5cac42230eece5254f2801f9871b0176a0a9119ab67a061
debian-edu-doc-zh-cn 2.12.23~deb12u1 d98fa11ea24238d38631d756ab75144c3d97dbd2a2e5a0223f2f7d8d975ecff2
debian-faq-zh-cn 11.1 3545356b1aa04d87e91dd15e8406210cf5b4f476662e597897bcb42234591758
debian-handbook 11.20220922 3d5dbeac1f1afc9c094eab9d0f701f6ecff99c4927d5a4794cf6c85678134faa
debian-reference-zh-cn 2.100 6d2d8d9a646397e28b04cdff23d2e4374101ebf9be348e35961af62c8a2d0977
debian-reference-zh-tw 2.100 d2785bbfcb9c3eb6343a37520df595a720bb30fa634d4cf0750d1c04a0226057
fortunes-zh 2.98 211c5ddee59d0ae74ce01cbfd02f7c8714740bae1835d5661eb2254edd739105
kicad-doc-zh 6.0.11+dfsg-1 c904386f9152d1acb79aec9a85bdaec1e9901ade73a296b44b5e84763eedf245
libreoffice-help-zh-cn 4:7.4.7-1+deb12u14 db867cdece4c2f9c7eebe65e519c6cf386fdcf49d6e061db3dffec893b3e1dee
libreoffice-help-zh-tw 4:7.4.7-1+deb12u14 f79cb2bee8d8d783efd825051a957b4c97a56dad5a05bde0ee90e66099331209
lilypond-doc-html-zh 2.24.1-2 9cdd1f3d348361121e9bd3d7ee42da5fa1b6fb3495098b85d0eff5e5a49373de
maint-guide-zh-cn 1.2.53 d605b60a034f63857bc44205aed5ad7ba6e17d0d2b1ba5e79179b4e7ec4ee4bc
maint-guide-zh-tw 1.2.53 5f70f36f239c6378ef01215e7ba530d236ce0987a6d235e2b70ef089ae9823c8
manpages-zh 1.6.4.0-1 81bae29495f6445db290e3f329f1203eb19b651c2a7ea165b74ebdc853a32ac1
EOF

for tool in apt-get apt-cache dpkg-deb sha256sum "${PYTHON:-python3}"; do
    command -v "$tool" > /dev/null || { echo "real-corpus.sh: $tool not found (needs Debian/Ubuntu tools)" >&2; exit 1; }
done

DEBS="${REAL_CORPUS_DEBS:-$WORK/debs}"
mkdir -p "$DEBS"
DEBS="$(cd "$DEBS" && pwd)"

# deb_file NAME VERSION: the file name `apt-get download` gives it
deb_file() { printf '%s_%s_all.deb' "$1" "${2//:/%3a}"; }
have_deb() { [[ -f "$DEBS/$(deb_file "$1" "$2")" ]] && [[ "$(sha256sum < "$DEBS/$(deb_file "$1" "$2")" | cut -d' ' -f1)" == "$3" ]]; }

# Which pinned versions are missing locally, and are they all in the apt sources?
need=() missing=()
while read -r name version digest; do
    have_deb "$name" "$version" "$digest" && continue
    if apt-cache madison "$name" 2>/dev/null | awk -F'|' '{ gsub(/ /, "", $2); print $2 }' \
            | grep -qxF -- "$version"; then
        need+=("$name=$version")
    else
        missing+=("$name=$version")
    fi
done < "$WORK/pins.txt"
if (( ${#missing[@]} )); then
    {
        echo "real-corpus.sh: these pinned package versions are not available from apt:"
        for m in "${missing[@]}"; do
            echo "  $m    (see https://snapshot.debian.org/binary/${m%%=*}/)"
        done
        echo "Run 'apt-get update' if the package lists are missing or old, or download those .deb"
        echo "files from snapshot.debian.org into a directory and point REAL_CORPUS_DEBS at it."
        echo "Changing a version changes the corpus: update the pins (and their sha256) on purpose only."
    } >&2
    exit 1
fi
if (( ${#need[@]} )); then
    echo "real-corpus.sh: downloading ${#need[@]} packages into $DEBS" >&2
    if [[ $(id -u) -eq 0 && "$DEBS" == "$WORK/debs" ]] && id _apt > /dev/null 2>&1; then
        # let apt's unprivileged download user write there (avoids the "unsandboxed" warning)
        chmod 755 "$WORK" && chown _apt "$DEBS" || true
    fi
    (cd "$DEBS" && apt-get download -q "${need[@]}" >&2)
fi
bad=()
while read -r name version digest; do
    have_deb "$name" "$version" "$digest" || bad+=("$(deb_file "$name" "$version")")
done < "$WORK/pins.txt"
if (( ${#bad[@]} )); then
    echo "real-corpus.sh: missing, or sha256 differs from the pin, in $DEBS: ${bad[*]}" >&2
    exit 1
fi

mkdir -p "$OUT"
"${PYTHON:-python3}" "$SCRIPTS/real_corpus.py" build --debs "$DEBS" --out "$OUT" --mb "$MB" \
    --pins "$WORK/pins.txt"

for f in simplified traditional; do
    printf '%-16s %10d bytes  %s\n' "$f.txt" "$(wc -c < "$OUT/$f.txt")" \
        "$(sha256sum "$OUT/$f.txt" | cut -d' ' -f1)" >&2
done
