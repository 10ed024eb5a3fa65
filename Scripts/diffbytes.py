#!/usr/bin/env python3
"""Byte comparison of two files (helper for Scripts/differential.sh).

Usage: diffbytes.py EXPECTED ACTUAL

Prints one tab-separated line:
    <bytes of EXPECTED> <differing bytes> <differing lines> <first difference or "-">
Differing bytes = positions (up to the shorter length) whose bytes differ, plus the
length difference (what `cmp -l | wc -l` counts, plus the tail). Differing lines =
line numbers whose contents differ, plus the difference in line count; unlike the byte
count it is not inflated by a length change early in the file. The first difference is described as
    @<byte offset> line <n> col <c>: expected «…» got «…»
with a few characters of context on both sides, non-printing characters escaped.
Only the Python standard library is used.
"""

import sys

CHUNK = 1 << 16
CONTEXT = 12  # characters on each side


def count_diffs(a, b):
    n = min(len(a), len(b))
    diffs = abs(len(a) - len(b))
    first = None
    for i in range(0, n, CHUNK):
        x, y = a[i:i + CHUNK], b[i:i + CHUNK]
        if x == y:
            continue
        for j, (p, q) in enumerate(zip(x, y)):
            if p != q:
                diffs += 1
                if first is None:
                    first = i + j
    if first is None and len(a) != len(b):
        first = n
    return diffs, first


def char_start(data, i):
    while 0 < i < len(data) and 0x80 <= data[i] <= 0xBF:
        i -= 1
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


def window(data, start, nchars_before, nchars_after):
    """Text around byte offset start (a char boundary): (before, at-and-after, reached EOF)."""
    lo = start
    for _ in range(nchars_before):
        if lo == 0:
            break
        lo = char_start(data, lo - 1)
    hi = min(start, len(data))
    for _ in range(nchars_after):
        if hi >= len(data):
            break
        hi += 1
        while hi < len(data) and 0x80 <= data[hi] <= 0xBF:
            hi += 1
    dec = lambda b: b.decode("utf-8", errors="backslashreplace")
    return dec(data[lo:start]), dec(data[start:hi]), hi >= len(data)


def describe(a, b, first):
    # a and b agree on bytes [0, first): back up to the start of the character there.
    common = a if first < len(a) else b
    s = char_start(common, first) if first < len(common) else first
    line = a.count(b"\n", 0, s) + 1
    col = len(a[a.rfind(b"\n", 0, s) + 1:s].decode("utf-8", errors="replace")) + 1
    parts = []
    for data in (a, b):
        before, after, eof = window(data, s, CONTEXT, CONTEXT)
        parts.append(f"«{escape(before)}⟦{escape(after)}{'<EOF>' if eof else ''}»")
    return f"@{first} line {line} col {col}: expected {parts[0]} got {parts[1]}"


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    with open(sys.argv[1], "rb") as f:
        a = f.read()
    with open(sys.argv[2], "rb") as f:
        b = f.read()
    diffs, first = count_diffs(a, b)
    if first is None:
        print(f"{len(a)}\t0\t0\t-")
        return
    la, lb = a.split(b"\n"), b.split(b"\n")
    lines = abs(len(la) - len(lb)) + sum(1 for x, y in zip(la, lb) if x != y)
    print(f"{len(a)}\t{diffs}\t{lines}\t{describe(a, b, first)}")


if __name__ == "__main__":
    main()
