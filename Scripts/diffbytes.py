#!/usr/bin/env python3
"""Byte comparison of two files (helper for Scripts/differential.sh).

Usage: diffbytes.py EXPECTED ACTUAL

Prints one tab-separated line:
    <bytes of EXPECTED> <differing bytes> <differing regions> <first difference or "-">
The two files are walked side by side; where they stop agreeing, the smallest pair of
stretches after which they agree again (on 32 bytes, or up to both ends) is one differing
region, and the walk resumes behind it. Differing bytes = the sum over all regions of the
longer side's length, so a region that changes the length (a 3-byte character replaced by a
4-byte one) does not count the rest of the file as different. The first difference is
described as
    @<byte offset> line <n> col <c>: expected «…⟦…» got «…⟦…»
with a few characters of context on both sides (⟦ marks the first differing character),
non-printing characters escaped.

The functions are also used by Scripts/opencc_reference.py. Only the Python standard
library is used.
"""

import sys

CHUNK = 1 << 16
CONTEXT = 12  # characters on each side
SYNC = 32  # equal bytes that end a differing region
HORIZON = 1 << 14  # longest differing stretch looked at on each side before giving up


def is_cont(byte):
    return 0x80 <= byte <= 0xBF


def common_length(a, i, b, j):
    """Length of the longest common prefix of a[i:] and b[j:]."""
    ma, mb = memoryview(a), memoryview(b)
    n = min(len(a) - i, len(b) - j)
    k = 0
    while k < n:
        step = min(CHUNK, n - k)
        if ma[i + k:i + k + step] == mb[j + k:j + k + step]:
            k += step
            continue
        lo, hi = 0, step  # ma[i+k : i+k+lo] == mb[...]; the first difference is before hi
        while hi - lo > 1:
            mid = (lo + hi) // 2
            if ma[i + k:i + k + mid] == mb[j + k:j + k + mid]:
                lo = mid
            else:
                hi = mid
        return k + lo
    return n


def _resync(a, i, b, j):
    """Smallest (x, y), by x + y, such that a[i+x:] and b[j+y:] start at character
    boundaries and agree on SYNC bytes (or are equal tails). None if beyond HORIZON."""
    na, nb = len(a), len(b)
    best = None
    for x in range(0, HORIZON + 1):
        if best is not None and x >= best[0] + best[1]:
            break
        p = i + x
        if p > na:
            break
        if p < na and is_cont(a[p]):
            continue
        if p == na:
            y = nb - j
        else:
            needle = a[p:p + SYNC]
            if len(needle) < SYNC:  # near the end of a: the tails must be equal
                y = nb - j - len(needle)
                if y < 0 or b[j + y:] != needle:
                    continue
            else:
                q = b.find(needle, j, j + HORIZON + SYNC)
                if q < 0:
                    continue
                y = q - j
        if y > HORIZON:
            continue
        if best is None or x + y < best[0] + best[1]:
            best = (x, y)
    return best


def diff_regions(a, b):
    """Yields (i, la, j, lb) for every differing region: a[i:i+la] stands where b has
    b[j:j+lb]; everything between regions is identical. Region starts are character starts."""
    i = j = 0
    na, nb = len(a), len(b)
    while True:
        k = common_length(a, i, b, j)
        i, j = i + k, j + k
        if i >= na and j >= nb:
            return
        # back up to the start of the character (the bytes before are equal on both sides)
        back = 0
        while back < min(k, 6):
            if back:
                at_start = not is_cont(a[i - back])
            else:
                at_start = (i >= na or not is_cont(a[i])) and (j >= nb or not is_cont(b[j]))
            if at_start:
                break
            back += 1
        i, j = i - back, j - back
        sync = _resync(a, i, b, j)
        if sync is None:
            yield i, na - i, j, nb - j
            return
        x, y = sync
        yield i, x, j, y
        i, j = i + x, j + y


def count_regions(a, b):
    """(differing bytes, number of regions, first region or None)."""
    if a == b:
        return 0, 0, None
    total = n = 0
    first = None
    for r in diff_regions(a, b):
        total += max(r[1], r[3])
        n += 1
        if first is None:
            first = r
    return total, n, first


def char_start(data, i):
    while 0 < i < len(data) and is_cont(data[i]):
        i -= 1
    return i


def chars_back(data, i, n):
    """Byte offset n characters before offset i (a character start)."""
    for _ in range(n):
        if i <= 0:
            return 0
        i = char_start(data, i - 1)
    return i


def chars_forward(data, i, n):
    """Byte offset n characters after offset i (a character start)."""
    for _ in range(n):
        if i >= len(data):
            return len(data)
        i += 1
        while i < len(data) and is_cont(data[i]):
            i += 1
    return i


def escape(s):
    out = []
    for ch in s:
        o = ord(ch)
        if ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\\":
            out.append("\\\\")
        elif o < 0x20 or 0x7F <= o < 0xA0 or o in (0x2028, 0x2029, 0xFEFF, 0x200B, 0x200C, 0x200D, 0x2060, 0xAD) \
                or 0xFE00 <= o <= 0xFE0F or 0xE0100 <= o <= 0xE01EF or 0xD800 <= o <= 0xDFFF:
            out.append(f"\\u{{{o:X}}}")
        else:
            out.append(ch)
    return "".join(out)


def dec(data):
    return escape(data.decode("utf-8", errors="backslashreplace"))


def show(data, lo, hi, marks=()):
    """data[lo:hi] as escaped text, with the strings of `marks` ([(offset, text)]) inserted at
    their byte offsets (clamped to [lo, hi]); «…» quotes, <BOF>/<EOF> at the ends."""
    parts, pos = [], lo
    for off, text in sorted(marks, key=lambda m: m[0]):
        off = min(max(off, lo), hi)
        parts.append(dec(data[pos:off]))
        parts.append(text)
        pos = off
    parts.append(dec(data[pos:hi]))
    return ("«" + ("<BOF>" if lo == 0 else "") + "".join(parts)
            + ("<EOF>" if hi >= len(data) else "") + "»")


def describe(a, b, region):
    """One-line description of a differing region (i, la, j, lb) of a (expected) vs b (got)."""
    i, la, j, lb = region
    line = a.count(b"\n", 0, i) + 1
    col = len(a[a.rfind(b"\n", 0, i) + 1:i].decode("utf-8", errors="replace")) + 1
    ea = chars_forward(a, i + la, CONTEXT)
    eb = chars_forward(b, j + lb, CONTEXT)
    return (f"@{i} line {line} col {col}: expected {show(a, chars_back(a, i, CONTEXT), ea, [(i, '⟦'), (i + la, '⟧')])}"
            f" got {show(b, chars_back(b, j, CONTEXT), eb, [(j, '⟦'), (j + lb, '⟧')])}")


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    with open(sys.argv[1], "rb") as f:
        a = f.read()
    with open(sys.argv[2], "rb") as f:
        b = f.read()
    diffs, n, first = count_regions(a, b)
    print(f"{len(a)}\t{diffs}\t{n}\t{describe(a, b, first) if first else '-'}")


if __name__ == "__main__":
    main()
