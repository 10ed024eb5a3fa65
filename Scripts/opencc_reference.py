#!/usr/bin/env python3
"""OpenCC 1.4.2 reference conversions (helper for Scripts/differential.sh and
Benchmarks/compare-peers.sh). Run it with the Python of a venv that has opencc==1.4.2.

Two references:

  whole text  OpenCC's library converting the whole input in one call:
                  opencc.OpenCC(CONFIG, include_tofu_risk_dictionaries=False).convert(text)
              (the dictionaries marked "may_output_tofu" are left out, as the opencc CLI
              does by default). This is the exactness oracle.
  CLI         the `opencc` command. It reads its input in 1 MiB fread() blocks; after each
              full block it converts and writes everything except a trailing incomplete UTF-8
              character and the last 16 code points (more if an incomplete ideographic
              description sequence starts within the last 64 code points), which are carried
              into the next block (src/tools/CommandLineMain.cpp ConvertStream,
              src/Converter.cpp ConverterStream, src/StreamWindow.hpp FlushableByteCount). Text
              straddling such a cut is converted in two pieces, so the CLI's output can differ
              from the whole-text conversion there.

Usage:
  opencc_reference.py convert CONFIG [IN [OUT]]
      Whole-text conversion of IN (default/"-": stdin) to OUT (default/"-": stdout).
  opencc_reference.py cuts IN
      The input byte offsets where the CLI ends a conversion piece, one per line.
  opencc_reference.py selftest OPENCC_BIN SHARE_DIR
      Checks the cut model against the CLI on crafted inputs (phrase and IDS at a cut, a
      block ending inside a character, an exact multiple of 1 MiB, ...). Exits 1 on failure.
  opencc_reference.py check [--label NAME] [--keep DIR] [--examples FILE] CONFIG
                             IN CLI OURS [IN CLI OURS ...]
      For every input IN with the CLI's output CLI and the output OURS under test:
        - converts IN as a whole and compares OURS with it (any difference is a failure);
        - converts IN piece by piece at the CLI's cuts and checks that this reproduces CLI
          byte for byte (then every difference between OURS and CLI is explained by the cuts);
        - counts the differing bytes and regions between OURS and CLI and locates each
          region at the nearest cut.
      Prints one tab-separated line for all inputs together:
        bytes  whole-diff-bytes  cli-diff-bytes  cli-diff-regions  cuts  cuts-with-diffs
        explained(yes/no)  detail
      where bytes = bytes of the whole-text conversions, detail = "-" or the first
      difference from the whole-text conversion / the first byte the cut model does not
      reproduce, in context. Exits 0 (the caller decides), 2 on usage or input errors.
      --examples FILE  write the clearest cut difference (input around the cut, CLI output,
                       OURS output) to FILE, or nothing if there is none
      --label NAME     what to call OURS in the examples (default: jianfan)
      --keep DIR       keep the files of failed comparisons (and a list of the CLI
                       differences of each input) in DIR

Inputs must be valid UTF-8 (the corpora are): both the Python API and the CLI reject
anything else. Byte offsets are 0-based.
"""

import bisect
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import diffbytes  # noqa: E402

BLOCK = 1 << 20  # CommandLineMain.cpp ConvertStream: BUFFER_SIZE
KEEP_CHARS = 16  # Converter.hpp ConverterStream: maxKeepChars default
MAX_IDS_CODE_POINTS = 64  # StreamWindow.hpp / UTF8Util.hpp kMaxIDSCodePoints
MAX_IDS_DEPTH = 16  # UTF8Util.hpp kMaxIDSDepth
IDS_OPERATOR_PREFIX = "\u2ff0".encode()[:2]  # U+2FF0..U+2FFF are E2 BF B0..E2 BF BF


def die(msg):
    print(f"opencc_reference.py: {msg}", file=sys.stderr)
    sys.exit(2)


# --- OpenCC's library -----------------------------------------------------------------------

def converter(config):
    import opencc
    if opencc.__version__ != "1.4.2":
        die(f"opencc {opencc.__version__} found, 1.4.2 required")
    return opencc.OpenCC(config, include_tofu_risk_dictionaries=False)


def decode(data, name):
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        die(f"{name}: invalid UTF-8 at byte {e.start}")


def convert_bytes(cc, data, name="input"):
    """OpenCC's whole-text conversion of the UTF-8 bytes `data`."""
    return cc.convert(decode(data, name)).encode("utf-8")


# --- the CLI's cuts ---------------------------------------------------------------------------

def _arity(cp):
    if cp in (0x2FF2, 0x2FF3):
        return 3
    if cp in (0x2FFE, 0x2FFF):
        return 1
    if 0x2FF0 <= cp <= 0x2FFD:
        return 2
    return 0


def _consume_ids(cps, i, depth_left, count):
    """UTF8Util::ConsumeIdeographicDescriptionSequence over the code points cps[i:] (the
    text up to the end of the complete characters). Returns ("complete", next) or
    ("incomplete"|"invalid", None); count is a one-element list (code points consumed)."""
    if i >= len(cps):
        return "incomplete", None
    if depth_left == 0 or count[0] >= MAX_IDS_CODE_POINTS:
        return "invalid", None
    count[0] += 1
    arity = _arity(cps[i])
    if arity == 0:
        return "complete", i + 1
    k = i + 1
    for _ in range(arity):
        if k >= len(cps):
            return "incomplete", None
        status, nxt = _consume_ids(cps, k, depth_left - 1, count)
        if status != "complete":
            return status, None
        k = nxt
    return "complete", k


def _char_start_before(data, p, floor):
    """Start of the character that ends at byte p (UTF8Util::PrevCharLength on valid text)."""
    q = p - 1
    while q > floor and diffbytes.is_cont(data[q]):
        q -= 1
    return q


def flushable_byte_count(data, start, end):
    """StreamWindow.hpp FlushableByteCount(pending = data[start:end], 16), as an offset from
    start. data[start:] must be valid UTF-8 starting at a character boundary (a piece of a
    valid file), possibly cut inside its last character at `end`."""
    if end <= start:
        return 0
    # completeEnd: drop a trailing incomplete UTF-8 sequence
    complete_end = end
    q = end - 1
    while q > start and diffbytes.is_cont(data[q]) and end - q < 4:
        q -= 1
    lead = data[q]
    need = 1 if lead < 0x80 else 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4
    if q + need > end:
        complete_end = q
    # keep the last 16 complete code points
    keep_start, kept = complete_end, 0
    while keep_start > start and kept < KEEP_CHARS:
        keep_start = _char_start_before(data, keep_start, start)
        kept += 1
    # ... or more, from the earliest of the last 64 code points that starts an incomplete IDS
    starts = []
    p = complete_end
    while p > start and len(starts) < MAX_IDS_CODE_POINTS:
        p = _char_start_before(data, p, start)
        starts.append(p)
    if starts and IDS_OPERATOR_PREFIX in data[starts[-1]:complete_end]:
        starts.reverse()  # ascending
        cps = [ord(c) for c in data[starts[0]:complete_end].decode("utf-8")]
        assert len(cps) == len(starts)
        for t, cp in enumerate(cps):  # the earliest candidate wins
            if _arity(cp) and _consume_ids(cps, t, MAX_IDS_DEPTH, [0])[0] == "incomplete":
                keep_start = min(keep_start, starts[t])
                break
    return keep_start - start


def cli_cuts(data):
    """Input byte offsets where the CLI ends a converted piece (not including len(data)),
    following CommandLineMain.cpp ConvertStream and Converter.cpp ConverterStream."""
    cuts = []
    pending_start = 0  # start of ConverterStream::pending in the input
    read = 0
    while True:
        length = min(BLOCK, len(data) - read)  # fread() of a regular file or a pipe
        if length == 0:
            break  # then Finish(): converts the pending text, if any
        read += length
        if length < BLOCK:
            break  # final chunk: Finish(block) converts pending + block in one piece
        flush = flushable_byte_count(data, pending_start, read)
        if flush > 0:
            pending_start += flush
            cuts.append(pending_start)
    return cuts


def convert_pieces(cc, data, cuts, name="input"):
    """What the CLI writes: each piece converted on its own, each written with fputs()
    (which stops at a NUL). Returns (output, output offsets of the cuts)."""
    out, out_cuts, size = [], [], 0
    bounds = [0] + cuts + [len(data)]
    for n, (lo, hi) in enumerate(zip(bounds, bounds[1:])):
        if hi > lo:  # only the last piece can be empty (Finish() converts nothing then)
            piece = convert_bytes(cc, data[lo:hi], name).split(b"\0", 1)[0]
            out.append(piece)
            size += len(piece)
        if n < len(cuts):
            out_cuts.append(size)
    return b"".join(out), out_cuts


# --- check --------------------------------------------------------------------------------------

CJK_RANGES = [(0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x3FFFF)]


def is_han(ch):
    o = ord(ch)
    return any(lo <= o <= hi for lo, hi in CJK_RANGES)


def nearest_cut(out_cuts, i):
    """Index of the cut whose CLI output offset is nearest to i (out_cuts is non-empty)."""
    k = bisect.bisect_left(out_cuts, i)
    return min(range(max(0, k - 1), min(len(out_cuts), k + 1)), key=lambda t: abs(out_cuts[t] - i))


def example(name, data, cuts, cli, cli_cuts_out, ours, region, k, label):
    """(score, text) for one region of cli vs ours, at cut k; lower scores read better."""
    i, la, j, lb = region
    cut_in, cut_out = cuts[k], cli_cuts_out[k]
    ctx = 8
    lo = diffbytes.chars_back(cli, min(i, cut_out), ctx)
    hi = diffbytes.chars_forward(cli, max(i + la, cut_out), ctx)
    olo, ohi = max(0, j - (i - lo)), min(len(ours), j + lb + (hi - i - la))
    nb = len(cli[lo:cut_out].decode("utf-8", "replace"))
    na = len(cli[cut_out:hi].decode("utf-8", "replace"))
    ilo, ihi = diffbytes.chars_back(data, cut_in, nb), diffbytes.chars_forward(data, cut_in, na)
    texts = (data[ilo:ihi], cli[lo:hi], ours[olo:ohi])
    try:
        decoded = [t.decode("utf-8") for t in texts]
        clean = all(is_han(ch) for ch in cli[i:i + la].decode() + ours[j:j + lb].decode())
        clean_ctx = all(is_han(ch) or ch in "，。、；：？！“”‘’（）《》" for ch in decoded[0])
    except UnicodeDecodeError:
        clean = clean_ctx = False
    # prefer Han-only differences, in the natural corpora, with Han-only context
    score = (not clean, name == "boundaries", not clean_ctx, la + lb)
    text = (f"{name}: cut {k + 1} of {len(cuts)}, input byte {cut_in} (CLI output byte {cut_out})\n"
            f"  input    {diffbytes.show(data, ilo, ihi, [(cut_in, '|')])}\n"
            f"  CLI      {diffbytes.show(cli, lo, hi, [(i, '⟦'), (i + la, '⟧')])}\n"
            f"  {label:<8} {diffbytes.show(ours, olo, ohi, [(j, '⟦'), (j + lb, '⟧')])}\n")
    return score, text


def cmd_check(args):
    keep = examples_file = None
    label = "jianfan"
    while args and args[0].startswith("--"):
        if args[0] == "--label" and len(args) > 1:
            label, args = args[1], args[2:]
        elif args[0] == "--keep" and len(args) > 1:
            keep, args = args[1], args[2:]
        elif args[0] == "--examples" and len(args) > 1:
            examples_file, args = args[1], args[2:]
        else:
            die(f"unknown option {args[0]}")
    if not args or (len(args) - 1) % 3 or len(args) < 4:
        die("usage: check [--label NAME] [--keep DIR] [--examples FILE] CONFIG IN CLI OURS ...")
    config, triples = args[0], args[1:]
    cc = converter(config)
    total = whole_diff = cli_diff = cli_regions = ncuts = cut_hits = 0
    explained = True
    detail = []
    best = None
    for t in range(0, len(triples), 3):
        in_path, cli_path, ours_path = triples[t:t + 3]
        name = os.path.splitext(os.path.basename(in_path))[0]
        read = lambda p: open(p, "rb").read()
        data, cli, ours = read(in_path), read(cli_path), read(ours_path)

        whole = convert_bytes(cc, data, in_path)
        total += len(whole)
        d, _, first = diffbytes.count_regions(whole, ours)
        whole_diff += d
        if d:
            detail.append(f"{name}: differs from whole-text {diffbytes.describe(whole, ours, first)}")
            if keep:
                with open(os.path.join(keep, f"{config}.{name}.whole-text.txt"), "wb") as f:
                    f.write(whole)
                shutil.copyfile(ours_path, os.path.join(keep, f"{config}.{name}.jianfan.txt"))
        del whole

        cuts = cli_cuts(data)
        ncuts += len(cuts)
        model, out_cuts = convert_pieces(cc, data, cuts, in_path)
        if model != cli:
            explained = False
            _, _, first = diffbytes.count_regions(cli, model)
            detail.append(f"{name}: cut model does not reproduce the CLI {diffbytes.describe(cli, model, first)}")
            if keep:
                shutil.copyfile(cli_path, os.path.join(keep, f"{config}.{name}.cli.txt"))
                with open(os.path.join(keep, f"{config}.{name}.cut-model.txt"), "wb") as f:
                    f.write(model)
                with open(os.path.join(keep, f"{config}.{name}.cuts.txt"), "w") as f:
                    f.write("".join(f"{c}\n" for c in cuts))
        del model

        if cli == ours:
            continue
        hits, listing = set(), []
        for region in diffbytes.diff_regions(cli, ours):
            i, la, j, lb = region
            cli_diff += max(la, lb)
            cli_regions += 1
            if cuts:
                k = nearest_cut(out_cuts, i)
                hits.add(k)
                score, text = example(name, data, cuts, cli, out_cuts, ours, region, k, label)
                if best is None or score < best[0]:
                    best = (score, text)
                listing.append(text)
            else:
                listing.append(f"{name}: no cut: {diffbytes.describe(cli, ours, region)}\n")
        cut_hits += len(hits)
        if keep:
            with open(os.path.join(keep, f"{config}.{name}.cli-differences.txt"), "w") as f:
                f.write("\n".join(listing))
    if examples_file:
        with open(examples_file, "w") as f:
            f.write(best[1] if best else "")
    print("\t".join(str(v) for v in (total, whole_diff, cli_diff, cli_regions, ncuts, cut_hits,
                                      "yes" if explained else "no", "; ".join(detail) or "-")))


def cmd_selftest(opencc_bin, share):
    """Checks the cut model on crafted inputs against the CLI (s2t): each case must be
    reproduced exactly, and the cases marked as such must fail without the IDS extension or
    differ from the whole-text conversion (so that the check sees what it is meant to)."""
    import subprocess
    import tempfile
    cc = converter("s2t")
    mib = BLOCK

    def at_cut(before, after):
        """ASCII padding, then `before` ending exactly at the 1 MiB boundary, then `after`."""
        before, after = (t.encode() if isinstance(t, str) else t for t in (before, after))
        return b"a" * (mib - len(before)) + before + after
    # (name, input, needs the IDS extension, differs from the whole-text conversion)
    cases = [
        ("empty", b"", False, False),
        ("short", "头发\n".encode(), False, False),
        ("phrase at a cut", at_cut("蓝" + "采和" + "x" * 14, "\n"), False, True),
        ("block ends in a character", at_cut(("x" * 15 + "头").encode() + "发".encode()[:1], "发".encode()[1:] + b"\n"), False, False),
        ("exact multiple of 1 MiB", b"b" * (2 * mib), False, False),
        # kept whole by the IDS extension: no difference
        ("incomplete IDS longer than 16", at_cut("头发" + "⿰" * 12 + "发" * 6, "发" * 7 + "\n"), True, False),
        # a complete IDS is not protected: ⿰|发x converts the 发
        ("complete IDS at a cut", at_cut("⿰发" + "x" * 15, "头\n"), False, True),
    ]
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, data, needs_ids, differs in cases:
            path = os.path.join(tmp, "in.txt")
            with open(path, "wb") as f:
                f.write(data)
            cli = subprocess.run([opencc_bin, "-c", "s2t.json", "--path", share + "/", "-i", path],
                                 capture_output=True, check=True).stdout
            cuts = cli_cuts(data)
            ok = convert_pieces(cc, data, cuts)[0] == cli
            global IDS_OPERATOR_PREFIX
            saved, IDS_OPERATOR_PREFIX = IDS_OPERATOR_PREFIX, b"\xff\xff"
            without_ids = convert_pieces(cc, data, cli_cuts(data))[0] == cli
            IDS_OPERATOR_PREFIX = saved
            whole = convert_bytes(cc, data) == cli
            good = ok and (without_ids != needs_ids) and (whole != differs)
            failed += not good
            print(f"{'ok  ' if good else 'FAIL'} {name}: cuts {cuts}, model reproduces the CLI: {ok}, "
                  f"without the IDS extension: {without_ids}, whole-text equals the CLI: {whole}")
    return failed


def main():
    args = sys.argv[1:]
    if not args or args[0] in ("-h", "--help"):
        print(__doc__)
        sys.exit(0 if args else 2)
    cmd, args = args[0], args[1:]
    if cmd == "convert" and 1 <= len(args) <= 3:
        src = args[1] if len(args) > 1 else "-"
        dst = args[2] if len(args) > 2 else "-"
        data = sys.stdin.buffer.read() if src == "-" else open(src, "rb").read()
        out = convert_bytes(converter(args[0]), data, src)
        if dst == "-":
            sys.stdout.buffer.write(out)
        else:
            with open(dst, "wb") as f:
                f.write(out)
    elif cmd == "cuts" and len(args) == 1:
        data = open(args[0], "rb").read()
        decode(data, args[0])
        for c in cli_cuts(data):
            print(c)
    elif cmd == "selftest" and len(args) == 2:
        sys.exit(1 if cmd_selftest(*args) else 0)
    elif cmd == "check":
        cmd_check(args)
    else:
        die(f"bad arguments; see {sys.argv[0]} --help")


if __name__ == "__main__":
    main()
