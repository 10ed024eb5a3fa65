#!/usr/bin/env python3
"""Measures `jianfan detect` line by line on real text and on OpenCC's conversions of it.

Usage: detect_accuracy.py CORPUS_DIR JIANFAN [LINES]
  CORPUS_DIR  the output of Scripts/real-corpus.sh (simplified.txt, traditional.txt)
  JIANFAN     the jianfan binary
  LINES       lines per set (default 2000)

Needs the `opencc` module (opencc==1.4.2; Scripts/detect-accuracy.sh provides it). Lines are
the unique lines with at least 10 Han characters, every k-th so the sample spans the file.
Each set is detected line by line (one file per line) and, as one document, whole. Prints a
Markdown table: per set, the share of lines with the right script, with `none` (no character
only one script writes), and wrong; for the regional sets also the share with the right region (lines without a regional form get
none, which is not wrong), and for every set the share given a wrong region.
"""
import json
import os
import subprocess
import sys
import tempfile

import opencc


def han(line):
    return sum(1 for c in line if "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf")


def sample(path, count):
    seen, lines = set(), []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if han(line) >= 10 and line not in seen:
                seen.add(line)
                lines.append(line)
    step = max(1, len(lines) // count)
    return lines[::step][:count]


def detect(jianfan, lines, work, name):
    folder = os.path.join(work, name)
    os.makedirs(folder)
    paths = []
    for i, line in enumerate(lines):
        path = os.path.join(folder, f"{i:05d}.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(line + "\n")
        paths.append(path)
    whole = os.path.join(folder, "whole.txt")
    with open(whole, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    out = subprocess.run([jianfan, "detect", "--json", *paths, whole], capture_output=True, check=True, text=True)
    verdicts = [json.loads(l) for l in out.stdout.splitlines()]
    return verdicts[:-1], verdicts[-1]


def main():
    corpus, jianfan = sys.argv[1], sys.argv[2]
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 2000
    simplified = sample(os.path.join(corpus, "simplified.txt"), count)
    traditional = sample(os.path.join(corpus, "traditional.txt"), count)
    def convert(config, lines):
        converter = opencc.OpenCC(config + ".json")
        return [converter.convert(line) for line in lines]

    sets = [
        ("real Simplified (zh_CN docs)", simplified, "simplified", None),
        ("real Traditional (zh_TW docs)", traditional, "traditional", "taiwan"),
        ("OpenCC t2s of the zh_TW lines", convert("t2s", traditional), "simplified", None),
        ("OpenCC s2t of the zh_CN lines", convert("s2t", simplified), "traditional", None),
        ("OpenCC s2tw of the zh_CN lines", convert("s2tw", simplified), "traditional", "taiwan"),
        ("OpenCC s2hk of the zh_CN lines", convert("s2hk", simplified), "traditional", "hongKong"),
        ("OpenCC s2twp of the zh_CN lines", convert("s2twp", simplified), "traditional", "taiwan"),
    ]
    print("| set | lines | script right | `none` | wrong | region right | region wrong | whole set |")
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    with tempfile.TemporaryDirectory() as work:
        for index, (name, lines, script, region) in enumerate(sets):
            verdicts, whole = detect(jianfan, lines, work, str(index))
            n = len(verdicts)
            right = sum(v["script"] == script for v in verdicts)
            none = sum(v["script"] == "none" for v in verdicts)
            pct = lambda k: f"{100 * k / n:.1f}%"
            region_right = pct(sum(v["region"] == region for v in verdicts)) if region else "–"
            region_wrong = pct(sum(v["region"] not in (None, region) for v in verdicts))
            summary = whole["script"] + (f" ({whole['region']})" if whole["region"] else "")
            print(f"| {name} | {n} | {pct(right)} | {pct(none)} | {pct(n - right - none)} | {region_right} | {region_wrong} | {summary} |")


main()
