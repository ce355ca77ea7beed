#!/usr/bin/env bash
# idle_scan.sh — how long `faultline scan` takes to learn that nothing changed.
#
# Usage: bench/idle_scan.sh [FAULTLINE] [BIG_DIR]
#   FAULTLINE  the binary (default: build/faultline)
#   BIG_DIR    a directory with the bench corpus' large logs (default: bench/data; make it with
#              make-corpus.sh, e.g. zk-1GB.log, zkfc-100MB.log, kazoo-16MB.log via symlinks)
# Measures, after one full scan of each set: the median wall time of 7 idle scans (no new byte)
#   1. of BIG_DIR (the three large logs, 1.2 GB),
#   2. of 1,000 small logs (4 KiB each, generated in a temporary directory).
# The promise (README, scan): well under 50 ms each.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-$here/../build/faultline}
big=${2:-$here/data}
work=$(mktemp -d "${TMPDIR:-/tmp}/idle-scan.XXXXXX")
trap 'rm -rf "$work"' EXIT

# median_ms CMD...: the median wall time of 7 runs, in milliseconds (exit status 0 required).
median_ms() {
  local times=() t0 t1
  for _ in 1 2 3 4 5 6 7; do
    t0=$(date +%s%N)
    "$@" >"$work/out" 2>"$work/err" || { echo "failed: $* ($(cat "$work/err"))" >&2; exit 1; }
    t1=$(date +%s%N)
    [ ! -s "$work/out" ] || { echo "an idle scan printed: $(head -3 "$work/out")" >&2; exit 1; }
    times+=($(((t1 - t0) / 1000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 4p | awk '{ printf "%.1f", $1 / 1000 }'
}

if [ -d "$big" ] && ls "$big"/*.log >/dev/null 2>&1; then
  bytes=$(du -L -c -b "$big"/*.log | tail -n 1 | cut -f1)
  t0=$(date +%s%N)
  "$bin" scan --quiet --state "$work/big.state" "$big" >/dev/null 2>&1 || true
  t1=$(date +%s%N)
  ms=$(median_ms "$bin" scan --state "$work/big.state" "$big")
  printf 'idle scan, %d files, %.2f GB: %s ms (first scan %.1f s)\n' \
    "$(ls "$big"/*.log | wc -l)" "$(echo "$bytes / 1000000000" | bc -l)" "$ms" \
    "$(echo "($t1 - $t0) / 1000000000" | bc -l)"
else
  echo "idle scan of large logs: skipped ($big has no *.log; see make-corpus.sh)"
fi

mkdir "$work/small"
python3 - "$work/small" <<'PY'
import os, sys
line = "2019-09-17 04:30:%02d,%03d [myid:3] - INFO  [main:QuorumPeer@100] - line %d of a small log\n"
for n in range(1000):
    with open(os.path.join(sys.argv[1], "zk-%04d.log" % n), "w") as f:
        for i in range(60):
            f.write(line % (i % 60, n % 1000, i))
PY
"$bin" scan --quiet --state "$work/small.state" "$work/small" >/dev/null 2>&1 || true
ms=$(median_ms "$bin" scan --state "$work/small.state" "$work/small")
echo "idle scan, 1000 small files: $ms ms"
