#!/usr/bin/env bash
# ship.sh — throughput of `faultline ship` into a local ClickHouse, and what the rows cost on disk.
# A benchmark, not a test.
#
# Usage: bench/ship.sh [LOG] [RUNS]
#   LOG   default: $CORPUS_DIR/zk-100MB.log, else bench/data/zk-100MB.log (made by
#         ../shared/bench/make-corpus.sh, as bench/run.sh does)
#   RUNS  default 3; the best wall time is kept, each run into a fresh database
# FAULTLINE=binary (default build/faultline). Starts its own clickhouse-server on 127.0.0.1
# (tests/clickhouse_cluster.sh). Prints: parse only (`events --count`), ship, MB/s of log,
# faultline's own CPU, bytes on disk per MB of log (compressed, after OPTIMIZE FINAL), and
# `analyze --engine` over the shipped rows beside local `analyze` of the same log (same report).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../tests/clickhouse_cluster.sh"
FAULTLINE=${FAULTLINE:-$here/../build/faultline}
RUNS=${2:-3}
log=${1:-}
if [ -z "$log" ]; then
  for candidate in "${CORPUS_DIR:-/work/corpus}/zk-100MB.log" "$here/data/zk-100MB.log"; do
    [ -f "$candidate" ] && { log=$candidate; break; }
  done
fi
if [ -z "$log" ]; then
  bash "${SHARED_DIR:-$here/../../shared}/bench/make-corpus.sh" "$here/data"
  log=$here/data/zk-100MB.log
fi
bytes=$(stat -c %s "$log")
mb=$(python3 -c "print($bytes / 1e6)")

best() {  # CMD...: the best wall time of RUNS runs, in seconds; $BEFORE runs before each
  local best="" t0 t1 t
  for _ in $(seq "$RUNS"); do
    [ -n "${BEFORE:-}" ] && eval "$BEFORE"
    t0=$(date +%s%N)
    "$@" >/dev/null
    t1=$(date +%s%N)
    t=$(python3 -c "print(($t1 - $t0) / 1e9)")
    if [ -z "$best" ] || python3 -c "import sys; sys.exit(0 if $t < $best else 1)"; then best=$t; fi
  done
  echo "$best"
}

ch_start 1 >/dev/null 2>&1 || { echo "bench: clickhouse-server did not start" >&2; exit 2; }
URL="clickhouse://127.0.0.1:${CH_HTTP[1]}/bench"
parse=$(best "$FAULTLINE" events --count --no-progress "$log")
BEFORE='ch_query 1 "DROP DATABASE IF EXISTS bench" >/dev/null'
ship=$(best "$FAULTLINE" ship --quiet --no-progress "$URL" "$log")
# One more run under GNU time: faultline's own CPU (the rest of the wall time is the server's).
eval "$BEFORE"
/usr/bin/time -f "%U %S %M" -o "$CH_WORK/time" "$FAULTLINE" ship --quiet --no-progress "$URL" "$log"
read -r user sys rss <"$CH_WORK/time"
cpu=$(python3 -c "print($user + $sys)")
rows=$(ch_query 1 "SELECT count() FROM bench.events")
# The rules: in ClickHouse (analyze --engine) and locally, one core each side of the comparison
# (the server has the other); both reports must be the same.
BEFORE=""
remote=$(best "$FAULTLINE" analyze --engine "$URL" --format json)
local_=$(best taskset -c 0 "$FAULTLINE" analyze -j1 --format json --no-progress "$log")
"$FAULTLINE" analyze --engine "$URL" --format json >"$CH_WORK/remote.json" || true
"$FAULTLINE" analyze -j1 --format json --no-progress "$log" >"$CH_WORK/local.json" || true
same=$(cmp -s "$CH_WORK/remote.json" "$CH_WORK/local.json" && echo same || echo DIFFERENT)
ch_query 1 "OPTIMIZE TABLE bench.events FINAL" >/dev/null || true
disk=$(ch_query 1 "SELECT sum(bytes) FROM system.parts WHERE database = 'bench' AND table = 'events' AND active")
raw=$(ch_query 1 "SELECT sum(data_uncompressed_bytes) FROM system.columns WHERE database = 'bench' AND table = 'events'")

python3 - "$mb" "$parse" "$ship" "$rows" "$disk" "$raw" "$cpu" "$rss" "$remote" "$local_" "$log" "$same" <<'PY'
import sys
mb, parse, ship, rows, disk, raw, cpu, rss, remote, local = (float(x) for x in sys.argv[1:11])
print(f"log: {sys.argv[11]} ({mb:.1f} MB, {int(rows):,} records)")
print(f"| step | time | MB/s of log |")
print(f"|---|---|---|")
print(f"| parse only (events --count) | {parse:.2f} s | {mb / parse:.0f} |")
print(f"| ship into ClickHouse (one server, same machine) | {ship:.2f} s | {mb / ship:.0f} |")
print(f"| faultline's own CPU while shipping (user + sys; peak RSS {rss / 1024:.0f} MB) | {cpu:.2f} s | {mb / cpu:.0f} |")
print(f"on disk: {disk / 1e6:.1f} MB compressed ({disk / 1e6 / mb:.2f} MB per MB of log), "
      f"{raw / 1e6:.0f} MB uncompressed in the columns")
print(f"analyze --engine: {remote:.2f} s; local analyze -j1: {local:.2f} s "
      f"({remote / local:.1f}x local); reports {sys.argv[12]}")
PY
