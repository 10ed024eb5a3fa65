#!/usr/bin/env python3
"""Deterministic test/benchmark corpora (helper for Scripts/corpus.sh).

Two steps, with the OpenCC CLI run in between by corpus.sh:

  corpus.py generate --root ROOT --work WORK --mb N
      WORK/simp_src.txt   Simplified seeds + generated Simplified text
      WORK/trad_src.txt   Traditional seed + generated Traditional text
  (corpus.sh runs s2t over simp_src -> WORK/from_simp.txt
                  t2s over trad_src -> WORK/from_trad.txt)
  corpus.py assemble --root ROOT --work WORK --out OUT --mb N
      OUT/simplified.txt  = BOM + Simplified seeds + tricky block
                            + interleaved(generated Simplified, t2s(Traditional material))
      OUT/traditional.txt = BOM + Traditional seed + tricky block
                            + interleaved(generated Traditional, s2t(Simplified material))
      OUT/boundaries.txt  = chunk-boundary cases (see boundary_corpus), mostly ASCII filler
  corpus.py long --root ROOT --out OUT
      OUT/long-NAME.txt   the golden files' hard cases (Tests/Fixtures/Golden/cases.json),
                          each a line of 512 KiB to 1.1 MiB with no line break: its layouts
                          (phrases, IDS and compatibility ideographs across multiples of
                          16 and 32 KiB) and its long lines (second-stage keys repeated)

Everything is driven by random.Random(42) and by the files under Data/Dictionaries and
Tests/Fixtures, so the output is byte-for-byte reproducible. Only the Python standard
library is used. No NUL bytes and no invalid UTF-8 are ever produced.
"""

import argparse
import os
import random
import sys

MIB = 1 << 20
BOM = "\ufeff"

# Seed documents (Tests/Fixtures): which script each one is written in.
SIMPLIFIED_SEEDS = ["000", "002", "003", "004"]
TRADITIONAL_SEEDS = ["001"]

# Dictionaries whose keys / values are Simplified or Traditional text.
# (file, side) with side "k" = keys, "v" = values.
SIMP_PHRASES = [("STPhrases", "k"), ("STPhrases_GeneratedFromRegionalPhrases", "k"), ("TSPhrases", "v")]
SIMP_CHARS = [("STCharacters", "k"), ("TSCharacters", "v")]
TRAD_PHRASES = [
    ("STPhrases", "v"), ("STPhrases_GeneratedFromRegionalPhrases", "v"), ("TSPhrases", "k"),
    ("TWPhrases", "k"), ("TWPhrases", "v"), ("TWPhrasesRev", "k"),
    ("HKPhrases", "k"), ("HKPhrases", "v"), ("HKPhrasesRev", "k"),
    ("TWVariantsPhrases", "k"), ("TWVariantsRevPhrases", "k"),
    ("HKVariantsPhrases", "k"), ("HKVariantsRevPhrases", "k"),
    ("JPShinjitaiPhrases", "k"), ("JPShinjitaiPhrases", "v"),
]
TRAD_CHARS = [
    ("TSCharacters", "k"), ("STCharacters", "v"), ("TSCharactersExt", "k"),
    ("TWVariants", "k"), ("TWVariants", "v"), ("HKVariants", "k"), ("HKVariants", "v"),
    ("JPShinjitaiCharacters", "k"), ("JPShinjitaiCharacters", "v"),
]

CJK_PUNCT = list("，。、；：？！…—·“”‘’「」『』（）《》〈〉【】〔〕～")
ASCII_PUNCT = list(",.;:?!'\"()[]{}<>-_/\\@#$%^&*+=|~`")
LATIN_WORDS = (
    "the of and OpenCC Unicode UTF-8 iPhone Linux GDP CPU AI Beijing Taipei Hong Kong "
    "http://example.com/a?b=1 user@example.org v1.4.2 COVID-19 5G NASA e.g. i.e. OK "
    "naïve café résumé Zürich Ελλάδα Москва"
).split()
TRICKY_FIXED = [
    # astral characters, emoji, emoji sequences
    "𠮷", "𩸽", "𪚥", "𠀀", "𬺓", "𫐷", "𰻞", "𱍐", "😀", "🀄", "👍🏽", "👨\u200d👩\u200d👧", "🇨🇳", "🇹🇼", "🇭🇰",
    "#\ufe0f\u20e3", "〽\ufe0f", "❤\ufe0f",
    # ideographic description sequences
    "⿰氵青", "⿱艹化", "⿰木⿱木木", "⿺辶⿱口口", "⿸广黄", "⿲彳亍口", "⿳亠口小", "⿴囗玉",
    # full-width and half-width forms, ideographic space
    "ＡＢＣ", "ａｂｃ", "１２３", "＃＄％＆", "（全角）", "｢ｱｲｳｴｵ｣", "ﾊﾞﾝｸ", "\u3000",
    # other scripts, combining marks, format characters
    "ひらがな", "カタカナ", "한국어", "Ελληνικά", "Русский", "مرحبا", "ภาษาไทย", "e\u0301", "a\u0308\u0323",
    "\u200b", "\u200c", "\u200d", "\u2060", "\u00ad", "\u2028", "\u2029", "\u0085",
    "\t", "\x0b", "\x0c", "\x1b", "\x7f", "\ue000", "\U000f0000", "\U0010fffd", "\ufffd",
    # halfwidth/fullwidth punctuation next to each other
    "。．｡", "、､", "「」｢｣",
]
IDC = "".join(chr(c) for c in range(0x2FF0, 0x3000))  # U+2FF0..U+2FFF, as OpenCC 1.4.2 recognises


def read_dict(root, name):
    """Returns [(key, [values])] in file order."""
    path = os.path.join(root, "Data", "Dictionaries", name + ".txt")
    out = []
    with open(path, encoding="utf-8", newline="") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                continue
            key, _, vals = line.partition("\t")
            out.append((key, vals.split(" ") if vals else []))
    return out


def read_seed(root, prefix):
    d = os.path.join(root, "Tests", "Fixtures")
    names = sorted(n for n in os.listdir(d) if n.startswith(prefix + "_") and n.endswith(".txt"))
    if len(names) != 1:
        sys.exit(f"corpus.py: expected one seed file {prefix}_*.txt in Tests/Fixtures, found {names}")
    with open(os.path.join(d, names[0]), encoding="utf-8", newline="") as f:
        text = f.read()
    if "\x00" in text or text.startswith(BOM):
        sys.exit(f"corpus.py: seed {names[0]} contains NUL or a BOM")
    return text


def gather(root, specs, cache):
    items = []
    for name, side in specs:
        if name not in cache:
            cache[name] = read_dict(root, name)
        for key, vals in cache[name]:
            if side == "k":
                items.append(key)
            else:
                items.extend(vals)
    # dedupe, keep first-seen order (deterministic)
    return list(dict.fromkeys(i for i in items if i))


def all_dictionary_text(root, cache):
    d = os.path.join(root, "Data", "Dictionaries")
    items = []
    for fn in sorted(os.listdir(d)):
        if not fn.endswith(".txt"):
            continue
        name = fn[:-4]
        if name not in cache:
            cache[name] = read_dict(root, name)
        for key, vals in cache[name]:
            items.append(key)
            items.extend(vals)
    return list(dict.fromkeys(i for i in items if i))


def sentences(text):
    out, cur = [], []
    for ch in text:
        if ch in "\r\n":
            if cur:
                out.append("".join(cur))
            cur = []
            continue
        cur.append(ch)
        if ch in "。！？；":
            out.append("".join(cur))
            cur = []
    if cur:
        out.append("".join(cur))
    return [s for s in out if s.strip()]


class Generator:
    def __init__(self, rng, phrases, chars, misc, seed_sentences, compat):
        self.rng = rng
        self.phrases = phrases
        self.chars = chars
        self.misc = misc
        self.seed_sentences = seed_sentences
        self.compat = compat

    def tricky(self):
        r = self.rng
        x = r.random()
        if x < 0.35:
            return r.choice(TRICKY_FIXED)
        if x < 0.50:  # variation selector after a Han character (or inside a phrase)
            vs = "\ufe00" if r.random() < 0.4 else chr(0xE0100 + r.randrange(16))
            if r.random() < 0.5:
                return r.choice(self.chars) + vs
            p = r.choice(self.phrases)
            i = r.randrange(1, len(p)) if len(p) > 1 else 1
            return p[:i] + vs + p[i:]
        if x < 0.70:  # CJK compatibility ideographs, alone or inside a phrase
            c = r.choice(self.compat)
            if r.random() < 0.5:
                return c
            p = r.choice(self.phrases)
            i = r.randrange(len(p) + 1)
            return p[:i] + c + p[i:]
        if x < 0.85:  # generated ideographic description sequence
            return r.choice(IDC) + r.choice(self.chars) + r.choice(self.chars)
        # astral dictionary entries (e.g. from TSCharactersExt) and random astral Han
        astral = [m for m in (r.choice(self.misc) for _ in range(8)) if any(ord(c) > 0xFFFF for c in m)]
        if astral:
            return astral[0]
        return chr(r.choice([0x20000, 0x2A700, 0x2B740, 0x2B820, 0x2CEB0, 0x30000]) + r.randrange(200))

    def token(self):
        r = self.rng
        x = r.random()
        if x < 0.42:
            return r.choice(self.phrases)
        if x < 0.70:
            return r.choice(self.chars)
        if x < 0.74:
            return r.choice(self.misc)
        if x < 0.77:
            return r.choice(self.seed_sentences)
        if x < 0.87:
            return r.choice(CJK_PUNCT)
        if x < 0.90:
            return r.choice(ASCII_PUNCT)
        if x < 0.925:
            return str(r.randrange(10 ** r.randint(1, 8)))
        if x < 0.95:
            return " " + r.choice(LATIN_WORDS) + " "
        if x < 0.985:
            return " "
        return self.tricky()

    def line_ending(self):
        x = self.rng.random()
        if x < 0.92:
            return "\n"
        if x < 0.99:
            return "\r\n"
        if x < 0.995:
            return "\r"
        return "\n\n"

    def write(self, f, target_bytes):
        """Writes lines until at least target_bytes UTF-8 bytes have been written."""
        r = self.rng
        written = 0
        next_long = r.randint(MIB // 4, MIB)
        while written < target_bytes:
            if written >= next_long:
                n = r.randint(15000, 60000)  # a long line (roughly 100-400 KB), about one per MiB
                next_long = written + r.randint(MIB // 2, MIB * 3 // 2)
            elif r.random() < 0.03:
                n = 0  # blank line
            else:
                n = r.randint(3, 120)
            line = "".join(self.token() for _ in range(n)) + self.line_ending()
            data = line.encode("utf-8")
            f.write(data)
            written += len(data)
        return written


def tricky_block(compat, chars, rng):
    """Every fixed tricky item once, every compatibility ideograph once, plus VS samples."""
    parts = ["【特殊字符】"]
    parts.extend(TRICKY_FIXED)
    parts.append("\n")
    for i in range(0, len(compat), 40):
        parts.append("".join(compat[i:i + 40]) + "\n")
    for k in range(16):
        parts.append(rng.choice(chars) + chr(0xE0100 + k) + rng.choice(chars) + "\ufe00")
    parts.append("\n")
    return "".join(parts)


def build_generators(root, rng):
    cache = {}
    seeds_s = [read_seed(root, p) for p in SIMPLIFIED_SEEDS]
    seeds_t = [read_seed(root, p) for p in TRADITIONAL_SEEDS]
    misc = all_dictionary_text(root, cache)
    compat = [k for k, _ in read_dict(root, "CJK_Compatibility_Ideographs")]
    simp = Generator(rng, gather(root, SIMP_PHRASES, cache), gather(root, SIMP_CHARS, cache), misc,
                     sentences("\n".join(seeds_s)), compat)
    trad = Generator(rng, gather(root, TRAD_PHRASES, cache), gather(root, TRAD_CHARS, cache), misc,
                     sentences("\n".join(seeds_t)), compat)
    return seeds_s, seeds_t, simp, trad, compat


def cmd_generate(a):
    target = a.mb * MIB
    rng = random.Random(42)
    seeds_s, seeds_t, simp, trad, _ = build_generators(a.root, rng)
    # Each corpus is its own generated text (~62%) plus the other direction's conversion
    # of the other corpus' generated text (~62%); assemble trims to size.
    share = int(target * 0.62)
    with open(os.path.join(a.work, "simp_src.txt"), "wb") as f:
        f.write(("\n".join(seeds_s) + "\n").encode("utf-8"))
        simp.write(f, share)
    with open(os.path.join(a.work, "trad_src.txt"), "wb") as f:
        f.write(("\n".join(seeds_t) + "\n").encode("utf-8"))
        trad.write(f, share)


def split_blocks(data, rng):
    """Splits bytes into blocks of ~8-96 KB ending at line boundaries."""
    blocks, i, n = [], 0, len(data)
    while i < n:
        j = min(n, i + rng.randint(8 << 10, 96 << 10))
        k = data.find(b"\n", j)
        j = n if k < 0 else k + 1
        blocks.append(data[i:j])
        i = j
    return blocks


def assemble(out_path, head, own, other, target, tail, rng):
    a = split_blocks(own, rng)
    b = split_blocks(other, rng)
    body = [head]
    size = len(head)
    ia = ib = 0
    while size < target and (ia < len(a) or ib < len(b)):
        take_a = ib >= len(b) or (ia < len(a) and rng.random() < 0.5)
        blk = a[ia] if take_a else b[ib]
        if take_a:
            ia += 1
        else:
            ib += 1
        body.append(blk)
        size += len(blk)
    if size < target:
        sys.exit(f"corpus.py: not enough material for {out_path} ({size} < {target} bytes)")
    body.append(tail)
    data = b"".join(body)
    if b"\x00" in data or data.count(BOM.encode()) != 1 or not data.startswith(BOM.encode()):
        sys.exit(f"corpus.py: internal error: NUL or misplaced BOM in {out_path}")
    data.decode("utf-8")  # must be valid UTF-8
    with open(out_path, "wb") as f:
        f.write(data)


# --- chunk-boundary corpus ----------------------------------------------------------------
#
# The OpenCC 1.4.2 CLI converts a file (or stdin) in 1 MiB fread() blocks through
# ConverterStream: after each full block it converts and writes everything except the
# trailing incomplete UTF-8 sequence and the last 16 code points (extended backwards to the
# start of an incomplete ideographic description sequence, if the tail ends inside one),
# which are carried over to the next block. Text straddling such a flush point is converted
# in two separate pieces, which changes the output (a phrase like 蓝采和 split as 蓝|采和, a
# complete IDS split in two, ...). boundaries.txt places one crafted case right at every
# 1 MiB boundary, with the bytes in between filled mostly with quick-to-convert ASCII.

BLOCK = MIB
KEEP_CHARS = 16


def _next_char_len(b):
    if b < 0x80:
        return 1
    if 0xC0 <= b < 0xE0:
        return 2
    if 0xE0 <= b < 0xF0:
        return 3
    if 0xF0 <= b < 0xF8:
        return 4
    return 1


def opencc_flush_point(pending):
    """OpenCC's FlushableByteCount() without the IDS extension (callers avoid IDS there)."""
    end, i = len(pending), 0
    while i < end:
        n = _next_char_len(pending[i])
        if i + n > end:
            break
        i += n
    kept = 0
    while i > 0 and kept < KEEP_CHARS:
        i -= 1
        while i > 0 and 0x80 <= pending[i] <= 0xBF:
            i -= 1
        kept += 1
    return i


def interesting_phrases(root, phrase_dict, char_dicts, cache):
    """Keys (2+ chars) whose phrase conversion differs from a char-by-char conversion."""
    charmap = {}
    for cd in char_dicts:
        if cd not in cache:
            cache[cd] = read_dict(root, cd)
        for k, vs in cache[cd]:
            if vs:
                charmap.setdefault(k, vs[0])
    if phrase_dict not in cache:
        cache[phrase_dict] = read_dict(root, phrase_dict)
    return [k for k, vs in cache[phrase_dict]
            if len(k) >= 2 and vs and vs[0] != "".join(charmap.get(c, c) for c in k)]


def boundary_cases(root, rng, simp, trad):
    """Returns [(before, after, partial, cont)]: `before` ends at the intended flush point,
    `after` is the rest of the 1 MiB block (16 code points unless an incomplete IDS extends
    the window), `partial` is a character whose first bytes end the block, and `cont` is
    text that follows the block boundary."""
    cache = {}
    cases = []

    def fill(gen, n):
        return "".join(rng.choice(gen.chars) for _ in range(n))

    def split(gen, text, i, partial=""):
        rest = text[i:]
        cases.append((fill(gen, 6) + text[:i], rest + fill(gen, KEEP_CHARS - len(rest)), partial, ""))

    # Phrases of every dictionary family, split after the first char, in the middle and
    # before the last char.
    families = [
        (simp, "STPhrases", ["STCharacters"]),
        (trad, "TSPhrases", ["TSCharacters"]),
        (trad, "TWPhrasesRev", ["TWVariantsRev"]),
        (trad, "TWVariantsRevPhrases", ["TWVariantsRev"]),
        (trad, "HKVariantsRevPhrases", ["HKVariantsRev"]),
        (trad, "JPShinjitaiPhrases", ["JPShinjitaiCharacters"]),
        (trad, "TWPhrases", ["TWVariants"]),
        (trad, "HKPhrases", ["HKVariants"]),
    ]
    for gen, pd, cds in families:
        cands = [k for k in interesting_phrases(root, pd, cds, cache) if 2 <= len(k) <= KEEP_CHARS]
        for p in (rng.choice(cands), rng.choice(cands)) if cands else ():
            for i in sorted({1, len(p) // 2, len(p) - 1}):
                split(gen, p, i)
    # Hand-picked Simplified phrases whose Taiwan / Hong Kong forms differ.
    for p in ["蓝采和", "头发", "软件", "鼠标", "打印机", "信息技术", "内存", "出租车"]:
        split(simp, p, 1)
    # Complete ideographic description sequences cut at every position.
    for ids in ["⿹蟣軬", "⿰发头", "⿰發髮", "⿰木⿱木木", "⿲彳亍口", "⿾发", "⿰氵青"]:
        for i in range(1, len(ids)):
            split(simp, ids, i)
    # Incomplete IDS at the end of the block, inside the 16-code-point window ...
    for ids, cut in [("⿰氵青", 2), ("⿱⿰木木木", 3), ("⿲彳亍口", 1)]:
        cases.append((fill(simp, 6), fill(simp, KEEP_CHARS - cut) + ids[:cut], "", ids[cut:]))
    # ... and longer than the window (OpenCC extends the kept tail back to its start).
    nested = "⿰" * 10 + "木" * 8  # needs 11 leaves: incomplete, 18 code points
    cases.append((fill(simp, 6), nested, "", "木" * 3))
    cases.append((fill(simp, 6), "发" + nested, "", "林" * 3))
    # The block ends inside a multi-byte character (3- and 4-byte), phrase straddling.
    for partial in ["发", "髮", "𠮷", "😀"]:
        split(simp, "头发", 1, partial)
    # CR|LF, variation selectors, astral characters and ASCII around the flush point.
    cases.append((fill(simp, 6) + "头发\r", "\n" + fill(simp, KEEP_CHARS - 1), "", ""))
    cases.append((fill(simp, 6) + "头", "\ufe00发" + fill(simp, KEEP_CHARS - 2), "", ""))
    cases.append((fill(simp, 6) + "头\ufe00", "发" + fill(simp, KEEP_CHARS - 1), "", ""))
    cases.append((fill(simp, 6) + "头", "\U000e0100发" + fill(simp, KEEP_CHARS - 2), "", ""))
    cases.append((fill(simp, 6) + "头", "发𠮷😀𩸽" + fill(simp, KEEP_CHARS - 4), "", ""))
    cases.append((fill(simp, 6) + "头", "发abc def" + fill(simp, KEEP_CHARS - 8), "", ""))
    # Control: flush point exactly between two phrases.
    cases.append((fill(simp, 6) + "头发", "理发" + fill(simp, KEEP_CHARS - 2), "", ""))
    return cases


def boundary_corpus(root, path):
    rng = random.Random(42)
    _, _, simp, trad, _ = build_generators(root, rng)
    cases = boundary_cases(root, rng, simp, trad)
    words = LATIN_WORDS[:20]
    out = bytearray(BOM.encode())
    for k, (before, after, partial, cont) in enumerate(cases, 1):
        boundary = k * BLOCK
        gen = simp if k % 2 else trad
        pb = partial.encode("utf-8")
        head = pb[:1 + k % (len(pb) - 1)] if pb else b""  # 1 .. len-1 bytes before the boundary
        core = before.encode("utf-8") + after.encode("utf-8") + head
        need = boundary - len(out) - len(core)
        # filler: ASCII lines, then ~1 KB of Chinese lines, then ASCII padding to the byte
        while need > 1500:
            line = (" ".join(rng.choice(words) for _ in range(rng.randint(3, 16))) + "\n").encode()
            if need - len(line) < 1200:
                break
            out += line
            need -= len(line)
        while True:
            line = ("".join(rng.choice(gen.phrases if rng.random() < 0.5 else gen.chars)
                            for _ in range(rng.randint(3, 12))) + "\n").encode("utf-8")
            if need - len(line) < 40:
                break
            out += line
            need -= len(line)
        out += b"." * need
        start = len(out)
        out += core
        assert len(out) == boundary
        # Check that OpenCC's flush point (ignoring its IDS extension, which only the
        # "longer than the window" cases rely on) falls where intended.
        if not any(c in IDC for c in after):
            got = start + opencc_flush_point(bytes(out[start:boundary]))
            want = start + len(before.encode("utf-8"))
            if got != want:
                sys.exit(f"corpus.py: boundary case {k}: flush point {got} != {want}")
        out += pb[len(head):] + cont.encode("utf-8")
        out += "".join(rng.choice(gen.chars) for _ in range(rng.randint(4, 20))).encode("utf-8") + b"\n"
    out += "最后一行没有换行符".encode("utf-8")
    data = bytes(out)
    if b"\x00" in data:
        sys.exit("corpus.py: internal error: NUL in boundaries.txt")
    data.decode("utf-8")
    with open(path, "wb") as f:
        f.write(data)


def cmd_assemble(a):
    # 1% headroom so that the derived Taiwan / Hong Kong corpora (whose conversions can
    # shorten the text slightly) are also at least --mb MiB.
    target = a.mb * MIB * 101 // 100
    rng = random.Random(42)
    seeds_s, seeds_t, simp, _, compat = build_generators(a.root, rng)
    rd = lambda n: open(os.path.join(a.work, n), "rb").read()
    simp_src, trad_src = rd("simp_src.txt"), rd("trad_src.txt")
    from_simp, from_trad = rd("from_simp.txt"), rd("from_trad.txt")
    # Drop the seed prefix from the generated material (seeds are placed verbatim up front).
    ns = len(("\n".join(seeds_s) + "\n").encode("utf-8"))
    nt = len(("\n".join(seeds_t) + "\n").encode("utf-8"))
    tricky = tricky_block(compat, simp.chars, rng).encode("utf-8")
    os.makedirs(a.out, exist_ok=True)
    assemble(os.path.join(a.out, "simplified.txt"),
             BOM.encode() + simp_src[:ns] + tricky, simp_src[ns:], from_trad, target,
             "最后一行没有换行符".encode("utf-8"), rng)
    assemble(os.path.join(a.out, "traditional.txt"),
             BOM.encode() + trad_src[:nt] + tricky, trad_src[nt:], from_simp, target,
             "最後一行沒有換行符".encode("utf-8"), rng)
    boundary_corpus(a.root, os.path.join(a.out, "boundaries.txt"))


def cmd_long(a):
    """Writes the golden files' layouts and long lines, built as the tests build them."""
    import json
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    sys.dont_write_bytecode = True
    import golden
    path = os.path.join(a.root, "Tests", "Fixtures", "Golden", "cases.json")
    with open(path, encoding="utf-8") as f:
        cases = json.load(f)
    os.makedirs(a.out, exist_ok=True)
    for layout in cases["layouts"]:
        with open(os.path.join(a.out, f"long-{layout['name']}.txt"), "wb") as f:
            f.write(golden.build(layout, golden.input_parts(layout)))
    for line in cases["longLines"]:
        with open(os.path.join(a.out, f"long-{line['name']}.txt"), "wb") as f:
            f.write((line["unit"] * line["count"]).encode("utf-8"))


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("long")
    s.add_argument("--root", required=True, help="repository root")
    s.add_argument("--out", required=True)
    for name in ("generate", "assemble"):
        s = sub.add_parser(name)
        s.add_argument("--root", required=True, help="repository root")
        s.add_argument("--work", required=True, help="scratch directory")
        s.add_argument("--mb", type=int, default=5, help="size of each corpus in MiB")
        if name == "assemble":
            s.add_argument("--out", required=True)
    a = p.parse_args()
    if a.cmd == "long":
        return cmd_long(a)
    if a.mb < 1:
        p.error("--mb must be >= 1")
    {"generate": cmd_generate, "assemble": cmd_assemble}[a.cmd](a)


if __name__ == "__main__":
    main()
