#!/usr/bin/env bash
# allocations.sh — heap allocations per record, counted by heaptrack, for `events --count`,
# `events` (NDJSON) and `analyze -j1` over the first 10 MB and the whole 100 MB ZooKeeper slice.
# The difference between the two sizes, divided by the records added, is what each further
# record costs in allocations: 0 means no allocation per record in the steady state.
#
# Usage: bench/allocations.sh [FAULTLINE] [ZK_SLICE]
#   FAULTLINE  the binary (default: build-bench/faultline, as bench/run.sh builds it)
#   ZK_SLICE   the 100 MB ZooKeeper log (default: bench/data/zk-100MB.log, from make-corpus.sh)
# Needs heaptrack (Debian package heaptrack). A benchmark, not a test.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-$here/../build-bench/faultline}
big=${2:-$here/data/zk-100MB.log}
for tool in heaptrack heaptrack_print; do
  command -v "$tool" >/dev/null || { echo "allocations: $tool not found (apt-get install heaptrack)" >&2; exit 2; }
done
[ -x "$bin" ] || { echo "allocations: no binary at $bin (run bench/run.sh once, or pass one)" >&2; exit 2; }
[ -f "$big" ] || { echo "allocations: no log at $big (see bench/run.sh: make-corpus.sh)" >&2; exit 2; }
work=$(mktemp -d "${TMPDIR:-/tmp}/allocations.XXXXXX")
trap 'rm -rf "$work"' EXIT

# The small input ends at a line boundary near 10 MB, so both sizes parse whole records.
head -c 10000000 "$big" | sed '$d' >"$work/small.log"

# allocations NAME LOG ARGS...: calls to allocation functions over one run.
allocations() {
  local name=$1 log=$2
  shift 2
  heaptrack -o "$work/$name" "$bin" "$@" "$log" >/dev/null 2>&1 || true  # analyze exits 1 on incidents
  heaptrack_print "$work/$name".zst 2>/dev/null | sed -n 's/^calls to allocation functions: \([0-9]*\).*/\1/p'
}
records() { "$bin" events --count "$1" 2>/dev/null | tr -dc '0-9'; }

small_records=$(records "$work/small.log")
big_records=$(records "$big")
echo "| run | allocations, 10 MB ($small_records records) | allocations, 100 MB ($big_records records) | per further record |"
echo "|---|---:|---:|---:|"
for mode in "events --count" "events" "analyze -j1 --format json"; do
  tag=$(echo "$mode" | tr -c 'a-z0-9' '_')
  # shellcheck disable=SC2086  # the mode is words on purpose
  a=$(allocations "$tag-small" "$work/small.log" $mode)
  # shellcheck disable=SC2086
  b=$(allocations "$tag-big" "$big" $mode)
  awk -v m="$mode" -v a="$a" -v b="$b" -v r="$((big_records - small_records))" \
    'BEGIN { printf "| `%s` | %d | %d | %.3f |\n", m, a, b, (b - a) / r }'
done
