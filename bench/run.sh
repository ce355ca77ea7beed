#!/usr/bin/env bash
# Parse + merge throughput and peak memory of faultline, side by side with cat, ripgrep and lnav,
# measured in the same run on the shared deterministic corpus. A benchmark, not a test.
#
#   bench/run.sh [RUNS]     RUNS per measurement (default 3; the best wall time is kept)
#
# Builds the corpus with ../shared/bench/make-corpus.sh into bench/data (git-ignored) if absent,
# gzips it once into bench/data/gz, builds faultline (Release), and prints a Markdown table
# (also written to bench/results/latest.md). Needs: ripgrep, lnav, GNU time (Debian packages
# ripgrep, lnav, time).
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
cat "${ALL[@]}" >/dev/null  # warm the page cache

{
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -r)"
  echo "Versions: $($FAULTLINE --version), $(rg --version | head -1), lnav $(lnav -V | awk '{print $2}'), SEC $(sec --version 2>&1 | awk 'NR==1 {print $NF}'), $(cat --version | head -1)"
  echo "Runs per figure: $RUNS (best wall time). MB/s = input MiB (uncompressed) / wall second."
  echo
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
} | tee bench/results/latest.md
