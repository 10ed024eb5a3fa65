#!/usr/bin/env python3
"""Builds the real-text benchmark corpora from downloaded Debian packages.

Called by Scripts/real-corpus.sh, which pins and downloads the packages; see there for usage.

  real_corpus.py build --debs DIR --out OUTDIR --mb MB --pins FILE

FILE has one pinned package per line: NAME VERSION SHA256. DIR holds the .deb files
(`apt-get download` names: NAME_VERSION_ARCH.deb, ':' in VERSION written as %3a).

What it does (Python standard library only; the packages are read with
`dpkg-deb --fsys-tarfile`, nothing is installed or unpacked to disk):

- Takes, per package, the files matching that package's rules in PACKAGES below (the
  documentation itself: man pages, HTML manuals, fortune files; not PDFs, EPUBs, images,
  or a plain-text rendering of an HTML manual that is also taken).
- Turns each into text: gzip is decompressed; HTML loses its tags, <title>, <script>, <style>
  and the like; entities are decoded; block elements (p, div, li, h1..h6, tr, pre,
  br, ...) become line breaks, table cells are separated by a tab, whitespace outside <pre> is
  collapsed to one space and a line break between two East Asian wide characters is dropped
  (as browsers render it). Roff man pages and fortune files are kept as they are, except that
  ANSI colour escapes are removed from the fortunes. Everywhere CR LF / CR become LF,
  U+FEFF and C0/C1 control characters other than TAB and LF are removed, and the text ends
  with a line break.
- Files must be valid UTF-8 (checked strictly); a file that is not is decoded with the
  package's fallback codec (default gb18030 for Simplified, big5 for Traditional) if that
  decodes without error, otherwise skipped; the manifest lists any such file. (Never needed
  for the pinned packages: every file used is UTF-8.)
- Drops files whose text is less than 15% Han characters (pages left in English in a
  Chinese package; for man pages, of the text without roff comments, requests and escapes),
  then duplicates (same text, first path in sorted order wins).
- Per script, files are taken in sorted path order within each package, and the packages are
  interleaved by share: the next file always comes from the package that has so far
  contributed the smallest fraction of its own text (ties: package name). So every prefix of
  the output is a proportional mix of all the packages.
- Writes OUTDIR/simplified.txt and OUTDIR/traditional.txt: that sequence, repeated if the
  unique text is shorter than MB MiB, cut after the first line break at or after MB MiB.
- Writes OUTDIR/MANIFEST.md (packages, versions, .deb sha256, licenses, bytes contributed,
  output sizes, Han fraction, sha256). The manifest contains no dates, so the whole OUTDIR
  is byte-for-byte reproducible from the pinned packages.
"""

import argparse
import gzip
import hashlib
import html.parser
import os
import re
import subprocess
import sys
import tarfile

MIB = 1 << 20
MIN_HAN = 0.15

SIMPLIFIED, TRADITIONAL = "simplified", "traditional"

# name -> dict(
#   rules: [(glob on the path inside the package, without leading './'; script; kind)],
#          kind is "html", "roff" or "fortune"; '*' does not cross '/', '**/' is any depth
#   exclude: [globs] taken out again
#   skip_ids: HTML elements with these ids are dropped (LibreOffice's hidden debug footer)
#   fallback: codec tried when a file is not UTF-8
#   license_files: regex on a DEP-5 'Files:' field; the licenses of the matching stanzas
#          are the documentation's license (default: the 'Files: *' stanza)
#   license_note: summary for a copyright file that is not machine-readable (checked by hand)
# )
PACKAGES = {
    "debian-edu-doc-legacy-zh-cn": dict(
        rules=[("usr/share/doc/debian-edu-doc-legacy-zh-cn/*-manual.html", SIMPLIFIED, "html")],
        license_files=r"^documentation/(audacity|rosegarden|debian-edu-itil)/\S+-manual\.xml\b"),
    "debian-edu-doc-zh-cn": dict(
        # the Bullseye manual is mostly the same text as the Bookworm one
        rules=[("usr/share/doc/debian-edu-doc-zh-cn/debian-edu-bookworm-manual.html", SIMPLIFIED, "html")],
        license_files=r"^documentation/debian-edu-bookworm/debian-edu-bookworm-manual\.xml\b"),
    "debian-faq-zh-cn": dict(
        rules=[("usr/share/doc/debian/FAQ/zh-cn/*.zh-cn.html", SIMPLIFIED, "html")],
        license_note="not machine-readable; the FAQ is (C) 1996-2003 Software in the Public "
                     "Interest, under a verbatim-copying / modified-versions permission notice "
                     "(GNU-manual style)"),
    "debian-handbook": dict(
        rules=[("usr/share/doc/debian-handbook/html/zh-CN/*.html", SIMPLIFIED, "html"),
               ("usr/share/doc/debian-handbook/html/zh-TW/*.html", TRADITIONAL, "html")]),
    "debian-reference-zh-cn": dict(
        rules=[("usr/share/debian-reference/*.zh-cn.html", SIMPLIFIED, "html")]),
    "debian-reference-zh-tw": dict(
        rules=[("usr/share/debian-reference/*.zh-tw.html", TRADITIONAL, "html")]),
    "fortunes-zh": dict(
        # all three files are Simplified (the Tang and Song poems too)
        rules=[("usr/share/games/fortunes/chinese", SIMPLIFIED, "fortune"),
               ("usr/share/games/fortunes/song100", SIMPLIFIED, "fortune"),
               ("usr/share/games/fortunes/tang300", SIMPLIFIED, "fortune")]),
    "kicad-doc-zh": dict(
        rules=[("usr/share/doc/kicad/help/zh/*.html", SIMPLIFIED, "html")]),
    "libreoffice-help-zh-cn": dict(
        rules=[("usr/share/libreoffice/help/zh-CN/**/*.html", SIMPLIFIED, "html")],
        skip_ids=["DEBUG"]),
    "libreoffice-help-zh-tw": dict(
        rules=[("usr/share/libreoffice/help/zh-TW/**/*.html", TRADITIONAL, "html")],
        skip_ids=["DEBUG"]),
    "lilypond-doc-html-zh": dict(
        rules=[("usr/share/doc/lilypond/html/**/*.zh.html", SIMPLIFIED, "html")],
        # the same manual again on one page
        exclude=["**/*-big-page.zh.html"]),
    "maint-guide-zh-cn": dict(
        rules=[("usr/share/doc/maint-guide-zh-cn/html/*.zh-cn.html", SIMPLIFIED, "html")]),
    "maint-guide-zh-tw": dict(
        rules=[("usr/share/doc/maint-guide-zh-tw/html/*.zh-tw.html", TRADITIONAL, "html")]),
    "manpages-zh": dict(
        rules=[("usr/share/man/zh_CN/**/*.gz", SIMPLIFIED, "roff"),
               ("usr/share/man/zh_TW/**/*.gz", TRADITIONAL, "roff")]),
}
FALLBACK = {SIMPLIFIED: "gb18030", TRADITIONAL: "big5"}


def glob_re(pattern):
    out = ""
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out += "(?:.*/)?"
            i += 3
        elif pattern[i] == "*":
            out += "[^/]*"
            i += 1
        else:
            out += re.escape(pattern[i])
            i += 1
    return re.compile(out + r"\Z")


def is_han(c):
    o = ord(c)
    return (0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF
            or 0x20000 <= o <= 0x323AF)


def han_count(text):
    return sum(1 for c in text if is_han(c))


ROFF_TEXT_MACROS = set("TH SH SS B I BI BR IB IR RB RI SM SB IP TP HP Nm Nd Sh Ss Ar Fl Op Xr Dt".split())
ROFF_ESCAPE = re.compile(r"\\(?:[fF*](?:\[[^]]*\]|\(..|.)|\(..|\[[^]]*\]|s[-+]?\d+|.)")


def roff_visible(text):
    """Roughly the text a man page shows: no comments, requests or escapes (for measuring)."""
    lines = []
    for line in text.split("\n"):
        if line.startswith((".", "'")):
            m = re.match(r"^[.']\s*(\S+)\s*(.*)$", line)
            if not m or m.group(1) not in ROFF_TEXT_MACROS:
                continue
            line = m.group(2)
        lines.append(ROFF_ESCAPE.sub("", line))
    return "\n".join(lines)


def han_share(text, kind):
    """Han characters as a share of all characters; of a man page's visible text."""
    if kind == "roff":
        text = roff_visible(text)
    return han_count(text) / len(text) if text else 0.0


def is_wide(c):
    o = ord(c)
    return (is_han(c) or 0x2E80 <= o <= 0x33FF or 0xFE30 <= o <= 0xFE4F
            or 0xFF00 <= o <= 0xFF60 or 0xFFE0 <= o <= 0xFFE6 or 0xAC00 <= o <= 0xD7A3)


# --- HTML to text -------------------------------------------------------------------------

BLOCK = set("""address article aside blockquote body caption center dd details dialog dir div dl
dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr html legend li main menu
nav noscript ol p pre section summary table tbody tfoot thead tr ul""".split())
SKIP = {"script", "style", "template", "svg", "math", "title"}
VOID = set("area base br col embed hr img input link meta param source track wbr".split())
WS = re.compile(r"[ \t\n\r\f]+")


def collapse(text):
    def repl(m):
        s, e = m.start(), m.end()
        if "\n" in m.group() and 0 < s and e < len(text) and is_wide(text[s - 1]) and is_wide(text[e]):
            return ""
        return " "
    return WS.sub(repl, text).strip(" ")


class TextExtractor(html.parser.HTMLParser):
    # Inline text is collected per block; "\x00\n" marks a <br>, "\x00\t" a table cell.
    def __init__(self, skip_ids=()):
        super().__init__(convert_charrefs=True)
        self.skip_ids = set(skip_ids)
        self.lines = []
        self.inline = []    # text of the current block
        self.skip = []      # open elements whose content is dropped
        self.pre = 0

    def flush(self):
        if self.pre:
            return
        text = "".join(self.inline)
        self.inline = []
        for line in text.split("\x00\n"):
            line = "\t".join(c for c in (collapse(x) for x in line.split("\x00\t")) if c)
            if line:
                self.lines.append(line)

    def handle_starttag(self, tag, attrs):
        if self.skip or tag in SKIP or (self.skip_ids and dict(attrs).get("id") in self.skip_ids):
            if tag not in VOID:
                self.skip.append(tag)
            return
        if tag == "br":
            self.inline.append("\n" if self.pre else "\x00\n")
        elif tag in ("td", "th"):
            self.inline.append("\x00\t")
        elif tag in BLOCK:
            self.flush()
            if tag == "pre":
                self.pre += 1

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.skip and self.skip[-1] == tag:
            self.skip.pop()

    def handle_endtag(self, tag):
        if self.skip:
            if tag in self.skip:
                while self.skip.pop() != tag:
                    pass
            return
        if tag == "pre" and self.pre:
            self.pre -= 1
            if self.pre:
                return
            text = "".join(self.inline)
            self.inline = []
            if text.startswith("\n"):
                text = text[1:]
            for line in text.rstrip("\n").split("\n"):
                self.lines.append(line.rstrip())
        elif tag in BLOCK:
            self.flush()

    def handle_data(self, data):
        if not self.skip:
            self.inline.append(data.replace("\x00", ""))

    def text(self):
        self.pre = 0
        self.flush()
        return "\n".join(self.lines) + "\n"


def html_to_text(source, skip_ids=()):
    p = TextExtractor(skip_ids)
    p.feed(source)
    p.close()
    return p.text()


# --- cleaning -----------------------------------------------------------------------------

ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff]")


def clean(text, kind, skip_ids=()):
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if kind == "fortune":
        text = ANSI.sub("", text)
    elif kind == "html":
        text = html_to_text(text, skip_ids)
    text = CONTROL.sub("", text)
    if text and not text.endswith("\n"):
        text += "\n"
    return text


def decode(raw, codec):
    """(text, codec used), or (None, why) if neither UTF-8 nor codec decodes it."""
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode(codec), codec
    except UnicodeDecodeError:
        return None, f"neither UTF-8 nor {codec}"


# --- packages -----------------------------------------------------------------------------

def deb_members(path):
    """Yields (path inside the package, bytes) for the regular files of a .deb."""
    proc = subprocess.Popen(["dpkg-deb", "--fsys-tarfile", path], stdout=subprocess.PIPE)
    with tarfile.open(fileobj=proc.stdout, mode="r|") as tar:
        for m in tar:
            if m.isfile():
                name = m.name[2:] if m.name.startswith("./") else m.name
                yield name, tar.extractfile(m).read()
    proc.stdout.close()
    if proc.wait() != 0:
        sys.exit(f"real_corpus.py: dpkg-deb --fsys-tarfile {path} failed")


def dep5_licenses(copyright_text, files_re):
    """Licenses of the stanzas whose Files: field matches files_re (or is '*')."""
    if not copyright_text.startswith("Format:"):
        return None
    stanzas = re.split(r"\n\s*\n", copyright_text)
    found, everything = [], []
    for st in stanzas:
        fields = {}
        key = None
        for line in st.split("\n"):
            m = re.match(r"^([A-Za-z-]+):\s*(.*)$", line)
            if m:
                key = m.group(1).lower()
                fields[key] = m.group(2).strip()
            elif key and line.startswith((" ", "\t")) and key == "files":
                fields[key] += " " + line.strip()
        if "files" not in fields or "license" not in fields:
            continue
        lic = fields["license"]
        if lic not in everything:
            everything.append(lic)
        files = fields["files"]
        if (re.search(files_re, files) if files_re else files == "*") and lic not in found:
            found.append(lic)
    return found, everything


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def read_pins(path):
    pins = []
    for line in open(path, encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            name, version, digest = line.split()
            pins.append((name, version, digest))
    names = [p[0] for p in pins]
    if sorted(names) != sorted(PACKAGES):
        sys.exit("real_corpus.py: the pinned packages and PACKAGES in real_corpus.py differ: "
                 + " ".join(sorted(set(names) ^ set(PACKAGES))))
    return pins


def interleave(per_pkg):
    """per_pkg: name -> [bytes]; the files in order, packages interleaved by share."""
    totals = {n: sum(map(len, v)) for n, v in per_pkg.items()}
    done = {n: 0 for n in per_pkg}
    idx = {n: 0 for n in per_pkg}
    order = []
    while True:
        live = [n for n in per_pkg if idx[n] < len(per_pkg[n])]
        if not live:
            return order
        n = min(live, key=lambda n: (done[n] / totals[n], n))
        data = per_pkg[n][idx[n]]
        idx[n] += 1
        done[n] += len(data)
        order.append((n, data))


def build(args):
    pins = read_pins(args.pins)
    target = args.mb * MIB

    packages = {}     # name -> dict(version, sha256, path)
    for name, version, digest in pins:
        fname = f"{name}_{version.replace(':', '%3a')}_all.deb"
        path = os.path.join(args.debs, fname)
        if not os.path.exists(path):
            sys.exit(f"real_corpus.py: {path} missing")
        with open(path, "rb") as f:
            got = sha256(f.read())
        if got != digest:
            sys.exit(f"real_corpus.py: {fname}: sha256 {got}, pinned {digest}")
        packages[name] = dict(version=version, sha256=digest, path=path)

    # (name, script) -> counters; script -> name -> [(member, text)]
    stats = {}
    texts = {SIMPLIFIED: {}, TRADITIONAL: {}}
    copyrights = {}
    for name in sorted(PACKAGES):
        spec = PACKAGES[name]
        rules = [(glob_re(g), script, kind) for g, script, kind in spec["rules"]]
        excludes = [glob_re(g) for g in spec.get("exclude", [])]
        picked = []
        for member, raw in deb_members(packages[name]["path"]):
            if member == f"usr/share/doc/{name}/copyright":
                copyrights[name] = raw.decode("utf-8", "replace")
            if any(x.match(member) for x in excludes):
                continue
            for rx, script, kind in rules:
                if rx.match(member):
                    picked.append((member, raw, script, kind))
                    break
        for member, raw, script, kind in sorted(picked, key=lambda p: p[0]):
            st = stats.setdefault((name, script), dict(
                candidates=0, files=0, low_han=0, duplicates=0, unique=0, output=0,
                decoded=[], undecodable=[]))
            st["candidates"] += 1
            if member.endswith(".gz"):
                raw = gzip.decompress(raw)
            text, codec = decode(raw, spec.get("fallback", FALLBACK[script]))
            if text is None:
                st["undecodable"].append(member)
                continue
            if codec != "utf-8":
                st["decoded"].append((member, codec))
            texts[script].setdefault(name, []).append((member, clean(text, kind, spec.get("skip_ids", ())), kind))

    outputs = {}
    for script in (SIMPLIFIED, TRADITIONAL):
        seen = set()
        per_pkg = {}
        for name in sorted(texts[script]):
            st = stats[(name, script)]
            for member, text, kind in texts[script][name]:
                if han_share(text, kind) < MIN_HAN:
                    st["low_han"] += 1
                    continue
                data = text.encode("utf-8")
                h = sha256(data)
                if h in seen:
                    st["duplicates"] += 1
                    continue
                seen.add(h)
                per_pkg.setdefault(name, []).append(data)
                st["files"] += 1
                st["unique"] += len(data)
        order = interleave(per_pkg)
        unique = sum(len(d) for _, d in order)
        if unique == 0:
            sys.exit(f"real_corpus.py: no {script} text")
        pieces = []   # (name, offset in the output, text)
        size = 0
        while size < target:
            for n, data in order:
                if size >= target:
                    break
                pieces.append((n, size, data))
                size += len(data)
        buf = b"".join(data for _, _, data in pieces)
        # every file ends with a line break, so there is one at or after the target
        cut = buf.index(b"\n", target - 1) + 1
        out = bytes(buf[:cut])
        for n, a, data in pieces:
            stats[(n, script)]["output"] += max(0, min(a + len(data), cut) - a)
        text = out.decode("utf-8")   # strict: the output is valid UTF-8
        assert b"\x00" not in out
        with open(os.path.join(args.out, f"{script}.txt"), "wb") as f:
            f.write(out)
        outputs[script] = dict(bytes=len(out), chars=len(text), han=han_count(text),
                               sha256=sha256(out), unique=unique, files=len(order))

    write_manifest(args, packages, stats, outputs, copyrights)
    for script in (SIMPLIFIED, TRADITIONAL):
        o = outputs[script]
        rep = (f", repeated ({o['bytes'] / o['unique']:.2f}×)" if o["unique"] < o["bytes"]
               else "")
        print(f"{script}.txt: {o['bytes']} bytes; {o['unique'] / MIB:.2f} MiB of unique text "
              f"from {o['files']} files{rep}; Han {o['han'] / o['chars']:.1%} of characters",
              file=sys.stderr)


def license_of(name, copyrights):
    spec = PACKAGES[name]
    src = spec.get("copyright_from", name)
    text = copyrights.get(src)
    where = f"/usr/share/doc/{src}/copyright"
    if text is None:
        return f"? ({where} not found)"
    prefix = f"(copyright of {src}) " if src != name else ""
    if "license_note" in spec:
        return prefix + spec["license_note"]
    got = dep5_licenses(text, spec.get("license_files"))
    if got is None:
        return f"? ({where} is not machine-readable)"
    found, everything = got
    if not found:
        return prefix + "? (no matching Files: stanza; the file lists " + ", ".join(everything) + ")"
    return prefix + " / ".join(found)


def write_manifest(args, packages, stats, outputs, copyrights):
    L = ["# Real-text corpus", ""]
    L.append(f"Built by `Scripts/real-corpus.sh {{OUTDIR}} {args.mb}` (the extraction is described in")
    L.append("`Scripts/real_corpus.py`) from the pinned Debian 12 (bookworm) packages below. The same")
    L.append("packages give the same output: both text files and this manifest are reproducible byte for byte.")
    L.append("")
    L.append("| package | version | .deb sha256 | license of the text used (from /usr/share/doc/PKG/copyright) |")
    L.append("|---|---|---|---|")
    for name in sorted(packages):
        p = packages[name]
        L.append(f"| {name} | {p['version']} | `{p['sha256']}` | {license_of(name, copyrights)} |")
    L.append("")
    L.append("Text taken (files: used / candidates; the others had under 15% Han characters, for man")
    L.append("pages in the text without roff markup, or duplicated an earlier file; bytes of UTF-8 text")
    L.append("after extraction):")
    L.append("")
    L.append("| package | output | files used | under 15% Han | duplicates | unique bytes | bytes in output |")
    L.append("|---|---|---:|---:|---:|---:|---:|")
    notes = []
    for script in (SIMPLIFIED, TRADITIONAL):
        for (name, s), st in sorted(stats.items()):
            if s != script:
                continue
            L.append(f"| {name} | {script}.txt | {st['files']} / {st['candidates']} | {st['low_han']} "
                     f"| {st['duplicates']} | {st['unique']} | {st['output']} |")
            notes += [f"- {name}: {m} decoded as {c}" for m, c in st["decoded"]]
            notes += [f"- {name}: {m} skipped: not valid UTF-8 nor {FALLBACK[script]}"
                      for m in st["undecodable"]]
    L.append("")
    if notes:
        L += ["Encodings:", ""] + notes + [""]
    L.append("Outputs (Han: CJK Unified Ideographs with extensions and compatibility ideographs, as a")
    L.append("share of all characters, spaces and line breaks included):")
    L.append("")
    L.append("| file | bytes | unique text | characters | Han | sha256 |")
    L.append("|---|---:|---|---:|---:|---|")
    for script in (SIMPLIFIED, TRADITIONAL):
        o = outputs[script]
        if o["unique"] < o["bytes"]:
            uniq = (f"{o['unique']} bytes ({o['unique'] / MIB:.2f} MiB), repeated to the size "
                    f"({o['bytes'] / o['unique']:.2f}×)")
        else:
            uniq = f"{o['unique']} bytes ({o['unique'] / MIB:.2f} MiB), not repeated"
        L.append(f"| {script}.txt | {o['bytes']} | {uniq} | {o['chars']} | {o['han'] / o['chars']:.1%} "
                 f"| `{o['sha256']}` |")
    L.append("")
    L.append("Order: per output, the files of each package in sorted path order, the packages interleaved")
    L.append("by share (the next file always comes from the package that has so far contributed the")
    L.append("smallest fraction of its own text), so every prefix mixes all of them; the whole sequence is")
    L.append("repeated if it is shorter than the size, and the output is cut after the first line break at")
    L.append(f"or after {args.mb} MiB.")
    L.append("")
    L.append("Note: the Traditional man pages of manpages-zh are generated upstream from the Simplified")
    L.append("ones with OpenCC; the other Traditional sources are translations in their own right.")
    with open(os.path.join(args.out, "MANIFEST.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(L) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build")
    b.add_argument("--debs", required=True)
    b.add_argument("--out", required=True)
    b.add_argument("--mb", type=int, required=True)
    b.add_argument("--pins", required=True)
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    build(args)


if __name__ == "__main__":
    main()
