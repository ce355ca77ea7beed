#!/usr/bin/env python3
"""Run every rule's fixtures again with their logs rewritten in other logging layouts.

Usage: relayout.py FAULTLINE [--pattern ID]... [--neutral-names] [--keep DIR] [--min PERCENT]

A rule must fire on an incident, and stay quiet on its near miss, whatever layout the logs were
written in. For each pattern of
testdata/parsers/pattern-zoo/patterns.tsv named with --pattern (default: a handful of common
ones), each testdata/rules/<id>/ fixture (fires/, quiet/, partial/) is copied with its log files
rewritten: faultline
reads every record (`faultline events`), and the zoo's formatter writes it again with the pattern
(a Python one for kazoo and other Python logs, a Java one for the rest), stack traces and all.
Lines faultline could not read, and files in layouts of other programs, are copied as they are.
`faultline rules test` then runs on the copies. --neutral-names also renames each log file to
`app.log`, so that only the lines, not the file's name, say which daemon wrote them (a paste).

Prints each pattern's pass count and the rules whose fixtures no longer pass; exits 1 when any pattern's
share is under --min (default 100), 2 on a usage error.
"""
import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ZOO = os.path.join(HERE, "..", "parsers", "pattern-zoo")
sys.path.insert(0, ZOO)

import render  # noqa: E402
import zoo  # noqa: E402

DEFAULT_PATTERNS = ["logback-classic", "hive-rfa", "absolute-c1-line", "kafka-line",
                    "es-bracket-fields"]
PYTHON_FOR = {  # the Python layout that goes with each Java one
    "logback-classic": "py-dash-name-level",
    "hive-rfa": "py-level-bracket-name",
    "absolute-c1-line": "py-bracket-level-name-colon",
    "kafka-line": "py-pipes",
    "es-bracket-fields": "py-padded-level-thread",
}
JVM_FORMATS = ("zookeeper", "hadoop", "java", "logback", "layout", "inferred")
PY_FORMATS = ("python", "oslo", "kazoo")


def read_records(binary, path):
    proc = subprocess.run([binary, "events", path], capture_output=True, text=True,
                          encoding="utf-8", errors="replace")
    return [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]


def as_record(r, python):
    level = r.get("level") or "INFO"
    if python and level == "WARN":
        level = "WARNING"
    logger = r.get("logger") or ("root" if python else "main")
    trace = [line for line in (r.get("continuation") or "").split("\n") if line]
    return dict(level=level, logger=logger, thread=r.get("thread") or "main",
                file=logger.rsplit(".", 1)[-1] + (".py" if python else ".java"),
                module=logger.rsplit(".", 1)[-1], method="run", line=r.get("code_line") or 1,
                message=r.get("message") or "", trace=trace)


def rewrite(binary, src, dst, java, py):
    """Writes `src` again in the pattern; False when it was copied as it is."""
    recs = read_records(binary, src)
    formats = {r.get("format", "") for r in recs}
    python = any(f.startswith(PY_FORMATS) for f in formats) or any(
        (r.get("logger") or "").startswith("kazoo") for r in recs)
    if not recs or not (python or all(f.startswith(JVM_FORMATS) for f in formats)):
        shutil.copyfile(src, dst)
        return False
    spec = py if python else java
    style = "logback" if spec["kind"] == "logback" else "log4j"
    with open(dst, "w", encoding="utf-8") as out:
        for r in sorted(recs, key=lambda r: r.get("line") or 0):
            if "unparsed" in (r.get("flags") or []) or not r.get("local_time"):
                # As it came: a line nothing read, or a trace before the first header.
                out.write((r.get("message") or "") + "\n")
                for line in (r.get("continuation") or "").split("\n"):
                    if line:
                        out.write(line + "\n")
                continue
            t = datetime.datetime.strptime(r["local_time"], "%Y-%m-%d %H:%M:%S.%f")
            rec = as_record(r, python)
            if python:
                text, _ = render.render_python(spec["pattern"], spec["datefmt"], rec, t, 4127)
            else:
                text, _ = render.render_java(spec["pattern"], rec, t, style, 0)
            out.write(text)
    return True


def build_tree(binary, java, py, root, neutral):
    for rule in sorted(os.listdir(HERE)):
        if not os.path.isfile(os.path.join(HERE, rule, "fires", "expect.toml")):
            continue
        for dirpath, _, files in os.walk(os.path.join(HERE, rule)):
            rel = os.path.relpath(dirpath, HERE)
            os.makedirs(os.path.join(root, rel), exist_ok=True)
            for name in files:
                src = os.path.join(dirpath, name)
                is_log = name.endswith((".log", ".out", ".txt")) or ".log." in name
                dst_name = "app.log" if neutral and is_log else name
                dst = os.path.join(root, rel, dst_name)
                if not is_log or not rewrite(binary, src, dst, java, py):
                    shutil.copyfile(src, os.path.join(root, rel, name))


def main(argv):
    args = list(argv)
    binary, patterns, keep, neutral, minimum = "", [], "", False, 100.0
    while args:
        a = args.pop(0)
        if a == "--pattern" and args:
            patterns.append(args.pop(0))
        elif a == "--keep" and args:
            keep = args.pop(0)
        elif a == "--neutral-names":
            neutral = True
        elif a == "--min" and args:
            minimum = float(args.pop(0))
        elif a.startswith("-"):
            print(__doc__, file=sys.stderr)
            return 2
        else:
            binary = os.path.abspath(a)
    if not binary:
        print(__doc__, file=sys.stderr)
        return 2
    specs = {s["id"]: s for s in zoo.load_patterns()}
    code = 0
    for pid in patterns or DEFAULT_PATTERNS:
        java = specs[pid]
        py = specs[PYTHON_FOR.get(pid, "py-dash-name-level")]
        root = os.path.join(keep, pid) if keep else tempfile.mkdtemp(prefix="relayout-")
        if os.path.isdir(root):
            shutil.rmtree(root)
        build_tree(binary, java, py, root, neutral)
        proc = subprocess.run([binary, "rules", "test", "--color", "never", root],
                              capture_output=True, text=True, encoding="utf-8", errors="replace")
        results = [line.split() for line in proc.stdout.splitlines()
                   if line.startswith(("PASS ", "FAIL "))]
        passed = sum(1 for r in results if r[0] == "PASS")
        failed = sorted(r[1] for r in results if r[0] == "FAIL")
        percent = 100.0 * passed / len(results) if results else 0.0
        print(f"{pid}: {passed}/{len(results)} rules fire ({percent:.1f}%)"
              + (": not " + ", ".join(failed) if failed else ""))
        if percent + 1e-9 < minimum:
            code = 1
        if not keep:
            shutil.rmtree(root)
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
