#!/usr/bin/env python3
"""Writes readings.bin: ICU's default Mandarin reading of every Han character, as ICU's own
Han-Latin transform gives it for the character on its own (the reading annotation step reads
it from this table instead of opening the transform, whose rules take ~0.1 s of CPU to parse).

Usage: compile-readings.py OUT_BIN [ICU_MAJOR]
  Loads libicuuc.so.ICU_MAJOR and libicui18n.so.ICU_MAJOR (default 72) with ctypes and calls
  utrans_openU("Han-Latin") and utrans_transUChars on each scalar, as Sources/CJianfanICU does.

The scalars are those `ScalarClass.isHan` accepts (Sources/Jianfan/Normalize/ScalarClass.swift).
A character is kept when ICU's output differs from it (ICU has a reading); the output is stored
as ICU gives it (no character's output holds whitespace, which the script checks).

Format (little-endian): magic `JFHR`, u16 version (1), u16 reading count R, u16 page count P,
u16 index length N, u32 text bytes T, 16 bytes of ICU's version (ASCII, NUL-padded); then
N u16 (scalar >> 8 → page number + 1, 0 for none), P × 256 u16 (scalar & 0xFF → reading
number + 1, 0 for none), R u16 (where each reading's UTF-8 ends in the text), T bytes of text.
"""
import ctypes, struct, sys

HAN = [(0x3007, 0x3007), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF),
       (0x20000, 0x2A6DF), (0x2A700, 0x2EBEF), (0x2F800, 0x2FA1F), (0x30000, 0x323AF)]


def transform(major: int):
    uc = ctypes.CDLL(f"libicuuc.so.{major}")
    i18n = ctypes.CDLL(f"libicui18n.so.{major}")
    version = (ctypes.c_uint8 * 4)()
    getattr(uc, f"u_getVersion_{major}")(version)
    text = ".".join(str(v) for v in (version[:2] if version[2] == 0 else version[:3]))
    open_u = getattr(i18n, f"utrans_openU_{major}")
    open_u.restype = ctypes.c_void_p
    open_u.argtypes = [ctypes.c_void_p, ctypes.c_int32, ctypes.c_int, ctypes.c_void_p, ctypes.c_int32,
                       ctypes.c_void_p, ctypes.POINTER(ctypes.c_int)]
    run = getattr(i18n, f"utrans_transUChars_{major}")
    run.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.POINTER(ctypes.c_int32), ctypes.c_int32,
                    ctypes.c_int32, ctypes.POINTER(ctypes.c_int32), ctypes.POINTER(ctypes.c_int)]
    name = "Han-Latin".encode("utf-16-le")
    status = ctypes.c_int(0)
    parse_error = ctypes.create_string_buffer(128)
    handle = open_u(name, len(name) // 2, 0, None, -1, parse_error, ctypes.byref(status))
    if status.value > 0 or not handle:
        sys.exit(f"ICU {text} has no Han-Latin transform (error {status.value})")

    def transliterate(s: str) -> str:
        units = s.encode("utf-16-le")
        capacity = 64
        buffer = ctypes.create_string_buffer(units, capacity * 2)
        length = ctypes.c_int32(len(units) // 2)
        limit = ctypes.c_int32(length.value)
        error = ctypes.c_int(0)
        run(handle, buffer, ctypes.byref(length), capacity, 0, ctypes.byref(limit), ctypes.byref(error))
        if error.value > 0:
            sys.exit(f"ICU error {error.value} on U+{ord(s):04X}")
        return buffer.raw[:length.value * 2].decode("utf-16-le")

    return text, transliterate


def main() -> None:
    out_path = sys.argv[1]
    major = int(sys.argv[2]) if len(sys.argv) > 2 else 72
    version, transliterate = transform(major)
    entries = {}
    for low, high in HAN:
        for value in range(low, high + 1):
            latin = transliterate(chr(value))
            if latin != chr(value):
                if any(c.isspace() for c in latin):
                    sys.exit(f"U+{value:04X}: whitespace in ICU's output {latin!r}")
                entries[value] = latin
    readings = sorted(set(entries.values()))
    number = {r: k for k, r in enumerate(readings)}
    pages, index = [], [0] * ((max(entries) >> 8) + 1)
    for page in sorted({v >> 8 for v in entries}):
        index[page] = len(pages) + 1
        pages.append([number[entries[v]] + 1 if v in entries else 0 for v in range(page << 8, (page + 1) << 8)])
    text, ends = b"", []
    for r in readings:
        text += r.encode("utf-8")
        ends.append(len(text))
    if len(readings) >= 0xFFFF or len(text) > 0xFFFF:
        sys.exit("too many readings for 16-bit numbers")
    with open(out_path, "wb") as out:
        out.write(b"JFHR" + struct.pack("<4HI", 1, len(readings), len(pages), len(index), len(text)))
        out.write(version.encode("ascii").ljust(16, b"\0"))
        out.write(struct.pack(f"<{len(index)}H", *index))
        for page in pages:
            out.write(struct.pack("<256H", *page))
        out.write(struct.pack(f"<{len(ends)}H", *ends))
        out.write(text)
    print(f"ICU {version}: {len(entries)} characters with a reading, {len(readings)} distinct readings, "
          f"{len(pages)} pages", file=sys.stderr)


main()
