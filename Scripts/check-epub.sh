#!/usr/bin/env bash
# Converts a generated EPUB 3 with jianfan and checks the result as a reader would: EPUBCheck
# (Debian's epubcheck, installed with apt when missing) on the original and the conversion,
# the same entries in the same order, `mimetype` first and stored, every XML part well-formed.
#
# Usage: bash Scripts/check-epub.sh [path/to/jianfan]   (default: the debug build)
set -euo pipefail
cd "$(dirname "$0")/.."
JIANFAN="${1:-.build/debug/jianfan}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

if ! command -v epubcheck >/dev/null; then
    apt-get update -qq && apt-get install -y -qq epubcheck >/dev/null
fi

python3 - "$WORK/book.epub" <<'PY'
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1], "w")
z.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip", compress_type=zipfile.ZIP_STORED)
def add(name, text): z.writestr(name, text, compress_type=zipfile.ZIP_DEFLATED)
add("META-INF/container.xml", '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>')
add("OEBPS/content.opf", '<?xml version="1.0" encoding="UTF-8"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id" xml:lang="zh-CN"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">urn:uuid:0b7f6d3e-1d4c-4f1e-9a55-3c1f2b7a9e10</dc:identifier><dc:title>头发后来的软件</dc:title><dc:language>zh-CN</dc:language><meta property="dcterms:modified">2026-01-01T00:00:00Z</meta></metadata><manifest><item id="nav" href="nav.xhtml" properties="nav" media-type="application/xhtml+xml"/><item id="c1" href="c1.xhtml" media-type="application/xhtml+xml"/><item id="css" href="style.css" media-type="text/css"/></manifest><spine><itemref idref="nav"/><itemref idref="c1"/></spine></package>')
add("OEBPS/nav.xhtml", '<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="zh-CN" lang="zh-CN"><head><title>目录</title></head><body><nav epub:type="toc"><ol><li><a href="c1.xhtml">第一章 头发</a></li></ol></nav></body></html>')
add("OEBPS/c1.xhtml", '<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml" xml:lang="zh-CN" lang="zh-CN"><head><title>第一章</title><link rel="stylesheet" type="text/css" href="style.css"/></head><body><h1 title="头发">第一章 头发</h1><p>后来，我们用鼠标和软件<em>打印</em>了&amp;信息。<!-- 注释 --></p><p><![CDATA[头发 < 后来]]></p></body></html>')
add("OEBPS/style.css", "h1 { font-weight: bold; }\n")
z.close()
PY

"$JIANFAN" -c s2twp --set-language -i "$WORK/book.epub" -o "$WORK/book-tw.epub"

for book in book.epub book-tw.epub; do
    echo "== epubcheck $book"
    java -jar "$(readlink -f "$(command -v epubcheck)")" "$WORK/$book" 2>&1 | grep -E "ERROR|WARNING|FATAL|Messages"
done

python3 - "$WORK/book.epub" "$WORK/book-tw.epub" <<'PY'
import sys, zipfile, xml.etree.ElementTree as ET
a, b = (zipfile.ZipFile(p) for p in sys.argv[1:3])
assert b.testzip() is None, "bad CRC"
assert [i.filename for i in a.infolist()] == [i.filename for i in b.infolist()], "entries differ"
assert [i.compress_type for i in a.infolist()] == [i.compress_type for i in b.infolist()], "compression differs"
first = b.infolist()[0]
assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED and first.header_offset == 0
for i in b.infolist():
    if i.filename.endswith((".xml", ".opf", ".xhtml")):
        ET.fromstring(b.read(i))
    elif a.read(i.filename) != b.read(i.filename):
        raise SystemExit(f"{i.filename} changed")
print("entries, order, compression, mimetype and well-formedness: ok")
print(b.read("OEBPS/c1.xhtml").decode())
PY
