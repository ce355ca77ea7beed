# Logs a mail client folded at a fixed width (fold -s: the blank stays at the end of each piece)
# or that an archive folded and trimmed (the blank gone) read as the logs themselves: the same
# records and fields, the same diagnosis, on files and on standard input.
source "$(dirname "$0")/lib.bash"
incident="$TESTDATA/incidents/zkfc-connectionloss"
mkdir -p "$SCRATCH/mail" "$SCRATCH/archive"
for f in zk-leader.log hadoop-hdfs-zkfc-nn1.log monitor.log; do
  fold -s -w 76 "$incident/$f" >"$SCRATCH/mail/$f"
  fold -s -w 72 "$incident/$f" | sed 's/[[:space:]]*$//' >"$SCRATCH/archive/$f"
done
grep -q '^\[SessionTracker:ZooKeeperServer@355\] - Expiring session' "$SCRATCH/mail/zk-leader.log" ||
  fail "fold did not split the ZooKeeper records"

# Folded with its blanks kept, the ZooKeeper and kazoo logs come back record for record.
for f in zk-leader.log monitor.log; do
  expect_same_records "$incident/$f" "$SCRATCH/mail/$f"
done
# The ZKFC's records too (a banner line that the folding began with a date stays apart).
run events "$SCRATCH/mail/hadoop-hdfs-zkfc-nn1.log"
grep -c '"level":"' "$OUT" | grep -qx 82 || fail "folded ZKFC log: $(grep -c '"level":"' "$OUT") records, not 82"
grep -q '"level":"FATAL".*"message":"Got a fatal error, exiting now","continuation":"java.lang.RuntimeException: ZK Failover Controller failed' "$OUT" ||
  fail "the ZKFC's FATAL record lost its exception line"
expect_same_diagnosis "$incident" "$SCRATCH/mail"

# Folded and trimmed: each piece lost its blank, so double blanks come back single; the
# diagnosis is the same, and every ZooKeeper record is parsed.
expect_same_diagnosis "$incident" "$SCRATCH/archive"
run sources "$SCRATCH/archive/zk-leader.log"
grep -q 'zookeeper/myid .* 1560 *0 ' "$OUT" || fail "trimmed fold: $(tail -1 "$OUT")"

run_stdin "$SCRATCH/mail/zk-leader.log" events -
grep -q '"level":"WARN".*"message":"Closing connection to peer due to transaction timeout."' "$OUT" ||
  fail "standard input: the folded timeout record was not joined"
pass
