#!/usr/bin/env python3
"""Draws a grouped bar chart (SVG) of conversion throughput. Standard library only.

Usage: chart.py RESULTS.tsv OUT.svg [--title T] [--subtitle S] [--jianfan-label L]

RESULTS.tsv has a header line and the columns: config, bytes, tool, seconds, rss_kb
(one row per config and tool, as written by Benchmarks/compare-peers.sh).
Throughput is bytes / 10^6 / seconds (MB/s).
"""

import argparse
import csv
import math
from xml.sax.saxutils import escape

TOOLS = [("jianfan", "jianfan", "#d1495b"), ("opencc", "OpenCC 1.4.2 CLI", "#00798c"),
         ("zhconv", "zhconv-rs 0.4.2 (Python)", "#edae49")]


def nice_max(v):
    if v <= 0:
        return 1.0
    exp = 10 ** math.floor(math.log10(v))
    for m in (1, 2, 2.5, 5, 10):
        if v <= m * exp:
            return m * exp
    return 10 * exp


def fmt(v):
    return f"{v:.0f}" if v >= 10 or v == 0 else f"{v:.1f}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("results")
    ap.add_argument("out")
    ap.add_argument("--title", default="Conversion throughput (MB/s, higher is better)")
    ap.add_argument("--subtitle", default="")
    ap.add_argument("--jianfan-label", default="jianfan")
    a = ap.parse_args()

    configs, data = [], {}
    with open(a.results, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            c = row["config"]
            if c not in data:
                configs.append(c)
                data[c] = {}
            secs = max(float(row["seconds"]), 1e-6)
            data[c][row["tool"]] = int(row["bytes"]) / 1e6 / secs
    tools = [(k, a.jianfan_label if k == "jianfan" else label, color) for k, label, color in TOOLS
             if any(k in data[c] for c in configs)]

    vmax = nice_max(max((v for c in configs for v in data[c].values()), default=1.0))
    bar_w, gap, group_gap = 26, 4, 36
    left, right, top, bottom = 70, 30, 78, 70
    group_w = len(tools) * bar_w + (len(tools) - 1) * gap
    # wide enough for the title (roughly 9 px per character at 15 px bold)
    min_plot_w = int(9 * max(len(a.title), len(a.subtitle) * 0.8)) + 40 - left - right
    group_gap = max(group_gap, (min_plot_w - len(configs) * group_w) // (len(configs) + 1))
    plot_w = len(configs) * group_w + (len(configs) + 1) * group_gap
    plot_h = 300
    width, height = left + plot_w + right, top + plot_h + bottom

    out = []
    add = out.append
    add(f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="Helvetica, Arial, sans-serif" font-size="12">')
    add(f'<rect width="{width}" height="{height}" fill="#ffffff"/>')
    add(f'<text x="{width / 2}" y="24" text-anchor="middle" font-size="15" font-weight="bold">'
        f'{escape(a.title)}</text>')
    if a.subtitle:
        add(f'<text x="{width / 2}" y="43" text-anchor="middle" fill="#555">{escape(a.subtitle)}</text>')

    # grid and y axis
    steps = 5
    for i in range(steps + 1):
        v = vmax * i / steps
        y = top + plot_h - plot_h * i / steps
        add(f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" stroke="#e3e3e3"/>')
        add(f'<text x="{left - 8}" y="{y + 4:.1f}" text-anchor="end" fill="#444">{fmt(v)}</text>')
    add(f'<text x="18" y="{top + plot_h / 2}" text-anchor="middle" fill="#444" '
        f'transform="rotate(-90 18 {top + plot_h / 2})">MB/s</text>')
    add(f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" stroke="#333"/>')

    # bars
    for gi, c in enumerate(configs):
        gx = left + group_gap + gi * (group_w + group_gap)
        for ti, (key, label, color) in enumerate(tools):
            v = data[c].get(key)
            if v is None:
                continue
            h = plot_h * v / vmax
            x = gx + ti * (bar_w + gap)
            y = top + plot_h - h
            add(f'<rect x="{x}" y="{y:.1f}" width="{bar_w}" height="{h:.1f}" fill="{color}">'
                f'<title>{escape(label)} {escape(c)}: {v:.1f} MB/s</title></rect>')
            add(f'<text x="{x + bar_w / 2}" y="{y - 4:.1f}" text-anchor="middle" font-size="10" '
                f'fill="#333">{fmt(v)}</text>')
        add(f'<text x="{gx + group_w / 2}" y="{top + plot_h + 18}" text-anchor="middle" '
            f'font-weight="bold">{escape(c)}</text>')

    # legend
    lx, ly = left, height - 24
    for key, label, color in tools:
        add(f'<rect x="{lx}" y="{ly - 10}" width="12" height="12" fill="{color}"/>')
        add(f'<text x="{lx + 17}" y="{ly}">{escape(label)}</text>')
        lx += 28 + 7 * len(label)
    add("</svg>")

    with open(a.out, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
