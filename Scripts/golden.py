#!/usr/bin/env python3
"""Golden files: OpenCC 1.4.2's outputs, for `swift test` (helper for Scripts/golden.sh; run
it with the Python of a venv that has opencc==1.4.2).

  golden.py write --root ROOT --out DIR
      DIR/<config>/<fixture>   OpenCC's whole-text conversion of each Tests/Fixtures/*.txt
                               (opencc_reference.convert_bytes: OpenCC(config,
                               include_tofu_risk_dictionaries=False).convert(text))
      DIR/cases.json           the hard cases (golden_cases.py): inputs of 576 KiB and 1 MiB
                               given by a small spec (a repeated filler, and short cores placed
                               so that a phrase, an IDS or a compatibility ideograph straddles
                               64 KiB, 256 KiB, 512 KiB, 1 MiB ...), with OpenCC's output of
                               every part per config; and long lines with no break (a unit
                               repeated to 512-600 KB), with OpenCC's output of the unit in
                               the four configs with a second stage of phrases
      DIR/SHA256SUMS           `sha256sum -c` of every file above
  The tests rebuild each large input from its spec and its expected output from the parts'
  outputs. That is only right if OpenCC converts the whole input as the parts put together:
  this script checks it for every input and config by converting the whole input, and fails
  otherwise.
"""

import argparse
import hashlib
import json
import os
import platform
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import golden_cases  # noqa: E402
import opencc_reference as ref  # noqa: E402

CONFIGS = ["s2t", "t2s", "s2tw", "tw2s", "s2twp", "tw2sp", "s2hk", "hk2s", "s2hkp", "hk2sp",
           "t2tw", "tw2t", "t2hk", "hk2t", "t2jp", "jp2t"]

SECOND_STAGE = ["s2tw", "s2twp", "s2hk", "s2hkp"]  # a second stage of phrases (issue 14)


def fixtures(root):
    d = os.path.join(root, "Tests", "Fixtures")
    return sorted(n for n in os.listdir(d) if n.endswith(".txt"))


def build(layout, parts):
    """The bytes of a layout, from `parts` = (unit, pads, cores) as UTF-8 bytes: the input's
    parts or their conversions. The counts always come from the input's byte lengths, so the
    same recipe gives the input and its expected output (Tests/JianfanTests/GoldenCases.swift
    does the same)."""
    unit_in = layout["unit"].encode()
    pads_in = [p.encode() for p in layout["pads"]]
    unit, pads, cores = parts
    out, pos = [], 0

    def fill(n):
        # pads first (right after the previous core), then the unit up to the next core: the
        # text before a core is the unit's, with no pad (a scalar no key holds) close by.
        k = n // len(unit_in)
        rem = n - k * len(unit_in)
        while rem in (1, 2, 5) and k > 0:  # not a sum of 3- and 4-byte pads
            k -= 1
            rem += len(unit_in)
        if rem in (1, 2, 5) or n < 0:
            sys.exit(f"golden.py: {layout['name']}: cannot fill {n} bytes")
        four = rem % 3
        three = (rem - 4 * four) // 3
        assert len(pads_in[0]) == 3 and len(pads_in[1]) == 4
        out.append(pads[0] * three + pads[1] * four + unit * k)

    for case, core in zip(layout["cases"], cores):
        before = case["before"].encode()
        fill(case["at"] - len(before) - pos)
        out.append(core)
        pos = case["at"] + len(case["after"].encode())
    fill(layout["size"] - pos)
    return b"".join(out)


def input_parts(layout):
    return (layout["unit"].encode(), [p.encode() for p in layout["pads"]],
            [(c["before"] + c["after"]).encode() for c in layout["cases"]])


def expected_parts(layout, config):
    e = layout["expected"][config]
    return e["unit"].encode(), [p.encode() for p in e["pads"]], [c.encode() for c in e["cases"]]


def conv(cc, text):
    return ref.convert_bytes(cc, text.encode()).decode()


def write(root, out_dir):
    converters = {c: ref.converter(c) for c in CONFIGS}
    names = fixtures(root)
    files = {}

    # 1. The fixtures, converted as whole texts.
    for name in names:
        data = open(os.path.join(root, "Tests", "Fixtures", name), "rb").read()
        for c in CONFIGS:
            files[f"{c}/{name}"] = ref.convert_bytes(converters[c], data, name)

    # 2. The hard cases, and the check that each rebuilds OpenCC's whole-text output.
    layouts, long_lines = golden_cases.make(root, converters)
    compared = 0
    for layout in layouts:
        layout["expected"] = {c: {"unit": conv(cc, layout["unit"]),
                                  "pads": [conv(cc, p) for p in layout["pads"]],
                                  "cases": [conv(cc, x["before"] + x["after"]) for x in layout["cases"]]}
                              for c, cc in converters.items()}
        data = build(layout, input_parts(layout))
        assert len(data) == layout["size"]
        for c, cc in converters.items():
            whole = ref.convert_bytes(cc, data, layout["name"])
            if whole != build(layout, expected_parts(layout, c)):
                sys.exit(f"golden.py: {layout['name']}: {c}: OpenCC's whole output is not its parts'")
            compared += len(whole)
    for line in long_lines:
        # Verified for every config, kept for the four the tests run (the differential script
        # runs all 16 on these lines).
        line["expected"] = {c: conv(cc, line["unit"]) for c, cc in converters.items()}
        data = (line["unit"] * line["count"]).encode()
        for c, cc in converters.items():
            whole = ref.convert_bytes(cc, data, line["name"])
            if whole != line["expected"][c].encode() * line["count"]:
                sys.exit(f"golden.py: {line['name']}: {c}: OpenCC's whole output is not its unit's repeated")
            compared += len(whole)
        line["expected"] = {c: line["expected"][c] for c in SECOND_STAGE}
    cases = {
        "about": "Written by Scripts/golden.sh; see README.md. Each layout is rebuilt by the "
                 "tests (GoldenCases.swift); every expected output was checked against OpenCC "
                 "1.4.2 converting the whole rebuilt input.",
        "layouts": layouts,
        "longLines": long_lines,
    }
    files["cases.json"] = (json.dumps(cases, ensure_ascii=False, indent=1) + "\n").encode()

    # 3. Write, with checksums and the README.
    for rel, data in files.items():
        path = os.path.join(out_dir, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
    with open(os.path.join(out_dir, "SHA256SUMS"), "w") as f:
        for rel in sorted(files):
            f.write(f"{hashlib.sha256(files[rel]).hexdigest()}  {rel}\n")
    inputs = {n: open(os.path.join(root, "Tests", "Fixtures", n), "rb").read() for n in names}
    figures = {
        "fixtures": len(names), "configs": len(CONFIGS),
        "fixture_output": sum(len(v) for k, v in files.items() if k != "cases.json"),
        "layouts": len(layouts), "cases": sum(len(x["cases"]) for x in layouts),
        "long_lines": len(long_lines), "compared": compared, "cases_json": len(files["cases.json"]),
    }
    with open(os.path.join(out_dir, "README.md"), "w") as f:
        f.write(readme(inputs, layouts, long_lines, figures))
    print(f"golden.py: {figures}", file=sys.stderr)


def readme(inputs, layouts, long_lines, n):
    import opencc
    site = os.path.dirname(opencc.__file__)
    dist = [d for d in os.listdir(os.path.dirname(site)) if d.startswith("opencc-") and d.endswith(".dist-info")]
    wheel_tag = ""
    if dist:
        for line in open(os.path.join(os.path.dirname(site), dist[0], "WHEEL")):
            if line.startswith("Tag:"):
                wheel_tag = line.split(":", 1)[1].strip()
                break
    lines = [
        "# Golden files: OpenCC 1.4.2's outputs",
        "",
        "Written by `Scripts/golden.sh` (do not edit by hand; `Scripts/golden.sh --check` rewrites them",
        "in a scratch directory and compares). It installs `opencc==1.4.2` from PyPI into a private",
        "virtual environment and converts with OpenCC's library, each text as a whole:",
        "`opencc.OpenCC(config, include_tofu_risk_dictionaries=False).convert(text)` (the dictionaries",
        "marked `may_output_tofu` left out, as the `opencc` command and `jianfan` do by default), the",
        "oracle of `Scripts/differential.sh`.",
        "",
        f"- OpenCC {opencc.__version__} (PyPI wheel, tag `{wheel_tag}`; the wheel's checksum is in",
        "  `Data/PROVENANCE.md`), run on CPython " + platform.python_version() + ".",
        f"- `<config>/<fixture>`: the {n['fixtures']} files of `Tests/Fixtures` under all {n['configs']} configs,"
        f" {n['fixture_output']} bytes.",
        f"- `cases.json`: the hard cases ({n['cases_json']} bytes), expanded by the tests",
        "  (`Tests/JianfanTests/GoldenCases.swift`) as by `Scripts/golden.py`:",
    ]
    for lay in layouts:
        lines.append(f"  - layout `{lay['name']}`: {lay['about']}; {lay['size']} bytes of `{lay['unit'][:12]}`"
                     f"{'…' if len(lay['unit']) > 12 else ''} repeated, {len(lay['cases'])} cores, the first"
                     f" straddling byte {lay['cases'][0]['at']}, the last {lay['cases'][-1]['at']}")
    for line in long_lines:
        unit = line["unit"] if len(line["unit"]) <= 12 else line["unit"][:12] + "…"
        lines.append(f"  - long line `{line['name']}`: `{unit}` × {line['count']}, {line['about']}")
    lines += [
        "",
        "  Each layout is `size` bytes with no line break: pads (丂, 𠀀: scalars no dictionary holds)",
        "  right after a core where the unit does not divide the gap, then the unit repeated, then the",
        "  core, whose `before` ends exactly at `at`. `expected[config]` holds OpenCC's output of the",
        "  unit, of each pad and of each core on its own; the expected output is built the same way.",
        "  A long line is `unit` × `count`; `expected[config]` is OpenCC's output of one unit (kept",
        "  for s2tw, s2twp, s2hk and s2hkp).",
        f"- Checked when written: OpenCC converting each whole layout and long line gives exactly",
        f"  what the parts build, in all {n['configs']} configs ({n['compared']} bytes of output compared).",
        "- `SHA256SUMS`: `sha256sum -c SHA256SUMS` in this folder.",
        "",
        "Inputs (sha256):",
        "",
    ]
    lines += [f"    {hashlib.sha256(data).hexdigest()}  Tests/Fixtures/{name}" for name, data in inputs.items()]
    return "\n".join(lines) + "\n"


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    w = sub.add_parser("write")
    w.add_argument("--root", required=True, help="repository root")
    w.add_argument("--out", required=True, help="output directory (e.g. Tests/Fixtures/Golden)")
    a = p.parse_args()
    write(a.root, a.out)


if __name__ == "__main__":
    main()
