"""The hard cases of the golden files (helper for Scripts/golden.py): the places where the
differential script found conversion hardest, as small specs that the tests expand.

Layouts: an input of `size` bytes with no line break, made of a filler `unit` repeated and, at
every multiple of a step, a short core whose `before` ends exactly there (`at`), so that a
phrase, an IDS or a compatibility ideograph straddles it: the engine's 64 KiB and 256 KiB
pieces, the stream's 512 KiB windows and the opencc CLI's 1 MiB blocks all aim at such
multiples. The Han layouts are 576 KiB with a core every 16 KiB up to 512 KiB (above the size
where the engine cuts pieces, and small enough for a debug `swift test`); the layout of the
letter a is 1 MiB + 64 KiB with a core every 32 KiB up to 1 MiB. Where the unit does not divide a gap, two pads (a 3-byte and a 4-byte scalar that no
dictionary holds) make it up, right after the previous core; the text before each core is the
unit's. The units are Han text (no scalar that isolates) or the letter a.

Long lines: a unit repeated `count` times with no separator, above the piece size (512-600 KB):
the second-stage (Taiwan, Hong Kong) phrase keys of issue 14, alone and mixed by the hundred.

Every choice here is deterministic (random.Random with fixed seeds, dictionaries in file
order). golden.py checks that OpenCC converts each input as its parts put together; a core
that would join with the unit around it is skipped here (`fits`).
"""

import math
import random
import re

import corpus
import opencc_reference as ref

HAN_SIZE, HAN_STEP = (1 << 19) + (1 << 16), 1 << 14  # 576 KiB, a core every 16 KiB to 512 KiB
ASCII_SIZE, ASCII_STEP = (1 << 20) + (1 << 16), 1 << 15  # 1088 KiB, a core every 32 KiB to 1 MiB
PADS = ["丂", "𠀀"]  # 3 and 4 bytes, in no dictionary (checked below)
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")

ISSUE_KEYS = ["U盘", "儒林台", "杨士樑"]  # issue 14: split at piece cuts in s2twp, s2hk, s2tw
SIMPLIFIED_FIXED = ISSUE_KEYS + ["蓝采和", "头发", "信息技术", "鼠标", "软件", "打印机", "内存", "出租车"]
IDS = ["⿰氵青", "⿱艹化", "⿰木⿱木木", "⿺辶⿱口口", "⿲彳亍口", "⿰发头", "⿰發髮", "⿾发", "⿹蟣軬", "⿰头发",
       "⿳亠口小", "⿴囗玉", "⿸广黄", "⿱⿰木木木", "⿰𠮷发", "⿿发"]
# An IDS longer than the opencc CLI's 16 kept code points (10 operators need 11 leaves).
LONG_IDS = "⿰" * 10 + "木" * 11


def conv(cc, text):
    return ref.convert_bytes(cc, text.encode()).decode()


def repeats(converters, unit, times=3):
    """Whether every config converts `unit` repeated as its conversion repeated."""
    return all(conv(cc, unit * times) == conv(cc, unit) * times for cc in converters.values())


def fits(converters, unit, core):
    """Whether every config converts the core inside the unit as on its own."""
    u = unit * (1 if len(unit) > 8 else 16)
    return all(conv(cc, u + core + u) == conv(cc, u) + conv(cc, core) + conv(cc, u)
               for cc in converters.values())


def han_unit(root, seed, converters):
    """About 60 Han characters from a seed document (its longest runs of Han, joined) that
    repeat cleanly."""
    runs = [r for r in HAN.findall(corpus.read_seed(root, seed)) if len(r) >= 12]
    for start in range(len(runs)):
        unit = ""
        for run in runs[start:]:
            unit += run
            if len(unit) >= 60:
                break
        if len(unit) >= 60 and repeats(converters, unit):
            return unit
    raise SystemExit(f"golden_cases.py: no clean Han unit in seed {seed}")


def simplified_forms(converters, keys):
    """Simplified spellings of Traditional keys that s2t turns back into the key (so that a
    two-stage config's second stage sees the key)."""
    t2s, s2t = converters["t2s"], converters["s2t"]
    out = []
    for k in keys:
        s = conv(t2s, k)
        if conv(s2t, s) == k and s not in out:
            out.append(s)
    return out


def keys(root, name):
    return [k for k, _ in corpus.read_dict(root, name) if k]


def pick(rng, items, n):
    items = list(items)
    return rng.sample(items, min(n, len(items)))


def layout(name, about, unit, cores, converters, size=HAN_SIZE, step=HAN_STEP):
    """Places the cores that fit at step, 2 step, ... (at most 32 of them, up to size - 64 KiB).
    A core is (text, split): `before` = text[:split] ends at the multiple."""
    cases = []
    for text, split in cores:
        if len(cases) == (size - (1 << 16)) // step:
            break
        if fits(converters, unit, text):
            at = step * (len(cases) + 1)
            cases.append({"at": at, "before": text[:split], "after": text[split:]})
    return {"name": name, "about": about, "size": size, "unit": unit, "pads": PADS, "cases": cases}


def splits(texts, rng):
    """Each text with one split inside it (1 .. len-1 characters before the cut)."""
    return [(t, rng.randint(1, len(t) - 1)) for t in texts if len(t) > 1]


def make(root, converters):
    everything = set()
    for name in ("CJK_Compatibility_Ideographs", "STCharacters", "STPhrases", "TSCharacters",
                 "TSPhrases", "TSCharactersExt"):
        for k, vs in corpus.read_dict(root, name):
            everything.update(k, *vs)
    assert not any(p in everything for p in PADS), "a pad is in a dictionary"

    rng = random.Random(14)
    cache = {}
    simp_unit = han_unit(root, "000", converters)
    trad_unit = han_unit(root, "001", converters)

    tw = simplified_forms(converters, keys(root, "TWPhrases") + keys(root, "TWVariantsPhrases"))
    hk = simplified_forms(converters, keys(root, "HKPhrases") + keys(root, "HKVariantsPhrases"))
    st = corpus.interesting_phrases(root, "STPhrases", ["STCharacters"], cache)
    simplified = (SIMPLIFIED_FIXED + pick(rng, [p for p in st if len(p) <= 6], 8)
                  + pick(rng, tw, 8) + pick(rng, hk, 8))
    traditional = []
    for pd, cds in [("TSPhrases", ["TSCharacters"]), ("TWPhrasesRev", ["TWVariantsRev"]),
                    ("TWVariantsRevPhrases", ["TWVariantsRev"]), ("HKVariantsRevPhrases", ["HKVariantsRev"]),
                    ("JPShinjitaiPhrases", ["JPShinjitaiCharacters"]), ("TWPhrases", ["TWVariants"]),
                    ("HKPhrases", ["HKVariants"])]:
        traditional += pick(rng, [p for p in corpus.interesting_phrases(root, pd, cds, cache) if len(p) <= 8], 6)
    traditional += pick(rng, keys(root, "TWVariantsPhrases"), 3) + pick(rng, keys(root, "HKVariantsPhrases"), 3)

    ids = [(LONG_IDS, 15), ("发" + LONG_IDS, 12)] + [(s, i) for s in IDS for i in range(1, len(s))]

    # Phrases with one character written as a compatibility ideograph that normalizes to it.
    compat_of = {}
    for k, vs in corpus.read_dict(root, "CJK_Compatibility_Ideographs"):
        if vs and vs[0] != k:
            compat_of.setdefault(vs[0], []).append(k)
    compat = []
    for p in pick(rng, [p for p in st + corpus.interesting_phrases(root, "TSPhrases", ["TSCharacters"], cache)
                        if any(c in compat_of for c in p)], 60):
        i = next(i for i, c in enumerate(p) if c in compat_of)
        variants = compat_of[p[i]]
        text = p[:i] + variants[len(compat) % len(variants)] + p[i + 1:]
        split = i if i > 0 else 1  # the compatibility ideograph right after or before the cut
        compat.append((text, split))
    astral = [c for cs in compat_of.values() for c in cs if ord(c) > 0xFFFF]
    compat = [(c + "头发", 1) for c in pick(rng, astral, 4)] + compat

    ascii_cores = (splits(ISSUE_KEYS + ["蓝采和", "头发", "信息技术"], rng)
                   + [("\r\n", 1), ("头发\r\n理发", 3), ("a头发", 1)]
                   + ids[:6] + compat[:6] + splits(pick(rng, tw, 6) + pick(rng, hk, 6), rng))

    layouts = [
        layout("simplified-phrases", "Simplified phrases across the cuts: issue 14's Taiwan and Hong "
               "Kong keys, STPhrases, second-stage keys in Simplified", simp_unit, splits(simplified, rng), converters),
        layout("traditional-phrases", "Traditional, Taiwan, Hong Kong and Japanese phrases across the cuts",
               trad_unit, splits(traditional, rng), converters),
        layout("ids", "ideographic description sequences cut at every position, and one longer "
               "than the opencc CLI's 16 kept code points", simp_unit, ids, converters),
        layout("compatibility", "CJK compatibility ideographs (U+F900..., U+2F800...) in phrases at the cut",
               simp_unit, compat, converters),
        layout("ascii", "a line of the letter a with phrases, CR|LF, IDS and compatibility ideographs at the cuts",
               "a", ascii_cores, converters, ASCII_SIZE, ASCII_STEP),
    ]
    for lay in layouts:
        if len(lay["cases"]) < 32:
            raise SystemExit(f"golden_cases.py: {lay['name']}: only {len(lay['cases'])} cores fit")

    long_lines = [
        {"name": "u-disk", "about": "issue 14: s2twp writes 隨身碟 everywhere", "unit": "U盘a", "count": 104858},
        {"name": "rulintai", "about": "issue 14: s2hk", "unit": "儒林台a", "count": 52429},
        {"name": "yangshiliang", "about": "issue 14: s2tw", "unit": "杨士樑a", "count": 52429},
        mixed("taiwan-keys", "TWPhrases and TWVariantsPhrases keys in Simplified, in random order, "
              "with no separator", tw, converters),
        mixed("hongkong-keys", "HKPhrases and HKVariantsPhrases keys in Simplified, in random order, "
              "with no separator", hk, converters),
    ]
    return layouts, long_lines


def mixed(name, about, phrases, converters, target=600_000):
    """Hundreds of keys joined with no separator, in an order whose join with itself converts
    cleanly (the end of one repetition forms no phrase with the start of the next)."""
    rng = random.Random(name)
    order = list(phrases)
    for _ in range(100):
        rng.shuffle(order)
        unit = "".join(order)
        if repeats(converters, unit, 2):
            return {"name": name, "about": f"{about} ({len(order)} keys)", "unit": unit,
                    "count": math.ceil(target / len(unit.encode()))}
    raise SystemExit(f"golden_cases.py: {name}: no order of the keys repeats cleanly")
