#!/usr/bin/env python3
"""Check faultline's fields against expected.tsv for every public layout in this directory.

Usage: check.py [FAULTLINE] [--threshold PERCENT] [--quiet]

FAULTLINE is the binary (default: $FAULTLINE). Each *.log named in expected.tsv is read on its
own with `faultline events FILE` (run in this directory, so `source` is the bare file name), and
the record that faultline gives for each expected (file, line) is compared field by field:
instant, level, logger, thread, message. In expected.tsv an instant of `-` (no date in the line)
and a field of `*` are not checked. A line that expected.tsv lists but faultline gives no record
for (it was folded into the record above, or dropped) counts as wrong in every field.

Prints, per file, the records expected and the records with every field right, then each
mismatch; exits 1 when fewer than PERCENT (default 100) of all records are right, 2 on a usage
or run error.
"""
import collections
import json
import os
import subprocess
import sys

FIELDS = ["instant", "level", "logger", "thread", "message"]
HERE = os.path.dirname(os.path.abspath(__file__))


def load_expected(path):
    by_file = collections.OrderedDict()
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        if header != ["file", "line"] + FIELDS:
            sys.exit(f"check.py: unexpected header in {path}: {header}")
        for n, raw in enumerate(f, 2):
            raw = raw.rstrip("\n")
            if not raw:
                continue
            cols = raw.split("\t")
            if len(cols) != 2 + len(FIELDS):
                sys.exit(f"check.py: {path}:{n}: {len(cols)} columns, expected {2 + len(FIELDS)}")
            by_file.setdefault(cols[0], []).append((int(cols[1]), dict(zip(FIELDS, cols[2:]))))
    return by_file


def field_mismatches(want, got):
    """[(field, expected, got)] where faultline's record `got` differs from the fields `want`.

    A wanted field of `*`, or an instant of `-`, is not checked. Also used by the pattern zoo.
    """
    bad = []
    for field in FIELDS:
        w = want[field]
        if w == "*" or (field == "instant" and w == "-"):
            continue
        g = got.get(field)
        g = "" if g is None else str(g)
        if field == "message":
            g = g.rstrip()
        # Expected instants are to the millisecond (README); faultline keeps what the line has
        # ("2024-01-01T10:00:00.123456Z").
        if field == "instant" and len(g) > 24 and g.endswith("Z") and g[19] == ".":
            g = g[:23] + "Z"
        if g != w:
            bad.append((field, w, g))
    return bad


def run_faultline(binary, name):
    proc = subprocess.run([binary, "events", name], cwd=HERE, capture_output=True, text=True,
                          encoding="utf-8", errors="replace")
    records = {}
    for raw in proc.stdout.splitlines():
        try:
            rec = json.loads(raw)
        except json.JSONDecodeError:
            continue
        source = rec.get("source") or ""
        if source.startswith("./"):
            source = source[2:]
        # a wrapper with a service prefix (docker compose, swarm) makes one source per service:
        # "file.log[service]"
        if source == name or source.startswith(name + "["):
            records.setdefault(rec.get("line"), rec)
    return proc.returncode, proc.stderr.strip(), records


def main(argv):
    binary = os.environ.get("FAULTLINE", "")
    threshold = 100.0
    quiet = False
    args = list(argv)
    while args:
        a = args.pop(0)
        if a == "--threshold" and args:
            threshold = float(args.pop(0))
        elif a.startswith("--threshold="):
            threshold = float(a.split("=", 1)[1])
        elif a == "--quiet":
            quiet = True
        elif a.startswith("-"):
            print(__doc__, file=sys.stderr)
            return 2
        else:
            binary = a
    if not binary:
        print("check.py: give the faultline binary as an argument or in $FAULTLINE", file=sys.stderr)
        return 2
    binary = os.path.abspath(binary)

    expected = load_expected(os.path.join(HERE, "expected.tsv"))
    total = right_total = 0
    summary = []
    for name, rows in expected.items():
        if not os.path.exists(os.path.join(HERE, name)):
            print(f"check.py: {name} is in expected.tsv but not in {HERE}", file=sys.stderr)
            return 2
        status, err, records = run_faultline(binary, name)
        right = 0
        problems = []
        if status != 0:
            problems.append(f"  faultline exited {status}: {err[:300]}")
        for line, want in rows:
            got = records.get(line)
            if got is None:
                problems.append(f"  line {line}: no record (folded into the record above, or dropped)")
                continue
            bad = field_mismatches(want, got)
            if bad:
                for field, w, g in bad:
                    problems.append(f"  line {line}: {field}: expected {w!r}, got {g!r}")
            else:
                right += 1
        wanted = {line for line, _ in rows}
        extra = sorted(line for line in records if isinstance(line, int) and line not in wanted)
        if extra:
            shown = ", ".join(str(x) for x in extra[:12]) + (" ..." if len(extra) > 12 else "")
            problems.append(f"  note (not scored): continuation lines given as records of their own: {shown}")
        total += len(rows)
        right_total += right
        summary.append((name, len(rows), right))
        print(f"{name}: {right}/{len(rows)} records right")
        if not quiet:
            for p in problems:
                print(p)

    percent = 100.0 * right_total / total if total else 100.0
    print()
    print(f"layouts: {len(summary)}, fully right: {sum(1 for _, n, r in summary if n == r)}")
    print(f"records: {right_total}/{total} right ({percent:.1f}%), threshold {threshold:g}%")
    return 0 if percent + 1e-9 >= threshold else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
