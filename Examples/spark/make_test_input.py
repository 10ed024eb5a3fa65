"""Writes the Spark test's inputs: real text (the seed documents in Tests/Fixtures) shuffled and
repeated to a few MB, with every shape of line that piping by lines could break.

    python3 make_test_input.py FIXTURES OUTDIR [MB]

OUTDIR/text/       files to convert: LF and CRLF endings, a lone CR inside a line, a UTF-8 BOM,
                   an empty file, last lines without "\\n", a line longer than a partition
OUTDIR/jsonl/      JSON Lines whose "text" holds line breaks, tabs, quotes and backslashes
OUTDIR/normalize/  whole documents for `jianfan normalize` (each ends with a line break)
"""
import json
import os
import random
import sys

TRICKY = ["头发干了", "蓝采和", "促进新一代信息技术", "鼠标和软件", "后来", "於是", "乾隆", "SQL注入攻击", "B超"]


def fixture_files(directory):
    """The seed documents: the text files directly in the folder (not its subfolders)."""
    return [os.path.join(directory, name) for name in sorted(os.listdir(directory))
            if name.endswith(".txt") and os.path.isfile(os.path.join(directory, name))]


def fixture_lines(directory):
    lines = []
    for path in fixture_files(directory):
        with open(path, encoding="utf-8") as f:
            lines += [line for line in f.read().split("\n") if line.strip()]
    return lines


def body(lines, rng, size):
    """About `size` bytes of lines (without line breaks), drawn from the fixtures."""
    out, total = [], 0
    while total < size:
        line = rng.choice(lines)
        if rng.random() < 0.1:
            line = rng.choice(TRICKY) + line + rng.choice(TRICKY)
        out.append(line)
        total += len(line.encode("utf-8")) + 1
    return out


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(text.encode("utf-8"))


def main(fixtures, outdir, megabytes):
    rng = random.Random(20261202)
    lines = fixture_lines(fixtures)
    size = int(megabytes * 1_000_000)
    text = os.path.join(outdir, "text")

    # LF, with empty lines, a lone CR inside some lines, and one line of 300 KB.
    a = body(lines, rng, size * 45 // 100)
    for i in range(0, len(a), 97):
        a[i] = ""
    for i in range(5, len(a), 211):
        a[i] = a[i].replace("，", "，\r", 1)
    a.insert(len(a) // 2, "".join(body(lines, rng, 300_000)))
    write(os.path.join(text, "a-lf.txt"), "\n".join(a) + "\n")
    # CRLF throughout, and no line break after the last line.
    b = body(lines, rng, size * 35 // 100)
    write(os.path.join(text, "b-crlf-no-final-newline.txt"), "\r\n".join(b))
    # A byte-order mark, which Hadoop's line reader drops and the job puts back.
    c = body(lines, rng, size * 15 // 100)
    write(os.path.join(text, "c-bom.txt"), "\ufeff" + "\n".join(c) + "\n")
    write(os.path.join(text, "d-empty.txt"), "")
    write(os.path.join(text, "e-one-line.txt"), "头发" + rng.choice(lines))
    write(os.path.join(text, "f-blank-lines.txt"), "\n\n\r\n\n")

    records = []
    for n in range(size // 20 // 400):
        value = "\n".join(body(lines, rng, rng.randrange(50, 800)))
        if n % 7 == 0:
            value = value.replace("，", "\t\"，\\", 2) + "\r\n"
        records.append({"id": n, "text": value, "source": "fixtures"})
    records.append({"id": len(records), "note": "no text field"})
    jsonl = "\n".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in records)
    write(os.path.join(outdir, "jsonl", "records.jsonl"), jsonl + "\n")

    normalize = os.path.join(outdir, "normalize")
    for path in fixture_files(fixtures):
        with open(path, encoding="utf-8") as f:
            document = f.read()
        write(os.path.join(normalize, os.path.basename(path)), document if document.endswith("\n") else document + "\n")
    with open(fixture_files(fixtures)[1], encoding="utf-8") as f:
        write(os.path.join(normalize, "crlf.txt"), f.read().rstrip("\n").replace("\n", "\r\n") + "\r\n")


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], float(sys.argv[3]) if len(sys.argv) == 4 else 4.0)
