#!/usr/bin/env python3
"""Compiles jieba's dict.txt (and the Traditional forms of its words) into words.bin, the
lexicon the word segmenter embeds (Sources/Jianfan/Segmentation/Lexicon.swift reads it).

Usage: compile-words.py DICT_TXT OUT_BIN [FORMS_TXT ...]
       compile-words.py --binding DICT_TXT
  DICT_TXT   jieba's dict.txt: `word freq [tag]` per line
  FORMS_TXT  the word column of DICT_TXT converted by a configuration (one line per word, same
             order): each converted form gets the frequency of its source word (the largest when
             several words share a form). This is how Traditional input gets the same knowledge.

--binding prints, for words of two to eight scalars, the median binding: the cost of a
word's scalars one by one less the cost of the word (a scalar jieba lacks costs a frequency of
1). The word segmenter costs a phrase of the configuration that the lexicon lacks as its
scalars less this figure (Sources/Jianfan/Segmentation/PhraseCost.swift). It prints the
quartiles of the words' frequencies too: a word below the median of its length is too rare to
cut a phrase of three scalars or more (Sources/Jianfan/Segmentation/WordLattice+RareWords.swift),
and a pair of scalars the lexicon lacks is read as no commoner than the upper quartile's word
(PhraseCost.swift).
Format (little-endian): magic `JFWD`, u32 version (3), u32 slot bits, u32 entry count,
f32 cost base, f32 cost step, u32 function-scalar count, u32 reserved, then 2^bits u32 slots
(linear probing), then the function scalars: sorted u32 code points of the characters that
jieba tags, as words of one scalar, with a part of speech of grammar rather than content
(FUNCTION_TAGS: adverb, preposition, conjunction, particle, pronoun, locative, measure word,
numeral, interjection, onomatopoeia), and their forms in FORMS_TXT. The word segmenter gives
a pair of scalars that the lexicon lacks a word's binding only when neither is one of these
(Sources/Jianfan/Segmentation/PhraseCost.swift): OpenCC's pairs that pick a function
character's form (是只 → 是隻, 了如 → 瞭如) are no words.
A slot holds fingerprint << 8 | code (0: empty); cost (−ln p) = base + (code − 1) · step.
Hash: FNV-1a 64 over the word's UTF-8; home slot = (h · 0x9E3779B97F4A7C15 mod 2^64) >> (64 − bits);
fingerprint = (h >> 8) & 0xFFFFFF (0 becomes 1). FNV-1a's top bits hardly depend on the last
byte, so version 1 (slot = h >> (64 − bits)) packed words that differ in their last scalar into
runs of thousands of slots (a look-up of a word not in the table read 84 slots on average);
the multiply spreads them (3 slots on average, 52 at most). Words longer than MAX_SCALARS scalars are left out (the segmenter looks no
further ahead).
"""
import math, struct, sys

MAX_SCALARS = 4
BITS = 20
BASE, STEP = 2.0, 0.0625
VERSION = 3
FUNCTION_TAGS = {"d", "dg", "p", "c", "u", "ud", "ug", "uj", "ul", "uv", "uz", "r", "rg", "rr", "rz", "f", "q",
                 "m", "mg", "k", "y", "e", "o"}
MIX = 0x9E3779B97F4A7C15


def fnv(data: bytes) -> int:
    h = 0xCBF29CE484222325
    for b in data:
        h ^= b
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def binding(dict_path: str) -> None:
    freq = {}
    for line in open(dict_path, encoding="utf-8"):
        parts = line.split()
        if len(parts) >= 2:
            freq[parts[0]] = max(freq.get(parts[0], 0), int(parts[1]))
    total = sum(freq.values())
    cost = lambda w: math.log(total / freq[w]) if freq.get(w, 0) > 0 else math.log(total)
    for n in range(2, 9):
        bindings = sorted(sum(cost(c) for c in w) - cost(w) for w, f in freq.items() if len(w) == n and f > 0)
        counts = sorted(f for w, f in freq.items() if len(w) == n)
        quartiles = " / ".join(str(counts[len(counts) * q // 4]) for q in (1, 2, 3))
        print(f"{n} scalars: {len(bindings)} words, median binding {bindings[len(bindings) // 2]:.2f},"
              f" frequency quartiles {quartiles} (median: cost {math.log(total / counts[len(counts) // 2]):.2f};"
              f" upper quartile: cost {math.log(total / counts[len(counts) * 3 // 4]):.2f})")


def main() -> None:
    if sys.argv[1] == "--binding":
        return binding(sys.argv[2])
    dict_path, out_path, forms = sys.argv[1], sys.argv[2], sys.argv[3:]
    source, function = [], set()
    for line in open(dict_path, encoding="utf-8"):
        parts = line.split()
        if len(parts) >= 2:
            source.append((parts[0], int(parts[1])))
            if len(parts[0]) == 1 and len(parts) >= 3 and parts[2] in FUNCTION_TAGS:
                function.add(len(source) - 1)
    total = sum(f for _, f in source)
    freq = {}
    for w, f in source:
        freq[w] = max(freq.get(w, 0), f)
    scalars = {ord(source[i][0]) for i in function}
    for path in forms:
        lines = open(path, encoding="utf-8").read().split("\n")
        for i, ((w, f), form) in enumerate(zip(source, lines)):
            if form and form != w:
                freq[form] = max(freq.get(form, 0), f)
            if i in function and len(form) == 1:
                scalars.add(ord(form))
    size = 1 << BITS
    slots = [0] * size
    count = 0
    for w, f in sorted(freq.items()):
        if len(w) > MAX_SCALARS or f <= 0:
            continue
        cost = math.log(total / f)
        code = max(1, min(255, 1 + round((cost - BASE) / STEP)))
        h = fnv(w.encode("utf-8"))
        fp = (h >> 8) & 0xFFFFFF or 1
        s = ((h * MIX) & 0xFFFFFFFFFFFFFFFF) >> (64 - BITS)
        while slots[s] and slots[s] >> 8 != fp:
            s = (s + 1) & (size - 1)
        if slots[s]:
            code = min(code, slots[s] & 0xFF)   # two words, one fingerprint: the likelier
        else:
            count += 1
        slots[s] = fp << 8 | code
    if count > size * 0.7:
        sys.exit(f"too many entries for {BITS} bits: {count}")
    with open(out_path, "wb") as out:
        out.write(b"JFWD" + struct.pack("<3I2f2I", VERSION, BITS, count, BASE, STEP, len(scalars), 0))
        out.write(struct.pack(f"<{size}I", *slots))
        out.write(struct.pack(f"<{len(scalars)}I", *sorted(scalars)))
    print(f"{count} entries, {len(source)} source words, total frequency {total}, {len(scalars)} function scalars",
          file=sys.stderr)


main()
