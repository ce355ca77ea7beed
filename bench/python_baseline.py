#!/usr/bin/env python3
"""The script an SRE writes before reaching for a tool: count the lines of each file that match
any of the patterns in PATTERNS_FILE (one regex per line), with Python's re. A baseline for
bench/run.sh, not part of faultline."""
import re
import sys


def main():
    patterns = [p.strip() for p in open(sys.argv[1], encoding="utf-8") if p.strip()]
    combined = re.compile("|".join(f"(?:{p})" for p in patterns))
    for path in sys.argv[2:]:
        count = 0
        with open(path, "rb") as f:
            for line in f:
                if combined.search(line.decode("utf-8", "replace")):
                    count += 1
        print(f"{path}:{count}")


if __name__ == "__main__":
    main()
