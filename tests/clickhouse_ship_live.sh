#!/usr/bin/env bash
# `faultline ship` against real ClickHouse servers (tests/clickhouse_cluster.sh): the seed incident
# stored in full; --state ships only what is new, nothing twice (also after a kill between an
# acknowledged insert and the state write); bad URL, server down, wrong password and an older
# schema each give a clear error and exit 2 with the state untouched; a two-shard cluster spreads
# the rows over both shards through the Distributed table, and analyze --engine there finds what
# local analyze finds. Needs FAULTLINE (the binary).
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
source "$HERE/clickhouse_cluster.sh"
: "${FAULTLINE:?set FAULTLINE to the faultline binary}"
SEED=$HERE/../testdata/incidents/zkfc-connectionloss
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
check_eq() { [ "$1" = "$2" ] || fail "$3: got '$1', expected '$2'"; }
check_has() { grep -qF -- "$2" <<<"$1" || fail "$3: '$2' not in: $1"; }
T0=$SECONDS

ch_start 1 || exit 1
echo "one server started in ${CH_START_SECONDS}s"
LOGS=$CH_WORK/logs
mkdir -p "$LOGS" && cp "$SEED"/*.log "$LOGS"/
STATE=$CH_WORK/ship.state
URL="clickhouse://127.0.0.1:${CH_HTTP[1]}/fl"
count() { ch_query 1 "SELECT count() FROM fl.events"; }
local_count() { "$FAULTLINE" events --count "$LOGS"; }
append_records() {  # N: N new header lines at the end of the ZooKeeper log
  local i
  for ((i = 0; i < $1; i++)); do
    echo "2019-09-17 05:59:0$i,000 [myid:3] - INFO  [main:QuorumPeer@900] - appended record $RANDOM" >>"$LOGS/zk-leader.log"
  done
}

# 1. The seed incident, every record.
out=$("$FAULTLINE" ship "$URL" --state "$STATE" "$LOGS") || fail "first ship exited $?"
check_eq "$(count)" "$(local_count)" "rows after the first ship"
check_eq "$(ch_query 1 'SELECT count() FROM fl.sources FINAL')" 3 "sources rows"
check_eq "$(ch_query 1 "SELECT groupUniqArray(version) FROM fl.schema_version")" "[1]" "schema version"
# Every field came through: the same text digest, ClickHouse's view and faultline's.
check_eq "$(ch_query 1 "SELECT countIf(message != substring(text, message_at + 1, message_len)) FROM fl.events")" 0 "message strings"

# 2. Again with nothing new: nothing shipped.
before=$(count)
out=$("$FAULTLINE" ship "$URL" --state "$STATE" "$LOGS") || fail "idle ship exited $?"
check_has "$out" "nothing new" "idle ship"
check_eq "$(count)" "$before" "rows after an idle ship"

# 3. New lines: only those.
append_records 3
out=$("$FAULTLINE" ship "$URL" --state "$STATE" "$LOGS") || fail "ship of new lines exited $?"
check_has "$out" "shipped 3 records" "ship of new lines"
check_eq "$(count)" "$(local_count)" "rows after appending"

# 4. Server down (nothing listens there): exit 2, a clear message, the state untouched.
append_records 2
cp "$STATE" "$CH_WORK/state.before"
read -r dead_port <<<"$(_ch_free_ports 1)"
err=$("$FAULTLINE" ship "clickhouse://127.0.0.1:$dead_port/fl" --state "$STATE" "$LOGS" 2>&1 >/dev/null)
check_eq "$?" 2 "exit status, server down"
check_has "$err" "cannot connect to 127.0.0.1:$dead_port" "server down message"
cmp -s "$STATE" "$CH_WORK/state.before" || fail "the state changed although nothing was shipped"

# 5. Wrong password: exit 2 and ClickHouse's reason; the right one works.
err=$("$FAULTLINE" ship "clickhouse://ops:wrong@127.0.0.1:${CH_HTTP[1]}/fl" --state "$STATE" "$LOGS" 2>&1 >/dev/null)
check_eq "$?" 2 "exit status, wrong password"
check_has "$err" "refused user 'ops'" "wrong password message"
check_has "$err" "Wrong password" "wrong password message"
cmp -s "$STATE" "$CH_WORK/state.before" || fail "the state changed after a refused login"

# 6. Killed after ClickHouse acknowledged the insert, before the state was saved: the next run
# finds the rows there and ships nothing twice.
FAULTLINE_FAILPOINT=ship-inserted "$FAULTLINE" ship "clickhouse://ops:secret@127.0.0.1:${CH_HTTP[1]}/fl" \
  --state "$STATE" "$LOGS" >/dev/null 2>&1
check_eq "$?" 137 "exit status at the failpoint (SIGKILL)"
[ -f "$STATE.shipping" ] || fail "no in-flight marker after the kill"
check_eq "$(count)" "$(local_count)" "rows stored before the kill"
out=$("$FAULTLINE" ship "$URL" --state "$STATE" "$LOGS") || fail "ship after the kill exited $?"
check_has "$out" "shipped 0 records" "ship after the kill"
check_has "$out" "2 already there" "ship after the kill"
check_eq "$(count)" "$(local_count)" "rows after the recovery (nothing twice)"
[ ! -f "$STATE.shipping" ] || fail "in-flight marker left after a good run"
append_records 1
out=$("$FAULTLINE" ship "$URL" --state "$STATE" "$LOGS") || fail "ship after recovery exited $?"
check_has "$out" "shipped 1 records" "normal run after the recovery"

# 6b. The same with many small batches, killed after the third: part of the new lines is stored,
# the rest is not; the next run ships exactly the rest.
append_records 9
cp "$STATE" "$CH_WORK/state.before"
FAULTLINE_FAILPOINT=ship-inserted@3 "$FAULTLINE" ship --batch-bytes 300 "$URL" --state "$STATE" "$LOGS" >/dev/null 2>&1
check_eq "$?" 137 "exit status at the third insert (SIGKILL)"
cmp -s "$STATE" "$CH_WORK/state.before" || fail "the state advanced before the run finished"
stored=$(count)
[ "$stored" -lt "$(local_count)" ] || fail "the killed run stored everything ($stored): nothing to recover"
out=$("$FAULTLINE" ship --batch-bytes 300 "$URL" --state "$STATE" "$LOGS") || fail "recovery with small batches exited $?"
check_eq "$(count)" "$(local_count)" "rows after recovering from a kill between batches"
check_has "$out" "already there" "recovery with small batches"

# 7. Rotation: the log renamed (and later gzipped) and a new one started; the rest of the old
# file and the new file ship, nothing twice. Configuration values among the inputs ship too.
append_records 2
mv "$LOGS/zk-leader.log" "$LOGS/zk-leader.log.1"
echo "2019-09-17 06:00:00,000 [myid:3] - INFO  [main:QuorumPeer@900] - first record of the new file" >"$LOGS/zk-leader.log"
printf 'tickTime=2000\nsyncLimit=5\n' >"$LOGS/zoo.cfg"
out=$("$FAULTLINE" ship "$URL" --state "$STATE" "$LOGS") || fail "ship after rotation exited $?"
check_has "$out" "shipped 3 records" "ship after rotation (2 left in the rotated file, 1 new)"
check_eq "$(count)" "$(local_count)" "rows after rotation"
check_eq "$(ch_query 1 "SELECT text FROM fl.config_values FINAL WHERE name = 'syncLimit'")" 5 "syncLimit shipped"
gzip "$LOGS/zk-leader.log.1"
append_records 1
out=$("$FAULTLINE" ship "$URL" --state "$STATE" "$LOGS") || fail "ship after gzip exited $?"
check_has "$out" "shipped 1 records" "ship after the rotated file was gzipped"
check_eq "$(count)" "$(local_count)" "rows after gzip"
check_eq "$(ch_query 1 'SELECT uniqExact(source) FROM fl.events')" 4 "source keys (the rotated file kept its key)"

# 8. A database written by an older schema: refused, never mixed.
ch_query 1 "CREATE DATABASE old" && ch_query 1 "CREATE TABLE old.schema_version (version UInt32, written_by String, shipped_at Int64) ENGINE = MergeTree() ORDER BY version" &&
  ch_query 1 "INSERT INTO old.schema_version VALUES (0, 'faultline 0.0', 0)"
err=$("$FAULTLINE" ship "clickhouse://127.0.0.1:${CH_HTTP[1]}/old" "$LOGS" 2>&1 >/dev/null)
check_eq "$?" 2 "exit status, older schema"
check_has "$err" "holds faultline schema version 0" "older schema message"
check_eq "$(ch_query 1 'SELECT count() FROM system.tables WHERE database = '"'old'")" 1 "tables made in an older database"

# 9. A bad URL.
err=$("$FAULTLINE" ship "http://127.0.0.1:${CH_HTTP[1]}" "$LOGS" 2>&1 >/dev/null)
check_eq "$?" 2 "exit status, bad URL"
check_has "$err" "bad ClickHouse URL" "bad URL message"

# 10. Two shards: the Distributed table takes the rows, both shards hold some, the sum is all.
ch_stop_all
ch_start 2 || exit 1
echo "two shards (and a ZooKeeper for ON CLUSTER) started in ${CH_START_SECONDS}s"
mkdir -p "$CH_WORK/logs" && cp -r "$SEED"/*.log "$CH_WORK/logs"/ && LOGS=$CH_WORK/logs
out=$("$FAULTLINE" ship "clickhouse://127.0.0.1:${CH_HTTP[1]}/fl?cluster=$CH_CLUSTER" "$LOGS") || fail "cluster ship exited $?"
total=$(local_count)
check_eq "$(ch_query 1 'SELECT count() FROM fl.events')" "$total" "rows through the Distributed table"
s1=$(ch_query 1 'SELECT count() FROM fl.events_local')
s2=$(ch_query 2 'SELECT count() FROM fl.events_local')
[ "$s1" -gt 0 ] && [ "$s2" -gt 0 ] || fail "rows not spread over both shards: $s1 and $s2"
check_eq "$((s1 + s2))" "$total" "rows on the two shards together"
check_eq "$(ch_query 2 'SELECT count() FROM fl.sources')" 3 "sources through shard 2's Distributed table"
# What the shards hold is what the logs said: the rules run there find the same incidents.
"$FAULTLINE" analyze --format json "$LOGS" >"$CH_WORK/local.json"
"$FAULTLINE" analyze --format json --engine "clickhouse://127.0.0.1:${CH_HTTP[2]}/fl?cluster=$CH_CLUSTER" \
  >"$CH_WORK/engine.json" || [ $? -eq 1 ] || fail "analyze --engine on the cluster failed"
grep -q "\"rule\":\"zk-txn-timeout-zkfc-exit\"" "$CH_WORK/local.json" || fail "local analyze found no incident to compare"
cmp -s "$CH_WORK/local.json" "$CH_WORK/engine.json" || fail "analyze --engine on the two shards differs from local analyze"

echo "clickhouse ship live test: $((SECONDS - T0)) s, $failures failure(s)"
[ "$failures" -eq 0 ]
