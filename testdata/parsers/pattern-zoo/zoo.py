#!/usr/bin/env python3
"""Read logs written with real-world logging patterns, field by field, blind and with --layout.

Usage: zoo.py FAULTLINE [--blind-threshold P] [--layout-threshold P] [--keep DIR] [--only ID]
              [--wrap kubectl|compose|journald] [--stdin] [--quiet]

Every row of patterns.tsv is a log4j/logback/log4j2 PatternLayout or a Python logging format
found in a public configuration file. render.py writes the records of records.py (ZooKeeper,
HDFS-HA and kazoo lines, two with a stack trace or traceback) with it, and faultline reads the
file twice: once as a user would hand it over (`faultline events FILE`, the layout detected from
the lines alone) and once told the pattern (`--layout PATTERN`, with `--datefmt` for Python).
Each record's instant, level, logger, thread and message are compared with what was written; a
field the pattern does not show is not checked. `--wrap` writes every line as `kubectl logs
--timestamps`, `docker compose logs` or `journalctl -o short-iso` hands it over; `--stdin` pipes each log in
(`faultline events -`) instead of naming the file.

Exits 1 when either share of records right is under its threshold (default 100 for --layout,
90 for blind), 2 on a usage error.
"""
import datetime
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "public-layouts"))

import check  # noqa: E402
import records  # noqa: E402
import render  # noqa: E402

# The 17th: a day-first date (17/03) is not ambiguous.
BASE = datetime.datetime(2024, 3, 17, 3, 14, 7, 123000)
SHOWN_ZONE = datetime.timezone(datetime.timedelta(hours=8))


def load_patterns():
    rows = []
    with open(os.path.join(HERE, "patterns.tsv"), encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for n, raw in enumerate(f, 2):
            raw = raw.rstrip("\n")
            if raw:
                rows.append(dict(zip(header, raw.split("\t")), row=n))
    return rows


def wrap(kind, text, t):
    """Each line of `text` as a container runtime or journald hands it over."""
    utc = t.astimezone(datetime.timezone.utc) if t.tzinfo else t
    stamp = utc.strftime("%Y-%m-%dT%H:%M:%S")
    prefix = {
        "": "",
        "kubectl": f"{stamp}.{utc.microsecond * 1000:09d}Z ",
        "compose": "zookeeper-1  | ",
        "journald": f"{stamp}+0000 zk1 zookeeper[4127]: ",
    }[kind]
    return "".join(prefix + line + "\n" for line in text.split("\n")[:-1])


def write_log(spec, path, wrapper=""):
    """Writes the pattern's log (each line in `wrapper`'s prefix); returns [(line, fields)]."""
    python = spec["kind"] == "python"
    uses = spec["pattern"]
    if python:
        facts = render.python_date_facts(spec["datefmt"])
        shows_logger = "%(name)" in uses
        logger_unknown = not shows_logger and ("%(module)" in uses or "%(filename)" in uses)
    else:
        facts = render.java_date_facts(uses)
        shows_logger = re.search(r"%-?\d*(\.-?\d+)?(c|C|logger|class|lo)(?![a-z])", uses) is not None
        logger_unknown = not shows_logger and ("%F" in uses or "%l" in uses or "%file" in uses)
    shows_level = re.search(r"%\(levelname\)|%-?\d*(\.-?\d+)?(p|level|le)(?![a-z])", uses) is not None
    has_date, has_offset, has_millis = facts if facts else (False, False, False)
    style = "logback" if spec["kind"] == "logback" else "log4j"
    expected = []
    line = 1
    with open(path, "w", encoding="utf-8") as out:
        recs = records.PYTHON if python else records.JAVA
        for i, rec in enumerate(recs):
            t = BASE + datetime.timedelta(milliseconds=1237 * i)
            if has_offset:
                t = t.replace(tzinfo=datetime.timezone.utc).astimezone(SHOWN_ZONE)
            if python:
                text, got = render.render_python(spec["pattern"], spec["datefmt"], rec, t, 4127)
            else:
                if "short.message" in spec["pattern"]:
                    rec = {k: v for k, v in rec.items() if k != "trace"}
                text, got = render.render_java(spec["pattern"], rec, t, style, 1237 * i + 41)
            out.write(wrap(wrapper, text, t))
            want = {}
            if has_date:
                utc = t.astimezone(datetime.timezone.utc) if has_offset else t
                millis = utc.microsecond // 1000 if has_millis else 0
                want["instant"] = utc.strftime("%Y-%m-%dT%H:%M:%S") + f".{millis:03d}Z"
            else:
                want["instant"] = "*"
            level = rec["level"]
            want["level"] = ("WARN" if level == "WARNING" else level) if shows_level else ""
            want["logger"] = "*" if logger_unknown else got["logger"].strip()
            want["thread"] = "*" if python and "%(thread)d" in uses else got["thread"].strip()
            want["message"] = got["message"]
            expected.append((line, want))
            line += text.count("\n")
    return expected


def run(binary, path, extra, stdin=False):
    if stdin:  # piped in, as `cat app.log | faultline events -`
        with open(path, encoding="utf-8") as f:
            proc = subprocess.run([binary, "events", *extra, "-"], stdin=f, capture_output=True,
                                  text=True, encoding="utf-8", errors="replace")
    else:
        proc = subprocess.run([binary, "events", *extra, os.path.basename(path)],
                              cwd=os.path.dirname(path), capture_output=True, text=True,
                              encoding="utf-8", errors="replace")
    got = {}
    for raw in proc.stdout.splitlines():
        try:
            rec = json.loads(raw)
        except json.JSONDecodeError:
            continue
        got.setdefault(rec.get("line"), rec)
    return proc.returncode, proc.stderr.strip(), got


def compare(expected, got):
    right = 0
    problems = []
    for line, want in expected:
        rec = got.get(line)
        if rec is None:
            problems.append(f"line {line}: no record")
            continue
        bad = check.field_mismatches(want, rec)
        if bad:
            problems.append(f"line {line}: " + "; ".join(
                f"{field}: expected {w!r}, got {g!r}" for field, w, g in bad))
        else:
            right += 1
    return right, problems


def main(argv):
    args = list(argv)
    binary = ""
    thresholds = {"blind": 90.0, "layout": 100.0}
    keep = ""
    only = ""
    wrapper = ""
    stdin = False
    quiet = False
    while args:
        a = args.pop(0)
        if a in ("--blind-threshold", "--layout-threshold") and args:
            thresholds[a[2:].split("-")[0]] = float(args.pop(0))
        elif a == "--keep" and args:
            keep = args.pop(0)
        elif a == "--only" and args:
            only = args.pop(0)
        elif a == "--wrap" and args:
            wrapper = args.pop(0)
        elif a == "--stdin":
            stdin = True
        elif a == "--quiet":
            quiet = True
        elif a.startswith("-"):
            print(__doc__, file=sys.stderr)
            return 2
        else:
            binary = os.path.abspath(a)
    if not binary:
        print(__doc__, file=sys.stderr)
        return 2
    workdir = keep or tempfile.mkdtemp(prefix="pattern-zoo-")
    os.makedirs(workdir, exist_ok=True)
    totals = {"blind": [0, 0, 0], "layout": [0, 0, 0]}  # records right, records, files all right
    specs = [s for s in load_patterns() if not only or s["id"] == only]
    for spec in specs:
        path = os.path.join(workdir, spec["id"] + ".log")
        expected = write_log(spec, path, wrapper)
        layout_args = ["--layout", spec["pattern"]]
        if spec["datefmt"]:
            layout_args += ["--datefmt", spec["datefmt"]]
        summary = []
        details = []
        for mode, extra in (("blind", []), ("layout", layout_args)):
            status, err, got = run(binary, path, extra, stdin)
            right, problems = compare(expected, got)
            if status != 0:
                problems.insert(0, f"faultline exited {status}: {err[:200]}")
            totals[mode][0] += right
            totals[mode][1] += len(expected)
            totals[mode][2] += right == len(expected)
            summary.append(f"{mode} {right}/{len(expected)}")
            if not quiet:
                details += [f"  {mode}: {p}" for p in problems[:4]]
        print(f"{spec['id']}: " + ", ".join(summary))
        for d in details:
            print(d)
    code = 0
    print()
    for mode in ("blind", "layout"):
        right, total, files = totals[mode]
        percent = 100.0 * right / total if total else 100.0
        print(f"{mode}: {right}/{total} records right ({percent:.1f}%), "
              f"{files}/{len(specs)} patterns fully right, threshold {thresholds[mode]:g}%")
        if percent + 1e-9 < thresholds[mode]:
            code = 1
    if not keep:
        for name in os.listdir(workdir):
            os.unlink(os.path.join(workdir, name))
        os.rmdir(workdir)
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
