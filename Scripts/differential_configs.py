"""Custom configurations, byte for byte against OpenCC 1.4.2 (Scripts/differential-configs.sh).

For each of OpenCC's 16 configurations this writes, into a work folder, the config rewritten to
name OpenCC's dictionaries as text files, and three variants with inline dictionaries: one in
front of the first conversion step, one added to the segmentation, and one as an extra last
step. Each config converts every input with OpenCC's library (the whole text in one call) and
with `jianfan -c FILE`; the outputs must be identical.
"""
import json, os, subprocess, sys

import opencc

CONFIGS = "s2t t2s s2tw tw2s s2twp tw2sp s2hk hk2s s2hkp hk2sp t2tw tw2t t2hk hk2t t2jp jp2t".split()
# Entries chosen to collide with phrases of the built-in dictionaries.
INLINE_FIRST = {"软件": "软件", "头发": "頭发", "計算機": "电脑", "發": "发"}
INLINE_SEGMENT = {"和软": "和软", "天后": "天后"}
INLINE_LAST = {"後": "后", "軟體": "软件", "头": "頭"}


def text_dicts(node):
    if isinstance(node, dict):
        if node.get("type") == "ocd2":
            node["type"] = "text"
            node["file"] = node["file"].replace(".ocd2", ".txt")
        for value in node.values():
            text_dicts(value)
    elif isinstance(node, list):
        for value in node:
            text_dicts(value)


def variants(config, data):
    with open(os.path.join(data, "Configs", config + ".json"), encoding="utf-8") as f:
        base = json.load(f)
    text_dicts(base)
    yield "text", base
    first = json.loads(json.dumps(base))
    step = first["conversion_chain"][0]
    step["dict"] = {"type": "group", "match_policy": "short_circuit",
                    "dicts": [{"type": "inline", "entries": INLINE_FIRST}, step["dict"]]}
    yield "inline-first", first
    if "segmentation" in base:
        seg = json.loads(json.dumps(base))
        seg["segmentation"]["dict"] = {"type": "group", "match_policy": "union",
                                       "dicts": [{"type": "inline", "entries": INLINE_SEGMENT},
                                                 seg["segmentation"]["dict"]]}
        yield "inline-segmentation", seg
    last = json.loads(json.dumps(base))
    last["conversion_chain"].append({"dict": {"type": "inline", "entries": INLINE_LAST}})
    yield "inline-last", last


def main(jianfan, data, work, inputs):
    # OpenCC's library finds dictionaries beside the config only; jianfan gets them that way too.
    for name in os.listdir(os.path.join(data, "Dictionaries")):
        os.symlink(os.path.join(data, "Dictionaries", name), os.path.join(work, name))
    total = differing = 0
    for config in CONFIGS:
        for name, definition in variants(config, data):
            path = os.path.join(work, f"{config}-{name}.json")
            with open(path, "w", encoding="utf-8") as f:
                json.dump(definition, f, ensure_ascii=False, indent=1)
            # As the opencc command (and jianfan) load a config: without may_output_tofu dictionaries.
            reference = opencc.OpenCC(path, include_tofu_risk_dictionaries=False)
            for source in inputs:
                with open(source, encoding="utf-8") as f:
                    text = f.read()
                expected = reference.convert(text).encode()
                ours = subprocess.run([jianfan, "-c", path, "-i", source],
                                      capture_output=True, check=True).stdout
                total += len(expected)
                if ours != expected:
                    differing += 1
                    at = next((i for i, (a, b) in enumerate(zip(ours, expected)) if a != b), min(len(ours), len(expected)))
                    print(f"DIFFERS {config}-{name} {os.path.basename(source)} at byte {at}: "
                          f"{ours[at:at+30].decode(errors='replace')!r} vs {expected[at:at+30].decode(errors='replace')!r}")
            print(f"{config}-{name}: {len(inputs)} inputs compared", flush=True)
    print(f"{total} bytes of OpenCC output compared, {differing} outputs differ")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]))
