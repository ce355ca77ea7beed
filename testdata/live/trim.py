"""Copies a collected log set, keeping only the records stamped FROM..TO (HH:MM:SS).

    trim.py SRC DST FROM TO

Used to cut the rule fixtures under testdata/rules/ out of a live run. A record's continuation
lines (stack traces) go with it; zoo.cfg and other non-log files are copied as they are;
harness.txt and analysis.json are left out.
"""
import os
import re
import shutil
import sys

STAMP = re.compile(r"^\d{4}-\d\d-\d\d (\d\d:\d\d:\d\d)")


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    src, dst, low, high = sys.argv[1:]
    for root, _, files in os.walk(src):
        for name in files:
            if name in ("harness.txt", "analysis.json"):
                continue
            rel = os.path.relpath(os.path.join(root, name), src)
            os.makedirs(os.path.dirname(os.path.join(dst, rel)), exist_ok=True)
            if not name.endswith(".log"):
                shutil.copy(os.path.join(src, rel), os.path.join(dst, rel))
                continue
            keep = False
            with open(os.path.join(src, rel)) as f, open(os.path.join(dst, rel), "w") as out:
                for line in f:
                    m = STAMP.match(line)
                    if m:
                        keep = low <= m.group(1) <= high
                    if keep:
                        out.write(line)


if __name__ == "__main__":
    main()
