#!/usr/bin/env bash
# `analyze --engine` against real ClickHouse servers (tests/clickhouse_cluster.sh): the records
# of a set of logs are shipped, and `analyze --engine URL --format json` must print exactly what
# local `analyze --format json` prints for the same logs (byte for byte: every incident with its
# rule, hosts, first/last time, chain, evidence, confidence and missing steps, the episodes, the
# record count and the unexplained templates). Logs: every rule fixture (fires/, quiet/,
# partial/), the seed incident (also text, markdown and html, and --explain), and the real runs
# kept in testdata/live/captured; the seed, the captured runs and fixtures of rules with roles,
# counts and absence again through the Distributed table of a two-shard cluster. Then the
# errors: no data, wrong password, server down. Needs FAULTLINE (the binary).
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
source "$HERE/clickhouse_cluster.sh"
: "${FAULTLINE:?set FAULTLINE to the faultline binary}"
DATA=$(cd "$HERE/../testdata" && pwd)
failures=0 compared=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
T0=$SECONDS

# same URL DIR [ARGS...]: ships DIR to URL (a database of its own), then compares the reports.
same() {
  local url=$1 dir=$2
  shift 2
  "$FAULTLINE" ship "$url" "$dir" >/dev/null 2>"$CH_WORK/ship.err" || {
    fail "ship $dir: $(cat "$CH_WORK/ship.err")"
    return
  }
  compare "$url" "$dir" --format json "$@"
}

# compare URL DIR ARGS...: analyze --engine URL ARGS and analyze DIR ARGS print the same.
compare() {
  local url=$1 dir=$2
  shift 2
  "$FAULTLINE" analyze --engine "$url" "$@" >"$CH_WORK/engine.out" 2>"$CH_WORK/engine.err"
  local engine_status=$?
  "$FAULTLINE" analyze "$dir" "$@" >"$CH_WORK/local.out" 2>/dev/null
  local local_status=$?
  compared=$((compared + 1))
  [ "$engine_status" = "$local_status" ] ||
    fail "$dir $*: exit $engine_status with --engine, $local_status locally: $(cat "$CH_WORK/engine.err")"
  cmp -s "$CH_WORK/engine.out" "$CH_WORK/local.out" ||
    fail "$dir $*: the reports differ: $(diff "$CH_WORK/engine.out" "$CH_WORK/local.out" | head -c 600)"
}

ch_start 1 || exit 1
BASE="clickhouse://127.0.0.1:${CH_HTTP[1]}"
SEED=$DATA/incidents/zkfc-connectionloss

# 1. The seed incident in every format, and with --explain (the step conditions only).
same "$BASE/seed" "$SEED"
for format in text markdown html; do compare "$BASE/seed" "$SEED" --format "$format"; done
compare "$BASE/seed" "$SEED" --explain
compare "$BASE/seed" "$SEED" --format json -j 1
compare "$BASE/seed" "$SEED" --format json --from '2019-09-17 05:00:00' --to '2019-09-17 05:04:12.500'

# 2. Every rule fixture and every captured live run, one database each.
n=0
for dir in "$DATA"/rules/*/*/ "$DATA"/live/captured/*/; do
  n=$((n + 1))
  same "$BASE/d$n" "${dir%/}"
done
echo "one server: $compared reports compared in $((SECONDS - T0)) s"

# 3. Errors: a database without faultline data, a wrong password, a server that is down.
err=$("$FAULTLINE" analyze --engine "$BASE/nothing_here" 2>&1 >/dev/null)
[ $? -eq 2 ] || fail "no data: exit status not 2"
grep -qF "run \`faultline ship" <<<"$err" || fail "no data: message: $err"
err=$("$FAULTLINE" analyze --engine "clickhouse://ops:wrong@127.0.0.1:${CH_HTTP[1]}/seed" 2>&1 >/dev/null)
[ $? -eq 2 ] || fail "wrong password: exit status not 2"
grep -qF "refused user 'ops'" <<<"$err" || fail "wrong password: message: $err"
ch_stop 1
err=$("$FAULTLINE" analyze --engine "$BASE/seed" 2>&1 >/dev/null)
[ $? -eq 2 ] || fail "server down: exit status not 2"
grep -qF "cannot connect to 127.0.0.1:${CH_HTTP[1]}" <<<"$err" || fail "server down: message: $err"

# 4. Two shards: the same answers through the Distributed table.
ch_stop_all
ch_start 2 || exit 1
CLUSTER_T0=$SECONDS
BASE="clickhouse://127.0.0.1:${CH_HTTP[1]}"
Q="?cluster=$CH_CLUSTER"
same "$BASE/seed$Q" "$SEED"
compare "$BASE/seed$Q" "$SEED" --format text
n=0
for dir in "$DATA"/live/captured/*/ "$DATA"/rules/{zkfc-nn-down,zk-session-expiry-storm,zk-txn-timeout-zkfc-exit}/*/; do
  n=$((n + 1))
  same "$BASE/c$n$Q" "${dir%/}"
done
echo "two shards: $((SECONDS - CLUSTER_T0)) s"

echo "clickhouse analyze --engine live test: $compared reports compared, $((SECONDS - T0)) s, $failures failure(s)"
[ "$failures" -eq 0 ]
