#!/usr/bin/env python3
"""Scores faultline on the public-incident corpus (testdata/incidents/public/<name>/).

Each case holds logs as someone posted them, SOURCE.md (where, and the root cause the thread
states) and expect.toml: `primary = [rule ids]`, any one of which must lead the top-ranked
incident at warning or above; `primary = []` for logs that must give no such incident.
Prints one line per case and the accuracy; exits 1 when it is below --min (a percentage).
"""
import argparse
import concurrent.futures
import json
import os
import subprocess
import sys
import tomllib


def top_rule(faultline, case):
    run = subprocess.run([faultline, "analyze", "--format", "json", case],
                         capture_output=True, text=True, timeout=60)
    if run.returncode not in (0, 1):
        return None, f"exit {run.returncode}: {run.stderr.strip()[:200]}"
    incidents = [i for i in json.loads(run.stdout)["incidents"]
                 if i["severity"] in ("warning", "critical")]
    if not incidents:
        return None, ""
    return incidents[0]["rule"], f'{incidents[0]["confidence"]:.2f}'


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--faultline", required=True)
    parser.add_argument("--min", type=float, default=90.0, help="least accuracy, percent")
    parser.add_argument("corpus")
    args = parser.parse_args()
    cases = sorted(d for d in os.listdir(args.corpus)
                   if os.path.isdir(os.path.join(args.corpus, d)))
    # One analysis per case, as many at once as there are cores: the corpus grows every round,
    # and under the sanitizers one case at a time took minutes. Printed in case order.
    paths = [os.path.join(args.corpus, name) for name in cases]
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        results = list(pool.map(lambda case: top_rule(args.faultline, case), paths))
    good = 0
    for name, case, (got, note) in zip(cases, paths, results):
        with open(os.path.join(case, "expect.toml"), "rb") as f:
            want = tomllib.load(f).get("primary", [])
        ok = got in want if want else got is None
        good += ok
        print(f'{"PASS" if ok else "FAIL"} {name}: {got or "no incident"}'
              f'{" (" + note + ")" if note else ""}'
              f'{"" if ok else "; expected " + (" or ".join(want) or "no incident")}')
    accuracy = 100.0 * good / len(cases) if cases else 0.0
    print(f"public corpus: {good} of {len(cases)} diagnosed as their threads state "
          f"({accuracy:.1f}%, at least {args.min:.0f}% required)")
    return 0 if cases and accuracy >= args.min else 1


if __name__ == "__main__":
    sys.exit(main())
