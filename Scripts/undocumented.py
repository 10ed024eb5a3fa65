"""Lists the library's public declarations that have no `///` comment, and exits 1 if any.

    python3 Scripts/undocumented.py [Sources/Jianfan]

A declaration counts as public when its line carries `public` or `open`, or when it is a `case`
of a public enum. Its comment is the `///` block right above it (attributes may stand between).
DocC itself does not warn about undocumented symbols, hence this check in Scripts/docs.sh.
"""
import os
import re
import sys

DECLARATION = re.compile(r"^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:public|open)\s+(?!=)")
ENUM = re.compile(r"^\s*(?:public\s+)(?:indirect\s+)?enum\s")
CASE = re.compile(r"^\s*(?:indirect\s+)?case\s+\w")


def undocumented(path):
    lines = open(path, encoding="utf-8").read().split("\n")
    found = []
    enum_depth = []  # brace depths at which a public enum's body starts
    depth = 0
    for number, line in enumerate(lines, 1):
        code = line.split("//")[0]
        in_public_enum = bool(enum_depth) and depth == enum_depth[-1]
        if DECLARATION.match(line) or (in_public_enum and CASE.match(line)):
            previous = number - 2
            while previous >= 0 and lines[previous].strip().startswith("@"):
                previous -= 1
            if previous < 0 or not lines[previous].strip().startswith("///"):
                found.append("%s:%d: %s" % (path, number, line.strip()))
        if ENUM.match(line):
            enum_depth.append(depth + 1)
        depth += code.count("{") - code.count("}")
        while enum_depth and depth < enum_depth[-1]:
            enum_depth.pop()
    return found


def main(root):
    found = []
    for directory, _, files in sorted(os.walk(root)):
        for name in sorted(files):
            if name.endswith(".swift"):
                found += undocumented(os.path.join(directory, name))
    for line in found:
        print(line)
    print("%d public declarations without a /// comment" % len(found), file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "Sources/Jianfan"))
