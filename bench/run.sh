#!/usr/bin/env bash
# Throughput and peak memory of faultline, side by side with cat, ripgrep, lnav, SEC and a Python
# script, measured in the same run on the shared deterministic corpus. A benchmark, not a test.
#
#   bench/run.sh [RUNS]     RUNS per measurement (default 3; the best wall time is kept)
#
# Builds the corpus with ../shared/bench/make-corpus.sh into bench/data (git-ignored) if absent,
# gzips it once into bench/data/gz, builds faultline (Release), and prints two Markdown tables
# (also written to bench/results/latest.md): first the speed figures with their ratios (one core
# unless said), then parsing in more layouts. Needs: ripgrep, lnav, sec, GNU time (Debian
# packages ripgrep, lnav, sec, time).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
DATA=bench/data
SHARED=${SHARED_DIR:-../shared}
mkdir -p bench/results

if [ ! -f "$DATA/zk-1GB.log" ]; then
  bash "$SHARED/bench/make-corpus.sh" "$DATA"
fi
mkdir -p "$DATA/gz"
for f in zk-1GB.log zkfc-100MB.log kazoo-16MB.log; do
  [ -f "$DATA/gz/$f.gz" ] || gzip -1 -c "$DATA/$f" >"$DATA/gz/$f.gz"
done
cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build-bench -j "$(nproc)" --target faultline >/dev/null
FAULTLINE=build-bench/faultline
for tool in rg lnav sec taskset /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "bench: $tool not found (apt-get install ripgrep lnav sec time util-linux)" >&2; exit 2; }
done

# measure NAME BYTES CMD...: best wall time of $RUNS runs, and the peak RSS of that run.
measure() {
  local name=$1 bytes=$2
  shift 2
  local best="" rss=""
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f "%e %M" -o /tmp/faultline-bench.time "$@" >/dev/null 2>/tmp/faultline-bench.err || true
    # GNU time adds "Command exited with non-zero status N" first (analyze exits 1 on incidents).
    read -r secs kb < <(tail -n 1 /tmp/faultline-bench.time)
    if [ -z "$best" ] || awk "BEGIN{exit !($secs < $best)}"; then best=$secs rss=$kb; fi
  done
  LAST_SECONDS=$best
  awk -v n="$name" -v s="$best" -v b="$bytes" -v k="$rss" \
    'BEGIN { printf "| %s | %.2f | %.0f | %.1f |\n", n, s, (s > 0 ? b / 1048576 / s : 0), k / 1024 }'
}

size() { stat -c %s "$@" | awk '{ s += $1 } END { print s }'; }

ZK=$DATA/zk-1GB.log
ALL=("$DATA/zk-1GB.log" "$DATA/zkfc-100MB.log" "$DATA/kazoo-16MB.log")
GZ=("$DATA/gz/zk-1GB.log.gz" "$DATA/gz/zkfc-100MB.log.gz" "$DATA/gz/kazoo-16MB.log.gz")
SLICES=("$DATA/zk-100MB.log" "$DATA/zkfc-slice.log" "$DATA/kazoo-slice.log")
SLICE_BYTES=$(size "${SLICES[@]}")
ZK_BYTES=$(size "$ZK")
ALL_BYTES=$(size "${ALL[@]}")
# A layout no hand-written scanner reads: the ZooKeeper slice rewritten the way logback's common
# pattern writes it, read with --layout (the compiled matcher).
ZK_PATTERN='%d{ISO8601} - %-5p [%t:%C{1}@%L] - %m%n'
LOGBACK_PATTERN='%d{yyyy-MM-dd HH:mm:ss.SSS} [%thread] %-5level %logger{36} - %msg%n'
LOGBACK=$DATA/zk-100MB-logback.log
if [ ! -f "$LOGBACK" ]; then
  sed -E 's/^([0-9-]+ [0-9:]+),([0-9]+) - ([A-Z]+) +\[(.*):([A-Za-z0-9$.]+)@[0-9]+\] - /\1.\2 [\4] \3 org.apache.zookeeper.server.\5 - /' \
    "$DATA/zk-100MB.log" >"$LOGBACK.tmp" && mv "$LOGBACK.tmp" "$LOGBACK"
fi
LOGBACK_BYTES=$(size "$LOGBACK")
# A match storm: one line that a rule matches, repeated (256 MiB unpacked), and a quiet log of the
# same size (the start of zk-1GB.log), both gzipped: a storm must not cost much more.
STORM_LINE='2019-09-17 05:04:12,043 [myid:3] - WARN  [QuorumPeer[myid=3]/0.0.0.0:2181:LearnerHandler@702] - Closing connection to peer due to transaction timeout.'
STORM_BYTES=268435456
[ -f "$DATA/gz/storm-256MB.log.gz" ] ||
  { yes "$STORM_LINE" | head -c "$STORM_BYTES" | gzip -1 >"$DATA/gz/storm-256MB.log.gz"; }
[ -f "$DATA/gz/quiet-256MB.log.gz" ] ||
  { head -c "$STORM_BYTES" "$DATA/zk-1GB.log" | gzip -1 >"$DATA/gz/quiet-256MB.log.gz"; }
PATTERNS=$SHARED/bench/patterns-20.txt
ZK100=$DATA/zk-100MB.log
ZK100_BYTES=$(size "$ZK100")
cat "${ALL[@]}" >/dev/null  # warm the page cache
# The first analysis with a rule set compiles its Hyperscan database into ~/.cache/faultline; every
# later run loads it. Compile both (one engine, and the two of a two-core run) before measuring.
taskset -c 0 "$FAULTLINE" analyze --format json "$DATA/kazoo-slice.log" >/dev/null 2>&1 || true
FAULTLINE_MATCHER=hyperscan taskset -c 0 "$FAULTLINE" analyze --format json "$DATA/kazoo-slice.log" >/dev/null 2>&1 || true
FAULTLINE_MATCHER=hyperscan "$FAULTLINE" analyze --format json "$DATA/kazoo-slice.log" >/dev/null 2>&1 || true

# ratio LABEL A B: "A / B" as a row (how many times faster B is than A, for seconds).
ratio() {
  awk -v n="$1" -v a="$2" -v b="$3" 'BEGIN { printf "| %s | %.2fx | | |\n", n, (b > 0 ? a / b : 0) }'
}
ONE=(taskset -c 0)
{
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -r)"
  echo "Versions: $($FAULTLINE --version | sed -n 1p), $(rg --version | head -1), lnav $(lnav -V | awk '{print $2}'), SEC $(sec --version 2>&1 | awk 'NR==1 {print $NF}'), $(cat --version | head -1)"
  echo "Runs per figure: $RUNS (best wall time). MB/s = input MiB (uncompressed) / wall second."
  echo
  echo "## Speed: one core (taskset -c 0) unless said; ratio rows > 1 mean faultline is faster"
  echo
  echo "| command | seconds | MB/s | peak RSS MiB |"
  echo "|---|---:|---:|---:|"
  measure "rg -j1 -c -f patterns-20.txt, zk-100MB" "$ZK100_BYTES" "${ONE[@]}" rg -j1 -c -f "$PATTERNS" "$ZK100"
  RG=$LAST_SECONDS
  measure "python3 re, the 20 patterns, zk-100MB" "$ZK100_BYTES" "${ONE[@]}" python3 bench/python_baseline.py "$PATTERNS" "$ZK100"
  PY=$LAST_SECONDS
  measure "lnav -n (index + count), zk-100MB" "$ZK100_BYTES" "${ONE[@]}" lnav -n -c ';SELECT count(*) FROM all_logs' "$ZK100"
  LNAV=$LAST_SECONDS
  measure "faultline events --count (parse + merge), zk-100MB" "$ZK100_BYTES" "${ONE[@]}" "$FAULTLINE" events --count "$ZK100"
  COUNT=$LAST_SECONDS
  measure "faultline events (NDJSON), zk-100MB" "$ZK100_BYTES" "${ONE[@]}" "$FAULTLINE" events "$ZK100"
  NDJSON=$LAST_SECONDS
  measure "faultline analyze (all rules), zk-100MB" "$ZK100_BYTES" "${ONE[@]}" "$FAULTLINE" analyze --format json "$ZK100"
  ANALYZE=$LAST_SECONDS
  measure "sec --notail (3 rules), zk-100MB" "$ZK100_BYTES" "${ONE[@]}" sec --conf=bench/sec/seed-chain.sec --notail --input="$ZK100"
  SEC=$LAST_SECONDS
  ratio "parse + merge: lnav / events --count" "$LNAV" "$COUNT"
  ratio "NDJSON: lnav / events" "$LNAV" "$NDJSON"
  ratio "NDJSON speed / parse speed: events --count / events" "$COUNT" "$NDJSON"
  ratio "analyze: rg -f patterns-20 / analyze" "$RG" "$ANALYZE"
  ratio "analyze: python3 / analyze" "$PY" "$ANALYZE"
  ratio "analyze: SEC (3 rules) / analyze (all rules)" "$SEC" "$ANALYZE"
  measure "faultline analyze -j 1, three slices" "$SLICE_BYTES" "${ONE[@]}" "$FAULTLINE" analyze -j 1 --format json "${SLICES[@]}"
  J1=$LAST_SECONDS
  measure "faultline analyze, all $(nproc) cores, three slices" "$SLICE_BYTES" "$FAULTLINE" analyze --format json "${SLICES[@]}"
  ratio "all cores / one core: analyze -j 1 / analyze" "$J1" "$LAST_SECONDS"
  measure "faultline analyze, storm-256MB.log.gz" "$STORM_BYTES" "${ONE[@]}" "$FAULTLINE" analyze --format json "$DATA/gz/storm-256MB.log.gz"
  STORM=$LAST_SECONDS
  measure "faultline analyze, quiet-256MB.log.gz" "$STORM_BYTES" "${ONE[@]}" "$FAULTLINE" analyze --format json "$DATA/gz/quiet-256MB.log.gz"
  ratio "storm speed / quiet speed: quiet / storm" "$LAST_SECONDS" "$STORM"
  measure "faultline analyze (all rules), zk-1GB (peak RSS)" "$ZK_BYTES" "${ONE[@]}" "$FAULTLINE" analyze --format json "$ZK"
  echo
  echo "## Parsing in more layouts, merging, compressed input"
  echo
} | tee bench/results/latest.md

{
  echo "| command | seconds | MB/s | peak RSS MiB |"
  echo "|---|---:|---:|---:|"
  measure "cat zk-1GB.log" "$ZK_BYTES" cat "$ZK"
  measure "rg -c 'transaction timeout' zk-1GB.log" "$ZK_BYTES" rg -c 'transaction timeout' "$ZK"
  measure "lnav -n (index + count) zk-1GB.log" "$ZK_BYTES" lnav -n -c ';SELECT count(*) FROM all_logs' "$ZK"
  measure "faultline events --count zk-1GB.log" "$ZK_BYTES" "$FAULTLINE" events --count "$ZK"
  # One core each (taskset -c 0): lnav indexes with several threads, faultline with one.
  measure "lnav -n, one core (taskset -c 0) zk-1GB.log" "$ZK_BYTES" \
    taskset -c 0 lnav -n -c ';SELECT count(*) FROM all_logs' "$ZK"
  LNAV_ONE=$LAST_SECONDS
  measure "faultline events --count, one core (taskset -c 0) zk-1GB.log" "$ZK_BYTES" \
    taskset -c 0 "$FAULTLINE" events --count "$ZK"
  awk -v l="$LNAV_ONE" -v f="$LAST_SECONDS" \
    'BEGIN { printf "| one core: lnav / faultline | %.1fx | | |\n", (f > 0 ? l / f : 0) }'
  # The compiled-layout paths, one core: --layout with ZooKeeper's own pattern (read by its
  # scanner), and a layout no scanner reads (the 100 MB slice rewritten in a logback layout).
  measure "faultline events --count --layout ZK_PATTERN, one core zk-1GB.log" "$ZK_BYTES" \
    taskset -c 0 "$FAULTLINE" events --count --layout "$ZK_PATTERN" "$ZK"
  awk -v l="$LNAV_ONE" -v f="$LAST_SECONDS" \
    'BEGIN { printf "| one core: lnav / faultline --layout ZK_PATTERN | %.1fx | | |\n", (f > 0 ? l / f : 0) }'
  measure "lnav -n, one core zk-100MB-logback.log" "$LOGBACK_BYTES" \
    taskset -c 0 lnav -n -c ';SELECT count(*) FROM all_logs' "$LOGBACK"
  LNAV_LOGBACK=$LAST_SECONDS
  measure "faultline events --count --layout LOGBACK_PATTERN, one core zk-100MB-logback.log" \
    "$LOGBACK_BYTES" taskset -c 0 "$FAULTLINE" events --count --layout "$LOGBACK_PATTERN" "$LOGBACK"
  awk -v l="$LNAV_LOGBACK" -v f="$LAST_SECONDS" \
    'BEGIN { printf "| one core: lnav / faultline --layout LOGBACK_PATTERN | %.1fx | | |\n", (f > 0 ? l / f : 0) }'
  measure "faultline events --count, 3 files merged" "$ALL_BYTES" "$FAULTLINE" events --count "${ALL[@]}"
  measure "lnav -n, 3 files merged" "$ALL_BYTES" lnav -n -c ';SELECT count(*) FROM all_logs' "${ALL[@]}"
  measure "zcat 3 files .gz" "$ALL_BYTES" sh -c 'zcat "$@" >/dev/null' sh "${GZ[@]}"
  measure "faultline events --count, 3 files .gz" "$ALL_BYTES" "$FAULTLINE" events --count "${GZ[@]}"
  measure "faultline timeline zk-1GB.log >/dev/null" "$ZK_BYTES" "$FAULTLINE" timeline --color never "$ZK"
  measure "faultline analyze (all rules), 3 files merged" "$ALL_BYTES" "$FAULTLINE" analyze --format json "${ALL[@]}"
  measure "faultline analyze (all rules), 100 MB slices" "$SLICE_BYTES" "$FAULTLINE" analyze --format json "${SLICES[@]}"
  measure "sec --notail (3 rules), 100 MB slices" "$SLICE_BYTES" sec --conf=bench/sec/seed-chain.sec --notail "${SLICES[@]/#/--input=}"
} | tee -a bench/results/latest.md
