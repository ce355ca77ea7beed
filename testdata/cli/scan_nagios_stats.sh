# scan --nagios prints one status line with performance data and exits 2 (CRITICAL) for a new
# critical incident, and stays CRITICAL while its episode is open; 0 (OK) once nothing is new
# and no episode is open; --stats writes its figures to stderr.
source "$(dirname "$0")/lib.bash"
cp -r "$TESTDATA/incidents/zkfc-connectionloss" "$SCRATCH/logs"
run scan --nagios --stats --state "$SCRATCH/state" "$SCRATCH/logs"
expect_status 2
[ "$(wc -l <"$OUT")" -eq 1 ] || fail "more than one status line: $(cat "$OUT")"
grep -qE '^FAULTLINE CRITICAL - [0-9]+ new incident\(s\), [0-9]+ open episode\(s\): Leader dropped a follower for a transaction timeout; the ZKFC then gave up on ZooKeeper \| lines=4079 unparsed=0 critical=1 warning=[0-9]+ info=0 open=[0-9]+$' "$OUT" \
  || fail "status line: $(cat "$OUT")"
grep -q "^faultline: stats: 4079 lines read, " "$ERR" || fail "stats: $(cat "$ERR")"
grep -q "^faultline: stats: rule zk-txn-timeout-zkfc-exit: 1 match(es)$" "$ERR" || fail "per-rule stats: $(cat "$ERR")"
# Nothing new, the episodes still open (log time has not moved): still CRITICAL, nothing read.
run scan --nagios --state "$SCRATCH/state" "$SCRATCH/logs"
expect_status 2
grep -qE '^FAULTLINE CRITICAL - 0 new incident\(s\), [1-9][0-9]* open episode\(s\): no new data \| lines=0 ' "$OUT" || fail "$(cat "$OUT")"
# New lines without an incident, 4 h later: the episodes have ended, OK, with the lines read.
echo "2019-09-17 09:00:00,000 [myid:3] - INFO  [main:QuorumPeer@100] - nothing to see" >>"$SCRATCH/logs/zk-leader.log"
echo "2019-09-17 09:00:00,000 INFO org.apache.hadoop.ha.ZKFailoverController: nothing to see" >>"$SCRATCH/logs/hadoop-hdfs-zkfc-nn1.log"
echo "2019-09-17 09:00:00,100 -client:client.py-L490-INFO: nothing to see" >>"$SCRATCH/logs/monitor.log"
run scan --nagios --state "$SCRATCH/state" "$SCRATCH/logs"
expect_status 0
grep -q '^FAULTLINE OK - 0 new incident(s), 0 open episode(s): no new incident | lines=' "$OUT" || fail "$(cat "$OUT")"
# Nothing new at all: OK without reading a line.
run scan --nagios --stats --state "$SCRATCH/state" "$SCRATCH/logs"
expect_status 0
grep -qx 'FAULTLINE OK - 0 new incident(s), 0 open episode(s): no new data | lines=0 unparsed=0 critical=0 warning=0 info=0 open=0' "$OUT" || fail "$(cat "$OUT")"
grep -q "^faultline: stats: idle: 3 file(s) unchanged, 0 bytes read, " "$ERR" || fail "idle stats: $(cat "$ERR")"
pass
