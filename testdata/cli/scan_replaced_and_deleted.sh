# A log replaced in place by other content of the same size (as when an inode is reused after a
# rotation) is read from its start, not resumed mid-way; a deleted log is forgotten quietly.
source "$(dirname "$0")/lib.bash"
logs="$SCRATCH/logs" state="$SCRATCH/state"
mkdir "$logs"
# Two hours of lines, one a minute: long enough that a resumed read would skip most of them.
two_hours() {
  for h in 03 04; do for m in $(seq -w 0 59); do
    printf '2019-09-17 %s:%s:00,000 INFO org.apache.hadoop.ha.HealthMonitor: %s\n' "$h" "$m" "$1"
  done; done
}
two_hours "old" >"$logs/hadoop-hdfs-zkfc-nn1.log"
cp "$logs/hadoop-hdfs-zkfc-nn1.log" "$logs/other.log"
run scan --state "$state" "$logs"
expect_status 0
grep -q "other.log" "$state" || fail "other.log not in the state"
inode_before=$(stat -c %i "$logs/hadoop-hdfs-zkfc-nn1.log")
two_hours "new" >"$logs/hadoop-hdfs-zkfc-nn1.log"  # same size, same inode, other content
[ "$(stat -c %i "$logs/hadoop-hdfs-zkfc-nn1.log")" = "$inode_before" ] || fail "test setup: inode changed"
rm "$logs/other.log"
run scan --state "$state" --stats "$logs"
expect_status 0
# All 120 lines were read from the start (resuming would have re-read only the last minutes).
grep -q "^faultline: stats: 120 lines read" "$ERR" || fail "replaced file not re-read: $(cat "$ERR")"
grep -q "other.log" "$state" && fail "deleted file still in the state"
grep -q "No such file" "$ERR" && fail "a deleted log was reported as an error"
# Unchanged, the next run re-reads only the last minutes.
run scan --state "$state" --stats "$logs"
grep -q "^faultline: stats: 120 lines read" "$ERR" && fail "an unchanged file was read from the start"
pass
