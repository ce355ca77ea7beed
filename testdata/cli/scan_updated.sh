# Cron mode (--no-group: every occurrence on its own): an incident that gains a match in a later run is reported once more, marked as an
# update, and its --report-dir files are rewritten under the same names; it is not duplicated.
source "$(dirname "$0")/lib.bash"
seed="$TESTDATA/incidents/zkfc-connectionloss"
logs="$SCRATCH/logs" reports="$SCRATCH/reports" state="$SCRATCH/state"
mkdir "$logs" "$reports"
head -853 "$seed/zk-leader.log" >"$logs/zk-leader.log"  # up to 05:04:12, the chain complete
# Without the ZKFC's earlier HealthMonitor time-out (04:51:37, an incident of its own).
grep -v '^2019-09-17 04:51:37,336 ' "$seed/hadoop-hdfs-zkfc-nn1.log" | head -102 \
  >"$logs/hadoop-hdfs-zkfc-nn1.log"
head -1383 "$seed/monitor.log" >"$logs/monitor.log"
run scan --no-group --state "$state" --report-dir "$reports" --format json "$logs"
expect_status 1
python3 - "$OUT" <<'PY' || fail "first run: $(cat "$OUT")"
import json, sys
inc = json.load(open(sys.argv[1]))["incidents"]
assert [(i["rule"], i["status"]) for i in inc] == [("zk-txn-timeout-zkfc-exit", "new")], inc
assert "kazoo-session-lost" not in inc[0]["rules_fired"], inc[0]["rules_fired"]
PY
names=$(cd "$reports" && ls)
[ "$(echo "$names" | wc -l)" -eq 3 ] || fail "expected one .md, one .json and one .html: $names"
echo "$names" | grep -qx '2019-09-17T05-04-12_zk-txn-timeout-zkfc-exit_zk-leader_[0-9a-f]*\.json' ||
  fail "report name: $names"

# Eight seconds later the monitor's session is found expired: same incident, one more match.
printf '%s\n' '2019-09-17 05:04:20,100 -connection:connection.py-L614-WARNING: Session has expired' \
  '2019-09-17 05:04:20,101 -client:client.py-L490-WARNING: Zookeeper session closed, state: EXPIRED_SESSION' \
  >>"$logs/monitor.log"
run scan --no-group --state "$state" --report-dir "$reports" --format json "$logs"
expect_status 1
python3 - "$OUT" <<'PY' || fail "second run: $(cat "$OUT")"
import json, sys
inc = json.load(open(sys.argv[1]))["incidents"]
assert [(i["rule"], i["status"]) for i in inc] == [("zk-txn-timeout-zkfc-exit", "updated")], inc
assert "kazoo-session-lost" in inc[0]["rules_fired"], inc[0]["rules_fired"]
PY
[ "$(cd "$reports" && ls)" = "$names" ] || fail "update wrote other files: $(ls "$reports")"
grep -q "kazoo-session-lost" "$reports"/*.json || fail "report file not rewritten"
grep -q 'data-incident="zk-txn-timeout-zkfc-exit|' "$reports"/*.html || fail "no HTML report"
grep -q "^## 1. CRITICAL: (updated) " "$reports"/*.md || fail "markdown lacks the mark"
run scan --no-group --state "$state" "$logs"
expect_status 0
grep -q "^\[1\]" "$OUT" && fail "third run reported again: $(cat "$OUT")"

# Text output marks the update too.
rm -f "$state"
head -1383 "$seed/monitor.log" >"$logs/monitor.log"
run scan --no-group --state "$state" --quiet "$logs"
expect_status 1
grep -q "(updated)" "$OUT" && fail "a new incident marked as updated"
echo '2019-09-17 05:04:20,100 -connection:connection.py-L614-WARNING: Session has expired' >>"$logs/monitor.log"
run scan --no-group --state "$state" --quiet "$logs"
expect_status 1
grep -q "^\[1\] CRITICAL  (updated) " "$OUT" || fail "text lacks the mark: $(head -3 "$OUT")"
pass
